/// The result of a minimum-norm least-squares solve by the SVD (`LeastSquares.minimumNorm(_:_:relativeTolerance:)`).
public struct LeastSquaresSolution: Sendable, Equatable {
    /// The solution `X`, `n × k` (one column per right-hand side).
    public let solution: Matrix
    /// The effective rank of `A`: singular values above `relativeTolerance · σ_max`.
    public let rank: Int
    /// The singular values of `A` in decreasing order.
    public let singularValues: [Double]

    /// The first (usually only) solution column.
    public var coefficients: [Double] { solution.column(0) ?? [] }
}
