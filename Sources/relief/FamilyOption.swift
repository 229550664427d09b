import ArgumentParser

/// `--dist` of `relief predict` and `relief schedule`: one AFT family.
enum FamilyOption: String, ExpressibleByArgument, CaseIterable {
    case exponential, weibull, lognormal, loglogistic

    init?(argument: String) { self.init(rawValue: argument.lowercased()) }

    /// As `--dist` of `relief fit`.
    var dist: DistributionOption { DistributionOption(rawValue: rawValue) ?? .weibull }
}
