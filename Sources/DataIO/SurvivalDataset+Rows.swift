extension SurvivalDataset {
    /// The physical lines of the used rows whose duration is 0 (times are never negative), in file order.
    /// - Complexity: O(rows).
    public var zeroDurationLines: [Int] {
        time.indices.filter { time[$0] == 0 }.map { rowLines.indices.contains($0) ? rowLines[$0] : $0 + 1 }
    }

    /// The data set without the rows for which `drop` is true; each dropped row becomes an
    /// ``Exclusion`` with `column` and `reason` (the levels of text columns and the patient count are
    /// kept, even if some become unused).
    /// - Parameters:
    ///   - column: The column that causes the exclusion (e.g. the time column).
    ///   - reason: Why, e.g. "duration 0: the model works on log(time)".
    ///   - drop: Whether to drop row `index` (0-based, among the used rows).
    /// - Returns: The smaller data set; `self` when nothing is dropped.
    /// - Complexity: O(rows × columns).
    public func removingRows(column: String?, reason: String, where drop: (Int) -> Bool) -> SurvivalDataset {
        let keep = time.indices.filter { !drop($0) }
        guard keep.count < time.count else { return self }
        func pick<T>(_ values: [T]) -> [T] { keep.compactMap { values.indices.contains($0) ? values[$0] : nil } }
        func pick(_ grouping: Grouping) -> Grouping {
            Grouping(
                column: grouping.column, levels: grouping.levels, codes: pick(grouping.codes), scores: grouping.scores,
                isBanded: grouping.isBanded)
        }
        let kept = Set(keep)
        let dropped = time.indices.filter { !kept.contains($0) }.map { index in
            Exclusion(
                line: rowLines.indices.contains(index) ? rowLines[index] : index + 1, column: column, reason: reason,
                isMissing: false)
        }
        let covariates = self.covariates.map { column -> CovariateColumn in
            switch column.values {
            case .numeric(let values):
                return CovariateColumn(name: column.name, columnNumber: column.columnNumber, values: .numeric(pick(values)))
            case .categorical(let levels, let codes):
                return CovariateColumn(
                    name: column.name, columnNumber: column.columnNumber, values: .categorical(levels: levels, codes: pick(codes)))
            }
        }
        let codes = patientCodes.map(pick)
        return SurvivalDataset(
            source: source, time: pick(time), event: pick(event), start: start.map(pick), groupings: groupings.map(pick),
            strata: strata.map(pick),
            exclusions: (exclusions + dropped).sorted { $0.line < $1.line }, patients: patients,
            patientCodes: codes, covariates: covariates, rowLines: pick(Array(rowLines)))
    }
}
