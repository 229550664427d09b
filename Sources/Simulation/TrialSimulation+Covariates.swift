extension TrialSimulation {
    /// A categorical covariate: its levels, how often each occurs, and each level's effect on log
    /// relief time relative to the reference level.
    public struct Factor: Sendable, Equatable {
        /// The level labels as written to the CSV, in a fixed order.
        public var levels: [String]
        /// The probability of each level (normalised by their sum), aligned with ``levels``.
        public var probabilities: [Double]
        /// The log time ratio of each level against ``referenceLevel`` (whose entry must be 0).
        public var logTimeEffects: [Double]
        /// The level all effects are relative to.
        public var referenceLevel: String

        /// Creates a factor.
        /// - Parameters:
        ///   - levels: The level labels.
        ///   - probabilities: The level probabilities (any positive sum).
        ///   - logTimeEffects: Log time ratios against the reference (positive = longer relief).
        ///   - referenceLevel: The reference level, whose effect is 0.
        public init(levels: [String], probabilities: [Double], logTimeEffects: [Double], referenceLevel: String) {
            self.levels = levels
            self.probabilities = probabilities
            self.logTimeEffects = logTimeEffects
            self.referenceLevel = referenceLevel
        }

        /// The effect of level `index` (0 for an index out of range).
        package func effect(_ index: Int) -> Double {
            logTimeEffects.indices.contains(index) ? logTimeEffects[index] : 0
        }
    }

    /// A randomised dose arm: its label (the `dose_group` value), nominal dose and allocation probability.
    public struct DoseArm: Sendable, Equatable {
        /// The `dose_group` label, e.g. `"high"`.
        public var name: String
        /// The nominal dose in mg/kg; each infusion's actual dose varies log-normally around it.
        public var doseMgKg: Double
        /// The probability a patient is randomised to this arm (normalised over arms).
        public var probability: Double

        /// Creates a dose arm.
        /// - Parameters:
        ///   - name: The `dose_group` label.
        ///   - doseMgKg: The nominal dose (mg/kg, > 0).
        ///   - probability: The allocation probability.
        public init(name: String, doseMgKg: Double, probability: Double) {
            self.name = name
            self.doseMgKg = doseMgKg
            self.probability = probability
        }
    }

    /// How the days between infusions are drawn.
    ///
    /// Each patient has a preferred schedule `minimumDays + Gamma(gammaShape, gammaScale)`; each
    /// episode's `interval_days` is that plus `N(0, episodeSD²)`, rounded half-to-even to whole days
    /// and clipped to `[lowerDays, upperDays]`.
    public struct IntervalModel: Sendable, Equatable {
        /// The shortest preferred schedule, in days.
        public var minimumDays = 7.0
        /// The gamma shape of the preferred schedule above the minimum.
        public var gammaShape = 2.0
        /// The gamma scale (days) of the preferred schedule above the minimum.
        public var gammaScale = 12.0
        /// The SD (days) of an episode's deviation from the preferred schedule.
        public var episodeSD = 3.0
        /// The smallest `interval_days` written.
        public var lowerDays = 7
        /// The largest `interval_days` written.
        public var upperDays = 90

        /// Creates the default interval model (mean preferred schedule 7 + 24 = 31 days).
        public init() {}
    }

    /// How `baseline_pain` (0-10 numeric rating scale, one decimal) is drawn.
    ///
    /// Patient level: `N(mean, patientSD²)` plus ``shiftByCondition`` for the patient's condition;
    /// episode level: plus `N(0, episodeSD²)`, clipped to [0, 10] and rounded to one decimal.
    public struct PainModel: Sendable, Equatable {
        /// The population mean pain score.
        public var mean = 6.4
        /// The SD of patients' typical pain.
        public var patientSD = 1.2
        /// The SD of an episode's pain around the patient's typical pain.
        public var episodeSD = 0.7
        /// Extra pain for patients with a condition, by condition label (CRPS patients are a bit worse).
        public var shiftByCondition: [String: Double] = ["CRPS": 0.5]

        /// Creates the default pain model.
        public init() {}
    }
}
