import Foundation
import Reporting
import Survival

extension KaplanMeierPlot.Curve {
    /// A Nelson–Aalen curve drawn as its cumulative hazard H(t), rising from 0: the limits are those of
    /// exp(−H) read back on the H scale (−log of the upper and lower limits, as R's `plot(fit, cumhaz = TRUE)`),
    /// censoring marks at H, and the fit's numbers at risk. Nothing is re-estimated.
    /// - Parameters:
    ///   - label: The group label.
    ///   - fit: The Nelson–Aalen fit.
    public init(label: String, cumulativeHazard fit: NelsonAalenFit) {
        let counts = fit.counts
        func hazard(_ limit: Double?) -> Double? {
            guard let limit, limit > 0 else { return nil }
            return -log(limit)
        }
        let marks = counts.times.indices.filter { counts.censorCounts.indices.contains($0) && counts.censorCounts[$0] > 0 }
        self.init(
            label: label, times: counts.times, survival: fit.cumulativeHazard, lower: fit.upper.map(hazard),
            upper: fit.lower.map(hazard), censorTimes: marks.map { counts.times[$0] },
            censorSurvival: marks.map { fit.cumulativeHazard[$0] }, riskSetTimes: counts.times, riskSetSizes: counts.atRisk,
            confidenceLevel: counts.confidenceLevel)
        initialValue = 0
    }
}
