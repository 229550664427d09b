/// Locale-independent number formatting for SVG output: coordinates, tick labels and estimates.
///
/// Never uses `String(format:)` or a formatter that reads the locale, so the same input gives
/// byte-identical text on every machine. Non-finite values have no text (`nil`) or a stated fallback.
package enum SVGNumber {
    /// Largest magnitude formatted digit by digit; beyond it the value is written in Swift's own
    /// (locale-independent) `description`.
    package static let largestFixed = 1e15

    /// A coordinate: at most 2 decimals, trailing zeros removed, clamped to ±1e6, "0" for non-finite.
    /// - Parameter value: The coordinate in pixels.
    /// - Returns: Text such as `"12.5"`, `"-3"` or `"0"`.
    package static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let clamped = min(max(value, -1e6), 1e6)
        return trimmed(fixed(clamped, decimals: 2) ?? "0")
    }

    /// `value` with exactly `decimals` digits after the point (0...12), rounded half away from zero;
    /// `-0.00` is written `0.00`.
    /// - Parameters:
    ///   - value: The number.
    ///   - decimals: Digits after the decimal point, clamped to 0...12.
    /// - Returns: The text, or nil when `value` is not finite.
    package static func fixed(_ value: Double, decimals: Int) -> String? {
        guard value.isFinite else { return nil }
        let places = min(max(decimals, 0), 12)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard abs(value) < largestFixed, scaled < 9e15 else { return value.description }
        let digits = UInt64(scaled)
        let divisor = UInt64(scale)
        let whole = digits / divisor
        let fraction = digits % divisor
        var text = digits == 0 || value > 0 ? "" : "-"
        text += String(whole)
        if places > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: places - fractionText.count) + fractionText
        }
        return text
    }

    /// `value` with `significant` significant digits when it is small (|value| < 0.1), else with
    /// `decimals` decimals: "1.52", "0.0456".
    /// - Parameters:
    ///   - value: The number.
    ///   - decimals: Decimals for |value| >= 0.1 (default 2).
    ///   - significant: Significant digits for 0 < |value| < 0.1 (default 3).
    /// - Returns: The text, or nil when `value` is not finite.
    package static func estimate(_ value: Double, decimals: Int = 2, significant: Int = 3) -> String? {
        guard value.isFinite else { return nil }
        let magnitude = abs(value)
        guard magnitude > 0, magnitude < 0.1 else { return fixed(value, decimals: decimals) }
        return fixed(value, decimals: significantDecimals(magnitude, significant: significant))
    }

    /// A ratio (hazard or time ratio) with 3 significant digits, and more decimals (up to 6) when that
    /// would show a ratio other than 1 as 1: "1.52", "0.512", "12.3", "1.004" (not "1.00").
    /// - Parameter value: The ratio.
    /// - Returns: The text, or nil when `value` is not finite.
    package static func ratio(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        guard value != 0 else { return "0" }
        var decimals = significantDecimals(abs(value), significant: 3)
        while decimals < 6, value != 1, fixed(value, decimals: decimals) == fixed(1, decimals: decimals) { decimals += 1 }
        return fixed(value, decimals: decimals)
    }

    /// A short general label with up to `significant` significant digits and no trailing zeros:
    /// "0.5", "2", "1000", "0.001".
    /// - Parameters:
    ///   - value: The number.
    ///   - significant: Significant digits (default 3).
    /// - Returns: The text, or nil when `value` is not finite.
    package static func general(_ value: Double, significant: Int = 3) -> String? {
        guard value.isFinite else { return nil }
        let magnitude = abs(value)
        guard magnitude > 0 else { return "0" }
        return fixed(value, decimals: significantDecimals(magnitude, significant: significant)).map(trimmed)
    }

    /// Decimals that show `significant` significant digits of a positive `magnitude` (0...12).
    package static func significantDecimals(_ magnitude: Double, significant: Int) -> Int {
        var exponent = 0
        var scaled = magnitude
        while scaled < 1, exponent < 12 {
            scaled *= 10
            exponent += 1
        }
        while scaled >= 10, exponent > -20 {
            scaled /= 10
            exponent -= 1
        }
        return min(max(significant - 1 + exponent, 0), 12)
    }

    /// `text` without trailing zeros after a decimal point (and without a bare trailing point).
    package static func trimmed(_ text: String) -> String {
        // Byte tests: `String.contains(_: String)` goes through Foundation's `range(of:)`, which was 7% of
        // `relief report` at 1,000,000 rows (every SVG coordinate passes here).
        guard text.utf8.contains(UInt8(ascii: ".")), !text.utf8.contains(UInt8(ascii: "e")) else { return text }
        var out = Substring(text)
        while out.hasSuffix("0") { out = out.dropLast() }
        if out.hasSuffix(".") { out = out.dropLast() }
        return out == "-0" ? "0" : String(out)
    }
}
