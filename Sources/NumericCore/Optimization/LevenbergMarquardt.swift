/// A box-bounded Levenberg–Marquardt minimiser of a sum of squares `‖r(x)‖²`, `lower ≤ x ≤ upper`.
///
/// Each iteration solves the damped Gauss–Newton step on the free parameters,
/// `min_s ‖[J_F; √λ D_F] s + [r; 0]‖²`, by LAPACK QR (`dgels`, through ``LeastSquares``), projects
/// `x + s` onto the box and accepts it when the sum of squares decreases (then `λ ← λ/10`,
/// otherwise `λ ← 10λ`). `D` is Moré's scaling: the running maximum of the column norms of `J`.
/// A parameter on a bound whose gradient points out of the box is held fixed for that iteration
/// (active set), so the method converges to points satisfying the bound-constrained first-order
/// conditions. Infinite bounds are allowed.
///
/// ```swift
/// let lm = LevenbergMarquardt()
/// let fit = try lm.minimize(start: [-1.2, 1], lower: nil, upper: nil) { x in
///     .init(residuals: [10 * (x[1] - x[0] * x[0]), 1 - x[0]],
///           jacobian: (try? Matrix(rowMajor: [[-20 * x[0], 10], [-1, 0]])) ?? Matrix(rows: 2, columns: 2))
/// }
/// fit.parameters   // ≈ [1, 1]
/// ```
public struct LevenbergMarquardt: Sendable, Equatable {
    /// Residuals `r(x)` (length `m`) and the Jacobian `∂r/∂x` (`m × n`) at one point.
    public struct Evaluation: Sendable, Equatable {
        /// The residual vector.
        public var residuals: [Double]
        /// The Jacobian, `m × n`, column-major.
        public var jacobian: Matrix

        /// Wraps residuals and Jacobian.
        ///
        /// - Parameters:
        ///   - residuals: `r(x)`, length `m`.
        ///   - jacobian: `∂r/∂x`, `m × n`.
        public init(residuals: [Double], jacobian: Matrix) {
            self.residuals = residuals
            self.jacobian = jacobian
        }
    }

    /// Iteration limit (accepted steps plus rejected trial steps are bounded by 50× this).
    public var maxIterations: Int
    /// Stop when the relative decrease of `‖r‖²` in an accepted step is at most this.
    public var functionTolerance: Double
    /// Stop when `‖Δx‖ ≤ stepTolerance · (‖x‖ + stepTolerance)`.
    public var stepTolerance: Double
    /// Stop when the infinity norm of the projected gradient `Jᵀr` is at most this.
    public var gradientTolerance: Double
    /// The starting damping `λ`.
    public var initialDamping: Double
    /// A parameter within `boundTolerance · (1 + |bound|)` of a bound counts as on it.
    public var boundTolerance: Double

    /// Creates a minimiser with the given controls.
    ///
    /// - Parameters:
    ///   - maxIterations: Accepted-step limit; default 500.
    ///   - functionTolerance: Relative decrease criterion; default 1e-14.
    ///   - stepTolerance: Relative step criterion; default 1e-12.
    ///   - gradientTolerance: Projected gradient criterion; default 1e-12.
    ///   - initialDamping: Starting `λ`; default 1e-3.
    ///   - boundTolerance: On-bound criterion; default 1e-8.
    public init(maxIterations: Int = 500, functionTolerance: Double = 1e-14, stepTolerance: Double = 1e-12,
                gradientTolerance: Double = 1e-12, initialDamping: Double = 1e-3, boundTolerance: Double = 1e-8) {
        self.maxIterations = maxIterations
        self.functionTolerance = functionTolerance
        self.stepTolerance = stepTolerance
        self.gradientTolerance = gradientTolerance
        self.initialDamping = initialDamping
        self.boundTolerance = boundTolerance
    }

