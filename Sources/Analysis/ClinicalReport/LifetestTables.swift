import Reporting
import Survival

/// The tables of one Kaplan–Meier comparison in the layout reviewers know from SAS PROC LIFETEST:
/// the censoring summary, quartile estimates with CIs, landmark survival, RMST, and the tests of
/// equality over strata (log-rank) and for trend. It lays out numbers already in a
/// ``StatModels/SurvivalSummaryResult``; nothing is recomputed.
public struct LifetestTables: Sendable {
    /// The summary laid out.
    public var summary: SurvivalSummaryResult
    /// The heading of the group column (the compared column's name).
    public var groupHeading: String
    /// The unit of the times and the outcome's word.
    public var words: OutcomeWording

    /// Creates the tables of a summary.
    /// - Parameters:
    ///   - summary: The summary by one column.
    ///   - groupHeading: The heading of the group column.
    ///   - words: The unit of the times and the outcome's word (days and "relief" unless given).
    public init(summary: SurvivalSummaryResult, groupHeading: String, words: OutcomeWording = OutcomeWording()) {
        self.summary = summary
        self.groupHeading = groupHeading
        self.words = words
    }

    /// All tables in SAS order.
    public var tables: [ReportTable] {
        var tables = [censoring, quartiles]
        if !summary.times.isEmpty { tables.append(landmarks) }
        tables.append(restrictedMean)
        if !summary.tests.isEmpty { tables.append(tests) }
        return tables
    }

    /// The group labels, one per group.
    var labels: [ReportCell] {
        summary.groups.map { group in .text(group.by.map(\.level).joined(separator: ", ")) }
    }

    /// The CI heading, e.g. "95% CI (log)".
    var ciHeading: String {
        Provenance.percent(summary.confidenceLevel) + " CI"
    }

    /// "Summary of the Number of Censored and Uncensored Values".
    public var censoring: ReportTable {
        ReportTable(
            title: "Summary of the number of censored and uncensored values",
            columns: [
                ReportColumn(groupHeading, style: .label), ReportColumn("Total", style: .count),
                ReportColumn(words.endedTitle, style: .count), ReportColumn("Censored", style: .count),
                ReportColumn("Percent censored", style: .fixed(decimals: 2)),
            ],
            rows: zip(labels, summary.groups).map { label, group in
                [
                    label, .integer(group.n), .integer(group.events), .integer(group.censored),
                    .number(group.n > 0 ? 100 * Double(group.censored) / Double(group.n) : nil),
                ]
            })
    }

    /// "Quartile Estimates": 75, 50 and 25 percent points of the relief-duration distribution.
    public var quartiles: ReportTable {
        let days = ReportColumn.Style.general(significant: 5)
        var rows: [[ReportCell]] = []
        for (label, group) in zip(labels, summary.groups) {
            for quantile in group.quantiles.reversed() {
                rows.append([
                    label, .number(100 * quantile.probability), .number(quantile.estimate),
                    .text(summary.confidenceTransform.rawValue), .number(quantile.lower), .number(quantile.upper),
                ])
            }
        }
        return ReportTable(
            title: "Quartile estimates of \(words.outcome) duration (\(words.units))",
            columns: [
                ReportColumn(groupHeading, style: .label), ReportColumn("Percent", style: .general(significant: 4)),
                ReportColumn("Point estimate", style: days, missingLabel: "NR"), ReportColumn("Transform", style: .label),
                ReportColumn("\(ciHeading) lower", style: days, missingLabel: "NR"),
                ReportColumn("\(ciHeading) upper", style: days, missingLabel: "NR"),
            ],
            rows: rows,
            notes: [
                "Percent p: the time by which \(words.outcome) had ended in p% of episodes (50 = median). NR = not reached: "
                    + "the curve or its confidence limit never falls to 1 - p/100."
            ])
    }

    /// Landmark survival at the report times.
    public var landmarks: ReportTable {
        var rows: [[ReportCell]] = []
        for (label, group) in zip(labels, summary.groups) {
            for estimate in group.survival {
                rows.append([
                    label, .number(estimate.time), .integer(estimate.atRisk), .number(estimate.estimate),
                    .number(estimate.standardError), .number(estimate.lower), .number(estimate.upper),
                ])
            }
        }
        return ReportTable(
            title: "Proportion still in \(words.outcome) at landmark \(words.units) (\(ciHeading), \(summary.confidenceTransform.rawValue))",
            columns: [
                ReportColumn(groupHeading, style: .label), ReportColumn("Day", style: .general(significant: 6)),
                ReportColumn("At risk", style: .count), ReportColumn("Survival", style: .fixed(decimals: 4)),
                ReportColumn("Std error", style: .fixed(decimals: 4)), ReportColumn("Lower", style: .fixed(decimals: 4)),
                ReportColumn("Upper", style: .fixed(decimals: 4)),
            ],
            rows: rows,
            notes: ["Std error is Greenwood's standard error of S(t), as R's summary.survfit."])
    }

    /// Restricted mean survival time.
    public var restrictedMean: ReportTable {
        ReportTable(
            title: "Restricted mean \(words.outcome) duration (RMST, \(words.units))",
            columns: [
                ReportColumn(groupHeading, style: .label), ReportColumn("tau", style: .general(significant: 6)),
                ReportColumn("RMST", style: .fixed(decimals: 2)), ReportColumn("Std error", style: .fixed(decimals: 3)),
            ],
            rows: zip(labels, summary.groups).map { label, group in
                [
                    label, .number(group.restrictedMean.tau), .number(group.restrictedMean.estimate),
                    .number(group.restrictedMean.standardError),
                ]
            },
            notes: [
                "RMST: mean \(words.units) in \(words.outcome) up to tau (area under the curve); " + summary.tauRule.explanation + "."
            ])
    }

    /// "Test of Equality over Strata" and trend tests.
    public var tests: ReportTable {
        ReportTable(
            title: "Tests of equality over groups",
            columns: [
                ReportColumn("Test", style: .prose), ReportColumn("Chi-square", style: .fixed(decimals: 3)),
                ReportColumn("DF", style: .general(significant: 4)), ReportColumn("Pr > Chi-square", style: .pValue),
            ],
            rows: summary.tests.map { test in
                [.text(Self.testName(test)), .number(test.statistic), .number(test.degreesOfFreedom), .number(test.pValue)]
            })
    }

    /// A reader's name of a test.
    static func testName(_ test: SurvivalSummaryTest) -> String {
        let strata = test.strata.map { ", stratified by \($0)" } ?? ""
        switch test.kind {
        case .logRank, .stratifiedLogRank: return "Log-rank" + strata
        case .trend, .stratifiedTrend: return "Trend across ordered levels" + strata
        }
    }
}
