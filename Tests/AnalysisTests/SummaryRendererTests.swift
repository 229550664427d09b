import Analysis
import DataIO
import Foundation
@testable import Reporting
@testable import Survival
import Testing

/// Renderers on hand-built result values (no summary fitting involved).
@Suite struct SummaryRendererTests {
    static let version = "9.9.9-test"

    static func makeResult(twoColumns: Bool = false) throws -> SurvivalSummaryResult {
        let km = KaplanMeier(confidenceTransform: .logLog, confidenceLevel: 0.9)
        let fitA = try km.fit(time: [1, 2, 3, 4, 5], event: [true, true, false, true, false])
        let fitB = try km.fit(time: [2, 4, 6], event: [false, false, false])
        let notReached = QuantileEstimate(probability: 0.5, estimate: nil, lower: nil, upper: nil)
        let undefinedSE = SurvivalEstimate(
            time: 9, estimate: 0, standardError: .nan, lower: nil, upper: nil, atRisk: 0, isBeyondLastTime: true)
        let byA = twoColumns
            ? [ByLevel(column: "dose_group", level: "low"), ByLevel(column: "interval_days", level: "<=7")]
            : [ByLevel(column: "dose_group", level: "low")]
        let byB = twoColumns
            ? [ByLevel(column: "dose_group", level: "b\u{1B}x"), ByLevel(column: "interval_days", level: ">28")]
            : [ByLevel(column: "dose_group", level: "b\u{1B}x")]
        let groupA = SurvivalSummaryGroup(
            by: byA, levelIndices: twoColumns ? [0, 0] : [0],
            quantiles: [0.25, 0.5, 0.75].map { fitA.quantile($0) }, median: fitA.median,
            survival: [fitA.estimate(at: 3), undefinedSE], restrictedMean: fitA.restrictedMean(tau: 4), fit: fitA,
            medianFollowUp: QuantileEstimate(probability: 0.5, estimate: 8, lower: 6, upper: nil))
        let groupB = SurvivalSummaryGroup(
            by: byB, levelIndices: twoColumns ? [1, 1] : [1],
            quantiles: [notReached, notReached, notReached], median: notReached,
            survival: [fitB.estimate(at: 3), fitB.estimate(at: 9)],
            restrictedMean: RestrictedMean(tau: 4, estimate: 4, standardError: 0), fit: fitB, medianFollowUp: notReached)
        let test = SurvivalSummaryTest(
            kind: .logRank, by: ["dose_group"], strata: nil, statistic: 2.5, degreesOfFreedom: 1,
            pValue: 0.11384629800665802,
            groups: [
                .init(by: [byA[0]], n: 5, observed: 3, expected: 2.2),
                .init(by: [byB[0]], n: 3, observed: 0, expected: 0.8),
            ])
        let table = twoColumns
            ? MedianTable(
                rowColumn: "dose_group", columnColumn: "interval_days", rowLevels: ["low", "b\u{1B}x"],
                columnLevels: ["<=7", ">28"],
                cells: [
                    [MedianTable.Cell(n: 5, events: 3, median: fitA.median), nil],
                    [nil, MedianTable.Cell(n: 3, events: 0, median: notReached)],
                ])
            : nil
        return SurvivalSummaryResult(
            byColumns: twoColumns ? ["dose_group", "interval_days"] : ["dose_group"], strataColumn: nil,
            confidenceTransform: .logLog, confidenceLevel: 0.9, quantileProbabilities: [0.25, 0.5, 0.75],
            times: [3, 9], tau: 4, tauRule: .specified, groups: [groupA, groupB], tests: [test],
            medianTable: table, warnings: ["median not reached in group dose_group=b\u{1B}x"])
    }

    static let input = ReportInput(
        file: "data/trial.csv", sha256: String(repeating: "ab", count: 32), rowsRead: 10, rowsUsed: 8,
        exclusions: [
            Exclusion(line: 4, column: "relief_days", reason: "missing value 'NA'", isMissing: true),
            Exclusion(line: 9, column: "relief_days", reason: "negative time -3", isMissing: false),
        ],
        delimiter: "comma")

    static let provenance = Provenance(
        file: "data/trial.csv", sha256: String(repeating: "ab", count: 32),
        command: "relief summary data/trial.csv --by dose_group", version: version,
        options: [.init(name: "conf-type", value: "log-log")])

    static func render(_ format: OutputFormat, twoColumns: Bool = false) throws -> String {
        SummaryRenderer(format: format).render(try makeResult(twoColumns: twoColumns), input: input, provenance: provenance)
    }

