/// One piece of a row split by ``SurvivalSplit``: the interval `(start, stop]`, its event and episode. Made by
/// ``SurvivalSplit/pieces(start:stop:event:)`` and ``SplitTable/pieces()``.
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
}
