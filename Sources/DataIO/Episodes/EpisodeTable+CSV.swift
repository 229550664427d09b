extension EpisodeTable {
    /// The columns the episodes file computes, after the patient column and before the carried ones.
    public static let computedColumns = ["infusion_number", "infusion_date", "interval_days", "relief_days", "relief_ended"]

    /// The episodes file's column names: the patient column, ``computedColumns``, then the log's carried columns.
    public var columnNames: [String] { [log.roles.patient] + Self.computedColumns + log.carriedColumns }

    /// The episodes as CSV bytes: a header of ``columnNames`` and one `\n`-terminated record per episode,
    /// comma-separated, UTF-8, no BOM.
    ///
    /// `infusion_date` is ISO 8601 (``ClinicalDate/description``); `interval_days` (empty for a first
    /// infusion) and `relief_days` are days with at most 6 decimals (0.0864 s), trailing zeros dropped;
    /// `relief_ended` is `1` (relief ended) or `0` (censored). The patient and the carried fields are
    /// written as read (quoted by ``CSVWriter`` rules where needed), every field and name neutralised
    /// against spreadsheet formulas (``CSVWriter/neutralised(_:)``). The bytes are built directly, no
    /// `String` per field.
    /// - Returns: The file content.
    /// - Complexity: O(n + bytes of the carried columns).
    public func csvBytes() -> [UInt8] {
        let writer = CSVWriter()
        var out: [UInt8] = []
        out.reserveCapacity(log.carried.count + 72 * count + 256)
        for (k, name) in columnNames.enumerated() {
            if k > 0 { out.append(0x2C) }
            out.append(contentsOf: Array(writer.encodeField(CSVWriter.neutralised(name)).utf8))
        }
        out.append(0x0A)
        var patient: [UInt8] = []
        var patientCode: Int32 = -1
        log.carried.withUnsafeBufferPointer { carried in
            for index in 0..<count {
                let row = rows[index]
                if log.patientCode[row] != patientCode {
                    patientCode = log.patientCode[row]
                    patient.removeAll(keepingCapacity: true)
                    let code = Int(patientCode)
                    log.patientBytes.withUnsafeBufferPointer { bytes in
                        guard let base = bytes.baseAddress else { return }
                        let from = log.patientStarts[code]
                        writer.appendEncoded(base + from, log.patientStarts[code + 1] - from, to: &patient)
                    }
                }
                out.append(contentsOf: patient)
                out.append(0x2C)
                Self.appendInteger(Int(infusionNumber[index]), to: &out)
                out.append(0x2C)
                ClinicalDate(days: log.start[row]).appendISO8601(to: &out)
                out.append(0x2C)
                if !intervalDays[index].isNaN { Self.appendDays(intervalDays[index], to: &out) }
                out.append(0x2C)
                Self.appendDays(reliefDays[index], to: &out)
                out.append(0x2C)
                out.append(endings[index] == Episode.Ending.reliefEnded.rawValue ? 0x31 : 0x30)
                let (from, to) = (log.carriedStarts[row], log.carriedStarts[row + 1])
                if to > from { out.append(contentsOf: UnsafeBufferPointer(rebasing: carried[from..<to])) }
                out.append(0x0A)
            }
        }
        return out
    }

    /// Appends a number of days with at most 6 decimals, trailing zeros dropped (`14`, `11.06`, `0.041667`).
    static func appendDays(_ value: Double, to out: inout [UInt8]) {
        let scaled = (value * 1_000_000).rounded(.toNearestOrEven)
        guard scaled.isFinite, abs(scaled) < 9e15 else {
            out.append(contentsOf: Array("\(value)".utf8))
            return
        }
        var micro = Int(scaled)
        if micro < 0 {
            out.append(0x2D)
            micro = -micro
        }
        appendInteger(micro / 1_000_000, to: &out)
        var fraction = micro % 1_000_000
        guard fraction > 0 else { return }
        out.append(0x2E)
        var digits = 6
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(truncatingIfNeeded: fraction / divisor % 10) &+ 0x30)
            divisor /= 10
        }
    }

    /// Appends the decimal digits of a non-negative integer.
    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value < 10 {
            out.append(UInt8(truncatingIfNeeded: max(value, 0)) &+ 0x30)
            return
        }
        appendInteger(value / 10, to: &out)
        out.append(UInt8(truncatingIfNeeded: value % 10) &+ 0x30)
    }
}
