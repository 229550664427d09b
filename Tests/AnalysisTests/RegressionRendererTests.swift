@testable import Analysis
import DataIO
import Foundation
import NumericCore
import Regression
@testable import Reporting
import Testing

/// The regression and prediction renderers on real fits of a small hand-made dataset: every format
/// renders, JSON has the documented keys and never NaN, and the text says how to read the ratios.
@Suite struct RegressionRendererTests {
    static let input = ReportInput(file: "toy.csv", sha256: "00", rowsRead: 13, rowsUsed: 12,
                                   exclusions: [Exclusion(line: 5, column: "dose", reason: "missing dose", isMissing: true)],
                                   delimiter: "comma")
    static let provenance = Provenance(file: "toy.csv", sha256: "00", command: "relief fit", version: "9.9.9-test",
                                       options: [Provenance.Option(name: "formula", value: "dose + arm")])
    static let time: [Double] = [3, 5, 6, 8, 9, 11, 12, 14, 15, 18, 21, 25]
    static let event: [Bool] = [true, true, false, true, true, true, false, true, true, false, true, false]
    static let dose: [Double] = [0.2, 0.4, 0.5, 0.3, 0.9, 0.6, 1.0, 0.7, 1.1, 0.8, 1.2, 1.3]
    static let arm: [Double] = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]

    static func design(intercept: Bool) throws -> Matrix {
        var columns: [Double] = intercept ? [Double](repeating: 1, count: time.count) : []
        columns += dose + arm
        return try Matrix(rows: time.count, columns: intercept ? 3 : 2, columnMajor: columns)
    }

    static func coxResult(monotone: Bool = false) throws -> RegressionResult {
        // Monotone: no events in arm 1.
        let events = monotone ? zip(event, arm).map { $0 && $1 == 0 } : event
        let fit = try CoxPH(termNames: ["dose", "armb"]).fit(x: try design(intercept: false), time: time, event: events)
        let zph = try? CoxZPH().test(fit, x: try design(intercept: false), time: time, event: events)
        return RegressionResult(
            model: "cox", formula: "dose + arm", termNames: ["dose", "armb"], referenceLevels: [("arm", "a")],
            strataColumns: [], clusterColumn: nil, estimates: CoxEstimates(fit, proportionalHazards: zph),
            aic: -2 * fit.logLikelihood + 4, bic: nil, warnings: fit.warningMessages)
    }

    static func aftFits() throws -> [AFTFit] {
        try ParametricAFT().compareDistributions(x: try design(intercept: true), time: time, event: event)
    }

    static func aftResult(compare: Bool) throws -> RegressionResult {
        let fits = try aftFits()
        let best = try #require(compare ? fits.first : fits.first { $0.distribution == .weibull })
        return RegressionResult(
            model: compare ? "aft" : "weibull", formula: "dose + arm", termNames: ["(Intercept)", "dose", "armb"],
            referenceLevels: [("arm", "a")], strataColumns: [], clusterColumn: nil,
            estimates: AFTEstimates(best, comparison: compare ? fits : []), aic: best.aic, bic: best.bic, warnings: best.warnings)
    }

    static func object(_ text: String) throws -> [String: Any] {
        #expect(!text.contains("nan") && !text.contains("NaN") && !text.contains("inf"))
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func coxJSONHasTheIssueShape() throws {
        let result = try Self.coxResult()
        let text = RegressionRenderer(format: .json).render(result, input: Self.input, provenance: Self.provenance)
        let object = try Self.object(text)
        for key in ["version", "command", "input", "model", "formula", "n", "events", "coefficients", "log_likelihood",
                    "null_log_likelihood", "aic", "concordance", "tests", "warnings", "proportional_hazards"] {
            #expect(object[key] != nil, "missing key \(key)")
        }
        #expect(object["scale"] == nil)
        let coefficients = try #require(object["coefficients"] as? [[String: Any]])
        #expect(coefficients.count == 2)
        for row in coefficients {
            for key in ["term", "estimate", "std_error", "robust_std_error", "z", "p_value", "ratio", "lower", "upper"] {
                #expect(row.keys.contains(key), "coefficient key \(key)")
            }
        }
        #expect(coefficients[0]["robust_std_error"] is NSNull)
        let tests = try #require(object["tests"] as? [String: Any])
        for key in ["likelihood_ratio", "wald", "score"] {
            let test = try #require(tests[key] as? [String: Any])
            #expect(Set(test.keys) == ["statistic", "df", "p_value"])
        }
        let input = try #require(object["input"] as? [String: Any])
        #expect(input["rows_excluded"] as? Int == 1)
        #expect((input["exclusions"] as? [Any])?.count == 1)
    }

    @Test func monotoneFitRendersNullNotNaN() throws {
        let result = try Self.coxResult(monotone: true)
        #expect(!result.warnings.isEmpty)
        let text = RegressionRenderer(format: .json).render(result, input: Self.input, provenance: Self.provenance)
        let object = try Self.object(text)
        #expect((object["warnings"] as? [String])?.isEmpty == false)
        let table = RegressionRenderer(format: .table).render(result, input: Self.input, provenance: Self.provenance)
        #expect(table.contains("WARNINGS (\(result.warnings.count))"))
        let warningsAt = try #require(table.range(of: "WARNINGS"))
        let coefficientsAt = try #require(table.range(of: "Coefficients"))
        #expect(warningsAt.lowerBound < coefficientsAt.lowerBound, "warnings come before the coefficients")
    }

    @Test func aftJSONHasScaleAndComparison() throws {
        let result = try Self.aftResult(compare: true)
        let object = try Self.object(RegressionRenderer(format: .json).render(result, input: Self.input, provenance: Self.provenance))
        #expect(object["scale"] != nil && object["concordance"] == nil)
        let comparison = try #require(object["comparison"] as? [[String: Any]])
        #expect(comparison.count == 4)
        let aics = comparison.compactMap { ($0["aic"] as? NSNumber)?.doubleValue }
        #expect(aics == aics.sorted())
        let tests = try #require(object["tests"] as? [String: Any])
        #expect(tests["likelihood_ratio"] is [String: Any])
        #expect(tests["wald"] is NSNull && tests["score"] is NSNull)
        let coefficients = try #require(object["coefficients"] as? [[String: Any]])
        #expect(coefficients.map { $0["term"] as? String } == ["(Intercept)", "dose", "armb"])
    }

    @Test func textFormatsExplainTheRatios() throws {
        let weibull = try Self.aftResult(compare: false)
        let table = RegressionRenderer(format: .table).render(weibull, input: Self.input, provenance: Self.provenance)
        #expect(table.contains("A positive coefficient means LONGER relief"))
        #expect(table.contains("Hazard ratios (proportional-hazards metric)"))
        #expect(table.contains("Reference levels: arm=a"))
        #expect(table.contains("Exclusions (1 rows)"))
        let markdown = RegressionRenderer(format: .markdown).render(try Self.coxResult(), input: Self.input, provenance: Self.provenance)
        #expect(markdown.contains("| term |") && markdown.contains("hazard_ratio"))
        #expect(markdown.contains("Proportional hazards (cox.zph, km transform)"))
    }

    @Test func csvIsOneTidyTable() throws {
        let text = RegressionRenderer(format: .csv).render(try Self.coxResult(), input: Self.input, provenance: Self.provenance)
        let lines = text.split(separator: "\n")
        #expect(lines.first == "section,model,term,measure,estimate,std_error,robust_std_error,z,p_value,ratio,lower,upper,df,confidence_level,relief_version")
        let fields = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).count }
        #expect(Set(fields).count == 1, "every record has the same number of fields")
        #expect(lines.contains { $0.hasPrefix("coefficient,cox,dose,hazard_ratio,") })
        #expect(!text.contains("nan"))
    }

    @Test func predictionRendersEveryFormat() throws {
        let fits = try Self.aftFits()
        let fit = try #require(fits.first { $0.distribution == .weibull })
        let profiles = try Matrix(rowMajor: [[1, 0.5, 0], [1, 1.0, 1]])
        let predictions = try fit.predict(profiles: profiles, times: [0, 7, 14], tau: 14)
        let result = PredictionResult(
            regression: try Self.aftResult(compare: false),
            profiles: zip([["0.5", "a"], ["1.0", "b"]], predictions).map { values, prediction in
                PredictionResult.Profile(values: [("dose", values[0]), ("arm", values[1])], prediction: prediction)
            },
            times: [0, 7, 14], tau: 14, tauExplanation: "given with --tau", numericColumns: ["dose"])
        let object = try Self.object(PredictionRenderer(format: .json).render(result, input: Self.input, provenance: Self.provenance))
        let rendered = try #require(object["profiles"] as? [[String: Any]])
        #expect(rendered.count == 2)
        let values = try #require(rendered[0]["values"] as? [String: Any])
        #expect((values["dose"] as? NSNumber)?.doubleValue == 0.5)
        #expect(values["arm"] as? String == "a")
        for key in ["survival", "median", "rmst", "linear_predictor"] { #expect(rendered[0][key] != nil, "key \(key)") }
        let survival = try #require(rendered[0]["survival"] as? [[String: Any]])
        #expect((survival[0]["estimate"] as? NSNumber)?.doubleValue == 1)
        let table = PredictionRenderer(format: .table).render(result, input: Self.input, provenance: Self.provenance)
        #expect(table.contains("Median relief time") && table.contains("Restricted mean relief time to tau = 14"))
        let csv = PredictionRenderer(format: .csv).render(result, input: Self.input, provenance: Self.provenance)
        #expect(csv.split(separator: "\n").contains { $0.hasPrefix("median,\"dose=0.5, arm=a\",0.5,a,median,") })
        let markdown = PredictionRenderer(format: .markdown).render(result, input: Self.input, provenance: Self.provenance)
        #expect(markdown.contains("| dose | arm |"))
    }
}
