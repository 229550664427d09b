import Analysis
import ArgumentParser
import NumericCore
import Survival

/// `relief summary FILE`: Kaplan–Meier summaries and tests by group.
struct SummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Relief-duration summary tables by group, with log-rank and trend tests.",
        discussion: """
            Reads a CSV of treatment episodes (one row per episode: a duration and an event indicator, \
            1 = relief ended, 0 = censored) and prints, per group of the --by columns (crossed when \
            repeated): n, events, censored; median and quartiles with confidence intervals; survival at \
            --times; the restricted mean survival time; the median follow-up (reverse Kaplan-Meier); the \
            --test per column (stratified with --strata), the test for trend across three or more ordered \
            levels, and the test across the crossed groups. R's survival package is the numerical reference.

            \(ReliefFailure.exitCodeHelp)
            """)

    @OptionGroup var km: KaplanMeierInputOptions
    @OptionGroup(title: "Estimates") var estimation: EstimationOptions
    @Option(help: "Test across groups: log-rank, peto-peto, gehan, tarone-ware, fh:RHO,GAMMA, maxcombo (two groups).",
            transform: SurvivalSummaryTestMethod.init(parsing:)) var test = SurvivalSummaryTestMethod.weighted(.logRank)
    @Option(help: "Test every pair of groups; adjust p by holm, bh, bonferroni or none.", transform: PValueAdjustment.init(parsing:))
    var pairwise: PValueAdjustment?
    @OptionGroup(title: "Output") var output: OutputOptions<SummaryRequest>

    func run() throws {
        let unit = km.input.columns.timeUnit
        var (summary, landmarks) = try estimation.summary(km: km.confidence.kaplanMeier, unit: unit)
        (summary.test, summary.pairwise) = (test, pairwise)
        var request = SummaryRequest(source: try km.input.source(grouping: km.grouping), summary: summary)
        request.landmarks = landmarks
        let numbers = km.confidence.kaplanMeier.provenanceOptions + estimation.provenanceOptions(unit: unit) + summary.testProvenanceOptions
        try CommandRun(output: output, input: km.input, grouping: km.grouping, numberOptions: numbers)(request)
    }
}
