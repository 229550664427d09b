import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A streaming RFC 4180 record parser over the bytes of one file.
///
/// The file is read with `read(2)` in chunks of `chunkSize` bytes into one buffer; a record that is
/// cut by the end of the buffer is moved to the front and scanned again once more bytes are in. Every
/// byte read is hashed (SHA-256) and validated as UTF-8 without NUL bytes. A record's fields are
/// reported as byte ranges in the buffer (valid until the next call to ``nextRecord()``); quoted
/// fields are unescaped on request into a scratch buffer.
///
/// State machine per field: unquoted (until delimiter, CR or LF; a `"` inside is literal) or quoted
/// (until a `"` not followed by `"`; delimiters, CR and LF inside are data; `""` is one quote; text
/// after the closing quote up to the delimiter is kept verbatim). A record ends at LF, CRLF, a lone CR,
/// or the end of the file. The physical line of each record's first byte is tracked.
///
/// A parser can also borrow a range of another parser's buffer (``init(borrowing:count:file:delimiter:maxFieldBytes:maxColumns:)``):
/// a piece of a file cut at a record boundary, parsed on its own thread; its lines count from 1.
final class _CSVRecordParser {
    let file: String
    private let fd: Int32
    private let chunkSize: Int
    let maxFieldBytes: Int
    /// Whether ``buffer`` is this parser's own (else it is borrowed, read-only, from another parser).
    private let ownsBuffer: Bool
    @exclusivity(unchecked) private(set) var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private(set) var position = 0
    @exclusivity(unchecked) private(set) var isAtEOF = false
    @exclusivity(unchecked) private var didCheckStart = false
    /// The physical line where the next record starts.
    @exclusivity(unchecked) private(set) var line = 1
    /// The physical line where the current record starts.
    @exclusivity(unchecked) private(set) var recordLine = 0
    /// Bytes read so far.
    @exclusivity(unchecked) private(set) var bytesRead = 0
    /// The size of the file when it was opened (0 for a pipe or an unknown size).
    let fileSize: Int
    /// SHA-256 runs on a background queue, one chunk behind: a chunk is hashed while it is parsed, and
    /// ``fill()`` waits for it before the buffer is reused.
    private let digest: _BackgroundDigest?
    @exclusivity(unchecked) private var validator = _UTF8Validator()

    @exclusivity(unchecked) private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    private let classes: UnsafeMutablePointer<UInt8>
    /// Field ranges of the current record: start, end (exclusive), quoted flag.
    private let fieldStarts: UnsafeMutablePointer<Int>
    private let fieldEnds: UnsafeMutablePointer<Int>
    private let fieldQuoted: UnsafeMutablePointer<Bool>
    private let fieldCapacity: Int
    /// The number of fields in the current record (may exceed the stored capacity).
    @exclusivity(unchecked) private(set) var fieldCount = 0
    @exclusivity(unchecked) private var scratch: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var scratchCapacity: Int