    /// Minimises `‖r(x)‖²` subject to `lower ≤ x ≤ upper`.
    ///
    /// - Parameters:
    ///   - start: The starting point, length `n ≥ 1`, inside the bounds.
    ///   - lower: Lower bounds (length `n`, `-.infinity` allowed) or `nil` for none.
    ///   - upper: Upper bounds (length `n`, `.infinity` allowed) or `nil` for none.
    ///   - evaluate: Returns residuals (length `m ≥ 1`, fixed) and the `m × n` Jacobian at `x`.
    ///     A trial point with non-finite values is rejected (damping increased); at the start it throws.
    /// - Returns: The optimum with its residuals, Jacobian, termination reason and on-bound flags.
    /// - Throws: ``LevenbergMarquardtError/invalidProblem(_:)`` for malformed input,
    ///   ``LevenbergMarquardtError/badEvaluation(iteration:message:)`` for a non-finite start or
    ///   wrongly sized output, ``LevenbergMarquardtError/linearAlgebra(_:)`` if a step solve fails.
    /// - Complexity: O(iterations · m n²) plus the cost of the evaluations.
    public func minimize(
        start: [Double], lower: [Double]? = nil, upper: [Double]? = nil,
        _ evaluate: (_ x: [Double]) -> Evaluation
    ) throws(LevenbergMarquardtError) -> LevenbergMarquardtResult {
        let n = start.count
        let lo = lower ?? [Double](repeating: -.infinity, count: n)
        let hi = upper ?? [Double](repeating: .infinity, count: n)
        try validate(start: start, lower: lo, upper: hi)

        var x = start
        var current = evaluate(x)
        let m = current.residuals.count
        try check(current, m: m, n: n, iteration: 0, requireFinite: true)
        var cost = Self.sumOfSquares(current.residuals)
        var scale = Self.columnNorms(current.jacobian)
        var lambda = initialDamping
        var iterations = 0, evaluations = 1, trials = 0
        var termination = LevenbergMarquardtResult.Termination.maxIterations

        iterate: while iterations < maxIterations {
            let gradient = Self.gradient(current)
            var free: [Int] = []
            var projectedGradient = 0.0
            for i in 0..<n {
                let atLower = x[i] <= lo[i] && gradient[i] > 0
                let atUpper = x[i] >= hi[i] && gradient[i] < 0
                if !(atLower || atUpper) {
                    free.append(i)
                    projectedGradient = max(projectedGradient, abs(gradient[i]))
                }
            }
            if free.isEmpty || projectedGradient <= gradientTolerance || cost == 0 {
                termination = .gradientTolerance
                break
            }
            let newScale = Self.columnNorms(current.jacobian)
            for i in 0..<n { scale[i] = max(scale[i], newScale[i]) }

            while true {
                trials += 1
                if trials > 50 * maxIterations { break iterate }
                let step: [Double]
                do {
                    step = try dampedStep(current, free: free, scale: scale, lambda: lambda, m: m)
                } catch {
                    throw .linearAlgebra(error)
                }
                var trial = x
                for (k, i) in free.enumerated() { trial[i] = min(max(x[i] + step[k], lo[i]), hi[i]) }
                let candidate = evaluate(trial)
                evaluations += 1
                try check(candidate, m: m, n: n, iteration: iterations + 1, requireFinite: false)
                let newCost = Self.sumOfSquares(candidate.residuals)
                if newCost.isFinite && candidate.jacobian.isFinite && newCost < cost {
                    var stepNorm = 0.0, xNorm = 0.0
                    for i in 0..<n {
                        stepNorm += (trial[i] - x[i]) * (trial[i] - x[i])
                        xNorm += trial[i] * trial[i]
                    }
                    let decrease = cost - newCost
                    x = trial
                    current = candidate
                    cost = newCost
                    iterations += 1
                    lambda = max(lambda / 10, 1e-15)
                    if decrease <= functionTolerance * (cost + decrease) {
                        termination = .functionTolerance
                        break iterate
                    }
                    if stepNorm.squareRoot() <= stepTolerance * (xNorm.squareRoot() + stepTolerance) {
                        termination = .stepTolerance
                        break iterate
                    }
                    continue iterate
                }
                var trialNorm = 0.0, xNorm = 0.0
                for i in 0..<n {
                    trialNorm += (trial[i] - x[i]) * (trial[i] - x[i])
                    xNorm += x[i] * x[i]
                }
                if newCost.isFinite && trialNorm.squareRoot() <= stepTolerance * (xNorm.squareRoot() + stepTolerance) {
                    // The damped step is below the resolution of x: no representable improvement remains.
                    termination = .stepTolerance
                    break iterate
                }
                lambda *= 10
                if lambda > 1e20 {
                    termination = .dampingOverflow
                    break iterate
                }
            }
        }
        let atBound = (0..<n).map { i in
            (lo[i].isFinite && abs(x[i] - lo[i]) <= boundTolerance * (1 + abs(lo[i])))
                || (hi[i].isFinite && abs(x[i] - hi[i]) <= boundTolerance * (1 + abs(hi[i])))
        }
        return LevenbergMarquardtResult(parameters: x, residuals: current.residuals, jacobian: current.jacobian,
                                        sumOfSquares: cost, iterations: iterations, evaluations: evaluations,
                                        termination: termination, atBound: atBound)
    }

