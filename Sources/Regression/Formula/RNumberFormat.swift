import Foundation

/// Formats numbers as R's `deparse` and `as.character` do (15 significant digits, fixed notation
/// unless scientific is shorter).
package enum _RNumberFormat {
    /// `value` as R deparses a double: `2`, `0.5`, `0.001`, `1e+05`, `1e-20`, `123456789012`.
    /// - Complexity: O(1).
    package static func deparse(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "Inf") }
        if value == 0 { return "0" }
        let negative = value < 0
        let scientific = String(format: "%.14e", abs(value))  // d.dddddddddddddde±XX
        guard let eIndex = scientific.firstIndex(of: "e"), let exponent = Int(scientific[scientific.index(after: eIndex)...]) else {
            return "\(value)"
        }
        var digits = Array(scientific[..<eIndex].filter { $0 != "." })
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        let significant = digits.count
        let sign = negative ? "-" : ""

        // Fixed notation.
        var fixed = ""
        if exponent >= 0 {
            let integerDigits = exponent + 1
            if significant <= integerDigits {
                fixed = String(digits) + String(repeating: "0", count: integerDigits - significant)
            } else {
                fixed = String(digits[0..<integerDigits]) + "." + String(digits[integerDigits...])
            }
        } else {
            fixed = "0." + String(repeating: "0", count: -exponent - 1) + String(digits)
        }
        // Scientific notation.
        var mantissa = String(digits[0])
        if significant > 1 { mantissa += "." + String(digits[1...]) }
        let exponentText = String(format: "%02d", abs(exponent))
        let sci = mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentText
        return sign + (fixed.count <= sci.count ? fixed : sci)
    }
}
