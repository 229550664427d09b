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
