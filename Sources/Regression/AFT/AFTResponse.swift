import Foundation
import NumericCore
import Survival

/// The response side of an AFT model, shared by every location model: times and their transform
/// `y = g(t)`, events, case weights, the distribution (family and fixed scale) and the log-Jacobian
/// that takes the log-likelihood from the `y` scale to the time scale (R's `logcorrect`).
package struct AFTResponse: Sendable {
    /// Follow-up times `t > 0`.
    package let time: [Double]
    /// `y = g(t)` (log time for the built-in distributions).
    package let y: [Double]
    /// Event indicators.
    package let event: [Bool]
    /// Case weights (1 when none were given).
    package let weights: [Double]
    /// The distribution.
    package let distribution: AFTDistribution
    /// The relative log-likelihood tolerance (used by R's intercept-only start).
    package let epsilon: Double
    /// The name of the fit in error messages.
    package private(set) var context: String
    /// `Σ_events wᵢ log g′(tᵢ)`: time-scale log-likelihood = `y`-scale log-likelihood + this.
    package let logCorrection: Double
    /// `g(startᵢ)` of left-truncated rows `(start, stop]` (`−∞` for a start of 0, which truncates
    /// nothing), nil without entry times: the likelihood is then conditional on survival to the entry,
    /// `ℓᵢ − log S₀((g(startᵢ) − μᵢ)/σ)`.
    package private(set) var entryY: [Double]? = nil
    /// The entry times themselves (`startᵢ`), nil without entry times: for a sub-fit on the same rows.
    package private(set) var entryTime: [Double]? = nil

    /// Transforms the times.
    ///
    /// - Parameters:
    ///   - time: Times (already checked positive and finite by the model).
    ///   - event: Event indicators.
    ///   - weights: Case weights or nil.
    ///   - distribution: The distribution.
    ///   - epsilon: The relative tolerance.
    ///   - context: The fit's name for messages.
    /// - Throws: `.nonFiniteValue` when the transform of a time is not finite.
    /// - Complexity: O(n).
    package init(time: [Double], event: [Bool], weights: [Double]?, distribution: AFTDistribution, epsilon: Double,
                 context: String) throws(StatModelError) {
        let transform = distribution.transform
        let y = time.map { transform.forward($0) }
        for (i, value) in y.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "\(transform.name)(time)", index: i)
        }
        let w = weights ?? [Double](repeating: 1, count: time.count)
        var correction = 0.0
        for i in 0..<time.count where event[i] { correction += w[i] * transform.logDerivative(time[i]) }
        self.time = time
        self.y = y
        self.event = event
        self.weights = w
        self.distribution = distribution
        self.epsilon = epsilon
        self.context = context
        self.logCorrection = correction
    }

    /// The same response with entry times (left truncation at `start`, each below its time).
    ///
    /// - Throws: `.invalidArgument` for a start that is not finite, negative, or not below its time.
    /// - Complexity: O(n).
    package func truncated(at start: [Double]?) throws(StatModelError) -> AFTResponse {
        guard let start else { return self }
        guard start.count == time.count else {
            throw .lengthMismatch(context: context, argument: "start", expected: time.count, found: start.count)
        }
        var copy = self
        copy.entryTime = start
        copy.entryY = try start.enumerated().map { (i, value) throws(StatModelError) -> Double in
            guard value.isFinite, value >= 0, value < time[i] else {
                throw .invalidArgument(context: context, message: "start \(value) of row \(i) (0-based) is not a time >= 0 below its stop \(time[i]).")
            }
            return value == 0 ? -.infinity : distribution.transform.forward(value)
        }
        return copy
    }

    /// The same response named `context` in messages (e.g. for the intercept-only fit).
    package func renamed(_ context: String) -> AFTResponse {
        var copy = self
        copy.context = context
        return copy
    }

    /// The number of rows.
    package var rows: Int { y.count }
    /// The error family.
    package var family: LocationScaleFamily { distribution.family }
    /// The fixed `log σ`, nil when it is estimated.
    package var fixedLogScale: Double? { distribution.fixedScale.map { log($0) } }
    /// The number of events.
    package var events: Int { event.reduce(0) { $0 + ($1 ? 1 : 0) } }
    /// `Σ wᵢ`.
    package var totalWeight: Double { weights.reduce(0, +) }
}
