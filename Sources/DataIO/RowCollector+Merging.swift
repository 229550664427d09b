/// Adding a piece of the file, read by a collector of its own, to the file's collector.
extension _RowCollector {
    /// Forgets every row, token and exclusion, keeping the storage: a piece's collector reused for the
    /// next buffer of the file (fresh arrays for each piece faulted their pages in again).
    func removeAll() {
        events?.removeAll()
        for column in groupColumns { column.removeAll() }
        idColumn?.removeAll()
        for column in covariateColumns { column.removeAll() }
        eventStatus.removeAll(keepingCapacity: true)
        times.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        rowLines.removeAll(keepingCapacity: true)
        eventValues.removeAll(keepingCapacity: true)
        exclusions.removeAll(keepingCapacity: true)
        rowsRead = 0
        eventCodingProblem = nil
        decimalCommaRows = 0
        firstDecimalComma = nil
    }

    /// Whether ``absorb(_:lineOffset:)`` leaves this collector exactly as reading the piece's records
    /// here would (see ``_CovariateAccumulator/canAbsorb(_:)``); a piece that stopped at an unknown event
    /// code is not taken either (the reader stops there and lists the codes).
    func canAbsorb(_ piece: _RowCollector) -> Bool {
        guard !piece.isStopped, carried == nil, piece.carried == nil else { return false }
        if let events, let other = piece.events, !events.canAbsorb(other) { return false }
        if let idColumn, let other = piece.idColumn, !idColumn.canAbsorb(other) { return false }
        for (column, other) in zip(groupColumns, piece.groupColumns) where !column.canAbsorb(other) { return false }
        for (column, other) in zip(covariateColumns, piece.covariateColumns) where !column.canAbsorb(other) { return false }
        return true
    }

    /// Adds `piece`, whose records follow this collector's in the file and whose lines count from 1,
    /// as if its records had been read here: dictionaries in first-seen order, every line (of used rows,
    /// exclusions, first sightings) moved by `lineOffset`.
    /// - Precondition: ``canAbsorb(_:)``; both collectors read the same columns.
    /// - Complexity: O(piece rows x columns + piece tokens).
    func absorb(_ piece: _RowCollector, lineOffset: Int) {
        rowsRead += piece.rowsRead
        exclusions.reserveCapacity(exclusions.count + piece.exclusions.count)
        for exclusion in piece.exclusions {
            exclusions.append(
                Exclusion(line: exclusion.line + lineOffset, column: exclusion.column, reason: exclusion.reason, isMissing: exclusion.isMissing))
        }
        decimalCommaRows += piece.decimalCommaRows
        if firstDecimalComma == nil, let first = piece.firstDecimalComma {
            firstDecimalComma = (first.line + lineOffset, first.problem)
        }
        if let events, let other = piece.events {
            let map = events.absorb(other, lineOffset: lineOffset)
            while eventStatus.count < events.dictionary.count {
                eventStatus.append(reader.eventStatusOf(events, token: eventStatus.count))
            }
            if eventCodingProblem == nil, let problem = piece.eventCodingProblem {
                eventCodingProblem = (problem.line + lineOffset, map[problem.token])
            }
        }
        for (column, other) in zip(groupColumns, piece.groupColumns) { column.absorb(other, lineOffset: lineOffset) }
        if let idColumn, let other = piece.idColumn { idColumn.absorb(other, lineOffset: lineOffset) }
        for (column, other) in zip(covariateColumns, piece.covariateColumns) { column.absorb(other, lineOffset: lineOffset) }
        times.append(contentsOf: piece.times)
        starts.append(contentsOf: piece.starts)
        eventValues.append(contentsOf: piece.eventValues)
        rowLines.reserveCapacity(rowLines.count + piece.rowLines.count)
        for line in piece.rowLines { rowLines.append(line + lineOffset) }
    }
}
