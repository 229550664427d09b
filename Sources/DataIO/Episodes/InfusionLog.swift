/// The infusions of a log, read by ``InfusionLogReader`` or made from ``Infusion`` values: one entry per
/// row whose patient and infusion moment are known, in file order, plus the rows left out.
///
/// A row kept here may still be excluded from the episodes (an invalid relief end or last contact under
/// `skipInvalid`): its infusion happened, so it still ends the patient's previous episode. The other
/// columns of each row are kept as CSV-encoded bytes, to be carried to the episodes file unchanged.
public struct InfusionLog: Sendable {
    /// The roles the log was read with (column names, date format).
    public let roles: InfusionLogRoles
    /// The file's record (path, SHA-256, rows, delimiter); `nil` for an in-memory log.
    public let source: SourceInfo?
    /// The file's column names; empty for an in-memory log.
    public let header: [String]
    /// The columns carried to the episodes: every column but the patient and the infusion date, in file order.
    public let carriedColumns: [String]
    /// Records read (blank lines not counted).
    public let rowsRead: Int
    /// Rows left out while reading (missing or invalid values), by line.
    public let exclusions: [Exclusion]

    /// One kept row, its fields stored together: the episode rules read a row at once, in patient order,
    /// which is not the file's order (a log sorted by date), so one cache line per row matters.
    struct Row: Sendable {
        /// The infusion, relief end and last contact (NaN = none), as ``ClinicalDate/days``.
        var start: Double
        var reliefEnd: Double
        var lastContact: Double
        /// Where the row's carried fields start in ``InfusionLog/carried`` (they end where the next row's start).
        var carriedStart: Int
        /// The physical line (the reader refuses files of more than 2^31 - 1 lines).
        var line: Int32
        /// Whether the row is excluded from the episodes (its moment still counts).
        var isExcluded: Bool
    }

    /// The kept rows, in file order.
    var rows: [Row]
    /// Per kept row: the patient's code, `0..<patientCount` in order of first appearance.
    var patientCodes: [Int32]
    /// The patients' labels: label `k` is `patientBytes[patientStarts[k]..<patientStarts[k + 1]]`.
    var patientBytes: [UInt8]
    var patientStarts: [Int]
    /// The carried fields of every row, each field preceded by `,`, CSV-encoded.
    let carried: _FrozenBytes
    /// Patients with a row whose infusion moment is unknown (missing or invalid date): code -> its line.
    var unknownMoments: [Int32: Int]
}

extension InfusionLog {
    /// An in-memory log: one row per infusion, lines numbered 1, 2, ... by position, no other columns.
    /// - Parameters:
    ///   - infusions: The infusions, in any order.
    ///   - roles: The column names used in messages (and as the patient column of the episodes).
    public init(infusions: [Infusion], roles: InfusionLogRoles = InfusionLogRoles()) {
        var codes: [String: Int32] = [:]
        var rows: [Row] = []
        var patientCodes: [Int32] = []
        var patientBytes: [UInt8] = []
        var patientStarts = [0]
        for (k, infusion) in infusions.enumerated() {
            let code: Int32
            if let known = codes[infusion.patient] {
                code = known
            } else {
                code = Int32(truncatingIfNeeded: codes.count)
                codes[infusion.patient] = code
                patientBytes.append(contentsOf: Array(infusion.patient.utf8))
                patientStarts.append(patientBytes.count)
            }
            patientCodes.append(code)
            rows.append(
                Row(
                    start: infusion.date.days, reliefEnd: infusion.reliefEnd?.days ?? .nan,
                    lastContact: infusion.lastContact?.days ?? .nan, carriedStart: 0, line: Int32(clamping: k + 1),
                    isExcluded: false))
        }
        self.init(
            roles: roles, source: nil, header: [], carriedColumns: [], rowsRead: infusions.count, exclusions: [], rows: rows,
            patientCodes: patientCodes, patientBytes: patientBytes, patientStarts: patientStarts, carried: _FrozenBytes(), unknownMoments: [:])
    }

    /// The number of kept rows.
    public var count: Int { rows.count }

    /// The number of distinct patients seen (also those whose every row was left out).
    public var patientCount: Int { patientStarts.count - 1 }

    /// The label of patient `code` (`0..<patientCount`).
    public func patient(_ code: Int) -> String {
        guard code >= 0, code < patientCount else { return "" }
        return String(decoding: patientBytes[patientStarts[code]..<patientStarts[code + 1]], as: UTF8.self)
    }

    /// Kept row `row` as an ``Infusion``, or `nil` when `row` is not in `0..<count`.
    public func infusion(at row: Int) -> Infusion? {
        guard row >= 0, row < count else { return nil }
        let fields = rows[row]
        return Infusion(
            patient: patient(Int(patientCodes[row])), date: ClinicalDate(days: fields.start),
            reliefEnd: fields.reliefEnd.isNaN ? nil : ClinicalDate(days: fields.reliefEnd),
            lastContact: fields.lastContact.isNaN ? nil : ClinicalDate(days: fields.lastContact))
    }

    /// Where row `row`'s carried fields end in ``carried``.
    @inline(__always)
    func carriedEnd(_ row: Int) -> Int {
        row + 1 < rows.count ? rows[row + 1].carriedStart : carried.count
    }

    /// The 1-based number of `column` in the file, if it has one.
    func columnNumber(_ column: String) -> Int? {
        header.firstIndex(of: column).map { $0 + 1 }
    }
}
