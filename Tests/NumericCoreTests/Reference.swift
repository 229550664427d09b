import Testing

/// A reference value from R and the call that produced it (compared with `Tolerance` from
/// ReliefTestSupport).
struct Reference: Sendable, CustomTestStringConvertible {
    let input: Double
    let expected: Double
    let rCall: String
    var testDescription: String { rCall }
    init(_ input: Double, _ expected: Double, _ rCall: String) {
        self.input = input
        self.expected = expected
        self.rCall = rCall
    }
}

/// A two-parameter reference value from R.
struct Reference2: Sendable, CustomTestStringConvertible {
    let first: Double
    let second: Double
    let expected: Double
    let rCall: String
    var testDescription: String { rCall }
    init(_ first: Double, _ second: Double, _ expected: Double, _ rCall: String) {
        self.first = first
        self.second = second
        self.expected = expected
        self.rCall = rCall
    }
}
