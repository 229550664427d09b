import Regression
import Reporting

/// A parametric AFT fit as `relief fit` shows it (R's `summary(survreg)`): time ratios, the scale (and
/// the Weibull/log-logistic shape), the Weibull and exponential hazard ratios in the
/// proportional-hazards metric, the likelihood-ratio test and, for `--dist all`, the families ranked by
/// AIC.
public struct AFTEstimates: RegressionEstimates {
    /// The fitted AFT model (the best by AIC for `--dist all`).
    public let aft: AFTFit
    /// Every family fitted for `--dist all`, ranked by AIC (best first); empty otherwise.
    public let comparison: [AFTFit]
    /// The warnings, each prefixed with its family.
    public let warnings: [String]

    /// Creates the estimates of an AFT fit.
    /// - Parameters:
    ///   - aft: The fit (the best one when `comparison` is not empty).
    ///   - comparison: The ranked families of `--dist all`, or empty.
    public init(_ aft: AFTFit, comparison: [AFTFit] = []) {
        self.aft = aft
        self.comparison = comparison
        let fits = comparison.isEmpty ? [aft] : comparison
        self.warnings = fits.flatMap { one in one.warnings.map { "\(one.distribution.name): \($0)" } }
    }

    /// Claims an ``AFTFit`` or an ``AFTComparisonFit`` (`--dist all`).
    public init?(fit: any SurvivalRegressionFit, context: RegressionEstimatesContext) {
        if let aft = fit as? AFTFit {
            self.init(aft)
        } else if let compared = fit as? AFTComparisonFit {
            self.init(compared.best, comparison: compared.ranked.count > 1 ? compared.ranked : [])
        } else {
            return nil
        }
    }

    public var fit: any SurvivalRegressionFit { aft }
    public var fittedModel: String { aft.distribution.name }
    public var ratioName: String? { "time_ratio" }

    public var title: String {
        let name = aft.distribution.name
        let family = name.prefix(1).uppercased() + name.dropFirst()
        return comparison.isEmpty
            ? "\(family) accelerated failure time model"
            : "Accelerated failure time models compared; best by AIC: \(name)"
    }

    public var modelLine: String {
        comparison.isEmpty ? aft.distribution.name : "\(aft.distribution.name) (best of \(comparison.count) by AIC)"
    }

    public func methods(formula: String, words: OutcomeWording) -> (model: String, ties: String?) {
        let name = aft.distribution.name
        return (
            "\(name) accelerated failure time model (R survreg, dist = \"\(name)\") "
                + "of log \(words.outcome) duration, formula \(formula); exp(coefficient) is a time ratio: above 1 means longer \(words.outcome)",
            nil
        )
    }

    public func forestRows(_ result: RegressionResult) -> [ForestRows.Row] {
        aft.coefficientTable.compactMap { row in
            let term = result.termName(row.column)
            guard term != "(Intercept)" else { return nil }
            return ForestRows.Row(
                label: ForestRows.label(term, result), estimate: ForestRows.finite(row.timeRatio),
                lower: ForestRows.finite(row.lower), upper: ForestRows.finite(row.upper))
        }
    }

    /// Whether the family has a shape `1/scale` worth showing (Weibull, log-logistic).
    var showsShape: Bool {
        aft.distribution.name == AFTDistribution.weibull.name || aft.distribution.name == AFTDistribution.loglogistic.name
    }
}
