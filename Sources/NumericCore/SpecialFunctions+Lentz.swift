extension SpecialFunctions {
    /// One step of the modified Lentz method for a continued fraction `… b + a/(…)` (Numerical Recipes
    /// §5.2): `d ← 1/(b + a·d)`, `c ← b + a/c`, each kept away from 0 by `tiny`.
    ///
    /// - Parameters:
    ///   - a: The partial numerator of this step.
    ///   - b: The partial denominator of this step.
    ///   - c: The running `C` of the method, updated.
    ///   - d: The running `D` of the method, updated.
    ///   - tiny: The floor of `|c|` and `|b + a·d|`.
    /// - Returns: `Δ = c·d`, the factor that takes the convergent to the next one (1 at convergence).
    @inline(__always)
    package static func _lentzStep(a: Double, b: Double, c: inout Double, d: inout Double, tiny: Double) -> Double {
        d = b + a * d
        if abs(d) < tiny { d = tiny }
        c = b + a / c
        if abs(c) < tiny { c = tiny }
        d = 1 / d
        return d * c
    }
}