    @Test(arguments: OutputFormat.allCases.filter { $0 != .svg })  // a summary has no figure
    func everyFormatNamesTransformAndVersion(format: OutputFormat) throws {
        // The HTML page's stylesheet is not output of the renderer ("provenance" holds "nan").
        let text = try Self.render(format).replacingOccurrences(of: HTMLStyleSheet.css, with: "")
        #expect(text.contains(Self.version))
        #expect(text.contains("log-log"))
        #expect(!text.contains("nan"))
        #expect(!text.contains("NaN"))
        #expect(!text.contains("inf"))
        #expect(text.hasSuffix("\n"))
    }

    @Test func jsonHasTheIssueShape() throws {
        let text = try Self.render(.json, twoColumns: true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["version", "command", "input", "groups", "tests", "confidence_transform", "confidence_level",
                    "median_table", "warnings", "rmst_tau", "times"] {
            #expect(object[key] != nil, "missing top-level key \(key)")
        }
        #expect(object["confidence_transform"] as? String == "log-log")
        #expect((object["confidence_level"] as? NSNumber)?.doubleValue == 0.9)
        let input = try #require(object["input"] as? [String: Any])
        for key in ["file", "sha256", "rows_read", "rows_used", "rows_excluded", "exclusions"] {
            #expect(input[key] != nil, "missing input key \(key)")
        }
        #expect(input["rows_excluded"] as? Int == 2)
        let exclusions = try #require(input["exclusions"] as? [[String: Any]])
        #expect(exclusions.count == 2)
        #expect(exclusions[1]["line"] as? Int == 9)
        #expect(exclusions[1]["column"] as? String == "relief_days")
        #expect(exclusions[1]["reason"] as? String == "negative time -3")

        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.count == 2)
        for key in ["by", "n", "events", "censored", "median", "quartiles", "survival", "rmst"] {
            #expect(groups[0][key] != nil, "missing group key \(key)")
        }
        #expect((groups[0]["by"] as? [String: String]) == ["dose_group": "low", "interval_days": "<=7"])
        #expect((groups[1]["by"] as? [String: String])?["dose_group"] == "b\u{1B}x")
        let median = try #require(groups[1]["median"] as? [String: Any])
        #expect(median["estimate"] is NSNull)
        #expect(median["lower"] is NSNull)
        #expect(median["upper"] is NSNull)
        let survival = try #require(groups[0]["survival"] as? [[String: Any]])
        for key in ["time", "estimate", "std_error", "lower", "upper"] {
            #expect(survival[0][key] != nil, "missing survival key \(key)")
        }
        #expect(survival[1]["std_error"] is NSNull)   // NaN became null
        let rmst = try #require(groups[0]["rmst"] as? [String: Any])
        #expect(Set(rmst.keys) == ["tau", "estimate", "std_error"])

        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests[0]["name"] as? String == "log-rank")
        #expect(tests[0]["by"] as? String == "dose_group")
        for key in ["statistic", "df", "p_value"] { #expect(tests[0][key] is NSNumber, "missing test key \(key)") }
        #expect((tests[0]["p_value"] as? NSNumber)?.doubleValue == 0.11384629800665802)   // full precision
        let testGroups = try #require(tests[0]["groups"] as? [[String: Any]])
        #expect((testGroups[0]["observed"] as? NSNumber)?.doubleValue == 3)
        #expect((testGroups[0]["expected"] as? NSNumber)?.doubleValue == 2.2)

        let table = try #require(object["median_table"] as? [String: Any])
        let cells = try #require(table["cells"] as? [[Any]])
        #expect(cells[0][1] is NSNull)
        #expect((cells[0][0] as? [String: Any])?["n"] as? Int == 5)
        #expect((object["warnings"] as? [String])?.count == 1)
    }

    @Test func jsonWithoutByHasOneGroupWithEmptyBy() throws {
        let km = KaplanMeier()
        let fit = try km.fit(time: [1, 2, 3], event: [true, false, true])
        let group = SurvivalSummaryGroup(
            by: [], levelIndices: [], quantiles: [fit.median], median: fit.median, survival: [],
            restrictedMean: fit.restrictedMean(tau: 3), fit: fit, medianFollowUp: fit.median)
        let result = SurvivalSummaryResult(
            byColumns: [], strataColumn: nil, confidenceTransform: .log, confidenceLevel: 0.95,
            quantileProbabilities: [0.5], times: [], tau: 3, tauRule: .commonFollowUp, groups: [group], tests: [],
            medianTable: nil, warnings: [])
        let text = SummaryRenderer(format: .json).render(result, input: Self.input, provenance: Self.provenance)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let groups = try #require(object["groups"] as? [[String: Any]])
        #expect(groups.count == 1)
        #expect((groups[0]["by"] as? [String: Any])?.isEmpty == true)
        #expect((object["tests"] as? [Any])?.isEmpty == true)
        #expect(object["median_table"] is NSNull)
    }

