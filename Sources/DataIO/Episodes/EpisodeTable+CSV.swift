import Dispatch

extension EpisodeTable {
    /// How many episodes ``writeCSV(_:)`` gathers at a time (``_ByteBuffer/touch(_:)``).
    static let block = 256

    /// The columns the episodes file computes, after the patient column and before the carried ones.
    public static let computedColumns = [
        "infusion_number", "infusion_date", "interval_days", "relief_days", "relief_ended", "start_day", "stop_day",
    ]

    /// The most bytes the computed fields of one record take: `infusion_number` (10), `infusion_date`
    /// (24), `interval_days`, `relief_days`, `start_day` and `stop_day` (24 each), `relief_ended` (1),
    /// seven commas and the line end.
    static let computedFieldsBudget = 144

    /// The episodes file's column names: the patient column, ``computedColumns``, then the log's carried columns.
    public var columnNames: [String] { [log.roles.patient] + Self.computedColumns + log.carriedColumns }

    /// The episodes as CSV bytes: a header of ``columnNames`` and one `\n`-terminated record per episode,
    /// comma-separated, UTF-8, no BOM (``writeCSV(_:)`` in one array).
    /// - Returns: The file content.
    /// - Complexity: O(n + bytes of the patients and the carried columns).
    public func csvBytes() -> [UInt8] { Self.collected { writeCSV($0) } }

    /// The pieces `write` hands to its argument, in one array.
    static func collected(_ write: ((UnsafeRawBufferPointer) -> Void) -> Void) -> [UInt8] {
        var bytes: [UInt8] = []
        write { piece in bytes.append(contentsOf: piece) }
        return bytes
    }

