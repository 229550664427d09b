import Analysis
import ArgumentParser
import Survival

/// `relief curves FILE`: the Kaplan–Meier (or Nelson–Aalen) step functions with confidence intervals.
struct CurvesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curves", abstract: "Kaplan–Meier step functions with confidence intervals, one row per time per group.",
        discussion: """
            Columns: the group columns, time, n_risk, n_event, n_censor, estimate (S(t)), std_error (SE of S(t), Greenwood), \
            lower, upper; with --bands also band_lower, band_upper (the simultaneous band at the --conf-level and --conf-type). \
            --format svg (or html) draws the Kaplan–Meier figure: step curves, bands, censoring marks and the numbers at risk. \
            --estimator nelson-aalen gives cumulative_hazard, std_error, survival (exp(-H)), lower and upper (table, markdown, csv, json).

            \(ReliefFailure.exitCodeHelp)
            """)
    @OptionGroup var km: KaplanMeierInputOptions
    @Option(help: "Estimator: kaplan-meier (S(t), the default) or nelson-aalen (cumulative hazard H(t) and exp(-H)).") var estimator = CurvesEstimator.kaplanMeier
    @Option(help: "Simultaneous confidence band: hall-wellner or equal-precision (Klein & Moeschberger 4.4).") var bands: SimultaneousBand.Method?
    @Option(help: "Time range LO,HI of the band (default: first to last event time with some left at risk).") var bandRange: String?
    @OptionGroup(title: "Output") var output: OutputOptions<CurvesRequest>
    func run() throws {
        let band = try SimultaneousBand.parse(bands, range: bandRange), kaplanMeier = km.confidence.kaplanMeier
        try CommandRun(output: output, input: km.input, grouping: km.grouping, numberOptions: kaplanMeier.provenanceOptions + estimator.provenanceOptions + (band?.provenanceOptions ?? []))(
            try estimator.request(source: try km.input.source(grouping: km.grouping), kaplanMeier: kaplanMeier, band: band))
    }
}

extension CurvesEstimator: ExpressibleByArgument {}
extension SimultaneousBand.Method: ExpressibleByArgument {}
