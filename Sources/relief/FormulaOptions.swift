import Analysis
import ArgumentParser
import Regression

/// Options of the regression commands: `--formula`, `--cluster`, `--ref`, `--conf-level`, `--weights`.
struct FormulaOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Right-hand side of an R model formula, e.g. \"dose_mg_kg + log(interval_days) + condition\" "
                + "(a:b, a*b, I(x^2), ns(x, 3), strata(col) for Cox, cluster(col)).",
            valueName: "terms"))
    var formula: String

    @Option(help: ArgumentHelp("Robust (sandwich) standard errors clustered by this column, e.g. patient_id.", valueName: "column"))
    var cluster: String?

    @Option(
        help: ArgumentHelp(
            "Reference level of a text column (R's relevel), e.g. condition=CRPS; default the first in byte order. Repeatable.",
            valueName: "column=level"))
    var ref: [String] = []

    @Option(help: "Confidence level of the intervals, between 0 and 1.") var confLevel = 0.95

    @Option(help: "Refuse a design with more columns than this (see the README's Security and robustness).") var maxColumns = DesignMatrixBuilder.defaultMaximumColumns
    @Option(help: ArgumentHelp("With frailty(id): its distribution, gamma (cox default; weibull) or gaussian (cox; default of the AFTs).", valueName: "name"))
    var frailtyDistribution: FrailtyDistribution?
    @Option(help: ArgumentHelp("Column of positive case weights: cox (also with frailty(id)) and the AFT families (R's coxph/survreg(..., weights = column)).", valueName: "column")) var weights: String?
    @Option(help: ArgumentHelp("With frailty(id) in weibull, lognormal, loglogistic: ml (default) or reml (restricted likelihood for sigma and tau, as nlme's REML).", valueName: "method")) var estimation: RandomInterceptAFT.Estimation?

    mutating func validate() throws {
        try ValidationError.from { try ModelSpecification(formula: formula, cluster: cluster, confidenceLevel: confLevel).validate() }
    }

    /// The model specification of these options with the Cox and distribution options where the
    /// command has them.
    /// - Throws: `DesignMatrixError` for a malformed `--ref`.
    func specification(cox: CoxOptions? = nil, dist: DistributionOption? = nil) throws -> ModelSpecification {
        ModelSpecification(
            formula: formula, cluster: cluster, ties: cox?.ties, referenceLevels: try DesignMatrixBuilder.references(parsing: ref),
            distribution: dist?.distribution, comparesDistributions: dist == .all, confidenceLevel: confLevel,
            testsProportionalHazards: cox?.phTest ?? true, maximumColumns: maxColumns, frailtyDistribution: frailtyDistribution, weights: weights).estimating(estimation)
    }
}
