extension SurvivalDataset {
    /// The first pair of `(start, stop]` rows of one patient whose intervals overlap, within the same
    /// `separate` code (e.g. a stratum: the marginal Wei–Lin–Weissfeld layout repeats a patient's follow-up
    /// once per event type, in different strata). Rows of one patient must not overlap otherwise: the
    /// patient would be counted twice in a risk set.
    /// - Parameter separate: A code per row that keeps overlapping rows apart (strata, groups), or nil.
    /// - Returns: The physical lines of the two rows, or nil when there is no overlap, no entry time or no
    ///   patient column.
    /// - Complexity: O(n) when the rows are in patient and start order, O(n log n) otherwise.
    public func overlappingIntervals(separate: [Int]? = nil) -> (first: Int, second: Int)? {
        guard let start, let patientCodes, patientCodes.count == time.count, start.count == time.count else { return nil }
        func before(_ a: Int, _ b: Int) -> Bool {
            if patientCodes[a] != patientCodes[b] { return patientCodes[a] < patientCodes[b] }
            let (sa, sb) = (separate?[a] ?? 0, separate?[b] ?? 0)
            if sa != sb { return sa < sb }
            return start[a] < start[b]
        }
        // Exports usually list each patient's intervals in order: then one pass suffices.
        let inOrder = zip(time.indices, time.indices.dropFirst()).allSatisfy { !before($1, $0) }
        let order = inOrder ? Array(time.indices) : time.indices.sorted(by: before)
        for (a, b) in zip(order, order.dropFirst())
        where patientCodes[a] == patientCodes[b] && (separate?[a] ?? 0) == (separate?[b] ?? 0) && start[b] < time[a] {
            let line = { (row: Int) in rowLines.indices.contains(row) ? rowLines[row] : row + 1 }
            return (min(line(a), line(b)), max(line(a), line(b)))
        }
        return nil
    }
}

extension SurvivalDataset {
    /// Refuses `(start, stop]` rows of one patient that overlap (see ``overlappingIntervals(separate:)``).
    /// - Parameter separate: A code per row that keeps overlapping rows apart, or nil; evaluated only when
    ///   the rows have entry times and a patient column (``groupingCodes`` is a pass over every row).
    /// - Throws: ``DataError`` (bad data) naming both lines.
    /// - Complexity: O(n log n); O(1) without entry times or patients.
    public func checkNoOverlappingIntervals(separate: @autoclosure () -> [Int]? = nil) throws(DataError) {
        guard start != nil, patientCodes != nil else { return }
        guard let (first, second) = overlappingIntervals(separate: separate()) else { return }
        throw DataError(
            .badData, file: source.file, line: second,
            message: "the (start, stop] interval of this row overlaps that of line \(first) for the same patient",
            hint: "a patient is at risk once at any time: split follow-up into intervals that do not overlap "
                + "(a model that repeats follow-up per event type takes strata(event_type))")
    }

    /// A dense code per row for the cross of the `by` groupings and the strata (rows in different curves
    /// or strata may overlap), or nil without them.
    /// - Complexity: O(n · columns).
    public var groupingCodes: [Int]? {
        let factors = groupings + (strata.map { [$0] } ?? [])
        guard !factors.isEmpty else { return nil }
        var dense: [[Int]: Int] = [:]
        return time.indices.map { row in
            let key = factors.map { $0.codes.indices.contains(row) ? $0.codes[row] : -1 }
            if let code = dense[key] { return code }
            dense[key] = dense.count
            return dense.count - 1
        }
    }
}
