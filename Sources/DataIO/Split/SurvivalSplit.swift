/// R's `survSplit`: each row's follow-up `(start, stop]` cut at given times, for time-varying effects (a
/// covariate that changes at a cut) and piecewise analyses (a hazard per interval between cuts).
///
/// The rules are those of `survSplit(Surv(time, event) ~ ., data, cut, episode = "episode", start =
/// "tstart")` and of its `Surv(start, stop, event)` form (survival 3.5):
/// - A row `(start, stop]` (start 0 without an entry-time column) is cut at every cut time `c` with
///   `start < c < stop`, into `(start, c1]`, `(c1, c2]`, ..., `(ck, stop]` in time order. A cut at or
///   outside a row's ends leaves that row whole.
/// - Only the last piece keeps the row's event; the earlier pieces end censored (0).
/// - A piece's episode is 1 + the number of cuts at or before its start: 1 before the first cut, k + 1
///   after the k-th (R's `interval + 1`).
/// - Every row needs `stop > start`: R refuses `start >= stop`, and times at or below 0 without an
///   entry-time column.
///
/// ```swift
/// let split = try SurvivalSplit(cuts: [7, 14, 28])
/// let pieces = split.pieces(stop: 20, event: true)   // (0, 7] 0 ep 1, (7, 14] 0 ep 2, (14, 20] 1 ep 3
/// let table = try split.read(path: "data/ketamine_trial.csv")
/// try AtomicFileWriter().write(to: "split.csv") { (emit) throws(DataError) in try table.writeCSV(emit) }
/// ```
public struct SurvivalSplit: Sendable, Equatable {
    /// The cut times: finite, non-negative, strictly increasing.
    public let cuts: [Double]
    /// The name of the pieces' start column; `nil` names it `tstart`, or after the entry-time column when
    /// the rows have one (as R).
    public let startName: String?
    /// The name of the pieces' episode column (R's `episode =`).
    public let episodeName: String

    /// Creates a split.
    /// - Parameters:
    ///   - cuts: The cut times, strictly increasing, finite and non-negative.
    ///   - startName: The start column's name, or `nil` for `tstart` (the entry-time column's name when
    ///     there is one).
    ///   - episodeName: The episode column's name.
    /// - Throws: ``DataError`` (usage) for no cuts, a negative, non-finite, repeated or unsorted cut, or an
    ///   empty or shared column name.
    public init(cuts: [Double], startName: String? = nil, episodeName: String = "episode") throws(DataError) {
        guard !cuts.isEmpty else { throw DataError(.usage, message: "--cut needs at least one time, e.g. --cut 7,14,28") }
        for cut in cuts where !(cut.isFinite && cut >= 0) {
            throw DataError(.usage, message: "--cut: \(cut) is not a time >= 0 (example: --cut 7,14,28)")
        }
        for (a, b) in zip(cuts, cuts.dropFirst()) where !(a < b) {
            throw DataError(
                .usage,
                message: "--cut: the times must be strictly increasing, but \(_BandFormatter.format(b)) follows "
                    + "\(_BandFormatter.format(a)) (example: --cut 7,14,28)")
        }
        if startName?.isEmpty == true { throw DataError(.usage, message: "--start-name needs a column name") }
        if episodeName.isEmpty { throw DataError(.usage, message: "--episode-name needs a column name") }
        if startName == episodeName {
            throw DataError(.usage, message: "--start-name and --episode-name are both '\(episodeName)'; give two names")
        }
        self.cuts = cuts
        self.startName = startName
        self.episodeName = episodeName
    }

    /// The cuts as a reader writes them: `7, 14, 28` (integers without a decimal point).
    public var cutList: String { cuts.map(_BandFormatter.format).joined(separator: ", ") }

    /// The cut times of an option's text, e.g. `7,14,28`.
    /// - Parameter text: Comma-separated times.
    /// - Returns: The times in the order given (``init(cuts:startName:episodeName:)`` checks them).
    /// - Throws: ``DataError`` (usage) naming a value that is not a non-negative number.
    public static func cuts(parsing text: String) throws(DataError) -> [Double] {
        try NumberList.parse(text, option: "--cut", domain: .nonNegative, example: "7,14,28")
    }

    /// The pieces of one row `(start, stop]` (row 0).
    /// - Parameters:
    ///   - start: The entry time (0 for a duration).
    ///   - stop: The stop time, above `start`.
    ///   - event: The row's event.
    /// - Returns: The pieces in time order; none when `stop` is not above `start` or either is not finite.
    /// - Complexity: O(log cuts + pieces).
    public func pieces(start: Double = 0, stop: Double, event: Bool) -> [SplitPiece] {
        pieces(row: 0, start: start, stop: stop, event: event)
    }

    /// The pieces of row `row` (``pieces(start:stop:event:)``).
    func pieces(row: Int, start: Double, stop: Double, event: Bool) -> [SplitPiece] {
        guard start.isFinite, stop.isFinite, start < stop else { return [] }
        let inside = cutsInside(start: start, stop: stop)
        return (0...inside.count).map { k in
            SplitPiece(
                row: row, start: k == 0 ? start : cuts[inside.lowerBound + k - 1],
                stop: k == inside.count ? stop : cuts[inside.lowerBound + k], event: k == inside.count && event,
                episode: inside.lowerBound + 1 + k)
        }
    }

    /// The indices of the cuts strictly inside `(start, stop)`; its lower bound is the number of cuts at
    /// or before `start`.
    /// - Complexity: O(log cuts).
    @inline(__always)
    func cutsInside(start: Double, stop: Double) -> Range<Int> {
        let lower = Self.count(cuts) { $0 <= start }
        return lower..<max(lower, Self.count(cuts) { $0 < stop })
    }

    /// The length of the prefix of the increasing `cuts` that satisfies `isBelow` (a binary search).
    @inline(__always)
    private static func count(_ cuts: [Double], _ isBelow: (Double) -> Bool) -> Int {
        var (low, high) = (0, cuts.count)
        while low < high {
            let middle = (low + high) / 2
            if isBelow(cuts[middle]) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
