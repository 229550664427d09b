import NumericCore

/// What `relief summary` computes: Kaplan–Meier curves for the cross of the `by` columns (as R's
/// `survfit(Surv(time, event) ~ a + b)`), their quartiles with CIs, survival at fixed times, the
/// restricted mean survival time (RMST) at a common tau, the median follow-up by reverse Kaplan–Meier,
/// log-rank tests per column (stratified when a strata column is given; or another test of the family,
/// ``test``), the test for trend across ordered levels, the crossed log-rank test, and optionally every
/// pair of groups with adjusted p-values (``pairwise``).
///
/// Groups are the non-empty cells of the cross of all `by` columns, the first column varying slowest;
/// without `by` columns there is one group of all rows. The default tau is the largest time at which
/// every group still has someone at risk, `tau = min_g max_i t_gi` (the shortest group follow-up);
/// ``tau`` overrides it. Which rule was used is recorded in the result.
///
/// ```swift
/// var summary = SurvivalSummary()
/// summary.times = [7, 14, 28]
/// let result = try summary.fit(dataset)      // dataset: DataIO's SurvivalDataset
/// result.groups.map(\.median.estimate)
/// ```
public struct SurvivalSummary: Sendable {
    /// The Kaplan–Meier settings (CI transform and level, `timefix`).
    public var km: KaplanMeier
    /// The times at which survival is reported.
    public var times: [Double]
    /// The RMST truncation time; `nil` uses the common follow-up rule.
    public var tau: Double?
    /// The quantile probabilities reported per group.
    public var quantiles: [Double]
    /// The test across groups (default the log-rank test).
    public var test: SurvivalSummaryTestMethod
    /// The adjustment of the pairwise comparisons, or `nil` for none (not the same as `.none`, which
    /// compares every pair without adjusting).
    public var pairwise: PValueAdjustment?

    /// Creates a summary specification.
    /// - Parameters:
    ///   - km: The Kaplan–Meier settings.
    ///   - times: The report times.
    ///   - tau: The RMST truncation time, or `nil` for the default rule.
    ///   - quantiles: The quantile probabilities, each in (0, 1).
    ///   - test: The test across groups.
    ///   - pairwise: The adjustment of the pairwise comparisons, or `nil` for none.
    public init(
        km: KaplanMeier = KaplanMeier(), times: [Double] = [], tau: Double? = nil,
        quantiles: [Double] = [0.25, 0.5, 0.75], test: SurvivalSummaryTestMethod = .weighted(.logRank),
        pairwise: PValueAdjustment? = nil
    ) {
        self.km = km
        self.times = times
        self.tau = tau
        self.quantiles = quantiles
        self.test = test
        self.pairwise = pairwise
    }

