import Foundation
import NumericCore
import Regression
import Survival

/// The log-likelihood of the Emax AFT model and its analytic gradient and Hessian.
///
/// Parameters `θ = (log E0, Emax, log ED50, [log h], b₁…b_p, log σ)`; location
/// `η = log g(d) + xᵀb` with `g(d) = E0 + Emax·f(d)`, `f = d^h/(ED50^h + d^h) = 1/(1 + e^{−u})`,
/// `u = h (log d − log ED50)` (`f = 0` at `d = 0`). With `z = (log t − η)/σ`, `a`, `a′` the first two
/// `z`-derivatives of `log f₀` (event) or `log S₀` (censored) from the AFT family:
/// `ℓᵢ = log h(z) − [event] log σ`, `∂ℓ/∂η = −a/σ`, `∂²ℓ/∂η² = a′/σ²`, `∂ℓ/∂log σ = −a z − [event]`,
/// `∂²ℓ/∂η∂log σ = (a′z + a)/σ`, `∂²ℓ/∂(log σ)² = a′z² + a z` (as `AFTLikelihood`), and by the chain
/// rule `∂ℓ/∂θⱼ = ∂ℓ/∂η · ∂η/∂θⱼ`, `∂²ℓ/∂θⱼ∂θₖ = ∂²ℓ/∂η² ∂η/∂θⱼ ∂η/∂θₖ + ∂ℓ/∂η ∂²η/∂θⱼ∂θₖ`, where only
/// the curve block of `∂²η` is non-zero: `∂² log g = g_{jk}/g − g_j g_k/g²`.
package struct EmaxAFTLikelihood {
    package let dose: [Double]
    package let logDose: [Double]
    package let x: Matrix
    package let y: [Double]
    package let event: [Bool]
    package let family: LocationScaleFamily
    /// Whether `log h` is a parameter (sigmoid Emax); else `h = 1`.
    package let estimatesHill: Bool
    package let context: String

    package static let blockRows = 4096

    package var rows: Int { y.count }
    package var curveCount: Int { estimatesHill ? 4 : 3 }
    package var covariateCount: Int { x.columns }
    package var parameterCount: Int { curveCount + covariateCount + 1 }
    package var scaleIndex: Int { curveCount + covariateCount }

    package init(dose: [Double], x: Matrix, y: [Double], event: [Bool], family: LocationScaleFamily, estimatesHill: Bool,
         context: String) {
        self.dose = dose
        self.logDose = dose.map { $0 > 0 ? log($0) : 0 }
        self.x = x
        self.y = y
        self.event = event
        self.family = family
        self.estimatesHill = estimatesHill
        self.context = context
    }

    /// The curve `g`, its gradient and Hessian in the curve parameters at one dose (`q = 3` or `4`;
    /// `hessian` is row-major `q × q`).
    package struct CurveDerivatives {
        package var g = 0.0
        package var gradient = [0.0, 0.0, 0.0, 0.0]
        package var hessian = [Double](repeating: 0, count: 16)
    }

    /// `g` and its derivatives at dose `d` (`logD = log d` for `d > 0`).
    package static func curve(d: Double, logD: Double, theta: [Double], estimatesHill: Bool, into c: inout CurveDerivatives) {
        let e0 = exp(theta[0])
        let emax = theta[1]
        let logED50 = theta[2]
        let h = estimatesHill ? exp(theta[3]) : 1
        var f = 0.0, v = 0.0, u = 0.0
        if d > 0 {
            u = h * (logD - logED50)
            let e = exp(-abs(u))
            f = u >= 0 ? 1 / (1 + e) : e / (1 + e)
            v = e / ((1 + e) * (1 + e))
        }
        c.g = e0 + emax * f
        c.gradient[0] = e0
        c.gradient[1] = f
        c.gradient[2] = -emax * h * v
        c.gradient[3] = estimatesHill ? emax * v * u : 0
        for i in 0..<16 { c.hessian[i] = 0 }
        let q = 4
        c.hessian[0] = e0
        c.hessian[1 * q + 2] = -h * v
        c.hessian[2 * q + 1] = -h * v
        c.hessian[2 * q + 2] = emax * h * h * v * (1 - 2 * f)
        if estimatesHill {
            c.hessian[1 * q + 3] = v * u
            c.hessian[3 * q + 1] = v * u
            let cross = -emax * h * v * (1 + (1 - 2 * f) * u)
            c.hessian[2 * q + 3] = cross
            c.hessian[3 * q + 2] = cross
            c.hessian[3 * q + 3] = emax * v * u * (u * (1 - 2 * f) + 1)
        }
    }

    /// Evaluates `ℓ(θ)`, the score `U` and the information `I = −∂²ℓ/∂θ∂θᵀ`.
    ///
    /// - Returns: `ℓ = −∞` (and empty derivatives) when `g ≤ 0` at some dose or a term is not finite.
    /// - Complexity: O(n k²), reading `x` once in row blocks.
    package func evaluate(_ theta: [Double], derivatives wanted: Bool = true) throws(StatModelError)
        -> (logLikelihood: Double, score: [Double], information: Matrix) {
        let n = rows
        let q = curveCount
        let p = covariateCount
        let m = q + p
        let k = parameterCount
        let logSigma = theta[scaleIndex]
        let inverseSigma = exp(-logSigma)
        let beta = Array(theta[q..<(q + p)])
        let xb: [Double]
        if p > 0 {
            let design = x
            xb = try AFTLinearAlgebra.run(context, "the covariate predictor X·b") { () throws(LinearAlgebraError) -> [Double] in
                try design.gemv(beta)
            }
        } else {
            xb = [Double](repeating: 0, count: n)
        }
        var loglik = 0.0
        var score = [Double](repeating: 0, count: k)
        var hessian = Matrix(rows: k, columns: k)   // of ℓ (negated at the end)
        var curveSecond = [Double](repeating: 0, count: 16)
        var scaleCross = [Double](repeating: 0, count: m)
        var scaleScore = 0.0
        var scaleSecond = 0.0
        var c = CurveDerivatives()
        var first = 0
        while first < n {
            let rowsInBlock = min(Self.blockRows, n - first)
            var block = Matrix(rows: rowsInBlock, columns: m)
            var scaled = block
            for r in 0..<rowsInBlock {
                let i = first + r
                Self.curve(d: dose[i], logD: logDose[i], theta: theta, estimatesHill: estimatesHill, into: &c)
                guard c.g > 0, c.g.isFinite else { return (-.infinity, [], Matrix(rows: 0, columns: 0)) }
                let eta = log(c.g) + xb[i]
                let z = (y[i] - eta) * inverseSigma
                let isEvent = event[i]
                let term = isEvent ? family.logDensity(z) : family.logSurvival(z)
                loglik += isEvent ? term.value - logSigma : term.value
                guard wanted else { continue }
                let a = term.first
                let a2 = term.second
                let gEta = -a * inverseSigma
                let hEtaEta = a2 * inverseSigma * inverseSigma
                let hEtaScale = (a2 * z + a) * inverseSigma
                scaleScore += isEvent ? -a * z - 1 : -a * z
                scaleSecond += a2 * z * z + a * z
                let inverseG = 1 / c.g
                for j in 0..<q {
                    let lj = c.gradient[j] * inverseG
                    block.elements[j * rowsInBlock + r] = lj
                    for l in 0...j {
                        let ll = c.gradient[l] * inverseG
                        curveSecond[j * 4 + l] += gEta * (c.hessian[j * 4 + l] * inverseG - lj * ll)
                    }
                }
                for j in 0..<p { block.elements[(q + j) * rowsInBlock + r] = x.elements[j * n + i] }
                for j in 0..<m {
                    let gj = block.elements[j * rowsInBlock + r]
                    score[j] += gEta * gj
                    scaleCross[j] += hEtaScale * gj
                    scaled.elements[j * rowsInBlock + r] = hEtaEta * gj
                }
            }
            if wanted {
                let left = block
                let right = scaled
                let part = try AFTLinearAlgebra.run(context, "the information GᵀDG") { () throws(LinearAlgebraError) -> Matrix in
                    try left.gemm(right, transposeSelf: true)
                }
                for j in 0..<m {
                    for i in 0..<m { hessian[i, j] += part[i, j] }
                }
            }
            first += rowsInBlock
        }
        guard loglik.isFinite else { return (-.infinity, [], Matrix(rows: 0, columns: 0)) }
        guard wanted else { return (loglik, [], Matrix(rows: 0, columns: 0)) }
        for j in 0..<q {
            for l in 0...j {
                hessian[j, l] += curveSecond[j * 4 + l]
                if l != j { hessian[l, j] += curveSecond[j * 4 + l] }
            }
        }
        let s = scaleIndex
        for j in 0..<m {
            hessian[j, s] = scaleCross[j]
            hessian[s, j] = scaleCross[j]
        }
        hessian[s, s] = scaleSecond
        score[s] = scaleScore
        var information = hessian
        for index in information.elements.indices { information.elements[index] = -information.elements[index] }
        return (loglik, score, information)
    }

    /// The per-cluster sums of the per-row scores `sᵢ = ∂ℓᵢ/∂θ` (one cluster per row when `cluster` is nil),
    /// `C × k`, for the sandwich variance.
    ///
    /// - Complexity: O(n k).
    package func clusterScoreSums(_ theta: [Double], cluster: [Int]?) -> Matrix {
        let n = rows
        let q = curveCount
        let p = covariateCount
        let k = parameterCount
        let (codes, count) = cluster.map { AFTRobustVariance.denseCodes($0) } ?? (Array(0..<n), n)
        var sums = Matrix(rows: count, columns: k)
        let inverseSigma = exp(-theta[scaleIndex])
        var c = CurveDerivatives()
        for i in 0..<n {
            Self.curve(d: dose[i], logD: logDose[i], theta: theta, estimatesHill: estimatesHill, into: &c)
            var eta = log(c.g)
            for j in 0..<p { eta += theta[q + j] * x.elements[j * n + i] }
            let z = (y[i] - eta) * inverseSigma
            let term = event[i] ? family.logDensity(z) : family.logSurvival(z)
            let gEta = -term.first * inverseSigma
            let row = codes[i]
            for j in 0..<q { sums[row, j] += gEta * c.gradient[j] / c.g }
            for j in 0..<p { sums[row, q + j] += gEta * x.elements[j * n + i] }
            sums[row, scaleIndex] += event[i] ? -term.first * z - 1 : -term.first * z
        }
        return sums
    }
}
