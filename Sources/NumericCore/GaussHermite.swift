import Foundation

/// The `n`-point Gauss–Hermite rule for `∫ g(x) e^{−x²} dx ≈ Σₖ wₖ g(xₖ)`, exact for polynomials of
/// degree `≤ 2n − 1`, computed by Golub–Welsch: the nodes are the eigenvalues of the symmetric
/// tridiagonal Jacobi matrix of the Hermite polynomials (zero diagonal, off-diagonal `√(k/2)`,
/// `k = 1 … n − 1`), and `wₖ = √π · v₀ₖ²` with `v₀ₖ` the first component of the `k`-th normalised
/// eigenvector (``SymmetricEigen``).
///
/// One node is `x = 0`, `w = √π` (the Laplace approximation when the rule is centred and scaled at a
/// mode, as in adaptive quadrature).
///
/// ```swift
/// let rule = try GaussHermite(nodes: 3)
/// rule.nodes     // [−1.2247…, 0, 1.2247…]
/// rule.weights   // [0.2954…, 1.1816…, 0.2954…]
/// ```
///
/// Golub, G. H. and Welsch, J. H. (1969). Calculation of Gauss quadrature rules. *Mathematics of
/// Computation* 23, 221–230. doi:10.1090/S0025-5718-69-99647-1
public struct GaussHermite: Sendable, Equatable {
    /// The nodes `xₖ`, ascending.
    public let nodes: [Double]
    /// The weights `wₖ` (for the weight function `e^{−x²}`), summing to `√π`.
    public let weights: [Double]

    /// The most nodes a rule may have (beyond it the smallest weights underflow).
    public static let maximumNodes = 100

    /// Computes the rule.
    ///
    /// - Parameter count: The number of nodes, `1 … ``maximumNodes```.
    /// - Throws: `LinearAlgebraError.invalidArgument` for a count outside that range,
    ///   `.noConvergence` when the eigen solver fails.
    /// - Complexity: O(n³) (one symmetric eigen-decomposition).
    public init(nodes count: Int) throws(LinearAlgebraError) {
        guard count >= 1, count <= Self.maximumNodes else {
            throw .invalidArgument("Gauss–Hermite rule: \(count) nodes; use 1 to \(Self.maximumNodes)")
        }
        var jacobi = Matrix(rows: count, columns: count)
        for k in 1..<max(count, 1) {
            let offDiagonal = (Double(k) / 2).squareRoot()
            jacobi[k, k - 1] = offDiagonal
            jacobi[k - 1, k] = offDiagonal
        }
        let eigen = try SymmetricEigen(jacobi)
        let rootPi = Double.pi.squareRoot()
        var nodes = eigen.values
        var weights = (0..<count).map { k -> Double in
            let v = eigen.vectors[0, k]
            return rootPi * v * v
        }
        // The rule is symmetric: make it exactly so (the centre node exactly 0 for odd counts).
        for k in 0..<(count / 2) {
            let mirror = count - 1 - k
            let node = (nodes[mirror] - nodes[k]) / 2
            let weight = (weights[k] + weights[mirror]) / 2
            nodes[k] = -node
            nodes[mirror] = node
            weights[k] = weight
            weights[mirror] = weight
        }
        if count % 2 == 1 { nodes[count / 2] = 0 }
        self.nodes = nodes
        self.weights = weights
    }

    /// The number of nodes.
    public var count: Int { nodes.count }
}
