import Reporting

extension ScheduleRenderer {
    /// The schedule as one tidy table.
    ///
    /// Columns: `section, dose, interval, measure, estimate, std_error, lower, upper, note, model,
    /// target, confidence_level, relief_version`. Sections: `input` (`rows_read`, `rows_used`,
    /// `rows_excluded`), `cell` (measures `coverage` and `rmst` per dose and interval), `longest`
    /// (measures `grid`, `solved`, `conservative`: an interval in `estimate`), `assumption` (text in
    /// `note`) and `exclusion` (`note` = `line N: reason`, `measure` = the column).
    /// - Parameters:
    ///   - result: The schedule.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    /// - Returns: The table.
    /// - Complexity: O(doses x intervals + exclusions).
    public func csvTable(_ result: ScheduleReport, input: ReportInput, provenance: Provenance) -> ReportTable {
        let schedule = result.schedule
        let number = ReportColumn.Style.general(significant: 17)
        let columns = [
            ReportColumn("section", style: .label), ReportColumn("dose", style: number),
            ReportColumn("interval", style: number), ReportColumn("measure", style: .label),
            ReportColumn("estimate", style: number), ReportColumn("std_error", style: number),
            ReportColumn("lower", style: number), ReportColumn("upper", style: number), ReportColumn("note", style: .label),
            ReportColumn("model", style: .label), ReportColumn("target", style: number),
            ReportColumn("confidence_level", style: number), ReportColumn("relief_version", style: .label),
        ]
        let trailer: [ReportCell] = [
            .text(result.model), .number(schedule.target), .number(schedule.confidenceLevel), .text(provenance.version),
        ]
        var rows: [[ReportCell]] = []
        func add(_ section: String, dose: Double? = nil, interval: Double? = nil, measure: String,
                 estimate: ReportCell = .empty, se: Double? = nil, lower: Double? = nil, upper: Double? = nil,
                 note: String = "") {
            var row: [ReportCell] = [.text(section), dose.map { .number($0) } ?? .empty, interval.map { .number($0) } ?? .empty]
            row += [.text(measure), estimate]
            for value in [se, lower, upper] { row.append(value.map { .number($0) } ?? .empty) }
            row.append(.text(note))
            rows.append(row + trailer)
        }
        add("input", measure: "rows_read", estimate: .integer(input.rowsRead))
        add("input", measure: "rows_used", estimate: .integer(input.rowsUsed))
        add("input", measure: "rows_excluded", estimate: .integer(input.rowsExcluded))
        for cell in schedule.cells {
            add("cell", dose: cell.dose, interval: cell.interval, measure: "coverage", estimate: .number(cell.coverage),
                se: cell.coverageStandardError, lower: cell.lower, upper: cell.upper,
                note: cell.meetsTarget ? "meets target" : "")
            add("cell", dose: cell.dose, interval: cell.interval, measure: "rmst", estimate: .number(cell.restrictedMean),
                se: cell.restrictedMeanStandardError)
        }
        for row in schedule.longestIntervals {
            add("longest", dose: row.dose, measure: "grid", estimate: row.interval.map { .number($0) } ?? .empty, note: row.note)
            add("longest", dose: row.dose, measure: "solved", estimate: row.solvedInterval.map { .number($0) } ?? .empty)
            add("longest", dose: row.dose, measure: "conservative",
                estimate: row.conservativeInterval.map { .number($0) } ?? .empty)
        }
        for assumption in schedule.assumptions { add("assumption", measure: "assumption", note: assumption) }
        for exclusion in input.exclusions {
            add("exclusion", measure: exclusion.column ?? "", note: "line \(exclusion.line): \(exclusion.reason)")
        }
        return ReportTable(title: "", columns: columns, rows: rows)
    }
}