    /// Writes the episodes file in pieces (the header, then runs of 65,536 records, about 7 MB), each
    /// handed to `emit` in order, so that a file written this way never has to be held whole. Two runs
    /// are made at a time, on two threads (`DispatchQueue.concurrentPerform`).
    ///
    /// `infusion_date` is ISO 8601 (``ClinicalDate/description``); `interval_days` (empty for a first
    /// infusion), `relief_days`, `start_day` and `stop_day` are days with at most 6 decimals (0.0864 s),
    /// trailing zeros dropped; `relief_ended` is `1` (relief ended) or `0` (censored). The patient and the carried fields are
    /// written as read (quoted by ``CSVWriter`` rules where needed), every field and name neutralised
    /// against spreadsheet formulas (``CSVWriter/neutralised(_:)``). The bytes are written through a
    /// pointer into reused buffers: no `String` per field.
    /// - Parameter emit: Takes each piece (valid only during the call).
    /// - Throws: What `emit` throws; the pieces already emitted stay emitted.
    /// - Complexity: O(n + bytes of the patients and the carried columns).
    public func writeCSV<E: Error>(_ emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        try Self.emitHeader(columnNames, emit)
        let (labels, labelStarts) = encodedLabels()
        let lanes = _Lanes(labels: labels, labelStarts: labelStarts, buffers: [_ByteBuffer(capacity: 8 << 20), _ByteBuffer(capacity: 8 << 20)])
        let runs = (count + Self.run - 1) / Self.run
        var first = 0
        while first < runs {
            let (width, wave) = (min(lanes.buffers.count, runs - first), first)
            DispatchQueue.concurrentPerform(iterations: width) { lane in
                let from = (wave + lane) * Self.run
                lanes.buffers[lane].removeAll()
                writeRecords(from..<min(from + Self.run, count), lanes: lanes, into: lanes.buffers[lane])
            }
            for lane in 0..<width {
                let buffer = lanes.buffers[lane]
                try emit(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
            }
            first += width
        }
    }

    /// Hands the header line of `names` to `emit`: each name neutralised and CSV-encoded, comma-separated,
    /// `\n`-terminated.
    static func emitHeader<E: Error>(_ names: [String], _ emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        let header = CSVWriter.headerRecord(names)
        let outcome = header.withUnsafeBytes { bytes -> Result<Void, E> in
            do throws(E) {
                try emit(bytes)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try outcome.get()
    }

    /// Each patient's label, CSV-encoded once: label `code` is `labels[starts[code]..<starts[code + 1]]`.
    /// - Complexity: O(bytes of the labels).
    func encodedLabels() -> (labels: _ByteBuffer, starts: [Int]) {
        let writer = CSVWriter()
        let labels = _ByteBuffer(capacity: 2 * log.patientBytes.count + 64)
        var starts = [0]
        starts.reserveCapacity(log.patientCount + 1)
        log.patientBytes.withUnsafeBufferPointer { bytes in
            for code in 0..<log.patientCount {
                let from = log.patientStarts[code]
                if let base = bytes.baseAddress {
                    writer.appendEncoded(base + from, log.patientStarts[code + 1] - from, delimiter: UInt8(ascii: ","), to: labels)
                }
                starts.append(labels.count)
            }
        }
        return (labels, starts)
    }

    /// Episodes written at a time by one thread of ``writeCSV(_:)``.
    static let run = 65_536

    /// What the threads of ``writeCSV(_:)`` share: the encoded patient labels (read only) and one buffer per
    /// thread. `@unchecked Sendable`: thread `k` writes `buffers[k]` alone, and the labels are not changed.
    struct _Lanes: @unchecked Sendable {
        let labels: _ByteBuffer
        let labelStarts: [Int]
        let buffers: [_ByteBuffer]
    }

    /// Appends the records of the episodes `range` to `buffer`.
    ///
    /// Episodes go in patient order, the log's rows and carried bytes lie in file order: each block of
    /// ``block`` episodes first gathers its rows and touches their carried bytes in a tight loop, where the
    /// cache misses overlap, then writes the records from the cache.
    private func writeRecords(_ range: Range<Int>, lanes: _Lanes, into buffer: _ByteBuffer) {
        let labelBase = UnsafePointer(lanes.labels.base)
        let labelStarts = lanes.labelStarts
        let fields = log.rows
        let codes = log.patientCodes
        let carried = log.carried.base
        let carriedCount = log.carried.count
        var gathered: [(row: InfusionLog.Row, carriedEnd: Int, patient: Int32)] = []
        gathered.reserveCapacity(Self.block)
        var blockStart = range.lowerBound
        while blockStart < range.upperBound {
            let blockEnd = min(blockStart + Self.block, range.upperBound)
            gathered.removeAll(keepingCapacity: true)
            var touched: UInt8 = 0
            for index in blockStart..<blockEnd {
                let row = records[index].row
                let field = fields[row]
                gathered.append((field, log.carriedEnd(row), codes[row]))
                if field.carriedStart < carriedCount { touched &+= carried[field.carriedStart] }
            }
            buffer.touch(touched)
            for index in blockStart..<blockEnd {
                let (field, carriedEnd, patient) = gathered[index - blockStart]
                let record = records[index]
                let code = Int(patient)
                let (labelFrom, labelLength) = (labelStarts[code], labelStarts[code + 1] - labelStarts[code])
                let carriedLength = carriedEnd - field.carriedStart
                buffer.reserve(labelLength + carriedLength + Self.computedFieldsBudget)
                var p = buffer.end
                Self.copy(labelBase + labelFrom, labelLength, to: &p)
                p.pointee = 0x2C
                p += 1
                Self.writeInteger(Int(record.infusionNumber), to: &p)
                p.pointee = 0x2C
                p += 1
                ClinicalDate(days: field.start).writeISO8601(to: &p)
                p.pointee = 0x2C
                p += 1
                if !record.intervalDays.isNaN { Self.writeDays(record.intervalDays, to: &p) }
                p.pointee = 0x2C
                p += 1
                Self.writeDays(record.reliefDays, to: &p)
                p.pointee = 0x2C
                p[1] = record.ending == Episode.Ending.reliefEnded.rawValue ? 0x31 : 0x30
                p[2] = 0x2C
                p += 3
                Self.writeDays(field.start - origins[code], to: &p)  // start_day, as startDay(row:)
                p.pointee = 0x2C
                p += 1
                Self.writeDays(record.stopDay, to: &p)
                Self.copy(carried + field.carriedStart, carriedLength, to: &p)
                p.pointee = 0x0A
                buffer.advance(to: p + 1)
            }
            blockStart = blockEnd
        }
    }

    /// Copies `n` bytes from `source` to `p`, advancing it.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, _ n: Int, to p: inout UnsafeMutablePointer<UInt8>) {
        if n <= 16 {
            for k in 0..<n { p[k] = source[k] }
        } else {
            p.update(from: source, count: n)
        }
        p += n
    }

    /// Appends a number of days with at most 6 decimals, trailing zeros dropped (`14`, `11.06`, `0.041667`).
    static func appendDays(_ value: Double, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            guard let base = buffer.baseAddress else { return }
            var p = base
            writeDays(value, to: &p)
            out.append(contentsOf: UnsafeBufferPointer(start: base, count: p - base))
        }
    }

    /// Writes a number of days as ``appendDays(_:to:)`` does at `p` (at most 24 bytes), advancing it.
    @inline(__always)
    static func writeDays(_ value: Double, to p: inout UnsafeMutablePointer<UInt8>) {
        let scaled = (value * 1_000_000).rounded(.toNearestOrEven)
        guard scaled.isFinite, abs(scaled) < 9e15 else {
            for byte in "\(value)".utf8.prefix(24) {
                p.pointee = byte
                p += 1
            }
            return
        }
        var micro = Int(scaled)
        if micro < 0 {
            p.pointee = 0x2D
            p += 1
            micro = -micro
        }
        writeInteger(micro / 1_000_000, to: &p)
        let fraction = micro % 1_000_000
        guard fraction > 0 else { return }
        p.pointee = 0x2E
        p += 1
        // All six digits, then the trailing zeros taken back (a digit other than 0 stops it: fraction > 0).
        writeDigits(UInt(fraction.magnitude), count: 6, to: &p)
        while p[-1] == 0x30 { p -= 1 }
    }

    /// Writes the decimal digits of a non-negative integer (at most 19) at `p`, advancing it.
    @inline(__always)
    static func writeInteger(_ value: Int, to p: inout UnsafeMutablePointer<UInt8>) {
        let rest = value.magnitude
        var (digits, bound): (Int, UInt) = (1, 10)
        while digits < 19, rest >= bound {  // 10^19 > Int.max: at most 19 digits; comparisons, not divisions
            digits += 1
            bound &*= 10
        }
        writeDigits(rest, count: digits, to: &p)
    }

    /// Writes the last `count` decimal digits of `value` at `p` (leading zeros included), advancing it.
    @inline(__always)
    static func writeDigits(_ value: UInt, count: Int, to p: inout UnsafeMutablePointer<UInt8>) {
        var rest = value
        var k = count - 1
        while k >= 0 {
            p[k] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
            rest /= 10
            k -= 1
        }
        p += count
    }
}
