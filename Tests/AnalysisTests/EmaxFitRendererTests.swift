import Analysis
import DataIO
import DoseResponse
import Foundation
import Reporting
import Testing

/// How `relief fit emax` shows a fit whose ED50 is not identified (data/ketamine_trial.csv: two dose
/// clusters, no placebo): the verdict in the header, first among the warnings and as its own section with
/// the profile it rests on; no E0, Emax or ED50 row; the best identified alternative with its dose terms
/// compared by AIC and its curve; and the same in Markdown, CSV and JSON.
@Suite("Emax fit rendering when ED50 is not identified")
struct EmaxFitRendererTests {
    static let trial = RequestTests.trial

    static func output() throws -> AnalysisOutput<EmaxFitRequest> {
        let spec = ModelSpecification(formula: "interval_days + baseline_pain", distribution: .weibull)
        return try EmaxFitRequest(
            source: RequestTests.source(Self.trial), model: .emax, doseColumn: "dose_mg_kg", specification: spec
        ).run()
    }

    @Test func theStatementReplacesTheParameters() throws {
        let output = try Self.output()
        let fit = output.result.fit
        #expect(!fit.identification.isIdentified)
        let statement = fit.identification.statement
        #expect(statement.hasPrefix("ED50 is not identified from these doses"))
        #expect(output.warnings.first == statement)
        let alternative = try #require(fit.alternative)

        let table = output.rendered(.table)
        #expect(table.contains("ED50:           NOT identified"))
        #expect(table.contains("ED50 is not identified\n----------------------"))
        #expect(table.contains("Profile log-likelihood of ED50 over DoseFinding's range"))
        #expect(table.contains("Best identified alternative: \(alternative.doseTerm.name) AFT"))
        #expect(table.contains("Dose terms compared by AIC"))
        #expect(table.contains(alternative.doseTerm.label("dose_mg_kg")))
        #expect(table.contains("from the \(alternative.doseTerm.name) AFT"))
        for row in ["\ne0 ", "\neMax ", "\ned50 ", "Estimates (95% CI, Wald)"] {
            #expect(!table.contains(row), "the table shows \(row.debugDescription)")
        }

        let markdown = output.rendered(.markdown)
        #expect(markdown.contains("ED50 is not identified from these doses"))
        #expect(markdown.contains("Best identified alternative"))

        let csv = output.rendered(.csv)
        #expect(csv.contains("identification,\(fit.identification.status.rawValue),"))
        #expect(csv.contains("alternative,chosen,,\(alternative.doseTerm.name),"))
        #expect(!csv.contains("\nparameter,"))

        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.rendered(.json).utf8)) as? [String: Any])
        #expect(json["identified"] as? Bool == false)
        #expect((json["ed50_identification"] as? [String: Any])?["statement"] as? String == statement)
        #expect((json["parameters"] as? [Any])?.isEmpty == true)
        #expect((json["alternative"] as? [String: Any])?["model"] as? String == alternative.doseTerm.name)
        #expect((json["warnings"] as? [String])?.first == statement)
    }
}
