import Reporting
import Survival

/// The baseline table in the layout of a clinical paper's "Table 1": one column per group and
/// "Overall"; counts, then per numeric variable mean (SD), median [Q1, Q3] and range, and per
/// categorical variable n (%) per level. Only formats numbers of a ``StatModels/BaselineTable``.
public struct BaselineTableLayout: Sendable {
    /// The table laid out.
    public var table: BaselineTable
    /// The outcome's word ("Relief ended, n (%)").
    public var words: OutcomeWording

    /// Creates the layout.
    /// - Parameters:
    ///   - table: The baseline table.
    ///   - words: The outcome's word (days and "relief" unless given).
    public init(_ table: BaselineTable, words: OutcomeWording = OutcomeWording()) {
        self.table = table
        self.words = words
    }

    /// The report table; every cell is text so the renderers show it as formatted here.
    public var reportTable: ReportTable {
        let groups = table.groups
        let columns = [ReportColumn("Characteristic", style: .prose)]
            + groups.map { ReportColumn($0.isOverall ? "Overall" : $0.label, style: .prose) }
        var rows: [[ReportCell]] = []
        rows.append([.text("Episodes, n")] + groups.map { .text("\($0.episodes)") })
        if groups.contains(where: { $0.patients != nil }) {
            rows.append([.text("Patients, n")] + groups.map { group in .text(group.patients.map(String.init) ?? "NA") })
        }
        rows.append(
            [.text("\(words.endedTitle), n (%)")]
                + groups.map { group in .text(Self.countPercent(group.events, of: group.episodes)) })
        for variable in table.rows {
            switch variable.kind {
            case .numeric(let summaries):
                rows.append([.text("\(variable.name), mean (SD)")] + summaries.map { summary in
                    .text(Self.number(summary.mean) + " (" + Self.number(summary.standardDeviation) + ")")
                })
                rows.append([.text("    median [Q1, Q3]")] + summaries.map { summary in
                    .text(Self.number(summary.median) + " [" + Self.number(summary.lowerQuartile) + ", " + Self.number(summary.upperQuartile) + "]")
                })
                rows.append([.text("    min to max")] + summaries.map { summary in
                    .text(Self.number(summary.minimum) + " to " + Self.number(summary.maximum))
                })
            case .categorical(let levels, let counts):
                rows.append([.text("\(variable.name), n (%)")] + groups.map { _ in .empty })
                for (levelIndex, level) in levels.enumerated() {
                    rows.append(
                        [.text("    " + level)]
                            + groups.indices.map { groupIndex in
                                let row = counts.indices.contains(groupIndex) ? counts[groupIndex] : []
                                let count = row.indices.contains(levelIndex) ? row[levelIndex] : 0
                                return .text(Self.countPercent(count, of: row.reduce(0, +)))
                            })
                }
            }
            if variable.missing.contains(where: { $0 > 0 }) {
                rows.append([.text("    missing, n")] + variable.missing.map { .text("\($0)") })
            }
        }
        var notes = [
            "Counted per treatment episode (a patient with several infusions counts once per episode); "
                + "Patients counts distinct patients. SD uses n - 1; quartiles as R's quantile(type = 7)."
        ]
        if !table.withheld.isEmpty {
            notes.append(
                "Not shown: " + table.withheld.map { "\($0.name) (\($0.reason))" }.joined(separator: "; ") + ".")
        }
        return ReportTable(
            title: "Baseline characteristics" + (table.groupColumn.map { " by \($0)" } ?? ""), columns: columns, rows: rows,
            notes: notes)
    }

    /// "n (p%)" with one decimal.
    static func countPercent(_ count: Int, of total: Int) -> String {
        guard total > 0 else { return "\(count)" }
        return "\(count) (" + ReportText.display(100 * Double(count) / Double(total), style: .fixed(decimals: 1), missing: "NA") + "%)"
    }

    /// A summary number with 3 significant digits (NA when unknown).
    static func number(_ value: Double?) -> String {
        ReportText.display(value, style: .general(significant: 3), missing: "NA")
    }
}
