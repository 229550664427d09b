import Regression
import Survival

/// What `relief predict` reports: the fitted model and, for each covariate profile given with `--at`, the
/// predicted survival at the requested times, the median relief time and the restricted mean to `tau`:
/// with delta-method confidence intervals for parametric models (computed by `AFTFit.predict`), or from
/// the Cox curve `survfit(coxph_fit, newdata)` for Cox models (computed by `CoxBaselineHazard.predict`).
public struct PredictionResult: Sendable {
    /// One covariate profile and its predictions.
    public struct Profile: Sendable {
        /// The value of each data column that defines the profile, in the order given.
        public var values: [(column: String, value: String)]
        /// The predictions.
        public var prediction: SurvivalProfilePrediction

        /// Creates a profile.
        /// - Parameters:
        ///   - values: Column and value pairs.
        ///   - prediction: The predictions.
        public init(values: [(column: String, value: String)], prediction: SurvivalProfilePrediction) {
            self.values = values
            self.prediction = prediction
            self.coxPrediction = nil
        }

        /// The Cox curve of the profile (R's `survfit(coxph_fit, newdata = profile)`), `nil` for AFT models.
        public var coxPrediction: CoxSurvivalPrediction?
        /// The stratum label of a Cox profile from a `strata()` model, `nil` otherwise.
        public var stratumLabel: String?

        /// Creates a profile of a Cox model. `prediction` carries the same numbers in the shared shape the
        /// renderers read: survival at the times (SE of S, log-type interval), the median (no SE: `nan`;
        /// a limit not reached: `nan`) and the restricted mean with R's `se(rmean)` and no interval (`nan`).
        /// - Parameters:
        ///   - values: Column and value pairs (the stratum columns included).
        ///   - coxPrediction: The Cox curve and its summaries.
        ///   - stratumLabel: The stratum label, or nil without strata.
        public init(values: [(column: String, value: String)], coxPrediction: CoxSurvivalPrediction,
                    stratumLabel: String? = nil) {
            self.values = values
            self.coxPrediction = coxPrediction
            self.stratumLabel = stratumLabel
            let median = coxPrediction.median
            self.prediction = SurvivalProfilePrediction(
                profile: coxPrediction.profile, dose: nil, stratum: coxPrediction.stratum,
                linearPredictor: coxPrediction.linearPredictor,
                linearPredictorStandardError: coxPrediction.linearPredictorStandardError,
                survival: coxPrediction.survivalAtTimes.map { row in
                    TimedEstimate(time: row.time, estimate: row.estimate, standardError: row.standardError,
                                  lower: row.lower ?? .nan, upper: row.upper ?? .nan)
                },
                quantiles: [
                    QuantileEstimate(probability: median.probability, estimate: median.estimate ?? .nan,
                                     lower: median.lower ?? .nan, upper: median.upper ?? .nan, standardError: .nan)
                ],
                restrictedMean: coxPrediction.restrictedMean.map { rmst in
                    TimedEstimate(time: rmst.tau, estimate: rmst.estimate, standardError: rmst.standardError,
                                  lower: .nan, upper: .nan)
                },
                confidenceLevel: coxPrediction.confidenceLevel)
        }

        /// `dose_mg_kg=0.5, interval_days=14`.
        public var label: String {
            values.map { "\($0.column)=\($0.value)" }.joined(separator: ", ")
        }
    }

    /// The fitted model the predictions come from.
    public var regression: RegressionResult
    /// The profiles in order (the cross of the `--at` values, the first option varying slowest).
    public var profiles: [Profile]
    /// The times of the survival predictions.
    public var times: [Double]
    /// The horizon of the restricted mean, `nil` for none.
    public var tau: Double?
    /// How `tau` was chosen (e.g. "given with --tau").
    public var tauExplanation: String
    /// The numeric data columns among the profile columns (their values are written as JSON numbers).
    public var numericColumns: Set<String>
    /// The last time observed in the data of a parametric fit: a prediction past it is the model's
    /// extrapolation. `nil` for a Cox curve, which stops at the data.
    public var lastObservedTime: Double?
    /// Whether the curves are a Cox baseline's steps (set by the request; also true for ``Profile``s built
    /// from a Cox curve).
    public var isStepCurve = false
    /// For a model with per-patient effects: the patient asked for and their effect, nil otherwise.
    public var patient: PatientPrediction?

    /// Creates a result.
    /// - Parameters:
    ///   - regression: The fitted model.
    ///   - profiles: The profiles and their predictions.
    ///   - times: The prediction times.
    ///   - tau: The RMST horizon.
    ///   - tauExplanation: How tau was chosen.
    ///   - numericColumns: The numeric profile columns.
    public init(
        regression: RegressionResult, profiles: [Profile], times: [Double], tau: Double?, tauExplanation: String,
        numericColumns: Set<String>
    ) {
        self.regression = regression
        self.profiles = profiles
        self.times = times
        self.tau = tau
        self.tauExplanation = tauExplanation
        self.numericColumns = numericColumns
    }

    /// Whether the predictions come from a Cox model (curves from the baseline hazard, not delta-method
    /// AFT predictions).
    public var isCox: Bool { isStepCurve || profiles.contains { $0.coxPrediction != nil } }

    /// Whether a prediction at `time` lies past ``lastObservedTime``.
    /// - Parameter time: A time, a median or a horizon; `nil` is not extrapolated.
    public func isExtrapolated(_ time: Double?) -> Bool {
        guard let time, let last = lastObservedTime else { return false }
        return time > last
    }

    /// The extrapolated predictions, described for a warning ("times 90, 180; tau 120; the median of
    /// 2 profiles"), or `nil` when there are none.
    public var extrapolation: String? {
        guard let last = lastObservedTime else { return nil }
        var parts: [String] = []
        let times = self.times.filter { $0 > last }
        if !times.isEmpty { parts.append((times.count == 1 ? "time " : "times ") + times.map(PredictionRenderer.show).joined(separator: ", ")) }
        if isExtrapolated(tau), let tau { parts.append("tau " + PredictionRenderer.show(tau)) }
        let medians = profiles.filter { isExtrapolated($0.prediction.median?.estimate ?? nil) }.count
        if medians > 0 { parts.append("the median of \(medians) \(medians == 1 ? "profile" : "profiles")") }
        guard !parts.isEmpty else { return nil }
        return "predictions past the last observed time (\(PredictionRenderer.show(last))) extrapolate the model: " + parts.joined(separator: "; ")
            + " (marked extrapolated)"
    }

    /// The profile columns (those of the first profile; all profiles share them).
    public var columns: [String] {
        profiles.first?.values.map(\.column) ?? []
    }
}
