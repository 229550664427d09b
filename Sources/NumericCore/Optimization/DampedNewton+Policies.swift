import Foundation

extension DampedNewton {
    /// When the iteration has converged.
    public enum Convergence: Sendable, Equatable {
        /// At a new trial point `θ_t` (finite value, gradient and information):
        /// `|1 − ℓ(θ_a) / ℓ(θ_t)| ≤ epsilon`, `θ_a` the last accepted point (R `coxph` and `survreg`).
        /// With `whileHalving: false` the rule is not applied to a point reached by step halving
        /// (`survreg6`); `coxfit6` applies it to any trial point (`true`).
        case relativeChange(epsilon: Double, whileHalving: Bool)
        /// At an accepted point: the Newton decrement `Uᵀ I⁻¹ U / 2 ≤ tolerance` (objective units), i.e.
        /// the predicted gain of another Newton step.
        ///
        /// With `flatSteps > 0` the iteration also stops, not converged (``DampedNewtonResult/Stop/flatRidge``),
        /// after `flatSteps` consecutive accepted steps that each raised the objective by at most
        /// ``DampedNewton/flatGain`` `· max(1, |ℓ|)` (survreg's relative convergence tolerance) without
        /// meeting the decrement rule. Near a maximum Newton converges quadratically, so such a run means
        /// the objective keeps rising along a flat ridge towards a supremum it does not attain (a one-step
        /// Emax fit whose E0 runs to 0 when every dose lies on the plateau); more iterations would only
        /// walk along it.
        case newtonDecrement(tolerance: Double, flatSteps: Int = 0)
    }

    /// What happens to a trial point that lowers the objective (or where it is not defined).
    public enum StepHalving: Sendable, Equatable {
        /// R `coxfit6`: once per iteration the trial is pulled back to `(θ_t + j θ_a) / (j + 1)`,
        /// `j = 1, 2, …` counting the consecutive pull-backs; the new point is evaluated in the next
        /// iteration, so each pull-back uses one iteration.
        case progressive
        /// R `survreg6`: within one iteration the trial is halved towards `θ_a` until it is no worse,
        /// at most `maxTries` times; the first halving after an accepted step keeps coordinate
        /// `cap.index` from falling more than `cap.maxDecrease` below `θ_a` (the `log σ` rule).
        case halving(maxTries: Int, cap: Cap?)
        /// Backtracking: the trials `θ_a + 2⁻ʲ δ` (`j = 0 … maxTries − 1`, clipped to the bounds) are
        /// evaluated (value only) until one has `ℓ ≥ ℓ(θ_a) − slack · |ℓ(θ_a)|`. When none has, the
        /// iteration stops ("stalled"), converged when every free gradient entry is below
        /// `stallTolerance · max(1, |ℓ(θ_a)|)` in absolute value.
        case backtracking(maxTries: Int, slack: Double, stallTolerance: Double)
    }

    /// A limit on how far one coordinate may fall in the first halving (``StepHalving/halving(maxTries:cap:)``).
    public struct Cap: Sendable, Equatable {
        /// The coordinate.
        public var index: Int
        /// The largest decrease below the accepted value.
        public var maxDecrease: Double
    }

    /// How the Newton step `δ` with `I δ = U` is solved (on the free coordinates).
    public enum StepSolver: Sendable, Equatable {
        /// R `cholesky2`/`chsolve2` (``TolerantCholesky``): coordinates whose pivot falls below
        /// `tolerance · max I_jj` are dropped (their step is 0). Never fails.
        case tolerantCholesky(tolerance: Double)
        /// R `survreg6`: Cholesky of `I`; when `I` is not positive definite, Cholesky of the objective's
        /// outer product of scores `J`; then a symmetric-indefinite (Bunch–Kaufman) solve with `I`, whose
        /// failure ends the optimisation (``DampedNewtonResult/Stop/stepFailed(_:)``).
        case survreg
        /// Cholesky of `I`; when it fails, of `I + λ diag(max(|I_jj|, 10⁻⁸))` with
        /// `λ = initialRidge · growthⁱ`, `i < attempts` (Levenberg–Marquardt); when all fail, the
        /// gradient scaled to a largest entry of at most 1.
        case ridgedCholesky(initialRidge: Double, growth: Double, attempts: Int)
    }

