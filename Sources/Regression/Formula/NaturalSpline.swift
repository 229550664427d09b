import NumericCore

/// A natural cubic spline basis as R's `splines::ns(x, df)` builds it, with the knots fixed by the
/// fitting data so that new values (prediction profiles) are coded the same way.
///
/// Knots: `df - 1` interior knots at the quantiles `1/df, ..., (df-1)/df` of the fitting values
/// (R's `quantile(type = 7)`), boundary knots at their range. Basis: the cubic B-splines on the knots
/// `(lo, lo, lo, lo, interior..., hi, hi, hi, hi)` without the first, projected by the QR
/// decomposition (LINPACK `dqrdc2`) of their second derivatives at the boundary knots onto the space
/// with zero second derivative there; the first two projected columns are dropped, leaving `df`
/// columns. Outside the boundary knots the basis continues linearly (as `predict(ns(...))`).
public struct NaturalSpline: Sendable, Equatable {
    /// The degrees of freedom (number of basis columns).
    public let degreesOfFreedom: Int
    /// The interior knots.
    public let knots: [Double]
    /// The lower boundary knot (the minimum of the fitting values).
    public let lowerBoundary: Double
    /// The upper boundary knot (the maximum of the fitting values).
    public let upperBoundary: Double

    private let bspline: _BSplineBasis
    /// The Householder reflectors of the QR of t(const): per step j, the vector (zero above j, with
    /// LINPACK's qraux[j] at j); steps with qraux == 0 are left out.
    private let reflectors: [(start: Int, vector: [Double])]
    /// Value and first derivative rows at each boundary (for linear continuation), first column dropped.
    private let lowerPivot: (value: [Double], slope: [Double])
    private let upperPivot: (value: [Double], slope: [Double])

    public static func == (a: NaturalSpline, b: NaturalSpline) -> Bool {
        a.degreesOfFreedom == b.degreesOfFreedom && a.knots == b.knots && a.lowerBoundary == b.lowerBoundary
            && a.upperBoundary == b.upperBoundary
    }

    /// The knots of `ns(x, df = degreesOfFreedom)` for fitting values `x`.
    /// - Parameters:
    ///   - x: The fitting values (finite).
    ///   - degreesOfFreedom: The number of basis columns, at least 1.
    /// - Returns: `nil` when `x` is empty, holds a non-finite value, or has a zero range.
    /// - Complexity: O(n log n) for the quantiles.
    public init?(x: [Double], degreesOfFreedom: Int) {
        guard degreesOfFreedom >= 1, !x.isEmpty, x.allSatisfy(\.isFinite) else { return nil }
        let sorted = x.sorted()
        guard let lo = sorted.first, let hi = sorted.last, lo < hi else { return nil }
        let interior = degreesOfFreedom - 1
        var knots: [Double] = []
        if interior > 0 {
            // seq.int(0, 1, length.out = interior + 2) without its ends: from + i * by.
            let by = 1.0 / Double(interior + 1)
            knots = (1...interior).map { Self.quantile7(sorted, probability: Double($0) * by) }
        }
        self.init(knots: knots, lower: lo, upper: hi)
    }

    /// A basis with given interior and boundary knots (as `ns(x, knots =, Boundary.knots =)`).
    /// - Parameters:
    ///   - knots: Interior knots, inside `[lower, upper]`.
    ///   - lower: The lower boundary knot.
    ///   - upper: The upper boundary knot, greater than `lower`.
    /// - Returns: `nil` when the knots are not finite or `lower >= upper`, or the constraint matrix is degenerate.
    public init?(knots: [Double], lower: Double, upper: Double) {
        guard lower.isFinite, upper.isFinite, lower < upper, knots.allSatisfy({ $0.isFinite && $0 >= lower && $0 <= upper }) else {
            return nil
        }
        self.degreesOfFreedom = knots.count + 1
        self.knots = knots
        self.lowerBoundary = lower
        self.upperBoundary = upper
        let all = ([Double](repeating: lower, count: 4) + knots + [Double](repeating: upper, count: 4)).sorted()
        bspline = _BSplineBasis(knots: all, order: 4)
        guard let lowerSecond = bspline.row(at: lower, derivative: 2), let upperSecond = bspline.row(at: upper, derivative: 2),
            let lowerValue = bspline.row(at: lower, derivative: 0), let lowerSlope = bspline.row(at: lower, derivative: 1),
            let upperValue = bspline.row(at: upper, derivative: 0), let upperSlope = bspline.row(at: upper, derivative: 1)
        else { return nil }
        lowerPivot = (Array(lowerValue.dropFirst()), Array(lowerSlope.dropFirst()))
        upperPivot = (Array(upperValue.dropFirst()), Array(upperSlope.dropFirst()))
        // t(const) without the first basis column: n x 2, column-major.
        let n = bspline.count - 1
        var x = Array(lowerSecond.dropFirst()) + Array(upperSecond.dropFirst())
        guard let qraux = Self.householderQR(&x, rows: n, columns: 2) else { return nil }
        var reflectors: [(start: Int, vector: [Double])] = []
        for j in 0..<min(2, n - 1) where qraux[j] != 0 {
            var v = [Double](repeating: 0, count: n)
            for i in (j + 1)..<n { v[i] = x[i + j * n] }
            v[j] = qraux[j]
            reflectors.append((j, v))
        }
        self.reflectors = reflectors
    }

