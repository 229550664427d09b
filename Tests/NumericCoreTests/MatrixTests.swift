@testable import NumericCore
import Testing

@Suite("Matrix and BLAS")
struct MatrixTests {
    @Test func constructionAndIndexing() throws {
        let a = try Matrix(rowMajor: [[1, 2, 3], [4, 5, 6]])
        #expect(a.rows == 2 && a.columns == 3)
        #expect(a.elements == [1, 4, 2, 5, 3, 6])          // column-major, exact small integers
        #expect(a[1, 2] == 6)
        #expect(a.column(1) == [2, 5])
        #expect(a.row(0) == [1, 2, 3])
        #expect(a.column(3) == nil)
        #expect(a.row(-1) == nil)
        #expect(a.transposed.rowMajor == [[1, 4], [2, 5], [3, 6]])
        #expect(a.diagonal == [1, 5])
        #expect(Matrix.identity(2).rowMajor == [[1, 0], [0, 1]])
        #expect(try Matrix(rows: 2, columns: 1, columnMajor: [7, 8])[1, 0] == 8)
        var b = Matrix(rows: 2, columns: 2, repeating: 1)
        b[0, 1] = 5
        #expect(b.elements == [1, 1, 5, 1])
    }

    @Test func invalidShapesThrowOrDegradeWithoutTrapping() throws {
        #expect(throws: LinearAlgebraError.self) { try Matrix(rowMajor: [[1, 2], [3]]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: -1, columns: 2, columnMajor: []) }
        let huge = Matrix(rows: Int.max, columns: 2)
        #expect(huge.rows == 0 && huge.columns == 0)
        #expect(Matrix(rows: -3, columns: 2).elements.isEmpty)
        #expect(try Matrix(rowMajor: []).rows == 0)
        #expect(Matrix.identity(-2).rows == 0)
    }

    @Test func blasProducts() throws {
        let a = try Matrix(rowMajor: [[1, 2], [3, 4], [5, 6]])
        // All products below are of small integers: exact in floating point.
        #expect(try a.gemv([1, 1]) == [3, 7, 11])
        #expect(try a.gemv([1, 0, 1], transpose: true) == [6, 8])
        let b = try Matrix(rowMajor: [[1, 0, 2], [0, 1, 1]])
        #expect(try a.gemm(b).rowMajor == [[1, 2, 4], [3, 4, 10], [5, 6, 16]])
        #expect(try a.gemm(a, transposeSelf: true).rowMajor == [[35, 44], [44, 56]])
        #expect(try a.gemm(a, transposeOther: true).rowMajor == [[5, 11, 17], [11, 25, 39], [17, 39, 61]])
        #expect(try a.syrk(transpose: true).rowMajor == [[35, 44], [44, 56]])
        #expect(try a.crossProduct().rowMajor == [[35, 44], [44, 56]])
        #expect(try a.syrk().rowMajor == [[5, 11, 17], [11, 25, 39], [17, 39, 61]])
        #expect(try Matrix.dot([1, 2, 3], [4, 5, 6]) == 32)
        #expect(try Matrix.axpy(2, [1, 2], [10, 20]) == [12, 24])
    }

    @Test func blasMismatchesThrow() throws {
        let a = try Matrix(rowMajor: [[1, 2], [3, 4], [5, 6]])
        #expect(throws: LinearAlgebraError.self) { try a.gemv([1, 2, 3]) }
        #expect(throws: LinearAlgebraError.self) { try a.gemm(a) }
        #expect(throws: LinearAlgebraError.self) { try Matrix.dot([1], [1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix.axpy(1, [1], []) }
        var broken = a
        broken.elements.removeLast()                     // elements no longer match the shape
        #expect(throws: LinearAlgebraError.self) { try broken.gemv([1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try Cholesky(broken) }
    }

    @Test func emptyOperands() throws {
        let empty = Matrix(rows: 0, columns: 3)
        #expect(try empty.gemv([1, 2, 3]) == [])
        #expect(try empty.gemv([], transpose: true) == [0, 0, 0])
        #expect(try empty.gemm(Matrix(rows: 3, columns: 2)).rows == 0)
        #expect(try empty.syrk(transpose: true).rowMajor == [[0, 0, 0], [0, 0, 0], [0, 0, 0]])
        #expect(try Matrix.dot([], []) == 0)
    }
}
