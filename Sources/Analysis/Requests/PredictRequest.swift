import DataIO
import Foundation
import Regression
import Reporting

/// `relief predict`: fits a parametric AFT or a Cox model as ``FitRequest`` does, then predicts for each
/// covariate profile (the cross of the `at` values) survival at `times`, the median relief time and the
/// restricted mean to `tau`, with delta-method intervals (AFT) or from the Cox curve of R's
/// `survfit(coxph_fit, newdata)` (a `strata()` model needs the stratum among the settings).
public struct PredictRequest: AnalysisRequest {
    public var source: DataSource
    /// The model (one distribution; not `emax`/`sigemax`).
    public var model: ModelName
    /// Formula, cluster, ties, references, distribution, confidence level.
    public var specification: ModelSpecification
    /// Values of every formula column (and of the `strata()` columns for Cox); several values cross.
    public var settings: [ProfileSetting]
    /// Times at which to predict survival.
    public var times: [Double]
    /// Horizon of the restricted mean; `nil` takes the largest time.
    public var tau: Double?
    let fitter: RegressionFitter

    /// Creates the request and checks the profiles against the formula before any data are read.
    /// - Throws: `FormulaError`, `DesignMatrixError` (a profile column the formula does not use, or one
    ///   missing), ``AnalysisError``.
    public init(
        source: DataSource, model: ModelName, specification: ModelSpecification, settings: [ProfileSetting],
        times: [Double] = [7, 14, 28], tau: Double? = nil
    ) throws {
        if specification.comparesDistributions {
            throw AnalysisError(
                .usage,
                "relief predict needs one distribution, not --dist all. Compare them with `relief fit aft --dist all`, then give the best, e.g. --dist weibull")
        }
        self.source = source
        self.model = model
        self.specification = specification
        self.settings = settings
        self.times = times
        self.tau = tau
        self.fitter = try RegressionFitter(model: model, specification: specification)
        _ = try strataSettings()
        try Self.checkProfiles(termSettings, formula: fitter.formula)
    }

    /// The horizon used: ``tau``, else the largest time.
    public var horizon: Double? { tau ?? times.max() }

    var tauExplanation: String {
        tau != nil ? "given with --tau" : "the largest --times value; set another with --tau"
    }

    /// The settings of the model terms (not of `strata()` columns).
    var termSettings: [ProfileSetting] {
        settings.filter { !fitter.formula.strataColumns.contains($0.column) }
    }

    public var covariates: [String] { fitter.covariates }

    public func check(_ source: DataSource) throws { try fitter.checkColumns(source) }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: PredictionResult, warnings: [String]) {
        let (regression, design) = try fitter.fit(dataset)
        if let coxFit = (regression.estimates as? CoxEstimates)?.cox {
            return try predictCox(coxFit, regression: regression, design: design, dataset: dataset)
        }
        guard let fit = (regression.estimates as? AFTEstimates)?.aft else {
            throw AnalysisError(.usage, "relief predict supports the Cox and parametric AFT models only")
        }
        let profiles = try design.profiles(termSettings)
        let predictions = try fit.predict(profiles: profiles.x, times: times, probabilities: [0.5], tau: horizon)
        let rows = zip(profiles.values, predictions).map { values, prediction in
            PredictionResult.Profile(values: zip(profiles.columns, values).map { (column: $0, value: $1) }, prediction: prediction)
        }
        let numeric = Set(profiles.columns.filter { design.coding.factorLevels[$0] == nil })
        var result = PredictionResult(
            regression: regression, profiles: rows, times: times, tau: horizon, tauExplanation: tauExplanation,
            numericColumns: numeric)
        result.lastObservedTime = dataset.time.max()  // leaving out durations of 0 cannot change it
        return (result, regression.warnings + (result.extrapolation.map { [$0] } ?? []))
    }

    public func render(
        _ result: PredictionResult, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        PredictionRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }

    /// Checks the profile columns against the formula before the data are read: each must be a column the
    /// model terms use, given once, and every such column must be given.
    static func checkProfiles(_ settings: [ProfileSetting], formula: Formula) throws(DesignMatrixError) {
        let needed = formula.termColumns
        var seen: Set<String> = []
        for setting in settings {
            guard needed.contains(setting.column) else { throw .unknownProfileColumn(column: setting.column, needed: needed) }
            guard seen.insert(setting.column).inserted else { throw .repeatedProfileColumn(column: setting.column) }
        }
        let missing = needed.filter { !seen.contains($0) }
        guard missing.isEmpty else { throw .missingProfileValue(columns: missing) }
    }
}
