import Regression

/// The models of `relief fit`, `relief predict` and `relief schedule`, by their command-line names.
public enum ModelName: String, Sendable, CaseIterable {
    case cox
    case exponential
    case weibull
    case lognormal
    case loglogistic
    /// A parametric AFT model whose family comes from `--dist` (default Weibull, or `all`).
    case aft
    /// The one-step Emax AFT model (`relief fit emax`, h = 1).
    case emax
    /// The one-step sigmoid-Emax AFT model (`relief fit sigemax`, h estimated).
    case sigemax

    /// Whether the model is a one-step Emax dose-response AFT (fitted by ``EmaxFitter``).
    public var isEmax: Bool { self == .emax || self == .sigemax }

    /// Whether the model is a parametric AFT model.
    public var isParametric: Bool { self != .cox }

    /// The AFT distribution a named parametric model fits (`nil` for `cox` and `aft`).
    public var distribution: AFTDistribution? {
        switch self {
        case .exponential: return .exponential
        case .weibull: return .weibull
        case .lognormal: return .lognormal
        case .loglogistic: return .loglogistic
        case .cox, .aft, .emax, .sigemax: return nil
        }
    }
}
