import Reporting
import Survival

/// The conventions behind a clinical report's numbers, named in its methods paragraph so a reviewer
/// can reproduce them in R (`survival`) or SAS.
public struct ClinicalReportMethods: Sendable, Equatable {
    /// The duration column (days of relief); the stop time of `(start, stop]` rows.
    public var timeColumn: String
    /// The entry-time column of `(start, stop]` rows, or `nil` for durations from 0.
    public var startColumn: String?
    /// The event column.
    public var eventColumn: String
    /// How the event column is coded, e.g. "1 = relief ended (event), 0 = censored".
    public var eventCoding: String
    /// The patient column, if one was used (for patient counts and robust variances).
    public var patientColumn: String?
    /// The confidence-interval transform of the Kaplan–Meier curves.
    public var confidenceTransform: KaplanMeier.ConfidenceTransform
    /// The confidence level, e.g. 0.95.
    public var confidenceLevel: Double
    /// Whether near-equal times were merged first (R's `timefix`, `aeqSurv`).
    public var timeFix: Bool
    /// The landmark times of the survival tables (days).
    public var landmarkTimes: [Double]
    /// The RMST horizon when given (`--tau`); `nil` when the common-follow-up rule chose it.
    public var tau: Double?
    /// How banded columns were banded, e.g. "interval_days: <=7, 8-28, >28".
    public var bandings: [String]
    /// The regression model's description, e.g. "Weibull accelerated failure time (R survreg)".
    public var regressionModel: String?
    /// The ties method of a Cox model (`efron` or `breslow`), when one was fitted.
    public var ties: String?
    /// The column whose clusters define the robust (sandwich) variance, if any.
    public var clusterColumn: String?
    /// The dose-response settings, e.g. "stage 1: KM median per dose level; stage 2: GLS (DoseFinding)".
    public var doseResponse: String?
    /// The coverage settings, e.g. "target 80% of days in relief; other covariates held at ...".
    public var coverage: String?
    /// The unit of the times and the outcome's word in the text.
    public var wording = OutcomeWording()

    /// Creates a methods record.
    /// - Parameters:
    ///   - timeColumn: The duration column.
    ///   - eventColumn: The event column.
    ///   - eventCoding: The event coding in words.
    ///   - patientColumn: The patient column, if used.
    ///   - confidenceTransform: The KM CI transform.
    ///   - confidenceLevel: The confidence level.
    ///   - timeFix: Whether `timefix` was applied.
    ///   - landmarkTimes: The landmark times.
    ///   - tau: The RMST horizon when given.
    ///   - bandings: How banded columns were banded.
    ///   - regressionModel: The regression model's description.
    ///   - ties: The Cox ties method.
    ///   - clusterColumn: The robust-variance cluster column.
    ///   - doseResponse: The dose-response settings.
    ///   - coverage: The coverage settings.
    ///   - startColumn: The entry-time column of `(start, stop]` rows, or `nil`.
    public init(
        timeColumn: String, eventColumn: String, eventCoding: String, patientColumn: String?,
        confidenceTransform: KaplanMeier.ConfidenceTransform, confidenceLevel: Double, timeFix: Bool,
        landmarkTimes: [Double], tau: Double?, bandings: [String], regressionModel: String?, ties: String?,
        clusterColumn: String?, doseResponse: String?, coverage: String?, startColumn: String? = nil
    ) {
        self.timeColumn = timeColumn
        self.startColumn = startColumn
        self.eventColumn = eventColumn
        self.eventCoding = eventCoding
        self.patientColumn = patientColumn
        self.confidenceTransform = confidenceTransform
        self.confidenceLevel = confidenceLevel
        self.timeFix = timeFix
        self.landmarkTimes = landmarkTimes
        self.tau = tau
        self.bandings = bandings
        self.regressionModel = regressionModel
        self.ties = ties
        self.clusterColumn = clusterColumn
        self.doseResponse = doseResponse
        self.coverage = coverage
    }
}
