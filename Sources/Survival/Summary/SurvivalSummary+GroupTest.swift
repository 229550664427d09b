import NumericCore

extension SurvivalSummary {
    /// The numbers of one run of ``test`` on some rows.
    struct GroupTestOutcome {
        var statistic: Double
        var degreesOfFreedom: Double
        var pValue: Double
        var observed: [Double]
        var expected: [Double]
        var groupSizes: [Int]
        var components: [MaxComboTestResult.Component]?
        /// The weighted log-rank result (for the trend test); nil for MaxCombo.
        var weighted: LogRankTestResult?
    }

    /// Runs ``test`` (times already made exact by `TimeFix` in `fit`).
    /// - Throws: `StatModelError.invalidArgument` when MaxCombo is asked for other than two groups, and
    ///   the errors of ``LogRankTest`` and ``MaxComboTest``.
    func runMethod(
        time: [Double], event: [Bool], start: [Double]?, group: [Int], groupCount: Int, strata: [Int]?
    ) throws(StatModelError) -> GroupTestOutcome {
        switch test {
        case .weighted(let weight):
            let result = try LogRankTest(timeFix: false, weight: weight).test(
                time: time, event: event, start: start, group: group, groupCount: groupCount, strata: strata)
            return GroupTestOutcome(
                statistic: result.statistic, degreesOfFreedom: Double(result.degreesOfFreedom), pValue: result.pValue,
                observed: result.observed, expected: result.expected, groupSizes: result.groupSizes, weighted: result)
        case .maxCombo:
            let result = try MaxComboTest(timeFix: false).test(
                time: time, event: event, start: start, group: group, groupCount: groupCount, strata: strata)
            return GroupTestOutcome(
                statistic: result.statistic, degreesOfFreedom: .nan, pValue: result.pValue, observed: result.observed,
                expected: result.expected, groupSizes: result.groupSizes, components: result.components)
        }
    }

    /// The test across `groupCount` groups as a ``SurvivalSummaryTest``, or nil (with a warning) when it
    /// is undefined (no events, no variance).
    func groupTest(
        time: [Double], event: [Bool], start: [Double]?, group: [Int], groupCount: Int, strata: [Int]?, labels: [[ByLevel]],
        columns: [String], strataColumn: String?, warnings: inout [String]
    ) throws(StatModelError) -> (SurvivalSummaryTest, LogRankTestResult?)? {
        let outcome: GroupTestOutcome
        do {
            outcome = try runMethod(
                time: time, event: event, start: start, group: group, groupCount: groupCount, strata: strata)
        } catch {
            guard case .undefinedStatistic(_, let message) = error else { throw error }
            warnings.append("no \(test.name) test for \(columns.joined(separator: " x ")): \(message)")
            return nil
        }
        var testGroups: [SurvivalSummaryTest.Group] = []
        for index in 0..<groupCount {
            let label = index < labels.count ? labels[index] : []
            testGroups.append(
                SurvivalSummaryTest.Group(
                    by: label,
                    n: index < outcome.groupSizes.count ? outcome.groupSizes[index] : 0,
                    observed: index < outcome.observed.count ? outcome.observed[index] : .nan,
                    expected: index < outcome.expected.count ? outcome.expected[index] : .nan))
        }
        let summaryTest = SurvivalSummaryTest(
            kind: strata == nil ? .logRank : .stratifiedLogRank, by: columns, strata: strataColumn,
            statistic: outcome.statistic, degreesOfFreedom: outcome.degreesOfFreedom, pValue: outcome.pValue,
            groups: testGroups, method: test, components: outcome.components)
        return (summaryTest, outcome.weighted)
    }

    /// Every pair of the crossed groups with ``test`` on the two groups' rows (stratified as the summary),
    /// raw and adjusted p-values (R's `p.adjust` over the pairs that have a test).
    /// - Complexity: O(n) per pair.
    func pairwiseComparisons(
        time: [Double], event: [Bool], start: [Double]?, strata: SurvivalSummaryFactor?, crossing: Crossing,
        groups: [SurvivalSummaryGroup], adjustment: PValueAdjustment, warnings: inout [String]
    ) throws(StatModelError) -> SurvivalSummaryPairwise {
        let strataCodes = strata.map { Self.compact($0.codes, levelCount: $0.levels.count).codes }
        var rowsOf = [[Int]](repeating: [], count: crossing.groupCount)
        for (row, group) in crossing.groupOfRow.enumerated() { rowsOf[group].append(row) }
        var pairs: [(first: Int, second: Int, statistic: Double, p: Double)] = []
        for second in 0..<crossing.groupCount {
            for first in 0..<second {
                let rows = (rowsOf[first] + rowsOf[second]).sorted()
                let label = "\(groups[first].by.displayLabel) vs \(groups[second].by.displayLabel)"
                do {
                    let outcome = try runMethod(
                        time: rows.map { time[$0] }, event: rows.map { event[$0] }, start: start.map { s in rows.map { s[$0] } },
                        group: rows.map { crossing.groupOfRow[$0] == first ? 0 : 1 }, groupCount: 2,
                        strata: strataCodes.map { s in rows.map { s[$0] } })
                    pairs.append((first, second, outcome.statistic, outcome.pValue))
                } catch {
                    guard case .undefinedStatistic(_, let message) = error else { throw error }
                    warnings.append("no pairwise \(test.name) test for \(label): \(message)")
                    pairs.append((first, second, .nan, .nan))
                }
            }
        }
        let adjusted = adjustment.adjusted(pairs.map(\.p))
        let comparisons = pairs.enumerated().map { index, pair in
            SurvivalSummaryPairwise.Comparison(
                first: groups[pair.first].by, second: groups[pair.second].by, statistic: pair.statistic,
                pValue: pair.p, adjustedPValue: adjusted[index])
        }
        return SurvivalSummaryPairwise(method: test, adjustment: adjustment, strata: strata?.column, comparisons: comparisons)
    }
}
