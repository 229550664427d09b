import Foundation
import NumericCore
import Survival

extension FrailtyCoxPHFit {
    /// Survival, quantiles and restricted means: a patient's own curve or the population curve.
    public var predictionCapabilities: PredictionCapabilities { .all }
    /// Each patient (group of the frailty column) has an estimated frailty.
    public var hasPatientEffects: Bool { true }
    /// The curves are the Cox baseline's steps.
    public var predictsStepCurves: Bool { true }

    /// The estimated effect of `patient` (its log frailty and R's `fvar`), nil when the patient has no
    /// episodes in `data`.
    public func patientEffect(_ patient: String, data: RegressionData) -> PatientEffect? {
        guard let groups = data.frailty, let g = groups.labels.firstIndex(of: patient), frailties.indices.contains(g),
              frailtyVariances.indices.contains(g) else { return nil }
        var episodes = 0, events = 0
        for (row, code) in groups.codes.enumerated() where code == g {
            episodes += 1
            if data.event.indices.contains(row), data.event[row] { events += 1 }
        }
        return PatientEffect(patient: patient, estimate: frailties[g], scale: .logHazard, variance: frailtyVariances[g], episodes: episodes, events: events)
    }

    /// Curves at design profiles. With ``PredictionRequest/patient`` naming a patient of the data: that
    /// patient's own curve `S(t | x, ω̂) = exp(−Λ₀(t) exp(xᵀβ + ω̂))`, the baseline being R's (Efron or
    /// Breslow, with every row's fitted frailty as an offset: `survfit` on the fit's linear predictors),
    /// and the SE of the cumulative hazard adding the patient's own `Var(ω̂)` (R's `fvar`) to the
    /// baseline's and `β`'s (R's `survfit` terms with `fit$var`); log intervals as `survfit`. Without a
    /// patient, or one with no episodes: the population (marginal) curve of a new patient,
    /// `(1 + θH)^(−1/θ)` for gamma frailties and `∫ exp(−H e^b) φ(b; 0, θ) db` for log-normal ones, with
    /// `H = Λ₀(t) exp(xᵀβ)`, its interval the image of `H`'s. θ is taken as known (no interval widening
    /// for its uncertainty), and the covariance of `ω̂` with `β` is left out.
    ///
    /// With `strata()` each profile's curve uses its stratum's baseline (`profiles.strata`, required when
    /// the fit has several strata), as R's `survfit` of the offset fit with the same `strata()`.
    ///
    /// - Throws: `.invalidArgument` for a dose, a probability outside (0, 1), or data without the fit's
    ///   frailty groups; as ``CoxBaselineHazard/predict(profile:stratum:times:tau:confidenceLevel:survivalOf:)``.
    /// - Complexity: O(n log n) for the baseline, then O(T p²) per profile (T distinct times; a log-normal
    ///   population curve adds a quadrature per time).
    public func predict(_ profiles: RegressionProfiles, request: PredictionRequest,
                        data: RegressionData) throws(StatModelError) -> [SurvivalProfilePrediction] {
        let context = FrailtyCoxPH.fitContext
        try CoxBaselineHazard.check(profiles, request, context: context)
        if let strata = profiles.strata, strata.count != profiles.count {
            throw .lengthMismatch(context: context, argument: "strata", expected: profiles.count, found: strata.count)
        }
        guard let groups = data.frailty, groups.codes.count == data.rows, groups.count == frailties.count else {
            throw .invalidArgument(context: context, message: "predictions need the data the frailty model was fitted on.")
        }
        let effect = request.patient.flatMap { patientEffect($0, data: data) }
        let baseline = try offsetBaseline(data, groups: groups, patientVariance: effect?.variance ?? 0)
        var result: [SurvivalProfilePrediction] = []
        for index in 0..<profiles.count {
            let row = profiles.row(index)
            let curve: CoxSurvivalPrediction
            if let effect {
                curve = try baseline.predict(profile: row + [effect.estimate, 1], stratum: profiles.strata?[index], times: request.times,
                                             tau: request.tau, confidenceLevel: request.confidenceLevel)
            } else {
                curve = try baseline.predict(profile: row + [0, 0], stratum: profiles.strata?[index], times: request.times,
                                             tau: request.tau, confidenceLevel: request.confidenceLevel, survivalOf: populationSurvival)
            }
            var prediction = curve.profilePrediction(probabilities: request.probabilities, row: row)
            if let effect, let mean = prediction.restrictedMean {
                prediction = prediction.replacingRestrictedMean(Self.addingPatientUncertainty(mean, curve: curve, variance: effect.variance))
            }
            result.append(prediction)
        }
        return result
    }

