import Reporting
import Survival

/// The stratified comparison's parts of `relief compare --strata`: the method sentence, the strata
/// table, the CSV columns and the JSON member. Nothing here applies without `--strata`.
extension CompareRenderer {
    /// The method of a stratified comparison in one sentence, or nil without strata.
    static func strataMethod(_ result: CompareResult) -> String? {
        guard let column = result.strataColumn, result.comparison.isStratified else { return nil }
        return "Stratified by \(column) (\(result.comparison.strata.count) strata): each rmst_difference and survival_difference "
            + "is the stratum-size-weighted average of the within-stratum Kaplan–Meier differences (weights n_s / n, the "
            + "stratum's share of all rows; variance sum of w_s^2 var_s, Greenwood within each group and stratum); rmst_ratio "
            + "is the ratio of the weighted restricted means; hazard_ratio is from coxph(Surv ~ group + strata(\(column))); "
            + "no median difference is computed with --strata."
    }

    /// The header line naming the strata, or nothing.
    static func strataHeader(_ result: CompareResult) -> [(String, String)] {
        guard let column = result.strataColumn, result.comparison.isStratified else { return [] }
        return [("strata", "\(column) (\(result.comparison.strata.count) strata; differences weighted by stratum size n_s / n)")]
    }

    /// The table of every group within every stratum: rows, events, the weight, the RMST to τ and its SE.
    static func strataTable(_ result: CompareResult, tau: String, words: OutcomeWording) -> ReportTable? {
        guard let column = result.strataColumn, result.comparison.isStratified else { return nil }
        let number = ReportColumn.Style.general(significant: 5)
        return ReportTable(
            title: "Kaplan–Meier within each \(column) stratum",
            columns: [
                ReportColumn(column, style: .label), ReportColumn(result.column, style: .label), ReportColumn("n", style: .count),
                ReportColumn("events", style: .count), ReportColumn("weight", style: number), ReportColumn("rmst", style: number),
                ReportColumn("rmst_se", style: number),
            ],
            rows: result.comparison.strata.flatMap { stratum in
                stratum.groups.map { g in
                    [.text(stratum.level), .text(g.level), .integer(g.n), .integer(g.events), .number(stratum.weight),
                     .number(g.restrictedMean.estimate), .number(g.restrictedMean.standardError)]
                }
            },
            notes: ["weight: n_s / n, the stratum's share of all rows (every group); rmst: restricted mean \(words.outcome) to "
                + "\(words.time(tau)) of the group's own curve within the stratum."])
    }

    /// The extra CSV columns of a stratified comparison (`stratum`, `method`), empty without strata.
    static func strataCSVColumns(_ result: CompareResult) -> [ReportColumn] {
        result.comparison.isStratified ? ["stratum", "method"].map { ReportColumn($0, style: .label) } : []
    }

    /// The `stratum` and `method` cells of a CSV row of `section` and `measure` (nothing without strata).
    static func strataCSVCells(_ result: CompareResult, section: String, measure: String) -> [ReportCell] {
        guard let column = result.strataColumn, result.comparison.isStratified else { return [] }
        let method: String
        switch (section, measure) {
        case ("contrast", "hazard_ratio"): method = "coxph strata(\(column))"
        case ("contrast", _): method = "stratum-weighted Kaplan-Meier (n_s/n)"
        case ("group", _): method = "unstratified Kaplan-Meier"
        default: method = ""
        }
        return [.empty, .text(method)]
    }

    /// The CSV rows of every group within every stratum (section `stratum`: measures `weight` and `rmst`).
    static func strataCSVRows(_ result: CompareResult, trailer: [ReportCell]) -> [[ReportCell]] {
        guard result.comparison.isStratified else { return [] }
        let tau = result.comparison.tau
        return result.comparison.strata.flatMap { stratum in
            stratum.groups.flatMap { g -> [[ReportCell]] in
                let counts: [ReportCell] = [.integer(g.n), .integer(g.events)]
                let method: [ReportCell] = [.text(stratum.level), .text("Kaplan-Meier within stratum")]
                return [
                    [.text("stratum"), .text(g.level), .text("weight"), .empty, .number(stratum.weight), .empty, .empty, .empty, .empty]
                        + counts + trailer + method,
                    [.text("stratum"), .text(g.level), .text("rmst"), .number(tau), .number(g.restrictedMean.estimate),
                     .number(g.restrictedMean.standardError), .empty, .empty, .empty] + counts + trailer + method,
                ]
            }
        }
    }

    /// The JSON member `strata` (only with `--strata`): `{"column", "weights": "n_s/n", "method",
    /// "levels": [{"level", "n", "weight", "groups": [{"level", "n", "events", "rmst", "rmst_se",
    /// "survival": [{"time", "estimate", "std_error"}]}]}]}`.
    static func strataJSON(_ result: CompareResult) -> [(key: String, value: JSONValue)] {
        guard let column = result.strataColumn, let method = strataMethod(result) else { return [] }
        return [("strata", .object([
            ("column", .string(column)), ("weights", .string("n_s/n")), ("method", .string(method)),
            ("levels", .array(result.comparison.strata.map { stratum in
                .object([
                    ("level", .string(stratum.level)), ("n", .integer(stratum.n)), ("weight", .optional(stratum.weight)),
                    ("groups", .array(stratum.groups.map { g in
                        .object([
                            ("level", .string(g.level)), ("n", .integer(g.n)), ("events", .integer(g.events)),
                            ("rmst", .optional(g.restrictedMean.estimate)), ("rmst_se", .optional(g.restrictedMean.standardError)),
                            ("survival", .array(g.survival.map { s in
                                .object([("time", .optional(s.time)), ("estimate", .optional(s.estimate)),
                                         ("std_error", .optional(s.standardError))])
                            })),
                        ])
                    })),
                ])
            })),
        ]))]
    }
}

extension CompareRenderer {
    /// The differences table's notes: as given without strata; with strata, the notes on the survival
    /// differences, the median and the hazard ratio give way to the stratified method.
    static func stratifiedNotes(_ result: CompareResult, _ notes: [String]) -> [String] {
        guard let method = strataMethod(result) else { return notes }
        let replaced = ["survival_difference:", "median_difference:", "hazard_ratio:"]
        return notes.filter { note in !replaced.contains { note.hasPrefix($0) } } + [method]
    }
}

extension CompareRenderer {
    /// The sentence on `strata()` in a Cox adjustment (each row on its own stratum's baseline), or nothing.
    static func adjustedStrataNotes(_ adjusted: AdjustedComparison) -> [String] {
        guard !adjusted.strataColumns.isEmpty else { return [] }
        let columns = adjusted.strataColumns.joined(separator: ", ")
        return ["With strata(\(columns)) each row's predicted curve uses the baseline hazard of its own \(columns) stratum (R's "
            + "survfit(fit, newdata = row)); the strata's baseline variances add to the SEs."]
    }
}
