import Foundation
import NumericCore
import Survival

extension PatientVariationFit {
    /// Checks profiles and a request before predicting: no dose or strata, `p` columns, probabilities in
    /// (0, 1), finite times `≥ 0`, a finite horizon `> 0`.
    ///
    /// - Parameters:
    ///   - profiles: The design rows.
    ///   - request: The request.
    ///   - model: The model in words, for the message on a dose or strata (e.g. "a random-intercept AFT model").
    ///   - context: The context of messages.
    /// - Throws: `.invalidArgument` or `.lengthMismatch`.
    func checkPrediction(_ profiles: RegressionProfiles, _ request: PredictionRequest, model: String,
                         context: String) throws(StatModelError) {
        if profiles.dose != nil || profiles.strata != nil {
            throw .invalidArgument(context: context, message: "\(model) takes neither a dose role nor strata.")
        }
        guard profiles.x.columns == coefficientCount else {
            throw .lengthMismatch(context: context, argument: "profiles (columns)", expected: coefficientCount, found: profiles.x.columns)
        }
        for q in request.probabilities where !(q > 0 && q < 1) {
            throw .invalidArgument(context: context, message: "probability \(q) is outside (0, 1).")
        }
        for t in request.times where !(t.isFinite && t >= 0) {
            throw .invalidArgument(context: context, message: "time \(t) is not a finite value >= 0.")
        }
        if let tau = request.tau, !(tau.isFinite && tau > 0) {
            throw .invalidArgument(context: context, message: "tau \(tau) must be a finite time > 0.")
        }
    }

    /// `value(θ̂)` at the estimates `(β, log σ, log v)` and its delta-method SE, the gradient by central
    /// differences (step `10⁻⁵ · max(1, |θⱼ|)`).
    func deltaMethod(_ value: ([Double]) -> Double) -> (estimate: Double, standardError: Double) {
        let theta = parameters
        var gradient = [Double](repeating: 0, count: theta.count)
        for j in theta.indices {
            let h = 1e-5 * max(1, abs(theta[j]))
            var up = theta, down = theta
            up[j] += h
            down[j] -= h
            gradient[j] = (value(up) - value(down)) / (2 * h)
        }
        var total = 0.0
        for i in theta.indices {
            for j in theta.indices where variance[i, j].isFinite { total += gradient[i] * variance[i, j] * gradient[j] }
        }
        return (value(theta), max(total, 0).squareRoot())
    }

    /// The prediction at `row` from its parts: the linear predictor `xᵀβ` with its SE from the `β` block
    /// of the covariance, and the survival, quantiles and restricted mean.
    func profilePrediction(_ row: [Double], survival: [TimedEstimate], quantiles: [QuantileEstimate], restrictedMean: TimedEstimate?,
                           confidenceLevel: Double) -> SurvivalProfilePrediction {
        let p = coefficientCount
        let location = zip(row, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        var lpVariance = 0.0
        for i in 0..<p {
            for j in 0..<p where variance[i, j].isFinite { lpVariance += row[i] * variance[i, j] * row[j] }
        }
        return SurvivalProfilePrediction(
            profile: row, dose: nil, stratum: nil, linearPredictor: location, linearPredictorStandardError: max(lpVariance, 0).squareRoot(),
            survival: survival, quantiles: quantiles, restrictedMean: restrictedMean, confidenceLevel: confidenceLevel)
    }
}
