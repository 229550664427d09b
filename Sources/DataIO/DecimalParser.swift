import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses decimal numbers straight from bytes, without creating a `String`.
///
/// Plain decimal and scientific notation (`12.34`, `-0.01`, `180`, `1e-3`, `.5`, `5.`) is parsed by
/// Clinger's fast path when the significand is at
/// most 2^53 and the power of ten is within 10^±22, where one correctly rounded IEEE multiplication or
/// division gives the correctly rounded result. Other plain forms go to `strtod` (correctly rounded in
/// glibc); odd forms (`inf`, `nan`, hexadecimal) to `Double(String)`.
enum _DecimalParser {
    /// 10^0 ... 10^22, all exactly representable.
    private static let powers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses `count` bytes at `start` (no surrounding spaces) as a number.
    /// - Parameters:
    ///   - start: The first byte.
    ///   - count: The number of bytes.
    ///   - decimalMark: `.` or `,`.
    /// - Returns: The correctly rounded value, or `nil` when the bytes are not a number.
    /// - Complexity: O(count).
    static func parse(_ start: UnsafePointer<UInt8>, _ count: Int, decimalMark: UInt8) -> Double? {
        if let value = parsePlain(start, count, decimalMark: decimalMark) { return value }
        return parseOdd(start, count, decimalMark: decimalMark)
    }

    /// Plain decimal/scientific notation only; `nil` for anything else.
    @inline(__always)
    static func parsePlain(_ p: UnsafePointer<UInt8>, _ n: Int, decimalMark: UInt8) -> Double? {
        var i = 0
        var negative = false
        if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        var truncated = false
        while i < n {
            let d = p[i] &- UInt8(ascii: "0")
            if d > 9 { break }
            sawDigit = true
            if mantissa == 0 && d == 0 {
                // leading zero
            } else if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                significant += 1
            } else {
                exponent += 1
                if d != 0 { truncated = true }
            }
            i += 1
        }
        if i < n, p[i] == decimalMark {
            i += 1
            while i < n {
                let d = p[i] &- UInt8(ascii: "0")
                if d > 9 { break }
                sawDigit = true
                if mantissa == 0 && d == 0 {
                    exponent -= 1
                } else if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    significant += 1
                    exponent -= 1
                } else if d != 0 {
                    truncated = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < n, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            var expNegative = false
            if i < n, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                expNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var e = 0
            var sawExpDigit = false
            while i < n {
                let d = p[i] &- UInt8(ascii: "0")
                if d > 9 { break }
                sawExpDigit = true
                if e < 100_000 { e = e * 10 + Int(d) }
                i += 1
            }
            guard sawExpDigit else { return nil }
            exponent += expNegative ? -e : e
        }
        guard i == n else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !truncated && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)
            let value = exponent >= 0 ? m * powers[exponent] : m / powers[-exponent]
            return negative ? -value : value
        }
        return strtodFallback(p, n, decimalMark: decimalMark)
    }

    /// `strtod` on a NUL-terminated copy with `.` as the decimal mark (correctly rounded in glibc).
    private static func strtodFallback(_ p: UnsafePointer<UInt8>, _ n: Int, decimalMark: UInt8) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer -> Double? in
            guard let base = buffer.baseAddress else { return nil }
            for k in 0..<n {
                let byte = p[k] == decimalMark ? UInt8(ascii: ".") : p[k]
                base[k] = CChar(bitPattern: byte)
            }
            base[n] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &end)
            guard let end, end - base == n else { return nil }
            return value
        }
    }

    /// Odd forms (`inf`, `nan`, `0x1p3`) through `Double(String)`.
    private static func parseOdd(_ p: UnsafePointer<UInt8>, _ n: Int, decimalMark: UInt8) -> Double? {
        guard n > 0, n <= 64 else { return nil }
        var text = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
        if decimalMark != UInt8(ascii: ".") {
            guard !text.contains(".") else { return nil }
            text = text.replacingOccurrences(of: String(UnicodeScalar(decimalMark)), with: ".")
        }
        return Double(text)
    }
}
