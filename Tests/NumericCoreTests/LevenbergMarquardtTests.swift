import Foundation
@testable import NumericCore
import Testing

/// Rosenbrock as least squares: r = (10 (x₁ − x₀²), 1 − x₀); minimum 0 at (1, 1).
private func rosenbrock(_ x: [Double]) -> LevenbergMarquardt.Evaluation {
    let j = (try? Matrix(rowMajor: [[-20 * x[0], 10], [-1, 0]])) ?? Matrix(rows: 2, columns: 2)
    return .init(residuals: [10 * (x[1] - x[0] * x[0]), 1 - x[0]], jacobian: j)
}

@Suite("Levenberg-Marquardt")
struct LevenbergMarquardtTests {
    @Test("Rosenbrock from (-1.2, 1) reaches (1, 1) within 1e-8")
    func rosenbrockUnbounded() throws {
        let fit = try LevenbergMarquardt().minimize(start: [-1.2, 1], rosenbrock)
        #expect(fit.converged)
        #expect(abs(fit.parameters[0] - 1) < 1e-8)
        #expect(abs(fit.parameters[1] - 1) < 1e-8)
        #expect(fit.sumOfSquares < 1e-16)
        #expect(fit.atBound == [false, false])
    }

    @Test("Rosenbrock with x0 <= 0.5: optimum on the bound, x1 = 0.25, flagged")
    func rosenbrockBounded() throws {
        // With x0 fixed at 0.5 the best x1 is x0² = 0.25; the gradient in x0 points past the bound.
        let fit = try LevenbergMarquardt().minimize(start: [-1.2, 1], lower: [-2, -2], upper: [0.5, 2], rosenbrock)
        #expect(fit.converged)
        #expect(abs(fit.parameters[0] - 0.5) < 1e-12)
        #expect(abs(fit.parameters[1] - 0.25) < 1e-8)
        #expect(abs(fit.sumOfSquares - 0.25) < 1e-10)
        #expect(fit.atBound == [true, false])
    }

    @Test("Exponential decay fit recovers the parameters of exact data within 1e-8")
    func exponentialDecay() throws {
        let t = (0..<12).map { Double($0) * 0.5 }
        let y = t.map { 3 * exp(-0.7 * $0) + 0.5 }
        let fit = try LevenbergMarquardt().minimize(start: [1, 0.1, 0], lower: [0, 0.01, -10], upper: [10, 5, 10]) { p in
            var j = Matrix(rows: t.count, columns: 3)
            let r = t.indices.map { i -> Double in
                let e = exp(-p[1] * t[i])
                j[i, 0] = e
                j[i, 1] = -p[0] * t[i] * e
                j[i, 2] = 1
                return p[0] * e + p[2] - y[i]
            }
            return .init(residuals: r, jacobian: j)
        }
        #expect(fit.converged)
        for (a, b) in zip(fit.parameters, [3, 0.7, 0.5]) { #expect(abs(a - b) < 1e-8) }
        #expect(fit.atBound == [false, false, false])
    }

    @Test("A linear problem whose unconstrained optimum lies outside the box stops on the bound")
    func linearOnBound() throws {
        // r = x - 5 with x in [0, 2]: optimum x = 2, RSS 9.
        let fit = try LevenbergMarquardt().minimize(start: [1], lower: [0], upper: [2]) { x in
            .init(residuals: [x[0] - 5], jacobian: Matrix(diagonal: [1]))
        }
        #expect(abs(fit.parameters[0] - 2) < 1e-14)
        #expect(abs(fit.sumOfSquares - 9) < 1e-12)
        #expect(fit.atBound == [true])
        #expect(fit.converged)
    }

    @Test("Malformed problems throw typed errors")
    func errors() {
        let lm = LevenbergMarquardt()
        #expect(throws: LevenbergMarquardtError.self) { try lm.minimize(start: [], rosenbrock) }
        #expect(throws: LevenbergMarquardtError.self) {
            try lm.minimize(start: [3, 0], lower: [-1, -1], upper: [1, 1], rosenbrock)
        }
        #expect(throws: LevenbergMarquardtError.self) { try lm.minimize(start: [0, 0], lower: [0], upper: [1], rosenbrock) }
        do {
            _ = try lm.minimize(start: [0]) { _ in .init(residuals: [.nan], jacobian: Matrix(diagonal: [1])) }
            Issue.record("expected a bad evaluation error")
        } catch {
            guard case .badEvaluation(let iteration, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(iteration == 0)
        }
        do {
            _ = try lm.minimize(start: [0, 0]) { _ in .init(residuals: [1, 2], jacobian: Matrix(diagonal: [1])) }
            Issue.record("expected a size error")
        } catch {
            guard case .badEvaluation = error else { Issue.record("wrong error \(error)"); return }
        }
    }

    @Test("Non-finite trial points are rejected, not fatal")
    func nonFiniteTrial() throws {
        // r = log(x) - 1 is NaN for x < 0; a big first step may land there.
        let fit = try LevenbergMarquardt(initialDamping: 1e-12).minimize(start: [0.05]) { x in
            .init(residuals: [log(x[0]) - 1], jacobian: Matrix(diagonal: [1 / x[0]]))
        }
        #expect(abs(fit.parameters[0] - exp(1)) < 1e-8)
    }
}
