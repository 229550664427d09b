import Analysis
import ArgumentParser
import DataIO
import Survival

/// Options that choose what is read off the curves (summary, predict, report): `--times`, `--tau`.
struct EstimationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Times at which to report survival, comma-separated ('' for none).", valueName: "t,t,..."))
    var times = "7,14,28"

    @Option(
        help: "Horizon of the restricted mean (default: the largest time every group still has someone at risk; for predict, the largest --times value).")
    var tau: Double?

    mutating func validate() throws { try ValidationError.from { try summary(km: KaplanMeier()).check() } }

    /// `--times` as numbers.
    func parsedTimes() throws -> [Double] {
        try ValidationError.from { try NumberList.parse(times, option: "--times", domain: .nonNegative, example: "7,14,28", allowsEmpty: true) }
    }

    /// The summary specification with the given Kaplan–Meier settings.
    func summary(km: KaplanMeier) throws -> SurvivalSummary {
        SurvivalSummary(km: km, times: try parsedTimes(), tau: tau)
    }

    /// The provenance entries of these options.
    func provenanceOptions() -> [(String, String)] {
        var options: [(String, String)] = [("times", times)]
        if let tau { options.append(("tau", String(describing: tau))) }
        return options
    }
}
