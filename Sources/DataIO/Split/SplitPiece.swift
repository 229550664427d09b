/// One piece of a row split by ``SurvivalSplit``: the interval `(start, stop]`, its event and episode.
public struct SplitPiece: Sendable, Equatable {
    /// The index of the row it comes from, among the rows used (``SplitTable/rowCount``).
    public let row: Int
    /// Where the piece starts (the row's entry time, or a cut).
    public let start: Double
    /// Where it stops (a cut, or the row's stop time).
    public let stop: Double
    /// Whether the piece ends with the row's event (only a row's last piece can).
    public let event: Bool
    /// 1 + the number of cuts at or before ``start`` (R's `episode`).
    public let episode: Int

    /// Creates a piece.
    /// - Parameters:
    ///   - row: The row's index.
    ///   - start: The start.
    ///   - stop: The stop.
    ///   - event: Whether it ends with the event.
    ///   - episode: The episode number.
    public init(row: Int, start: Double, stop: Double, event: Bool, episode: Int) {
        self.row = row
        self.start = start
        self.stop = stop
        self.event = event
        self.episode = episode
    }
}
