/// A synthetic ketamine-infusion trial with a known truth: the specification of what to simulate.
///
/// Each patient has `1 + Poisson(extraEpisodesMean)` treatment episodes (infusions). A patient has a
/// site (12 sites, weights from a symmetric Dirichlet), a condition, a route, a randomised dose arm,
/// a typical pain level, a preferred infusion interval and a frailty `u ~ N(0, frailtySD²)`. Each
/// episode has its own dose, interval, baseline pain and co-therapy, and a latent relief time from a
/// Weibull accelerated failure time model with the patient's frailty:
///
///     log T = β₀ + β_dose·dose_mg_kg + β_int·interval_days + β_pain·baseline_pain
///             + β_condition + β_cotherapy + β_route + u_patient + σ·W,   W ~ Gumbel-min
///
/// so `T | x, u` is Weibull with shape `1/σ`. The observed `relief_days = max(round(min(T, C), 2), 0.01)`
/// and `relief_ended = 1{T <= C}` with `C` from ``Censoring``. The defaults reproduce the world of
/// `shared/bench/gen_trial.py` (same coefficients, design and censoring; a different random stream):
/// median latent relief about 14 days, high dose longer, CRPS and high baseline pain shorter,
/// co-therapy longer, about 28% censored.
///
/// ```swift
/// var spec = TrialSimulation()
/// spec.size = .patients(400)
/// let trial = try spec.simulate(seed: 7)
/// let csv = trial.csvBytes()                 // header + one line per episode
/// let truth = try trial.truth.jsonData()     // the truth sidecar
/// ```
public struct TrialSimulation: Sendable, Equatable {
    /// How many episodes to make.
    public enum Size: Sendable, Equatable {
        /// This many patients, each with `1 + Poisson(extraEpisodesMean)` episodes.
        case patients(Int)
        /// Exactly this many episodes (the last patient's episodes are cut to fit).
        case rows(Int)
    }

    /// The version of the generating model; bumped whenever the same seed and settings would give
    /// different data. Recorded in the truth.
    public static let generatorVersion = 1
    /// The largest patient count accepted (memory: about 800 bytes per patient).
    public static let maximumPatients = 2_500_000
    /// The largest row count accepted (memory: about 200 bytes per row).
    public static let maximumRows = 10_000_000

    /// How many patients or rows.
    public var size: Size = .patients(400)
    /// Numeric coefficients of the AFT model.
    public var coefficients = Coefficients()
    /// The Weibull scale σ of the log-time error (shape 1/σ).
    public var weibullSigma = 0.70
    /// The SD of the per-patient normal random effect on log time.
    public var frailtySD = 0.35
    /// The randomised dose arms (the `dose_group` column).
    public var doseArms = [
        DoseArm(name: "low", doseMgKg: 0.5, probability: 0.5),
        DoseArm(name: "high", doseMgKg: 1.0, probability: 0.5),
    ]
    /// The SD of an infusion's log dose around its arm's nominal dose.
    public var doseLogSD = 0.08
    /// The patient's condition (fixed per patient).
    public var condition = Factor(
        levels: ["CRPS", "neuropathic", "fibromyalgia", "other"], probabilities: [0.30, 0.30, 0.20, 0.20],
        logTimeEffects: [-0.35, -0.10, 0.05, 0.0], referenceLevel: "other")
    /// The route of administration (fixed per patient; no effect by default).
    public var route = Factor(
        levels: ["IV", "intranasal"], probabilities: [0.75, 0.25], logTimeEffects: [0.0, 0.0], referenceLevel: "IV")
    /// The co-therapy during an episode (drawn per episode).
    public var cotherapy = Factor(
        levels: ["none", "physical_therapy", "counseling"], probabilities: [0.50, 0.30, 0.20],
        logTimeEffects: [0.0, 0.15, 0.10], referenceLevel: "none")
    /// The number of sites.
    public var siteCount = 12
    /// The symmetric Dirichlet concentration of the site weights.
    public var siteConcentration = 4.0
    /// The mean number of episodes per patient beyond the first.
    public var extraEpisodesMean = 3.0
    /// How infusion intervals are drawn.
    public var interval = IntervalModel()
    /// How baseline pain is drawn.
    public var pain = PainModel()
    /// How relief is censored.
    public var censoring = Censoring()
    /// An Emax dose–response truth replacing the intercept and linear dose term (nil = the linear
    /// model above); see ``EmaxDoseResponse``.
    public var emaxDoseResponse: EmaxDoseResponse? = nil

    /// Creates the default simulation: 400 patients in the world of `shared/bench/gen_trial.py`.
    public init() {}

