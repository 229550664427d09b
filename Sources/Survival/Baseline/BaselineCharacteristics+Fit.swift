import DataIO

extension BaselineCharacteristics {
    /// Builds the baseline table of `data`, grouped by `grouping`.
    ///
    /// Groups are the levels of `grouping` in level order (a level without rows stays, with zeros and
    /// `nil` statistics), then "Overall" (every used row). Per group: episodes (rows), distinct
    /// patients, events. Per variable, in ``variables`` order: the ``NumericSummary`` of a numeric
    /// column or the level counts of a categorical one, among the group's rows with a value; a NaN
    /// number or a negative category code counts as missing (the reader drops rows with missing
    /// covariates, so its datasets have none). Withheld variables (see ``BaselineCharacteristics``) are
    /// listed with their reason and none of their values is kept.
    /// - Parameters:
    ///   - data: The dataset; the variables must be among its covariates to be shown.
    ///   - grouping: One of `data.groupings` (codes for the same rows), or `nil` for the overall group
    ///     only.
    /// - Returns: The table.
    /// - Throws: ``StatModelError``: `.emptyInput` without rows; `.invalidArgument` when
    ///   ``maximumLevels`` < 1 or `grouping` is the patient id column; `.lengthMismatch` when the events,
    ///   patient codes, grouping codes or a covariate column do not have one entry per row;
    ///   `.invalidCode` for a grouping or category code outside its levels; `.nonFiniteValue` for an
    ///   infinite number in a numeric covariate.
    /// - Complexity: O(rows x (variables + groups) + Σ n log n) for the sorts of numeric values.
    public func fit(_ data: SurvivalDataset, by grouping: Grouping?) throws(StatModelError) -> BaselineTable {
        let context = "BaselineCharacteristics.fit"
        let rows = data.rowsUsed
        guard rows > 0 else { throw .emptyInput(context: context) }
        guard maximumLevels >= 1 else {
            throw .invalidArgument(
                context: context, message: "maximumLevels is \(maximumLevels); pass at least 1 (default 12)")
        }
        guard data.event.count == rows else {
            throw .lengthMismatch(context: context, argument: "event", expected: rows, found: data.event.count)
        }
        if let codes = data.patientCodes, codes.count != rows {
            throw .lengthMismatch(context: context, argument: "patientCodes", expected: rows, found: codes.count)
        }
        let members = try _groupMembers(grouping, rows: rows, context: context)
        var groups: [BaselineGroup] = []
        groups.reserveCapacity(members.count)
        for (g, rowsOfGroup) in members.enumerated() {
            let isOverall = g == members.count - 1
            let label = isOverall ? Self.overallLabel : (grouping?.levels[g] ?? Self.overallLabel)
            var patients: Int?
            if let codes = data.patientCodes {
                var seen = Set<Int>()
                for row in rowsOfGroup where codes[row] >= 0 { seen.insert(codes[row]) }
                patients = seen.count
            }
            let events = rowsOfGroup.reduce(0) { $0 + (data.event[$1] ? 1 : 0) }
            groups.append(
                BaselineGroup(
                    label: label, isOverall: isOverall, episodes: rowsOfGroup.count, patients: patients,
                    events: events))
        }

        var shown: [BaselineVariable] = []
        var withheld: [WithheldColumn] = []
        var seenNames = Set<String>()
        for name in variables where seenNames.insert(name).inserted {
            if let idColumn, name == idColumn {
                withheld.append(WithheldColumn(name: name, kind: .patientIdentifier))
                continue
            }
            guard let column = data.covariate(named: name) else {
                withheld.append(WithheldColumn(name: name, kind: .notRead))
                continue
            }
            guard column.count == rows else {
                throw .lengthMismatch(context: context, argument: name, expected: rows, found: column.count)
            }
            switch column.values {
            case .numeric(let values):
                shown.append(try _numericRow(name: name, values: values, members: members, context: context))
            case .categorical(let levels, let codes):
                switch try _categoricalRow(name: name, levels: levels, codes: codes, members: members, context: context) {
                case .shown(let variable): shown.append(variable)
                case .withheld(let column): withheld.append(column)
                }
            }
        }
        return BaselineTable(groupColumn: grouping?.column, groups: groups, rows: shown, withheld: withheld)
    }
}
