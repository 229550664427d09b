import Reporting
import Survival

extension SummaryRenderer {
    /// The summary as one tidy table, one number (or estimate with SE and limits) per row.
    ///
    /// Columns: `section, group, <one per by column>, measure, time, estimate, std_error, lower, upper,
    /// df, p_value, confidence_transform, confidence_level, relief_version`. Sections:
    /// `input` (measures `rows_read`, `rows_used`, `rows_excluded`), `counts` (`n`, `events`,
    /// `censored`), `follow_up` (`median_follow_up` by reverse Kaplan–Meier: estimate and CI), `quantile` (`q25`, `median`, `q75`: estimate and CI), `survival` (S at `time` with
    /// SE and CI), `rmst` (`time` = tau), `test` (`group` = the tested columns, measure = the test name,
    /// estimate = chi-squared, `df`, `p_value`), `observed` / `expected` (per test group, measure = the
    /// test name), `component` (MaxCombo: measure = the weight, estimate = z), `pairwise` /
    /// `pairwise_adjusted` (`group` = `A vs B`, estimate = statistic, `p_value` raw or adjusted) and `exclusion` (`group` = `line N: reason`, `measure` = the column). Unknown numbers
    /// (not reached, undefined) are `NA`; fields that do not apply are empty.
    /// - Parameters:
    ///   - result: The summary.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    /// - Returns: The table.
    public func csvTable(_ result: SurvivalSummaryResult, input: ReportInput, provenance: Provenance) -> ReportTable {
        let byCount = result.byColumns.count
        var columns = [ReportColumn("section", style: .label), ReportColumn("group", style: .label)]
        columns += result.byColumns.map { ReportColumn($0, style: .label) }
        columns += ["measure"].map { ReportColumn($0, style: .label) }
        columns += ["time", "estimate", "std_error", "lower", "upper", "df", "p_value"].map {
            ReportColumn($0, style: .general(significant: 17))
        }
        columns += ["confidence_transform", "confidence_level", "relief_version"].map { ReportColumn($0, style: .label) }
        let trailer: [ReportCell] = [
            .text(result.confidenceTransform.rawValue), .number(result.confidenceLevel), .text(provenance.version),
        ]
        var rows: [[ReportCell]] = []

        func add(
            _ section: String, group: String, by: [ByLevel], measure: String, time: Double? = nil,
            estimate: Double? = nil, standardError: Double? = nil, lower: Double? = nil, upper: Double? = nil,
            df: Double? = nil, pValue: Double? = nil, count: Int? = nil
        ) {
            var row: [ReportCell] = [.text(section), .text(group)]
            for index in 0..<byCount {
                let column = result.byColumns[index]
                row.append(by.first(where: { $0.column == column }).map { .text($0.level) } ?? .empty)
            }
            row.append(.text(measure))
            row.append(time.map { .number($0) } ?? .empty)
            row.append(count.map { .integer($0) } ?? estimate.map { .number($0) } ?? .empty)
            for value in [standardError, lower, upper, df, pValue] {
                row.append(value.map { .number($0) } ?? .empty)
            }
            rows.append(row + trailer)
        }

        add("input", group: "", by: [], measure: "rows_read", count: input.rowsRead)
        add("input", group: "", by: [], measure: "rows_used", count: input.rowsUsed)
        add("input", group: "", by: [], measure: "rows_excluded", count: input.rowsExcluded)
        for group in result.groups {
            let label = group.by.isEmpty ? "all" : group.by.displayLabel
            add("counts", group: label, by: group.by, measure: "n", count: group.n)
            add("counts", group: label, by: group.by, measure: "events", count: group.events)
            add("counts", group: label, by: group.by, measure: "censored", count: group.censored)
            add(
                "follow_up", group: label, by: group.by, measure: "median_follow_up",
                estimate: group.medianFollowUp.estimate ?? .nan, lower: group.medianFollowUp.lower ?? .nan,
                upper: group.medianFollowUp.upper ?? .nan)
            for quantile in group.quantiles {
                add(
                    "quantile", group: label, by: group.by, measure: Self.quantileName(quantile.probability),
                    estimate: quantile.estimate ?? .nan, lower: quantile.lower ?? .nan, upper: quantile.upper ?? .nan)
            }
            for row in group.survival {
                add(
                    "survival", group: label, by: group.by, measure: "survival", time: row.time,
                    estimate: row.estimate, standardError: row.standardError, lower: row.lower ?? .nan,
                    upper: row.upper ?? .nan)
            }
            add(
                "rmst", group: label, by: group.by, measure: "rmst", time: group.restrictedMean.tau,
                estimate: group.restrictedMean.estimate, standardError: group.restrictedMean.standardError)
        }
        for test in result.tests {
            add(
                "test", group: Self.testBy(test), by: [], measure: test.name, estimate: test.statistic,
                df: test.degreesOfFreedom, pValue: test.pValue)
            for group in test.groups {
                let label = group.by.displayLabel
                add("observed", group: label, by: group.by, measure: test.name, estimate: group.observed)
                add("expected", group: label, by: group.by, measure: test.name, estimate: group.expected)
            }
            for component in test.components ?? [] {
                add("component", group: Self.testBy(test), by: [], measure: component.weight.name, estimate: component.z)
            }
        }
        for pair in result.pairwise?.comparisons ?? [] {
            let label = pair.first.displayLabel + " vs " + pair.second.displayLabel
            let name = result.pairwise.map { $0.method.name + ", " + $0.adjustment.rawValue } ?? ""
            add("pairwise", group: label, by: [], measure: name, estimate: pair.statistic, pValue: pair.pValue)
            add("pairwise_adjusted", group: label, by: [], measure: name, pValue: pair.adjustedPValue)
        }
        for exclusion in input.exclusions {
            add(
                "exclusion", group: "line \(exclusion.line): \(exclusion.reason)", by: [],
                measure: exclusion.column ?? "")
        }
        return ReportTable(title: "", columns: columns, rows: rows)
    }
}
