#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The columns a data file carries over unchanged from its input (the episodes of an infusion log, the
/// pieces of `relief split`): every column but those the file computes, in file order, each record's
/// fields kept as CSV-encoded bytes in one arena.
///
/// Each field is appended preceded by `,`, encoded as ``CSVWriter/appendEncoded(_:_:delimiter:to:)``
/// writes it (quoted where needed, neutralised against spreadsheet formulas); a run of neighbouring
/// fields that needs neither is copied as it stands in the file.
final class _CarriedFields {
    /// The carried columns' names, in file order.
    let names: [String]
    /// The carried columns as runs of neighbouring column indices (one run when the others come first or last).
    let runs: [Range<Int>]
    /// The encoded fields of every record appended.
    let bytes: _ByteBuffer
    /// Whether the file's delimiter is the output's (`,`): only then can a run be copied as it stands.
    private let rawCopies: Bool
    private let writer = CSVWriter()

    /// - Parameters:
    ///   - header: The file's column names.
    ///   - excluded: The indices of the columns not carried.
    ///   - delimiter: The file's delimiter.
    ///   - capacity: Bytes to reserve (untouched pages cost address space, not memory).
    init(header: [String], excluding excluded: Set<Int>, delimiter: CSVDialect.Delimiter, capacity: Int) {
        var runs: [Range<Int>] = []
        for k in header.indices where !excluded.contains(k) {
            if let last = runs.last, last.upperBound == k {
                runs[runs.count - 1] = last.lowerBound..<(k + 1)
            } else {
                runs.append(k..<(k + 1))
            }
        }
        self.runs = runs
        names = runs.flatMap { $0.map { header[$0] } }
        bytes = _ByteBuffer(capacity: runs.isEmpty ? 64 : capacity)
        rawCopies = delimiter.byte == UInt8(ascii: ",")
    }

    /// Appends the carried fields of the parser's current record.
    @inline(__always)
    func append(from parser: _CSVRecordParser) {
        for run in runs where !(rawCopies && Self.appendRaw(run, of: parser, to: bytes)) {
            for k in run {
                bytes.append(0x2C)
                let (p, n) = parser.field(k)
                writer.appendEncoded(p, n, delimiter: 0x2C, to: bytes)
            }
        }
    }

    /// Appends `,` and the fields `run` of the current record as they stand in the file, when that is how
    /// ``CSVWriter/appendEncoded(_:_:delimiter:to:)`` would write them: no field is quoted, has a space or
    /// tab at an edge, holds a `"` or starts like a formula (the file's delimiter must be `,`).
    /// - Returns: Whether the run was appended (else nothing was).
    @inline(__always)
    static func appendRaw(_ run: Range<Int>, of parser: _CSVRecordParser, to out: _ByteBuffer) -> Bool {
        let bytes = parser.buffer
        for k in run {
            if parser.isQuoted(k) { return false }
            let (start, end) = parser.rawRange(k)
            if end > start {
                let (first, last) = (bytes[start], bytes[end - 1])
                if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 || CSVWriter.startsLikeFormula(first) { return false }
            }
        }
        let from = parser.rawRange(run.lowerBound).start
        let to = parser.rawRange(run.upperBound - 1).end
        if to > from, memchr(bytes + from, 0x22, to - from) != nil { return false }
        out.append(0x2C)
        out.append(bytes + from, to - from)
        return true
    }
}
