/// The words a report uses for its outcome and its time scale: the unit of the times (`--time-unit`)
/// and what the outcome is called (`--outcome-label`, "relief" unless given, e.g. "response").
///
/// Renderers take every unit and outcome word from here instead of writing "days" or "relief":
///
/// ```swift
/// let wording = OutcomeWording(timeUnit: .weeks, outcome: "response")
/// wording.timeAxis            // "Weeks since infusion"
/// wording.stillInOutcome      // "Proportion still in response"
/// ```
public struct OutcomeWording: Sendable, Equatable {
    /// The unit of the time columns.
    public var timeUnit: TimeUnit
    /// What the outcome is called, lower case in running text (e.g. "relief", "response").
    public var outcome: String

    /// The default outcome word.
    public static let defaultOutcome = "relief"

    /// Creates the wording.
    /// - Parameters:
    ///   - timeUnit: The unit of the time columns (days unless given).
    ///   - outcome: The outcome's word ("relief" unless given).
    public init(timeUnit: TimeUnit = .days, outcome: String = OutcomeWording.defaultOutcome) {
        self.timeUnit = timeUnit
        self.outcome = outcome
    }

    /// Whether this is the default wording (days, "relief"), which the provenance does not list.
    public var isDefault: Bool { self == OutcomeWording() }

    /// The unit's plural, e.g. "days".
    public var units: String { timeUnit.plural }

    /// The outcome word with a capital first letter, for titles ("Relief", "Response").
    public var outcomeTitle: String { outcome.prefix(1).uppercased() + outcome.dropFirst() }

    /// The x-axis title of a curve over time, e.g. "Days since infusion".
    public var timeAxis: String { "\(timeUnit.capitalized) since infusion" }

    /// The y-axis title of a survival curve, e.g. "Proportion still in relief".
    public var stillInOutcome: String { "Proportion still in \(outcome)" }

    /// The event, e.g. "relief ended".
    public var ended: String { "\(outcome) ended" }

    /// The event with a capital, for a column heading, e.g. "Relief ended".
    public var endedTitle: String { "\(outcomeTitle) ended" }

    /// A time with its unit, e.g. `"14 days"`; the number as given.
    /// - Parameter number: The formatted number.
    /// - Returns: The text.
    public func time(_ number: String) -> String { "\(number) \(units)" }
}
