import Analysis
import DataIO
import Foundation
import Reporting
import Survival
import Testing

/// `--time-unit` and `--outcome-label`: the words of every output come from the input's wording, and
/// times in a unit without standard landmarks are reported at the follow-up quartiles.
@Suite("Words and units of the outputs")
struct OutcomeWordingTests {
    static let trial = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/ketamine_trial.csv").path

    static func source(unit: TimeUnit, outcome: String = "relief", by: [String] = ["dose_group"]) -> DataSource {
        var roles = ColumnRoles()
        roles.by = by
        return DataSource(path: trial, roles: roles, wording: OutcomeWording(timeUnit: unit, outcome: outcome))
    }

    @Test("follow-up quartiles are R's type-7 quantiles, rounded to 3 significant digits, repeats and zeros dropped")
    func quartiles() {
        // quantile(1:8, c(.25, .5, .75)) = 2.75, 4.5, 6.25
        #expect(LandmarkTimes.followUpQuartiles.times(given: [], followUp: [8, 1, 7, 2, 6, 3, 5, 4]) == [2.75, 4.5, 6.25])
        // quantile(c(0.1234567, 1/3, 2/3, 10), c(.25, .5, .75)) = 0.2808642, 0.5, 3 (h = 3p: x[1] + 0.75 (x[2] - x[1]), ...)
        #expect(LandmarkTimes.followUpQuartiles.times(given: [], followUp: [0.1234567, 1.0 / 3, 2.0 / 3, 10]) == [0.281, 0.5, 3])
        #expect(LandmarkTimes.followUpQuartiles.times(given: [], followUp: [0, 0, 0, 0, 5]) == [])
        #expect(LandmarkTimes.followUpQuartiles.times(given: [], followUp: [3, 3, 3, 3]) == [3])
        #expect(LandmarkTimes.given.times(given: [1, 2], followUp: [8, 9]) == [1, 2])
    }

    @Test("days keep 7, 14 and 28; another unit takes the quartiles unless times are given")
    func choice() {
        #expect(LandmarkTimes.choose(nil, unit: .days) == ([7, 14, 28], .given))
        #expect(LandmarkTimes.choose(nil, unit: .weeks) == ([], .followUpQuartiles))
        #expect(LandmarkTimes.choose([1, 2], unit: .hours) == ([1, 2], .given))
        #expect(LandmarkTimes.choose([], unit: .weeks) == ([], .given))
        #expect(LandmarkTimes.provenanceText(nil, unit: .days) == "7,14,28")
        #expect(LandmarkTimes.provenanceText(nil, unit: .weeks) == "quartiles of the follow-up times")
        #expect(LandmarkTimes.provenanceText("1,2", unit: .weeks) == "1,2")
    }

    @Test("an empty, over-long or control-character outcome word is a usage error")
    func checkedLabel() throws {
        #expect(try OutcomeWording.checked(timeUnit: .weeks, outcome: "  response ").outcome == "response")
        for bad in ["", "   ", String(repeating: "x", count: 41), "re\nsponse", "a\u{7}b"] {
            #expect(throws: AnalysisError.self) { try OutcomeWording.checked(timeUnit: .days, outcome: bad) }
        }
    }

    @Test("a summary in weeks: quartile landmarks, the unit and the word in the header, titles and JSON")
    func summaryInWeeks() throws {
        var request = SummaryRequest(source: Self.source(unit: .weeks, outcome: "response"), summary: SurvivalSummary())
        request.landmarks = .followUpQuartiles
        let output = try request.run()
        let dataset = try request.source.read()
        let expected = LandmarkTimes.followUpQuartiles.times(given: [], followUp: dataset.time)
        #expect(expected.count == 3)
        #expect(output.result.times == expected)
        let table = output.rendered(.table)
        #expect(table.hasPrefix("Response summary by dose_group"))
        #expect(table.contains("time-unit:            weeks"))
        #expect(table.contains(" weeks (95% CI, log)"))
        #expect(!table.contains(" days"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.rendered(.json).utf8)) as? [String: Any])
        let input = try #require(json["input"] as? [String: Any])
        #expect(input["time_unit"] as? String == "weeks")
        #expect(input["outcome_label"] as? String == "response")
        #expect((json["times"] as? [Double]) == expected)
    }

    @Test("the Kaplan–Meier figure names its axes by the wording, and the default stays days and relief")
    func figureAxes() throws {
        let weeks = try CurvesRequest(source: Self.source(unit: .hours, outcome: "response")).run().rendered(.svg)
        #expect(weeks.contains("Hours since infusion"))
        #expect(weeks.contains("Proportion still in response"))
        #expect(!weeks.contains("Days since infusion"))
        let days = try CurvesRequest(source: Self.source(unit: .days)).run().rendered(.svg)
        #expect(days.contains("Days since infusion"))
        #expect(days.contains("Proportion still in relief"))
    }

    @Test("compare, predict and the report carry the words through")
    func otherCommands() throws {
        let compare = KaplanMeierComparison(reference: "low", times: [2, 4], bootstrapReplicates: 0)
        let compared = try CompareRequest(source: Self.source(unit: .weeks, outcome: "response"), comparison: compare).run()
            .rendered(.markdown)
        #expect(compared.contains("hours") == false)
        #expect(compared.contains("weeks of response gained to tau"))
        #expect(compared.contains("restricted mean response to"))
        var report = try ReportRequest(source: Self.source(unit: .weeks, outcome: "response", by: []))
        report.landmarks = .followUpQuartiles
        let html = ClinicalReportHTMLRenderer().render(try report.run())
        #expect(html.contains("Weeks since infusion"))
        #expect(html.contains("weeks of response after the infusion"))
        #expect(html.contains("Response ended"))
        #expect(!html.contains("Days since infusion"))
    }
}
