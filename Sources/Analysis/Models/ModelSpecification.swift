import Foundation
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
    /// The per-term test table: Wald and likelihood-ratio, Wald only, or none; nil (the default) is the
    /// model's own default (``ModelName/defaultTermTests``), as `relief fit` without `--term-tests`.
    public var termTests: TermTestMode? = nil

    /// The per-term tests a fit of `model` reports: ``termTests``, or the model's default.
    /// - Parameter model: The fitted model.
    /// - Returns: The mode.
    public func termTestMode(for model: ModelName) -> TermTestMode { termTests ?? model.defaultTermTests }
    /// The distribution of the formula's `frailty()` term (`--frailty-distribution`, in fit, predict and schedule); nil = the
    /// model's default (gamma for Cox, R's; gaussian, a normal random intercept, for the parametric families).
    public var frailtyDistribution: FrailtyDistribution?
    /// Gauss–Hermite nodes per patient of a random-intercept AFT fit (`--quadrature-nodes`; nil = 9).
    public var quadratureNodes: Int?
    /// The column of positive case weights (`--weights` of fit, predict and schedule, R's `coxph`/`survreg(..., weights = column)`), for
    /// models that take them (``SurvivalModelRequirements/takesWeights``, with `frailty()`
    /// ``SurvivalModelRequirements/allowsWeightsWithFrailty``); nil = none.
    public var weights: String?
    /// REML or maximum likelihood for a random-intercept AFT fit's variance parameters (`--estimation`;
    /// nil = maximum likelihood); ``checkEstimation(for:formula:)`` refuses it elsewhere.
    public var estimation: RandomInterceptAFT.Estimation?

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
    ///   - frailtyDistribution: The distribution of the `frailty()` term, `nil` for the model's default.
    ///   - weights: The column of case weights, `nil` for none.
    public init(
        formula: String, cluster: String? = nil, ties: CoxPH.Ties? = nil, referenceLevels: [String: String] = [:],
        distribution: AFTDistribution? = nil, comparesDistributions: Bool = false, confidenceLevel: Double = 0.95,
        testsProportionalHazards: Bool = true, maximumColumns: Int = DesignMatrixBuilder.defaultMaximumColumns,
        frailtyDistribution: FrailtyDistribution? = nil, weights: String? = nil
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
        self.frailtyDistribution = frailtyDistribution
        self.weights = weights
    }

    /// The registry settings of this specification: confidence level, the chosen family (`all` to compare
    /// them), Cox ties; robust variance when a cluster is given (the models decide from the data).
    public var settings: SurvivalModelSettings {
        SurvivalModelSettings(
            confidenceLevel: confidenceLevel, distribution: comparesDistributions ? "all" : distribution?.name,
            ties: ties ?? .efron, frailty: hasFrailty ? frailtyDistribution ?? .gamma : nil)
    }

    /// The registry settings for `model`: ``settings`` with the model's default frailty distribution when
    /// none is named, and the quadrature nodes.
    /// - Parameter model: The model to be made.
    /// - Returns: The settings.
    public func settings(for model: ModelName) -> SurvivalModelSettings {
        var settings = self.settings
        if settings.frailty != nil { settings.frailty = frailtyDistribution ?? model.entry.requirements.defaultFrailty }
        settings.quadratureNodes = quadratureNodes
        settings.estimation = estimation
        return settings
    }

    /// Whether the formula has a `frailty()` term.
    public var hasFrailty: Bool {
        (try? Formula(formula))?.frailtyColumn != nil
    }

    /// Checks the settings that need neither the model nor the data: a formula with terms, a confidence
    /// level strictly between 0 and 1, a cluster column with a name.
    /// - Throws: ``AnalysisError`` (usage) naming the option.
    public func validate() throws {
        if formula.trimmingCharacters(in: .whitespaces).isEmpty {
            throw AnalysisError(.usage, "--formula needs terms, e.g. --formula \"dose_mg_kg + interval_days\"")
        }
        guard confidenceLevel.isFinite, confidenceLevel > 0, confidenceLevel < 1 else {
            throw AnalysisError(.usage, "--conf-level must lie strictly between 0 and 1 (e.g. 0.95), got \(confidenceLevel)")
        }
        if let cluster, cluster.isEmpty { throw AnalysisError(.usage, "--cluster needs a column name") }
    }

    /// The options that change numbers, for the provenance (``RunRecord``): model, formula, cluster, weights, ties
    /// (models that use them), dist (models that choose one; `all` when comparing), the reference levels
    /// and the confidence level.
    /// - Parameters:
    ///   - model: The model fitted.
    ///   - references: The reference levels as the caller wrote them (`column=level`, in order).
    /// - Returns: Name/value pairs in that order.
    public func provenanceOptions(model: ModelName, references: [String]) -> [(String, String)] {
        var options: [(String, String)] = [("model", model.rawValue), ("formula", formula)]
        if let cluster { options.append(("cluster", cluster)) }
        if let weights { options.append(("weights", weights)) }
        let requirements = model.entry.requirements
        if requirements.usesTies { options.append(("ties", (ties ?? .efron).rawValue)) }
        if requirements.choosesDistribution { options.append(("dist", comparesDistributions ? "all" : distribution?.name ?? "weibull")) }
        if let frailtyDistribution { options.append(("frailty-distribution", frailtyDistribution.rawValue)) }
        if let quadratureNodes { options.append(("quadrature-nodes", String(quadratureNodes))) }
        if let estimation { options.append(("estimation", estimation.rawValue)) }
        for reference in references { options.append(("ref", reference)) }
        options.append(("conf-level", String(describing: confidenceLevel)))
        return options
    }

    /// Checks the options that depend on the model: ties apply where the model uses them (Cox), a
    /// distribution where the model lets the settings choose it (`aft`, Emax), comparing all families
    /// only without a dose, a dose column only to a model with a dose (emax, sigemax).
    /// - Parameters:
    ///   - model: The model.
    ///   - doseColumn: The dose column the caller names, if any.
    /// - Throws: ``AnalysisError`` (usage) naming the option that does not apply.
    public func check(for model: ModelName, doseColumn: String? = nil) throws {
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
        if !requirements.needsDose, doseColumn != nil { throw AnalysisError(.usage, "--dose applies to the emax and sigemax models") }
    }
}
