import Foundation
import Reporting

extension OutcomeWording {
    /// The longest outcome word (`--outcome-label`) taken: it appears in titles and table headings.
    public static let maximumOutcomeLength = 40

    /// The wording of a command line's `--time-unit` and `--outcome-label`, checked.
    /// - Parameters:
    ///   - timeUnit: The unit of the time columns.
    ///   - outcome: The outcome's word as given.
    /// - Returns: The wording, the word trimmed of surrounding spaces.
    /// - Throws: ``AnalysisError`` (usage) for an empty word, one with control characters or one longer
    ///   than ``maximumOutcomeLength`` characters.
    public static func checked(timeUnit: TimeUnit, outcome: String) throws(AnalysisError) -> OutcomeWording {
        let word = outcome.trimmingCharacters(in: .whitespaces)
        guard !word.isEmpty, word.count <= maximumOutcomeLength,
            !word.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw AnalysisError(
                .usage, "--outcome-label '\(outcome)': give a word or short phrase of 1 to \(maximumOutcomeLength) "
                    + "printable characters, e.g. --outcome-label response")
        }
        return OutcomeWording(timeUnit: timeUnit, outcome: word)
    }
}
