extension EpisodeTable {
    /// The columns the episodes file computes, after the patient column and before the carried ones.
    public static let computedColumns = ["infusion_number", "infusion_date", "interval_days", "relief_days", "relief_ended"]

    /// The most bytes the computed fields of one record take: `infusion_number` (10), `infusion_date`
    /// (24), `interval_days` and `relief_days` (24 each), `relief_ended` (1), five commas and the line end.
    static let computedFieldsBudget = 96

    /// The episodes file's column names: the patient column, ``computedColumns``, then the log's carried columns.
    public var columnNames: [String] { [log.roles.patient] + Self.computedColumns + log.carriedColumns }

    /// The episodes as CSV bytes: a header of ``columnNames`` and one `\n`-terminated record per episode,
    /// comma-separated, UTF-8, no BOM.
    ///
    /// `infusion_date` is ISO 8601 (``ClinicalDate/description``); `interval_days` (empty for a first
    /// infusion) and `relief_days` are days with at most 6 decimals (0.0864 s), trailing zeros dropped;
    /// `relief_ended` is `1` (relief ended) or `0` (censored). The patient and the carried fields are
    /// written as read (quoted by ``CSVWriter`` rules where needed), every field and name neutralised
    /// against spreadsheet formulas (``CSVWriter/neutralised(_:)``). The bytes are written straight into
    /// the array's storage, sized beforehand (each record's patient and carried bytes plus
    /// ``computedFieldsBudget``): no `String` per field, no copy.
    /// - Returns: The file content.
    /// - Complexity: O(n + bytes of the patients and the carried columns).
    public func csvBytes() -> [UInt8] {
        let writer = CSVWriter()
        var header: [UInt8] = []
        for (k, name) in columnNames.enumerated() {
            if k > 0 { header.append(0x2C) }
            header.append(contentsOf: Array(writer.encodeField(CSVWriter.neutralised(name)).utf8))
        }
        header.append(0x0A)
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
        var size = header.count
        for row in rows {
            let code = Int(log.patientCode[row])
            size += labelStarts[code + 1] - labelStarts[code] + log.carriedStarts[row + 1] - log.carriedStarts[row]
                + Self.computedFieldsBudget
        }
        return [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            guard let start = buffer.baseAddress else { return }
            var p = start
            for byte in header {
                p.pointee = byte
                p += 1
            }
            let labelBase = UnsafePointer(labels.base)
            log.carried.withUnsafeBufferPointer { carried in
                let carried = carried.baseAddress ?? labelBase  // no storage when empty: nothing is copied from it
                for index in 0..<count {
                    let row = rows[index]
                    let code = Int(log.patientCode[row])
                    Self.copy(labelBase + labelStarts[code], labelStarts[code + 1] - labelStarts[code], to: &p)
                    p.pointee = 0x2C
                    p += 1
                    Self.writeInteger(Int(infusionNumber[index]), to: &p)
                    p.pointee = 0x2C
                    p += 1
                    ClinicalDate(days: log.start[row]).writeISO8601(to: &p)
                    p.pointee = 0x2C
                    p += 1
                    if !intervalDays[index].isNaN { Self.writeDays(intervalDays[index], to: &p) }
                    p.pointee = 0x2C
                    p += 1
                    Self.writeDays(reliefDays[index], to: &p)
                    p.pointee = 0x2C
                    p[1] = endings[index] == Episode.Ending.reliefEnded.rawValue ? 0x31 : 0x30
                    p += 2
                    let from = log.carriedStarts[row]
                    Self.copy(carried + from, log.carriedStarts[row + 1] - from, to: &p)
                    p.pointee = 0x0A
                    p += 1
                }
            }
            initialized = p - start
        }
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
