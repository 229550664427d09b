import Foundation

/// One-dimensional minimisation on an interval by Brent's method (golden section with parabolic
/// interpolation), a line-for-line port of R's `optimize()` (`Brent_fmin` in R's `optimize.c`), so a
/// criterion minimised here and in R lands on the same point to within `tolerance`.
///
/// Non-finite criterion values are replaced by the largest finite double, as R does.
public struct BrentMinimizer: Sendable, Equatable {
    /// The result: the minimiser, the criterion there and the number of evaluations.
    public struct Result: Sendable, Equatable {
        /// The minimising abscissa.
        public let minimum: Double
        /// The criterion at `minimum`.
        public let objective: Double
        /// Criterion evaluations.
        public let evaluations: Int
    }

    /// R's `tol`: the interval is shrunk until it is about `2·(√ε·|x| + tol/3)` wide; default `ε^0.25`
    /// as R's `optimize` (DoseFinding passes `√ε`).
    public var tolerance: Double

    /// Creates a minimiser.
    ///
    /// - Parameter tolerance: The absolute tolerance (`tol` of R's `optimize`).
    public init(tolerance: Double = pow(Double.ulpOfOne, 0.25)) {
        self.tolerance = tolerance
    }

    /// Minimises `f` over `[lower, upper]`.
    ///
    /// - Parameters:
    ///   - lower: The left end (finite).
    ///   - upper: The right end (finite, ≥ `lower`).
    ///   - f: The criterion.
    /// - Returns: The minimiser found (a local minimum for a non-unimodal `f`).
    /// - Throws: ``LevenbergMarquardtError/invalidProblem(_:)`` when the interval is not finite or reversed.
    /// - Complexity: O(log((upper − lower)/tolerance)) evaluations for smooth `f`.
    public func minimize(lower: Double, upper: Double,
                         _ f: (Double) -> Double) throws(LevenbergMarquardtError) -> Result {
        guard lower.isFinite, upper.isFinite, lower <= upper, tolerance > 0 else {
            throw .invalidProblem("Brent interval [\(lower), \(upper)] must be finite and ordered, tolerance positive")
        }
        var evaluations = 0
        func g(_ x: Double) -> Double {
            evaluations += 1
            let v = f(x)
            return v.isFinite ? v : Double.greatestFiniteMagnitude
        }
        let c = (3 - 5.0.squareRoot()) * 0.5
        let eps = Double.ulpOfOne.squareRoot()
        var a = lower, b = upper
        var v = a + c * (b - a)
        var w = v, x = v
        var d = 0.0, e = 0.0
        var fx = g(x)
        var fv = fx, fw = fx
        let tol3 = tolerance / 3
        while true {
            let xm = (a + b) * 0.5
            let tol1 = eps * abs(x) + tol3
            let t2 = tol1 * 2
            if abs(x - xm) <= t2 - (b - a) * 0.5 { break }
            var p = 0.0, q = 0.0, r = 0.0
            if abs(e) > tol1 {
                r = (x - w) * (fx - fv)
                q = (x - v) * (fx - fw)
                p = (x - v) * q - (x - w) * r
                q = (q - r) * 2
                if q > 0 { p = -p } else { q = -q }
                r = e
                e = d
            }
            if abs(p) >= abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x) {
                e = x < xm ? b - x : a - x
                d = c * e
            } else {
                d = p / q
                let u = x + d
                if u - a < t2 || b - u < t2 {
                    d = x >= xm ? -tol1 : tol1
                }
            }
            let u: Double
            if abs(d) >= tol1 { u = x + d } else if d > 0 { u = x + tol1 } else { u = x - tol1 }
            let fu = g(u)
            if fu <= fx {
                if u < x { b = x } else { a = x }
                v = w; w = x; x = u
                fv = fw; fw = fx; fx = fu
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    v = w; fv = fw
                    w = u; fw = fu
                } else if fu <= fv || v == x || v == w {
                    v = u; fv = fu
                }
            }
            if evaluations > 10_000 { break }
        }
        return Result(minimum: x, objective: fx, evaluations: evaluations)
    }
}
