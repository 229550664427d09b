/// A dense real matrix stored in column-major order, the layout LAPACK and BLAS use.
///
/// Element `(i, j)` is `elements[i + j * rows]`. Construction from user data goes through the
/// throwing initializers, which check the element count; the non-throwing ones cannot fail.
///
/// ```swift
/// let a = try Matrix(rowMajor: [[4, 2], [2, 3]])
/// a[0, 1]           // 2
/// a.transposed      // [[4, 2], [2, 3]]
/// ```
public struct Matrix: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The elements in column-major order; `count == rows * columns`.
    public var elements: [Double]

    /// Creates a matrix with every element equal to `repeating`.
    ///
    /// A negative dimension, or a size whose element count overflows `Int`, gives the empty
    /// `0 × 0` matrix rather than a trap; validate sizes from user data before calling.
    ///
    /// - Parameters:
    ///   - rows: The number of rows, `≥ 0`.
    ///   - columns: The number of columns, `≥ 0`.
    ///   - repeating: The fill value.
    /// - Complexity: O(rows × columns).
    public init(rows: Int, columns: Int, repeating: Double = 0) {
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        if rows < 0 || columns < 0 || overflow {
            self.rows = 0
            self.columns = 0
            self.elements = []
        } else {
            self.rows = rows
            self.columns = columns
            self.elements = [Double](repeating: repeating, count: count)
        }
    }

    /// Creates a matrix from elements in column-major order.
    ///
    /// - Parameters:
    ///   - rows: The number of rows, `≥ 0`.
    ///   - columns: The number of columns, `≥ 0`.
    ///   - columnMajor: `rows * columns` elements, column after column.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` if the count does not match.
    /// - Complexity: O(1) beyond the copy of the array.
    public init(rows: Int, columns: Int, columnMajor: [Double]) throws(LinearAlgebraError) {
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows >= 0, columns >= 0, !overflow, count == columnMajor.count else {
            throw .dimensionMismatch(
                "Matrix(rows: \(rows), columns: \(columns)) needs \(rows)×\(columns) elements, got \(columnMajor.count)")
        }
        self.rows = rows
        self.columns = columns
        self.elements = columnMajor
    }

    /// Creates a matrix from an array of rows.
    ///
    /// - Parameter rowMajor: The rows, all of the same length. `[]` gives the `0 × 0` matrix.
    /// - Throws: `LinearAlgebraError.dimensionMismatch` if the rows are ragged.
    /// - Complexity: O(rows × columns).
    public init(rowMajor: [[Double]]) throws(LinearAlgebraError) {
        let rowCount = rowMajor.count
        let columnCount = rowMajor.first?.count ?? 0
        for (index, row) in rowMajor.enumerated() where row.count != columnCount {
            throw .dimensionMismatch(
                "Matrix(rowMajor:): row \(index) has \(row.count) elements, row 0 has \(columnCount)")
        }
        var elements = [Double](repeating: 0, count: rowCount * columnCount)
        for (i, row) in rowMajor.enumerated() {
            for (j, value) in row.enumerated() {
                elements[i + j * rowCount] = value
            }
        }
        self.rows = rowCount
        self.columns = columnCount
        self.elements = elements
    }

    /// Creates a square diagonal matrix.
    ///
    /// - Parameter diagonal: The diagonal elements.
    /// - Complexity: O(n²).
    public init(diagonal: [Double]) {
        let n = diagonal.count
        self.init(rows: n, columns: n)
        for (i, value) in diagonal.enumerated() {
            elements[i + i * n] = value
        }
    }

    /// The `n × n` identity matrix (`0 × 0` for `n ≤ 0`).
    ///
    /// - Parameter n: The dimension.
    /// - Returns: `I_n`.
    /// - Complexity: O(n²).
    public static func identity(_ n: Int) -> Matrix {
        Matrix(diagonal: [Double](repeating: 1, count: max(0, n)))
    }

    /// Element `(row, column)`, zero-based. The caller keeps the indices in range (an out-of-range
    /// index traps on the array access, as for `Array`).
    public subscript(row: Int, column: Int) -> Double {
        get { elements[row + column * rows] }
        set { elements[row + column * rows] = newValue }
    }

    /// The transpose `Aᵀ`.
    ///
    /// - Complexity: O(rows × columns).
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows {
                result.elements[j + i * columns] = elements[i + j * rows]
            }
        }
        return result
    }

    /// Whether the matrix is square.
    public var isSquare: Bool { rows == columns }

    /// The main diagonal, `min(rows, columns)` elements.
    ///
    /// - Complexity: O(min(rows, columns)).
    public var diagonal: [Double] {
        (0..<min(rows, columns)).map { elements[$0 + $0 * rows] }
    }

    /// Column `j` as an array, or `nil` if `j` is out of range.
    ///
    /// - Parameter j: Zero-based column index.
    /// - Returns: The `rows` elements of the column.
    /// - Complexity: O(rows).
    public func column(_ j: Int) -> [Double]? {
        guard j >= 0, j < columns else { return nil }
        return Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array, or `nil` if `i` is out of range.
    ///
    /// - Parameter i: Zero-based row index.
    /// - Returns: The `columns` elements of the row.
    /// - Complexity: O(columns).
    public func row(_ i: Int) -> [Double]? {
        guard i >= 0, i < rows else { return nil }
        return (0..<columns).map { elements[i + $0 * rows] }
    }

    /// The rows as nested arrays (the inverse of ``init(rowMajor:)``).
    ///
    /// - Complexity: O(rows × columns).
    public var rowMajor: [[Double]] {
        (0..<rows).map { i in (0..<columns).map { elements[i + $0 * rows] } }
    }

    /// Whether every element is finite.
    public var isFinite: Bool { elements.allSatisfy(\.isFinite) }

    /// Whether the matrix is square and `|a_ij - a_ji| ≤ tolerance · max(|a_ij|, |a_ji|, 1)`.
    ///
    /// - Parameter tolerance: Relative tolerance; the default is 100 ulps.
    /// - Complexity: O(n²).
    public func isSymmetric(tolerance: Double = 100 * Double.ulpOfOne) -> Bool {
        guard isSquare else { return false }
        for j in 0..<columns {
            for i in (j + 1)..<max(j + 1, rows) {
                let upper = elements[j + i * rows]
                let lower = elements[i + j * rows]
                if !(abs(upper - lower) <= tolerance * max(abs(upper), abs(lower), 1)) { return false }
            }
        }
        return true
    }

    /// The largest absolute difference to another matrix of the same shape, `nil` if the shapes
    /// differ (for tests and convergence checks).
    ///
    /// - Complexity: O(rows × columns).
    public func maxAbsoluteDifference(_ other: Matrix) -> Double? {
        guard rows == other.rows, columns == other.columns else { return nil }
        return zip(elements, other.elements).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    /// The rows, one per line, for debugging.
    public var description: String {
        let lines = rowMajor.map { row in row.map { "\($0)" }.joined(separator: "\t") }
        return "Matrix(\(rows)×\(columns))" + (lines.isEmpty ? "" : "\n" + lines.joined(separator: "\n"))
    }
}
