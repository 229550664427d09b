import Analysis
import ArgumentParser
import DataIO
import DoseResponse
import Foundation
import Survival

/// `relief dose-response FILE --dose dose_mg_kg --models emax,...`: the two-stage dose-response analysis
/// of R's DoseFinding: stage 1 summarises relief per dose level (KM median, RMST, or Cox log hazard ratio,
/// with covariance), stage 2 fits the dose models to those points by generalised least squares.
struct DoseResponseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dose-response",
        abstract: "Two-stage dose-response of relief (DoseFinding's emax, sigEmax, linear, linlog, quadratic, exponential).",
        discussion: """
            Stage 1: per dose level (the distinct values of --dose, after rounding to multiples of \
            --dose-step when given) the Kaplan-Meier median relief days (--summary median, default), the \
            restricted mean to --tau (--summary rmst), or the Cox log hazard ratio against the lowest dose \
            (--summary cox), with its variance. Stage 2: each model of --models fitted to those points by \
            generalised least squares with the stage-1 covariance (--type general, as DoseFinding \
            fitMod(type = "general")), or by ordinary least squares (--type normal). With --response COL \
            the models are fitted to a raw continuous response, one row per observation (type normal).

            Reported: parameters with SEs (DoseFinding's names), RSS, log-likelihood, AIC and AIC \
            weights, ED50 and ED90 with delta-method intervals, the target dose for --target-gain, and the \
            fitted curves (in --format json).

            \(ReliefFailure.exitCodeHelp)
            """)

    @Argument(help: ArgumentHelp("The CSV file of episodes.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The dose column.", valueName: "column"))
    var dose = "dose_mg_kg"

    @Option(help: ArgumentHelp("Dose models, comma-separated: emax, sigemax, linear, linlog, quadratic, exponential.", valueName: "m,m,..."))
    var models = "emax,sigemax,linear,linlog,quadratic,exponential"

    @Option(help: ArgumentHelp("Stage-1 summary: median (KM median days), rmst (restricted mean to --tau) or cox (log HR vs lowest dose).", valueName: "name"))
    var summary: StageOneSummaryOption = .median

    @Option(help: "Horizon of the restricted mean (--summary rmst).")
    var tau: Double?

    @Option(help: ArgumentHelp("general (GLS with the stage-1 covariance; default) or normal (OLS).", valueName: "type"))
    var type: DoseResponseFit.FitType?

    @Option(help: ArgumentHelp("Fit a raw continuous response column instead of stage-1 summaries (type normal).", valueName: "column"))
    var response: String?

    @Option(help: ArgumentHelp("Round doses to multiples of this step before stage 1 (continuous doses become levels).", valueName: "step"))
    var doseStep: Double?

    @Option(help: ArgumentHelp("Wanted gain in the response over dose 0 for the target dose, e.g. 5 (days).", valueName: "gain"))
    var targetGain: Double?

    @Option(help: "Confidence level of the intervals, between 0 and 1.")
    var confLevel = 0.95

    @OptionGroup(title: "Columns") var columns: ColumnOptions
    @OptionGroup(title: "Reading the CSV") var csv: CSVOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func validate() throws {
        if file.isEmpty { throw ValidationError("give the CSV file to read") }
        _ = try parsedModels()
        _ = try fitType()
        _ = try stageOneSummary()
        if let doseStep, !(doseStep.isFinite && doseStep > 0) {
            throw ValidationError("--dose-step must be a positive number, e.g. 0.25, got \(doseStep)")
        }
        if let targetGain, !(targetGain.isFinite && targetGain > 0) {
            throw ValidationError("--target-gain must be a positive number (a gain in the response), got \(targetGain)")
        }
        guard confLevel.isFinite, confLevel > 0, confLevel < 1 else {
            throw ValidationError("--conf-level must lie strictly between 0 and 1, got \(confLevel)")
        }
    }

    /// `--models` parsed.
    func parsedModels() throws -> [DoseModel] {
        var list: [DoseModel] = []
        for part in models.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces)
            guard let model = DoseModel(name: name) else {
                throw ValidationError("--models: '\(name)' is not a dose model; use emax, sigemax, linear, linlog, quadratic or exponential")
            }
            if !list.contains(model) { list.append(model) }
        }
        guard !list.isEmpty else { throw ValidationError("--models needs at least one model, e.g. --models emax,linear") }
        return list
    }

    /// `--type`, defaulting to general for stage-1 summaries and normal for a raw response.
    func fitType() throws -> DoseResponseFit.FitType {
        guard let parsed = type else { return response == nil ? .general : .normal }
        if response != nil, parsed == .general {
            throw ValidationError("--type general needs stage-1 summaries with a covariance; a raw --response is fitted with --type normal")
        }
        return parsed
    }

    /// `--summary` (and `--tau`) parsed.
    func stageOneSummary() throws -> DoseLevelSummarizer.Summary {
        switch summary {
        case .median:
            if tau != nil { throw ValidationError("--tau applies to --summary rmst") }
            return .median
        case .rmst:
            guard let tau else { throw ValidationError("--summary rmst needs --tau, e.g. --tau 28") }
            guard tau.isFinite, tau > 0 else { throw ValidationError("--tau must be a positive number of days, got \(tau)") }
            return .restrictedMean(tau: tau)
        case .cox:
            if tau != nil { throw ValidationError("--tau applies to --summary rmst") }
            return .coxLogHazardRatio
        }
    }

    /// The response label of a stage-1 summary.
    func run() throws {
        try ReliefFailure.run {
            let type = try fitType()
            let summary = try stageOneSummary()
            let request = try DoseResponseRequest(
                source: try DataSource(file: file, columns: columns, csv: csv), doseColumn: dose, models: try parsedModels(),
                summary: summary, type: type, responseColumn: response, doseStep: doseStep, targetGain: targetGain,
                confidenceLevel: confLevel)
            var numberOptions: [(String, String)] = [("dose", dose), ("models", models), ("type", type.rawValue)]
            if let response { numberOptions.append(("response", response)) } else { numberOptions.append(("summary", Self.provenanceText(summary))) }
            if let doseStep { numberOptions.append(("dose-step", String(describing: doseStep))) }
            if let targetGain { numberOptions.append(("target-gain", String(describing: targetGain))) }
            numberOptions.append(("conf-level", String(describing: confLevel)))
            try CommandRun(output: output, columns: columns, csv: csv, numberOptions: numberOptions)(request)
        }
    }

    /// The stage-1 summary as recorded in the provenance.
    static func provenanceText(_ summary: DoseLevelSummarizer.Summary) -> String {
        switch summary {
        case .median: return "median"
        case .restrictedMean(let tau): return "rmst(tau=\(tau))"
        case .coxLogHazardRatio: return "cox"
        }
    }
}
