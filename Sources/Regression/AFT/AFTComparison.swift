import NumericCore
import Survival

/// The AFT families fitted side by side and ranked by AIC (`relief fit aft --dist all`), as one
/// ``SurvivalRegressionModel``: its fit answers for the best family and keeps all of them.
///
/// ```swift
/// let fit = try AFTComparison().fit(data)
/// fit.best.distribution.name, fit.ranked.map(\.aic)
/// ```
public struct AFTComparison: SurvivalRegressionModel, Sendable {
    /// The settings every family is fitted with (its `distribution` is replaced by each candidate).
    public var specification: ParametricAFT
    /// The candidates (default the four built-in families).
    public var distributions: [AFTDistribution]

    /// Creates the comparison.
    ///
    /// - Parameters:
    ///   - specification: Iterations, tolerance, robust flag and level of every fit.
    ///   - distributions: The candidate families, at least one.
    public init(specification: ParametricAFT = ParametricAFT(), distributions: [AFTDistribution] = AFTDistribution.all) {
        self.specification = specification
        self.distributions = distributions
    }

    /// Fits every family (``ParametricAFT/compareDistributions(_:x:time:event:weights:cluster:)``).
    ///
    /// - Parameter input: As ``ParametricAFT/fit(_:)``.
    /// - Returns: The ranked fits.
    /// - Throws: As ``ParametricAFT/fit(_:)``; `.invalidArgument` without candidates.
    /// - Complexity: The sum of the fits.
    public func fit(_ input: RegressionData) throws(StatModelError) -> AFTComparisonFit {
        var fits: [(index: Int, fit: AFTFit)] = []
        for (index, distribution) in distributions.enumerated() {
            var spec = specification
            spec.distribution = distribution
            fits.append((index, try spec.fit(input)))
        }
        let ranked = fits.sorted { ($0.fit.aic, $0.index) < ($1.fit.aic, $1.index) }.map(\.fit)
        guard let best = ranked.first else {
            throw .invalidArgument(context: "AFTComparison.fit", message: "no distribution to fit; give at least one.")
        }
        return AFTComparisonFit(best: best, ranked: ranked)
    }
}
