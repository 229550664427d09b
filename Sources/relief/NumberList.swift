import ArgumentParser
import Foundation

/// Comma-separated numbers of an option (`--times 7,14,28`, `--doses 0.5,1`), with one message for a
/// value that is not a number of the kind asked for.
enum NumberList {
    /// Which numbers an option takes.
    enum Domain {
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
    /// - Throws: `ValidationError` naming the bad value and showing an example.
    static func parse(_ text: String, option: String, domain: Domain, example: String, allowsEmpty: Bool = false) throws -> [Double] {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty, allowsEmpty { return [] }
        let values = try trimmed.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let item = part.trimmingCharacters(in: .whitespaces)
            guard let value = Double(item), value.isFinite, domain.admits(value) else {
                throw ValidationError("\(option): '\(item)' is not \(domain.noun) (example: \(option) \(example))")
            }
            return value
        }
        guard !values.isEmpty else { throw ValidationError("\(option) needs at least one value") }
        return values
    }
}

extension NumberList.Domain {
    func admits(_ value: Double) -> Bool {
        switch self {
        case .any: return true
        case .nonNegative: return value >= 0
        case .positive: return value > 0
        }
    }

    var noun: String {
        switch self {
        case .any: return "a number"
        case .nonNegative: return "a non-negative number"
        case .positive: return "a positive number"
        }
    }
}
