extension EpisodeTable {
    /// The columns the episodes file computes, after the patient column and before the carried ones.
    public static let computedColumns = ["infusion_number", "infusion_date", "interval_days", "relief_days", "relief_ended"]

    /// The most bytes the computed fields of one record take: `infusion_number` (10), `infusion_date`
    /// (24), `interval_days` and `relief_days` (24 each), `relief_ended` (1), five commas and the line end.
    static let computedFieldsBudget = 96

    /// The episodes file's column names: the patient column, ``computedColumns``, then the log's carried columns.
    public var columnNames: [String] { [log.roles.patient] + Self.computedColumns + log.carriedColumns }

    /// The episodes as CSV bytes: a header of ``columnNames`` and one `\n`-terminated record per episode,
    /// comma-separated, UTF-8, no BOM (``writeCSV(_:)`` in one array).
    /// - Returns: The file content.
    /// - Complexity: O(n + bytes of the patients and the carried columns).
    public func csvBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        writeCSV { piece in bytes.append(contentsOf: piece) }
        return bytes
    }

    /// Writes the episodes file in pieces of about 4 MiB (the header and whole records), each handed to
    /// `emit` before the next is made, so that a file written this way never has to be held whole.
    ///
    /// `infusion_date` is ISO 8601 (``ClinicalDate/description``); `interval_days` (empty for a first
    /// infusion) and `relief_days` are days with at most 6 decimals (0.0864 s), trailing zeros dropped;
    /// `relief_ended` is `1` (relief ended) or `0` (censored). The patient and the carried fields are
    /// written as read (quoted by ``CSVWriter`` rules where needed), every field and name neutralised
    /// against spreadsheet formulas (``CSVWriter/neutralised(_:)``). The bytes are written through a
    /// pointer into one reused buffer: no `String` per field.
    /// - Parameter emit: Takes each piece (valid only during the call).
    /// - Throws: What `emit` throws; the pieces already emitted stay emitted.
    /// - Complexity: O(n + bytes of the patients and the carried columns).
    public func writeCSV<E: Error>(_ emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E) {
        let writer = CSVWriter()
        let chunk = 4 << 20
        let buffer = _ByteBuffer(capacity: chunk + 4096)
        for (k, name) in columnNames.enumerated() {
            if k > 0 { buffer.append(0x2C) }
            let field = Array(writer.encodeField(CSVWriter.neutralised(name)).utf8)
            field.withUnsafeBufferPointer { bytes in
                if let base = bytes.baseAddress { buffer.append(base, bytes.count) }
            }
        }
        buffer.append(0x0A)
        // Each patient's label, encoded once.
        let labels = _ByteBuffer(capacity: 2 * log.patientBytes.count + 64)
        var labelStarts = [0]
        labelStarts.reserveCapacity(log.patientCount + 1)
        log.patientBytes.withUnsafeBufferPointer { bytes in
            for code in 0..<log.patientCount {
                let from = log.patientStarts[code]
                if let base = bytes.baseAddress {
                    writer.appendEncoded(base + from, log.patientStarts[code + 1] - from, delimiter: UInt8(ascii: ","), to: labels)
                }
                labelStarts.append(labels.count)
            }
        }
        let labelBase = UnsafePointer(labels.base)
        let fields = log.rows
        let outcome = log.carried.withUnsafeBufferPointer { carried -> Result<Void, E> in
            let carried = carried.baseAddress ?? labelBase  // no storage when empty: nothing is copied from it then
            for index in 0..<count {
                let row = rows[index]
                let field = fields[row]
                let code = Int(field.patient)
                let (labelFrom, labelLength) = (labelStarts[code], labelStarts[code + 1] - labelStarts[code])
                let (carriedFrom, carriedLength) = (field.carriedStart, log.carriedEnd(row) - field.carriedStart)
                let size = labelLength + carriedLength + Self.computedFieldsBudget
                if buffer.count + size > chunk, buffer.count > 0 {
                    do throws(E) {
                        try emit(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count))
                    } catch {
                        return .failure(error)
                    }
                    buffer.removeAll()
                }
                buffer.reserve(size)
                var p = buffer.end
                Self.copy(labelBase + labelFrom, labelLength, to: &p)
                p.pointee = 0x2C
                p += 1
                Self.writeInteger(Int(infusionNumber[index]), to: &p)
                p.pointee = 0x2C
                p += 1
                ClinicalDate(days: field.start).writeISO8601(to: &p)
                p.pointee = 0x2C
                p += 1
                if !intervalDays[index].isNaN { Self.writeDays(intervalDays[index], to: &p) }
                p.pointee = 0x2C
                p += 1
                Self.writeDays(reliefDays[index], to: &p)
                p.pointee = 0x2C
                p[1] = endings[index] == Episode.Ending.reliefEnded.rawValue ? 0x31 : 0x30
                p += 2
                Self.copy(carried + carriedFrom, carriedLength, to: &p)
                p.pointee = 0x0A
                buffer.advance(to: p + 1)
            }
            return .success(())
        }
        try outcome.get()
        if buffer.count > 0 { try emit(UnsafeRawBufferPointer(start: buffer.base, count: buffer.count)) }
    }

    /// Copies `n` bytes from `source` to `p`, advancing it.
    @inline(__always)
    private static func copy(_ source: UnsafePointer<UInt8>, _ n: Int, to p: inout UnsafeMutablePointer<UInt8>) {
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
        var fraction = micro % 1_000_000
        guard fraction > 0 else { return }
        p.pointee = 0x2E
        p += 1
        var digits = 6
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var k = digits - 1
        while k >= 0 {
            p[k] = UInt8(truncatingIfNeeded: fraction % 10) &+ 0x30
            fraction /= 10
            k -= 1
        }
        p += digits
    }

    /// Writes the decimal digits of a non-negative integer (at most 19) at `p`, advancing it.
    @inline(__always)
    static func writeInteger(_ value: Int, to p: inout UnsafeMutablePointer<UInt8>) {
        var rest = value.magnitude
        var digits = 1
        var scan = rest / 10
        while scan > 0 {
            digits += 1
            scan /= 10
        }
        var k = digits - 1
        while k >= 0 {
            p[k] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
            rest /= 10
            k -= 1
        }
        p += digits
    }
}
