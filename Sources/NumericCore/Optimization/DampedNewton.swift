/// One damped Newton–Raphson maximiser for every likelihood of the package (Cox partial likelihood,
/// parametric AFT with any location model), configured by policies instead of separate loops.
///
/// From the accepted point `θ_a` the step `δ` solves `I(θ_a) δ = U(θ_a)` (``StepSolver``) and the
/// trial `θ_t = θ_a + δ` (clipped to ``bounds``) is evaluated. A trial that is no worse than `θ_a` is
/// accepted; otherwise it is pulled back towards `θ_a` as ``halving`` says. Iteration stops by the
/// ``convergence`` rule or after ``maxIterations``, returning the point ``finalPoint`` names.
/// Coordinates passed as `fixed` keep their starting values (profile likelihoods).
///
/// The presets reproduce the reference implementations step for step:
/// | preset | convergence | halving | solver | at the limit |
/// |---|---|---|---|---|
/// | ``coxph(maxIterations:epsilon:choleskyTolerance:)`` (R `coxfit6`) | `|1 − ℓ_a/ℓ_t| ≤ ε` | progressive, one per iteration | tolerant Cholesky | best point |
/// | ``survreg(maxIterations:epsilon:logScaleIndex:)`` (R `survreg6`) | same, not while halving | ≤ 5 halvings, `log σ` cap 1.1 | Cholesky, `J`, Bunch–Kaufman | last iterate |
/// | ``backtracking(maxIterations:tolerance:bounds:)`` | Newton decrement | 40-step backtracking | ridged Cholesky | best point |
///
/// ```swift
/// var likelihood = CoxPartialLikelihood(data, ties: .efron)
/// let result = DampedNewton.coxph().maximize(&likelihood, from: [0, 0])
/// result.parameters, result.evaluation.information, result.isConverged
/// ```
public struct DampedNewton: Sendable, Equatable {
    /// The iteration limit (`0` evaluates the start only).
    public var maxIterations: Int
    /// The convergence rule.
    public var convergence: Convergence
    /// What happens to a trial that lowers the objective.
    public var halving: StepHalving
    /// How the Newton step is solved.
    public var solver: StepSolver
    /// Box constraints enforced by clipping.
    public var bounds: [Bound]
    /// The point returned at the iteration limit.
    public var finalPoint: FinalPoint

    /// Creates an optimiser from its policies (see the presets for the usual combinations).
    ///
    /// - Parameters:
    ///   - maxIterations: The iteration limit, `≥ 0`.
    ///   - convergence: The convergence rule.
    ///   - halving: The step-halving policy.
    ///   - solver: The step solver.
    ///   - bounds: Box constraints.
    ///   - finalPoint: The point returned at the limit.
    public init(maxIterations: Int, convergence: Convergence, halving: StepHalving, solver: StepSolver,
                bounds: [Bound] = [], finalPoint: FinalPoint) {
        self.maxIterations = maxIterations
        self.convergence = convergence
        self.halving = halving
        self.solver = solver
        self.bounds = bounds
        self.finalPoint = finalPoint
    }

