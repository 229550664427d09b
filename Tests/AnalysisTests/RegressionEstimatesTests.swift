@testable import Analysis
@testable import DataIO
import Foundation
import NumericCore
import Regression
import Reporting
import Testing

/// The presentations of a fit: each claims only its own kind, and the generic one (any model by its
/// parameters) agrees with the AFT's own coefficient table, computed independently.
@Suite struct RegressionEstimatesTests {
    static let time = RegressionRendererTests.time
    static let event = RegressionRendererTests.event

    static func context() throws -> RegressionEstimatesContext {
        let n = time.count
        let dataset = SurvivalDataset(
            source: SourceInfo(file: "memory", sha256: "", byteCount: 0, rowsRead: n, delimiter: ","),
            time: time, event: event,
            covariates: [
                CovariateColumn(name: "dose", columnNumber: 3, values: .numeric(RegressionRendererTests.dose)),
                CovariateColumn(name: "arm", columnNumber: 4, values: .numeric(RegressionRendererTests.arm)),
            ])
        let design = try DesignMatrixBuilder(intercept: false).build(try Formula("dose + arm"), data: dataset)
        return RegressionEstimatesContext(design: design, dataset: dataset, testsProportionalHazards: true)
    }

    @Test("each presentation claims its own kind of fit; the generic one claims any")
    func claims() throws {
        let context = try Self.context()
        let cox = try CoxPH().fit(x: context.design.x, time: Self.time, event: Self.event)
        let aft = try ParametricAFT().fit(
            x: try RegressionRendererTests.design(intercept: true), time: Self.time, event: Self.event)
        #expect(CoxEstimates(fit: cox, context: context)?.proportionalHazards != nil)
        #expect(CoxEstimates(fit: aft, context: context) == nil)
        #expect(AFTEstimates(fit: aft, context: context)?.fittedModel == "weibull")
        #expect(AFTEstimates(fit: cox, context: context) == nil)
        #expect(EmaxEstimates(fit: aft, context: context) == nil)
        #expect(ParameterEstimates(fit: cox, context: context)?.fittedModel == "cox")
        let first = RegressionResult.estimateTypes.lazy.compactMap { $0.init(fit: aft, context: context) }.first
        #expect(first is AFTEstimates)
        #expect(RegressionResult.estimateTypes.last == ParameterEstimates.self)
    }

    @Test("a Weibull fit presented by its parameters agrees with its own coefficient and scale tables")
    func genericAgreesWithAFT() throws {
        let aft = try ParametricAFT().fit(
            x: try RegressionRendererTests.design(intercept: true), time: Self.time, event: Self.event)
        let table = aft.waldTable
        #expect(table.map(\.name) == aft.parameterNames)
        #expect(table.count == aft.coefficientTable.count + 1)
        for (generic, own) in zip(table, aft.coefficientTable) {
            #expect(generic.estimate == own.estimate)
            #expect(abs(generic.standardError - own.standardError) <= 1e-12 * own.standardError)
            #expect(abs(generic.z - own.z) <= 1e-10 * abs(own.z))
            #expect(abs(generic.pValue - own.pValue) <= 1e-10 * max(own.pValue, 1e-300))
            #expect(abs(exp(generic.lower) - own.lower) <= 1e-10 * own.lower)
            #expect(abs(exp(generic.upper) - own.upper) <= 1e-10 * own.upper)
        }
        let scale = try #require(aft.scaleEstimate)
        let last = try #require(table.last)
        #expect(last.estimate == scale.logScale)
        #expect(abs(last.z - scale.z) <= 1e-10 * abs(last.z))
        #expect(abs(exp(last.upper) - scale.scaleUpper) <= 1e-10 * scale.scaleUpper)
    }

    @Test("the generic presentation renders every format with the parameters and no NaN in JSON")
    func genericRenders() throws {
        let aft = try ParametricAFT().fit(
            x: try RegressionRendererTests.design(intercept: true), time: Self.time, event: Self.event)
        let result = RegressionResult(
            model: "weibull", formula: "dose + arm", termNames: ["(Intercept)", "dose", "armb"], referenceLevels: [],
            strataColumns: [], clusterColumn: nil, estimates: ParameterEstimates(aft), aic: aft.aic, bic: aft.bic,
            warnings: [])
        let input = RegressionRendererTests.input
        let provenance = RegressionRendererTests.provenance
        let json = RegressionRenderer(format: .json).render(result, input: input, provenance: provenance, warnings: [])
        let object = try RegressionRendererTests.object(json)
        let parameters = try #require(object["parameters"] as? [[String: Any]])
        #expect(parameters.compactMap { $0["name"] as? String } == aft.parameterNames)
        let text = RegressionRenderer(format: .table).render(result, input: input, provenance: provenance, warnings: [])
        #expect(text.contains("Parameters") && text.contains("Log(scale)"))
        let csv = RegressionRenderer(format: .csv).render(result, input: input, provenance: provenance, warnings: [])
        #expect(csv.split(separator: "\n").filter { $0.hasPrefix("parameter,") }.count == aft.parameterNames.count)
    }
}
