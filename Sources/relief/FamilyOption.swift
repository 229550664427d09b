import ArgumentParser

/// `--dist` of `relief predict` and `relief schedule`: one AFT family.
enum FamilyOption: String, NamedOption {
    case exponential, weibull, lognormal, loglogistic

    /// As `--dist` of `relief fit`.
    var dist: DistributionOption { DistributionOption(rawValue: rawValue) ?? .weibull }
}
