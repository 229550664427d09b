import DataIO
import Foundation
import NumericCore
import Regression
import Reporting

/// `relief predict`: fits any registered model as ``FitRequest`` does, then predicts for each covariate
/// profile (the cross of the `at` values) survival at `times`, the median relief time and the restricted
/// mean to `tau` through the fit's own ``SurvivalRegressionFit/predict(_:request:data:)``: delta-method
/// intervals for parametric models, the Cox curve of R's `survfit(coxph_fit, newdata)` for Cox (a
/// `strata()` model needs the stratum among the settings). Models with a dose role (Emax) take the dose
/// among the settings too.
public struct PredictRequest: AnalysisRequest {
    public var source: DataSource
    /// The model (one distribution, not `--dist all`).
    public var model: ModelName
    /// Formula, cluster, ties, references, distribution, confidence level.
    public var specification: ModelSpecification
    /// Values of every formula column (and of the `strata()` columns for Cox); several values cross.
    public var settings: [ProfileSetting]
    /// Times at which to predict survival.
    public var times: [Double]
    /// Where the times come from (``LandmarkTimes``): ``times``, or the data's quartiles.
    public var landmarks = LandmarkTimes.given
    /// Horizon of the restricted mean; `nil` takes the largest time.
    public var tau: Double?
    /// With a `frailty()` term: the patient whose own curve to predict; nil gives the population curve.
    public var patient: String?
    /// The dose column of a model with a dose role (its values come from `settings`), else `nil`.
    public var doseColumn: String? { model.needsDose ? fitter.doseColumn : nil }
    let fitter: RegressionFitter

    /// Creates the request and checks the profiles against the formula before any data are read.
    /// - Throws: `FormulaError`, `DesignMatrixError` (a profile column the formula does not use, or one
    ///   missing), ``AnalysisError``.
    public init(
        source: DataSource, model: ModelName, specification: ModelSpecification, settings: [ProfileSetting],
        times: [Double] = [7, 14, 28], tau: Double? = nil, doseColumn: String = "dose_mg_kg", patient: String? = nil
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
        self.patient = patient
        self.fitter = try RegressionFitter(model: model, specification: specification, doseColumn: doseColumn)
        if patient != nil, fitter.formula.frailtyColumn == nil {
            throw AnalysisError(.usage, "--patient needs a per-patient term in the formula, e.g. + frailty(patient_id)")
        }
        _ = try strataSettings()
        _ = try doseSetting()
        try Self.checkProfiles(termSettings, formula: fitter.formula)
    }

    public func withLandmarkTimes(_ times: [Double]) -> PredictRequest {
        var request = self
        request.times = times
        return request
    }

    /// The horizon used: ``tau``, else the largest time.
    public var horizon: Double? { tau ?? times.max() }

    /// The options that change numbers, for the provenance: the model's
    /// (``ModelSpecification/provenanceOptions(model:references:)``) and its dose column, each profile value,
    /// the times as the caller wrote them and the horizon used.
    /// - Parameters:
    ///   - references: The reference levels as written (`--ref condition=CRPS`).
    ///   - at: The profile values as written (`--at dose_mg_kg=0.5,1.0`).
    ///   - times: The times as written (`--times 7,14,28`).
    /// - Returns: Name/value pairs in that order.
    public func provenanceOptions(references: [String], at: [String], times: String) -> [(String, String)] {
        var options = specification.provenanceOptions(model: model, references: references)
        if let doseColumn { options.append(("dose", doseColumn)) }
        options += at.map { ("at", $0) } + [("times", times)]
        if let horizon { options.append(("tau", String(describing: horizon))) }
        if let patient { options.append(("patient", patient)) }
        return options
    }

    var tauExplanation: String {
        tau != nil ? "given with --tau" : "the largest --times value; set another with --tau"
    }

    /// The settings of the model terms (not of `strata()` columns or the dose role).
    var termSettings: [ProfileSetting] {
        settings.filter { !fitter.formula.strataColumns.contains($0.column) && $0.column != doseColumn }
    }

