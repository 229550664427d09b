import Analysis
import ArgumentParser
import Survival

/// Options for the confidence intervals: `--conf-type`, `--conf-level`.
struct ConfidenceOptions: ParsableArguments {
    @Option(help: "Confidence interval transform: log (R's default), log-log, plain, logit or arcsin.")
    var confType: KaplanMeier.ConfidenceTransform = .log
    @Option(help: "Confidence level, between 0 and 1.")
    var confLevel = 0.95

    mutating func validate() throws { try ValidationError.from { try kaplanMeier.check() } }

    /// The Kaplan–Meier settings.
    var kaplanMeier: KaplanMeier { KaplanMeier(confidenceTransform: confType, confidenceLevel: confLevel) }
}

extension KaplanMeier.ConfidenceTransform: ExpressibleByArgument {}
