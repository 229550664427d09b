import Foundation
@testable import NumericCore
import Testing

/// A test objective that records every point it is asked about.
///
/// - `logCosh`: `ℓ(θ) = −1 − Σ log cosh(θᵢ)`, maximum −1 at `θ = 0` (away from 0, where R's relative-change
///   rule is meaningful); far from 0 the Newton step
///   `δ = −sinh θ cosh θ` overshoots, so step halving is needed.
/// - `smooth`: `ℓ(θ) = −(e^{θ₀} − 2θ₀) − 3(θ₁ − 1)²`, maximum at `(log 2, 1)`.
/// - `quadratic`: `ℓ(θ) = −(θ₀ − 3)²`, one Newton step from anywhere.
/// - `ridge`: `ℓ(θ) = −10⁶ − e^{−θ₀}`, rising forever towards its supremum `−10⁶`: every Newton step is
///   `+1` and gains `e^{−θ}(1 − e^{−1})`, a relative gain of at most 10⁻⁹ from `θ = 8` on, while the
///   decrement `e^{−θ}/2` reaches 10⁻⁹ only at `θ = 21`.
private struct RecordingObjective: NewtonObjective {
    enum Function { case logCosh, smooth, quadratic, ridge }
    let function: Function
    var points: [[Double]] = []
    var fullEvaluations: [Bool] = []

    mutating func evaluate(_ theta: [Double]) -> NewtonEvaluation {
        points.append(theta)
        fullEvaluations.append(true)
        return Self.evaluate(function, theta)
    }

    mutating func value(at theta: [Double]) -> Double {
        points.append(theta)
        fullEvaluations.append(false)
        return Self.evaluate(function, theta).value
    }

    /// The point of the last full evaluation.
    var lastFullPoint: [Double]? {
        fullEvaluations.lastIndex(of: true).map { points[$0] }
    }

    static func evaluate(_ function: Function, _ theta: [Double]) -> NewtonEvaluation {
        let k = theta.count
        var information = Matrix(rows: k, columns: k)
        switch function {
        case .logCosh:
            var value = -1.0
            var gradient = [Double](repeating: 0, count: k)
            for i in 0..<k {
                value -= log(cosh(theta[i]))
                gradient[i] = -tanh(theta[i])
                information[i, i] = 1 / (cosh(theta[i]) * cosh(theta[i]))
            }
            return NewtonEvaluation(value: value, gradient: gradient, information: information)
        case .smooth:
            information[0, 0] = exp(theta[0])
            information[1, 1] = 6
            return NewtonEvaluation(value: -(exp(theta[0]) - 2 * theta[0]) - 3 * (theta[1] - 1) * (theta[1] - 1),
                                    gradient: [-(exp(theta[0]) - 2), -6 * (theta[1] - 1)], information: information)
        case .ridge:
            information[0, 0] = exp(-theta[0])
            return NewtonEvaluation(value: -1e6 - exp(-theta[0]), gradient: [exp(-theta[0])], information: information)
        case .quadratic:
            information[0, 0] = 2
            return NewtonEvaluation(value: -(theta[0] - 3) * (theta[0] - 3), gradient: [-2 * (theta[0] - 3)],
                                    information: information)
        }
    }
}

private func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-13) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

@Suite("DampedNewton: one optimiser, three policies")
struct DampedNewtonTests {
    static let presets: [(name: String, newton: DampedNewton)] = [
        ("coxph", .coxph()), ("survreg", .survreg(logScaleIndex: nil)), ("backtracking", .backtracking()),
    ]

    @Test("flatSteps stops a walk along a flat ridge, not converged; without it the decrement rule decides")
    func flatRidgeStops() {
        var objective = RecordingObjective(function: .ridge)
        let flat = DampedNewton.backtracking(flatSteps: 3).maximize(&objective, from: [0])
        #expect(flat.stop == .flatRidge && !flat.isConverged)
        // Steps to θ = 8, 9, 10 are the first three that gain at most 1e-9 |ℓ|.
        #expect(flat.iterations == 10 && close(flat.parameters[0], 10, 1e-9), "\(flat.iterations) \(flat.parameters)")
        var again = RecordingObjective(function: .ridge)
        let walked = DampedNewton.backtracking().maximize(&again, from: [0])
        #expect(walked.stop == .converged && close(walked.parameters[0], 21, 1e-9), "\(walked.iterations) \(walked.parameters)")
    }

