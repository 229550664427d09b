import Foundation

extension TrialSimulation {
    /// An Emax dose–response truth for the simulated relief times (`relief simulate --dose-levels
    /// ... --emax E0,EMAX,ED50`).
    ///
    /// When ``TrialSimulation/emaxDoseResponse`` is set, each patient is randomised with equal
    /// probability to one of ``levels`` (the `dose_group` label is the level, e.g. `"0.25"`), every
    /// infusion gives exactly that dose (no log-normal jitter), and the intercept and the linear dose term
    /// of the latent model are replaced by the Emax curve:
    ///
    ///     log T = log(E0 + Emax·d/(ED50 + d)) + β_int·interval_days + β_pain·baseline_pain
    ///             + β_condition + β_cotherapy + β_route + u_patient + σ·W
    ///
    /// so at the reference covariate profile (interval_days = 0, baseline_pain = 0, reference levels) and
    /// `u = 0`, `exp(location) = E0 + Emax·d/(ED50 + d)` days: the model `EmaxAFT` fits, with `E0`,
    /// `Emax` and `ED50` as its parameters. The latent median there is that curve times
    /// `exp(σ·log(log 2))` (0.774 for σ = 0.7).
    public struct EmaxDoseResponse: Sendable, Equatable {
        /// The dose levels (mg/kg, `>= 0`, distinct, at most 3 decimals), drawn with equal probability per patient.
        public var levels: [Double]
        /// `E0`: `exp(location)` at dose 0 and the reference profile, days (`> 0`).
        public var e0: Double
        /// `Emax`: the most a dose adds to `exp(location)` at the reference profile, days (`> −E0`).
        public var emax: Double
        /// `ED50`: the dose giving half of `Emax`, mg/kg (`> 0`).
        public var ed50: Double

        /// Creates the truth.
        /// - Parameters:
        ///   - levels: Dose levels in mg/kg.
        ///   - e0: Days at dose 0 and the reference profile.
        ///   - emax: Maximal added days.
        ///   - ed50: Dose with half the maximal effect.
        public init(levels: [Double], e0: Double, emax: Double, ed50: Double) {
            self.levels = levels
            self.e0 = e0
            self.emax = emax
            self.ed50 = ed50
        }

        /// `E0 + Emax·d/(ED50 + d)`.
        /// - Parameter dose: A dose `>= 0`.
        /// - Returns: Days at the reference profile.
        /// - Complexity: O(1).
        public func curve(_ dose: Double) -> Double { e0 + emax * dose / (ed50 + dose) }

        /// The `dose_group` label of a level: the shortest decimal form (`%g`), e.g. `0.25`, `1`.
        package static func label(_ level: Double) -> String { String(format: "%g", level) }

        /// Checks the settings.
        package func validate() throws(SimulationError) {
            guard !levels.isEmpty, levels.count <= 1000 else {
                throw SimulationError(parameter: "emaxDoseResponse.levels", message: "needs 1 to 1000 dose levels, got \(levels.count)",
                                      hint: "give e.g. --dose-levels 0.1,0.25,0.5,1")
            }
            for level in levels {
                guard level.isFinite, level >= 0, level < 1e6 else {
                    throw SimulationError(parameter: "emaxDoseResponse.levels", message: "dose level \(level) is not in [0, 1e6)",
                                          hint: "give non-negative dose levels in mg/kg")
                }
                guard abs(level * 1000 - (level * 1000).rounded()) < 1e-6 else {
                    throw SimulationError(parameter: "emaxDoseResponse.levels",
                                          message: "dose level \(level) has more than 3 decimals",
                                          hint: "round the levels to 0.001 mg/kg (dose_mg_kg is written with 3 decimals)")
                }
            }
            guard Set(levels.map(Self.label)).count == levels.count else {
                throw SimulationError(parameter: "emaxDoseResponse.levels", message: "dose levels must be distinct")
            }
            guard e0.isFinite, e0 > 0 else {
                throw SimulationError(parameter: "emaxDoseResponse.e0", message: "E0 must be a finite number of days > 0, got \(e0)")
            }
            guard ed50.isFinite, ed50 > 0 else {
                throw SimulationError(parameter: "emaxDoseResponse.ed50", message: "ED50 must be a finite dose > 0, got \(ed50)")
            }
            guard emax.isFinite, emax > -e0 else {
                throw SimulationError(parameter: "emaxDoseResponse.emax",
                                      message: "Emax must be finite and > -E0 (so that E0 + Emax·f > 0), got \(emax)")
            }
        }
    }

    /// The dose arms actually simulated: one equally likely arm per Emax dose level when
    /// ``emaxDoseResponse`` is set, else ``doseArms``.
    public var effectiveDoseArms: [DoseArm] {
        guard let emaxDoseResponse else { return doseArms }
        return emaxDoseResponse.levels.map {
            DoseArm(name: EmaxDoseResponse.label($0), doseMgKg: ($0 * 1000).rounded() / 1000, probability: 1)
        }
    }
}
