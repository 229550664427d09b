/// The rows of a file split by ``SurvivalSplit/read(path:dialect:roles:)``: per row used, its interval,
/// event and carried columns; the pieces are made as they are asked for (``pieces()``,
/// ``writeCSV(_:)``), never stored.
public struct SplitTable: Sendable {
    /// The split (cuts, column names).
    public let split: SurvivalSplit
    /// The roles the file was read with (time, entry time, event, event codes).
    public let roles: ColumnRoles
    /// The file's record (path, SHA-256, rows read, delimiter).
    public let source: SourceInfo
    /// The columns carried over unchanged: every column but the time, the entry time and the event, in
    /// file order.
    public let carriedColumns: [String]
    /// Rows left out (missing or invalid values, under `skipInvalid`), in line order.
    public let exclusions: [Exclusion]
    /// The number of pieces (the split file's data records).
    public let count: Int

    /// Per row used: the entry time (`nil` without an entry-time column: 0), the stop time, the event and
    /// the physical line.
    let start: [Double]?
    let stop: [Double]
    let event: [Bool]
    let lines: [Int]
    /// The carried fields of every row, each preceded by `,`, CSV-encoded; row `k`'s start at `carriedStarts[k]`.
    let carried: _FrozenBytes
    let carriedStarts: [Int]

    init(
        split: SurvivalSplit, roles: ColumnRoles, source: SourceInfo, carriedColumns: [String], exclusions: [Exclusion],
        start: [Double]?, stop: [Double], event: [Bool], lines: [Int], carried: _FrozenBytes, carriedStarts: [Int]
    ) {
        self.split = split
        self.roles = roles
        self.source = source
        self.carriedColumns = carriedColumns
        self.exclusions = exclusions
        self.start = start
        self.stop = stop
        self.event = event
        self.lines = lines
        self.carried = carried
        self.carriedStarts = carriedStarts
        var count = 0
        for row in stop.indices { count += split.cutsInside(start: start?[row] ?? 0, stop: stop[row]).count + 1 }
        self.count = count
    }

    /// The number of rows used (split into ``count`` pieces).
    public var rowCount: Int { stop.count }

    /// The number of rows whose event is 1 (each kept by the row's last piece).
    public var eventCount: Int { event.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// The name of the pieces' start column: ``SurvivalSplit/startName``, else the entry-time column's,
    /// else `tstart`.
    public var startColumn: String { split.startName ?? roles.start ?? "tstart" }

    /// The split file's column names: ``carriedColumns``, then the start, the stop (``ColumnRoles/time``),
    /// the event (``ColumnRoles/event``) and the episode (R's order).
    public var columnNames: [String] { carriedColumns + [startColumn, roles.time, roles.event, split.episodeName] }

    /// The physical line of row `row` in the file, or `nil` when `row` is not in `0..<rowCount`.
    public func line(ofRow row: Int) -> Int? {
        lines.indices.contains(row) ? lines[row] : nil
    }

    /// The pieces of every row, rows in file order and each row's pieces in time order.
    /// - Complexity: O(rows log cuts + pieces).
    public func pieces() -> [SplitPiece] {
        var pieces: [SplitPiece] = []
        pieces.reserveCapacity(count)
        for row in stop.indices {
            pieces += split.pieces(row: row, start: start?[row] ?? 0, stop: stop[row], event: event[row])
        }
        return pieces
    }

    /// Where row `row`'s carried fields end in ``carried``.
    @inline(__always)
    func carriedEnd(_ row: Int) -> Int {
        row + 1 < carriedStarts.count ? carriedStarts[row + 1] : carried.count
    }
}
