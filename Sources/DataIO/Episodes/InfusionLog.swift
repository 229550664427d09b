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

    /// Per kept row: the patient's code, `0..<patientCount` in order of first appearance.
    var patientCode: [Int32]
    /// The patients' labels: label `k` is `patientBytes[patientStarts[k]..<patientStarts[k + 1]]`.
    var patientBytes: [UInt8]
    var patientStarts: [Int]
    /// Per kept row: the infusion, relief end and last contact (NaN = none), as ``ClinicalDate/days``.
    var start: [Double]
    var reliefEnd: [Double]
    var lastContact: [Double]
    /// Per kept row: its line, and whether it is excluded from the episodes (its moment still counts).
    var line: [Int]
    var isExcluded: [Bool]
    /// The carried fields of row `r`, each preceded by `,`: `carried[carriedStarts[r]..<carriedStarts[r + 1]]`.
    var carried: [UInt8]
    var carriedStarts: [Int]
    /// Patients with a row whose infusion moment is unknown (missing or invalid date): code -> its line.
    var unknownMoments: [Int32: Int]

    init(
        roles: InfusionLogRoles, source: SourceInfo?, header: [String], carriedColumns: [String], rowsRead: Int,
        exclusions: [Exclusion], patientCode: [Int32], patientBytes: [UInt8], patientStarts: [Int], start: [Double],
        reliefEnd: [Double], lastContact: [Double], line: [Int], isExcluded: [Bool], carried: [UInt8], carriedStarts: [Int],
        unknownMoments: [Int32: Int]
    ) {
        self.roles = roles
        self.source = source
        self.header = header
        self.carriedColumns = carriedColumns
        self.rowsRead = rowsRead
        self.exclusions = exclusions
        self.patientCode = patientCode
        self.patientBytes = patientBytes
        self.patientStarts = patientStarts
        self.start = start
        self.reliefEnd = reliefEnd
        self.lastContact = lastContact
        self.line = line
        self.isExcluded = isExcluded
        self.carried = carried
        self.carriedStarts = carriedStarts
        self.unknownMoments = unknownMoments
    }

    /// An in-memory log: one row per infusion, lines numbered 1, 2, ... by position, no other columns.
    /// - Parameters:
    ///   - infusions: The infusions, in any order.
    ///   - roles: The column names used in messages (and as the patient column of the episodes).
    public init(infusions: [Infusion], roles: InfusionLogRoles = InfusionLogRoles()) {
        var codes: [String: Int32] = [:]
        var patientCode: [Int32] = []
        var patientBytes: [UInt8] = []
        var patientStarts = [0]
        for infusion in infusions {
            if let code = codes[infusion.patient] {
                patientCode.append(code)
                continue
            }
            let code = Int32(truncatingIfNeeded: codes.count)
            codes[infusion.patient] = code
            patientCode.append(code)
            patientBytes.append(contentsOf: Array(infusion.patient.utf8))
            patientStarts.append(patientBytes.count)
        }
        self.init(
            roles: roles, source: nil, header: [], carriedColumns: [], rowsRead: infusions.count, exclusions: [],
            patientCode: patientCode, patientBytes: patientBytes, patientStarts: patientStarts,
            start: infusions.map(\.date.days), reliefEnd: infusions.map { $0.reliefEnd?.days ?? .nan },
            lastContact: infusions.map { $0.lastContact?.days ?? .nan }, line: infusions.indices.map { $0 + 1 },
            isExcluded: Array(repeating: false, count: infusions.count), carried: [],
            carriedStarts: Array(repeating: 0, count: infusions.count + 1), unknownMoments: [:])
    }

    /// The number of kept rows.
    public var count: Int { start.count }

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
        return Infusion(
            patient: patient(Int(patientCode[row])), date: ClinicalDate(days: start[row]),
            reliefEnd: reliefEnd[row].isNaN ? nil : ClinicalDate(days: reliefEnd[row]),
            lastContact: lastContact[row].isNaN ? nil : ClinicalDate(days: lastContact[row]))
    }

    /// The 1-based number of `column` in the file, if it has one.
    func columnNumber(_ column: String) -> Int? {
        header.firstIndex(of: column).map { $0 + 1 }
    }
}
