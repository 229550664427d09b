import Foundation

/// The probability that a zero-mean multivariate normal vector lies in a rectangle,
/// `P(a ≤ X ≤ b)` for `X ~ N(0, Σ)` in up to four dimensions, `Σ` positive definite or singular, by
/// Genz's separation of variables with deterministic adaptive quadrature instead of Monte Carlo.
///
/// With `Σ = L Lᵀ` (a Cholesky factor of rank r, the columns of a dependent row's residual left out)
/// and `X = L Y` (Y standard normal), each row i bounds the last variable it involves, `y_c(i)`:
/// `aᵢ ≤ μᵢ + Lᵢ,c(i) y_c(i) ≤ bᵢ` with `μᵢ = Σₖ<c(i) Lᵢₖ yₖ`. The rows that bound `y_c` give one interval
/// `[l_c, u_c]` (their intersection), and the probability is the iterated integral
/// `∫_{l₁}^{u₁} φ(y₁) ∫_{l₂(y₁)}^{u₂(y₁)} φ(y₂) … (Φ(u_r) − Φ(l_r)) dy…`. The innermost variable is
/// integrated exactly; each outer one in y (clipped to ±9) by a composite 16-point Gauss–Legendre rule
/// whose panels are doubled (1, 2, 4, 8, and 16 below rank 4) until two results agree to 1e-10. (Genz's
/// further substitution `y = Φ⁻¹(Φ(l) + w e)` onto the unit cube suits Monte Carlo but puts boundary
/// layers where the limits lie far in a tail, which a product rule resolves only linearly.) A singular
/// `Σ` (as for the four MaxCombo statistics, where FH(0,0) = FH(1,0) + FH(0,1)) lowers the rank, so its
/// dependent row costs nothing, but the intersections put kinks in the integrand, where the rule
/// converges more slowly. Deterministic: the same input gives the same number. R's
/// `mvtnorm::pmvnorm` computes the same integral by randomised quasi-Monte Carlo (GenzBretz) or, for
/// a non-singular Σ, by Miwa's recursion.
///
/// A. Genz, "Numerical computation of multivariate normal probabilities", *Journal of Computational and
/// Graphical Statistics* 1(2), 141–149 (1992), doi:10.1080/10618600.1992.10477010.
///
/// ```swift
/// let mvn = try MultivariateNormalProbability(covariance: Matrix(rowMajor: [[1, 0.5], [0.5, 1]]))
/// mvn.rectangle(lower: [-.infinity, -.infinity], upper: [0, 0])   // 1/3
/// ```
public struct MultivariateNormalProbability: Sendable {
    /// The m × r factor: row i holds `Lᵢₖ` for the r independent variables.
    let factor: [[Double]]
    /// The variable each row bounds (its last non-zero column).
    let owner: [Int]

    /// The number of dimensions m.
    public var dimension: Int { factor.count }
    /// The rank r of the covariance.
    public var rank: Int { (owner.max() ?? -1) + 1 }

    /// Factors the covariance.
    /// - Parameter covariance: A symmetric positive semidefinite matrix of 1 to 4 rows with a positive
    ///   diagonal (lower triangle read). A row whose residual variance given the rows before it is below
    ///   1e-10 of its variance is treated as a linear function of them.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` outside 1...4 rows or not square,
    ///   `.nonFiniteValue` for NaN or infinite entries, `.notPositiveDefinite` for a diagonal entry that
    ///   is not positive or a clearly negative residual variance.
    public init(covariance: Matrix) throws(LinearAlgebraError) {
        let m = covariance.rows
        guard (1...4).contains(m), covariance.columns == m else {
            throw .dimensionMismatch(
                "the multivariate normal probability takes a 1x1 to 4x4 covariance, got \(m)x\(covariance.columns)")
        }
        var rows = [[Double]](repeating: [Double](repeating: 0, count: m), count: m)
        var owner = [Int](repeating: 0, count: m)
        var pivotRow: [Int] = []          // the row that opened each column
        for i in 0..<m {
            let variance = covariance[i, i]
            guard variance.isFinite else { throw .nonFiniteValue("the covariance of the normal probability") }
            guard variance > 0 else { throw .notPositiveDefinite(leadingMinor: i + 1) }
            var residual = variance
            for (c, p) in pivotRow.enumerated() {
                var value = covariance[Swift.max(i, p), Swift.min(i, p)]
                guard value.isFinite else { throw .nonFiniteValue("the covariance of the normal probability") }
                for k in 0..<c { value -= rows[i][k] * rows[p][k] }
                rows[i][c] = value / rows[p][c]
                residual -= rows[i][c] * rows[i][c]
            }
            if residual > 1e-10 * variance {
                rows[i][pivotRow.count] = residual.squareRoot()
                owner[i] = pivotRow.count
                pivotRow.append(i)
            } else {
                guard residual > -1e-8 * variance else { throw .notPositiveDefinite(leadingMinor: i + 1) }
                let scale = variance.squareRoot()
                owner[i] = (0..<pivotRow.count).last { abs(rows[i][$0]) > 1e-12 * scale } ?? 0
                for c in (owner[i] + 1)..<Swift.max(owner[i] + 1, m) { rows[i][c] = 0 }
            }
        }
        self.factor = rows
        self.owner = owner
    }

