import NumericCore
import Regression

/// The design rows of a standardised (g-computation) comparison: every row of the fitted design with
/// the group column set to one level, for each level in turn, interactions of the group included.
///
/// Treatment coding makes a main-effect column `group<L>` 1 for level `L` and 0 otherwise. A column of an
/// interaction term `group:z` is named `group<L>:<z columns>` and equals `1[group = L]` times the
/// product of the other components, which is itself a column of the design when the formula holds the
/// lower-order term (R's marginality; `group * z` always does): setting the group to `L'` makes it that
/// column's value where `L = L'`, else 0.
struct GroupSetDesign {
    /// The fitted design.
    let design: DesignMatrix
    /// The group column.
    let column: String

    /// One design per level, every row with the group set to that level.
    /// - Parameter levels: The group's levels.
    /// - Returns: One matrix per level, the design's shape.
    /// - Throws: ``AnalysisError`` (usage) for an interaction of the group whose lower-order term is not
    ///   in the formula, or whose column names cannot be split unambiguously.
    func rows(levels: [String]) throws -> [Matrix] {
        let plan = try columns()
        let x = design.x
        let n = x.rows
        return levels.map { level in
            var rows = x
            for entry in plan {
                let matches = entry.groupPart == column + level
                let base = entry.column * n
                if !matches {
                    for i in 0..<n { rows.elements[base + i] = 0 }
                } else if let rest = entry.rest {
                    for i in 0..<n { rows.elements[base + i] = x.elements[rest * n + i] }
                } else {
                    for i in 0..<n { rows.elements[base + i] = 1 }
                }
            }
            return rows
        }
    }

    /// Every design column that involves the group: its index, the group's part of its name (`group<L>`)
    /// and the column of the other components' product (nil for the main effect).
    func columns() throws -> [(column: Int, groupPart: String, rest: Int?)] {
        var plan: [(column: Int, groupPart: String, rest: Int?)] = []
        let index = Dictionary(design.termNames.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for term in design.terms {
            let components = term.label.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard let position = components.firstIndex(of: column) else { continue }
            for j in term.columns where design.termNames.indices.contains(j) {
                // The main effect's column is the group's part whole (a level may hold ':').
                guard components.count > 1 else {
                    plan.append((j, design.termNames[j], nil))
                    continue
                }
                let parts = design.termNames[j].split(separator: ":", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == components.count, parts.indices.contains(position) else {
                    throw AnalysisError(.usage, "--adjust: the column '\(design.termNames[j])' of \(term.label) cannot be split into "
                        + "its components (a level holds ':'); rename the level")
                }
                var others = parts
                others.remove(at: position)
                if others.isEmpty {
                    plan.append((j, parts[position], nil))
                    continue
                }
                let restName = others.joined(separator: ":")
                guard let rest = index[restName] else {
                    let lower = components.filter { $0 != column }.joined(separator: ":")
                    throw AnalysisError(.usage, "--adjust: the interaction \(term.label) needs its lower-order term \(lower) in the "
                        + "formula (no column '\(restName)'); write \(column) * \(lower), or add + \(lower)")
                }
                plan.append((j, parts[position], rest))
            }
        }
        return plan
    }
}
