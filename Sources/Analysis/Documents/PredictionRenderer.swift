import Foundation
import Regression
import Reporting

/// Renders a ``PredictionResult`` (what `relief predict` computes) as a terminal table, Markdown, CSV or
/// JSON: per covariate profile, the median relief time, the predicted probability that relief is still
/// ongoing at each requested time, and the restricted mean relief time to `tau`, each with its standard
/// error and confidence interval. It never computes a statistic.
public struct PredictionRenderer: ResultRenderer {
    /// The format and limits.
    public var options: RenderOptions

    /// Creates a renderer; see ``ResultRenderer/init(format:labelWidth:maxListedExclusions:)``.
    /// - Parameter options: The format and limits.
    public init(options: RenderOptions) {
        self.options = options
    }

    /// The warnings the result carries.
    public func warnings(of result: PredictionResult) -> [String] { result.regression.warnings }

    /// The report document (used by the table, Markdown and HTML formats).
    /// - Parameters:
    ///   - result: The predictions.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    ///   - warnings: The warnings.
    /// - Returns: The document.
    /// - Complexity: O(profiles x times + exclusions).
    public func document(
        _ result: PredictionResult, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> ReportDocument {
        let regression = result.regression
        let ci = Provenance.percent(regression.confidenceLevel) + (result.isCox ? " CI, Cox curve" : " CI, delta method")
        var model = regression.estimates.modelLines(regression)
        if let tau = result.tau {
            model.append(("tau", Self.show(tau) + " (" + result.tauExplanation + ")"))
        }
        let words = input.wording
        if let patient = result.patient { model.append(("patient", Self.describe(patient, words: words))) }
        var document = ReportDocument(
            title: "Predicted \(words.outcome) (\(regression.fittedModel) model)",
            header: provenance.modelHeaderLines(input: input, model: model))
        if let section = ReportDocument.Section.warnings(warnings) { document.sections.append(section) }
        let profileColumns = result.columns.map { ReportColumn($0, style: .label) }
        func cells(_ profile: PredictionResult.Profile) -> [ReportCell] {
            profile.values.map { .text($0.value) }
        }
        let number = ReportColumn.Style.general(significant: 5)
        // A column marks the predictions past the data, when there are any.
        let marks = result.extrapolation != nil
        let markColumn = marks ? [ReportColumn("extrapolated", style: .label)] : []
        func mark(_ time: Double?) -> [ReportCell] { marks ? [.text(result.isExtrapolated(time) ? "yes" : "")] : [] }
        let markNote = result.lastObservedTime.map { last in
            marks ? ["extrapolated = yes: past the last observed time (\(Self.show(last))), where the model extrapolates."] : []
        } ?? []
        var section = ReportDocument.Section(heading: "Predictions per profile")
        section.append(
            ReportTable(
                title: "Median \(words.outcome) time, \(words.units) (\(ci))",
                columns: profileColumns + [
                    ReportColumn("median", style: number), ReportColumn("std_error", style: number),
                    ReportColumn("lower", style: number), ReportColumn("upper", style: number),
                ] + markColumn,
                rows: result.profiles.map { profile in
                    let median = profile.prediction.median
                    return cells(profile) + [
                        .number(median?.estimate ?? nil), .number(median?.standardError ?? nil),
                        .number(median?.lower ?? nil), .number(median?.upper ?? nil),
                    ] + mark(median?.estimate ?? nil)
                },
                notes: markNote + [
                    result.isCox
                        ? "The time by which \(words.outcome) has ended for half of such episodes (first time the curve is at or below 0.5, as R's print.survfit); the interval is where the confidence limits of the curve cross 0.5, and there is no standard error."
                        : "The time by which \(words.outcome) has ended for half of such episodes; interval exp(log t ± z se)."
                ]))
        if !result.times.isEmpty {
            section.append(
                ReportTable(
                    title: "Probability \(words.outcome) is still ongoing at \(result.times.map(Self.show).joined(separator: ", ")) \(words.units) (\(ci))",
                    columns: profileColumns + [
                        ReportColumn("time", style: .general(significant: 6)),
                        ReportColumn("survival", style: .fixed(decimals: 4)),
                        ReportColumn("std_error", style: .fixed(decimals: 4)),
                        ReportColumn("lower", style: .fixed(decimals: 4)), ReportColumn("upper", style: .fixed(decimals: 4)),
                    ] + markColumn,
                    rows: result.profiles.flatMap { profile in
                        profile.prediction.survival.map { row in
                            cells(profile) + [
                                .number(row.time), .number(row.estimate), .number(row.standardError), .number(row.lower),
                                .number(row.upper),
                            ] + mark(row.time)
                        }
                    },
                    notes: markNote + [
                        result.isCox
                            ? "Cox curve S = exp(-cumulative hazard) from the baseline of the profile's stratum (R's survfit.coxph); std_error is that of S, the interval exp(log S ± z se(cumulative hazard)) includes the uncertainty of the coefficients."
                            : "Interval on the scale of the standardised log time, so it stays within [0, 1]."
                    ]))
        }
        if let tau = result.tau {
            section.append(
                ReportTable(
                    title: "Restricted mean \(words.outcome) time to tau = \(words.time(Self.show(tau))) (\(ci))",
                    columns: profileColumns + [
                        ReportColumn("tau", style: .general(significant: 6)), ReportColumn("rmst", style: .fixed(decimals: 3)),
                        ReportColumn("std_error", style: .fixed(decimals: 3)),
                        ReportColumn("lower", style: .fixed(decimals: 3)), ReportColumn("upper", style: .fixed(decimals: 3)),
                    ] + markColumn,
                    rows: result.profiles.map { profile in
                        let rmst = profile.prediction.restrictedMean
                        return cells(profile) + [
                            .number(rmst?.time), .number(rmst?.estimate), .number(rmst?.standardError),
                            .number(rmst?.lower), .number(rmst?.upper),
                        ] + mark(rmst?.time)
                    },
                    notes: markNote + [
                        result.isCox
                            ? "The expected \(words.units) of \(words.outcome) within the first tau \(words.units); std_error as R's print.survfit with rmean = tau for a Cox curve (it leaves out the uncertainty of the coefficients), no interval."
                            : "The expected \(words.units) of \(words.outcome) within the first tau \(words.units)."
                    ]))
        }
        document.sections.append(section)
        close(&document, input: input, warnings: warnings)
        return document
    }

    /// Whose curves these are, in words.
    static func describe(_ patient: PatientPrediction, words: OutcomeWording = OutcomeWording()) -> String {
        guard let effect = patient.effect else {
            let who = patient.requested.map { "\($0) has no episodes in the data: " } ?? "none asked for (--patient ID for one patient's own curve): "
            return who + "the population curve of a new patient, averaged over the fitted distribution of patients' effects"
        }
        let number = ReportColumn.Style.general(significant: 3)
        func text(_ value: Double) -> String { ReportText.display(value, style: number, missing: "NA") }
        let what: String
        switch effect.scale {
        case .logHazard:
            what = "own log frailty \(text(effect.estimate)) (SE \(text(effect.variance.squareRoot())); hazard x\(text(exp(effect.estimate))) "
        case .logTime:
            what = "own intercept \(text(effect.estimate)) on log time (SE \(text(effect.variance.squareRoot())); \(words.outcome) x"
                + "\(text(exp(effect.estimate))) as long as "
        }
        return "\(effect.patient): " + what + "that of a typical patient with the same covariates), from \(effect.episodes) "
            + "\(effect.episodes == 1 ? "episode" : "episodes") (\(effect.events) ended); the curves are this patient's, "
            + (effect.isAveragedInCurve
                ? "averaged over the posterior of the patient's own frailty (posterior-predictive)"
                : "their intervals include the uncertainty of the patient's own effect")
    }

    static func show(_ value: Double) -> String {
        ReportText.display(value, style: .general(significant: 6), missing: "NA")
    }
}
