import Regression

/// How to fit a regression model, independent of the data: the formula, the robust-variance cluster,
/// Cox ties, factor reference levels, the AFT distribution, the confidence level and the largest design.
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
    /// The most design columns the formula may expand to (`--max-columns`, default 1,000); a wider
    /// design is refused before it is built.
    public var maximumColumns: Int

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
    ///   - maximumColumns: The most design columns.
    public init(
        formula: String, cluster: String? = nil, ties: CoxPH.Ties? = nil, referenceLevels: [String: String] = [:],
        distribution: AFTDistribution? = nil, comparesDistributions: Bool = false, confidenceLevel: Double = 0.95,
        testsProportionalHazards: Bool = true, maximumColumns: Int = DesignMatrixBuilder.defaultMaximumColumns
    ) {
        self.formula = formula
        self.cluster = cluster
        self.ties = ties
        self.referenceLevels = referenceLevels
        self.distribution = distribution
        self.comparesDistributions = comparesDistributions
        self.confidenceLevel = confidenceLevel
        self.testsProportionalHazards = testsProportionalHazards
        self.maximumColumns = maximumColumns
    }

    /// The registry settings of this specification: confidence level, the chosen family (`all` to compare
    /// them), Cox ties; robust variance when a cluster is given (the models decide from the data).
    public var settings: SurvivalModelSettings {
        SurvivalModelSettings(
            confidenceLevel: confidenceLevel, distribution: comparesDistributions ? "all" : distribution?.name,
            ties: ties ?? .efron)
    }

    /// Checks the options that depend on the model: ties apply where the model uses them (Cox), a
    /// distribution where the model lets the settings choose it (`aft`, Emax), comparing all families
    /// only without a dose.
    /// - Throws: ``AnalysisError`` (usage) naming the option that does not apply.
    public func check(for model: ModelName) throws {
        let requirements = model.entry.requirements
        if !requirements.usesTies, ties != nil {
            throw AnalysisError(.usage, "--ties applies to cox models only; \(model) has no ties option")
        }
        if requirements.needsDose, comparesDistributions {
            throw AnalysisError(
                .usage, "--dist all applies to `relief fit aft`; give one distribution for \(model), e.g. --dist weibull")
        }
        if !requirements.choosesDistribution, let name = comparesDistributions ? "all" : distribution?.name {
            throw AnalysisError(
                .usage,
                "--dist \(name) applies to `relief fit aft`; use `relief fit aft --dist \(name)` or name the model (e.g. relief fit weibull)")
        }
    }
}
