import Foundation
import ReliefTestSupport

/// Compares two outputs as text with numbers inside: the text between numbers must be identical, and
/// numbers must agree to a relative tolerance.
///
/// Two numbers `a` and `b` agree when `|a - b| <= relativeTolerance * max(|a|, |b|)` or
/// `|a - b| <= absoluteFloor` (so that 0 and 1e-17 agree): the rule of `Tolerance` (ReliefTestSupport). A number on a line whose text before it
/// mentions "iteration", or that is followed by " iteration", is not compared (iteration counts may change with the optimiser).
struct GoldenComparison {
    var relativeTolerance: Double
    var absoluteFloor = 1e-13

    /// A piece of text: a run of non-number characters, or a number.
    enum Token: Equatable {
        case text(String)
        case number(String)
    }

    /// The first place where `actual` differs from `expected`, described with its line, or `nil`.
    func firstDifference(expected: String, actual: String) -> String? {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        if expectedLines.count != actualLines.count {
            let common = zip(expectedLines, actualLines).prefix { $0 == $1 }.count
            return "\(expectedLines.count) lines expected, \(actualLines.count) found; first differing line \(common + 1): "
                + "expected '\(Self.clip(expectedLines, common))', found '\(Self.clip(actualLines, common))'"
        }
        for (index, (want, got)) in zip(expectedLines, actualLines).enumerated() where want != got {
            if let problem = lineDifference(String(want), String(got)) {
                return "line \(index + 1): \(problem)\n  expected: \(want.prefix(300))\n  found:    \(got.prefix(300))"
            }
        }
        return nil
    }

    /// Why two lines differ, or `nil` when they agree within the tolerance.
    func lineDifference(_ expected: String, _ actual: String) -> String? {
        let want = Self.tokens(expected)
        let got = Self.tokens(actual)
        guard want.count == got.count else { return "different shape (\(want.count) vs \(got.count) tokens)" }
        var before = ""
        for (position, (a, b)) in zip(want, got).enumerated() {
            let after: String
            if position + 1 < want.count, case .text(let next) = want[position + 1] { after = next } else { after = "" }
            switch (a, b) {
            case (.text(let x), .text(let y)):
                if x != y { return "text '\(x)' became '\(y)'" }
                before += x
            case (.number(let x), .number(let y)):
                defer { before += x }
                if x == y || before.lowercased().contains("iteration") || after.lowercased().hasPrefix(" iteration") { continue }
                guard let u = Double(x), let v = Double(y) else { return "number '\(x)' became '\(y)'" }
                if Tolerance(relative: relativeTolerance, absolute: absoluteFloor).accepts(v, u) { continue }
                return "number \(x) became \(y) (relative difference \(Tolerance.relativeDifference(v, u)))"
            default:
                return "a number and text swapped places"
            }
        }
        return nil
    }

    /// Splits a line into text and numbers (`-1.5e-3`, `42`, `.5`); a number glued to letters or digits
    /// on its left (as in a hash or a name like `x1`) stays text.
    static func tokens(_ line: String) -> [Token] {
        let characters = Array(line.unicodeScalars)
        var tokens: [Token] = []
        var text = String.UnicodeScalarView()
        var index = 0
        func isDigit(_ i: Int) -> Bool { i < characters.count && ("0"..."9").contains(characters[i]) }
        func isWordCharacter(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "."
        }
        while index < characters.count {
            let start = index
            var cursor = index
            if characters[cursor] == "-" || characters[cursor] == "+" { cursor += 1 }
            let startsNumber =
                isDigit(cursor) || (cursor < characters.count && characters[cursor] == "." && isDigit(cursor + 1))
            let gluedLeft = start > 0 && isWordCharacter(characters[start - 1])
            if startsNumber && !gluedLeft {
                while isDigit(cursor) { cursor += 1 }
                if cursor < characters.count, characters[cursor] == ".", isDigit(cursor + 1) || cursor > start {
                    cursor += 1
                    while isDigit(cursor) { cursor += 1 }
                }
                if cursor < characters.count, characters[cursor] == "e" || characters[cursor] == "E" {
                    var exponent = cursor + 1
                    if exponent < characters.count, characters[exponent] == "-" || characters[exponent] == "+" { exponent += 1 }
                    if isDigit(exponent) {
                        cursor = exponent
                        while isDigit(cursor) { cursor += 1 }
                    }
                }
                let gluedRight = cursor < characters.count && characters[cursor].properties.isAlphabetic
                if !gluedRight {
                    if !text.isEmpty { tokens.append(.text(String(text))) }
                    text = String.UnicodeScalarView()
                    tokens.append(.number(String(String.UnicodeScalarView(characters[start..<cursor]))))
                    index = cursor
                    continue
                }
                text.append(contentsOf: characters[start..<cursor])
                index = cursor
                continue
            }
            text.append(characters[index])
            index += 1
        }
        if !text.isEmpty { tokens.append(.text(String(text))) }
        return tokens
    }

    static func clip(_ lines: [Substring], _ index: Int) -> String {
        lines.indices.contains(index) ? String(lines[index].prefix(200)) : "<end>"
    }
}
