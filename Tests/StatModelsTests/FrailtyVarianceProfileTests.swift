@testable import Regression
import Survival
import Testing

/// The profile-likelihood search for θ on a made-up I-likelihood, `I(θ) = −10 (√θ − 1)²` (maximum 0 at
/// θ = 1): the 95% limits solve `10 (√θ − 1)² = χ²₁(0.95)/2`, i.e. `√θ = 1 ∓ √(0.1920729…)`. A likelihood
/// that turns NaN inside the bracket leaves the fit without an interval (an error the fit turns into nil),
/// never a crash.
@Suite struct FrailtyVarianceProfileTests {
    static func profile(_ marginal: @escaping @Sendable (Double) -> Double) -> FrailtyVarianceProfile {
        FrailtyVarianceProfile(
            marginal: { (theta: Double, start: (beta: [Double], frailty: [Double])) throws(StatModelError) in
                (marginal(theta), start.beta, start.frailty)
            },
            known: [0.0, 1.0, 2.0].map { (theta: $0, marginal: marginal($0), beta: [0], frailty: [0]) })
    }

    @Test func limitsOfAQuadraticProfile() throws {
        let curve: @Sendable (Double) -> Double = { -10 * ($0.squareRoot() - 1) * ($0.squareRoot() - 1) }
        var profile = Self.profile(curve)
        let interval = try profile.interval(estimate: 1, best: 0, level: 0.95)
        let half = (ChiSquaredHalf.value / 10).squareRoot()
        #expect(abs(interval.lowerBound - (1 - half) * (1 - half)) < 1e-6, "\(interval)")
        #expect(abs(interval.upperBound - (1 + half) * (1 + half)) < 1e-6, "\(interval)")
    }

    @Test func aNaNInsideTheBracketIsAnErrorNotACrash() {
        let curve: @Sendable (Double) -> Double = { theta in
            theta > 0.05 && theta < 0.9 ? .nan : -10 * (theta.squareRoot() - 1) * (theta.squareRoot() - 1)
        }
        var profile = Self.profile(curve)
        #expect(throws: StatModelError.self) { try profile.interval(estimate: 1, best: 0, level: 0.95) }
    }
}

/// χ²₁(0.95)/2 = 1.920729…
enum ChiSquaredHalf {
    static let value = 3.841458820694124 / 2
}
