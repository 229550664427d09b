import Reporting

extension PredictionRenderer {
    /// The predictions as one tidy table.
    ///
    /// Columns: `section, profile, <one per profile column>, measure, time, estimate, std_error, lower,
    /// upper, model, confidence_level, relief_version`. Sections: `input` (`rows_read`, `rows_used`,
    /// `rows_excluded`), `median` (estimate and interval of the median relief time), `survival` (the
    /// probability relief is still ongoing at `time`), `rmst` (`time` = tau) and `exclusion`
    /// (`profile` = `line N: reason`, `measure` = the column). Unknown numbers are `NA`.
    /// - Parameters:
    ///   - result: The predictions.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    /// - Returns: The table.
    /// - Complexity: O(profiles x times + exclusions).
    public func csvTable(_ result: PredictionResult, input: ReportInput, provenance: Provenance) -> ReportTable {
        let profileColumns = result.columns
        var columns = [ReportColumn("section", style: .label), ReportColumn("profile", style: .label)]
        columns += profileColumns.map { ReportColumn($0, style: .label) }
        columns.append(ReportColumn("measure", style: .label))
        columns += ["time", "estimate", "std_error", "lower", "upper"].map { ReportColumn($0, style: .general(significant: 17)) }
        columns.append(ReportColumn("extrapolated", style: .label))
        columns += ["model", "confidence_level", "relief_version"].map { ReportColumn($0, style: .label) }
        let trailer: [ReportCell] = [
            .text(result.regression.fittedModel), .number(result.regression.confidenceLevel), .text(provenance.version),
        ]
        var rows: [[ReportCell]] = []

        func add(
            _ section: String, profile: PredictionResult.Profile?, label: String? = nil, measure: String,
            time: Double? = nil, estimate: Double? = nil, count: Int? = nil, standardError: Double? = nil,
            lower: Double? = nil, upper: Double? = nil
        ) {
            var row: [ReportCell] = [.text(section), .text(label ?? profile?.label ?? "")]
            for column in profileColumns {
                row.append(profile?.values.first { $0.column == column }.map { .text($0.value) } ?? .empty)
            }
            row.append(.text(measure))
            row.append(time.map { .number($0) } ?? .empty)
            row.append(count.map { .integer($0) } ?? estimate.map { .number($0) } ?? .empty)
            for value in [standardError, lower, upper] { row.append(value.map { .number($0) } ?? .empty) }
            let past = section == "median" ? estimate : time
            row.append(profile == nil ? .empty : .text(result.isExtrapolated(past) ? "yes" : "no"))
            rows.append(row + trailer)
        }

        add("input", profile: nil, measure: "rows_read", count: input.rowsRead)
        add("input", profile: nil, measure: "rows_used", count: input.rowsUsed)
        add("input", profile: nil, measure: "rows_excluded", count: input.rowsExcluded)
        for profile in result.profiles {
            if let median = profile.prediction.median {
                add(
                    "median", profile: profile, measure: "median", estimate: median.estimate,
                    standardError: median.standardError, lower: median.lower, upper: median.upper)
            }
            for row in profile.prediction.survival {
                add(
                    "survival", profile: profile, measure: "survival", time: row.time, estimate: row.estimate,
                    standardError: row.standardError, lower: row.lower, upper: row.upper)
            }
            if let rmst = profile.prediction.restrictedMean {
                add(
                    "rmst", profile: profile, measure: "rmst", time: rmst.time, estimate: rmst.estimate,
                    standardError: rmst.standardError, lower: rmst.lower, upper: rmst.upper)
            }
        }
        for exclusion in input.exclusions {
            add("exclusion", profile: nil, label: "line \(exclusion.line): \(exclusion.reason)", measure: exclusion.column ?? "")
        }
        return ReportTable(title: "", columns: columns, rows: rows)
    }
}
