extension BaselineVariable {
    /// The number of episodes with a value in group `group` (the denominator of percentages).
    /// - Parameter group: The group index (as in ``BaselineTable/groups``).
    /// - Returns: Non-missing episodes, or `nil` when `group` is out of range.
    public func nonMissing(group: Int) -> Int? {
        switch kind {
        case .numeric(let summaries):
            guard summaries.indices.contains(group) else { return nil }
            return summaries[group].n
        case .categorical(_, let counts):
            guard counts.indices.contains(group) else { return nil }
            return counts[group].reduce(0, +)
        }
    }

    /// The percentage of group `group`'s non-missing episodes that have level `level`: 100 · count /
    /// non-missing.
    /// - Parameters:
    ///   - level: The level index (as in the categorical levels).
    ///   - group: The group index (as in ``BaselineTable/groups``).
    /// - Returns: The percentage, or `nil` for a numeric variable, an index out of range, or a group
    ///   without non-missing episodes.
    public func percent(level: Int, group: Int) -> Double? {
        guard case .categorical(_, let counts) = kind, counts.indices.contains(group),
              counts[group].indices.contains(level) else { return nil }
        let total = counts[group].reduce(0, +)
        guard total > 0 else { return nil }
        return 100 * Double(counts[group][level]) / Double(total)
    }

    /// Per level, the percentage of group `group`'s non-missing episodes (see ``percent(level:group:)``).
    /// - Parameter group: The group index.
    /// - Returns: One percentage per level (`nil` entries when the group has no non-missing episodes);
    ///   empty for a numeric variable or a group out of range.
    public func percentages(group: Int) -> [Double?] {
        guard case .categorical(let levels, let counts) = kind, counts.indices.contains(group) else { return [] }
        return levels.indices.map { percent(level: $0, group: group) }
    }
}