    /// Which point is returned when the iteration limit is reached.
    public enum FinalPoint: Sendable, Equatable {
        /// The last accepted (best) point (R `coxfit6`).
        case accepted
        /// The last trial point when the objective is finite there, else the last accepted point
        /// (R `survreg6`, which returns its last iterate).
        case lastTrial
    }

    /// A box constraint `lower ≤ θ_index ≤ upper`, enforced by clipping every trial point.
    public struct Bound: Sendable, Equatable {
        /// The coordinate.
        public var index: Int
        /// The lower limit.
        public var lower: Double
        /// The upper limit.
        public var upper: Double

        /// Creates a bound.
        ///
        /// - Parameters:
        ///   - index: The coordinate (0-based).
        ///   - lower: The lower limit.
        ///   - upper: The upper limit, `≥ lower`.
        public init(index: Int, lower: Double, upper: Double) {
            self.index = index
            self.lower = lower
            self.upper = upper
        }
    }

    /// R `coxph`'s iteration (`coxfit6` with `coxph.control` defaults): relative change of the log
    /// partial likelihood, progressive step halving, tolerant Cholesky, the best point at the limit.
    ///
    /// - Parameters:
    ///   - maxIterations: R's `iter.max` (20).
    ///   - epsilon: R's `eps` (1e-9).
    ///   - choleskyTolerance: R's `toler.chol` (`.Machine$double.eps^0.75`).
    /// - Returns: The optimiser.
    public static func coxph(maxIterations: Int = 20, epsilon: Double = 1e-9,
                             choleskyTolerance: Double = pow(Double.ulpOfOne, 0.75)) -> DampedNewton {
        DampedNewton(maxIterations: maxIterations, convergence: .relativeChange(epsilon: epsilon, whileHalving: true),
                     halving: .progressive, solver: .tolerantCholesky(tolerance: choleskyTolerance), finalPoint: .accepted)
    }

    /// R `survreg`'s iteration (`survreg6` with `survreg.control` defaults): relative change of the
    /// log-likelihood (not during halving), up to 5 halvings per iteration with the `log σ` cap of 1.1,
    /// Cholesky with R's fall-backs, the last iterate at the limit.
    ///
    /// - Parameters:
    ///   - maxIterations: R's `maxiter` (30).
    ///   - epsilon: R's `rel.tolerance` (1e-9).
    ///   - logScaleIndex: The coordinate of `log σ`, nil when the scale is fixed.
    /// - Returns: The optimiser.
    public static func survreg(maxIterations: Int = 30, epsilon: Double = 1e-9, logScaleIndex: Int?) -> DampedNewton {
        DampedNewton(maxIterations: maxIterations, convergence: .relativeChange(epsilon: epsilon, whileHalving: false),
                     halving: .halving(maxTries: 5, cap: logScaleIndex.map { Cap(index: $0, maxDecrease: 1.1) }),
                     solver: .survreg, finalPoint: .lastTrial)
    }

    /// A safeguarded Newton iteration for nonlinear models: Newton-decrement convergence, backtracking
    /// (40 halvings, accepting `ℓ ≥ ℓ_old − 10⁻¹² |ℓ_old|`), a Levenberg–Marquardt ridge when the
    /// information is not positive definite, box bounds by clipping.
    ///
    /// - Parameters:
    ///   - maxIterations: Accepted steps allowed.
    ///   - tolerance: The Newton-decrement tolerance.
    ///   - bounds: Box constraints.
    ///   - flatSteps: Stop, not converged, after this many consecutive flat steps (0: never); see
    ///     ``Convergence/newtonDecrement(tolerance:flatSteps:)``.
    /// - Returns: The optimiser.
    public static func backtracking(maxIterations: Int = 100, tolerance: Double = 1e-9,
                                    bounds: [Bound] = [], flatSteps: Int = 0) -> DampedNewton {
        DampedNewton(maxIterations: maxIterations, convergence: .newtonDecrement(tolerance: tolerance, flatSteps: flatSteps),
                     halving: .backtracking(maxTries: 40, slack: 1e-12, stallTolerance: 1e-6),
                     solver: .ridgedCholesky(initialRidge: 1e-4, growth: 10, attempts: 12), bounds: bounds,
                     finalPoint: .accepted)
    }
}