    /// `P(lower ≤ X ≤ upper)`.
    /// - Parameters:
    ///   - lower: The lower limits (`-infinity` allowed), one per dimension.
    ///   - upper: The upper limits (`+infinity` allowed).
    /// - Returns: The probability in [0, 1]; NaN when a limit is NaN or the limits' length is wrong.
    /// - Complexity: at most 256^(r − 1) normal cdf evaluations for rank r < 4, 128³ for rank 4; a smooth
    ///   case stops at 16^(r − 1) or 32^(r − 1).
    public func rectangle(lower: [Double], upper: [Double]) -> Double {
        integral(lower: lower, upper: upper, outside: false)
    }

    /// `P(X outside [lower, upper]) = 1 − P(lower ≤ X ≤ upper)`, computed directly (the mass beyond each
    /// variable's interval plus the integral of the inner complements), so that a small value keeps its
    /// relative accuracy (the p-value of a maximum statistic).
    /// - Parameters: as ``rectangle(lower:upper:)``.
    /// - Returns: The probability in [0, 1]; NaN when a limit is NaN or the limits' length is wrong.
    /// - Complexity: as ``rectangle(lower:upper:)``.
    public func outside(lower: [Double], upper: [Double]) -> Double {
        integral(lower: lower, upper: upper, outside: true)
    }

    private func integral(lower: [Double], upper: [Double], outside: Bool) -> Double {
        let m = dimension
        guard lower.count == m, upper.count == m, !lower.contains(where: \.isNaN), !upper.contains(where: \.isNaN) else {
            return .nan
        }
        let r = rank
        var y = [Double](repeating: 0, count: r)
        var nodes: [Double] = []
        var weights: [Double] = []
        /// The interval of y_c allowed by its rows, given y₀…y_{c−1}.
        func interval(_ c: Int) -> (low: Double, high: Double) {
            var low = -Double.infinity, high = Double.infinity
            for i in 0..<m where owner[i] == c {
                var mean = 0.0
                for k in 0..<c { mean += factor[i][k] * y[k] }
                let slope = factor[i][c]
                guard slope != 0 else {
                    if mean < lower[i] || mean > upper[i] { return (0, 0) }
                    continue
                }
                var a = (lower[i] - mean) / slope, b = (upper[i] - mean) / slope
                if slope < 0 { swap(&a, &b) }
                low = Swift.max(low, a)
                high = Swift.min(high, b)
            }
            return (low, high)
        }

        /// Inside: P(rows of levels >= c hold | y₀…y_{c−1}); outside: its complement.
        func level(_ c: Int) -> Double {
            let (low, high) = interval(c)
            guard high > low else { return outside ? 1 : 0 }
            guard c + 1 < r else {
                let beyond = Normal.cdf(low) + Normal.survival(high)
                return outside ? Swift.min(1, beyond) : Swift.max(0, 1 - beyond)
            }
            // φ beyond ±9 is below 1e-18: the outer variables are integrated over the clipped interval
            // (the complement counts the clipped tails exactly).
            let a = Swift.max(low, -9), b = Swift.min(high, 9)
            guard b > a else { return outside ? 1 : 0 }
            var sum = 0.0
            for (x, weight) in zip(nodes, weights) {
                y[c] = a + x * (b - a)
                sum += weight * Normal.density(y[c]) * level(c + 1)
            }
            return (outside ? Normal.cdf(a) + Normal.survival(b) : 0) + (b - a) * sum
        }
        // Composite 16-point Gauss–Legendre panels, doubled until two results agree to 1e-10 (or to 1e-9
        // relative, for a small complement).
        var previous = Double.nan
        for panels in r < 4 ? [1, 2, 4, 8, 16] : [1, 2, 4, 8] {
            nodes = []
            weights = []
            for panel in 0..<panels {
                for (x, weight) in zip(Self.gaussNodes, Self.gaussWeights) {
                    nodes.append((Double(panel) + (x + 1) / 2) / Double(panels))
                    weights.append(weight / 2 / Double(panels))
                }
            }
            let value = level(0)
            defer { previous = value }
            let change = abs(value - previous)
            if change <= 1e-10 && (!outside || change <= 1e-9 * value) || r == 1 { return Swift.min(1, Swift.max(0, value)) }
        }
        return Swift.min(1, Swift.max(0, previous))
    }

    /// The 16-point Gauss–Legendre nodes on [-1, 1], by Newton's method on P₁₆.
    static let gaussNodes: [Double] = legendre.nodes
    /// Their weights.
    static let gaussWeights: [Double] = legendre.weights

    private static let legendre: (nodes: [Double], weights: [Double]) = {
        let n = 16
        var nodes: [Double] = []
        var weights: [Double] = []
        for i in 1...n {
            var x = cos(Double.pi * (Double(i) - 0.25) / (Double(n) + 0.5))
            var derivative = 1.0
            for _ in 0..<100 {
                var p0 = 1.0, p1 = x
                for k in 2...n {
                    let p2 = (Double(2 * k - 1) * x * p1 - Double(k - 1) * p0) / Double(k)
                    p0 = p1
                    p1 = p2
                }
                derivative = Double(n) * (x * p1 - p0) / (x * x - 1)
                let step = p1 / derivative
                x -= step
                if abs(step) < 1e-15 { break }
            }
            nodes.append(x)
            weights.append(2 / ((1 - x * x) * derivative * derivative))
        }
        return (nodes, weights)
    }()
}