    /// Maximises `objective` from `start`.
    ///
    /// - Parameters:
    ///   - objective: The function; its last full evaluation is left at the returned point.
    ///   - start: The starting point (clipped to the bounds).
    ///   - fixed: Coordinates held at their starting values.
    /// - Returns: The optimum (or the point reached), its evaluation, the start's evaluation and the
    ///   first Newton step, iterations and the stopping reason. Non-convergence is not an error.
    /// - Throws: The objective's failure.
    /// - Complexity: Per iteration one solve of the free system (O(k³)) and one to `1 + maxTries`
    ///   evaluations of the objective.
    public func maximize<Objective: NewtonObjective>(
        _ objective: inout Objective, from start: [Double], fixed: Set<Int> = []
    ) throws(Objective.Failure) -> DampedNewtonResult {
        let k = start.count
        let free = (0..<k).filter { !fixed.contains($0) }
        var accepted = clip(start)
        var current = try objective.evaluate(accepted)
        let startEvaluation = current
        var stateAt: [Double]? = accepted   // where the objective's last full evaluation was

        func result(_ point: [Double], _ evaluation: NewtonEvaluation, _ iterations: Int, _ converged: Bool,
                    _ stop: DampedNewtonResult.Stop, _ initialStep: [Double]?) -> DampedNewtonResult {
            DampedNewtonResult(parameters: point, evaluation: evaluation, start: startEvaluation, initialStep: initialStep,
                               iterations: iterations, isConverged: converged, stop: stop)
        }
        guard current.value.isFinite else { return result(accepted, current, 0, false, .nonFiniteStart, nil) }
        let first = try solveStep(current, free: free, objective: &objective)
        let initialStep = try? first.get()
        guard maxIterations > 0 else { return result(accepted, current, 0, false, .iterationLimit, initialStep) }
        var delta: [Double]
        switch first {
        case .success(let step): delta = step
        case .failure(let error): return result(accepted, current, 0, false, .stepFailed(error), initialStep)
        }
        if decrementConverged(current, delta, free: free) {
            return result(accepted, current, 0, true, .converged, initialStep)
        }

        let valueOnly: Bool
        if case .backtracking = halving { valueOnly = true } else { valueOnly = false }
        var trial = clip(step(accepted, delta, factor: 1, free: free))
        var trialValue: Double
        var trialEvaluation: NewtonEvaluation?
        (trialValue, trialEvaluation) = try evaluateTrial(trial, valueOnly: valueOnly, &objective)
        stateAt = valueOnly ? nil : trial
        var halvings = 0
        var factor = 1.0
        var flatCount = 0  // consecutive accepted steps that gained at most `flatGain` (relative)

        for iteration in 1...maxIterations {
            if case .relativeChange(let epsilon, let whileHalving) = convergence, let evaluation = trialEvaluation,
               evaluation.isFinite, abs(1 - current.value / evaluation.value) <= epsilon, whileHalving || halvings == 0 {
                return result(trial, evaluation, iteration, true, .converged, initialStep)
            }
            var acceptable = isAcceptable(trialValue, trialEvaluation, than: current.value)
            if !acceptable {
                switch halving {
                case .progressive:
                    halvings += 1
                    let j = Double(halvings)
                    for i in free { trial[i] = (trial[i] + j * accepted[i]) / (j + 1) }
                    trial = clip(trial)
                    // The shrunken point is evaluated in the next iteration (not after the last one).
                    if iteration < maxIterations || finalPoint == .lastTrial {
                        (trialValue, trialEvaluation) = try evaluateTrial(trial, valueOnly: false, &objective)
                        stateAt = trial
                    }
                    continue
                case .halving(let maxTries, let cap):
                    var tries = 0
                    while tries < maxTries, !isAcceptable(trialValue, trialEvaluation, than: current.value) {
                        halvings += 1
                        for i in free { trial[i] = (trial[i] + accepted[i]) / 2 }
                        if halvings == 1, let cap, cap.index < k, accepted[cap.index] - trial[cap.index] > cap.maxDecrease {
                            trial[cap.index] = accepted[cap.index] - cap.maxDecrease
                        }
                        trial = clip(trial)
                        (trialValue, trialEvaluation) = try evaluateTrial(trial, valueOnly: false, &objective)
                        stateAt = trial
                        tries += 1
                    }
                    continue
                case .backtracking(let maxTries, _, let stallTolerance):
                    for _ in 1..<max(maxTries, 1) {
                        factor /= 2
                        trial = clip(step(accepted, delta, factor: factor, free: free))
                        (trialValue, trialEvaluation) = try evaluateTrial(trial, valueOnly: true, &objective)
                        stateAt = nil
                        if isAcceptable(trialValue, trialEvaluation, than: current.value) {
                            acceptable = true
                            break
                        }
                    }
                    if !acceptable {
                        let small = free.allSatisfy { $0 < current.gradient.count
                            && abs(current.gradient[$0]) < stallTolerance * max(1, abs(current.value)) }
                        if stateAt != accepted { current = try objective.evaluate(accepted) }
                        return result(accepted, current, iteration, small, .stalled, initialStep)
                    }
                }
            }
            // Accept the trial.
            let previousValue = current.value
            accepted = trial
            if let evaluation = trialEvaluation {
                current = evaluation
            } else {
                current = try objective.evaluate(trial)
            }
            stateAt = accepted
            halvings = 0
            factor = 1
            if iteration == maxIterations, finalPoint != .lastTrial { break }
            switch try solveStep(current, free: free, objective: &objective) {
            case .success(let step): delta = step
            case .failure(let error): return result(accepted, current, iteration, false, .stepFailed(error), initialStep)
            }
            if decrementConverged(current, delta, free: free) {
                return result(accepted, current, iteration, true, .converged, initialStep)
            }
            if case .newtonDecrement(_, let flatSteps) = convergence, flatSteps > 0 {
                let flat = current.value - previousValue <= Self.flatGain * max(1, abs(current.value))
                flatCount = flat ? flatCount + 1 : 0
                if flatCount >= flatSteps { return result(accepted, current, iteration, false, .flatRidge, initialStep) }
            }
            trial = clip(step(accepted, delta, factor: 1, free: free))
            (trialValue, trialEvaluation) = try evaluateTrial(trial, valueOnly: valueOnly, &objective)
            stateAt = valueOnly ? nil : trial
        }
        if finalPoint == .lastTrial, trialValue.isFinite, let evaluation = trialEvaluation {
            if stateAt != trial { _ = try objective.evaluate(trial) }
            return result(trial, evaluation, maxIterations, false, .iterationLimit, initialStep)
        }
        if stateAt != accepted { current = try objective.evaluate(accepted) }
        return result(accepted, current, maxIterations, false, .iterationLimit, initialStep)
    }

