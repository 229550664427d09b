import Foundation
import NumericCore
import Survival

/// The closed-form marginal log-likelihood of the Weibull AFT with a gamma frailty as a
/// ``NewtonObjective`` over `(β, log σ, log θ)`, on the `log t` scale, with its analytic gradient and
/// Hessian (the information is the negative Hessian).
///
/// With `zᵢⱼ = (yᵢⱼ − xᵢⱼᵀβ)/σ`, `Hᵢⱼ = e^{zᵢⱼ} − e^{z⁰ᵢⱼ}` (`z⁰` at the entry), `Sᵢ = Σⱼ Hᵢⱼ`, `dᵢ` events
/// and `a = 1/θ`, patient `i` contributes
/// `Σⱼ δᵢⱼ (zᵢⱼ − log σ) + Σ_{k<dᵢ} log(1 + kθ) − (a + dᵢ) log(1 + θSᵢ)`
/// (`Γ(a + d)/Γ(a) · θᵈ = Πₖ (1 + kθ)` for integer `d`, exact and stable as `θ → 0`). With
/// `wᵢ = (1 + dᵢθ)/(1 + θSᵢ)`, the posterior mean of the patient's frailty, the derivative in `Sᵢ` is
/// `−wᵢ`, in `Sᵢ` twice `wᵢθ/(1 + θSᵢ)`, in `Sᵢ` and `log θ` `−θ(dᵢ − wᵢSᵢ)/(1 + θSᵢ)`; in `log θ`
/// once `log(1 + θSᵢ)/θ − wᵢSᵢ` and twice `−log(1 + θSᵢ)/θ + Sᵢ/(1 + θSᵢ) − θSᵢ(dᵢ − wᵢSᵢ)/(1 + θSᵢ)`;
/// `e^z` has the derivatives `−e^z x/σ` (β), `−z e^z` (log σ), `e^z xxᵀ/σ²`, `e^z (z + 1) x/σ`, `e^z z (z + 1)`.
package struct GammaFrailtyLikelihood: NewtonObjective {
    package typealias Failure = StatModelError

    /// The grouped episodes.
    package let episodes: GammaFrailtyEpisodes

    package init(episodes: GammaFrailtyEpisodes) {
        self.episodes = episodes
    }

    /// `p + 2`.
    package var parameterCount: Int { episodes.columns + 2 }

    /// The value, and with `derivatives` the gradient and the Hessian; nil where it is not finite.
    /// - Complexity: O(n p²).
    package func evaluate(_ theta: [Double], derivatives: Bool) -> (value: Double, gradient: [Double], hessian: Matrix)? {
        let e = episodes
        let p = e.columns, k = p + 2, q = p + 1  // q: the (β, log σ) block
        guard theta.count == k else { return nil }
        let logSigma = theta[p], sigma = exp(logSigma), frailtyVariance = exp(theta[p + 1])
        var value = 0.0
        var gradient = [Double](repeating: 0, count: k)
        var hessian = Matrix(rows: k, columns: k)
        var sums = [Double](repeating: 0, count: e.patients)
        var sumGradients = [Double](repeating: 0, count: derivatives ? e.patients * q : 0)
        var eta = [Double](repeating: 0, count: e.y.count)
        var row = [Double](repeating: 0, count: p)
        // Pass 1: the episodes' cumulative hazards and the event terms.
        for r in e.y.indices {
            for j in 0..<p { row[j] = e.x[r, j] }
            var m = 0.0
            for j in 0..<p { m += row[j] * theta[j] }
            eta[r] = m
            let z = (e.y[r] - m) / sigma, ez = exp(z)
            var h = ez
            var zeta = -z * ez  // ∂H/∂log σ
            var betaFactor = -ez / sigma  // ∂H/∂β = betaFactor · x
            if e.entry[r].isFinite {
                let z0 = (e.entry[r] - m) / sigma, e0 = exp(z0)
                h -= e0
                zeta += z0 * e0
                betaFactor += e0 / sigma
            }
            let i = e.patient[r]
            sums[i] += h
            if e.event[r] {
                value += z - logSigma
                if derivatives {
                    for j in 0..<p { gradient[j] -= row[j] / sigma }
                    gradient[p] -= z + 1
                    for j in 0..<p { hessian[j, p] += row[j] / sigma }
                    hessian[p, p] += z
                }
            }
            if derivatives {
                for j in 0..<p { sumGradients[i * q + j] += betaFactor * row[j] }
                sumGradients[i * q + p] += zeta
            }
        }
        // The patients' terms.
        var slope = [Double](repeating: 0, count: e.patients)  // ∂ℓ/∂Sᵢ = −wᵢ
        for i in 0..<e.patients {
            let s = sums[i], d = Double(e.events[i])
            guard s.isFinite, s >= 0 else { return nil }
            let a = 1 + frailtyVariance * s, logA = log1p(frailtyVariance * s)
            var kTerm = 0.0, kFirst = 0.0, kSecond = 0.0
            for c in 0..<e.events[i] {
                let kt = Double(c) * frailtyVariance
                kTerm += log1p(kt)
                kFirst += kt / (1 + kt)
                kSecond += kt / ((1 + kt) * (1 + kt))
            }
            value += kTerm - (1 / frailtyVariance + d) * logA
            guard derivatives else { continue }
            let w = (1 + d * frailtyVariance) / a
            slope[i] = -w
            let lSS = w * frailtyVariance / a
            let lSPhi = -frailtyVariance * (d - w * s) / a
            let lPhi = logA / frailtyVariance - w * s
            let lPhiPhi = -logA / frailtyVariance + s / a - frailtyVariance * s * (d - w * s) / a
            gradient[p + 1] += kFirst + lPhi
            hessian[p + 1, p + 1] += kSecond + lPhiPhi
            for u in 0..<q {
                let gu = sumGradients[i * q + u]
                gradient[u] -= w * gu
                hessian[u, p + 1] += lSPhi * gu
                for v in 0...u { hessian[v, u] += lSS * gu * sumGradients[i * q + v] }
            }
        }
        guard value.isFinite else { return nil }
        guard derivatives else { return (value, gradient, hessian) }
        // Pass 2: −wᵢ times each episode's second derivatives of H.
        for r in e.y.indices {
            let weight = slope[e.patient[r]]
            for j in 0..<p { row[j] = e.x[r, j] }
            let z = (e.y[r] - eta[r]) / sigma, ez = exp(z)
            var bb = ez / (sigma * sigma), bs = ez * (z + 1) / sigma, ss = ez * z * (z + 1)
            if e.entry[r].isFinite {
                let z0 = (e.entry[r] - eta[r]) / sigma, e0 = exp(z0)
                bb -= e0 / (sigma * sigma)
                bs -= e0 * (z0 + 1) / sigma
                ss -= e0 * z0 * (z0 + 1)
            }
            for u in 0..<p {
                hessian[u, p] += weight * bs * row[u]
                for v in 0...u { hessian[v, u] += weight * bb * row[u] * row[v] }
            }
            hessian[p, p] += weight * ss
        }
        for u in 0..<k {
            for v in 0..<u { hessian[u, v] = hessian[v, u] }
        }
        guard gradient.allSatisfy(\.isFinite), hessian.elements.allSatisfy(\.isFinite) else { return nil }
        return (value, gradient, hessian)
    }

    package mutating func value(at parameters: [Double]) throws(StatModelError) -> Double {
        evaluate(parameters, derivatives: false)?.value ?? -.infinity
    }

    package mutating func evaluate(_ parameters: [Double]) throws(StatModelError) -> NewtonEvaluation {
        guard let result = evaluate(parameters, derivatives: true) else { return .undefined }
        var information = result.hessian
        for index in information.elements.indices { information.elements[index] = -information.elements[index] }
        return NewtonEvaluation(value: result.value, gradient: result.gradient, information: information)
    }
}
