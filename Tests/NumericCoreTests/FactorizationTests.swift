import Foundation
@testable import NumericCore
import Testing

/// Largest absolute element difference; infinity when the shapes differ (so the check fails).
private func difference(_ a: Matrix, _ b: Matrix) -> Double {
    a.maxAbsoluteDifference(b) ?? .infinity
}

@Suite("Cholesky, QR, least squares, eigen, indefinite solve")
struct FactorizationTests {
    // A = [[4, 2], [2, 3]] = L Lᵀ with L = [[2, 0], [1, √2]]; det A = 8; A⁻¹ = [[3, -2], [-2, 4]] / 8.
    @Test func choleskyHandChecked() throws {
        let c = try Cholesky(Matrix(rowMajor: [[4, 2], [2, 3]]))
        let expectedFactor = try Matrix(rowMajor: [[2, 0], [1, 2.0.squareRoot()]])
        #expect(difference(c.factor, expectedFactor) < 1e-15)
        #expect(abs(c.logDeterminant - log(8)) < 1e-15)
        let x = try c.solve([2, 1])
        #expect(abs(x[0] - 0.5) < 1e-15 && abs(x[1]) < 1e-15)
        let inverse = try c.inverse()
        let expected = try Matrix(rowMajor: [[0.375, -0.25], [-0.25, 0.5]])
        #expect(difference(inverse, expected) < 1e-15)
        let xs = try c.solve(Matrix(rowMajor: [[4, 2], [2, 3]]))
        #expect(difference(xs, .identity(2)) < 1e-15)
    }

