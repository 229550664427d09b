import ArgumentParser
import Regression

/// `--dist`: the AFT error distribution of `aft`, `emax` and `sigemax`, or `all` (compare by AIC).
enum DistributionOption: String, ExpressibleByArgument, CaseIterable {
    case exponential, weibull, lognormal, loglogistic, all

    /// Case-insensitive, as R's `dist = "Weibull"`.
    init?(argument: String) { self.init(rawValue: argument.lowercased()) }

    /// The distribution (`nil` for `all`).
    var distribution: AFTDistribution? { AFTDistribution.named(rawValue) }
}
