import DataIO

extension BaselineCharacteristics {
    /// A categorical variable either shown or withheld.
    package enum _CategoricalOutcome {
        case shown(BaselineVariable)
        case withheld(WithheldColumn)
    }

    /// Row indices per group: one list per level of `grouping`, then all rows (the overall group).
    package func _groupMembers(_ grouping: Grouping?, rows: Int, context: String) throws(StatModelError) -> [[Int]] {
        let all = Array(0..<rows)
        guard let grouping else { return [all] }
        if let idColumn, grouping.column == idColumn {
            throw .invalidArgument(
                context: context,
                message: "grouping by the patient id column '\(grouping.column)' would show identifiers; group by another column")
        }
        guard grouping.codes.count == rows else {
            throw .lengthMismatch(
                context: context, argument: "grouping '\(grouping.column)'", expected: rows, found: grouping.codes.count)
        }
        var members = [[Int]](repeating: [], count: grouping.levels.count)
        for (row, code) in grouping.codes.enumerated() {
            guard code >= 0 && code < members.count else {
                throw .invalidCode(
                    context: context, argument: "grouping '\(grouping.column)'", index: row, value: code,
                    count: members.count)
            }
            members[code].append(row)
        }
        members.append(all)
        return members
    }

    /// Whether a categorical column with `distinct` values among `nonMissing` rows looks like free text
    /// or an identifier: more than ``maximumLevels`` values, or more than half the non-missing rows
    /// (so a sparse notes column, with few but unique entries, is withheld too).
    package func _looksLikeFreeText(distinct: Int, nonMissing: Int) -> Bool {
        distinct > maximumLevels || distinct > nonMissing / 2
    }

    /// The summaries of a numeric column per group; NaN is missing, an infinite value an error.
    package func _numericRow(name: String, values: [Double], members: [[Int]], context: String) throws(StatModelError)
        -> BaselineVariable
    {
        if let row = values.firstIndex(where: { $0.isInfinite }) {
            throw .nonFiniteValue(context: context, argument: name, index: row)
        }
        var summaries: [NumericSummary] = []
        var missing: [Int] = []
        for rowsOfGroup in members {
            let groupValues = rowsOfGroup.map { values[$0] }
            let summary = NumericSummary(summarizing: groupValues)
            summaries.append(summary)
            missing.append(rowsOfGroup.count - summary.n)
        }
        return BaselineVariable(name: name, kind: .numeric(summaries), missing: missing)
    }

    /// The level counts of a categorical column per group, or the column withheld as free text.
    /// A negative code is missing; a code at or beyond the levels is an error.
    package func _categoricalRow(
        name: String, levels: [String], codes: [Int32], members: [[Int]], context: String
    ) throws(StatModelError) -> _CategoricalOutcome {
        var present = [Bool](repeating: false, count: levels.count)
        var nonMissing = 0
        for (row, code32) in codes.enumerated() {
            let code = Int(code32)
            guard code < levels.count else {
                throw .invalidCode(context: context, argument: name, index: row, value: code, count: levels.count)
            }
            guard code >= 0 else { continue }
            present[code] = true
            nonMissing += 1
        }
        let distinct = present.reduce(0) { $0 + ($1 ? 1 : 0) }
        if _looksLikeFreeText(distinct: distinct, nonMissing: nonMissing) {
            return .withheld(WithheldColumn(name: name, kind: .freeText(distinctValues: distinct)))
        }
        var counts: [[Int]] = []
        var missing: [Int] = []
        for rowsOfGroup in members {
            var groupCounts = [Int](repeating: 0, count: levels.count)
            var groupMissing = 0
            for row in rowsOfGroup {
                let code = Int(codes[row])
                if code >= 0 { groupCounts[code] += 1 } else { groupMissing += 1 }
            }
            counts.append(groupCounts)
            missing.append(groupMissing)
        }
        return .shown(BaselineVariable(name: name, kind: .categorical(levels: levels, counts: counts), missing: missing))
    }
}
