import NumericCore
import Regression
import Reporting

extension RandomInterceptEstimates {
    public func addRows(_ result: RegressionResult, to table: inout RegressionCSVRows) {
        PatientVariationDocument.addRows(
            model, section: "random_intercept", measure: "tau", interval: model.tauInterval, spread: spread,
            counts: [("quadrature_nodes", model.quadratureNodes)], test: "random_intercept_lr", result, to: &table)
        let column = "frailty(\(model.frailtyColumn))", wald = model.tauWaldInterval
        table.add("random_intercept", term: model.tauProfileInterval == nil ? "not computed" : "profile_likelihood",
                  measure: "tau_interval_method")
        if isREML { table.add("random_intercept", term: "REML", measure: "estimation") }
        table.add("random_intercept", term: column, measure: "tau_wald", estimate: wald.estimate, lower: wald.lower, upper: wald.upper)
        for i in model.patients.indices {
            table.add("patient", term: model.patients[i], measure: "posterior_mode", estimate: model.modes[i],
                      standardError: model.modeStandardErrors[i])
        }
    }

    public func jsonMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        let patients = model.patients.indices.map { i -> JSONValue in
            .object([
                ("patient", .string(model.patients[i])), ("posterior_mode", .optional(model.modes[i])),
                ("std_error", .optional(model.modeStandardErrors[i])), ("episodes", .integer(model.patientEpisodes[i])),
            ])
        }
        return PatientVariationDocument.jsonMembers(model, distribution: model.distribution.name, test: "random_intercept_lr", result) + [
            ("random_intercept", .object([
                ("column", .string(model.frailtyColumn)), ("distribution", .string("gaussian")),
            ] + (isREML ? [("estimation", .string("REML"))] : []) + [
                ("tau", tauJSON),
            ] + spread.jsonMembers + [
                ("patients", .integer(model.patients.count)), ("quadrature_nodes", .integer(model.quadratureNodes)),
                ("estimates", .string("posterior_mode")),
                ("by_patient", .array(patients)),
            ])),
        ]
    }

    /// τ with its profile-likelihood interval, the method, whether the interval starts at 0, and the Wald
    /// interval on log τ.
    var tauJSON: JSONValue {
        let tau = model.tauInterval, wald = model.tauWaldInterval
        return .object([
            ("estimate", .optional(tau.estimate)), ("lower", .optional(tau.lower)), ("upper", .optional(tau.upper)),
            ("method", .string(model.tauProfileInterval == nil ? "not computed" : isREML ? "profile restricted likelihood (REML)" : "profile likelihood")),
            ("lower_at_zero", model.tauProfileInterval.map { .bool($0.lowerBound == 0) } ?? .null),
            ("wald", .object([("lower", .optional(wald.lower)), ("upper", .optional(wald.upper))])),
        ])
    }
}
