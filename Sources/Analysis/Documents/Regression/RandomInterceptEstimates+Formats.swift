import NumericCore
import Regression
import Reporting

extension RandomInterceptEstimates {
    public func addRows(_ result: RegressionResult, to table: inout RegressionCSVRows) {
        for row in model.coefficientTable {
            let e = row.estimate
            table.add(
                "coefficient", term: e.name, measure: "time_ratio", estimate: e.estimate, standardError: e.standardError,
                z: e.z, p: e.pValue, ratio: row.timeRatio, lower: row.lower, upper: row.upper)
        }
        let sigma = model.scaleInterval, tau = model.tauInterval
        table.add("scale", measure: "sigma", estimate: sigma.estimate, lower: sigma.lower, upper: sigma.upper)
        table.add("random_intercept", term: "frailty(\(model.frailtyColumn))", measure: "tau", estimate: tau.estimate,
                  lower: tau.lower, upper: tau.upper)
        if let span = typicalReliefSpan {
            table.add("random_intercept", term: referenceProfile ?? "", measure: "typical_relief_middle_50", lower: span.lower,
                      upper: span.upper)
        }
        table.addLikelihoods(
            logLikelihood: model.logLikelihood, nullLogLikelihood: model.fixedEffectsLogLikelihood, aic: result.aic, bic: result.bic)
        table.add("fit", measure: "patients", count: model.patients.count)
        table.add("fit", measure: "quadrature_nodes", count: model.quadratureNodes)
        table.add("fit", measure: "iterations", count: model.iterations)
        table.add("test", measure: "random_intercept_lr", estimate: model.patientEffectStatistic, p: model.patientEffectPValue, df: 1)
        for i in model.patients.indices {
            table.add("patient", term: model.patients[i], measure: "posterior_mode", estimate: model.modes[i],
                      standardError: model.modeStandardErrors[i])
        }
    }

    public func jsonMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        let coefficients = model.coefficientTable.map { row -> JSONValue in
            let e = row.estimate
            return RegressionRenderer.coefficientJSON(
                term: e.name, estimate: e.estimate, standardError: e.standardError, robust: nil, z: e.z, p: e.pValue,
                ratio: row.timeRatio, lower: row.lower, upper: row.upper)
        }
        func interval(_ value: (estimate: Double, lower: Double, upper: Double)) -> JSONValue {
            .object([("estimate", .optional(value.estimate)), ("lower", .optional(value.lower)), ("upper", .optional(value.upper))])
        }
        let patients = model.patients.indices.map { i -> JSONValue in
            .object([
                ("patient", .string(model.patients[i])), ("posterior_mode", .optional(model.modes[i])),
                ("std_error", .optional(model.modeStandardErrors[i])), ("episodes", .integer(model.patientEpisodes[i])),
            ])
        }
        let span = typicalReliefSpan
        let shared = RegressionRenderer.fitJSON(
            result, ratio: "time_ratio", coefficients: coefficients, logLikelihood: model.logLikelihood,
            nullLogLikelihood: model.fixedEffectsLogLikelihood, iterations: model.iterations, converged: model.isConverged)
        return [("distribution", .string(model.distribution.name))] + shared + [
            ("variance", .array(model.variance.rowMajor.map { .array($0.map { .optional($0) }) })),
            ("parameter_names", .array(model.parameterNames.map { .string($0) })),
            ("scale", interval(model.scaleInterval)),
            ("tests", .object([
                ("random_intercept_lr", RegressionRenderer.testJSON(model.patientEffectStatistic, 1, model.patientEffectPValue)),
            ])),
            ("random_intercept", .object([
                ("column", .string(model.frailtyColumn)), ("distribution", .string("gaussian")),
                ("tau", interval(model.tauInterval)),
                ("typical_relief_middle_50", span.map { .array([.optional($0.lower), .optional($0.upper)]) } ?? .null),
                ("reference_profile", referenceProfile.map { .string($0) } ?? .null),
                ("patients", .integer(model.patients.count)), ("quadrature_nodes", .integer(model.quadratureNodes)),
                ("estimates", .string("posterior_mode")),
                ("by_patient", .array(patients)),
            ])),
        ]
    }
}
