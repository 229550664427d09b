import DataIO
import Survival

extension CompareRequest {
    /// Refuses (bad data) a stratum that has rows but none of some group: the groups cannot be compared
    /// within it.
    /// - Complexity: O(n).
    static func checkCells(grouping: Grouping, strata: Grouping) throws(AnalysisError) {
        var counts = [[Int]](repeating: [Int](repeating: 0, count: grouping.levels.count), count: strata.levels.count)
        for (g, s) in zip(grouping.codes, strata.codes) where counts.indices.contains(s) && grouping.levels.indices.contains(g) {
            counts[s][g] += 1
        }
        for (s, row) in counts.enumerated() where row.contains(where: { $0 > 0 }) {
            if let g = row.firstIndex(of: 0) {
                throw AnalysisError(.badData, "--strata \(strata.column): \(strata.column)=\(strata.levels[s]) has no rows with "
                    + "\(grouping.column)=\(grouping.levels[g]), so the groups cannot be compared within it; leave that stratum's rows out of the file, "
                    + "merge the stratum with another, or stratify by another column")
            }
        }
    }

    /// Warnings for a requested time past the last time of a group within a stratum (its survival is
    /// carried forward there, as R's `summary(survfit, extend = TRUE)`).
    static func beyondFollowUp(_ result: KaplanMeierComparisonResult, grouping: Grouping, strata: Grouping) -> [String] {
        result.strata.flatMap { stratum in
            stratum.groups.compactMap { group -> String? in
                let beyond = group.survival.filter(\.isBeyondLastTime).map(\.time)
                guard let first = beyond.first else { return nil }
                return "time \(first) is past the follow-up of \(grouping.column)=\(group.level) in \(strata.column)=\(stratum.level) "
                    + "(last time \(group.fit.lastTimeAtRisk)); its survival there is carried forward from the last time"
            }
        }
    }
}
