/// The columns that make a design matrix rank-deficient, found before any model is fitted so that a
/// caller can name them (it knows the column names; this type knows only 0-based indices).
///
/// A column is *constant* when all its values are equal and it is either all zero or not the first
/// non-zero constant column (the first one is the intercept). Among the other columns, a column is
/// *collinear* when it is a linear combination of the columns kept before it: its residual norm after
/// projection on them, relative to its own norm, is below `tolerance` (R's `qr` default 1e-7; judged in
/// order, as R's `lm` aliases the later column). The test works on the normalised cross-product `XᵀX`
/// with one Cholesky factorisation per column.
///
/// ```swift
/// let bad = try DegenerateColumns(x)
/// let offending = bad.constant.map { names[$0] } + bad.collinear.map { names[$0] }
/// ```
public struct DegenerateColumns: Sendable, Equatable {
    /// 0-based indices of constant columns.
    public let constant: [Int]
    /// 0-based indices of columns collinear with earlier columns.
    public let collinear: [Int]
    /// The relative tolerance used.
    public let tolerance: Double

    /// Whether the design has full column rank.
    public var isEmpty: Bool { constant.isEmpty && collinear.isEmpty }

    /// Examines `x`.
    ///
    /// - Parameters:
    ///   - x: An `n × p` finite design matrix.
    ///   - tolerance: Relative residual norm below which a column counts as collinear.
    /// - Throws: `LinearAlgebraError` if `XᵀX` cannot be formed (a malformed matrix).
    /// - Complexity: O(n p²) for `XᵀX` plus O(p⁴) for the per-column factorisations.
    public init(_ x: Matrix, tolerance: Double = 1e-7) throws(LinearAlgebraError) {
        let n = x.rows
        let p = x.columns
        var constant: [Int] = []
        var sawNonzeroConstant = false
        for j in 0..<p {
            let column = x.elements[(j * n)..<((j + 1) * n)]
            guard let first = column.first else { continue }
            if column.allSatisfy({ $0 == first }) {
                if first == 0 || sawNonzeroConstant { constant.append(j) } else { sawNonzeroConstant = true }
            }
        }
        let gram = try x.crossProduct()
        var kept: [Int] = []
        var collinear: [Int] = []
        for j in 0..<p where !constant.contains(j) {
            let candidate = kept + [j]
            let m = candidate.count
            var sub = Matrix(rows: m, columns: m)
            for (b, cb) in candidate.enumerated() {
                for (a, ca) in candidate.enumerated() {
                    sub[a, b] = gram[ca, cb] / (gram[ca, ca] * gram[cb, cb]).squareRoot()
                }
            }
            if let factor = try? Cholesky(sub), factor.factor[m - 1, m - 1] > tolerance {
                kept.append(j)
            } else {
                collinear.append(j)
            }
        }
        self.constant = constant
        self.collinear = collinear
        self.tolerance = tolerance
    }

    /// A one-line description with the 0-based indices (callers with column names should build their own).
    public var description: String {
        var parts: [String] = []
        if !constant.isEmpty {
            parts.append("constant column(s) \(constant.map(String.init).joined(separator: ", "))")
        }
        if !collinear.isEmpty {
            parts.append("column(s) \(collinear.map(String.init).joined(separator: ", ")) collinear with earlier columns")
        }
        return parts.isEmpty ? "full column rank" : parts.joined(separator: " and ") + " (0-based)"
    }
}
