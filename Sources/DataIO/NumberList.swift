import Foundation

/// Comma-separated numbers of a command-line option (`--times 7,14,28`, `--doses 0.5,1`), with one message for a
/// value that is not a number of the kind asked for.
public enum NumberList {
    /// Which numbers an option takes.
    public enum Domain: Sendable {
        case any
        case nonNegative
        case positive
    }

    /// Parses `text` for `option`.
    /// - Parameters:
    ///   - text: The option's value.
    ///   - option: The option's name, for the message.
    ///   - domain: Which numbers are allowed.
    ///   - example: An example value for the message.
    ///   - allowsEmpty: Whether an empty value means no numbers (else it is an error).
    /// - Throws: ``DataError`` of kind usage naming the bad value and showing an example.
    public static func parse(_ text: String, option: String, domain: Domain, example: String, allowsEmpty: Bool = false) throws(DataError) -> [Double] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty, allowsEmpty { return [] }
        var values: [Double] = []
        for part in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let item = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(item), value.isFinite, domain.admits(value) else {
                throw DataError(.usage, message: "\(option): '\(item)' is not \(domain.noun) (example: \(option) \(example))")
            }
            values.append(value)
        }
        guard !values.isEmpty else { throw DataError(.usage, message: "\(option) needs at least one value") }
        return values
    }
}

extension NumberList.Domain {
    public func admits(_ value: Double) -> Bool {
        switch self {
        case .any: return true
        case .nonNegative: return value >= 0
        case .positive: return value > 0
        }
    }

    public var noun: String {
        switch self {
        case .any: return "a number"
        case .nonNegative: return "a non-negative number"
        case .positive: return "a positive number"
        }
    }
}
