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

    /// Creates the request.
    /// - Parameters:
    ///   - source: The data; its roles' single `by` column defines the groups.
    ///   - comparison: What to compare.
    /// - Throws: ``AnalysisError`` (usage) unless exactly one `by` column is given.
    public init(source: DataSource, comparison: KaplanMeierComparison) throws {
        guard source.roles.by.count == 1 else {
            throw AnalysisError(.usage, "compare takes one grouping column, e.g. --by dose_group (got \(source.roles.by.count))")
        }
        self.source = source
        self.comparison = comparison
    }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: CompareResult, warnings: [String]) {
        guard let grouping = dataset.groupings.first else {
            throw AnalysisError(.usage, "compare needs a grouping column (--by)")
        }
        try dataset.checkNoOverlappingIntervals(separate: dataset.groupingCodes)
        let result = try comparison.compare(time: dataset.time, event: dataset.event, start: dataset.start,
                                            groups: grouping.codes, levels: grouping.levels)
        let ratios = try hazardRatios(dataset, grouping: grouping, result: result)
        var warnings: [String] = []
        for contrast in result.contrasts where contrast.medianDifference == nil && comparison.bootstrapReplicates > 0 {
            warnings.append("no median difference for \(grouping.column)=\(contrast.level): a median is not reached")
        }
        for contrast in result.contrasts {
            if let median = contrast.medianDifference, median.usedReplicates < median.replicates {
                warnings.append("\(median.replicates - median.usedReplicates) of \(median.replicates) bootstrap replicates of "
                    + "\(grouping.column)=\(contrast.level) did not reach a median and were left out of its interval")
            }
        }
        return (CompareResult(column: grouping.column, comparison: result, hazardRatios: ratios), warnings)
    }

    /// The Cox hazard ratio of each other group against the reference: indicator columns, Efron ties.
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
        let fit = try CoxPH(confidenceLevel: result.confidenceLevel).fit(data)
        return others.indices.map { j in
            let se = fit.variance[j, j] >= 0 ? fit.variance[j, j].squareRoot() : .nan
            return Contrast.wald(fit.coefficients[j], se, level: result.confidenceLevel, transform: { $0.isFinite ? exp($0) : .nan })
        }
    }

    public func render(
        _ result: CompareResult, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        CompareRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }
}
