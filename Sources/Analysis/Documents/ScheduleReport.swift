import DoseResponse

/// What `relief schedule` reports: the fitted model's description and the maintenance-schedule table
/// (``MaintenanceScheduleResult``), computed in StatModels.
public struct ScheduleReport: Sendable {
    /// The model that predicts relief (e.g. `weibull`).
    public var model: String
    /// The model formula (right-hand side).
    public var formula: String
    /// Key/value lines describing the fitted model (model, formula, rows and events, variance).
    public var modelLines: [(key: String, value: String)]
    /// Rows used by the fit.
    public var n: Int
    /// Events among them.
    public var events: Int
    /// The schedule.
    public var schedule: MaintenanceScheduleResult
    /// For a model with per-patient effects: whose schedule it is (`--patient`), nil otherwise.
    public var patient: PatientPrediction?
    /// The model's own warnings (convergence).
    public var modelWarnings: [String]

    /// Creates a report from a parametric regression result.
    /// - Parameters:
    ///   - regression: The fitted AFT model (as `relief fit` reports it).
    ///   - schedule: The schedule computed from it.
    public init(regression: RegressionResult, schedule: MaintenanceScheduleResult) {
        self.model = regression.fittedModel
        self.formula = regression.formula
        self.modelLines = regression.estimates.modelLines(regression)
        self.n = regression.n
        self.events = regression.events
        self.schedule = schedule
        self.modelWarnings = regression.warnings
    }

    /// Creates a report from any model.
    /// - Parameters:
    ///   - model: The model's name.
    ///   - formula: Its formula.
    ///   - modelLines: Lines describing it.
    ///   - n: Rows used.
    ///   - events: Events.
    ///   - schedule: The schedule.
    ///   - modelWarnings: The model's warnings.
    public init(model: String, formula: String, modelLines: [(key: String, value: String)], n: Int, events: Int,
                schedule: MaintenanceScheduleResult, modelWarnings: [String]) {
        self.model = model
        self.formula = formula
        self.modelLines = modelLines
        self.n = n
        self.events = events
        self.schedule = schedule
        self.modelWarnings = modelWarnings
    }
}
