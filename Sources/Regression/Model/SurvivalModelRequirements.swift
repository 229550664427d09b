/// What a registered model needs from the data and the design (``SurvivalModelEntry/requirements``).
public struct SurvivalModelRequirements: Sendable, Equatable {
    /// Whether the design includes the intercept column (AFT families: yes; Cox and Emax: no).
    public var intercept: Bool
    /// Whether `strata()` may be used (a baseline per stratum: Cox only).
    public var allowsStrata: Bool
    /// Whether a dose column is needed besides the design (``RegressionData/dose``).
    public var needsDose: Bool
    /// Whether the tie handling of ``SurvivalModelSettings/ties`` applies (Cox).
    public var usesTies: Bool
    /// Whether ``SurvivalModelSettings/distribution`` chooses the error family (`aft`, Emax); the
    /// named families carry their own.
    public var choosesDistribution: Bool
    /// The model works on log(time), so durations of 0 are left out of its fits (with a warning).
    public var positiveTimes: Bool
    /// Whether the model fits counting-process rows `(start, stop]` (``RegressionData/start``: delayed
    /// entry, time-varying covariates); a model without it is not offered such data.
    public var allowsEntryTimes: Bool
    /// Whether the formula may carry a `frailty()` term (a shared frailty per group).
    public var allowsFrailty: Bool
    /// Whether a `frailty()` term may be combined with entry times (the random-intercept AFT conditions each
    /// episode on its entry given the patient; the frailty Cox fit takes counting-process risk sets, R's `agfit5`).
    public var allowsFrailtyWithEntryTimes: Bool
    /// Whether the fit without a `frailty()` term takes case weights (``RegressionData/weights``; Cox as R's
    /// `coxph(..., weights =)`, the AFT families as `survreg(..., weights =)`; `relief fit --weights`).
    public var takesWeights: Bool
    /// Whether a `frailty()` fit takes case weights (``RegressionData/weights``; the frailty Cox fit, as R's
    /// `coxph(..., weights =)`; `relief fit --weights`).
    public var allowsWeightsWithFrailty: Bool
    /// Whether its `frailty()` fit may estimate `(σ, τ)` by REML (`--estimation reml`): the normal random
    /// intercept on log time of the parametric families with a scale.
    public var allowsRestrictedLikelihood: Bool
    /// The distribution of a `frailty()` term when the user names none (Cox: gamma, R's default; the
    /// parametric families: gaussian, a normal random intercept on log time).
    public var defaultFrailty: FrailtyDistribution
    /// The frailty distributions the model fits (Cox: gamma and gaussian; the parametric families: gaussian).
    public var frailtyDistributions: [FrailtyDistribution]

    /// Creates the requirements.
    ///
    /// - Parameters:
    ///   - intercept: The design has the intercept column.
    ///   - allowsStrata: Strata are allowed.
    ///   - needsDose: A dose column is needed.
    ///   - usesTies: The tie handling applies.
    ///   - choosesDistribution: The settings choose the error family.
    ///   - positiveTimes: The model needs times > 0.
    ///   - allowsEntryTimes: The model fits `(start, stop]` rows.
    ///   - allowsFrailty: The formula may have a `frailty()` term.
    ///   - allowsFrailtyWithEntryTimes: `frailty()` may be combined with entry times.
    ///   - takesWeights: The fit without `frailty()` takes case weights.
    ///   - allowsWeightsWithFrailty: A `frailty()` fit takes case weights.
    ///   - allowsRestrictedLikelihood: A `frailty()` fit may be estimated by REML.
    ///   - defaultFrailty: The frailty's distribution when none is named.
    ///   - frailtyDistributions: The frailty distributions the model fits.
    public init(
        intercept: Bool, allowsStrata: Bool, needsDose: Bool, usesTies: Bool = false, choosesDistribution: Bool = false,
        positiveTimes: Bool = false, allowsEntryTimes: Bool = false,
        allowsFrailty: Bool = false, allowsFrailtyWithEntryTimes: Bool = false, takesWeights: Bool = false, allowsWeightsWithFrailty: Bool = false,
        allowsRestrictedLikelihood: Bool = false,
        defaultFrailty: FrailtyDistribution = .gamma, frailtyDistributions: [FrailtyDistribution] = FrailtyDistribution.allCases
    ) {
        self.intercept = intercept
        self.allowsStrata = allowsStrata
        self.needsDose = needsDose
        self.usesTies = usesTies
        self.choosesDistribution = choosesDistribution
        self.positiveTimes = positiveTimes
        self.allowsEntryTimes = allowsEntryTimes
        self.allowsFrailty = allowsFrailty
        self.allowsFrailtyWithEntryTimes = allowsFrailtyWithEntryTimes
        self.takesWeights = takesWeights
        self.allowsWeightsWithFrailty = allowsWeightsWithFrailty
        self.allowsRestrictedLikelihood = allowsRestrictedLikelihood
        self.defaultFrailty = defaultFrailty
        self.frailtyDistributions = frailtyDistributions
    }
}
