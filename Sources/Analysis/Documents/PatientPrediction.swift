import Regression

/// Whose curve a prediction from a model with per-patient effects is: one patient's own (their estimated
/// effect), or the population curve of a new patient (no patient asked for, or one without episodes).
public struct PatientPrediction: Sendable, Equatable {
    /// The patient asked for with `--patient`, nil for none.
    public let requested: String?
    /// The patient's estimated effect, nil for the population curve.
    public let effect: PatientEffect?

    /// Creates the record; see the properties.
    public init(requested: String?, effect: PatientEffect?) {
        self.requested = requested
        self.effect = effect
    }
}
