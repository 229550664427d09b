import Regression
import Reporting

/// A shared-frailty Cox fit as `relief fit cox ... + frailty(id)` shows it, in the layout of R's
/// `print.coxph.penal`: per coefficient `coef`, `se(coef)`, `se2`, the Wald chi-squared and p (with the
/// hazard ratio and its interval, as `summary`), the frailty term's row (chi-squared on its df), the
/// variance of the random effect (and the I-likelihood for gamma), the degrees of freedom per term, the
/// iterations (outer, Newton–Raphson) and the likelihood-ratio test on the effective df.
public struct FrailtyCoxEstimates: RegressionEstimates {
    /// The fitted model.
    public let frailty: FrailtyCoxPHFit
    /// The design's term labels, one per fixed term (for the df line).
    public let termLabels: [String]
    /// The reference profile (numeric columns at their median, text columns at their reference level), as
    /// `column = value` text, nil when it could not be set.
    public let referenceProfile: String?
    /// The middle 50% of patients' typical (median) relief at the reference profile
    /// (``FrailtyCoxPHFit/typicalReliefSpan(at:data:)``), nil without a profile or the model's data; a nil
    /// end is a median not reached.
    public let typicalReliefSpan: (lower: Double?, upper: Double?)?
    /// Whether the fit had entry times (`--start`): its curves, and so the typical relief, are then on the
    /// time scale of the stop column from time 0 (R's `survfit` of such a fit), not durations of episodes.
    public let hasEntryTimes: Bool

    /// Claims a ``FrailtyCoxPHFit``.
    public init?(fit: any SurvivalRegressionFit, context: RegressionEstimatesContext) {
        guard let frailty = fit as? FrailtyCoxPHFit else { return nil }
        self.frailty = frailty
        let terms = context.design.terms
        self.termLabels = frailty.termColumns.map { columns in
            let assign = context.design.assign
            guard let first = columns.first, assign.indices.contains(first), terms.indices.contains(assign[first]) else {
                return columns.map { frailty.termNames.indices.contains($0) ? frailty.termNames[$0] : "" }.joined(separator: ", ")
            }
            return terms[assign[first]].label
        }
        let profile = ReferenceProfile(design: context.design, dataset: context.dataset)
        self.referenceProfile = profile?.text
        self.hasEntryTimes = context.data?.start != nil
        if let profile, let data = context.data {
            self.typicalReliefSpan = try? frailty.typicalReliefSpan(at: profile.row, data: data)
        } else {
            self.typicalReliefSpan = nil
        }
    }

    /// What the frailty groups are called: "patients" for a patient or subject column (or one named `id`),
    /// else the column's groups, e.g. "condition groups" for `frailty(condition)`.
    var groupWords: (plural: String, singular: String) {
        let column = frailty.frailtyColumn
        let lower = column.lowercased()
        if lower.contains("patient") || lower.contains("subject") || lower == "id" { return ("patients", "patient") }
        return ("\(column) groups", "\(column) group")
    }

    /// The sentence on the spread of the frailties and of typical relief, nil without a reference profile.
    func spreadSentence(_ words: OutcomeWording) -> String? {
        guard let span = typicalReliefSpan, let referenceProfile else { return nil }
        let quartiles = frailty.frailtyQuartiles
        let groups = groupWords
        func days(_ value: Double?) -> String { value.map { words.time(TypicalReliefSpread.days($0)) } ?? "not reached" }
        return "The middle 50% of \(groups.plural)' hazard multipliers (frailties) span \(TypicalReliefSpread.days(quartiles.lower)) to "
            + "\(TypicalReliefSpread.days(quartiles.upper)), so their typical (median) \(words.outcome) at the reference profile spans "
            + "\(days(span.lower)) to \(days(span.upper)) (each the median of the curve of a \(groups.singular) at that frailty; reference "
            + "profile: \(referenceProfile), numeric columns at their median, text columns at their reference level)."
            + (hasEntryTimes ? " With --start the curves are on the time scale of the stop column, from time 0 (R's survfit "
                + "of such a fit): the medians are times on that scale, not lengths of single episodes." : "")
    }

