@testable import NumericCore
import Testing

/// Empty, mismatched and non-finite inputs must throw (or return the trivial result), never trap.
@Suite("Linear algebra edge cases")
struct LinearAlgebraEdgeCaseTests {
    @Test func emptyInputsGiveTrivialResults() throws {
        let empty = Matrix(rows: 0, columns: 0)
        #expect(try SymmetricIndefiniteSolver(empty).solve([]) == [])
        #expect(try SymmetricGeneralizedInverse(empty).rank == 0)
        #expect(try SymmetricGeneralizedInverse(empty).quadraticForm([]) == 0)
        let qr = try PivotedQR(Matrix(rows: 0, columns: 2))
        #expect(qr.rank == 0 && qr.pivots == [0, 1])
        #expect(try qr.solve([]) == [0, 0])
        #expect(try qr.thinQ().columns == 0)
        #expect(try LeastSquares.fullRank(Matrix(rows: 3, columns: 0), [1, 2, 3]) == [])
        let s = try LeastSquares.minimumNorm(Matrix(rows: 0, columns: 2), [])
        #expect(s.rank == 0 && s.coefficients == [0, 0] && s.singularValues.isEmpty)
    }

    @Test func mismatchedInputsThrow() throws {
        let a = try Matrix(rowMajor: [[1, 2], [3, 4], [5, 7]])
        #expect(throws: LinearAlgebraError.self) { try LeastSquares.fullRank(a, [1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try LeastSquares.minimumNorm(a, [1, 2, 3, 4]) }
        #expect(throws: LinearAlgebraError.self) { try SymmetricEigen(a) }
        #expect(throws: LinearAlgebraError.self) { try SymmetricIndefiniteSolver(a) }
        #expect(throws: LinearAlgebraError.self) { try SymmetricGeneralizedInverse(a) }
        #expect(throws: LinearAlgebraError.self) { try PivotedQR(a).solve([1]) }
        let square = try Matrix(rowMajor: [[2, 1], [1, 2]])
        #expect(throws: LinearAlgebraError.self) { try Cholesky(square).solve(Matrix(rows: 3, columns: 1)) }
        #expect(throws: LinearAlgebraError.self) { try SymmetricIndefiniteSolver(square).solve(Matrix(rows: 1, columns: 2)) }
    }

    @Test func nonFiniteInputsThrow() throws {
        let bad = try Matrix(rowMajor: [[1, .infinity], [.infinity, 1]])
        #expect(throws: LinearAlgebraError.nonFiniteValue("SymmetricEigen input")) { try SymmetricEigen(bad) }
        #expect(throws: LinearAlgebraError.self) { try SymmetricIndefiniteSolver(bad) }
        #expect(throws: LinearAlgebraError.self) { try PivotedQR(bad) }
        #expect(throws: LinearAlgebraError.self) { try LeastSquares.fullRank(.identity(2), [1, .nan]) }
        #expect(throws: LinearAlgebraError.self) { try LeastSquares.minimumNorm(bad, [1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try SymmetricGeneralizedInverse(.identity(2)).quadraticForm([.nan, 1]) }
    }

    @Test func errorsDescribeTheProblem() {
        let message = LinearAlgebraError.notPositiveDefinite(leadingMinor: 3).description
        #expect(message.contains("leading minor 3"))
        #expect(LinearAlgebraError.sizeTooLarge.description.contains("32-bit"))
        #expect(throws: LinearAlgebraError.sizeTooLarge) { try LAPACK.int32(Int(Int32.max) + 1) }
    }
}