    /// Checks every setting; ``simulate(seed:)`` calls this first.
    /// - Throws: ``SimulationError`` naming the first invalid setting.
    /// - Complexity: O(number of levels).
    public func validate() throws(SimulationError) {
        switch size {
        case .patients(let n):
            guard n >= 1, n <= Self.maximumPatients else {
                throw SimulationError(
                    parameter: "size.patients", message: "must be in 1...\(Self.maximumPatients), got \(n)",
                    hint: "give --patients between 1 and \(Self.maximumPatients)")
            }
        case .rows(let n):
            guard n >= 1, n <= Self.maximumRows else {
                throw SimulationError(
                    parameter: "size.rows", message: "must be in 1...\(Self.maximumRows), got \(n)",
                    hint: "give --rows between 1 and \(Self.maximumRows)")
            }
        }
        let finite: [(String, Double)] = [
            ("coefficients.intercept", coefficients.intercept), ("coefficients.doseMgKg", coefficients.doseMgKg),
            ("coefficients.intervalDays", coefficients.intervalDays),
            ("coefficients.baselinePain", coefficients.baselinePain), ("pain.mean", pain.mean),
        ]
        for (name, value) in finite where !value.isFinite {
            throw SimulationError(parameter: name, message: "must be a finite number, got \(value)")
        }
        let positive: [(String, Double)] = [
            ("weibullSigma", weibullSigma), ("siteConcentration", siteConcentration),
            ("interval.gammaShape", interval.gammaShape), ("interval.gammaScale", interval.gammaScale),
            ("censoring.administrativeEndDays", censoring.administrativeEndDays),
        ]
        for (name, value) in positive where !(value.isFinite && value > 0) {
            throw SimulationError(parameter: name, message: "must be a finite number > 0, got \(value)")
        }
        if let dropout = censoring.dropoutMeanDays, !(dropout.isFinite && dropout > 0) {
            throw SimulationError(
                parameter: "censoring.dropoutMeanDays", message: "must be a finite number > 0 or nil, got \(dropout)")
        }
        let nonNegative: [(String, Double)] = [
            ("frailtySD", frailtySD), ("doseLogSD", doseLogSD), ("extraEpisodesMean", extraEpisodesMean),
            ("interval.minimumDays", interval.minimumDays), ("interval.episodeSD", interval.episodeSD),
            ("pain.patientSD", pain.patientSD), ("pain.episodeSD", pain.episodeSD),
        ]
        for (name, value) in nonNegative where !(value.isFinite && value >= 0) {
            throw SimulationError(parameter: name, message: "must be a finite number >= 0, got \(value)")
        }
        guard extraEpisodesMean <= 1000 else {
            throw SimulationError(parameter: "extraEpisodesMean", message: "must be at most 1000, got \(extraEpisodesMean)")
        }
        guard siteCount >= 1, siteCount <= 9999 else {
            throw SimulationError(parameter: "siteCount", message: "must be in 1...9999, got \(siteCount)")
        }
        guard interval.lowerDays >= 1, interval.lowerDays <= interval.upperDays, interval.upperDays <= 36500 else {
            throw SimulationError(
                parameter: "interval.lowerDays/upperDays",
                message: "need 1 <= lowerDays <= upperDays <= 36500, got \(interval.lowerDays)...\(interval.upperDays)")
        }
        for (name, value) in pain.shiftByCondition where !value.isFinite {
            throw SimulationError(parameter: "pain.shiftByCondition[\(name)]", message: "must be finite, got \(value)")
        }
        try Self.validateFactor(condition, name: "condition")
        try Self.validateFactor(route, name: "route")
        try Self.validateFactor(cotherapy, name: "cotherapy")
        guard !doseArms.isEmpty else {
            throw SimulationError(parameter: "doseArms", message: "needs at least one arm")
        }
        for arm in doseArms {
            guard !arm.name.isEmpty else {
                throw SimulationError(parameter: "doseArms", message: "an arm has an empty name")
            }
            guard arm.doseMgKg.isFinite, arm.doseMgKg > 0, arm.doseMgKg < 1e6 else {
                throw SimulationError(
                    parameter: "doseArms[\(arm.name)].doseMgKg", message: "must be in (0, 1e6), got \(arm.doseMgKg)")
            }
            guard arm.probability.isFinite, arm.probability >= 0 else {
                throw SimulationError(
                    parameter: "doseArms[\(arm.name)].probability", message: "must be >= 0, got \(arm.probability)")
            }
        }
        guard Set(doseArms.map(\.name)).count == doseArms.count else {
            throw SimulationError(parameter: "doseArms", message: "arm names must be distinct")
        }
        guard doseArms.contains(where: { $0.probability > 0 }) else {
            throw SimulationError(parameter: "doseArms", message: "at least one arm needs a probability > 0")
        }
        if let emaxDoseResponse { try emaxDoseResponse.validate() }
    }

    private static func validateFactor(_ factor: Factor, name: String) throws(SimulationError) {
        let k = factor.levels.count
        guard k >= 1, factor.probabilities.count == k, factor.logTimeEffects.count == k else {
            throw SimulationError(
                parameter: name,
                message: "needs as many probabilities and effects as levels (\(k) levels, "
                    + "\(factor.probabilities.count) probabilities, \(factor.logTimeEffects.count) effects)")
        }
        guard Set(factor.levels).count == k, !factor.levels.contains("") else {
            throw SimulationError(parameter: "\(name).levels", message: "levels must be distinct and non-empty")
        }
        guard factor.probabilities.allSatisfy({ $0.isFinite && $0 >= 0 }),
            factor.probabilities.contains(where: { $0 > 0 })
        else {
            throw SimulationError(
                parameter: "\(name).probabilities", message: "must be finite, >= 0 and not all 0")
        }
        guard factor.logTimeEffects.allSatisfy(\.isFinite) else {
            throw SimulationError(parameter: "\(name).logTimeEffects", message: "must be finite")
        }
        guard let reference = factor.levels.firstIndex(of: factor.referenceLevel) else {
            throw SimulationError(
                parameter: "\(name).referenceLevel",
                message: "'\(factor.referenceLevel)' is not one of \(factor.levels.joined(separator: ", "))")
        }
        guard factor.logTimeEffects[reference] == 0 else {
            throw SimulationError(
                parameter: "\(name).logTimeEffects",
                message: "the reference level '\(factor.referenceLevel)' must have effect 0")
        }
    }
}