    @Test("every preset finds the maximum of a smooth concave function", arguments: [0, 1, 2])
    func smoothMaximum(preset: Int) {
        let newton = Self.presets[preset].newton
        var objective = RecordingObjective(function: .smooth)
        let result = newton.maximize(&objective, from: [0, 0])
        #expect(result.isConverged, "\(Self.presets[preset].name)")
        #expect(result.stop == .converged)
        // Converged by a relative-change or decrement rule of 1e-9: the point is within 1e-4 of the optimum
        // and the gradient is below 1e-4.
        #expect(abs(result.parameters[0] - log(2)) < 1e-4 && abs(result.parameters[1] - 1) < 1e-4,
                "\(Self.presets[preset].name): \(result.parameters)")
        #expect(result.evaluation.gradient.allSatisfy { abs($0) < 1e-4 })
        #expect(objective.lastFullPoint == result.parameters, "the objective's last full evaluation is at the result")
        // The start evaluation and the first Newton step give the score statistic U'I^-1U.
        // At (0, 0): U = (1, 6), I = diag(1, 6), so the first step is (1, 1) and ℓ = −4.
        let step = result.initialStep ?? []
        #expect(step.count == 2 && close(step[0], 1, 1e-12) && close(step[1], 1, 1e-12), "first step \(step)")
        #expect(close(result.start.value, -4))
    }

    @Test("coxfit6 halving pulls a worse trial back to (θt + j θa)/(j + 1), one pull-back per iteration")
    func progressiveHalving() {
        var objective = RecordingObjective(function: .logCosh)
        let result = DampedNewton.coxph().maximize(&objective, from: [2.5])
        let p = objective.points.map { $0[0] }
        let start = 2.5
        #expect(close(p[1], start - sinh(start) * cosh(start), 1e-12), "the full Newton step \(p[1])")
        // ℓ at the full step, then at the first two pull-backs, is below ℓ(2.5): three pull-backs.
        #expect(close(p[2], (p[1] + 1 * start) / 2))
        #expect(close(p[3], (p[2] + 2 * start) / 3))
        #expect(close(p[4], (p[3] + 3 * start) / 4))
        #expect(-log(cosh(p[4])) > -log(cosh(start)), "the third pull-back is accepted")
        #expect(result.isConverged)
        #expect(abs(result.parameters[0]) < 1e-4)
        #expect(objective.fullEvaluations.allSatisfy { $0 })
    }

    @Test("survreg halving: halves within one iteration until no worse; the first halving caps log σ's fall at 1.1")
    func survregHalving() {
        var plain = RecordingObjective(function: .logCosh)
        let result = DampedNewton.survreg(logScaleIndex: nil).maximize(&plain, from: [2.5])
        let p = plain.points.map { $0[0] }
        #expect(close(p[2], (p[1] + 2.5) / 2))
        #expect(close(p[3], (p[2] + 2.5) / 2))
        #expect(close(p[4], (p[3] + 2.5) / 2))
        #expect(-log(cosh(p[4])) > -log(cosh(2.5)) && -log(cosh(p[3])) < -log(cosh(2.5)))
        #expect(result.isConverged && abs(result.parameters[0]) < 1e-4)

        var capped = RecordingObjective(function: .logCosh)
        _ = DampedNewton.survreg(logScaleIndex: 0).maximize(&capped, from: [2.5])
        #expect(close(capped.points[2][0], 2.5 - 1.1), "the first halving is capped at θa − 1.1: \(capped.points[2])")
    }

    @Test("backtracking tries θa + 2^-j δ by value only, clips to the bounds and keeps fixed coordinates")
    func backtracking() {
        var objective = RecordingObjective(function: .logCosh)
        let newton = DampedNewton.backtracking(bounds: [.init(index: 0, lower: -20, upper: 20)])
        let result = newton.maximize(&objective, from: [2.5, 0.7], fixed: [1])
        let p = objective.points.map { $0[0] }
        let delta = -sinh(2.5) * cosh(2.5)
        #expect(p[1] == -20, "the full step is clipped to the lower bound")
        #expect(close(p[2], 2.5 + delta / 2, 1e-12))
        #expect(close(p[3], 2.5 + delta / 4, 1e-12))
        #expect(objective.fullEvaluations[1] == false && objective.fullEvaluations[2] == false, "trials by value only")
        #expect(objective.points.allSatisfy { $0[1] == 0.7 }, "the fixed coordinate never moves")
        #expect(result.isConverged && abs(result.parameters[0]) < 1e-4)
        #expect(result.initialStep?[1] == 0)
        #expect(objective.lastFullPoint == result.parameters)
    }

    @Test("the Newton decrement rule stops at the first point with Uᵀ I⁻¹ U / 2 ≤ tolerance")
    func decrement() {
        var objective = RecordingObjective(function: .quadratic)
        let result = DampedNewton.backtracking().maximize(&objective, from: [0])
        #expect(result.iterations == 1 && result.isConverged)
        #expect(close(result.parameters[0], 3))
    }

    @Test("at the iteration limit coxfit6 returns the best point, survreg the last trial")
    func iterationLimit() {
        var best = RecordingObjective(function: .logCosh)
        let accepted = DampedNewton.coxph(maxIterations: 2).maximize(&best, from: [2.5])
        #expect(accepted.stop == .iterationLimit && !accepted.isConverged && accepted.iterations == 2)
        #expect(accepted.parameters == [2.5], "no trial was better within two iterations")
        #expect(best.lastFullPoint == [2.5], "re-evaluated at the returned point")

        var last = RecordingObjective(function: .logCosh)
        let trial = DampedNewton.survreg(maxIterations: 1, logScaleIndex: nil).maximize(&last, from: [2.5])
        #expect(trial.stop == .iterationLimit)
        #expect(trial.parameters == last.points.last, "the last trial point")
    }

    @Test("zero iterations evaluate the start only; a non-finite start stops at once")
    func degenerateStarts() {
        var objective = RecordingObjective(function: .smooth)
        let none = DampedNewton.coxph(maxIterations: 0).maximize(&objective, from: [0, 0])
        #expect(objective.points.count == 1 && none.iterations == 0 && !none.isConverged)
        #expect(none.initialStep != nil, "the first step (score test) is still computed")

        var infinite = RecordingObjective(function: .smooth)
        let stopped = DampedNewton.survreg(logScaleIndex: nil).maximize(&infinite, from: [1000, 0])
        #expect(stopped.stop == .nonFiniteStart && infinite.points.count == 1)
    }
}
