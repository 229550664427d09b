import Foundation
import NumericCore
import Survival

extension RandomInterceptAFTFit {
    /// Survival, quantiles and restricted means: one patient's own, or a new patient's (marginal).
    public var predictionCapabilities: PredictionCapabilities { .all }
    /// Every patient has an estimated intercept.
    public var hasPatientEffects: Bool { true }

    /// The posterior mode `b̂ᵢ` of `patient` with the Laplace SD `ŝᵢ` (as ``PatientEffect/variance``:
    /// `ŝᵢ²`), nil when the patient has no episodes in `data`. The estimate is on the log-time scale:
    /// above 0, this patient's relief lasts longer than a typical patient's with the same covariates.
    public func patientEffect(_ patient: String, data: RegressionData) -> PatientEffect? {
        guard let i = patients.firstIndex(of: patient), modes.indices.contains(i), modeStandardErrors.indices.contains(i),
              patientEpisodes.indices.contains(i) else { return nil }
        var events = 0
        if let groups = data.frailty, let g = groups.labels.firstIndex(of: patient) {
            for (row, code) in groups.codes.enumerated() where code == g && data.event.indices.contains(row) && data.event[row] {
                events += 1
            }
        }
        let s = modeStandardErrors[i]
        return PatientEffect(patient: patient, estimate: modes[i], scale: .logTime, variance: s * s, episodes: patientEpisodes[i], events: events)
    }

    /// Predictions at design profiles (with the intercept column). With ``PredictionRequest/patient``
    /// naming a patient of the fit: their own curve, location `xᵀβ + b̂ᵢ`, by the AFT delta method over
    /// `(β, b, log σ)` with `Var(b̂ᵢ) = ŝᵢ²` taken as independent of `(β, log σ)`. Otherwise (no patient,
    /// or one without episodes) a new patient's marginal curve
    /// `S(t | x) = ∫ S₀((g(t) − xᵀβ − b)/σ) dN(0, τ²)(b)` (Gauss–Hermite, 40 nodes), its median and other
    /// quantiles by bisection and its restricted mean by adaptive quadrature; SEs by the delta method over
    /// `(β, log σ, log τ)` with central-difference gradients; survival intervals on the family's standardised
    /// scale (`S₀⁻¹(S)`, as the AFT's own),
    /// quantile intervals on the log-time scale, restricted-mean intervals `± z se`.
    ///
    /// - Throws: `.invalidArgument` for a dose, strata, a probability outside (0, 1), a bad time or τ;
    ///   `.lengthMismatch` for profiles of the wrong width.
    public func predict(_ profiles: RegressionProfiles, request: PredictionRequest,
                        data: RegressionData) throws(StatModelError) -> [SurvivalProfilePrediction] {
        let context = RandomInterceptAFT.context(distribution)
        try checkPrediction(profiles, request, model: "a random-intercept AFT model", context: context)
        let effect = request.patient.flatMap { patientEffect($0, data: data) }
        var result: [SurvivalProfilePrediction] = []
        for index in 0..<profiles.count {
            let row = profiles.row(index)
            if let effect {
                result.append(try patientPrediction(row, effect: effect, request: request, context: context))
            } else {
                result.append(try RandomInterceptMarginal(fit: self).prediction(row, request: request, context: context))
            }
        }
        return result
    }

    /// One patient's curve through the AFT predictor on `(β, b, log σ)`.
    func patientPrediction(_ row: [Double], effect: PatientEffect, request: PredictionRequest, context: String)
        throws(StatModelError) -> SurvivalProfilePrediction
    {
        let p = coefficientCount
        // The variance of (β, b, log σ): the fit's (β, log σ) blocks and Var(b̂) on its own.
        var v = Matrix(rows: p + 2, columns: p + 2)
        let position = Array(0..<p) + [p + 1]  // where each fit parameter (β, log σ) goes
        for (a, i) in position.enumerated() {
            for (b, j) in position.enumerated() where variance[a, b].isFinite { v[i, j] = variance[a, b] }
        }
        v[p, p] = effect.variance
        let predictor = AFTPredictor(distribution: distribution, scale: scale, variance: v, confidenceLevel: request.confidenceLevel)
        let location = zip(row, coefficients).reduce(effect.estimate) { $0 + $1.0 * $1.1 }
        let gradient = row + [1]
        let survival = try predictor.survival(location: location, gradient: gradient, times: request.times, confidenceLevel: nil,
                                              context: context)
        let quantiles = try predictor.quantiles(location: location, gradient: gradient, probabilities: request.probabilities,
                                                confidenceLevel: nil, context: context)
        let mean = try request.tau.map { tau throws(StatModelError) in
            try predictor.restrictedMean(location: location, gradient: gradient, tau: tau, confidenceLevel: nil, context: context)
        }
        return SurvivalProfilePrediction(
            profile: row, dose: nil, stratum: nil, linearPredictor: location,
            linearPredictorStandardError: predictor.quadraticForm(gradient).squareRoot(), survival: survival,
            quantiles: quantiles, restrictedMean: mean, confidenceLevel: request.confidenceLevel)
    }
}
