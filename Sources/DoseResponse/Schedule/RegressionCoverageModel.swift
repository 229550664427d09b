import NumericCore
import Regression

/// Any fitted survival regression seen as a ``ReliefCoverageModel``: dose and interval come from the
/// schedule's grid, every other column of the formula is held at one value, and the restricted mean is
/// the fit's own prediction (``SurvivalRegressionFit/predict(_:request:data:)``) at that profile.
///
/// The dose reaches the model in one of two ways, read from the data the model was fitted on:
/// - as a column of the formula (parametric AFT models, `data.dose == nil`): the design row codes it with
///   the fitted design's coding, so `log(dose)`, `ns(dose, 3)` and interactions are coded as in the fit;
/// - through the model's own dose role (the Emax AFT, `data.dose != nil`): the formula must not hold it,
///   and the dose is passed beside the design row (``RegressionProfiles/dose``).
///
/// With `η` the location and `σ` the scale, `RMST(τ) = ∫₀^τ S₀((log t − η)/σ) dt` with a delta-method
/// standard error from the fit's covariance (robust when the fit has one).
public struct RegressionCoverageModel: ReliefCoverageModel {
    /// The fitted model.
    public let fit: any SurvivalRegressionFit
    /// The coding of the fitted design.
    public let coding: DesignCoding
    /// The dose column.
    public let doseColumn: String
    /// The interval column (a term column of the formula).
    public let intervalColumn: String
    /// The other formula columns and their values.
    public let fixed: [ProfileSetting]
    /// The data the model was fitted on (models whose predictions depend on it read them).
    public let data: RegressionData
    /// For a model with per-patient effects: the patient whose own relief to schedule (nil: a new patient).
    public var patient: String?

    /// Whether the dose is a column of the formula (else the model's dose role carries it).
    public var doseInFormula: Bool { data.dose == nil }

    /// Creates the model, checking the fit and the columns.
    /// - Parameters:
    ///   - fit: The fit; it must predict restricted means.
    ///   - coding: The coding of the design it was fitted on.
    ///   - doseColumn: The dose column.
    ///   - intervalColumn: The interval column (a formula term).
    ///   - fixed: One value for every other term column.
    ///   - data: The data the model was fitted on.
    /// - Throws: ``MaintenanceScheduleError`` for a model without restricted means, or a missing, repeated
    ///   or extra column.
    /// - Complexity: O(columns²).
    public init(
        fit: any SurvivalRegressionFit, coding: DesignCoding, doseColumn: String, intervalColumn: String,
        fixed: [ProfileSetting], data: RegressionData
    ) throws(MaintenanceScheduleError) {
        guard fit.predictionCapabilities.contains(.restrictedMean) else {
            throw .invalidArgument(message: "the \(fit.modelName) model cannot drive a relief-coverage schedule "
                + "(it predicts no restricted mean at a dose and interval); use a parametric AFT or the Emax model")
        }
        try Self.checkColumns(formula: coding.formula, doseColumn: doseColumn, intervalColumn: intervalColumn,
                              fixed: fixed, doseInFormula: data.dose == nil)
        self.fit = fit
        self.coding = coding
        self.doseColumn = doseColumn
        self.intervalColumn = intervalColumn
        self.fixed = fixed
        self.data = data
    }

