import Reporting
import Survival

extension KaplanMeierPlot.Curve {
    /// Reads a fitted curve: its times, S(t), limits, censoring marks (times where
    /// `censorCounts > 0`, at S there) and risk sets. Nothing is recomputed.
    /// - Parameters:
    ///   - label: The group label.
    ///   - fit: The fitted curve.
    public init(label: String, fit: KaplanMeierFit) {
        let marks = fit.censoringMarks
        self.init(label: label, times: fit.times, survival: fit.survival, lower: fit.lower, upper: fit.upper,
                  censorTimes: marks.map(\.time), censorSurvival: marks.map(\.survival),
                  riskSetTimes: fit.times, riskSetSizes: fit.atRisk, confidenceLevel: fit.confidenceLevel)
    }
}

extension KaplanMeierPlot {
    /// The Kaplan–Meier figure of a summary's groups (the clinical report's and `relief curves`'): one
    /// step curve per group (labelled by its levels, "All" without groups) with its pointwise band,
    /// censoring marks and the numbers at risk under the time axis. Nothing is recomputed.
    /// - Parameters:
    ///   - title: The title.
    ///   - summary: The summary whose group fits are drawn.
    public init(title: String, summary: SurvivalSummaryResult) {
        self.init(
            title: title,
            curves: summary.groups.map { group in
                let label = group.by.map(\.level).joined(separator: ", ")
                return KaplanMeierPlot.Curve(label: label.isEmpty ? "All" : label, fit: group.fit)
            })
    }

    /// The caption of a summary's figure: what is estimated, by what, the band's level and transform,
    /// the censoring marks and the at-risk table.
    /// - Parameters:
    ///   - summary: The summary drawn.
    ///   - by: The grouping's name, or nil without groups.
    /// - Returns: The caption, one sentence.
    public static func caption(_ summary: SurvivalSummaryResult, by: String?) -> String {
        let ci = Provenance.percent(summary.confidenceLevel)
        return "Kaplan–Meier estimate of the proportion of episodes still in relief" + (by.map { ", by " + $0 } ?? "")
            + ", with \(ci) pointwise confidence bands (\(summary.confidenceTransform.rawValue) transform); + marks "
            + "are censored episodes; the table under the axis gives the numbers still at risk."
    }
}
