import NumericCore

/// The MaxCombo test of two groups: the largest absolute standardised Fleming–Harrington statistic over
/// (ρ, γ) = (0, 0), (0, 1), (1, 0), (1, 1), with its p-value from the joint normal distribution of the
/// four statistics (Lin et al. 2020).
///
/// For weight `j`, `Zⱼ = Uⱼ / √Vⱼⱼ` with `Uⱼ = Σ wⱼ(t) (O − E)` of the first group and
/// `Vⱼₖ = Σ wⱼ(t) wₖ(t) V(t)` (the covariance of the weighted sums, summed over strata, weights
/// within strata as ``LogRankTest``). Under the null `Z ~ N(0, R)` with `R` the correlation of `V`, so
/// `p = 1 − P(|Zⱼ| ≤ max |Z| for all j)` (two-sided), from ``NumericCore/MultivariateNormalProbability``.
///
/// R. S. Lin et al., "Alternative analysis methods for time to event endpoints under nonproportional
/// hazards: a comparative analysis", *Statistics in Biopharmaceutical Research* 12(2), 187–198 (2020),
/// doi:10.1080/19466315.2019.1697738.
public struct MaxComboTest: Sendable {
    /// The four Fleming–Harrington weights, in the order of ``MaxComboTestResult/components``.
    public static let weights: [LogRankWeight] = [
        .flemingHarrington(rho: 0, gamma: 0), .flemingHarrington(rho: 0, gamma: 1),
        .flemingHarrington(rho: 1, gamma: 0), .flemingHarrington(rho: 1, gamma: 1),
    ]

    /// Merge near-tied times with R's `aeqSurv` rule first (default true).
    public var timeFix = true

    /// Creates the test.
    /// - Parameter timeFix: apply R's near-tie rule first (default `true`).
    public init(timeFix: Bool = true) {
        self.timeFix = timeFix
    }

    /// Runs the (stratified) MaxCombo test.
    /// - Parameters: as ``LogRankTest/test(time:event:start:group:groupCount:strata:)``, with
    ///   `groupCount` = 2.
    /// - Returns: max |Z|, its p-value, the four components and their correlation.
    /// - Throws: `StatModelError.invalidArgument` for other than two groups, `.undefinedStatistic` when a
    ///   component has no variance (no event time with two or more at risk and a weight above 0), and
    ///   the errors of ``LogRankTest``.
    /// - Complexity: as ``LogRankTest``, plus a fixed cost for the 4-dimensional normal probability.
    public func test(time: [Double], event: [Bool], start: [Double]? = nil, group: [Int], groupCount: Int,
                     strata: [Int]? = nil) throws(StatModelError) -> MaxComboTestResult {
        let context = "MaxComboTest.test"
        guard groupCount == 2 else {
            throw .invalidArgument(
                context: context,
                message: "MaxCombo compares exactly two groups, got \(groupCount); use --pairwise for every pair.")
        }
        let weights = Self.weights
        let tables = try LogRankTables(context: context, time: time, event: event, start: start, group: group,
                                       groupCount: 2, strata: strata, timeFix: timeFix, weights: weights)
        let m = weights.count
        var covariance = Matrix(rows: m, columns: m)
        for p in 0..<m { for q in 0..<m { covariance[p, q] = tables.covariance[p * m + q][0] } }
        var z: [Double] = []
        for p in 0..<m {
            let variance = covariance[p, p]
            guard variance > 0 else {
                throw .undefinedStatistic(
                    context: context,
                    message: "the \(weights[p].name) component has no variance (too few event times), so MaxCombo is undefined.")
            }
            z.append((tables.weightedObserved[p][0] - tables.weightedExpected[p][0]) / variance.squareRoot())
        }
        var correlation = Matrix(rows: m, columns: m)
        for p in 0..<m {
            for q in 0..<m { correlation[p, q] = covariance[p, q] / (covariance[p, p] * covariance[q, q]).squareRoot() }
        }
        let statistic = z.map(abs).max() ?? 0
        let probability: Double  // P(some |Zⱼ| > max |Z|), computed directly
        do {
            probability = try MultivariateNormalProbability(covariance: correlation).outside(
                lower: [Double](repeating: -statistic, count: m), upper: [Double](repeating: statistic, count: m))
        } catch {
            throw .undefinedStatistic(context: context,
                                      message: "the correlation of the four components could not be factored (\(error)).")
        }
        let components = zip(weights, z).map { MaxComboTestResult.Component(weight: $0, z: $1) }
        return MaxComboTestResult(
            statistic: statistic, pValue: probability, components: components, correlation: correlation,
            observed: tables.observed, expected: tables.expected, groupSizes: tables.groupSizes)
    }
}