    /// The doses of a model with a dose role (given once with `--at`), `nil` for other models.
    func doseSetting() throws -> ProfileSetting? {
        guard let doseColumn else { return nil }
        let given = settings.filter { $0.column == doseColumn }
        guard given.count == 1, let setting = given.first else {
            throw AnalysisError(
                .usage, "the \(model) model predicts at a dose: give the doses once with --at \(doseColumn)=VALUE[,VALUE...]")
        }
        return setting
    }

    public var covariates: [String] { fitter.covariates }

    /// Models that fit `(start, stop]` rows predict from them (the Cox baseline uses the same risk sets).
    public var acceptsEntryTimes: Bool { model.entry.requirements.allowsEntryTimes }

    public func check(_ source: DataSource) throws { try fitter.checkColumns(source) }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: PredictionResult, warnings: [String]) {
        let fitted = try fitter.fitModel(dataset)
        let regression = fitter.result(fitted.fit, design: fitted.design, dataset: dataset, data: fitted.data)
        if let coxFit = fitted.fit as? CoxPHFit {
            return try predictCox(coxFit, regression: regression, design: fitted.design, dataset: dataset, weights: fitted.data.weights)
        }
        let profiles = try fitted.design.profiles(termSettings)
        // A dose role varies slowest: every design profile at each dose.
        let dosing = try doseSetting()
        let doses = try dosing.map { setting in
            try setting.values.map { value in
                guard let dose = Double(value), dose.isFinite else {
                    throw AnalysisError(.usage, "--at \(setting.column)=\(value): a dose must be a number")
                }
                return dose
            }
        }
        // A stratum (a frailty Cox model with strata()) varies slowest, then the dose.
        let strata = try strataCombinations(fitted.design)
        let rows = strata.indices.flatMap { s in
            (0..<(doses?.count ?? 1)).flatMap { d in (0..<profiles.x.rows).map { (s, d, $0) } }
        }
        var x = Matrix(rows: rows.count, columns: profiles.x.columns)
        for (i, row) in rows.enumerated() {
            for j in 0..<x.columns { x[i, j] = profiles.x[row.2, j] }
        }
        let stratumCodes = fitter.formula.strataColumns.isEmpty ? nil : rows.map { strata[$0.0].index ?? 0 }
        let predictions = try fitted.fit.predict(
            RegressionProfiles(x: x, dose: doses.map { doses in rows.map { doses[$0.1] } }, strata: stratumCodes),
            request: PredictionRequest(times: times, probabilities: [0.5], tau: horizon,
                                       confidenceLevel: specification.confidenceLevel, patient: patient),
            data: fitted.data)
        let profileRows = zip(rows, predictions).map { row, prediction in
            let dose = dosing.map { [(column: $0.column, value: $0.values[row.1])] } ?? []
            return PredictionResult.Profile(
                values: dose + zip(profiles.columns, profiles.values[row.2]).map { (column: $0, value: $1) } + strata[row.0].settings,
                prediction: prediction)
        }
        var numeric = Set(profiles.columns.filter { fitted.design.coding.factorLevels[$0] == nil })
        if let doseColumn { numeric.insert(doseColumn) }
        var result = PredictionResult(
            regression: regression, profiles: profileRows, times: times, tau: horizon, tauExplanation: tauExplanation,
            numericColumns: numeric)
        result.isStepCurve = fitted.fit.predictsStepCurves
        if !result.isStepCurve { result.lastObservedTime = dataset.time.max() }  // leaving out durations of 0 cannot change it
        var warnings = regression.warnings + (result.extrapolation.map { [$0] } ?? [])
        if fitted.fit.hasPatientEffects {
            result.patient = PatientPrediction(requested: patient, effect: patient.flatMap { fitted.fit.patientEffect($0, data: fitted.data) })
            if let patient, result.patient?.effect == nil {
                warnings.append("patient \(patient) has no episodes in the data: the population curve of a new patient is shown")
            }
        }
        return (result, warnings)
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
