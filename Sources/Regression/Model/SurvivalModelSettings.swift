import Survival

/// The user's choices a registry entry turns into a configured model (``SurvivalModelEntry/make``):
/// what `relief fit MODEL` takes as options. Each entry reads the settings it understands.
public struct SurvivalModelSettings: Sendable, Equatable {
    /// Two-sided confidence level of every interval, in (0, 1).
    public var confidenceLevel: Double
    /// The error distribution by name: for `aft` a family or `all` (default Weibull), for `emax` and
    /// `sigemax` the family of the errors (default Weibull); ignored by models whose family is fixed.
    public var distribution: String?
    /// Cox tie handling.
    public var ties: CoxPH.Ties
    /// Robust variance: nil = the model's rule (on with clusters), true = always, false = only with clusters.
    public var robust: Bool?
    /// The distribution of the formula's `frailty()` term, or nil without one.
    public var frailty: FrailtyDistribution?
    /// Gauss–Hermite nodes per patient of a random-intercept AFT fit (nil: the model's default, 9).
    public var quadratureNodes: Int? = nil
    /// How a random-intercept AFT fit estimates its variance parameters (nil: maximum likelihood).
    public var estimation: RandomInterceptAFT.Estimation? = nil

    /// Creates settings with R's defaults.
    ///
    /// - Parameters:
    ///   - confidenceLevel: Default 0.95.
    ///   - distribution: Default nil (the model's default).
    ///   - ties: Default `.efron`.
    ///   - robust: Default nil.
    public init(confidenceLevel: Double = 0.95, distribution: String? = nil, ties: CoxPH.Ties = .efron,
                robust: Bool? = nil, frailty: FrailtyDistribution? = nil) {
        self.confidenceLevel = confidenceLevel
        self.distribution = distribution
        self.ties = ties
        self.robust = robust
        self.frailty = frailty
    }

    /// The AFT family named by ``distribution`` (`fallback` when none is given).
    ///
    /// - Parameters:
    ///   - fallback: The family when no name is given.
    ///   - context: The model, for the message.
    /// - Returns: The family.
    /// - Throws: `.invalidArgument` for an unknown name, listing the families.
    public func family(default fallback: AFTDistribution, context: String) throws(StatModelError) -> AFTDistribution {
        guard let distribution else { return fallback }
        guard let family = AFTDistribution.named(distribution) else {
            throw .invalidArgument(context: context, message: "unknown distribution '\(distribution)'; use one of "
                + AFTDistribution.all.map(\.name).joined(separator: ", ") + ".")
        }
        return family
    }
}
