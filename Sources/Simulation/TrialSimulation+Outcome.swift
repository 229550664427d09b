extension TrialSimulation {
    /// The numeric regression coefficients of the Weibull AFT on log relief time (log time ratios).
    ///
    /// `log T = intercept + doseMgKg·dose + intervalDays·interval + baselinePain·pain + (factor effects)
    /// + u_patient + σ·W`. Positive coefficients mean longer relief.
    public struct Coefficients: Sendable, Equatable {
        /// The intercept on log days.
        public var intercept = 3.03
        /// Per mg/kg: `log(1.5)/0.5`, so 0.5 → 1.0 mg/kg multiplies relief time by 1.5.
        public var doseMgKg = 0.810_930_216_216_328_8
        /// Per day between infusions (shorter intervals give slightly longer relief).
        public var intervalDays = -0.004
        /// Per point of baseline pain (NRS 0-10).
        public var baselinePain = -0.08

        /// Creates the default coefficients (those of `shared/bench/gen_trial.py`).
        public init() {}
    }

    /// How relief observations are censored.
    ///
    /// An episode's censoring time is `C = min(next infusion, dropout, administrative end)`:
    /// the next scheduled infusion at `interval_days` (when ``atNextInfusion``, for every episode but
    /// a patient's last), loss to follow-up `Exp(mean dropoutMeanDays)` (none when `nil`), and the end
    /// of the study at ``administrativeEndDays``. `relief_ended = 1` when `T <= C`.
    public struct Censoring: Sendable, Equatable {
        /// Whether the next infusion censors the current episode (all but a patient's last).
        public var atNextInfusion = true
        /// The mean of the exponential time to loss to follow-up, in days (`nil` = no dropout).
        public var dropoutMeanDays: Double? = 120
        /// The end of follow-up, in days; every observed time is at most this.
        public var administrativeEndDays = 180.0

        /// Creates the default censoring (that of `shared/bench/gen_trial.py`, about 28% censored).
        public init() {}
    }
}