    /// Fits the summary to rows given as arrays.
    /// - Parameters:
    ///   - time: The follow-up times, finite and non-negative.
    ///   - event: `true` when relief ended, `false` when censored.
    ///   - by: The grouping factors (possibly none); codes index their levels.
    ///   - strata: The strata factor of the stratified tests, if any.
    /// - Returns: The summary result.
    /// - Throws: ``StatModelError`` for empty input, mismatched lengths, codes out of range, non-finite
    ///   values or invalid settings (`tau <= 0`, quantiles outside (0, 1)).
    /// - Complexity: O(n log n) for the fits and tests, plus O(n k) for k `by` columns.
    public func fit(
        time: [Double], event: [Bool], start: [Double]? = nil, by: [SurvivalSummaryFactor] = [],
        strata: SurvivalSummaryFactor? = nil
    ) throws(StatModelError) -> SurvivalSummaryResult {
        let context = "SurvivalSummary"
        try validate(time: time, event: event, by: by, strata: strata, context: context)
        var warnings: [String] = []

        // R's survfit and survdiff apply aeqSurv to the whole Surv object before splitting by group,
        // so near-tied times are merged across groups; do the same, once.
        // With entry times, aeqSurv treats start and stop times as one set.
        var time = time
        var start = start
        if km.timeFix {
            let fixed = try TimeFix().apply(to: time + (start ?? []))
            time = Array(fixed.prefix(time.count))
            if start != nil { start = Array(fixed.dropFirst(time.count)) }
        }
        var groupKM = km
        groupKM.timeFix = false
        let crossing = try Self.cross(by, rowCount: time.count, context: context)
        let (fits, followUps) = try Self.fitGroups(time: time, event: event, start: start, crossing: crossing, km: groupKM)

        // Common tau.
        let lastTimes = fits.map(\.lastTimeAtRisk)
        let commonFollowUp = lastTimes.min() ?? 0
        let tauValue: Double
        let tauRule: RestrictedMeanTauRule
        if let tau {
            tauValue = tau
            tauRule = .specified
        } else {
            tauValue = commonFollowUp
            tauRule = .commonFollowUp  // stated beside the RMST table in every output, not a warning
        }

        var groups: [SurvivalSummaryGroup] = []
        groups.reserveCapacity(fits.count)
        for (index, fit) in fits.enumerated() {
            let levels = crossing.levelIndices[index]
            let label = zip(by, levels).map { ByLevel(column: $0.column, level: $0.levels[$1]) }
            let name = label.isEmpty ? "all rows" : label.displayLabel
            let quantileEstimates = quantiles.map { fit.quantile($0) }
            let median = fit.median
            let survival = times.map { fit.estimate(at: $0) }
            let rmst = fit.restrictedMean(tau: tauValue)
            groups.append(
                SurvivalSummaryGroup(
                    by: label, levelIndices: levels, quantiles: quantileEstimates, median: median,
                    survival: survival, restrictedMean: rmst, fit: fit, medianFollowUp: followUps[index]))

            if fit.events == 0 {
                warnings.append("no events in group \(name) (n = \(fit.n)): survival stays at 1 and no quantile is reached")
            } else if median.estimate == nil {
                warnings.append(
                    "median not reached in group \(name): survival is still above 0.5 at its last time "
                        + Self.format(fit.lastTimeAtRisk))
            }
            if tau != nil, tauValue > fit.lastTimeAtRisk {
                warnings.append(
                    "RMST tau = \(Self.format(tauValue)) is beyond the last time of group \(name) "
                        + "(\(Self.format(fit.lastTimeAtRisk))): its curve is carried forward flat")
            }
            let beyond = survival.filter(\.isBeyondLastTime).map(\.time)
            if !beyond.isEmpty {
                warnings.append(
                    "survival at time \(beyond.map(Self.format).joined(separator: ", ")) is beyond the last time of "
                        + "group \(name) (\(Self.format(fit.lastTimeAtRisk))): the last estimate is carried forward "
                    + "with 0 at risk")
            }
        }

        let tests = try runTests(
            time: time, event: event, start: start, by: by, strata: strata, crossing: crossing, groups: groups,
            warnings: &warnings)
        let medianTable = by.count == 2 ? Self.medianTable(by: by, groups: groups) : nil
        let pairs = try pairwise.map { adjustment throws(StatModelError) in
            try pairwiseComparisons(
                time: time, event: event, start: start, strata: strata, crossing: crossing, groups: groups,
                adjustment: adjustment, warnings: &warnings)
        }

        return SurvivalSummaryResult(
            byColumns: by.map(\.column), strataColumn: strata?.column,
            confidenceTransform: km.confidenceTransform, confidenceLevel: km.confidenceLevel,
            quantileProbabilities: quantiles, times: times, tau: tauValue, tauRule: tauRule,
            groups: groups, tests: tests, medianTable: medianTable, warnings: warnings, pairwise: pairs)
    }

    // MARK: - Validation

