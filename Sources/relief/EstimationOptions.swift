import Analysis
import ArgumentParser
import DataIO
import Reporting
import Survival

/// Options that choose what is read off the curves (summary, predict, report): `--times`, `--tau`.
struct EstimationOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Times at which to report survival, comma-separated ('' for none; default 7,14,28 with days, else the follow-up quartiles).", valueName: "t,t,..."))
    var times: String?

    @Option(
        help: "Horizon of the restricted mean (default: the largest time every group still has someone at risk; for predict, the largest --times value).")
    var tau: Double?

    mutating func validate() throws { try ValidationError.from { try summary(km: KaplanMeier(), unit: .days).summary.check() } }

    /// `--times` as numbers, or the unit's landmarks (``LandmarkTimes``) when not given.
    func parsedTimes(unit: TimeUnit) throws -> (times: [Double], rule: LandmarkTimes) {
        LandmarkTimes.choose(try times.map { text in try ValidationError.from {
            try NumberList.parse(text, option: "--times", domain: .nonNegative, example: "7,14,28", allowsEmpty: true) } }, unit: unit)
    }

    /// The summary specification with the given Kaplan–Meier settings, and where its times come from.
    func summary(km: KaplanMeier, unit: TimeUnit) throws -> (summary: SurvivalSummary, landmarks: LandmarkTimes) {
        let (times, rule) = try parsedTimes(unit: unit)
        return (SurvivalSummary(km: km, times: times, tau: tau), rule)
    }

    /// The provenance entries of these options.
    func provenanceOptions(unit: TimeUnit) -> [(String, String)] {
        [("times", LandmarkTimes.provenanceText(times, unit: unit))] + (tau.map { [("tau", String(describing: $0))] } ?? [])
    }
}
