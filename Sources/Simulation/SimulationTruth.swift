/// The known truth behind a simulated trial: every generating parameter, the seed, and a few realised
/// summaries. Encodes to the JSON sidecar `*.truth.json` (snake_case keys, sorted), with the same
/// key names as `shared/bench/gen_trial.py` writes where the two overlap.
public struct SimulationTruth: Sendable, Equatable, Codable {
    /// The per-patient random effect.
    public struct Frailty: Sendable, Equatable, Codable {
        /// The clustering column, `patient_id`.
        public var cluster: String
        /// `"lognormal"`: a normal effect on log time.
        public var distribution: String
        /// Its SD on log time.
        public var sdLogTime: Double

        package enum CodingKeys: String, CodingKey {
            case cluster, distribution
            case sdLogTime = "sd_log_time"
        }
    }

    /// The censoring settings.
    public struct Censoring: Sendable, Equatable, Codable {
        /// Which episodes the next infusion censors, e.g. `"all but each patient's last episode"` or `"none"`.
        public var nextInfusionAtIntervalDays: String
        /// The mean of the exponential dropout time, days (`nil` = no dropout).
        public var dropoutExponentialMeanDays: Double?
        /// The end of follow-up, days.
        public var administrativeEndDays: Double

        package enum CodingKeys: String, CodingKey {
            case nextInfusionAtIntervalDays = "next_infusion_at_interval_days"
            case dropoutExponentialMeanDays = "dropout_exponential_mean_days"
            case administrativeEndDays = "administrative_end_days"
        }
    }

    /// A dose arm as simulated.
    public struct Arm: Sendable, Equatable, Codable {
        /// The `dose_group` label.
        public var doseGroup: String
        /// The nominal dose, mg/kg.
        public var doseMgKg: Double
        /// The allocation probability (normalised).
        public var probability: Double

        package enum CodingKeys: String, CodingKey {
            case doseGroup = "dose_group"
            case doseMgKg = "dose_mg_kg"
            case probability
        }
    }

    /// Summaries of the data actually drawn.
    public struct Realised: Sendable, Equatable, Codable {
        /// Number of patients.
        public var nPatients: Int
        /// Number of rows (episodes).
        public var nRows: Int
        /// Number of rows with `relief_ended = 1`.
        public var events: Int
        /// Fraction of rows censored (`relief_ended = 0`).
        public var censoredFraction: Double
        /// Fraction of rows censored by each cause: `next_infusion`, `dropout`, `administrative_end`
        /// (ties go to the cause listed first).
        public var censoredFractionByCause: [String: Double]
        /// The median of the latent (uncensored) relief times of all rows, days.
        public var medianLatentReliefDays: Double
        /// The median latent relief time per dose group (groups without rows are absent).
        public var medianLatentReliefDaysByDoseGroup: [String: Double]

        package enum CodingKeys: String, CodingKey {
            case nPatients = "n_patients"
            case nRows = "n_rows"
            case events
            case censoredFraction = "censored_fraction"
            case censoredFractionByCause = "censored_fraction_by_cause"
            case medianLatentReliefDays = "median_latent_relief_days"
            case medianLatentReliefDaysByDoseGroup = "median_latent_relief_days_by_dose_group"
        }
    }

    /// The Emax dose–response truth (present only for `relief simulate --dose-levels ... --emax ...`).
    public struct EmaxDoseResponse: Sendable, Equatable, Codable {
        /// The curve in words, e.g. `"log(relief_days) = log(E0 + Emax*d/(ED50 + d)) + ..."`.
        public var equation: String
        /// `E0`: `exp(location)` at dose 0 and the reference profile, days.
        public var e0Days: Double
        /// `Emax`: the most a dose adds to `exp(location)` at the reference profile, days.
        public var emaxDays: Double
        /// `ED50`, mg/kg.
        public var ed50MgKg: Double
        /// The Hill exponent (1).
        public var hill: Double
        /// The dose levels, mg/kg, each drawn with equal probability per patient.
        public var doseLevelsMgKg: [Double]
        /// The reference covariate profile at which the curve holds.
        public var referenceProfile: String
        /// `exp(σ·log(log 2))`: latent median at the reference profile (and `u = 0`) = curve × this.
        public var medianOverCurve: Double
        /// `E0 + Emax·d/(ED50 + d)` at each level, days (aligned with `doseLevelsMgKg`).
        public var curveAtLevelsDays: [Double]

        package enum CodingKeys: String, CodingKey {
            case equation
            case e0Days = "e0_days"
            case emaxDays = "emax_days"
            case ed50MgKg = "ed50_mg_kg"
            case hill
            case doseLevelsMgKg = "dose_levels_mg_kg"
            case referenceProfile = "reference_profile"
            case medianOverCurve = "median_over_curve"
            case curveAtLevelsDays = "curve_at_levels_days"
        }
    }

    /// `"relief simulate"`.
    public var generator: String
    /// ``TrialSimulation/generatorVersion``.
    public var generatorVersion: Int
    /// The seed of the ``SeededGenerator``.
    public var seed: UInt64
    /// `"patients"` or `"rows"`: how the size was requested.
    public var sizeRequested: String
    /// The requested number of patients or rows.
    public var sizeRequestedCount: Int
    /// `"weibull_aft_with_patient_lognormal_frailty"`.
    public var model: String
    /// The model equation in words.
    public var timeScale: String
    /// Log time ratios: `(Intercept)`, `dose_mg_kg`, `interval_days`, `baseline_pain`, and
    /// `factor=level` for every non-reference level.
    public var coefficientsLogTimeRatio: [String: Double]
    /// The reference level of each factor (and of `dose_group`: the first arm).
    public var referenceLevels: [String: String]
    /// σ, the Weibull scale on log time.
    public var weibullSigma: Double
    /// 1/σ, the Weibull shape.
    public var weibullShape: Double
    /// The per-patient random effect.
    public var frailty: Frailty
    /// Conditional (given the frailty) Cox log hazard ratios: `−β/σ` for every non-intercept coefficient.
    public var conditionalCoxLogHazardRatio: [String: Double]
    /// The censoring settings.
    public var censoring: Censoring
    /// The dose arms.
    public var doseArms: [Arm]
    /// The covariate design: `extra_episodes_poisson_mean`, `site_count`, `site_dirichlet_concentration`,
    /// `dose_log_sd`, `interval_*`, `pain_*`, and `probability:factor=level` for every level.
    public var design: [String: Double]
    /// Decimals each column is rounded to, and the smallest `relief_days`.
    public var rounding: [String: Double]
    /// Summaries of the realised data.
    public var realised: Realised
    /// The Emax dose–response truth, nil (absent from the JSON) for the default linear dose model.
    public var emaxDoseResponse: EmaxDoseResponse?

    package enum CodingKeys: String, CodingKey {
        case generator
        case generatorVersion = "generator_version"
        case seed
        case sizeRequested = "size_requested"
        case sizeRequestedCount = "size_requested_count"
        case model
        case timeScale = "time_scale"
        case coefficientsLogTimeRatio = "coefficients_log_time_ratio"
        case referenceLevels = "reference_levels"
        case weibullSigma = "weibull_sigma"
        case weibullShape = "weibull_shape"
        case frailty
        case conditionalCoxLogHazardRatio = "conditional_cox_log_hazard_ratio"
        case censoring
        case doseArms = "dose_arms"
        case design
        case rounding
        case realised
        case emaxDoseResponse = "emax_dose_response"
    }
}