    /// R's `quantile(x, p, type = 7)` on sorted values.
    package static func quantile7(_ sorted: [Double], probability p: Double) -> Double {
        let n = sorted.count
        let index = 1 + Double(max(n - 1, 0)) * p
        let lo = Int(index.rounded(.down))
        let hi = Int(index.rounded(.up))
        let qs = sorted[lo - 1]
        let xhi = sorted[min(hi, n) - 1]
        guard index > Double(lo), xhi != qs else { return qs }
        let h = index - Double(lo)
        return (1 - h) * qs + h * xhi
    }

    /// LINPACK `dqrdc2` without pivoting on a full-rank `rows x columns` matrix (overwritten with the
    /// Householder vectors and R); returns `qraux`, or `nil` when a column is zero.
    private static func householderQR(_ x: inout [Double], rows n: Int, columns p: Int) -> [Double]? {
        var qraux = [Double](repeating: 0, count: p)
        for l in 0..<min(n, p) {
            if l == n - 1 { break }
            var nrmxl = 0.0
            for i in l..<n { nrmxl += x[i + l * n] * x[i + l * n] }
            nrmxl = nrmxl.squareRoot()
            guard nrmxl > 0 else { return nil }
            if x[l + l * n] != 0 { nrmxl = x[l + l * n] < 0 ? -abs(nrmxl) : abs(nrmxl) }
            let scale = 1.0 / nrmxl
            for i in l..<n { x[i + l * n] *= scale }
            x[l + l * n] = 1 + x[l + l * n]
            for j in (l + 1)..<max(p, l + 1) {
                var dot = 0.0
                for i in l..<n { dot += x[i + l * n] * x[i + j * n] }
                let t = -dot / x[l + l * n]
                for i in l..<n { x[i + j * n] += t * x[i + l * n] }
            }
            qraux[l] = x[l + l * n]
            x[l + l * n] = -nrmxl
        }
        return qraux
    }

    /// Applies Qᵀ (LINPACK `dqrsl`) to the `count` values at `y`, in place.
    private func applyQTranspose(_ y: UnsafeMutablePointer<Double>, count n: Int) {
        for (start, v) in reflectors {
            var dot = 0.0
            for i in start..<n { dot += v[i] * y[i] }
            let t = -dot / v[start]
            for i in start..<n { y[i] += t * v[i] }
        }
    }

    /// Writes the projected basis (``degreesOfFreedom`` values) at `x` to `out`, using `full`
    /// (df + 2 values) and `scratch` (12 values) as work space.
    private func write(_ x: Double, to out: (Int, Double) -> Void, full: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>) {
        let m = degreesOfFreedom + 2
        for i in 0..<m { full[i] = 0 }
        if x < lowerBoundary {
            let d = x - lowerBoundary
            for i in 0..<m { full[i] = 1 * lowerPivot.value[i] + d * lowerPivot.slope[i] }
        } else if x > upperBoundary {
            let d = x - upperBoundary
            for i in 0..<m { full[i] = 1 * upperPivot.value[i] + d * upperPivot.slope[i] }
        } else if let offset = bspline.values(at: x, into: scratch, rdel: scratch + 4, ldel: scratch + 8) {
            // Basis function k of the full B-spline set is column k - 1 after dropping the first.
            for r in 0..<4 where offset + r >= 1 && offset + r - 1 < m { full[offset + r - 1] = scratch[r] }
        } else {
            for i in 0..<m { full[i] = .nan }
        }
        applyQTranspose(full, count: m)
        for j in 0..<degreesOfFreedom { out(j, full[j + 2]) }
    }

    /// The basis row (``degreesOfFreedom`` values) at `x`.
    /// - Parameter x: A finite value (outside the boundary knots the basis continues linearly).
    /// - Returns: The row, as R's `ns` (with these knots) gives it.
    /// - Complexity: O(knots + df).
    public func row(at x: Double) -> [Double] {
        var row = [Double](repeating: 0, count: degreesOfFreedom)
        withUnsafeTemporaryAllocation(of: Double.self, capacity: degreesOfFreedom + 2 + 12) { buffer in
            guard let base = buffer.baseAddress else { return }
            write(x, to: { row[$0] = $1 }, full: base + 12, scratch: base)
        }
        return row
    }

    /// The basis at every value of `x`: `x.count` rows, ``degreesOfFreedom`` columns.
    /// - Parameter x: Finite values.
    /// - Returns: The basis matrix (column-major).
    /// - Complexity: O(n x (knots + df)).
    public func basis(_ x: [Double]) -> Matrix {
        let n = x.count
        var m = Matrix(rows: n, columns: degreesOfFreedom)
        m.elements.withUnsafeMutableBufferPointer { elements in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: degreesOfFreedom + 2 + 12) { buffer in
                guard let base = buffer.baseAddress else { return }
                for (i, value) in x.enumerated() {
                    write(value, to: { elements[i + $0 * n] = $1 }, full: base + 12, scratch: base)
                }
            }
        }
        return m
    }
}
