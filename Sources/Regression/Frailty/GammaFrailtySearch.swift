import Foundation

/// R's `frailty.controlgam` (gamma frailty, `method = "em"`): θ = 0, then 1, then half or double, then
/// Brent-like steps on √θ (``brent(_:_:lower:)``, R's `frailty.brent`) maximising the I-likelihood
/// (the penalised log-likelihood plus ``correction(nu:)``, R's `frailty.gammacon`), until it changes by
/// less than 1e-5 relative.
package struct GammaFrailtySearch: FrailtyVarianceSearch {
    package let groupEvents: [Int]
    package let epsilon = 1e-5
    package private(set) var thetas: [Double] = []
    package private(set) var marginals: [Double] = []
    package var initialTheta: Double { 0 }
    package var marginalLogLikelihood: Double? { marginals.last }

    package init(groupEvents: [Int]) {
        self.groupEvents = groupEvents
    }

    package mutating func next(after step: FrailtyOuterStep) throws(FrailtySearchError) -> (theta: Double, done: Bool) {
        let theta = step.theta
        let correct = theta == 0 ? 0 : correction(nu: 1 / theta)
        thetas.append(theta)
        marginals.append(step.penalizedLogLikelihood + correct)
        let iter = thetas.count
        if iter == 1 { return (1, false) }
        if iter == 2 {
            return (marginals[1] < marginals[0] + 1 ? (thetas[0] + thetas[1]) / 2 : 2 * thetas[1], false)
        }
        let done = abs(1 - marginals[iter - 1] / marginals[iter - 2]) < epsilon
        let best = marginals.max() ?? 0
        let largest = thetas.max() ?? 0
        if marginals[iter - 1] == best && thetas[iter - 1] == largest { return (2 * largest, done) }
        let root = try Self.brent(thetas.map { $0.squareRoot() }, marginals, lower: 0)
        return (root * root, done)
    }

    /// R's `frailty.gammacon`: the I-likelihood less the penalised likelihood, for `nu` = 1/θ.
    /// - Complexity: O(groups + events).
    package func correction(nu: Double) -> Double {
        let maxd = groupEvents.max() ?? 0
        var term1 = 0.0
        if nu > 1e7 * Double(maxd) {
            for d in groupEvents { term1 += Double(d * d) }
            term1 /= nu
        } else {
            for d in groupEvents { term1 += Double(d) + nu * log(nu / (nu + Double(d))) }
        }
        var term2 = 0.0
        for d in groupEvents where d > 0 {
            for k in 0..<d { term2 += log((nu + Double(k)) / (nu + Double(d))) }
        }
        return term1 + term2
    }

    /// R's `frailty.brent`: the next guess of the maximiser of `y(x)` from the points so far.
    package static func brent(_ x: [Double], _ y: [Double], lower: Double) throws(FrailtySearchError) -> Double {
        let n = x.count
        if n < 3 { return x.reduce(0, +) / Double(max(n, 1)) }
        let order = x.indices.sorted { x[$0] < x[$1] }
        let xx = order.map { x[$0] }, yy = order.map { y[$0] }
        let top = y.max() ?? 0
        let bests = yy.indices.filter { yy[$0] == top }
        guard bests.count == 1, let best = bests.first else {
            throw FrailtySearchError(message: "two values of the variance give the same marginal likelihood")
        }
        if best == 0 {
            var new = xx[0] - 3 * (xx[1] - xx[0])
            if new < lower { new = lower + ((xx.filter { $0 > lower }.min() ?? lower) - lower) / 10 }
            return new
        }
        if best == n - 1 { return xx[n - 1] + 3 * (xx[n - 1] - xx[n - 2]) }
        let x1 = xx[best - 1], x2 = xx[best], x3 = xx[best + 1]
        let y1 = yy[best - 1], y2 = yy[best], y3 = yy[best + 1]
        let temp1 = (x2 - x1) * (x2 - x1) * (y2 - y3) - (x2 - x3) * (x2 - x3) * (y2 - y1)
        let temp2 = (x2 - x1) * (y2 - y3) - (x2 - x3) * (y2 - y1)
        let new = x2 - 0.5 * temp1 / temp2
        if new < x1 || new > x3 || (n > 4 && (new - x[n - 1]) > 0.5 * abs(x[n - 2] - x[n - 3])) {
            return (x2 - x1) > (x3 - x2) ? x2 - 0.38 * (x2 - x1) : x2 + 0.32 * (x3 - x2)
        }
        return new
    }
}
