import Foundation
import NumericCore
import Survival

/// The marginal log-likelihood of a random-intercept AFT model on the `log t` scale as a
/// ``NewtonObjective`` over `θ = (β, log σ, log τ)`: the sum over patients of the adaptive Gauss–Hermite
/// approximation (``RandomInterceptEpisodes``), its analytic gradient, and as information the negative
/// difference of that gradient, symmetrised: forward (step `10⁻⁶ · max(1, |θⱼ|)`, `k` more gradients)
/// while iterating, central (step `10⁻⁴ · max(1, |θⱼ|)`, `2k`) with ``centralDifferences`` for the
/// covariance at the optimum.
///
/// Patients are evaluated in chunks on all cores; each patient's mode is kept as the next evaluation's
/// start. Coordinates in ``heldFixed`` (the profile's fixed `log τ`) get no difference column.
package struct RandomInterceptLikelihood: NewtonObjective {
    package typealias Failure = StatModelError

    /// The grouped episodes.
    package let episodes: RandomInterceptEpisodes
    /// The last modes `b̂ᵢ`, per patient.
    package private(set) var modes: [Double]
    /// The last curvatures `−hᵢ″(b̂ᵢ)`, per patient.
    package private(set) var curvatures: [Double]
    /// The name of the fit in messages.
    let context: String
    /// Whether the information is the central difference of the gradient (else forward).
    package var centralDifferences = false
    /// Coordinates the optimiser holds fixed: their information columns are not differenced (left 0).
    package var heldFixed: Set<Int> = []
    /// An information matrix to return at every point instead of differencing the gradient (a chord
    /// iteration: one gradient per evaluation; the profile's fits at fixed τ use the full fit's).
    package var fixedInformation: Matrix?

    /// Starts with every mode at 0, or at `modes` (one per patient, a warm start).
    package init(episodes: RandomInterceptEpisodes, context: String, modes: [Double] = []) {
        self.episodes = episodes
        self.context = context
        self.modes = modes.count == episodes.patients ? modes : [Double](repeating: 0, count: episodes.patients)
        curvatures = [Double](repeating: 0, count: episodes.patients)
    }

    /// The number of parameters, `p + 2`.
    package var parameterCount: Int { episodes.columns + 2 }

    /// The value and (with `gradient`) the gradient; nil where a patient's integrand has no mode.
    package mutating func valueAndGradient(_ parameters: [Double], gradient: Bool) -> (value: Double, gradient: [Double])? {
        let patients = episodes.patients
        let chunks = episodes.y.count < 20_000 ? 1 : min(patients, 4 * ProcessInfo.processInfo.activeProcessorCount)
        let episodes = self.episodes, modes = self.modes, count = parameterCount
        let pieces = Parallel.map(chunks) { chunk -> (value: Double, gradient: [Double]?, parts: [RandomInterceptEpisodes.Contribution])? in
            let range = (chunk * patients / chunks)..<((chunk + 1) * patients / chunks)
            var total: [Double]? = gradient ? [Double](repeating: 0, count: count) : nil
            guard let parts = episodes.contributions(range, parameters: parameters, modes: modes[range], gradient: &total) else {
                return nil
            }
            return (parts.reduce(0) { $0 + $1.value }, total, parts)
        }
        var value = 0.0
        var total = [Double](repeating: 0, count: count)
        var patient = 0
        for piece in pieces {
            guard let piece else { return nil }
            value += piece.value
            if let g = piece.gradient { for j in 0..<count { total[j] += g[j] } }
            for part in piece.parts {
                self.modes[patient] = part.mode
                self.curvatures[patient] = part.curvature
                patient += 1
            }
        }
        return value.isFinite ? (value, total) : nil
    }

    package mutating func value(at parameters: [Double]) throws(StatModelError) -> Double {
        try checked(parameters)
        return valueAndGradient(parameters, gradient: false)?.value ?? -.infinity
    }

    package mutating func evaluate(_ parameters: [Double]) throws(StatModelError) -> NewtonEvaluation {
        try checked(parameters)
        guard let centre = valueAndGradient(parameters, gradient: true) else { return .undefined }
        if let fixedInformation { return NewtonEvaluation(value: centre.value, gradient: centre.gradient, information: fixedInformation) }
        let k = parameterCount
        var information = Matrix(rows: k, columns: k)
        for j in 0..<k where !heldFixed.contains(j) {
            let step = (centralDifferences ? 1e-4 : 1e-6) * max(1, abs(parameters[j]))
            var plus = parameters, minus = parameters
            plus[j] += step
            minus[j] -= step
            guard let up = valueAndGradient(plus, gradient: true) else { return .undefined }
            if centralDifferences {
                guard let down = valueAndGradient(minus, gradient: true) else { return .undefined }
                for i in 0..<k { information[i, j] = -(up.gradient[i] - down.gradient[i]) / (2 * step) }
            } else {
                for i in 0..<k { information[i, j] = -(up.gradient[i] - centre.gradient[i]) / step }
            }
        }
        for j in 0..<k {
            for i in 0..<j {
                let mean = (information[i, j] + information[j, i]) / 2
                information[i, j] = mean
                information[j, i] = mean
            }
        }
        // Leave the modes at the centre (the fit reads them as the empirical-Bayes estimates).
        _ = valueAndGradient(parameters, gradient: false)
        return NewtonEvaluation(value: centre.value, gradient: centre.gradient, information: information)
    }

    private func checked(_ parameters: [Double]) throws(StatModelError) {
        guard parameters.count == parameterCount else {
            throw .undefinedStatistic(context: context, message: "internal: \(parameters.count) parameters given, "
                + "\(parameterCount) expected.")
        }
    }
}
