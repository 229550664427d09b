/// How close a computed number must be to its reference value for a test to pass: one rule for every
/// test target, so that "1e-10 relative" means the same thing everywhere.
///
/// A tolerance accepts `actual` against `expected` when
///
///     actual == expected                                                     (equal, infinities included), or
///     |actual − expected| ≤ max(absolute, relative · max(|actual|, |expected|))   (both finite)
///
/// the semantics of swift-numerics' `isApproximatelyEqual(to:absoluteTolerance:relativeTolerance:)`
/// (Sources/RealModule/ApproximateEquality.swift):
///
/// - **Relative, symmetric.** The relative part scales with the larger magnitude of the two, so
///   `accepts(a, b) == accepts(b, a)`.
/// - **Absolute floor.** Near zero no relative tolerance can work (`1e-17` is infinitely far from `0` in
///   relative terms), so `absolute` is a floor below which any difference passes. ``relative(_:floor:)``
///   has a negligible floor by default (`relative · Double.leastNormalMagnitude`, as swift-numerics):
///   give a floor explicitly when the reference can be zero or is the difference of large numbers.
/// - **NaN never passes**, not even against NaN: a computation that produced NaN is wrong, whatever the
///   reference. Infinity passes only against the same infinity.
/// - **`nil` is R's `NA`.** In the `Double?` overloads an expected `nil` (R printed `NA`, `NaN` or `Inf`,
///   stored as JSON `null` in the fixtures) accepts `nil` or a non-finite actual value (Relief reports no
///   value, NaN, or an infinite limit there); an actual `nil` passes only against an expected `nil`.
///
/// ```swift
/// #expect(Tolerance.relative(1e-12).accepts(Normal.cdf(1.96), 0.97500210485177952))
/// Tolerance.absolute(1e-10).expect(fit.survival[3], r.surv[3], "S(t4)")   // records an issue if not close
/// ```
///
/// Foundation-free and model-free: test targets depend on it, and it depends on nothing but the
/// standard library and Swift Testing (for ``expect(_:_:_:sourceLocation:)``).
public struct Tolerance: Sendable, Hashable, CustomStringConvertible {
    /// The relative part: a fraction of the larger magnitude, e.g. `1e-10`.
    public let relative: Double
    /// The absolute floor: any difference up to it passes, e.g. `1e-13`.
    public let absolute: Double

    /// Creates a tolerance; negative or NaN parts count as zero.
    /// - Parameters:
    ///   - relative: A fraction of the larger magnitude.
    ///   - absolute: A difference that always passes.
    public init(relative: Double, absolute: Double) {
        self.relative = relative > 0 ? relative : 0
        self.absolute = absolute > 0 ? absolute : 0
    }

    /// A relative tolerance with an absolute floor.
    /// - Parameters:
    ///   - tolerance: A fraction of the larger magnitude, e.g. `1e-10`.
    ///   - floor: Any difference up to it passes; by default `tolerance · Double.leastNormalMagnitude`
    ///     (swift-numerics' default), which makes a zero reference demand an exact zero.
    /// - Returns: The tolerance.
    public static func relative(_ tolerance: Double, floor: Double? = nil) -> Tolerance {
        Tolerance(relative: tolerance, absolute: floor ?? tolerance * Double.leastNormalMagnitude)
    }

    /// An absolute tolerance: `|actual − expected| ≤ tolerance`.
    /// - Parameter tolerance: The largest difference that passes, e.g. `1e-10`.
    /// - Returns: The tolerance.
    public static func absolute(_ tolerance: Double) -> Tolerance {
        Tolerance(relative: 0, absolute: tolerance)
    }

    /// Whether `actual` is close enough to `expected` (see the type's rule).
    /// - Parameters:
    ///   - actual: The computed value.
    ///   - expected: The reference value.
    /// - Returns: `true` when equal or within the tolerance; `false` for NaN.
    /// - Complexity: O(1).
    public func accepts(_ actual: Double, _ expected: Double) -> Bool {
        if actual == expected { return true }   // exact, and the only way infinities pass
        guard actual.isFinite, expected.isFinite else { return false }   // NaN, or an infinity vs anything else
        let scale = max(actual.magnitude, expected.magnitude)
        return (actual - expected).magnitude <= max(absolute, relative * scale)
    }

    /// Whether `actual` is close enough to `expected`, where `nil` is R's `NA` (see the type's rule).
    /// - Parameters:
    ///   - actual: The computed value, `nil` for none.
    ///   - expected: The reference value, `nil` for R's `NA`.
    /// - Returns: `true` when both are missing, when `expected` is missing and `actual` is not finite, or
    ///   when both are numbers the `Double` overload accepts.
    /// - Complexity: O(1).
    public func accepts(_ actual: Double?, _ expected: Double?) -> Bool {
        switch (actual, expected) {
        case (nil, nil): return true
        case (let value?, nil): return !value.isFinite
        case (nil, _?): return false
        case (let value?, let reference?): return accepts(value, reference)
        }
    }

    /// Whether two arrays have the same count and every pair is accepted.
    /// - Parameters:
    ///   - actual: The computed values.
    ///   - expected: The reference values.
    /// - Returns: `true` when the counts agree and each element is accepted.
    /// - Complexity: O(n).
    public func accepts(_ actual: [Double], _ expected: [Double]) -> Bool {
        actual.count == expected.count && zip(actual, expected).allSatisfy { accepts($0, $1) }
    }

    /// `|actual − expected| / max(|actual|, |expected|)`, the quantity the relative part bounds (0 when
    /// equal, NaN when either is NaN); for messages.
    /// - Parameters:
    ///   - actual: The computed value.
    ///   - expected: The reference value.
    /// - Returns: The symmetric relative difference.
    public static func relativeDifference(_ actual: Double, _ expected: Double) -> Double {
        if actual == expected { return 0 }
        return (actual - expected).magnitude / max(actual.magnitude, expected.magnitude)
    }

    /// `1e-10 relative`, `1e-10 absolute` or `1e-06 relative, 1e-09 absolute floor`.
    public var description: String {
        if relative == 0 { return "\(absolute) absolute" }
        if absolute <= relative * Double.leastNormalMagnitude { return "\(relative) relative" }
        return "\(relative) relative, \(absolute) absolute floor"
    }
}