    /// Checks, before any data are read, that the formula uses the interval column, uses the dose column
    /// exactly when `doseInFormula`, and that `fixed` gives one value for every other term column.
    /// - Parameters:
    ///   - formula: The model formula.
    ///   - doseColumn: The dose column.
    ///   - intervalColumn: The interval column.
    ///   - fixed: The fixed settings (`--at`).
    ///   - doseInFormula: Whether the dose is a formula column (false for models with a dose role).
    /// - Throws: ``MaintenanceScheduleError``.
    /// - Complexity: O(columns²).
    public static func checkColumns(
        formula: Formula, doseColumn: String, intervalColumn: String, fixed: [ProfileSetting], doseInFormula: Bool
    ) throws(MaintenanceScheduleError) {
        let needed = formula.termColumns
        if doseInFormula, !needed.contains(doseColumn) {
            throw .columnNotInFormula(role: "dose", column: doseColumn, option: "--dose-column", formulaColumns: needed)
        }
        if !doseInFormula, needed.contains(doseColumn) {
            throw .invalidArgument(
                message: "the Emax curve carries the dose column '\(doseColumn)': drop it from --formula (give the interval and the other covariates)")
        }
        guard needed.contains(intervalColumn) else {
            throw .columnNotInFormula(role: "interval", column: intervalColumn, option: "--interval-column",
                                      formulaColumns: needed)
        }
        var seen: Set<String> = []
        for setting in fixed {
            if setting.column == doseColumn { throw .fixedGridColumn(column: doseColumn, option: "--doses") }
            if setting.column == intervalColumn { throw .fixedGridColumn(column: intervalColumn, option: "--intervals") }
            guard needed.contains(setting.column) else {
                throw .design(.unknownProfileColumn(column: setting.column, needed: needed))
            }
            guard seen.insert(setting.column).inserted else { throw .design(.repeatedProfileColumn(column: setting.column)) }
            guard setting.values.count == 1 else {
                throw .severalFixedValues(column: setting.column, values: setting.values)
            }
        }
        let missing = needed.filter { $0 != doseColumn && $0 != intervalColumn && !seen.contains($0) }
        guard missing.isEmpty else { throw .missingFixedValue(columns: missing) }
    }

    /// The fixed columns and values, in the order given.
    public var fixedCovariates: [(column: String, value: String)] {
        fixed.compactMap { setting in setting.values.first.map { (column: setting.column, value: $0) } }
    }

    /// The design row of the profile (dose when it is a formula column, interval, fixed values).
    /// - Parameters:
    ///   - dose: The dose.
    ///   - interval: The interval.
    /// - Returns: The row (with the intercept when the design has one).
    /// - Throws: ``MaintenanceScheduleError/design(_:)``.
    /// - Complexity: O(columns).
    public func designRow(dose: Double, interval: Double) throws(MaintenanceScheduleError) -> [Double] {
        let x = try profile(dose: dose, interval: interval)
        return (0..<x.columns).map { x.elements[$0 * x.rows] }
    }

    /// The one-row design matrix of the profile.
    func profile(dose: Double, interval: Double) throws(MaintenanceScheduleError) -> Matrix {
        var settings = [ProfileSetting(column: intervalColumn, values: [String(describing: interval)])] + fixed
        if doseInFormula { settings.insert(ProfileSetting(column: doseColumn, values: [String(describing: dose)]), at: 0) }
        let profiles: DesignProfiles
        do {
            profiles = try coding.profiles(settings)
        } catch {
            throw .design(error)
        }
        guard profiles.x.rows == 1 else {
            throw .invalidArgument(message: "internal: the profile gave \(profiles.x.rows) design rows, expected 1")
        }
        return profiles.x
    }

    /// `∫₀^τ S(t | dose, interval) dt` with its delta-method SE, from the fit's prediction.
    /// - Parameters:
    ///   - dose: The dose.
    ///   - interval: The interval covariate.
    ///   - tau: The horizon, > 0.
    ///   - confidenceLevel: The level.
    /// - Returns: The prediction.
    /// - Throws: ``MaintenanceScheduleError``.
    /// - Complexity: O(p²) plus one adaptive quadrature.
    public func restrictedMean(dose: Double, interval: Double, tau: Double, confidenceLevel: Double)
        throws(MaintenanceScheduleError) -> TimedEstimate {
        guard tau.isFinite, tau > 0 else { throw .invalidArgument(message: "tau \(tau) must be a finite time > 0") }
        let profiles = RegressionProfiles(x: try profile(dose: dose, interval: interval),
                                          dose: doseInFormula ? nil : [dose])
        let request = PredictionRequest(times: [], probabilities: [], tau: tau, confidenceLevel: confidenceLevel, patient: patient)
        let predictions: [SurvivalProfilePrediction]
        do {
            predictions = try fit.predict(profiles, request: request, data: data)
        } catch {
            throw .model(error)
        }
        guard let rmst = predictions.first?.restrictedMean else {
            throw .invalidArgument(message: "internal: the \(fit.modelName) model gave no restricted mean")
        }
        return rmst
    }
}
