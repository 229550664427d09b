/// R's `frailty.controlgauss` (gaussian frailty, `method = "reml"`): θ solves
/// `Σwᵍ² / (G − tr(H⁻¹)_{ff}/θ) = θ`; θ = 1, then ×3 or ÷3, then doubling, halving or bisection until the
/// residual changes sign, then Brent's inverse-quadratic step (Numerical Recipes, as R) until
/// |residual| < √1e-9 (R matches `eps` to `eps2 = sqrt(control$eps)` by partial matching).
package struct GaussianFrailtySearch: FrailtyVarianceSearch {
    package let epsilon = (1e-9).squareRoot()
    package private(set) var thetas: [Double] = []
    package private(set) var residuals: [Double] = []
    package var initialTheta: Double { 1 }
    package var marginalLogLikelihood: Double? { nil }

    package init() {}

    package mutating func next(after step: FrailtyOuterStep) throws(FrailtySearchError) -> (theta: Double, done: Bool) {
        let theta = step.theta
        let groups = Double(step.frailty.count)
        let sum = step.frailty.reduce(0) { $0 + $1 * $1 }
        let resid = sum / (groups - step.traceH / theta) - theta
        thetas.append(theta)
        residuals.append(resid)
        let iter = thetas.count
        if iter == 1 { return (resid > 0 ? theta * 3 : theta / 3, false) }
        if iter == 2 {
            if residuals.allSatisfy({ $0 > 0 }) { return (thetas[1] * 2, false) }
            if residuals.allSatisfy({ $0 < 0 }) { return (thetas[1] / 2, false) }
            return ((thetas[0] + thetas[1]) / 2, false)
        }
        let done = abs(resid) < epsilon
        let order = thetas.indices.sorted { thetas[$0] < thetas[$1] }
        let tx = order.map { thetas[$0] }, ty = order.map { residuals[$0] }
        if ty.allSatisfy({ $0 > 0 }) { return (2 * (tx.last ?? theta), done) }
        if ty.allSatisfy({ $0 < 0 }) { return (0.5 * (tx.first ?? theta), done) }
        var b1 = order.firstIndex(of: iter - 1) ?? 0
        if b1 == 0 { b1 = 1 } else if b1 == iter - 1 { b1 = iter - 2 }
        let r = ty[b1] / ty[b1 + 1]
        let s = ty[b1] / ty[b1 - 1]
        let u = r / s
        let pp = s * (u * (r - u) * (tx[b1 + 1] - tx[b1]) - (1 - r) * (tx[b1] - tx[b1 - 1]))
        let q = (u - 1) * (r - 1) * (s - 1)
        var new = tx[b1] + pp / q
        if new > tx[b1 + 1] { new = (tx[b1] + tx[b1 + 1]) / 2 }
        if new < tx[b1 - 1] { new = (tx[b1] + tx[b1 - 1]) / 2 }
        return (new, done)
    }
}
