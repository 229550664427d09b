import NumericCore
import Regression
import Reporting

extension GammaFrailtyEstimates {
    public func addRows(_ result: RegressionResult, to table: inout RegressionCSVRows) {
        PatientVariationDocument.addRows(
            model, section: "frailty", measure: "theta", interval: model.frailtyVarianceInterval, spread: spread,
            test: "gamma_frailty_lr", result, to: &table)
        let means = model.posteriorMeans, shapes = model.posteriorShapes
        for i in model.patients.indices {
            table.add("patient", term: model.patients[i], measure: "posterior_mean_frailty", estimate: means[i],
                      standardError: means[i] / shapes[i].squareRoot())
        }
    }

    public func jsonMembers(_ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        let means = model.posteriorMeans, shapes = model.posteriorShapes, rates = model.posteriorRates
        let patients = model.patients.indices.map { i -> JSONValue in
            .object([
                ("patient", .string(model.patients[i])), ("posterior_mean", .optional(means[i])),
                ("posterior_sd", .optional(means[i] / shapes[i].squareRoot())), ("shape", .optional(shapes[i])),
                ("rate", .optional(rates[i])), ("episodes", .integer(model.patientEpisodes[i])),
                ("events", .integer(model.patientEvents[i])),
            ])
        }
        return PatientVariationDocument.jsonMembers(model, distribution: "weibull", test: "gamma_frailty_lr", result) + [
            ("frailty", .object([
                ("column", .string(model.frailtyColumn)), ("distribution", .string("gamma")),
                ("theta", PatientVariationDocument.intervalJSON(model.frailtyVarianceInterval)),
            ] + spread.jsonMembers + [
                ("patients", .integer(model.patients.count)),
                ("estimates", .string("posterior_mean (Gamma(shape, rate) posterior of the frailty)")),
                ("by_patient", .array(patients)),
            ])),
        ]
    }
}
