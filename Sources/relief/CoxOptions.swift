import ArgumentParser
import Regression

/// Options of the Cox model: `--ties`, `--ph-test`.
struct CoxOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Tie handling of the Cox model: efron (default) or breslow.", valueName: "method"))
    var ties: CoxPH.Ties?

    @Flag(
        inversion: .prefixedNo,
        help: "Cox: test proportional hazards (cox.zph, km transform); --no-ph-test skips it on large files.")
    var phTest = true
}

extension CoxPH.Ties: ExpressibleByArgument {}
extension FrailtyDistribution: ExpressibleByArgument {}
extension RandomInterceptAFT.Estimation: ExpressibleByArgument {}
