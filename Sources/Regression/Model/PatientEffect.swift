/// One patient's estimated random effect in a model with a per-patient term (`frailty(patient_id)`): the
/// empirical-Bayes (penalised) estimate on the model's linear-predictor scale, with its variance, and
/// how much of the patient's history it rests on.
public struct PatientEffect: Sendable, Equatable {
    /// The scale of ``estimate``.
    public enum Scale: String, Sendable, Equatable {
        /// A log relative hazard (Cox frailty: above 0, relief ends sooner than for a typical patient).
        case logHazard = "log_hazard"
        /// A shift of log time (random-intercept AFT: above 0, relief lasts longer).
        case logTime = "log_time"
    }

    /// The patient (a value of the frailty column).
    public let patient: String
    /// The estimate: for a Cox frailty model the log frailty, for a random-intercept AFT the posterior
    /// mode of the intercept (see ``scale``).
    public let estimate: Double
    /// What the estimate shifts.
    public let scale: Scale
    /// Its variance (R's `fit$fvar` for a Cox frailty model).
    public let variance: Double
    /// The patient's episodes in the data.
    public let episodes: Int
    /// Those with the event (relief ended).
    public let events: Int
    /// Whether the patient's curve averages over the posterior of the effect (the gamma-frailty AFT's
    /// posterior-predictive curve), rather than being drawn at the estimate with its variance in the interval.
    public var isAveragedInCurve = false
}