    /// How θ's interval was found, or why there is none.
    var thetaIntervalNote: String {
        guard frailty.thetaInterval == nil else {
            return "theta's interval: the thetas whose I-likelihood is within chi-squared(1)/2 of its maximum (R's "
                + "c.loglik of coxph(... + frailty(id, theta = value)) at each limit)."
        }
        return frailty.distribution == .gamma
            ? "theta has no interval: a fit on the way to its profile-likelihood limits failed."
            : "theta has no interval: R chooses the gaussian theta by a REML fixed point (fit$history), which has no "
                + "likelihood to profile (README, issue 14)."
    }

    /// θ's interval as text, e.g. "0.12 to 0.45", or why there is none.
    var thetaIntervalText: String {
        guard let interval = frailty.thetaInterval else {
            return frailty.distribution == .gamma ? "not computed" : "not computed (gaussian: R's REML search has no likelihood to profile)"
        }
        let upper = interval.upperBound.isFinite ? TypicalReliefSpread.days(interval.upperBound) : "infinity"
        return TypicalReliefSpread.days(interval.lowerBound) + " to " + upper
    }

    public var fit: any SurvivalRegressionFit { frailty }
    public var warnings: [String] { frailty.warnings }
    public var fittedModel: String { "cox" }
    public var ratioName: String? { "hazard_ratio" }
    public var title: String { "Cox proportional hazards model with a shared frailty" }
    public var modelLine: String {
        "cox, \(frailty.ties.rawValue) ties, \(frailty.distribution.rawValue) frailty(\(frailty.frailtyColumn)), "
            + "\(frailty.groups.count) groups" + (frailty.isSparse ? "" : " (penalised factor)")
            + (frailty.isWeighted ? ", case weights" : "")
    }

    /// The frailty term's label, as R names it.
    var frailtyLabel: String { "frailty(\(frailty.frailtyColumn))" }

    public func methods(formula: String, words: OutcomeWording) -> (model: String, ties: String?) {
        (
            "Cox proportional-hazards model with a shared \(frailty.distribution.rawValue) frailty per "
                + "\(frailty.frailtyColumn) (R coxph with frailty(), penalised partial likelihood), formula " + formula
                + "; hazard ratios below 1 mean longer \(words.outcome)",
            frailty.ties.rawValue
        )
    }

    public func forestRows(_ result: RegressionResult) -> [ForestRows.Row] {
        frailty.coefficientTable.map { ForestRows.row($0.term, ratio: $0.hazardRatio, lower: $0.lower, upper: $0.upper, result) }
    }

