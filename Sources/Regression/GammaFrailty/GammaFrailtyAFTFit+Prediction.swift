import Foundation
import NumericCore
import Survival

extension GammaFrailtyAFTFit {
    /// Survival, quantiles and restricted means: one patient's own, or a new patient's (marginal).
    public var predictionCapabilities: PredictionCapabilities { .all }
    /// Every patient has a posterior frailty.
    public var hasPatientEffects: Bool { true }

    /// The patient's posterior frailty on the log-hazard scale: the estimate is `log E[Zᵢ | data]`, the
    /// log of the posterior mean `(1/θ + dᵢ)/(1/θ + Σⱼ Hᵢⱼ)`, its variance `Var(log Zᵢ | data) = ψ′(1/θ + dᵢ)`
    /// (trigamma); nil when the patient has no episodes in the fit.
    public func patientEffect(_ patient: String, data: RegressionData) -> PatientEffect? {
        guard let i = patients.firstIndex(of: patient), patientEvents.indices.contains(i), cumulativeHazards.indices.contains(i) else {
            return nil
        }
        let shape = posteriorShapes[i], mean = posteriorMeans[i]
        return PatientEffect(patient: patient, estimate: log(mean), scale: .logHazard, variance: SpecialFunctions.trigamma(shape),
                             episodes: patientEpisodes[i], events: patientEvents[i], isAveragedInCurve: true)
    }

    /// Predictions at design profiles (with the intercept column). With ``PredictionRequest/patient``
    /// naming a patient of the fit: the posterior-predictive curve of their next episode,
    /// `E[exp(−Zᵢ H(t)) | data] = (1 + H(t)/(1/θ + Σⱼ Hᵢⱼ))^{−(1/θ + dᵢ)}`, its uncertainty in
    /// `(β, log σ, log θ)` by the delta method (the patient's `Σⱼ Hᵢⱼ` recomputed from their episodes in
    /// `data`). Otherwise a new patient's population curve `(1 + θ H(t))^{−1/θ}`
    /// (``GammaFrailtyCurve``).
    ///
    /// - Throws: `.invalidArgument` for a dose, strata, a probability outside (0, 1), a bad time or τ;
    ///   `.lengthMismatch` for profiles of the wrong width.
    public func predict(_ profiles: RegressionProfiles, request: PredictionRequest,
                        data: RegressionData) throws(StatModelError) -> [SurvivalProfilePrediction] {
        let context = GammaFrailtyAFT.context
        try checkPrediction(profiles, request, model: "the Weibull model with a gamma frailty", context: context)
        let history = try request.patient.flatMap { patient throws(StatModelError) in try self.history(of: patient, data: data) }
        return (0..<profiles.count).map { index in
            GammaFrailtyCurve(fit: self, row: profiles.row(index), history: history).prediction(request)
        }
    }

    /// The episodes of `patient` in `data` as one group, nil when the patient has none in the fit.
    func history(of patient: String, data: RegressionData) throws(StatModelError) -> GammaFrailtyEpisodes? {
        guard patients.contains(patient), let groups = data.frailty, let g = groups.labels.firstIndex(of: patient) else { return nil }
        let rows = groups.codes.indices.filter { groups.codes[$0] == g }
        guard !rows.isEmpty, rows.allSatisfy({ data.time.indices.contains($0) && data.event.indices.contains($0) }) else { return nil }
        var x = Matrix(rows: rows.count, columns: coefficientCount)
        for (r, row) in rows.enumerated() {
            for j in 0..<coefficientCount { x[r, j] = data.x[row, j] }
        }
        let entry = data.start.map { start in rows.map { start.indices.contains($0) && start[$0] > 0 ? log(start[$0]) : -.infinity } }
        return GammaFrailtyEpisodes(x: x, y: rows.map { log(data.time[$0]) }, entry: entry, event: rows.map { data.event[$0] },
                                    codes: [Int](repeating: 0, count: rows.count), groupCount: 1)
    }
}
