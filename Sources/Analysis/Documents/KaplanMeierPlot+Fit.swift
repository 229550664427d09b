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
    ///   - wording: The unit and outcome words of the axes.
    public init(title: String, summary: SurvivalSummaryResult, wording: OutcomeWording = OutcomeWording()) {
        self.init(
            title: title, wording: wording,
            curves: summary.groups.map { group in
                let label = group.by.map(\.level).joined(separator: ", ")
                return KaplanMeierPlot.Curve(label: label.isEmpty ? "All" : label, fit: group.fit)
            })
    }

    /// A plot of curves over time with the axes named by `wording` ("Days since infusion", and unless
    /// `yLabel` is given "Proportion still in relief"); week-multiple ticks only on a day axis.
    /// - Parameters:
    ///   - title: The title.
    ///   - wording: The unit and outcome words.
    ///   - yLabel: The y-axis title, or nil for the survival curve's.
    ///   - curves: The curves.
    public init(title: String, wording: OutcomeWording, yLabel: String? = nil, curves: [Curve]) {
        self.init(
            title: title, xLabel: wording.timeAxis, yLabel: yLabel ?? wording.stillInOutcome, curves: curves,
            prefersWeekTicks: wording.timeUnit == .days)
    }

    /// The caption of a summary's figure: what is estimated, by what, the band's level and transform,
    /// the censoring marks and the at-risk table.
    /// - Parameters:
    ///   - summary: The summary drawn.
    ///   - by: The grouping's name, or nil without groups.
    ///   - wording: The outcome's word.
    /// - Returns: The caption, one sentence.
    public static func caption(_ summary: SurvivalSummaryResult, by: String?, wording: OutcomeWording = OutcomeWording()) -> String {
        let ci = Provenance.percent(summary.confidenceLevel)
        return "Kaplan–Meier estimate of the proportion of episodes still in \(wording.outcome)" + (by.map { ", by " + $0 } ?? "")
            + ", with \(ci) pointwise confidence bands (\(summary.confidenceTransform.rawValue) transform); + marks "
            + "are censored episodes; the table under the axis gives the numbers still at risk."
    }
}