    public func sections(_ result: RegressionResult) -> [ReportDocument.Section] {
        let words = result.wording
        let number = ReportColumn.Style.general(significant: 6)
        let columns = [
            ReportColumn("term", style: .label), ReportColumn("coef", style: number),
            ReportColumn("hazard_ratio", style: number), ReportColumn("se_coef", style: number),
            ReportColumn("se2", style: number), ReportColumn("chi_squared", style: .fixed(decimals: 2)),
            ReportColumn("df", style: .fixed(decimals: 2)), ReportColumn("p_value", style: .pValue),
            ReportColumn("lower", style: number), ReportColumn("upper", style: number),
        ]
        var rows = frailty.coefficientTable.map { row -> [ReportCell] in
            [
                .text(row.term), .number(row.estimate), .number(row.hazardRatio), .number(row.standardError),
                .number(row.sandwichStandardError), .number(row.chiSquared), .number(1), .number(row.pValue),
                .number(row.lower), .number(row.upper),
            ]
        }
        let test = frailty.frailtyTest
        rows.append([
            .text(frailtyLabel), .empty, .empty, .empty, .empty, .number(test.chiSquared), .number(test.degreesOfFreedom),
            .number(test.pValue), .empty, .empty,
        ])
        let level = Provenance.percent(frailty.confidenceLevel)
        var notes = [
            "hazard_ratio = exp(coef): above 1, \(words.outcome) ends sooner; the ratio compares \(groupWords.plural) with the same frailty.",
            "se_coef from the inverse penalised information (R's fit$var), se2 from the sandwich H⁻¹ I H⁻¹ "
                + "(R's fit$var2); chi_squared = coef²/se_coef² on 1 df; lower, upper: \(level) interval from se_coef.",
            frailty.isSparse
                ? "\(frailtyLabel): Σ frailty² / var(frailty) on the frailty term's effective degrees of freedom (R's print)."
                : "\(frailtyLabel): fewer than 6 groups, so fitted as R's penalised factor (sparse = FALSE: the whole "
                    + "information kept); frailtyᵀ V⁻¹ frailty (V: the frailties' block of fit$var) on the term's effective "
                    + "degrees of freedom (R's print).",
        ]
        if frailty.isWeighted {
            notes.append("Case weights (--weights) enter as R's coxph(..., weights =); n and events count rows"
                + (frailty.isSparse
                    ? ". With 6 groups or more R leaves the deaths' weights out of the frailty diagonal of the information "
                        + "(README): with weights other than 1 on events R's se, se2, df and gaussian theta differ from "
                        + "these, or its fit fails."
                    : ".")
                + (hasEntryTimes && frailty.ties == .efron
                    ? " On (start, stop] rows R's agfit5 adds the deaths' weight again in Efron's correction; here each "
                        + "Efron step carries the deaths' mean weight once, as R's coxfit5 on right-censored rows (README)."
                    : ""))
        }
        if !frailty.isSparse, frailty.distribution == .gaussian {
            notes.append("The null log-likelihood includes, as R's fit$loglik[1] for a penalised factor, the gaussian "
                + "penalty of zero frailties at theta = 1 (−(groups/2) log 2π).")
        }
        if let reference = RegressionRenderer.referenceNote(result) { notes.append(reference) }
        var sections = [
            ReportDocument.Section(
                heading: "Coefficients", tables: [ReportTable(title: "", columns: columns, rows: rows, notes: notes)])
        ]

        let df = frailty.termDegreesOfFreedom + [frailty.frailtyDegreesOfFreedom]
        let labels = termLabels + [frailtyLabel]
        var measures: [[ReportCell]] = [
            [.text("frailty distribution"), .text(frailty.distribution.rawValue)],
            [.text("variance of random effect (theta)"), .number(frailty.theta)],
            [.text("theta, \(level) profile-likelihood interval"), .text(thetaIntervalText)],
        ]
        if let marginal = frailty.marginalLogLikelihood { measures.append([.text("I-likelihood"), .number(marginal)]) }
        for (label, value) in zip(labels, df) { measures.append([.text("degrees of freedom: \(label)"), .number(value)]) }
        measures += [
            [.text("log-likelihood (null model)"), .number(frailty.nullLogLikelihood)],
            [.text("log-likelihood (model, no penalty)"), .number(frailty.logLikelihood)],
            [.text("penalised log-likelihood"), .number(frailty.penalizedLogLikelihood)],
            [.text("AIC (effective df)"), .number(result.aic)],
            [.text("BIC (n = events, effective df)"), .number(result.bic)],
            [.text("iterations (outer, Newton-Raphson)"), .text("\(frailty.outerIterations), \(frailty.newtonIterations)")],
            [.text("converged"), .text(frailty.isConverged ? "yes" : "NO")],
        ]
        let lr = frailty.likelihoodRatioTest
        let testColumns = [
            ReportColumn("test", style: .label), ReportColumn("statistic", style: .fixed(decimals: 2)),
            ReportColumn("df", style: .fixed(decimals: 2)), ReportColumn("p_value", style: .pValue),
        ]
        sections.append(
            ReportDocument.Section(
                heading: "Model fit and tests",
                tables: [
                    ReportTable(
                        title: "", columns: [ReportColumn("measure", style: .label), ReportColumn("value", style: .general(significant: 10))],
                        rows: measures),
                    ReportTable(
                        title: "", columns: testColumns,
                        rows: [[.text("likelihood ratio"), .number(lr.chiSquared), .number(lr.degreesOfFreedom), .number(lr.pValue)]],
                        notes: [
                            "2 (log-likelihood − null) on the total effective degrees of freedom (rounded to 2 decimals), "
                                + "as R's print.coxph.penal.",
                            "Per-\(groupWords.singular) frailties (log scale, with their variances) are in --format json and csv.",
                            thetaIntervalNote,
                        ] + (spreadSentence(words).map { [$0] } ?? [])),
                ]))
        return sections
    }
}
