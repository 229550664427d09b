/// The result of ``TrialSimulation/simulate(seed:)``: one entry per episode in each column array
/// (all arrays have ``rowCount`` elements, in patient then infusion order), plus the truth.
///
/// Factor columns hold level indices into the ``specification``'s level lists; ``record(_:)`` gives
/// a row as the CSV text fields and ``csvBytes()`` the whole file.
public struct SimulatedTrial: Sendable {
    /// The CSV column names, in file order.
    public static let columnNames = [
        "patient_id", "site", "condition", "route", "dose_group", "dose_mg_kg", "interval_days",
        "infusion_number", "baseline_pain", "cotherapy", "relief_days", "relief_ended",
    ]

    /// The settings that produced this trial.
    public let specification: TrialSimulation
    /// The generating parameters, seed and realised summaries.
    public let truth: SimulationTruth
    /// The 1-based patient number (`patient_id` is `P` plus this, zero-padded to 7 digits).
    public let patientNumber: [Int]
    /// The 1-based site number (`site` is `S` plus this, zero-padded to 2 digits).
    public let site: [Int]
    /// Index into `specification.condition.levels`.
    public let condition: [Int]
    /// Index into `specification.route.levels`.
    public let route: [Int]
    /// Index into `specification.doseArms` (the `dose_group` label is the arm's name).
    public let doseArm: [Int]
    /// The dose given, mg/kg, rounded to 3 decimals.
    public let doseMgKg: [Double]
    /// Days until the next scheduled infusion.
    public let intervalDays: [Int]
    /// 1, 2, ... within the patient.
    public let infusionNumber: [Int]
    /// Pain (NRS 0-10) before the infusion, rounded to 1 decimal.
    public let baselinePain: [Double]
    /// Index into `specification.cotherapy.levels`.
    public let cotherapy: [Int]
    /// The observed time, days: `max(round(min(T, C), 2), 0.01)`.
    public let reliefDays: [Double]
    /// Whether relief was seen to end (`T <= C`); `false` = censored.
    public let reliefEnded: [Bool]
    /// The latent relief time `T` in days, before censoring and rounding (not written to the CSV).
    public let latentReliefDays: [Double]

    /// The number of episodes.
    public var rowCount: Int { reliefDays.count }
}
