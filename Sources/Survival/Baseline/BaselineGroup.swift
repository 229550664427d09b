/// One column of a ``BaselineTable``: a level of the grouping, or the overall group.
public struct BaselineGroup: Sendable, Equatable {
    /// The level label as read from the data (not escaped), or "Overall".
    public let label: String
    /// Whether this is the all-rows group (always the last).
    public let isOverall: Bool
    /// The number of episodes (rows) in the group.
    public let episodes: Int
    /// The number of distinct patients among the group's rows (missing ids not counted); `nil` when the
    /// dataset has no patient id column.
    public let patients: Int?
    /// The number of episodes whose relief ended (events).
    public let events: Int

    /// Creates a group record.
    /// - Parameters:
    ///   - label: The level label, or "Overall".
    ///   - isOverall: Whether this is the all-rows group.
    ///   - episodes: Rows in the group.
    ///   - patients: Distinct patients in the group, or `nil`.
    ///   - events: Events in the group.
    public init(label: String, isOverall: Bool, episodes: Int, patients: Int?, events: Int) {
        self.label = label
        self.isOverall = isOverall
        self.episodes = episodes
        self.patients = patients
        self.events = events
    }
}
