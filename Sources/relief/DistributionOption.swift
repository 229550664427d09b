import ArgumentParser
import Regression

/// `--dist`: the AFT error distribution of `aft`, `emax` and `sigemax`, or `all` (compare by AIC).
enum DistributionOption: String, NamedOption {
    case exponential, weibull, lognormal, loglogistic, all

    /// The distribution (`nil` for `all`).
    var distribution: AFTDistribution? { AFTDistribution.named(rawValue) }
}
