import DataIO
import Reporting

extension ReportRequest {
    /// The conventions record of the report's methods paragraph.
    func methods(
        plan: ReportPlan, regression: ReportAvailability<RegressionResult>, doseResponse: ReportAvailability<DoseResponseReport>,
        coverage: ReportAvailability<ScheduleReport>, dataset: SurvivalDataset, landmarkTimes: [Double]
    ) -> ClinicalReportMethods {
        let columns = source.roles
        let coding = columns.eventCodes.map { codes in
            "as mapped with --event-codes ended=" + codes.ended.sorted().joined(separator: ",") + " censored="
                + codes.censored.sorted().joined(separator: ",") + " (ended = event)"
        } ?? "1 = \(source.wording.ended) (event), 0 = censored"
        let bandings = dataset.groupings.filter(\.isBanded).map { "\($0.column): " + $0.levels.joined(separator: ", ") }
        var regressionModel: String?
        var ties: String?
        if let result = regression.value {
            (regressionModel, ties) = result.estimates.methods(formula: result.formula, words: source.wording)
        }
        var doseText: String?
        if let report = doseResponse.value {
            doseText = "Dose-response: stage 1 estimates the Kaplan–Meier median \(source.wording.outcome) per level of \(report.doseColumn)"
                + (report.doseStep.map { " (doses rounded to multiples of \($0))" } ?? "")
                + " with its variance; stage 2 fits the DoseFinding models (emax, sigEmax, linear, linlog, quadratic, "
                + "exponential) by generalised least squares with that covariance (fitMod type = \"general\"), and the "
                + "model with the smallest AIC is drawn with its pointwise \(Provenance.percent(report.result.confidenceLevel)) band."
        }
        var coverageText: String?
        if let report = coverage.value {
            let fixed = report.schedule.fixedCovariates.map { "\($0.column) = \($0.value)" }.joined(separator: ", ")
            let (outcome, units) = (source.wording.outcome, source.wording.units)
            coverageText = "\(source.wording.outcomeTitle) coverage at dose d and interval I is E[min(T, I)]/I = RMST(I)/I from the fitted \(report.model) "
                + "model (formula \(report.formula)): the expected fraction of \(units) in \(outcome) when infusions repeat every "
                + "I \(units) and each infusion restarts \(outcome); intervals use a delta-method CI on the logit scale. "
                + (fixed.isEmpty ? "" : "Other covariates are held at \(fixed) (numeric columns at their median, text columns at their most frequent level). ")
                + "The longest interval reaching \(Provenance.percent(report.schedule.target)) coverage is solved on the fitted curve."
        }
        var methods = ClinicalReportMethods(
            timeColumn: columns.time, eventColumn: columns.event, eventCoding: coding, patientColumn: plan.cluster,
            confidenceTransform: summary.km.confidenceTransform, confidenceLevel: summary.km.confidenceLevel,
            timeFix: true, landmarkTimes: landmarkTimes, tau: summary.tau,
            bandings: bandings, regressionModel: regressionModel, ties: ties,
            clusterColumn: regression.value?.clusterColumn, doseResponse: doseText, coverage: coverageText,
            startColumn: columns.start)
        methods.wording = source.wording
        return methods
    }
}
