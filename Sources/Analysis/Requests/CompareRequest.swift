import DataIO
import Foundation
import NumericCore
import Regression
import Reporting
import Survival

/// `relief compare`: each group of one `--by` column against a reference group: RMST difference and
/// ratio, survival differences at times, median difference (seeded percentile bootstrap) and the Cox
/// hazard ratio, each with SE, CI and p (``KaplanMeierComparison`` and `coxph(Surv ~ group)`).
///
/// ```swift
/// var roles = ColumnRoles()
/// roles.by = ["dose_group"]
/// let request = CompareRequest(source: DataSource(path: "data/ketamine_trial.csv", roles: roles),
///                              comparison: KaplanMeierComparison(reference: "low", times: [7, 14, 28]))
/// let output = try request.run()
/// output.result.comparison.contrasts[0].restrictedMeanDifference.estimate
/// ```
public struct CompareRequest: AnalysisRequest {
    /// Kaplan–Meier curves and the Cox model take `(start, stop]` rows.
    public var acceptsEntryTimes: Bool { true }

    public var source: DataSource
    /// The reference, τ, times, bootstrap replicates and seed, curve settings.
    public var comparison: KaplanMeierComparison
    /// Covariates to adjust for (a formula right-hand side), or nil.
    public var adjust: String?
    /// The model of the adjusted curves (Cox or a parametric AFT family; default Weibull).
    public var adjustModel: ModelName
    /// Where the landmark times come from (``LandmarkTimes``): `comparison.times`, or the data's quartiles.
    public var landmarks = LandmarkTimes.given

    /// Creates the request.
    /// - Parameters:
    ///   - source: The data; its roles' single `by` column defines the groups.
    ///   - comparison: What to compare.
    ///   - adjust: Covariates to adjust for, e.g. `baseline_pain + condition`, or nil.
    ///   - adjustModel: The model of the adjusted curves: one whose registry entry gives standardised
    ///   curves (Cox, exponential, Weibull, log-normal, log-logistic).
    /// - Throws: ``AnalysisError`` (usage) unless exactly one `by` column is given, for a model without
    ///   standardised curves, and for an adjustment formula that does not parse.
    public init(source: DataSource, comparison: KaplanMeierComparison, adjust: String? = nil,
                adjustModel: ModelName = .weibull) throws {
        guard let column = source.roles.by.first, source.roles.by.count == 1 else {
            throw AnalysisError(.usage, "compare takes one grouping column, e.g. --by dose_group (got \(source.roles.by.count))")
        }
        if let strata = source.roles.strata {
            guard strata != column else {
                throw AnalysisError(.usage, "--strata \(strata): the strata must be another column than --by \(column)")
            }
            guard adjust == nil else {
                throw AnalysisError(.usage, "--strata with --adjust: for adjusted curves on a baseline per \(strata) stratum, put "
                    + "strata(\(strata)) in --adjust with --model cox (or adjust for \(strata) as a term), without --strata")
            }
        }
        guard comparison.bootstrapReplicates >= 0 else {
            throw AnalysisError(.usage, "--boot must be 0 or more, got \(comparison.bootstrapReplicates)")
        }
        self.source = source
        self.comparison = comparison
        self.adjust = adjust
        self.adjustModel = adjustModel
        if let adjust {
            guard adjustModel.entry.capabilities.standardizedCurves else {
                throw AnalysisError(.usage, "--adjust fits cox, exponential, weibull, lognormal or loglogistic curves; "
                    + "\(adjustModel) adjusted curves are not available yet")
            }
            let fitter = try RegressionFitter(model: adjustModel, specification: ModelSpecification(formula: "\(column) + \(adjust)"))
            if fitter.formula.frailtyColumn != nil {
                throw AnalysisError(.usage, "--adjust '\(adjust)': frailty() is not available in an adjustment (adjusted curves "
                    + "average population curves); leave it out")
            }
            if fitter.formula.strataColumns.contains(column) {
                throw AnalysisError(.usage, "--adjust '\(adjust)': strata(\(column)) would give each group its own baseline, so the "
                    + "groups could not be compared; stratify by another column")
            }
        }
    }

