import DataIO
import Foundation

extension SimulatedTrial {
    /// The whole trial as CSV bytes: a header of ``columnNames`` and one `\n`-terminated line per
    /// episode, comma-separated, UTF-8, no BOM.
    ///
    /// Numbers are written with fixed decimals: `dose_mg_kg` 3, `baseline_pain` 1, `relief_days` 2;
    /// integers plainly; `relief_ended` as `1`/`0`; `patient_id` as `P0000001`; `site` as `S01`.
    /// Labels are quoted by ``DataIO/CSVWriter`` rules when they contain a comma, quote or line break.
    /// The bytes are built directly (no `String` per cell): about 60 bytes per row.
    /// - Returns: The file content.
    /// - Complexity: O(rows).
    public func csvBytes() -> [UInt8] {
        let writer = CSVWriter()
        let tables = LabelTables(specification, encodedBy: writer)
        var out: [UInt8] = []
        out.reserveCapacity(64 * (rowCount + 1))
        out.append(contentsOf: Array(writer.encodeRecord(Self.columnNames).utf8))
        out.append(0x0A)
        for row in 0..<rowCount {
            for column in 0..<Self.columnNames.count {
                if column > 0 { out.append(0x2C) }
                appendField(column: column, row: row, labels: tables, encoded: true, to: &out)
            }
            out.append(0x0A)
        }
        return out
    }

    /// One episode's fields as text (labels unquoted), in ``columnNames`` order.
    /// - Parameter row: A row index in `0..<rowCount`.
    /// - Returns: The fields, or `nil` when `row` is out of range.
    /// - Complexity: O(number of columns).
    public func record(_ row: Int) -> [String]? {
        guard row >= 0, row < rowCount else { return nil }
        let tables = LabelTables(specification, encodedBy: CSVWriter())
        return (0..<Self.columnNames.count).map { column in
            var bytes: [UInt8] = []
            appendField(column: column, row: row, labels: tables, encoded: false, to: &bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// The labels of each factor as raw and as CSV-encoded UTF-8 bytes.
    package struct LabelTables {
        package var condition: [[UInt8]], route: [[UInt8]], arm: [[UInt8]], cotherapy: [[UInt8]]
        package var conditionRaw: [[UInt8]], routeRaw: [[UInt8]], armRaw: [[UInt8]], cotherapyRaw: [[UInt8]]

        package init(_ spec: TrialSimulation, encodedBy writer: CSVWriter) {
            func encoded(_ labels: [String]) -> [[UInt8]] { labels.map { Array(writer.encodeField($0).utf8) } }
            func raw(_ labels: [String]) -> [[UInt8]] { labels.map { Array($0.utf8) } }
            let arms = spec.effectiveDoseArms.map(\.name)
            condition = encoded(spec.condition.levels)
            route = encoded(spec.route.levels)
            arm = encoded(arms)
            cotherapy = encoded(spec.cotherapy.levels)
            conditionRaw = raw(spec.condition.levels)
            routeRaw = raw(spec.route.levels)
            armRaw = raw(arms)
            cotherapyRaw = raw(spec.cotherapy.levels)
        }
    }

    @inline(__always)
    package func appendField(column: Int, row: Int, labels: LabelTables, encoded: Bool, to out: inout [UInt8]) {
        switch column {
        case 0:
            out.append(0x50)  // P
            Self.appendInteger(patientNumber[row], minimumDigits: 7, to: &out)
        case 1:
            out.append(0x53)  // S
            Self.appendInteger(site[row], minimumDigits: 2, to: &out)
        case 2: Self.appendLabel(condition[row], encoded ? labels.condition : labels.conditionRaw, to: &out)
        case 3: Self.appendLabel(route[row], encoded ? labels.route : labels.routeRaw, to: &out)
        case 4: Self.appendLabel(doseArm[row], encoded ? labels.arm : labels.armRaw, to: &out)
        case 5: Self.appendFixed(doseMgKg[row], decimals: 3, to: &out)
        case 6: Self.appendInteger(intervalDays[row], minimumDigits: 1, to: &out)
        case 7: Self.appendInteger(infusionNumber[row], minimumDigits: 1, to: &out)
        case 8: Self.appendFixed(baselinePain[row], decimals: 1, to: &out)
        case 9: Self.appendLabel(cotherapy[row], encoded ? labels.cotherapy : labels.cotherapyRaw, to: &out)
        case 10: Self.appendFixed(reliefDays[row], decimals: 2, to: &out)
        default: out.append(reliefEnded[row] ? 0x31 : 0x30)
        }
    }

    @inline(__always)
    package static func appendLabel(_ index: Int, _ table: [[UInt8]], to out: inout [UInt8]) {
        if table.indices.contains(index) { out.append(contentsOf: table[index]) }
    }

    /// Appends the decimal digits of `value`, left-padded with zeros to `minimumDigits`.
    @inline(__always)
    package static func appendInteger(_ value: Int, minimumDigits: Int, to out: inout [UInt8]) {
        var magnitude = value.magnitude
        if value < 0 { out.append(0x2D) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0 && count < 20
            var padding = minimumDigits - count
            while padding > 0 {
                out.append(0x30)
                padding -= 1
            }
            var i = count - 1
            while i >= 0 {
                out.append(buffer[i])
                i -= 1
            }
        }
    }

    /// Appends `value` with exactly `decimals` digits after the point (value·10^decimals rounded
    /// half-to-even); values too large for that, or not finite, are written by Swift's description.
    @inline(__always)
    package static func appendFixed(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        var scale = 1.0
        var unit = 1
        for _ in 0..<decimals {
            scale *= 10
            unit *= 10
        }
        let scaled = (value * scale).rounded(.toNearestOrEven)
        guard scaled.isFinite, abs(scaled) < 1e15 else {
            out.append(contentsOf: Array("\(value)".utf8))
            return
        }
        let integer = Int(scaled)
        if integer < 0 { out.append(0x2D) }
        let magnitude = integer.magnitude
        appendInteger(Int(magnitude / UInt(unit)), minimumDigits: 1, to: &out)
        if decimals > 0 {
            out.append(0x2E)
            appendInteger(Int(magnitude % UInt(unit)), minimumDigits: decimals, to: &out)
        }
    }
}
