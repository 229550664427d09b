import NumericCore
import Regression
import Reporting

/// The pieces of the documents of a fit with a per-patient effect on log time (``PatientVariationFit``:
/// the random-intercept AFT, the gamma-frailty Weibull) that do not depend on the kind of effect: the
/// time-ratio coefficient table in every format, the forest rows, the scale-and-variation table and the
/// intervals in JSON.
enum PatientVariationDocument {
    /// The forest rows (without the intercept).
    static func forestRows(_ fit: any PatientVariationFit, _ result: RegressionResult) -> [ForestRows.Row] {
        fit.coefficientTable.filter { $0.estimate.name != "(Intercept)" }.map {
            ForestRows.row($0.estimate.name, ratio: $0.timeRatio, lower: $0.lower, upper: $0.upper, result)
        }
    }

    /// The "Coefficients" section: one row per coefficient with its time ratio; `note` says for whom the
    /// ratio holds, the interval's source is added.
    static func coefficientSection(_ fit: any PatientVariationFit, note: String, _ result: RegressionResult) -> ReportDocument.Section {
        let rows = fit.coefficientTable.map { row -> [ReportCell] in
            let e = row.estimate
            return [.text(e.name), .number(e.estimate), .number(row.timeRatio), .number(e.standardError), .number(e.z),
                    .number(e.pValue), .number(row.lower), .number(row.upper)]
        }
        var notes = ["time_ratio = exp(coef): above 1, longer \(result.wording.outcome), \(note); lower, upper: "
            + "\(Provenance.percent(fit.confidenceLevel)) Wald interval of the ratio from the inverse observed information."]
        if let reference = RegressionRenderer.referenceNote(result) { notes.append(reference) }
        return ReportDocument.Section(
            heading: "Coefficients",
            tables: [ReportTable(title: "", columns: RegressionRenderer.coefficientColumns(ratio: "time_ratio", robust: false),
                                 rows: rows, notes: notes)])
    }

    /// The "Scale and between-patient variation" section: σ and the variance parameter (`variation`: its
    /// label and interval, `symbol` its name in the note) with their back-transformed intervals, then the
    /// spread sentence. `intervalNote`, when given, says how the variance parameter's interval is made
    /// (else it is the back-transformed Wald interval, as σ's).
    static func variationSection(
        _ fit: any PatientVariationFit, scaleLabel: String, variation: (label: String, symbol: String, interval: (estimate: Double, lower: Double, upper: Double)),
        intervalNote: String? = nil, spread: String?
    ) -> ReportDocument.Section {
        let sigma = fit.scaleInterval, v = variation.interval
        let numbers = ReportColumn.Style.general(significant: 5)
        let table = ReportTable(
            title: "",
            columns: [ReportColumn("parameter", style: .label), ReportColumn("estimate", style: numbers),
                      ReportColumn("lower", style: numbers), ReportColumn("upper", style: numbers)],
            rows: [
                [.text(scaleLabel), .number(sigma.estimate), .number(sigma.lower), .number(sigma.upper)],
                [.text(variation.label), .number(v.estimate), .number(v.lower), .number(v.upper)],
            ],
            notes: [intervalNote.map { "\(Provenance.percent(fit.confidenceLevel)) interval of sigma from log(sigma) ± z SE, "
                + "back-transformed; " + $0 } ?? "\(Provenance.percent(fit.confidenceLevel)) intervals from log(sigma) and "
                + "log(\(variation.symbol)) ± z SE, back-transformed."] + (spread.map { [$0] } ?? []))
        return ReportDocument.Section(heading: "Scale and between-patient variation", tables: [table])
    }

    /// The CSV rows every such fit has: the coefficients, σ, the variance parameter (`measure` in rows of
    /// `section`, term `frailty(column)`), the spread of typical relief at the reference profile, the
    /// likelihoods with AIC and BIC, the patients, the fit's own `counts`, the iterations, and the test of
    /// the patient effect (measure `test`).
    static func addRows(
        _ fit: any PatientVariationFit, section: String, measure: String, interval: (estimate: Double, lower: Double, upper: Double),
        spread: TypicalReliefSpread, counts: [(measure: String, count: Int)] = [], test: String, _ result: RegressionResult,
        to table: inout RegressionCSVRows
    ) {
        for row in fit.coefficientTable {
            let e = row.estimate
            table.add(
                "coefficient", term: e.name, measure: "time_ratio", estimate: e.estimate, standardError: e.standardError,
                z: e.z, p: e.pValue, ratio: row.timeRatio, lower: row.lower, upper: row.upper)
        }
        let sigma = fit.scaleInterval
        table.add("scale", measure: "sigma", estimate: sigma.estimate, lower: sigma.lower, upper: sigma.upper)
        table.add(section, term: "frailty(\(fit.frailtyColumn))", measure: measure, estimate: interval.estimate, lower: interval.lower,
                  upper: interval.upper)
        spread.addRow(section: section, to: &table)
        table.addLikelihoods(
            logLikelihood: fit.logLikelihood, nullLogLikelihood: fit.fixedEffectsLogLikelihood, aic: result.aic, bic: result.bic)
        table.add("fit", measure: "patients", count: fit.patients.count)
        for (measure, count) in counts { table.add("fit", measure: measure, count: count) }
        table.add("fit", measure: "iterations", count: fit.iterations)
        table.add("test", measure: test, estimate: fit.patientEffectStatistic, p: fit.patientEffectPValue, df: 1)
    }

    /// `{"estimate", "lower", "upper"}`.
    static func intervalJSON(_ value: (estimate: Double, lower: Double, upper: Double)) -> JSONValue {
        .object([("estimate", .optional(value.estimate)), ("lower", .optional(value.lower)), ("upper", .optional(value.upper))])
    }

    /// The JSON members every such fit has: the distribution, the shared fit members with the coefficients,
    /// the covariance, the parameter names, the scale and the test of the patient effect (named `test`).
    static func jsonMembers(_ fit: any PatientVariationFit, distribution: String, test: String,
                            _ result: RegressionResult) -> [(key: String, value: JSONValue)] {
        let coefficients = fit.coefficientTable.map { row -> JSONValue in
            let e = row.estimate
            return RegressionRenderer.coefficientJSON(
                term: e.name, estimate: e.estimate, standardError: e.standardError, robust: nil, z: e.z, p: e.pValue,
                ratio: row.timeRatio, lower: row.lower, upper: row.upper)
        }
        let shared = RegressionRenderer.fitJSON(
            result, ratio: "time_ratio", coefficients: coefficients, logLikelihood: fit.logLikelihood,
            nullLogLikelihood: fit.fixedEffectsLogLikelihood, iterations: fit.iterations, converged: fit.isConverged)
        return [("distribution", .string(distribution))] + shared + [
            ("variance", .array(fit.variance.rowMajor.map { .array($0.map { .optional($0) }) })),
            ("parameter_names", .array(fit.parameterNames.map { .string($0) })),
            ("scale", intervalJSON(fit.scaleInterval)),
            ("tests", .object([(test, RegressionRenderer.testJSON(fit.patientEffectStatistic, 1, fit.patientEffectPValue))])),
        ]
    }
}
