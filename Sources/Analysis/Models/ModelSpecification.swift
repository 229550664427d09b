import Regression

/// How to fit a regression model, independent of the data: the formula, the robust-variance cluster,
/// Cox ties, factor reference levels, the AFT distribution and the confidence level.
///
/// ```swift
/// var spec = ModelSpecification(formula: "dose_mg_kg + interval_days")
/// spec.cluster = "patient_id"
/// ```
public struct ModelSpecification: Sendable {
    /// The right-hand side of an R model formula.
    public var formula: String
    /// Robust (sandwich) standard errors clustered by this column.
    public var cluster: String?
    /// Tie handling of the Cox model (`nil`: Efron).
    public var ties: CoxPH.Ties?
    /// Reference level of text columns (R's `relevel`): column -> level.
    public var referenceLevels: [String: String]
    /// The AFT distribution of the `aft`, `emax` and `sigemax` models (`nil`: Weibull); ignored by the
    /// named families.
    public var distribution: AFTDistribution?
    /// Whether `aft` fits all four families and ranks them by AIC.
    public var comparesDistributions: Bool
    /// Confidence level of the intervals.
    public var confidenceLevel: Double
    /// Cox: whether to test proportional hazards (`cox.zph`, km transform).
    public var testsProportionalHazards: Bool

    /// Creates a specification.
    /// - Parameters:
    ///   - formula: The formula's right-hand side.
    ///   - cluster: The cluster column, or `nil`.
    ///   - ties: Cox ties, `nil` for Efron.
    ///   - referenceLevels: Reference levels by column.
    ///   - distribution: The AFT distribution of `aft`/`emax`/`sigemax`, `nil` for Weibull.
    ///   - comparesDistributions: `aft`: fit all four families.
    ///   - confidenceLevel: The confidence level.
    ///   - testsProportionalHazards: Cox: run `cox.zph`.
    public init(
        formula: String, cluster: String? = nil, ties: CoxPH.Ties? = nil, referenceLevels: [String: String] = [:],
        distribution: AFTDistribution? = nil, comparesDistributions: Bool = false, confidenceLevel: Double = 0.95,
        testsProportionalHazards: Bool = true
    ) {
        self.formula = formula
        self.cluster = cluster
        self.ties = ties
        self.referenceLevels = referenceLevels
        self.distribution = distribution
        self.comparesDistributions = comparesDistributions
        self.confidenceLevel = confidenceLevel
        self.testsProportionalHazards = testsProportionalHazards
    }

    /// The AFT distributions to fit for `model`: the named model's, the given one for `aft`/`emax`/`sigemax`
    /// (default Weibull), or all four with ``comparesDistributions``; none for Cox.
    /// - Parameter model: The model.
    /// - Returns: The distributions.
    public func distributions(model: ModelName) -> [AFTDistribution] {
        if let distribution = model.distribution { return [distribution] }
        guard model != .cox else { return [] }
        if comparesDistributions, model == .aft { return AFTDistribution.all }
        return [distribution ?? .weibull]
    }

    /// Checks the options that depend on the model: ties are Cox's, a distribution the `aft` and Emax
    /// models', and comparing all families `aft`'s.
    /// - Throws: ``AnalysisError`` (usage) naming the option that does not apply.
    public func check(for model: ModelName) throws {
        if model != .cox, ties != nil {
            throw AnalysisError(.usage, "--ties applies to cox models only; \(model.rawValue) has no ties option")
        }
        if model.isEmax, comparesDistributions {
            throw AnalysisError(
                .usage, "--dist all applies to `relief fit aft`; give one distribution for \(model.rawValue), e.g. --dist weibull")
        }
        if model != .aft, !model.isEmax, let name = comparesDistributions ? "all" : distribution?.name {
            throw AnalysisError(
                .usage,
                "--dist \(name) applies to `relief fit aft`; use `relief fit aft --dist \(name)` or name the model (e.g. relief fit weibull)")
        }
    }
}
