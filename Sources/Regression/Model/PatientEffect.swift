/// One patient's estimated random effect in a model with a per-patient term (`frailty(patient_id)`): the
/// empirical-Bayes (penalised) estimate on the model's linear-predictor scale, with its variance, and
/// how much of the patient's history it rests on.
public struct PatientEffect: Sendable, Equatable {
    /// The patient (a value of the frailty column).
    public let patient: String
    /// The estimate: for a Cox frailty model, the log frailty (log relative hazard; above 0, relief ends
    /// sooner than for a typical patient with the same covariates).
    public let estimate: Double
    /// Its variance (R's `fit$fvar` for a Cox frailty model).
    public let variance: Double
    /// The patient's episodes in the data.
    public let episodes: Int
    /// Those with the event (relief ended).
    public let events: Int

    /// Creates an effect; see the properties.
    public init(patient: String, estimate: Double, variance: Double, episodes: Int, events: Int) {
        self.patient = patient
        self.estimate = estimate
        self.variance = variance
        self.episodes = episodes
        self.events = events
    }
}