    /// The provenance entries of the comparison's own options: reference, boot, seed, and with `--adjust`
    /// the adjustment and its model.
    public var provenanceOptions: [(String, String)] {
        [("reference", comparison.reference ?? "(first level)"), ("boot", String(comparison.bootstrapReplicates)),
         ("seed", String(comparison.seed))] + (adjust.map { [("adjust", $0), ("model", adjustModel.rawValue)] } ?? [])
    }

    /// The adjustment model's columns when `--adjust` is given.
    public var covariates: [String] {
        guard let adjust, let column = source.roles.by.first,
            let fitter = try? RegressionFitter(model: adjustModel, specification: ModelSpecification(formula: "\(column) + \(adjust)"))
        else { return [] }
        return fitter.covariates
    }

    public func withLandmarkTimes(_ times: [Double]) -> CompareRequest {
        var request = self
        request.comparison.times = times
        return request
    }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: CompareResult, warnings: [String]) {
        guard let grouping = dataset.groupings.first else {
            throw AnalysisError(.usage, "compare needs a grouping column (--by)")
        }
        if let reference = comparison.reference, !grouping.levels.contains(reference) {
            throw AnalysisError(.usage, "--reference \(reference): no such \(grouping.column) level; the levels are "
                + grouping.levels.map { "'\($0)'" }.joined(separator: ", "))
        }
        try dataset.checkNoOverlappingIntervals(separate: dataset.groupingCodes)
        let result: KaplanMeierComparisonResult
        var warnings: [String] = []
        if let strata = dataset.strata {
            try Self.checkCells(grouping: grouping, strata: strata)
            result = try comparison.compare(time: dataset.time, event: dataset.event, start: dataset.start, groups: grouping.codes,
                                            levels: grouping.levels, strata: strata.codes, strataLevels: strata.levels)
            warnings += Self.beyondFollowUp(result, grouping: grouping, strata: strata)
        } else {
            result = try comparison.compare(time: dataset.time, event: dataset.event, start: dataset.start,
                                            groups: grouping.codes, levels: grouping.levels)
        }
        let ratios = try hazardRatios(dataset, grouping: grouping, result: result)
        for contrast in result.contrasts where contrast.medianDifference == nil && result.bootstrapReplicates > 0 {
            warnings.append("no median difference for \(grouping.column)=\(contrast.level): a median is not reached")
        }
        for contrast in result.contrasts {
            if let median = contrast.medianDifference, median.usedReplicates < median.replicates {
                warnings.append("\(median.replicates - median.usedReplicates) of \(median.replicates) bootstrap replicates of "
                    + "\(grouping.column)=\(contrast.level) did not reach a median and were left out of its interval")
            }
        }
        var compared = CompareResult(column: grouping.column, comparison: result, hazardRatios: ratios)
        compared.strataColumn = dataset.strata?.column
        if let adjust {
            compared.adjusted = try adjusted(dataset, adjust: adjust, grouping: grouping, result: result)
        }
        return (compared, warnings)
    }

    /// Steps of the grid from 0 to τ on which smooth adjusted curves are drawn (step curves: their own
    /// times, up to ten times as many).
    static let figureSteps = 40

    /// The standardised curves of every group from the adjustment model (any ``StandardizingFit``): every
    /// row's design with the group's indicator columns set to each level in turn, averaged.
    func adjusted(_ dataset: SurvivalDataset, adjust: String, grouping: Grouping, result: KaplanMeierComparisonResult) throws
        -> AdjustedComparison
    {
        let column = grouping.column
        var specification = ModelSpecification(formula: "\(column) + \(adjust)", referenceLevels: [column: result.reference])
        specification.termTests = .omitted
        specification.confidenceLevel = result.confidenceLevel
        let fitter = try RegressionFitter(model: adjustModel, specification: specification)
        let (fitted, design, data) = try fitter.fitModel(dataset)
        guard let fit = fitted as? any StandardizingFit else {
            throw AnalysisError(.usage, "--adjust with \(fitted.modelName): this fit (e.g. with a frailty() term) gives no adjusted curves")
        }
        guard let term = design.terms.first(where: { $0.label == column }) else {
            throw AnalysisError(.internalError, "the adjusted \(adjustModel) model has no \(column) term")
        }
        let level = result.confidenceLevel
        let k = comparison.times.count
        guard !term.columns.isEmpty else { throw AnalysisError(.internalError, "the \(column) term has no columns") }
        let groupRows = try GroupSetDesign(design: design, column: column).rows(levels: grouping.levels)
        let standardized = try fit.standardized(groups: groupRows, data: data, times: comparison.times, tau: result.tau,
                                                figureSteps: Self.figureSteps)
        let curves = standardized.curves
        let estimates = curves.map { fit.standardizedEstimates($0, level: level) }
        let groups = zip(grouping.levels, estimates).map { name, estimate in
            AdjustedComparison.Group(level: name, survival: Array(estimate.survival.prefix(k)), restrictedMean: estimate.restrictedMean)
        }
        let figureCurves = zip(grouping.levels, estimates).map { name, estimate in
            AdjustedComparison.Group(level: name, survival: Array(estimate.survival.dropFirst(k)), restrictedMean: estimate.restrictedMean)
        }
        let referenceIndex = grouping.levels.firstIndex(of: result.reference) ?? 0
        let differences = grouping.levels.indices.filter { $0 != referenceIndex }.map { g in
            (level: grouping.levels[g], difference: fit.standardizedContrast(curves[g], curves[referenceIndex], level: level))
        }
        func part(_ difference: (level: String, difference: (survival: [Contrast], restrictedMean: Contrast)), figure: Bool) -> AdjustedComparison.Group {
            let survival = difference.difference.survival
            return AdjustedComparison.Group(level: difference.level, survival: figure ? Array(survival.dropFirst(k)) : Array(survival.prefix(k)),
                                            restrictedMean: difference.difference.restrictedMean)
        }
        return AdjustedComparison(
            model: fit.modelName, adjust: adjust, formula: specification.formula, strataColumns: fitter.formula.strataColumns,
            rows: design.rows, times: comparison.times,
            groups: groups, contrasts: differences.map { part($0, figure: false) }, curveTimes: standardized.figureTimes,
            curves: figureCurves, curvesAreSteps: standardized.isStepFunction, curveContrasts: differences.map { part($0, figure: true) })
    }

    /// The Cox hazard ratio of each other group against the reference: indicator columns, Efron ties, a
    /// baseline hazard per stratum with `--strata` (`coxph(Surv ~ group + strata(column))`).
    func hazardRatios(_ dataset: SurvivalDataset, grouping: Grouping, result: KaplanMeierComparisonResult) throws -> [Contrast] {
        guard let referenceCode = grouping.levels.firstIndex(of: result.reference) else { return [] }
        let others = grouping.levels.indices.filter { $0 != referenceCode }
        let n = dataset.time.count
        var elements = [Double](repeating: 0, count: n * others.count)
        for (j, code) in others.enumerated() {
            for (row, value) in grouping.codes.enumerated() where value == code { elements[j * n + row] = 1 }
        }
        let x = try Matrix(rows: n, columns: others.count, columnMajor: elements)
        var data = RegressionData(x: x, termNames: others.map { grouping.column + grouping.levels[$0] }, time: dataset.time,
                                  event: dataset.event)
        data.start = dataset.start
        data.strata = dataset.strata?.codes
        let fit = try CoxPH(confidenceLevel: result.confidenceLevel).fit(data)
        return others.indices.map { j in
            let se = fit.variance[j, j] >= 0 ? fit.variance[j, j].squareRoot() : .nan
            return Contrast.wald(fit.coefficients[j], se, level: result.confidenceLevel, transform: { $0.isFinite ? exp($0) : .nan })
        }
    }

    /// The data formats, and svg and html for the groups' Kaplan–Meier figure.
    public static var outputFormats: [OutputFormat] { OutputFormat.figureFormats }

    public func render(
        _ result: CompareResult, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        CompareRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }
}
