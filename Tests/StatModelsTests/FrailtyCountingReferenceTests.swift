import DataIO
import Foundation
import NumericCore
import Regression
import Testing

/// Shared-frailty Cox models on counting-process rows `(start, stop]` against R survival 3.5-3
/// (Reference/frailty_counting.json from make_frailty_counting_fixtures.R):
/// `coxph(Surv(start, stop, event) ~ ... + frailty(id))`, gamma and gaussian, on `bladder2` (also PWP
/// total time with `strata(enum)`), `cgd` (also `strata(hos.cat)` with Breslow ties), the bundled
/// infusion log's episodes on the calendar time scale, and the bundled trial split at day 7. The fits go
/// through the Regression API as `relief fit cox FILE --start S --time T --event E` does, and every number
/// is compared as ``FrailtyCoxReferenceTests`` compares it (1e-6 relative; iteration counts exactly).
@Suite("Shared frailty Cox on (start, stop] rows vs R survival")
struct FrailtyCountingReferenceTests {
    struct Source: Decodable, Sendable {
        let name, file, start: String
    }

    typealias Fixture = FrailtyCoxReferenceTests.ExtendedFixture<Source>

    static let names = ["bladder2_gamma", "bladder2_gaussian", "bladder2_strata_gamma", "cgd_gamma",
                        "cgd_strata_breslow_gaussian", "episodes_gamma", "episodes_gaussian", "trial_split_gamma"]

    static func fixture(_ name: String) throws -> (FrailtyCoxReferenceTests.Case, Source) {
        let url = try #require(Bundle.module.url(forResource: "frailty_counting", withExtension: "json", subdirectory: "Reference"))
        let all = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        let index = try #require(all.cases.firstIndex { $0.name == name })
        return (all.cases[index], all.extras[index])
    }

    /// The data of a case as `relief fit cox FILE --start S --time T --event E --formula F` reads it.
    static func data(_ c: FrailtyCoxReferenceTests.Case, _ source: Source) throws -> RegressionData {
        let file = (source.file as NSString).deletingPathExtension
        let path = try #require(Bundle.module.url(forResource: file, withExtension: "csv", subdirectory: "Reference")).path
        let formula = try Formula(c.formula)
        let roles = ColumnRoles(time: c.time, start: source.start, event: c.event, covariates: formula.variables)
        let dataset = try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: path)
        let design = try DesignMatrixBuilder(intercept: false, referenceLevels: c.reference_levels).build(formula, data: dataset)
        return RegressionData(design: design, time: dataset.time, event: dataset.event, start: dataset.start)
    }

    static func model(_ c: FrailtyCoxReferenceTests.Case) throws -> FrailtyCoxPH {
        let distribution = try #require(FrailtyDistribution(rawValue: c.distribution))
        return FrailtyCoxPH(ties: c.ties == "breslow" ? .breslow : .efron, distribution: distribution)
    }

    @Test("coefficients, var, var2, theta, log-likelihoods, df, frailties", arguments: names)
    func reference(name: String) throws {
        let (c, source) = try Self.fixture(name)
        let data = try Self.data(c, source)
        #expect(data.start != nil)
        try FrailtyCoxReferenceTests.compare(try Self.model(c).fit(data), to: c)
    }

    /// Entries before every time (all rows at risk from the start) give the fit without entry times.
    @Test("entries at 0 equal the plain fit", arguments: ["kidney_gamma", "kidney_strata_gaussian", "trial_gamma"])
    func entriesAtZero(name: String) throws {
        let c = try FrailtyCoxReferenceTests.fixture(name)
        let plain = try FrailtyCoxReferenceTests.fit(c)
        let path = c.data == "trial" ? FrailtyCoxReferenceTests.trial
            : try #require(Bundle.module.url(forResource: "frailty_" + c.data, withExtension: "csv", subdirectory: "Reference")).path
        let formula = try Formula(c.formula)
        let dataset = try SurvivalDatasetReader(
            dialect: CSVDialect(delimiter: .comma), roles: ColumnRoles(time: c.time, event: c.event, covariates: formula.variables)
        ).read(path: path)
        let design = try DesignMatrixBuilder(intercept: false, referenceLevels: c.reference_levels).build(formula, data: dataset)
        let start = dataset.time.map { min(0, $0 / 2) }
        let data = RegressionData(design: design, time: dataset.time, event: dataset.event, start: start)
        let entered = try Self.model(c).fit(data)
        #expect(entered.outerIterations == plain.outerIterations && entered.newtonIterations == plain.newtonIterations)
        #expect(abs(entered.theta - plain.theta) <= 1e-9 * max(plain.theta, 1e-6))
        #expect(abs(entered.logLikelihood - plain.logLikelihood) <= 1e-10 * abs(plain.logLikelihood))
        for (a, b) in zip(entered.coefficients, plain.coefficients) { #expect(abs(a - b) <= 1e-9 * max(abs(b), 1e-3)) }
        for (a, b) in zip(entered.frailtyVariances, plain.frailtyVariances) { #expect(abs(a - b) <= 1e-9 * b) }
    }

    /// A row is not at risk at its own entry time: moving the day-7 entries of the split trial to just
    /// after 7 changes nothing (no event time lies in (7, 7 + 1e-4]), while moving them to just before 7
    /// puts them in the risk sets of the events at day 7 and changes the fit.
    @Test("the boundary: at risk on (start, stop]")
    func boundary() throws {
        let (c, source) = try Self.fixture("trial_split_gamma")
        let data = try Self.data(c, source)
        let start = try #require(data.start)
        let model = try Self.model(c)
        let reference = try model.fit(data)
        let after = try model.fit(data.entering(at: start.map { $0 == 7 ? 7.0001 : $0 }))
        let before = try model.fit(data.entering(at: start.map { $0 == 7 ? 6.9999 : $0 }))
        #expect(abs(after.logLikelihood - reference.logLikelihood) <= 1e-9 * abs(reference.logLikelihood))
        #expect(abs(before.logLikelihood - reference.logLikelihood) > 1e-6)
    }
}