    /// Opens `path` for reading.
    /// - Throws: ``DataError`` `.missingInput` when it does not exist, is a directory or unreadable.
    init(path: String, maxFieldBytes: Int, maxColumns: Int, chunkSize: Int = 4 << 20) throws(DataError) {
        file = path
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            throw DataError(
                .missingInput, file: path, message: "cannot open the input file: \(reason)",
                hint: "check the path")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw DataError(
                .missingInput, file: path, message: "this is a directory, not a CSV file",
                hint: "give the path of a .csv file")
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            throw DataError(
                .missingInput, file: path, message: "cannot open the input file: \(reason)",
                hint: "check the path and its permissions")
        }
        fd = descriptor
        fileSize = (info.st_mode & S_IFMT) == S_IFREG ? max(Int(info.st_size), 0) : 0
        self.chunkSize = max(chunkSize, 64)
        self.maxFieldBytes = maxFieldBytes
        capacity = self.chunkSize * 2
        buffer = .allocate(capacity: capacity)
        (classes, fieldCapacity, fieldStarts, fieldEnds, fieldQuoted) = Self.recordStorage(maxColumns: maxColumns)
        scratchCapacity = 256
        scratch = .allocate(capacity: scratchCapacity)
        ownsBuffer = true
        digest = _BackgroundDigest()
        setDelimiter(UInt8(ascii: ","))
    }

    /// A parser of the `count` bytes at `base`, which belong to another parser's buffer and must stay
    /// unchanged while this one is used: a piece of the file that starts at a record boundary and ends
    /// just after a line feed (or at the end of the file). The bytes were hashed and validated when they
    /// were read, so this parser does neither; it is at the end of its input from the start, and its
    /// lines count from 1.
    init(
        borrowing base: UnsafePointer<UInt8>, count: Int, file: String, delimiter: UInt8, maxFieldBytes: Int, maxColumns: Int
    ) {
        self.file = file
        fd = -1
        fileSize = count
        chunkSize = max(count, 64)
        self.maxFieldBytes = maxFieldBytes
        ownsBuffer = false
        buffer = UnsafeMutablePointer(mutating: base)
        capacity = count
        self.count = count
        bytesRead = count
        isAtEOF = true
        didCheckStart = true
        digest = nil
        (classes, fieldCapacity, fieldStarts, fieldEnds, fieldQuoted) = Self.recordStorage(maxColumns: maxColumns)
        scratchCapacity = 256
        scratch = .allocate(capacity: scratchCapacity)
        setDelimiter(delimiter)
    }

    /// The byte classes and the field ranges of a record of up to `maxColumns` fields (+2).
    private static func recordStorage(maxColumns: Int) -> (
        UnsafeMutablePointer<UInt8>, Int, UnsafeMutablePointer<Int>, UnsafeMutablePointer<Int>, UnsafeMutablePointer<Bool>
    ) {
        let classes = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        classes.initialize(repeating: 0, count: 256)
        let fields = max(maxColumns, 1) + 2
        let quoted = UnsafeMutablePointer<Bool>.allocate(capacity: fields)
        quoted.initialize(repeating: false, count: fields)
        return (classes, fields, .allocate(capacity: fields), .allocate(capacity: fields), quoted)
    }

    deinit {
        digest?.wait()
        if fd >= 0 { close(fd) }
        if ownsBuffer { buffer.deallocate() }
        classes.deallocate()
        fieldStarts.deallocate()
        fieldEnds.deallocate()
        fieldQuoted.deallocate()
        scratch.deallocate()
    }

    /// Sets the field delimiter (one ASCII byte).
    func setDelimiter(_ byte: UInt8) {
        classes[Int(delimiter)] = 0
        delimiter = byte
        classes[Int(UInt8(ascii: "\n"))] = 1
        classes[Int(UInt8(ascii: "\r"))] = 1
        classes[Int(byte)] = 1
    }

    /// Skips `n` whole lines (LF, CR LF or CR) at the current position, counting them.
    /// - Returns: Whether the buffered bytes held `n` line ends.
    func skipLines(_ n: Int) -> Bool {
        var skipped = 0
        var i = position
        while skipped < n, i < count {
            if buffer[i] == UInt8(ascii: "\n") || buffer[i] == UInt8(ascii: "\r") {
                if buffer[i] == UInt8(ascii: "\r"), i + 1 < count, buffer[i + 1] == UInt8(ascii: "\n") { i += 1 }
                skipped += 1
            }
            i += 1
        }
        guard skipped == n else { return false }
        position = i
        line += n
        return true
    }

    /// Moves to `offset` in the buffer, a record boundary at or after the current position whose records
    /// before it were parsed elsewhere (pieces parsed on other threads), where the physical line is `line`.
    func advance(to offset: Int, line: Int) {
        position = min(max(offset, position), count)
        self.line = line
    }

    /// Skips `n` bytes at the current position (a byte-order mark).
    func skip(_ n: Int) {
        position = min(position + n, count)
    }

    /// The lowercase hex SHA-256 of all bytes read (call after the last record).
    func finishDigest() -> String {
        guard let digest else { return "" }
        digest.wait()
        return digest.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Reads the next chunk after moving the unparsed tail to the front; sets ``isAtEOF`` at the end.
    /// - Throws: ``DataError`` when the bytes are not UTF-8 CSV text or reading fails.
    func fill() throws(DataError) {
        guard let digest else {
            isAtEOF = true
            return
        }
        digest.wait()
        if position > 0 {
            let tail = count - position
            if tail > 0 { buffer.update(from: buffer + position, count: tail) }
            count = tail
            position = 0
        }
        if capacity - count < chunkSize {
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: count + chunkSize * 2)
            grown.update(from: buffer, count: count)
            buffer.deallocate()
            buffer = grown
            capacity = count + chunkSize * 2
        }
        var got = 0
        while true {
            got = read(fd, buffer + count, capacity - count)
            if got < 0 && errno == EINTR { continue }
            break
        }
        guard got >= 0 else {
            let reason = String(cString: strerror(errno))
            throw DataError(.missingInput, file: file, message: "reading the file failed: \(reason)", hint: nil)
        }
        if got == 0 {
            isAtEOF = true
            if !validator.isComplete {
                throw notText(line: line + newlines(from: position, to: count), found: "invalid UTF-8 (a truncated multi-byte character at the end)")
            }
            return
        }
        let start = count
        digest.update(UnsafeRawBufferPointer(start: buffer + start, count: got))
        count += got
        bytesRead += got
        if !didCheckStart {
            didCheckStart = true
            try checkMagic()
        }
        if let problem = validator.validate(buffer + start, got) {
            switch problem {
            case .nul(let offset):
                throw notText(
                    line: line + newlines(from: position, to: start + offset),
                    found: "NUL bytes (a binary file, or UTF-16 text)")
            case .invalid(let offset):
                let byte = buffer[start + offset]
                let hex = String(byte, radix: 16, uppercase: true)
                throw notText(
                    line: line + newlines(from: position, to: start + offset),
                    found: "invalid UTF-8 (byte 0x\(byte < 16 ? "0" : "")\(hex); Latin-1 or Windows-1252 text?)")
            }
        }
    }

    private func newlines(from a: Int, to b: Int) -> Int {
        var n = 0
        var i = a
        while i < b {
            if buffer[i] == UInt8(ascii: "\n") { n += 1 }
            i += 1
        }
        return n
    }

    private func notText(line: Int?, found: String) -> DataError {
        DataError(
            .badData, file: file, line: line, message: "this is not CSV text: found \(found)",
            hint: "export the data as CSV (UTF-8)")
    }

    private func checkMagic() throws(DataError) {
        func startsWith(_ bytes: [UInt8]) -> Bool {
            guard count >= bytes.count else { return false }
            for (k, b) in bytes.enumerated() where buffer[k] != b { return false }
            return true
        }
        if startsWith([0x50, 0x4B, 0x03, 0x04]) || startsWith([0x50, 0x4B, 0x05, 0x06]) {
            throw notText(line: nil, found: "a ZIP archive (an Excel .xlsx or .ods workbook?)")
        }
        if startsWith([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw notText(line: nil, found: "an OLE2 file (an old Excel .xls workbook?)")
        }
        if startsWith([0xFF, 0xFE]) || startsWith([0xFE, 0xFF]) {
            throw notText(line: nil, found: "a UTF-16 byte-order mark (UTF-16 text)")
        }
        if startsWith(Array("%PDF".utf8)) {
            throw notText(line: nil, found: "a PDF document")
        }
        if startsWith([0x1F, 0x8B]) {
            throw notText(line: nil, found: "gzip-compressed data (decompress it first)")
        }
    }

    private enum ScanResult {
        case complete(next: Int, newlines: Int, longest: Int)
        case incomplete(fieldStart: Int)
        case unterminatedQuote
    }

    /// Scans one record starting at `position` in the buffered bytes.
    @inline(__always)
    private func scanRecord() -> ScanResult {
        let buf = buffer
        let end = count
        let eof = isAtEOF
        let cls = classes
        let delim = delimiter
        let quote = UInt8(ascii: "\"")
        let lf = UInt8(ascii: "\n")
        let cap = fieldCapacity
        var p = position
        var nf = 0
        var nl = 0
        var longest = 0
        while true {
            let start = p
            var quoted = false
            if p < end && buf[p] == quote {
                quoted = true
                p += 1
                while true {
                    while p < end && buf[p] != quote {
                        if buf[p] == lf { nl += 1 }
                        p += 1
                    }
                    if p >= end { return eof ? .unterminatedQuote : .incomplete(fieldStart: start) }
                    // buf[p] is a quote: doubled (escaped) or closing?
                    if p + 1 < end {
                        if buf[p + 1] == quote {
                            p += 2
                            continue
                        }
                    } else if !eof {
                        return .incomplete(fieldStart: start)
                    }
                    p += 1
                    break
                }
                // Text after the closing quote up to the next delimiter is kept verbatim.
                while p < end && cls[Int(buf[p])] == 0 { p += 1 }
            } else {
                while p < end && cls[Int(buf[p])] == 0 { p += 1 }
            }
            if p - start > longest { longest = p - start }
            if nf < cap {
                fieldStarts[nf] = start
                fieldEnds[nf] = p
                fieldQuoted[nf] = quoted
            }
            nf += 1
            if p >= end {
                if eof {
                    fieldCount = nf
                    return .complete(next: p, newlines: nl, longest: longest)
                }
                return .incomplete(fieldStart: start)
            }
            let b = buf[p]
            if b == delim {
                p += 1
                if p >= end && !eof { return .incomplete(fieldStart: p) }
                continue
            }
            if b == lf {
                fieldCount = nf
                return .complete(next: p + 1, newlines: nl + 1, longest: longest)
            }
            // CR: CRLF or a lone CR.
            if p + 1 < end {
                fieldCount = nf
                return .complete(next: buf[p + 1] == lf ? p + 2 : p + 1, newlines: nl + 1, longest: longest)
            }
            if eof {
                fieldCount = nf
                return .complete(next: p + 1, newlines: nl + 1, longest: longest)
            }
            return .incomplete(fieldStart: p)
        }
    }

    /// Advances to the next record.
    /// - Parameter refill: Whether to read more of the file when the buffered bytes hold no complete
    ///   record; with `false` the parser stops there instead (returns `false`, position unchanged), at
    ///   the point where it would otherwise have called ``fill()``.
    /// - Returns: `false` at the end of the file (or of the buffered records without `refill`).
    /// - Throws: ``DataError`` for an unclosed quote, a field over the limit, or a read failure.
    func nextRecord(refill: Bool = true) throws(DataError) -> Bool {
        while true {
            if position >= count {
                if isAtEOF || !refill { return false }
                try fill()
                continue
            }
            switch scanRecord() {
            case .complete(let next, let newlines, let longest):
                recordLine = line
                line += newlines
                position = next
                if longest > maxFieldBytes { try checkFieldSizes() }
                return true
            case .incomplete(let fieldStart):
                if count - fieldStart > maxFieldBytes {
                    throw fieldTooLarge(line: line, quoted: buffer[fieldStart] == UInt8(ascii: "\""))
                }
                if !refill { return false }
                try fill()
            case .unterminatedQuote:
                throw DataError(
                    .badData, file: file, line: line,
                    message: "a quoted field in the record starting here is never closed (missing \")",
                    hint: "check the quotes on this line; a field with a comma, quote or line break must be enclosed in \"...\" with inner quotes doubled")
            }
        }
    }

    private func checkFieldSizes() throws(DataError) {
        let stored = min(fieldCount, fieldCapacity)
        for k in 0..<stored where fieldEnds[k] - fieldStarts[k] > maxFieldBytes {
            throw fieldTooLarge(line: recordLine, quoted: fieldQuoted[k])
        }
    }

    private func fieldTooLarge(line: Int, quoted: Bool) -> DataError {
        DataError(
            .badData, file: file, line: line,
            message: "a field is larger than the limit of \(maxFieldBytes) bytes"
                + (quoted ? " (an unclosed quote?)" : ""),
            hint: "check the quotes in this record; fields over \(maxFieldBytes >> 10) KiB are not supported")
    }

    // MARK: - Field access

    /// Whether field `k` of the current record is stored (below the column limit).
    @inline(__always)
    func hasField(_ k: Int) -> Bool { k < fieldCount && k < fieldCapacity }

    /// Whether field `k` is an unquoted empty field.
    @inline(__always)
    func isEmptyUnquoted(_ k: Int) -> Bool { !fieldQuoted[k] && fieldEnds[k] == fieldStarts[k] }

    /// The raw byte range of field `k` in ``buffer`` (untrimmed, quotes not removed).
    @inline(__always)
    func rawRange(_ k: Int) -> (start: Int, end: Int) { (fieldStarts[k], fieldEnds[k]) }

    /// Whether field `k` was quoted.
    @inline(__always)
    func isQuoted(_ k: Int) -> Bool { fieldQuoted[k] }

    /// The content of field `k`: unquoted fields trimmed of ASCII spaces and tabs (R's `strip.white`,
    /// pandas' `skipinitialspace`); quoted fields unescaped, their spaces kept (into a
    /// scratch buffer valid until the next call).
    @inline(__always)
    func field(_ k: Int) -> (UnsafePointer<UInt8>, Int) {
        var s = fieldStarts[k]
        var e = fieldEnds[k]
        if !fieldQuoted[k] {
            while s < e && (buffer[s] == UInt8(ascii: " ") || buffer[s] == UInt8(ascii: "\t")) { s += 1 }
            while e > s && (buffer[e - 1] == UInt8(ascii: " ") || buffer[e - 1] == UInt8(ascii: "\t")) { e -= 1 }
            return (UnsafePointer(buffer + s), e - s)
        }
        return unescape(s, e)
    }

    private func unescape(_ s: Int, _ e: Int) -> (UnsafePointer<UInt8>, Int) {
        if e - s > scratchCapacity {
            scratch.deallocate()
            scratchCapacity = e - s
            scratch = .allocate(capacity: scratchCapacity)
        }
        let quote = UInt8(ascii: "\"")
        var n = 0
        var inQuotes = false
        var i = s
        while i < e {
            let b = buffer[i]
            if b == quote {
                if inQuotes && i + 1 < e && buffer[i + 1] == quote {
                    scratch[n] = quote
                    n += 1
                    i += 2
                    continue
                }
                inQuotes.toggle()
                i += 1
                continue
            }
            scratch[n] = b
            n += 1
            i += 1
        }
        return (UnsafePointer(scratch), n)
    }

    /// Field `k` as a `String` (header names, messages).
    func fieldString(_ k: Int) -> String {
        let (p, n) = field(k)
        return String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    }

    /// An estimate of the records left in the file, from the line ends in the buffered bytes (an upper
    /// estimate of a few percent; exact when the whole file is buffered), for sizing per-row arrays.
    /// - Returns: At least 0 (0 when the sample has no line feed); at most one record per two bytes left
    ///   and 2^28.
    /// - Complexity: O(min(buffered bytes, 1 MiB)).
    func estimatedRecords() -> Int {
        let sample = min(count - position, 1 << 20)
        guard sample > 0 else { return 0 }
        let lines = newlines(from: position, to: position + sample)
        // Bytes from the current position to the end of the file as it was when opened.
        let remaining = fileSize - (bytesRead - (count - position))
        if sample == count - position && (isAtEOF || remaining <= sample) { return lines + 1 }
        let left = max(remaining, sample)
        guard lines > 0 else { return 0 }
        let estimate = left / max(sample / lines, 1)
        return min(estimate + estimate / 32 + 64, left / 2 + 1, 1 << 28)
    }

    /// The unparsed buffered bytes from the current position (for sniffing).
    func peek() -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer + position, count: count - position)
    }
}