    private func validate(
        time: [Double], event: [Bool], by: [SurvivalSummaryFactor], strata: SurvivalSummaryFactor?,
        context: String
    ) throws(StatModelError) {
        guard !time.isEmpty else { throw .emptyInput(context: context) }
        guard event.count == time.count else {
            throw .lengthMismatch(context: context, argument: "event", expected: time.count, found: event.count)
        }
        for (index, value) in time.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "time", index: index)
        }
        for factor in by + (strata.map { [$0] } ?? []) {
            guard factor.codes.count == time.count else {
                throw .lengthMismatch(
                    context: context, argument: factor.column, expected: time.count, found: factor.codes.count)
            }
            for (index, code) in factor.codes.enumerated() where code < 0 || code >= factor.levels.count {
                throw .invalidCode(
                    context: context, argument: factor.column, index: index, value: code, count: factor.levels.count)
            }
            if let scores = factor.scores, scores.count != factor.levels.count {
                throw .lengthMismatch(
                    context: context, argument: "\(factor.column) scores", expected: factor.levels.count,
                    found: scores.count)
            }
        }
        if let tau, !(tau.isFinite && tau > 0) {
            throw .invalidArgument(context: context, message: "tau must be a positive finite number, got \(tau)")
        }
        for value in times where !(value.isFinite && value >= 0) {
            throw .invalidArgument(context: context, message: "report times must be finite and >= 0, got \(value)")
        }
        for probability in quantiles where !(probability > 0 && probability < 1) {
            throw .invalidArgument(
                context: context, message: "quantile probabilities must be in (0, 1), got \(probability)")
        }
    }

    // MARK: - Groups

    /// The crossed groups: a group index per row and each group's level index per factor.
    package struct Crossing: Sendable {
        package var groupOfRow: [Int]
        package var levelIndices: [[Int]]
        package var groupCount: Int { levelIndices.count }
    }

    package static func cross(_ factors: [SurvivalSummaryFactor], rowCount: Int, context: String) throws(StatModelError) -> Crossing {
        guard !factors.isEmpty else {
            return Crossing(groupOfRow: [Int](repeating: 0, count: rowCount), levelIndices: [[]])
        }
        // Mixed-radix key, first factor most significant (varies slowest).
        var multipliers = [Int](repeating: 1, count: factors.count)
        var product = 1
        for index in factors.indices.reversed() {
            multipliers[index] = product
            let (next, overflow) = product.multipliedReportingOverflow(by: max(1, factors[index].levels.count))
            guard !overflow else {
                throw .invalidArgument(context: context, message: "the cross of the by columns has too many groups")
            }
            product = next
        }
        var keys = [Int](repeating: 0, count: rowCount)
        for (factorIndex, factor) in factors.enumerated() {
            let multiplier = multipliers[factorIndex]
            for row in 0..<rowCount { keys[row] &+= factor.codes[row] &* multiplier }
        }
        var present: [Int]
        if product <= max(1 << 20, rowCount) {
            var seen = [Bool](repeating: false, count: product)
            for key in keys { seen[key] = true }
            present = seen.indices.filter { seen[$0] }
        } else {
            present = Array(Set(keys)).sorted()
        }
        var groupOfKey: [Int: Int] = [:]
        groupOfKey.reserveCapacity(present.count)
        for (group, key) in present.enumerated() { groupOfKey[key] = group }
        let groupOfRow = keys.map { groupOfKey[$0] ?? 0 }
        let levelIndices = present.map { key in
            factors.indices.map { (key / multipliers[$0]) % max(1, factors[$0].levels.count) }
        }
        return Crossing(groupOfRow: groupOfRow, levelIndices: levelIndices)
    }

    /// Each group's Kaplan–Meier fit and its median follow-up by reverse Kaplan–Meier.
    private static func fitGroups(
        time: [Double], event: [Bool], start: [Double]?, crossing: Crossing, km: KaplanMeier
    ) throws(StatModelError) -> (fits: [KaplanMeierFit], followUps: [QuantileEstimate]) {
        let groupCount = crossing.groupCount
        var counts = [Int](repeating: 0, count: groupCount)
        for group in crossing.groupOfRow { counts[group] += 1 }
        var groupTimes = counts.map { count -> [Double] in
            var values: [Double] = []
            values.reserveCapacity(count)
            return values
        }
        var groupEvents = counts.map { count -> [Bool] in
            var values: [Bool] = []
            values.reserveCapacity(count)
            return values
        }
        var groupStarts: [[Double]] = start == nil ? [] : counts.map { _ in [] }
        for (row, group) in crossing.groupOfRow.enumerated() {
            groupTimes[group].append(time[row])
            groupEvents[group].append(event[row])
            if let start { groupStarts[group].append(start[row]) }
        }
        var fits: [KaplanMeierFit] = []
        var followUps: [QuantileEstimate] = []
        fits.reserveCapacity(groupCount)
        for group in 0..<groupCount {
            let entry = start == nil ? nil : groupStarts[group]
            fits.append(try km.fit(time: groupTimes[group], event: groupEvents[group], start: entry, weights: nil))
            followUps.append(
                try km.fit(time: groupTimes[group], event: groupEvents[group].map { !$0 }, start: entry, weights: nil).median)
        }
        return (fits, followUps)
    }

    // MARK: - Tests

    func runTests(
        time: [Double], event: [Bool], start: [Double]?, by: [SurvivalSummaryFactor], strata: SurvivalSummaryFactor?,
        crossing: Crossing, groups: [SurvivalSummaryGroup], warnings: inout [String]
    ) throws(StatModelError) -> [SurvivalSummaryTest] {
        var tests: [SurvivalSummaryTest] = []
        let strataCodes = strata.map { Self.compact($0.codes, levelCount: $0.levels.count).codes }
        for factor in by {
            let compacted = Self.compact(factor.codes, levelCount: factor.levels.count)
            let present = compacted.present
            guard present.count >= 2 else {
                let only = present.first.map { factor.levels[$0] } ?? ""
                warnings.append("'\(factor.column)' has a single level (\(only)) among the rows used: no test")
                continue
            }
            if let strata, let strataCodes {
                Self.warnSingleGroupStrata(
                    factor: factor, groupCodes: compacted.codes, strata: strata, strataCodes: strataCodes,
                    warnings: &warnings)
            }
            let labels = present.map { [ByLevel(column: factor.column, level: factor.levels[$0])] }
            guard let (logRank, logRankResult) = try groupTest(
                time: time, event: event, start: start, group: compacted.codes, groupCount: present.count,
                strata: strataCodes, labels: labels, columns: [factor.column], strataColumn: strata?.column,
                warnings: &warnings)
            else { continue }
            tests.append(logRank)
            if present.count >= 3, let scores = factor.scores, let logRankResult {
                let presentScores = present.map { scores[$0] }
                do {
                    let trend = try LogRankTrendTest(scores: presentScores, timeFix: false).test(logRankResult)
                    tests.append(
                        SurvivalSummaryTest(
                            kind: strata == nil ? .trend : .stratifiedTrend, by: [factor.column],
                            strata: strata?.column, statistic: trend.statistic,
                            degreesOfFreedom: Double(trend.degreesOfFreedom), pValue: trend.pValue,
                            groups: logRank.groups, scores: presentScores, method: test))
                } catch {
                    guard case .undefinedStatistic(_, let message) = error else { throw error }
                    warnings.append("no trend test for '\(factor.column)': \(message)")
                }
            }
        }
        if by.count >= 2, crossing.groupCount >= 2 {
            let labels = groups.map(\.by)
            if let (crossed, _) = try groupTest(
                time: time, event: event, start: start, group: crossing.groupOfRow, groupCount: crossing.groupCount,
                strata: strataCodes, labels: labels, columns: by.map(\.column), strataColumn: strata?.column,
                warnings: &warnings)
            {
                tests.append(crossed)
            }
        }
        return tests
    }

    /// Renumbers codes to the levels that occur, keeping level order.
    package static func compact(_ codes: [Int], levelCount: Int) -> (codes: [Int], present: [Int]) {
        var seen = [Bool](repeating: false, count: levelCount)
        for code in codes { seen[code] = true }
        let present = seen.indices.filter { seen[$0] }
        var newCode = [Int](repeating: 0, count: levelCount)
        for (index, level) in present.enumerated() { newCode[level] = index }
        return (codes.map { newCode[$0] }, present)
    }

    private static func warnSingleGroupStrata(
        factor: SurvivalSummaryFactor, groupCodes: [Int], strata: SurvivalSummaryFactor, strataCodes: [Int],
        warnings: inout [String]
    ) {
        let strataPresent = compact(strata.codes, levelCount: strata.levels.count).present
        var firstGroup = [Int](repeating: -1, count: strataPresent.count)
        var mixed = [Bool](repeating: false, count: strataPresent.count)
        for (row, stratum) in strataCodes.enumerated() {
            let group = groupCodes[row]
            if firstGroup[stratum] < 0 {
                firstGroup[stratum] = group
            } else if firstGroup[stratum] != group {
                mixed[stratum] = true
            }
        }
        let single = strataPresent.indices.filter { !mixed[$0] }.map { strata.levels[strataPresent[$0]] }
        guard !single.isEmpty else { return }
        let shown = single.prefix(5).joined(separator: ", ") + (single.count > 5 ? ", ..." : "")
        warnings.append(
            "\(single.count) stratum/strata of '\(strata.column)' (\(shown)) hold a single '\(factor.column)' "
                + "level and add nothing to the stratified log-rank test")
    }

    // MARK: - Median table

    package static func medianTable(by: [SurvivalSummaryFactor], groups: [SurvivalSummaryGroup]) -> MedianTable? {
        guard by.count == 2 else { return nil }
        let rowLevels = Set(groups.compactMap { $0.levelIndices.first }).sorted()
        let columnLevels = Set(groups.compactMap { $0.levelIndices.dropFirst().first }).sorted()
        var cells = [[MedianTable.Cell?]](
            repeating: [MedianTable.Cell?](repeating: nil, count: columnLevels.count), count: rowLevels.count)
        for group in groups {
            guard group.levelIndices.count == 2,
                let row = rowLevels.firstIndex(of: group.levelIndices[0]),
                let column = columnLevels.firstIndex(of: group.levelIndices[1])
            else { continue }
            cells[row][column] = MedianTable.Cell(n: group.n, events: group.events, median: group.median)
        }
        return MedianTable(
            rowColumn: by[0].column, columnColumn: by[1].column,
            rowLevels: rowLevels.map { by[0].levels[$0] }, columnLevels: columnLevels.map { by[1].levels[$0] },
            cells: cells)
    }

    /// A number for a warning message: integers without a decimal point, else up to 6 significant digits.
    package static func format(_ value: Double) -> String {
        if value.isFinite, value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(describing: value)
    }
}
