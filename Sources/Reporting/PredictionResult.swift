import StatModels

/// What `relief predict` reports: the fitted parametric model and, for each covariate profile given with
/// `--at`, the predicted survival at the requested times, the median relief time and the restricted mean
/// to `tau`, each with delta-method confidence intervals (computed by `AFTFit.predict`).
public struct PredictionResult: Sendable {
    /// One covariate profile and its predictions.
    public struct Profile: Sendable {
        /// The value of each data column that defines the profile, in the order given.
        public var values: [(column: String, value: String)]
        /// The predictions.
        public var prediction: AFTProfilePrediction

        /// Creates a profile.
        /// - Parameters:
        ///   - values: Column and value pairs.
        ///   - prediction: The predictions.
        public init(values: [(column: String, value: String)], prediction: AFTProfilePrediction) {
            self.values = values
            self.prediction = prediction
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

    /// The profile columns (those of the first profile; all profiles share them).
    public var columns: [String] {
        profiles.first?.values.map(\.column) ?? []
    }
}