    @Test func tableShowsSectionsEscapedLabelsAndExclusions() throws {
        let text = try Self.render(.table, twoColumns: true)
        for heading in ["Censoring", "Median and quartiles (90% CI, log-log)", "Survival at 3, 9",
                        "Restricted mean survival time (tau = 4)", "Tests", "Median by dose_group x interval_days",
                        "Exclusions (2 rows)", "warning: median not reached"] {
            #expect(text.contains(heading), "missing \(heading)")
        }
        #expect(text.contains("b\\u{1B}x"))
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("NR"))
        #expect(text.contains("sha256:"))
        #expect(text.contains("command:"))
    }

    @Test func markdownHasTablesAndNoRawControls() throws {
        let text = try Self.render(.markdown, twoColumns: true)
        #expect(text.hasPrefix("# Relief summary by dose_group x interval_days"))
        #expect(text.contains("| dose_group | interval_days | n | events | censored |"))
        #expect(!text.contains("\u{1B}"))
    }

    @Test func csvIsOneTidyTable() throws {
        let text = try Self.render(.csv)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "section,group,dose_group,measure,time,estimate,std_error,lower,upper,df,p_value,confidence_transform,confidence_level,relief_version")
        #expect(lines.contains { $0.hasPrefix("test,dose_group,,log-rank,,2.5,,,,1.0,0.11384629800665802,log-log,0.9,") })
        #expect(lines.contains { $0.hasPrefix("quantile,dose_group=b\u{1B}x,b\u{1B}x,median,,NA,,NA,NA,") })
        #expect(lines.contains { $0.hasPrefix("exclusion,line 9: negative time -3,,relief_days,") })
        let fieldCounts = Set(lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).count })
        #expect(fieldCounts == [14])
    }

    @Test func curvesCSVHasOneRowPerTimePerGroup() throws {
        let result = try Self.makeResult()
        let text = CurvesRenderer(format: .csv).render(CurvesResult(summary: result), input: Self.input, provenance: Self.provenance)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "dose_group,time,n_risk,n_event,n_censor,estimate,std_error,lower,upper,confidence_transform,confidence_level,relief_version")
        #expect(lines.count == 1 + result.groups.map(\.fit.times.count).reduce(0, +))
        #expect(lines[1].hasPrefix("low,1.0,5,1,0,0.8,"))
    }

    @Test func htmlIsTheDocumentOnOnePage() throws {
        let result = try Self.makeResult()
        let renderer = SummaryRenderer(format: .html)
        let html = renderer.render(result, input: Self.input, provenance: Self.provenance)
        let document = renderer.document(result, input: Self.input, provenance: Self.provenance, warnings: result.warnings)
        #expect(html == HTMLWriter().write(document))
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Relief summary by dose_group</title>"))
        #expect(html.contains("<dt>command</dt><dd>relief summary data/trial.csv --by dose_group</dd>"))
        #expect(html.contains("<caption>Censoring</caption>"))
        #expect(html.contains("<h2>Exclusions (2 rows)</h2>"))
        // The same numbers as the terminal table and Markdown.
        let markdown = SummaryRenderer(format: .markdown).render(result, input: Self.input, provenance: Self.provenance)
        #expect(markdown == MarkdownWriter().write(document).markdown)
        #expect(SummaryRenderer(format: .table).render(result, input: Self.input, provenance: Self.provenance)
            == TextWriter().write(document))
    }

    @Test func curvesRenderEveryFormatFromOneDocument() throws {
        let result = try Self.makeResult()
        let renderer = CurvesRenderer(format: .table)
        let document = renderer.document(CurvesResult(summary: result), input: Self.input, provenance: Self.provenance, warnings: ["w"])
        #expect(document.sections.map(\.heading) == ["Step functions"])
        #expect(document.notes == ["warning: w"])
        for format in [OutputFormat.table, .markdown, .html] {
            let text = CurvesRenderer(format: format).render(CurvesResult(summary: result), input: Self.input, provenance: Self.provenance, warnings: ["w"])
            #expect(text.contains("Kaplan–Meier curves by dose_group"))
            #expect(text.contains("warning: w"))
        }
    }
}
