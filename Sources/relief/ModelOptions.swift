import Analysis
import ArgumentParser
import Foundation
import Regression

/// Options of the regression commands: `--formula`, `--cluster`, `--ties`, `--ref`, `--dist`,
/// `--conf-level`.
struct ModelOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Right-hand side of an R model formula, e.g. \"dose_mg_kg + log(interval_days) + condition\" "
                + "(a:b, a*b, I(x^2), ns(x, 3), strata(col) for Cox, cluster(col)).",
            valueName: "terms"))
    var formula: String

    @Option(help: ArgumentHelp("Robust (sandwich) standard errors clustered by this column, e.g. patient_id.", valueName: "column"))
    var cluster: String?

    @Option(help: ArgumentHelp("Tie handling of the Cox model: efron (default) or breslow.", valueName: "method"))
    var ties: String?

    @Option(
        help: ArgumentHelp(
            "Reference level of a text column (R's relevel), e.g. condition=CRPS; default the first in byte order. Repeatable.",
            valueName: "column=level"))
    var ref: [String] = []

    @Option(
        help: ArgumentHelp(
            "Distribution of `relief fit aft`: exponential, weibull (default), lognormal, loglogistic, or all (compare by AIC).",
            valueName: "name"))
    var dist: String?

    @Option(help: "Confidence level of the intervals, between 0 and 1.")
    var confLevel = 0.95

    @Flag(
        inversion: .prefixedNo,
        help: "Cox: test proportional hazards (cox.zph, km transform); --no-ph-test skips it on large files.")
    var phTest = true

    mutating func validate() throws {
        if formula.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--formula needs terms, e.g. --formula \"dose_mg_kg + interval_days\"")
        }
        guard confLevel.isFinite, confLevel > 0, confLevel < 1 else {
            throw ValidationError("--conf-level must lie strictly between 0 and 1 (e.g. 0.95), got \(confLevel)")
        }
        if let ties, CoxPH.Ties(rawValue: ties) == nil {
            throw ValidationError("--ties '\(ties)': use efron or breslow")
        }
        if let dist, dist.lowercased() != "all", AFTDistribution.named(dist) == nil {
            throw ValidationError("--dist '\(dist)': use exponential, weibull, lognormal, loglogistic or all")
        }
        if let cluster, cluster.isEmpty { throw ValidationError("--cluster needs a column name") }
    }

    /// Checks the options that depend on the model.
    /// - Parameter model: The model.
    func check(model: ModelName) throws {
        if model != .cox, ties != nil {
            throw ValidationError("--ties applies to cox models only; \(model.rawValue) has no ties option")
        }
        if model.isEmax, dist?.lowercased() == "all" {
            throw ValidationError("--dist all applies to `relief fit aft`; give one distribution for \(model.rawValue), e.g. --dist weibull")
        }
        if model != .aft, !model.isEmax, let dist {
            throw ValidationError(
                "--dist \(dist) applies to `relief fit aft`; use `relief fit aft --dist \(dist)` or name the model (e.g. relief fit weibull)")
        }
    }

    /// The model specification of these options.
    /// - Throws: `DesignMatrixError` for a malformed `--ref`.
    func specification() throws -> ModelSpecification {
        let all = dist?.lowercased() == "all"
        return ModelSpecification(
            formula: formula, cluster: cluster, ties: ties.flatMap(CoxPH.Ties.init(rawValue:)),
            referenceLevels: try referenceLevels(), distribution: all ? nil : dist.flatMap(AFTDistribution.named),
            comparesDistributions: all, confidenceLevel: confLevel, testsProportionalHazards: phTest)
    }

    /// `--ref` as column -> level.
    func referenceLevels() throws(DesignMatrixError) -> [String: String] {
        var levels: [String: String] = [:]
        for argument in ref {
            let (column, level) = try DesignMatrixBuilder.reference(parsing: argument)
            levels[column] = level
        }
        return levels
    }

    /// The provenance entries of these options.
    /// - Parameter model: The model.
    /// - Returns: Name/value pairs.
    func provenanceOptions(model: ModelName) -> [(String, String)] {
        var options: [(String, String)] = [("model", model.rawValue), ("formula", formula)]
        if let cluster { options.append(("cluster", cluster)) }
        if model == .cox { options.append(("ties", ties ?? CoxPH.Ties.efron.rawValue)) }
        if model == .aft || model.isEmax { options.append(("dist", dist ?? "weibull")) }
        for spec in ref { options.append(("ref", spec)) }
        options.append(("conf-level", String(describing: confLevel)))
        return options
    }
}
