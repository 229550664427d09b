import DataIO
import Foundation
import NumericCore
import Regression
import Survival
import Testing

/// Predictions of the random-intercept AFT (`relief predict weibull ... + frailty(id) [--patient ID]`):
/// a patient's own curve is the AFT curve at `xᵀβ + b̂ᵢ` with `Var(b̂ᵢ) = ŝᵢ²` added to the delta method;
/// a new patient's is the marginal over `b ~ N(0, τ²)`: for the log-normal `1 − Φ((log t − xᵀβ)/√(σ² + τ²))`
/// in closed form, for the Weibull checked against a fine trapezoid rule over `b` written here.
@Suite("Random-intercept AFT predictions")
struct RandomInterceptPredictionTests {
    static func fit(_ family: String) throws -> (RandomInterceptAFTFit, RegressionData) {
        let data = try RandomInterceptAFTReferenceTests.data(family == "lognormal" ? "ri_lognormal" : "ri_weibull")
        let distribution = try #require(AFTDistribution.named(family))
        return (try RandomInterceptAFT(distribution: distribution, quadratureNodes: 15).fit(data), data)
    }

    static let row = [1, 0.5, 1.0]
    static let times = [1.0, 3, 8]

    static func predict(_ fit: RandomInterceptAFTFit, _ data: RegressionData, patient: String?) throws -> SurvivalProfilePrediction {
        let x = try Matrix(rows: 1, columns: 3, columnMajor: row)
        let request = PredictionRequest(times: times, probabilities: [0.5], tau: 8, patient: patient)
        return try #require(try fit.predict(RegressionProfiles(x: x), request: request, data: data).first)
    }

    @Test("log-normal: the marginal curve and median in closed form; a patient's curve and SE by hand")
    func lognormal() throws {
        let (fit, data) = try Self.fit("lognormal")
        let mu = zip(Self.row, fit.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        let total = (fit.scale * fit.scale + fit.tau * fit.tau).squareRoot()
        let population = try Self.predict(fit, data, patient: nil)
        for s in population.survival {
            let expected = Normal.survival((log(s.time) - mu) / total)
            #expect(abs(s.estimate - expected) < 1e-10, "S(\(s.time)) \(s.estimate) vs \(expected)")
            #expect(s.standardError > 0 && s.lower < s.estimate && s.estimate < s.upper)
        }
        let median = try #require(population.median?.estimate ?? nil)
        #expect(abs(median - exp(mu)) < 1e-8 * exp(mu))

        let patient = try #require(fit.patients.first)
        let effect = try #require(fit.patientEffect(patient, data: data))
        let own = try Self.predict(fit, data, patient: patient)
        let p = fit.coefficientCount
        for s in own.survival {
            let z = (log(s.time) - mu - effect.estimate) / fit.scale
            #expect(abs(s.estimate - Normal.survival(z)) < 1e-12)
            // Gradient in (β, log σ) and in b; Var(b̂) on its own.
            let density = exp(-z * z / 2) / (2 * Double.pi).squareRoot()
            let g = Self.row.map { density * $0 / fit.scale } + [density * z]
            var variance = effect.variance * (density / fit.scale) * (density / fit.scale)
            for i in 0...p { for j in 0...p { variance += g[i] * fit.variance[i, j] * g[j] } }
            #expect(abs(s.standardError - variance.squareRoot()) < 1e-12, "se S(\(s.time))")
        }
        #expect(abs((own.median?.estimate ?? 0) - exp(mu + effect.estimate)) < 1e-9 * exp(mu + effect.estimate))
        #expect(effect.episodes > 0 && effect.scale == .logTime)
    }

    @Test("Weibull: the marginal curve equals a fine trapezoid rule over the patient's intercept")
    func weibull() throws {
        let (fit, data) = try Self.fit("weibull")
        let mu = zip(Self.row, fit.coefficients).reduce(0) { $0 + $1.0 * $1.1 }
        let population = try Self.predict(fit, data, patient: nil)
        for s in population.survival {
            let steps = 40_000
            let width = 24 * fit.tau / Double(steps)
            var total = 0.0
            for k in 0...steps {
                let b = -12 * fit.tau + Double(k) * width
                let density = exp(-b * b / (2 * fit.tau * fit.tau)) / (fit.tau * (2 * Double.pi).squareRoot())
                let value = exp(-exp((log(s.time) - mu - b) / fit.scale)) * density
                total += (k == 0 || k == steps ? 0.5 : 1) * value * width
            }
            #expect(abs(s.estimate - total) < 1e-9, "S(\(s.time)) \(s.estimate) vs \(total)")
        }
        let mean = try #require(population.restrictedMean)
        #expect(mean.estimate > 0 && mean.estimate < 8 && mean.standardError > 0)
    }
}
