import Testing

/// Relative error `|actual - expected| / |expected|`; absolute error when `expected` is 0.
/// NaN when either value is NaN, so a NaN result never passes a tolerance check.
func relativeError(_ actual: Double, _ expected: Double) -> Double {
    if actual.isNaN || expected.isNaN { return .nan }
    if expected == 0 { return abs(actual) }
    return abs(actual - expected) / abs(expected)
}

/// A reference value from R and the call that produced it.
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