    /// Whether a trial is no worse than the accepted value (with the backtracking slack); a full
    /// evaluation must be finite throughout.
    func isAcceptable(_ value: Double, _ evaluation: NewtonEvaluation?, than accepted: Double) -> Bool {
        if let evaluation, !evaluation.isFinite { return false }
        guard value.isFinite else { return false }
        if case .backtracking(_, let slack, _) = halving { return value >= accepted - slack * abs(accepted) }
        return value >= accepted
    }

    /// The relative gain below which an accepted step counts as flat (R `survreg`'s default `rel.tolerance`).
    public static let flatGain = 1e-9

    /// The Newton-decrement rule at an accepted point (false for the relative-change rule).
    func decrementConverged(_ evaluation: NewtonEvaluation, _ delta: [Double], free: [Int]) -> Bool {
        guard case .newtonDecrement(let tolerance, _) = convergence else { return false }
        var decrement = 0.0
        for i in free where i < evaluation.gradient.count && i < delta.count {
            decrement += evaluation.gradient[i] * delta[i]
        }
        return decrement.isFinite && abs(decrement) / 2 <= tolerance
    }

    /// `θ + factor δ` on the free coordinates.
    func step(_ theta: [Double], _ delta: [Double], factor: Double, free: [Int]) -> [Double] {
        var result = theta
        for i in free where i < delta.count { result[i] += factor * delta[i] }
        return result
    }

    /// `θ` clipped to the bounds.
    func clip(_ theta: [Double]) -> [Double] {
        var result = theta
        for bound in bounds where bound.index < result.count {
            result[bound.index] = min(max(result[bound.index], bound.lower), bound.upper)
        }
        return result
    }

    /// Evaluates a trial point, fully or (for backtracking) its value only.
    func evaluateTrial<Objective: NewtonObjective>(
        _ point: [Double], valueOnly: Bool, _ objective: inout Objective
    ) throws(Objective.Failure) -> (Double, NewtonEvaluation?) {
        if valueOnly { return (try objective.value(at: point), nil) }
        let evaluation = try objective.evaluate(point)
        return (evaluation.value, evaluation)
    }
}
