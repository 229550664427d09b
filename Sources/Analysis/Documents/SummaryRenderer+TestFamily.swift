import Reporting
import Survival

extension SummaryRenderer {
    /// MaxCombo's four Fleming–Harrington components.
    static func componentsTable(_ test: SurvivalSummaryTest, _ components: [MaxComboTestResult.Component]) -> ReportTable {
        ReportTable(
            title: "MaxCombo components by \(testBy(test))",
            columns: [ReportColumn("weight", style: .label), ReportColumn("z", style: .fixed(decimals: 3))],
            rows: components.map { [.text($0.weight.name), .number($0.z)] },
            notes: [
                "chi_squared of MaxCombo is max |z| (not a chi-squared statistic); p = 1 - P(all |Z| <= max |z|) "
                    + "under the joint normal distribution of the four components."
            ])
    }

    /// Every pair of groups with raw and adjusted p.
    static func pairwiseTable(_ pairwise: SurvivalSummaryPairwise) -> ReportTable {
        let strata = pairwise.strata.map { ", stratified by \($0)" } ?? ""
        return ReportTable(
            title: "\(pairwise.method.name)\(strata), p adjusted by \(pairwise.adjustment.rawValue)",
            columns: [
                ReportColumn("group_1", style: .label), ReportColumn("group_2", style: .label),
                ReportColumn("statistic", style: .fixed(decimals: 3)), ReportColumn("p_value", style: .pValue),
                ReportColumn("p_adjusted", style: .pValue),
            ],
            rows: pairwise.comparisons.map { pair in
                [
                    .text(pair.first.displayLabel), .text(pair.second.displayLabel), .number(pair.statistic),
                    .number(pair.pValue), .number(pair.adjustedPValue),
                ]
            },
            notes: ["Each pair is tested on its own rows, as survminer::pairwise_survdiff."])
    }

    static func pairwiseJSON(_ pairwise: SurvivalSummaryPairwise) -> JSONValue {
        .object([
            ("test", .string(pairwise.method.name)),
            ("adjustment", .string(pairwise.adjustment.rawValue)),
            ("strata", .optional(pairwise.strata)),
            (
                "pairs",
                .objects(pairwise.comparisons) { pair in
                    [
                        ("first", byJSON(pair.first)), ("second", byJSON(pair.second)),
                        ("statistic", .optional(pair.statistic)), ("p_value", .optional(pair.pValue)),
                        ("p_adjusted", .optional(pair.adjustedPValue)),
                    ]
                }
            ),
        ])
    }
}
