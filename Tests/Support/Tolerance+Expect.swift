import Testing

extension Tolerance {
    /// Records a test issue unless ``accepts(_:_:)`` holds, with a message that names what was compared,
    /// both values, their difference and this tolerance.
    ///
    /// ```swift
    /// Tolerance.relative(1e-8).expect(result.statistic, r.chisq, "log-rank chi-square")
    /// ```
    /// - Parameters:
    ///   - actual: The computed value, `nil` for none.
    ///   - expected: The reference value, `nil` for R's `NA`.
    ///   - what: What the value is, for the message.
    ///   - sourceLocation: Where the issue is recorded (the caller's line by default).
    public func expect(
        _ actual: Double?, _ expected: Double?, _ what: @autoclosure () -> String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard !accepts(actual, expected) else { return }
        Issue.record(Comment(rawValue: message(actual, expected, what())), sourceLocation: sourceLocation)
    }

    /// Records a test issue unless both arrays have the same count and every pair is accepted; the
    /// message names the first pair that is not.
    /// - Parameters:
    ///   - actual: The computed values.
    ///   - expected: The reference values.
    ///   - what: What the values are, for the message.
    ///   - sourceLocation: Where the issue is recorded (the caller's line by default).
    public func expect(
        _ actual: [Double], _ expected: [Double], _ what: @autoclosure () -> String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard actual.count == expected.count else {
            Issue.record(
                Comment(rawValue: "\(label(what()))\(actual.count) values, expected \(expected.count): \(actual) vs \(expected)"),
                sourceLocation: sourceLocation)
            return
        }
        guard let k = actual.indices.first(where: { !accepts(actual[$0], expected[$0]) }) else { return }
        let name = what()
        Issue.record(
            Comment(rawValue: message(actual[k], expected[k], name.isEmpty ? "element \(k)" : "\(name), element \(k)")),
            sourceLocation: sourceLocation)
    }

    /// `S(t4): 0.71 vs expected 0.72 (difference 0.01, relative 0.0139; tolerance 1e-10 absolute)`.
    func message(_ actual: Double?, _ expected: Double?, _ what: String) -> String {
        let shown = "\(label(what))\(actual.map { "\($0)" } ?? "nil") vs expected \(expected.map { "\($0)" } ?? "NA")"
        guard let actual, let expected else { return "\(shown) (tolerance \(self))" }
        let difference = (actual - expected).magnitude
        return "\(shown) (difference \(difference), relative \(Self.relativeDifference(actual, expected)); tolerance \(self))"
    }

    func label(_ what: String) -> String { what.isEmpty ? "" : what + ": " }
}
