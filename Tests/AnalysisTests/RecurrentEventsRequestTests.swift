import Analysis
import DataIO
import Foundation
import Regression
import ReliefTestSupport
import Testing

/// The worked examples of the README's "Repeated infusions per patient" through the requests the CLI runs
/// (`EpisodesRequest`, `FitRequest`): the coefficients and robust standard errors agree with R
/// (Tests/StatModelsTests/Reference/recurrent_cox.json, make_recurrent_fixtures.R) to 1e-6 relative. The
/// full comparison (variances, tests, concordance) is StatModelsTests' RecurrentEventsReferenceTests.
@Suite("Repeated infusions per patient: the requests the CLI runs")
struct RecurrentEventsRequestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let reference = root.appendingPathComponent("Tests/StatModelsTests/Reference")
    static let log = root.appendingPathComponent("data/infusion_log.csv").path

    struct Case: Decodable {
        let name, data, time, event, formula: String
        let start: String?
        let strata_cap: Int?
        let columns: [String]
        let coef, robust_se: [Double]
        let n, nevent: Int
    }

    struct Fixture: Decodable {
        let cases: [Case]
    }

    /// The cases Relief fits from the files as they are (the capped PWP needs a column of its own).
    static let names = ["ag", "pwp_gap", "pwp_total", "wlw"]

    static func fixture(_ name: String) throws -> Case {
        let data = try Data(contentsOf: reference.appendingPathComponent("recurrent_cox.json"))
        return try #require(try JSONDecoder().decode(Fixture.self, from: data).cases.first { $0.name == name })
    }

    @Test("relief fit cox on the episodes (AG, PWP) and on the WLW layout gives R's coefficients and robust SEs", arguments: names)
    func fit(name: String) throws {
        let c = try Self.fixture(name)
        let file = Self.reference.appendingPathComponent(c.data == "wlw" ? "recurrent_wlw.csv" : "recurrent_episodes.csv").path
        let source = DataSource(path: file, roles: ColumnRoles(time: c.time, start: c.start, event: c.event))
        let specification = ModelSpecification(formula: c.formula, referenceLevels: ["dose_group": "low"], testsProportionalHazards: false)
        let result = try FitRequest(source: source, model: .cox, specification: specification).run().result
        let cox = try #require((result.estimates as? CoxEstimates)?.cox)
        #expect(result.termNames == c.columns)
        #expect(cox.n == c.n && cox.events == c.nevent)
        let robust = try #require(cox.robustStandardErrors)
        for j in c.coef.indices {
            Tolerance.relative(1e-6).expect(cox.coefficients[j], c.coef[j], "\(name) coef[\(j)]")
            Tolerance.relative(1e-6).expect(robust[j], c.robust_se[j], "\(name) robust se[\(j)]")
        }
    }

    @Test("EpisodesRequest with marginalEvents writes the WLW layout the fixtures were fitted on")
    func marginalLayout() throws {
        let result = try EpisodesRequest(path: Self.log, marginalEvents: 4).run()
        let marginal = try #require(result.marginal)
        #expect(marginal.count == 1600)
        #expect(Data(result.csvBytes()) == (try Data(contentsOf: Self.reference.appendingPathComponent("recurrent_wlw.csv"))))
        #expect(result.summaryLine(destination: "wlw.csv") == "relief: 1600 rows of 400 patients, event numbers 1-4 (1060 relief ended, "
            + "540 censored at the end of follow-up) from 1597 episodes -> wlw.csv")
        #expect(throws: DataError.self) { try EpisodesRequest(path: "no/such/file.csv", marginalEvents: 0).run() }
        do {
            _ = try EpisodesRequest(path: "no/such/file.csv", marginalEvents: 0).run()
        } catch {
            // K is checked before the file is opened.
            #expect(error.kind == .usage)
        }
    }
}
