import DataIO
import DoseResponse
import Reporting
import Survival

/// `relief dose-response`: the two-stage dose-response analysis of R's DoseFinding. Stage 1 summarises
/// relief per dose level (KM median, RMST to tau, or Cox log hazard ratio against the lowest dose) with
/// its variance; stage 2 fits the dose models by GLS with the stage-1 covariance (`general`) or OLS
/// (`normal`). With a `responseColumn` the models are fitted to a raw continuous response.
public struct DoseResponseRequest: AnalysisRequest {
    public var source: DataSource
    /// The dose column.
    public var doseColumn: String
    /// The dose models to fit.
    public var models: [DoseModel]
    /// The stage-1 summary.
    public var summary: DoseLevelSummarizer.Summary
    /// GLS with the stage-1 covariance, or OLS.
    public var type: DoseResponseFit.FitType
    /// A raw continuous response column instead of stage-1 summaries (type normal).
    public var responseColumn: String?
    /// Round doses to multiples of this step before stage 1.
    public var doseStep: Double?
    /// Wanted gain over dose 0 for the target dose.
    public var targetGain: Double?
    /// Confidence level of the intervals.
    public var confidenceLevel: Double

    /// Creates the request.
    /// - Throws: ``AnalysisError`` (usage) when `general` is asked for a raw response, or for a dose step,
    ///   target gain or confidence level out of range.
    public init(
        source: DataSource, doseColumn: String = "dose_mg_kg", models: [DoseModel] = DoseModel.allCases,
        summary: DoseLevelSummarizer.Summary = .median, type: DoseResponseFit.FitType? = nil, responseColumn: String? = nil,
        doseStep: Double? = nil, targetGain: Double? = nil, confidenceLevel: Double = 0.95
    ) throws {
        let type = type ?? (responseColumn == nil ? .general : .normal)
        if responseColumn != nil, type == .general {
            throw AnalysisError(
                .usage, "--type general needs stage-1 summaries with a covariance; a raw --response is fitted with --type normal")
        }
        if let doseStep, !(doseStep.isFinite && doseStep > 0) {
            throw AnalysisError(.usage, "--dose-step must be a positive number, e.g. 0.25, got \(doseStep)")
        }
        if let targetGain, !(targetGain.isFinite && targetGain > 0) {
            throw AnalysisError(.usage, "--target-gain must be a positive number (a gain in the response), got \(targetGain)")
        }
        guard confidenceLevel.isFinite, confidenceLevel > 0, confidenceLevel < 1 else {
            throw AnalysisError(.usage, "--conf-level must lie strictly between 0 and 1, got \(confidenceLevel)")
        }
        self.source = source
        self.doseColumn = doseColumn
        self.models = models
        self.summary = summary
        self.type = type
        self.responseColumn = responseColumn
        self.doseStep = doseStep
        self.targetGain = targetGain
        self.confidenceLevel = confidenceLevel
    }

    public var covariates: [String] { [doseColumn] + (responseColumn.map { [$0] } ?? []) }

    /// A raw response needs no time and event columns.
    public var readsOutcome: Bool { responseColumn == nil }

    /// Stage 1 takes `(start, stop]` rows (Kaplan–Meier with delayed entry, or the Cox model on such
    /// rows, per dose level); a raw `--response` has no survival times.
    public var acceptsEntryTimes: Bool { responseColumn == nil }

    public func check(_ source: DataSource) throws {
        let header = try source.header()
        for (option, column) in [("--dose", doseColumn), ("--response", responseColumn)] {
            guard let column, !header.contains(column) else { continue }
            throw AnalysisError(
                .usage,
                "no column '\(column)' (\(option)); the columns are "
                    + header.map { "'\($0)'" }.joined(separator: ", ") + ". Name an existing column with \(option)")
        }
    }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: DoseResponseReport, warnings: [String]) {
        do {
            let report = try fit(dataset)
            return (report, DoseResponseRenderer(format: .table).warnings(of: report))
        } catch let error as DoseResponseError {
            switch error {
            case .survival(let inner): throw inner
            case .invalidArgument: throw AnalysisError(.usage, error.description)
            default: throw AnalysisError(.badData, error.description)
            }
        }
    }

    public func render(
        _ result: DoseResponseReport, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        DoseResponseRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }

    /// Stage 1 (unless a raw response is given) and stage 2.
    func fit(_ dataset: SurvivalDataset) throws -> DoseResponseReport {
        let spec = DoseResponseFit(models: models, confidenceLevel: confidenceLevel, targetGain: targetGain)
        let doses = try numbers(dataset, column: doseColumn, option: "--dose").map { value in
            doseStep.map { step in (value / step).rounded() * step } ?? value
        }
        if let responseColumn {
            let values = try numbers(dataset, column: responseColumn, option: "--response")
            let result = try spec.fit(dose: doses, response: values)
            return DoseResponseReport(
                doseColumn: doseColumn, responseLabel: responseColumn, summaryName: nil, doseStep: doseStep, points: nil,
                result: result)
        }
        var kaplanMeier = KaplanMeier()
        kaplanMeier.confidenceLevel = confidenceLevel
        let points = try DoseLevelSummarizer(summary: summary, kaplanMeier: kaplanMeier)
            .summarize(dose: doses, time: dataset.time, event: dataset.event, start: dataset.start)
        if points.doses.count < 2 {
            let distinct = Set(doses).count
            let dropped = points.dropped.isEmpty
                ? "" : " (" + points.dropped.prefix(3).joined(separator: "; ") + (points.dropped.count > 3 ? "; …" : "") + ")"
            throw DataError(
                .badData, file: source.path, column: doseColumn,
                message: "stage 1 found \(points.doses.count) usable dose level(s) among \(distinct) distinct doses\(dropped)",
                hint: distinct > 20
                    ? "the doses look continuous: group them into levels with --dose-step, e.g. --dose-step 0.25"
                    : "each level needs a reached median with both confidence limits; try --summary rmst --tau 28")
        }
        let result = type == .general
            ? try spec.fit(points: points) : try spec.fit(dose: points.doses, response: points.estimates)
        let (name, label) = Self.label(summary, words: source.wording)
        return DoseResponseReport(
            doseColumn: doseColumn, responseLabel: label, summaryName: name, doseStep: doseStep, points: points, result: result)
    }

    /// The short name and the reader's label of a stage-1 summary.
    public static func label(
        _ summary: DoseLevelSummarizer.Summary, words: OutcomeWording = OutcomeWording()
    ) -> (name: String, label: String) {
        let (outcome, units) = (words.outcome, words.units)
        switch summary {
        case .median: return ("median", "Kaplan-Meier median \(outcome) (\(units))")
        case .restrictedMean(let tau): return ("rmst", "restricted mean \(outcome) to \(tau) \(units) (\(units))")
        case .coxLogHazardRatio: return ("cox", "Cox log hazard ratio of \(outcome) ending vs the lowest dose")
        }
    }

    /// The values of a numeric column.
    func numbers(_ dataset: SurvivalDataset, column: String, option: String) throws -> [Double] {
        guard let values = dataset.covariates.first(where: { $0.name == column })?.numericValues else {
            throw AnalysisError(.badData, "column '\(column)' (\(option)) holds text; it must be numeric")
        }
        return values
    }
}
