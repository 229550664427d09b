import Reporting

extension ClinicalReportMethods {
    /// The methods section as paragraphs of plain text (renderers escape them), naming every
    /// convention: censoring definition, CI transform, ties method, tau rule, banding, variance.
    /// - Returns: The paragraphs in order.
    public func paragraphs() -> [String] {
        let level = Provenance.percent(confidenceLevel)
        let (outcome, units) = (wording.outcome, wording.units)
        var paragraphs: [String] = []
        paragraphs.append(
            "Each row of the input is one treatment episode. The duration is \(timeColumn) (\(units) of \(outcome) after the "
                + "infusion); \(eventColumn) is coded \(eventCoding). An episode is censored when follow-up ended while "
                + "\(outcome) was still going on (for example at the next infusion or at the end of the study), so its "
                + "\(outcome) lasted at least the recorded number of \(units). Rows with a missing or invalid value in any "
                + "column the report uses are excluded from every analysis and listed under Provenance.")
        if let startColumn {
            paragraphs.append(
                "Rows are intervals of follow-up (start, stop]: \(startColumn) is the start (entry) and \(timeColumn) the "
                    + "stop, as R's Surv(\(startColumn), \(timeColumn), \(eventColumn)). A row is at risk at time t when start < t "
                    + "<= stop (delayed entry): the Kaplan–Meier curves, log-rank tests, Cox risk sets and the dose-response "
                    + "medians use these risk sets, and the parametric models condition each row on \(outcome) lasting to its "
                    + "start (left truncation).")
        }
        var km =
            "\(wording.outcomeTitle) curves are Kaplan–Meier estimates with Greenwood variances and \(level) pointwise confidence "
            + "intervals on the \(transformText) scale (conf.type = \"\(confidenceTransform.rawValue)\" in R's survfit; "
            + "lifelines uses log-log by default, so its intervals differ)."
        if timeFix {
            km += " Times equal up to floating-point rounding were merged first (R's timefix = TRUE)."
        }
        paragraphs.append(
            km + " Quartiles and their confidence intervals follow R's quantile.survfit (a quartile is the first "
                + "time the curve falls to or below 1 - p; NR = not reached). Landmark survival is reported at "
                + landmarkTimes.map(Self.days).joined(separator: ", ") + " \(units). "
                + tauText
                + " Groups are compared with the log-rank test (R's survdiff, rho = 0) and, for three or more ordered "
                + "levels, the 1-df test for trend across the level scores.")
        if !bandings.isEmpty {
            paragraphs.append("Banded columns: " + bandings.joined(separator: "; ") + ".")
        }
        if let regressionModel {
            var text = "The adjusted analysis is a \(regressionModel)."
            if let ties { text += " Tied event times use the \(ties.capitalized) approximation (R's default)." }
            if let clusterColumn {
                text += " Standard errors and confidence intervals are robust (sandwich) with episodes clustered by "
                    + "\(clusterColumn), because patients contribute repeated episodes (R: cluster = \(clusterColumn))."
            } else {
                text += " Standard errors are model-based (no patient column to cluster on)."
            }
            text += " Each term is tested with all its columns together by a Wald chi-squared test (as SAS's Type 3 "
                + "tests; `relief fit` adds the likelihood-ratio test, R's drop1)."
            paragraphs.append(text)
        }
        if let doseResponse { paragraphs.append(doseResponse) }
        if let coverage { paragraphs.append(coverage) }
        paragraphs.append(
            "Numbers are computed by Relief; its reference is R's survival package (and DoseFinding for the dose "
                + "models), against which its test suite checks every estimate to 1e-6 or tighter.")
        return paragraphs
    }

    /// The CI scale in words.
    package var transformText: String {
        switch confidenceTransform {
        case .log: return "log"
        case .logLog: return "log(-log)"
        case .plain: return "linear (plain)"
        case .logit: return "logit"
        case .arcsin: return "arcsine-square-root"
        }
    }

    /// The tau sentence.
    package var tauText: String {
        if let tau {
            return "The restricted mean survival time (RMST, the area under the curve up to tau) uses tau = "
                + wording.time(Self.days(tau)) + ", as given."
        }
        return "The restricted mean survival time (RMST, the area under the curve up to tau) uses a common tau: the "
            + "shortest follow-up among the groups compared (the smallest of the groups' largest times), so every "
            + "group's curve is defined up to tau (R's print.survfit rmean = \"common\" differs: it uses the largest time)."
    }

    /// A time without trailing zeros.
    package static func days(_ value: Double) -> String {
        ReportText.display(value, style: .general(significant: 6), missing: "NA")
    }
}
