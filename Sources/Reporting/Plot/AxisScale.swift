import Foundation

/// Maps a data domain to a pixel range, linearly or on a log10 scale, and chooses readable ticks
/// (see `AxisScale+Ticks.swift`).
///
/// Degenerate domains never trap: non-finite bounds fall back to 0...1 (linear) or 0.1...10 (log),
/// swapped bounds are ordered, an empty domain (lower == upper) is widened around its value, and a log
/// domain drops non-positive bounds.
public struct AxisScale: Sendable, Equatable {
    /// Linear or base-10 logarithmic mapping.
    public enum Kind: Sendable, Equatable {
        /// Position proportional to the value.
        case linear
        /// Position proportional to log10 of the value; values <= 0 have no position.
        case log10
    }

    /// The mapping.
    public let kind: Kind
    /// The smallest value of the (cleaned) domain.
    public let lower: Double
    /// The largest value of the (cleaned) domain; always > `lower`.
    public let upper: Double
    /// The pixel position of `lower`.
    public let rangeStart: Double
    /// The pixel position of `upper` (may be smaller than `rangeStart`, e.g. for a y axis).
    public let rangeEnd: Double
    /// Prefer steps of 7, 14, 28 or 56 (days as weeks) when the domain spans at most 26 weeks.
    public let prefersWeeks: Bool

    /// Creates a scale.
    /// - Parameters:
    ///   - kind: `.linear` (default) or `.log10`.
    ///   - lower: The domain's lower end.
    ///   - upper: The domain's upper end.
    ///   - rangeStart: Pixel position of `lower`.
    ///   - rangeEnd: Pixel position of `upper`.
    ///   - prefersWeeks: Use week multiples for ticks on short day axes (linear only).
    public init(kind: Kind = .linear, lower: Double, upper: Double, rangeStart: Double, rangeEnd: Double,
                prefersWeeks: Bool = false) {
        let domain = Self.cleanDomain(kind: kind, lower: lower, upper: upper)
        self.kind = kind
        self.lower = domain.lower
        self.upper = domain.upper
        self.rangeStart = rangeStart.isFinite ? rangeStart : 0
        self.rangeEnd = rangeEnd.isFinite ? rangeEnd : 1
        self.prefersWeeks = prefersWeeks && kind == .linear
    }

    /// The pixel position of `value`, or nil when it is not finite (or not positive on a log scale).
    /// Values outside the domain map outside the range (callers clip).
    /// - Parameter value: A data value.
    /// - Returns: The pixel position.
    /// - Complexity: O(1).
    public func position(of value: Double) -> Double? {
        guard let t = transformed(value), let a = transformed(lower), let b = transformed(upper), b > a else {
            return nil
        }
        let position = rangeStart + (t - a) / (b - a) * (rangeEnd - rangeStart)
        return position.isFinite ? position : nil
    }

    /// The pixel position of `value` clamped into the domain first; nil when it has no position.
    /// - Parameter value: A data value.
    /// - Returns: The pixel position, inside the range.
    public func clampedPosition(of value: Double) -> Double? {
        guard transformed(value) != nil else { return nil }
        return position(of: min(max(value, lower), upper))
    }

    /// Whether `value` lies in the domain (with a relative tolerance of 1e-9 of its width).
    public func contains(_ value: Double) -> Bool {
        guard value.isFinite else { return false }
        let slack = (upper - lower) * 1e-9
        return value >= lower - slack && value <= upper + slack
    }

    /// The value on the transformed axis: itself (linear) or its log10; nil when it has none.
    package func transformed(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        switch kind {
        case .linear: return value
        case .log10:
            guard value > 0 else { return nil }
            let log = log10(value)
            return log.isFinite ? log : nil
        }
    }

    /// A usable domain: finite, ordered, non-empty and (for log) positive.
    package static func cleanDomain(kind: Kind, lower: Double, upper: Double) -> (lower: Double, upper: Double) {
        var values = [lower, upper].filter { $0.isFinite && (kind == .linear || $0 > 0) }
        if kind == .log10 { values = values.filter { log10($0).isFinite } }
        guard let low = values.min(), let high = values.max() else {
            return kind == .linear ? (0, 1) : (0.1, 10)
        }
        let fallback: (lower: Double, upper: Double) = kind == .linear ? (0, 1) : (0.1, 10)
        if high > low { return (high - low).isFinite ? (low, high) : fallback }
        let widened: (lower: Double, upper: Double)
        switch kind {
        case .linear:
            let pad = low == 0 ? 1 : abs(low) * 0.1
            widened = (low - pad, low + pad)
        case .log10:
            widened = (low / 2, low * 2)
        }
        guard widened.lower.isFinite, widened.upper.isFinite, widened.upper > widened.lower,
              kind == .linear || widened.lower > 0 else {
            return fallback
        }
        return widened
    }
}
