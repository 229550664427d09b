import Reporting
import Survival

/// Renders a ``StatModels/SurvivalSummaryResult`` (what `relief summary` computes) as a terminal table,
/// Markdown, CSV or JSON. It only lays out numbers already in the result; it never computes a statistic.
///
/// Text and Markdown show, for the crossed `by` groups: the censoring summary, median and quartiles with
/// CIs, survival at the report times, the RMST with its tau, the tests with observed and expected
/// events, the table of medians for two `by` columns, the exclusions and the warnings. CSV is one tidy
/// table (see ``csvTable(_:input:provenance:)``); JSON has the shape documented in ``json(_:input:provenance:warnings:)``.
/// Every format names the CI transform and the Relief version.
public struct SummaryRenderer: ResultRenderer {
    /// The format and limits.
    public var options: RenderOptions

    /// Creates a renderer; see ``ResultRenderer/init(format:labelWidth:maxListedExclusions:)``.
    /// - Parameter options: The format and limits.
    public init(options: RenderOptions) {
        self.options = options
    }

    /// The warnings the result carries.
    public func warnings(of result: SurvivalSummaryResult) -> [String] { result.warnings }

    // MARK: - Document

    /// The report document (used by the table, Markdown and HTML formats).
    /// - Parameters:
    ///   - result: The summary.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    ///   - warnings: The warnings.
    /// - Returns: The document.
    public func document(
        _ result: SurvivalSummaryResult, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> ReportDocument {
        let ci = Provenance.percent(result.confidenceLevel) + " CI, " + result.confidenceTransform.rawValue
        let groupColumns = Self.groupColumns(result)
        let words = input.wording
        let title = result.byColumns.isEmpty
            ? "\(words.outcomeTitle) summary" : "\(words.outcomeTitle) summary by " + result.byColumns.joined(separator: " x ")
        var document = ReportDocument(
            title: title,
            header: provenance.headerLines(
                input: input, transform: result.confidenceTransform, level: result.confidenceLevel))

        var groupsSection = ReportDocument.Section(heading: "Groups")
        groupsSection.append(
            ReportTable(
                title: "Censoring",
                columns: groupColumns + [
                    ReportColumn("n", style: .count), ReportColumn("events", style: .count),
                    ReportColumn("censored", style: .count),
                ],
                rows: result.groups.map { group in
                    Self.groupCells(group, result) + [.integer(group.n), .integer(group.events), .integer(group.censored)]
                }))
        groupsSection.append(
            ReportTable(
                title: "Median follow-up (reverse Kaplan-Meier, \(ci))",
                columns: groupColumns + [
                    ReportColumn("time", style: .general(significant: 6), missingLabel: "NR"),
                    ReportColumn("lower", style: .general(significant: 6), missingLabel: "NR"),
                    ReportColumn("upper", style: .general(significant: 6), missingLabel: "NR"),
                ],
                rows: result.groups.map { group in
                    Self.groupCells(group, result) + [
                        .number(group.medianFollowUp.estimate), .number(group.medianFollowUp.lower),
                        .number(group.medianFollowUp.upper),
                    ]
                },
                notes: ["The median of the curve with censoring as the event (survfit(Surv(time, 1 - event) ~ group))."]))
        groupsSection.append(
            ReportTable(
                title: "Median and quartiles (\(ci))",
                columns: groupColumns + [
                    ReportColumn("quantile", style: .label), ReportColumn("time", style: .general(significant: 6), missingLabel: "NR"),
                    ReportColumn("lower", style: .general(significant: 6), missingLabel: "NR"),
                    ReportColumn("upper", style: .general(significant: 6), missingLabel: "NR"),
                ],
                rows: result.groups.flatMap { group in
                    group.quantiles.map { quantile in
                        Self.groupCells(group, result) + [
                            .text(Self.quantileName(quantile.probability)), .number(quantile.estimate),
                            .number(quantile.lower), .number(quantile.upper),
                        ]
                    }
                },
                notes: ["NR = not reached: the curve or its confidence limit stays above 1 - p."]))
        if !result.times.isEmpty {
            groupsSection.append(
                ReportTable(
                    title: "Survival at \(result.times.map { ReportText.display($0, style: .general(significant: 6), missing: "NA") }.joined(separator: ", ")) \(words.units) (\(ci))",
                    columns: groupColumns + [
                        ReportColumn("time", style: .general(significant: 6)), ReportColumn("n_risk", style: .count),
                        ReportColumn("survival", style: .fixed(decimals: 4)),
                        ReportColumn("std_error", style: .fixed(decimals: 4)),
                        ReportColumn("lower", style: .fixed(decimals: 4)), ReportColumn("upper", style: .fixed(decimals: 4)),
                    ],
                    rows: result.groups.flatMap { group in
                        group.survival.map { row in
                            Self.groupCells(group, result) + [
                                .number(row.time), .integer(row.atRisk), .number(row.estimate),
                                .number(row.standardError), .number(row.lower), .number(row.upper),
                            ]
                        }
                    },
                    notes: ["std_error is the standard error of S(t) (Greenwood), as R's summary.survfit."]))
        }
        groupsSection.append(
            ReportTable(
                title: "Restricted mean survival time (tau = \(ReportText.display(result.tau, style: .general(significant: 6), missing: "NA")))",
                columns: groupColumns + [
                    ReportColumn("tau", style: .general(significant: 6)), ReportColumn("rmst", style: .fixed(decimals: 3)),
                    ReportColumn("std_error", style: .fixed(decimals: 3)),
                ],
                rows: result.groups.map { group in
                    Self.groupCells(group, result) + [
                        .number(group.restrictedMean.tau), .number(group.restrictedMean.estimate),
                        .number(group.restrictedMean.standardError),
                    ]
                },
                notes: [result.tauRule.explanation]))
        document.sections.append(groupsSection)

        if !result.tests.isEmpty {
            var testsSection = ReportDocument.Section(heading: "Tests")
            testsSection.append(
                ReportTable(
                    title: "",
                    columns: [
                        ReportColumn("test", style: .label), ReportColumn("by", style: .label),
                        ReportColumn("strata", style: .label), ReportColumn("chi_squared", style: .fixed(decimals: 3)),
                        ReportColumn("df", style: .general(significant: 4)), ReportColumn("p_value", style: .pValue),
                    ],
                    rows: result.tests.map { test in
                        [
                            .text(test.name), .text(Self.testBy(test)), test.strata.map(ReportCell.text) ?? .empty,
                            .number(test.statistic), .number(test.degreesOfFreedom), .number(test.pValue),
                        ]
                    }))
            for test in result.tests where test.kind == .logRank || test.kind == .stratifiedLogRank {
                if let components = test.components {
                    testsSection.append(Self.componentsTable(test, components))
                }
                let weighted = test.method == .weighted(.logRank) || test.method == .maxCombo ? "" : " (weighted)"
                testsSection.append(
                    ReportTable(
                        title: "Observed and expected events\(weighted), \(test.name) by \(Self.testBy(test))",
                        columns: [
                            ReportColumn("group", style: .label), ReportColumn("n", style: .count),
                            ReportColumn("observed", style: .general(significant: 6)),
                            ReportColumn("expected", style: .fixed(decimals: 2)),
                        ],
                        rows: test.groups.map { group in
                            [
                                .text(group.by.map(\.level).joined(separator: ", ")), .integer(group.n),
                                .number(group.observed), .number(group.expected),
                            ]
                        }))
            }
            document.sections.append(testsSection)
        }
        if let pairwise = result.pairwise {
            document.sections.append(
                ReportDocument.Section(heading: "Pairwise comparisons", tables: [Self.pairwiseTable(pairwise)]))
        }

        if let table = result.medianTable {
            document.sections.append(
                ReportDocument.Section(
                    heading: "Median by \(table.rowColumn) x \(table.columnColumn)",
                    tables: [Self.medianTableReport(table, ci: ci)]))
        }

        close(&document, input: input, warnings: warnings)
        return document
    }

    // MARK: - Helpers

    static func groupColumns(_ result: SurvivalSummaryResult) -> [ReportColumn] {
        if result.byColumns.isEmpty { return [ReportColumn("group", style: .label)] }
        return result.byColumns.map { ReportColumn($0, style: .label) }
    }

    static func groupCells(_ group: SurvivalSummaryGroup, _ result: SurvivalSummaryResult) -> [ReportCell] {
        if result.byColumns.isEmpty { return [.text("all")] }
        return group.by.map { .text($0.level) }
    }

    /// `median` for 0.5, else `q25`-style names (`q12.5` for 0.125).
    static func quantileName(_ probability: Double) -> String {
        if probability == 0.5 { return "median" }
        return "q" + ReportText.display(probability * 100, style: .general(significant: 6), missing: "NA")
    }

    /// The tested columns as one label: `dose_group`, or `dose_group + interval_days` for the cross.
    static func testBy(_ test: SurvivalSummaryTest) -> String {
        test.by.joined(separator: " + ")
    }

    static func medianTableReport(_ table: MedianTable, ci: String) -> ReportTable {
        let columns = [ReportColumn(table.rowColumn, style: .label)]
            + table.columnLevels.map { ReportColumn(table.columnColumn + "=" + $0, style: .label) }
        let rows = table.rowLevels.indices.map { rowIndex -> [ReportCell] in
            var cells: [ReportCell] = [.text(table.rowLevels[rowIndex])]
            for columnIndex in table.columnLevels.indices {
                guard rowIndex < table.cells.count, columnIndex < table.cells[rowIndex].count,
                    let cell = table.cells[rowIndex][columnIndex]
                else {
                    cells.append(.text("-"))
                    continue
                }
                cells.append(.text(medianText(cell.median) + " n=\(cell.n)"))
            }
            return cells
        }
        return ReportTable(
            title: "Median (\(ci)) and n per cell", columns: columns, rows: rows,
            notes: ["NR = not reached; - = no rows in this cell."])
    }

    /// `14 (12, 17)`, with `NR` for a value not reached.
    static func medianText(_ median: QuantileEstimate) -> String {
        let style = ReportColumn.Style.general(significant: 4)
        let estimate = ReportText.display(median.estimate, style: style, missing: "NR")
        let lower = ReportText.display(median.lower, style: style, missing: "NR")
        let upper = ReportText.display(median.upper, style: style, missing: "NR")
        return "\(estimate) (\(lower), \(upper))"
    }
}
