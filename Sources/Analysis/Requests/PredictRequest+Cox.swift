import DataIO
import Foundation
import Regression

extension PredictRequest {
    /// The settings of the `strata()` columns, in formula order; each must be given (a Cox profile gets
    /// the baseline of its stratum). Empty without strata.
    func strataSettings() throws -> [ProfileSetting] {
        let columns = fitter.formula.strataColumns
        var result: [ProfileSetting] = []
        for column in columns {
            let given = settings.filter { $0.column == column }
            guard let setting = given.first else {
                throw AnalysisError(
                    .usage,
                    "the model has strata(\(columns.joined(separator: ", "))): each stratum has its own baseline "
                        + "hazard, so give the stratum of the profiles with --at, e.g. --at \(column)=VALUE")
            }
            guard given.count == 1 else {
                throw AnalysisError(.usage, "--at \(column) is given more than once; give it once with several values, e.g. --at \(column)=A,B")
            }
            result.append(setting)
        }
        return result
    }

    /// The strata the profiles are predicted in: the cross of the `strata()` columns' `--at` values (first
    /// column slowest), each with its settings, its index among the design's strata (the code of its
    /// baseline) and its label; one entry without stratum when the formula has no `strata()`.
    /// - Throws: ``AnalysisError`` (usage) for a combination that is no stratum of the data.
    func strataCombinations(_ design: DesignMatrix) throws
        -> [(settings: [(column: String, value: String)], index: Int?, label: String?)]
    {
        let strataSettings = try strataSettings()
        var combinations: [[String]] = [[]]
        for setting in strataSettings {
            combinations = combinations.flatMap { prefix in setting.values.map { prefix + [$0] } }
        }
        return try combinations.map { combination in
            let settings = zip(strataSettings, combination).map { (column: $0.column, value: $1) }
            guard !strataSettings.isEmpty else { return (settings, nil, nil) }
            let plain = combination.joined(separator: ", ")
            let named = settings.map { "\($0.column)=\($0.value)" }.joined(separator: ", ")
            guard let index = design.strataLevels.firstIndex(of: plain) ?? design.strataLevels.firstIndex(of: named) else {
                throw AnalysisError(
                    .usage,
                    "no stratum '\(plain)' in the data; the strata are "
                        + design.strataLevels.map { "'\($0)'" }.joined(separator: ", ") + ". Give one of them with --at")
            }
            return (settings, index, design.strataLevels[index])
        }
    }

    /// Cox predictions: the baseline hazard of the fit (with the fit's case weights, as R's `survfit` of a weighted
    /// `coxph`), then one curve per profile (the cross of the term values, within each stratum given; the stratum
    /// varies slowest).
    func predictCox(_ fit: CoxPHFit, regression: RegressionResult, design: DesignMatrix, dataset: SurvivalDataset,
                    weights: [Double]?)
        throws -> (result: PredictionResult, warnings: [String])
    {
        let baseline = try fit.baselineHazard(x: design.x, time: dataset.time, event: dataset.event, strata: design.strata,
                                              weights: weights, start: dataset.start)
        let profiles = try design.profiles(termSettings)
        var rows: [PredictionResult.Profile] = []
        var beyond: Set<String> = []
        for stratum in try strataCombinations(design) {
            let predictions = try baseline.predict(
                profiles: profiles.x, strata: stratum.index.map { [Int](repeating: $0, count: profiles.count) }, times: times,
                tau: horizon, confidenceLevel: specification.confidenceLevel)
            for (values, prediction) in zip(profiles.values, predictions) {
                let pairs = zip(profiles.columns, values).map { (column: $0, value: $1) } + stratum.settings
                rows.append(PredictionResult.Profile(values: pairs, coxPrediction: prediction, stratumLabel: stratum.label))
                for row in prediction.survivalAtTimes where row.isBeyondLastTime {
                    beyond.insert(String(format: "%g", row.time))
                }
            }
        }
        var warnings = regression.warnings
        if !beyond.isEmpty {
            warnings.append(
                "--times \(beyond.sorted().joined(separator: ", ")) lie(s) beyond the last follow-up time of a stratum; "
                    + "the Cox curve is carried forward from its last time there (R's summary(survfit) would drop these times)")
        }
        let numeric = Set(profiles.columns.filter { design.coding.factorLevels[$0] == nil })
        let result = PredictionResult(
            regression: regression, profiles: rows, times: times, tau: horizon, tauExplanation: tauExplanation,
            numericColumns: numeric)
        return (result, warnings)
    }
}
