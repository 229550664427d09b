import NumericCore
import Regression
import Survival
import Testing

/// Errors for unusable input (typed, naming what is wrong) and non-convergence (a flagged result, not
/// an error).
@Suite("Cox PH bad input")
struct CoxBadInputTests {
    static let time: [Double] = [5, 8, 3, 9, 12, 4, 7, 15, 6, 10]
    static let event = [true, false, true, true, false, true, true, false, true, true]
    static let age: [Double] = [61, 55, 70, 48, 66, 59, 73, 52, 64, 58]
    static let dose: [Double] = [0.5, 1.0, 0.5, 1.0, 0.5, 1.0, 0.5, 1.0, 1.0, 0.5]

    static func matrix(_ columns: [[Double]]) throws -> Matrix {
        try Matrix(rows: columns[0].count, columns: columns.count, columnMajor: columns.flatMap { $0 })
    }

    /// Whether `body` throws a `StatModelError` whose description contains every fragment.
    static func expectError(_ fragments: [String], sourceLocation: SourceLocation = #_sourceLocation,
                            _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected an error mentioning \(fragments)", sourceLocation: sourceLocation)
        } catch let error as StatModelError {
            for fragment in fragments {
                #expect(error.description.contains(fragment), "'\(error.description)' lacks '\(fragment)'",
                        sourceLocation: sourceLocation)
            }
        } catch {
            Issue.record("expected a StatModelError, got \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test("empty input and mismatched lengths throw")
    func emptyAndMismatched() throws {
        let x = try Self.matrix([Self.age])
        #expect(throws: StatModelError.emptyInput(context: "CoxPH.fit")) {
            try CoxPH().fit(x: Matrix(rows: 0, columns: 1), time: [], event: [])
        }
        #expect(throws: StatModelError.lengthMismatch(context: "CoxPH.fit", argument: "event", expected: 10, found: 9)) {
            try CoxPH().fit(x: x, time: Self.time, event: Array(Self.event.dropLast()))
        }
        #expect(throws: StatModelError.lengthMismatch(context: "CoxPH.fit", argument: "x (rows)", expected: 9, found: 10)) {
            try CoxPH().fit(x: x, time: Array(Self.time.dropLast()), event: Array(Self.event.dropLast()))
        }
        #expect(throws: StatModelError.lengthMismatch(context: "CoxPH.fit", argument: "weights", expected: 10, found: 3)) {
            try CoxPH().fit(x: x, time: Self.time, event: Self.event, weights: [1, 2, 3])
        }
        #expect(throws: StatModelError.lengthMismatch(context: "CoxPH.fit", argument: "strata", expected: 10, found: 1)) {
            try CoxPH().fit(x: x, time: Self.time, event: Self.event, strata: [1])
        }
        #expect(throws: StatModelError.lengthMismatch(context: "CoxPH.fit", argument: "cluster", expected: 10, found: 2)) {
            try CoxPH().fit(x: x, time: Self.time, event: Self.event, cluster: [1, 2])
        }
        Self.expectError(["2 term names", "1 columns"]) {
            _ = try CoxPH(termNames: ["a", "b"]).fit(x: x, time: Self.time, event: Self.event)
        }
    }

    @Test("non-finite values, bad weights, no events")
    func badValues() throws {
        let x = try Self.matrix([Self.age])
        var time = Self.time
        time[3] = .nan
        #expect(throws: StatModelError.nonFiniteValue(context: "CoxPH.fit", argument: "time", index: 3)) {
            try CoxPH().fit(x: x, time: time, event: Self.event)
        }
        var age = Self.age
        age[2] = .infinity
        #expect(throws: StatModelError.nonFiniteValue(context: "CoxPH.fit", argument: "x[, 'age']", index: 2)) {
            try CoxPH(termNames: ["age"]).fit(x: Self.matrix([age]), time: Self.time, event: Self.event)
        }
        Self.expectError(["weight 0.0 at row 4", "> 0"]) {
            var w = [Double](repeating: 1, count: 10)
            w[4] = 0
            _ = try CoxPH().fit(x: x, time: Self.time, event: Self.event, weights: w)
        }
        Self.expectError(["no events"]) {
            _ = try CoxPH().fit(x: x, time: Self.time, event: [Bool](repeating: false, count: 10))
        }
        Self.expectError(["maxIterations"]) {
            _ = try CoxPH(maxIterations: -1).fit(x: x, time: Self.time, event: Self.event)
        }
    }

    @Test("constant and collinear columns are refused, by name")
    func constantAndCollinear() throws {
        let ones = [Double](repeating: 3, count: 10)
        Self.expectError(["constant column", "'site_all' (column 2)"]) {
            _ = try CoxPH(termNames: ["age", "site_all"]).fit(x: Self.matrix([Self.age, ones]), time: Self.time,
                                                              event: Self.event)
        }
        let doseMg = Self.dose.map { $0 * 70 }       // the same dose in mg for a 70 kg patient
        Self.expectError(["collinear", "'dose_mg' (column 3)", "'dose_mg_kg'", "rank 2 of 3"]) {
            _ = try CoxPH(termNames: ["age", "dose_mg_kg", "dose_mg"]).fit(
                x: Self.matrix([Self.age, Self.dose, doseMg]), time: Self.time, event: Self.event)
        }
        // A linear combination of several columns.
        let combo = zip(Self.age, Self.dose).map { 2 * $0 - 3 * $1 + 1 }
        Self.expectError(["collinear", "rank 2 of 3"]) {
            _ = try CoxPH(termNames: ["age", "dose", "score"]).fit(
                x: Self.matrix([Self.age, Self.dose, combo]), time: Self.time, event: Self.event)
        }
        // Constant within every stratum: absorbed by the stratified baseline.
        let strata = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
        let site = strata.map { Double($0) * 2 + 1 }
        Self.expectError(["constant column(s) within every stratum", "'site'"]) {
            _ = try CoxPH(termNames: ["age", "site"]).fit(x: Self.matrix([Self.age, site]), time: Self.time,
                                                          event: Self.event, strata: strata)
        }
    }

    @Test("maxIterations 1: flagged as not converged with a warning, not an error")
    func notConverged() throws {
        let c = try #require(try CoxFixture.load("lung_iter1"))
        let (fit, _) = try CoxReferenceTests.fit(c)
        #expect(!fit.isConverged)
        #expect(fit.iterations == 1)
        #expect(fit.warnings.contains(.notConverged(iterations: 1)))
        #expect(fit.warningMessages.contains { $0.contains("did not converge in 1 iteration") })
        // R's estimates after one step (iter.max = 1), 1e-6 relative.
        for (j, expected) in c.coef.finite.enumerated() {
            SurvivalTolerance.expectRelative(fit.coefficients[j], expected, tolerance: 1e-6, "coef[\(j)]")
        }
    }
}