    @Test func choleskyNotPositiveDefinite() throws {
        // Leading 1×1 minor 1 > 0, 2×2 minor 1·1 − 2·2 = −3 < 0: fails at order 2.
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 2)) {
            try Cholesky(Matrix(rowMajor: [[1, 2], [2, 1]]))
        }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(leadingMinor: 1)) {
            try Cholesky(Matrix(rowMajor: [[0, 0], [0, 1]]))
        }
    }

    @Test func choleskyBadInputThrows() throws {
        #expect(throws: LinearAlgebraError.self) { try Cholesky(Matrix(rows: 2, columns: 3)) }
        #expect(throws: LinearAlgebraError.nonFiniteValue("Cholesky input")) {
            try Cholesky(Matrix(rowMajor: [[1, .nan], [.nan, 1]]))
        }
        let c = try Cholesky(.identity(2))
        #expect(throws: LinearAlgebraError.self) { try c.solve([1, 2, 3]) }
        #expect(throws: LinearAlgebraError.self) { try c.solve([1, .infinity]) }
        let empty = try Cholesky(Matrix(rows: 0, columns: 0))
        #expect(empty.logDeterminant == 0)
        #expect(try empty.solve([]) == [])
        #expect(try empty.inverse().rows == 0)
    }

    // Rows 1..4, columns (1, t): y = 1 + 2t exactly, so β = (1, 2) with zero residual.
    @Test func leastSquaresFullRankExact() throws {
        let a = try Matrix(rowMajor: [[1, 1], [1, 2], [1, 3], [1, 4]])
        let y = [3.0, 5, 7, 9]
        let beta = try LeastSquares.fullRank(a, y)
        #expect(abs(beta[0] - 1) < 1e-14 && abs(beta[1] - 2) < 1e-14)
        let s = try LeastSquares.minimumNorm(a, y)
        #expect(s.rank == 2)
        #expect(abs(s.coefficients[0] - 1) < 1e-13 && abs(s.coefficients[1] - 2) < 1e-13)
        let qr = try PivotedQR(a)
        #expect(qr.rank == 2)
        let b = try qr.solve(y)
        #expect(abs(b[0] - 1) < 1e-13 && abs(b[1] - 2) < 1e-13)
    }

    // Column 3 = column 1 + column 2, so rank 2 with null space (1, 1, −1). y = (1, 1, 2) = column 3,
    // so the solutions are (0, 0, 1) + t(1, 1, −1); the norm 2t² + (1 − t)² is least at t = 1/3:
    // the minimum-norm solution is (1/3, 1/3, 2/3).
    @Test func leastSquaresRankDeficient() throws {
        let a = try Matrix(rowMajor: [[1, 0, 1], [0, 1, 1], [1, 1, 2]])
        let y = [1.0, 1, 2]
        let s = try LeastSquares.minimumNorm(a, y)
        #expect(s.rank == 2)
        #expect(s.singularValues.count == 3 && s.singularValues[2] < 1e-14 * s.singularValues[0])
        let expected = [1.0 / 3, 1.0 / 3, 2.0 / 3]
        for (value, target) in zip(s.coefficients, expected) { #expect(abs(value - target) < 1e-14) }
        // Exactly singular (zero second column): gels reports the zero diagonal R₂₂.
        #expect(throws: LinearAlgebraError.singular(pivot: 2)) {
            try LeastSquares.fullRank(Matrix(rowMajor: [[1, 0], [2, 0]]), [1, 1])
        }
        // Pivoted QR: rank 2, one aliased column, basic solution reproduces y.
        let qr = try PivotedQR(a)
        #expect(qr.rank == 2)
        #expect(qr.aliasedColumns.count == 1)
        let basic = try qr.solve(y)
        let fitted = try a.gemv(basic)
        for (value, target) in zip(fitted, y) { #expect(abs(value - target) < 1e-14) }
        #expect(basic[qr.aliasedColumns[0]] == 0)   // set to 0 by construction
    }

    @Test func pivotedQRReconstructs() throws {
        let a = try Matrix(rowMajor: [[2, -1, 0.5], [1, 3, 2], [0, 1, -4], [5, 2, 1]])
        let qr = try PivotedQR(a)
        let q = try qr.thinQ()
        let qtq = try q.gemm(q, transposeSelf: true)
        #expect(difference(qtq, .identity(3)) < 1e-14)
        let product = try q.gemm(qr.r)                 // = A P
        for j in 0..<3 {
            for i in 0..<4 {
                #expect(abs(product[i, j] - a[i, qr.pivots[j]]) < 1e-13)
            }
        }
        #expect(Set(qr.pivots) == [0, 1, 2])
        #expect(throws: LinearAlgebraError.self) { try qr.solve([1, 2]) }
    }

    @Test func eigenReconstructs() throws {
        let a = try Matrix(rowMajor: [[4, 1, -2, 0.5], [1, 3, 0, 1], [-2, 0, 5, 2], [0.5, 1, 2, -1]])
        let e = try SymmetricEigen(a)
        #expect(zip(e.values, e.values.dropFirst()).allSatisfy { $0 <= $1 })
        let scaled = try e.vectors.gemm(Matrix(diagonal: e.values))
        let rebuilt = try scaled.gemm(e.vectors, transposeOther: true)
        #expect(difference(rebuilt, a) < 1e-12)
        let vtv = try e.vectors.crossProduct()
        #expect(difference(vtv, .identity(4)) < 1e-13)
        let valuesOnly = try SymmetricEigen.eigenvalues(a)
        for (x, y) in zip(valuesOnly, e.values) { #expect(abs(x - y) < 1e-12) }
        // [[2, 1], [1, 2]] has eigenvalues 1 and 3.
        let small = try SymmetricEigen(Matrix(rowMajor: [[2, 1], [1, 2]]))
        #expect(abs(small.values[0] - 1) < 1e-15 && abs(small.values[1] - 3) < 1e-15)
        #expect(throws: LinearAlgebraError.self) { try SymmetricEigen(Matrix(rows: 2, columns: 1)) }
        #expect(try SymmetricEigen(Matrix(rows: 0, columns: 0)).values.isEmpty)
    }

    @Test func indefiniteSolve() throws {
        // [[0, 1], [1, 0]] is indefinite (eigenvalues ±1): Cholesky fails, Bunch–Kaufman solves.
        let a = try Matrix(rowMajor: [[0, 1], [1, 0]])
        #expect(throws: LinearAlgebraError.self) { try Cholesky(a) }
        let s = try SymmetricIndefiniteSolver(a)
        let x = try s.solve([2, 3])
        #expect(abs(x[0] - 3) < 1e-15 && abs(x[1] - 2) < 1e-15)
        // A 3×3 indefinite system with solution (1, −2, 3).
        let b = try Matrix(rowMajor: [[1, 2, 0], [2, -1, 4], [0, 4, 3]])
        let rhs = try b.gemv([1, -2, 3])
        let y = try SymmetricIndefiniteSolver(b).solve(rhs)
        for (value, target) in zip(y, [1.0, -2, 3]) { #expect(abs(value - target) < 1e-14) }
        #expect(throws: LinearAlgebraError.singular(pivot: 1)) {
            try SymmetricIndefiniteSolver(Matrix(rows: 2, columns: 2))
        }
        #expect(throws: LinearAlgebraError.self) { try s.solve([1]) }
    }

    // A log-rank-like covariance for k = 3 groups: rows sum to zero, rank 2,
    // V = [[2, −1, −1], [−1, 2, −1], [−1, −1, 2]] with eigenvalues 0, 3, 3.
    @Test func generalizedInverseOfRankDeficientCovariance() throws {
        let v = try Matrix(rowMajor: [[2, -1, -1], [-1, 2, -1], [-1, -1, 2]])
        let z = [1.0, 2, -3]                                   // sums to 0: in the column space
        let g = try SymmetricGeneralizedInverse(v)
        #expect(g.rank == 2)
        // Reduced form as survdiff: drop group 1. V₂₂ = [[2, −1], [−1, 2]], V₂₂⁻¹ = [[2, 1], [1, 2]]/3,
        // z₂ = (2, −3): V₂₂⁻¹ z₂ = (1, −4)/3 and z₂ᵀ V₂₂⁻¹ z₂ = (2 + 12)/3 = 14/3.
        let statistic = try g.quadraticForm(z)
        #expect(abs(statistic - 14.0 / 3) < 1e-13)
        let reduced = try Cholesky(Matrix(rowMajor: [[2, -1], [-1, 2]])).solve([2, -3])
        #expect(abs(statistic - (2 * reduced[0] - 3 * reduced[1])) < 1e-13)
        let result = try generalizedInverseSolve(v, z)
        #expect(result.rank == 2 && abs(result.quadraticForm - 14.0 / 3) < 1e-13)
        // V V⁺ z = z for z in the column space.
        let back = try v.gemv(result.solution)
        for (x, y) in zip(back, z) { #expect(abs(x - y) < 1e-13) }
        // Penrose condition V V⁺ V = V.
        let vpv = try v.gemm(g.pseudoInverse).gemm(v)
        #expect(difference(vpv, v) < 1e-13)
        #expect(throws: LinearAlgebraError.self) { try g.quadraticForm([1, 2]) }
        let zero = try SymmetricGeneralizedInverse(Matrix(rows: 2, columns: 2))
        let zeroForm = try zero.quadraticForm([1, 1])
        #expect(zero.rank == 0 && zeroForm == 0)      // nothing kept: the sum is exactly 0
    }
}