    /// R's `se(rmean)` of a patient's curve plus the patient's own uncertainty: `∂RMST/∂ω = −∫₀^τ S H dt`
    /// (the curve's steps), so `Var += Var(ω̂) (∫₀^τ S H dt)²`; no interval, as for every Cox curve's RMST.
    static func addingPatientUncertainty(_ mean: TimedEstimate, curve: CoxSurvivalPrediction, variance: Double) -> TimedEstimate {
        let tau = mean.time
        var integral = 0.0
        for k in curve.times.indices where curve.times[k] < tau {
            let next = k + 1 < curve.times.count ? min(curve.times[k + 1], tau) : tau
            integral += (next - curve.times[k]) * curve.survival[k] * curve.cumulativeHazard[k]
        }
        let se = (mean.standardError * mean.standardError + variance * integral * integral).squareRoot()
        return TimedEstimate(time: tau, estimate: mean.estimate, standardError: se, lower: .nan, upper: .nan)
    }

    /// The population survival at conditional cumulative hazard `h` and `−dS/dh`.
    func populationSurvival(_ h: Double) -> (survival: Double, slope: Double) {
        guard theta > 1e-12, theta.isFinite else { return (exp(-h), exp(-h)) }
        switch distribution {
        case .gamma:
            let base = 1 + theta * h
            return (pow(base, -1 / theta), pow(base, -1 / theta - 1))
        case .gaussian:
            let sd = theta.squareRoot()
            let values = AdaptiveQuadrature().integrate(-12, 12, breaks: [-3, 0, 3], count: 2) { z in
                let e = exp(sd * z), density = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
                let s = exp(-h * e)
                return [s * density, e * s * density]
            }
            return (values[0], values[1])
        }
    }

    /// R's baseline of the fit: the rows' design with two more columns, every row's fitted frailty (a
    /// known offset: coefficient 1, no variance) and a zero column whose coefficient 0 carries the
    /// patient's `Var(ω̂)` (a profile with 1 there adds `Λ₀² r² Var(ω̂)` to the cumulative hazard's variance).
    /// Counting-process rows `(start, stop]` enter the risk sets as in the fit (R's `survfit` on `Surv(start, stop, event)`).
    /// Case weights weight the rows as in the fit (R's `survfit` of a weighted `coxph`).
    func offsetBaseline(_ data: RegressionData, groups: FrailtyGroups, patientVariance: Double) throws(StatModelError) -> CoxBaselineHazard {
        let n = data.rows, p = coefficients.count
        var elements = data.x.elements
        elements.reserveCapacity(n * (p + 2))
        for code in groups.codes { elements.append(frailties.indices.contains(code) ? frailties[code] : 0) }
        elements.append(contentsOf: repeatElement(0, count: n))
        let x: Matrix
        do {
            x = try Matrix(rows: n, columns: p + 2, columnMajor: elements)
        } catch {
            throw .lengthMismatch(context: FrailtyCoxPH.fitContext, argument: "x", expected: n * p, found: data.x.elements.count)
        }
        let (time, entry) = try FrailtyCoxPH.fixedTimes(data, timeFix: true)
        let sorted = CoxSortedData(x: x, time: time, event: data.event, strata: data.strata, weights: data.weights, entry: entry)
        let beta = coefficients.map { $0.isFinite ? $0 : 0 } + [1, 0]
        let centre = means + [0, 0]
        let strata = CoxPHFit.strataBaselines(sorted, strata: data.strata, beta: beta, means: centre, ties: ties)
        var variance = Matrix(rows: p + 2, columns: p + 2)
        for i in 0..<p {
            for j in 0..<p where self.variance[i, j].isFinite { variance[i, j] = self.variance[i, j] }
        }
        variance[p + 1, p + 1] = patientVariance
        return CoxBaselineHazard(ties: ties, coefficients: beta, means: centre, variance: variance, strata: strata)
    }
}