    /// Checks the start, bounds and controls.
    private func validate(start: [Double], lower: [Double], upper: [Double]) throws(LevenbergMarquardtError) {
        let n = start.count
        guard n > 0 else { throw .invalidProblem("the start has no parameters") }
        guard lower.count == n, upper.count == n else {
            throw .invalidProblem("bounds have \(lower.count) and \(upper.count) entries for \(n) parameters")
        }
        guard maxIterations > 0, functionTolerance >= 0, stepTolerance >= 0, gradientTolerance >= 0,
              initialDamping > 0, initialDamping.isFinite, boundTolerance >= 0 else {
            throw .invalidProblem("controls must be positive (maxIterations, initialDamping) and tolerances non-negative")
        }
        for i in 0..<n {
            guard start[i].isFinite else { throw .invalidProblem("start[\(i)] is not finite") }
            guard !lower[i].isNaN, !upper[i].isNaN, lower[i] <= upper[i] else {
                throw .invalidProblem("bounds of parameter \(i) are [\(lower[i]), \(upper[i])]")
            }
            guard start[i] >= lower[i], start[i] <= upper[i] else {
                throw .invalidProblem("start[\(i)] = \(start[i]) lies outside [\(lower[i]), \(upper[i])]")
            }
        }
    }

    /// Checks the sizes (always) and finiteness (when required) of an evaluation.
    private func check(_ e: Evaluation, m: Int, n: Int, iteration: Int,
                       requireFinite: Bool) throws(LevenbergMarquardtError) {
        guard m > 0, e.residuals.count == m else {
            throw .badEvaluation(iteration: iteration, message: "\(e.residuals.count) residuals, expected \(max(m, 1)) or more")
        }
        guard e.jacobian.rows == m, e.jacobian.columns == n else {
            throw .badEvaluation(iteration: iteration,
                                 message: "Jacobian is \(e.jacobian.rows)×\(e.jacobian.columns), expected \(m)×\(n)")
        }
        if requireFinite && (!e.residuals.allSatisfy(\.isFinite) || !e.jacobian.isFinite) {
            throw .badEvaluation(iteration: iteration, message: "residuals or Jacobian contain NaN or infinity")
        }
    }

    /// The damped step on the free parameters by QR of the augmented system.
    private func dampedStep(_ e: Evaluation, free: [Int], scale: [Double], lambda: Double,
                            m: Int) throws(LinearAlgebraError) -> [Double] {
        let nf = free.count
        let rows = m + nf
        var a = [Double](repeating: 0, count: rows * nf)
        var b = [Double](repeating: 0, count: rows)
        for i in 0..<m { b[i] = -e.residuals[i] }
        let root = lambda.squareRoot()
        for (k, j) in free.enumerated() {
            for i in 0..<m { a[i + k * rows] = e.jacobian.elements[i + j * m] }
            a[m + k + k * rows] = root * (scale[j] > 0 ? scale[j] : 1)
        }
        return try LeastSquares.fullRank(Matrix(rows: rows, columns: nf, columnMajor: a), b)
    }

    /// `Σ rᵢ²`.
    private static func sumOfSquares(_ r: [Double]) -> Double { r.reduce(0) { $0 + $1 * $1 } }

    /// `Jᵀ r`.
    private static func gradient(_ e: Evaluation) -> [Double] {
        let m = e.jacobian.rows
        return (0..<e.jacobian.columns).map { j in
            var s = 0.0
            for i in 0..<m { s += e.jacobian.elements[i + j * m] * e.residuals[i] }
            return s
        }
    }

    /// Euclidean norm of each column of `J`.
    private static func columnNorms(_ j: Matrix) -> [Double] {
        (0..<j.columns).map { c in
            var s = 0.0
            for i in 0..<j.rows { s += j.elements[i + c * j.rows] * j.elements[i + c * j.rows] }
            return s.squareRoot()
        }
    }
}
