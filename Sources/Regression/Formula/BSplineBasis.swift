/// B-spline basis functions and their derivatives on a knot vector, evaluated as R's
/// `splines::splineDesign` does (the recursions of its C routine `spline_basis`: Schumaker's
/// basis-function recursion for values, repeated differencing of coefficients for derivatives).
package struct _BSplineBasis: Sendable {
    /// The knots, sorted, with multiplicity.
    package let knots: [Double]
    /// The spline order (4 = cubic).
    package let order: Int

    /// The number of basis functions: knots - order.
    package var count: Int { knots.count - order }

    /// The index of the first knot greater than `x` (R's `set_cursor`), with R's special case for
    /// `x` equal to the right boundary knot; and whether that case applies.
    private func cursor(_ x: Double) -> (cursor: Int, boundary: Bool) {
        var cursor = 0
        for (i, knot) in knots.enumerated() {
            if knot >= x { cursor = i }
            if knot > x { break }
        }
        let lastLegit = knots.count - order
        if cursor > lastLegit && x == knots[lastLegit] { return (lastLegit, true) }
        return (cursor, false)
    }

    /// The row of the design matrix at `x` for derivative `derivative` (0 = value): `count` entries.
    /// - Returns: `nil` when `x` lies outside the knots' inner range (R gives NaN there).
    /// - Complexity: O(knots + order²).
    package func row(at x: Double, derivative: Int) -> [Double]? {
        let (curs, boundary) = cursor(x)
        guard curs >= order, curs <= knots.count - order else { return nil }
        let ordm1 = order - 1
        var values = [Double](repeating: 0, count: order)
        if derivative > 0 {
            for ii in 0..<order {
                var a = [Double](repeating: 0, count: order)
                a[ii] = 1
                values[ii] = evaluate(&a, x: x, cursor: curs, boundary: boundary, derivative: derivative)
            }
        } else {
            // The allocation-free recursion below, on scratch arrays.
            var scratch = [Double](repeating: 0, count: 2 * Swift.max(ordm1, 1))
            values.withUnsafeMutableBufferPointer { b in
                scratch.withUnsafeMutableBufferPointer { s in
                    guard let b = b.baseAddress, let s = s.baseAddress else { return }
                    _ = self.values(at: x, into: b, rdel: s, ldel: s + Swift.max(ordm1, 1))
                }
            }
        }
        var row = [Double](repeating: 0, count: count)
        let offset = curs - order
        for j in 0..<order where offset + j >= 0 && offset + j < count { row[offset + j] = values[j] }
        return row
    }

    /// The `order` non-zero basis values at `x` (derivative 0) written to `b`, using `rdel` and `ldel`
    /// (each `order - 1` long) as scratch; no allocation.
    /// - Returns: The index of the basis function of `b[0]`, or `nil` outside the knots' inner range.
    package func values(at x: Double, into b: UnsafeMutablePointer<Double>, rdel: UnsafeMutablePointer<Double>, ldel: UnsafeMutablePointer<Double>) -> Int? {
        let (curs, _) = cursor(x)
        guard curs >= order, curs <= knots.count - order else { return nil }
        let ordm1 = order - 1
        for i in 0..<ordm1 {
            rdel[i] = knots[curs + i] - x
            ldel[i] = x - knots[curs - (i + 1)]
        }
        b[0] = 1
        if ordm1 >= 1 {
            for j in 1...ordm1 {
                var saved = 0.0
                for r in 0..<j {
                    let term = b[r] / (rdel[r] + ldel[j - 1 - r])
                    b[r] = saved + rdel[r] * term
                    saved = ldel[j - 1 - r] * term
                }
                b[j] = saved
            }
        }
        return curs - order
    }

    /// The derivative of order `derivative` at `x` of the spline with local coefficients `a`.
    private func evaluate(_ a: inout [Double], x: Double, cursor curs: Int, boundary: Bool, derivative: Int) -> Double {
        var outer = order - 1
        if boundary && derivative == outer { return 0 }
        var nder = derivative
        while nder > 0 {
            nder -= 1
            // a[k] = outer * (a[k+1] - a[k]) / (t[curs - outer + k + outer] - t[curs - outer + k])
            for k in 0..<outer {
                let left = curs - outer + k
                a[k] = Double(outer) * (a[k + 1] - a[k]) / (knots[left + outer] - knots[left])
            }
            outer -= 1
        }
        var rdel = [Double](repeating: 0, count: max(outer, 0))
        var ldel = [Double](repeating: 0, count: max(outer, 0))
        for i in 0..<outer {
            rdel[i] = knots[curs + i] - x
            ldel[i] = x - knots[curs - (i + 1)]
        }
        while outer > 0 {
            outer -= 1
            // apt runs over a[0...outer], lpt from ldel[outer] downwards, rpt from rdel[0] upwards.
            for k in 0...outer {
                let l = ldel[outer - k]
                let r = rdel[k]
                a[k] = (a[k + 1] * l + a[k] * r) / (r + l)
            }
        }
        return a[0]
    }
}
