import DataIO
import DoseResponse
import Foundation
import Regression
import Reporting

/// `relief schedule`: at each dose, how often to infuse to keep the patient in relief. Fits a parametric
/// model (or the one-step Emax AFT) whose formula holds the dose and interval columns, then reports the
/// relief coverage RMST(I)/I per dose × interval with a delta-method CI, and per dose the longest
/// interval reaching the target.
public struct ScheduleRequest: AnalysisRequest {
    public var source: DataSource
    /// exponential, weibull, lognormal, loglogistic, emax or sigemax.
    public var model: ModelName
    /// Formula, cluster, distribution (emax), confidence level.
    public var specification: ModelSpecification
    /// The dose grid.
    public var doses: [Double]
    /// The interval grid (days).
    public var intervals: [Double]
    /// Wanted coverage, strictly between 0 and 1.
    public var target: Double
    /// The dose column of the formula (or of the Emax curve).
    public var doseColumn: String
    /// The interval column of the formula.
    public var intervalColumn: String
    /// One value for every other formula column.
    public var settings: [ProfileSetting]
    /// Whether to solve the crossing interval between grid points.
    public var solvesContinuously: Bool
    /// With a `frailty()` term: the patient whose own relief to schedule (their estimated effect); nil
    /// schedules a new patient (the population curve).
    public var patient: String?
    let fitter: RegressionFitter

    /// Creates the request and checks the columns against the formula before any data are read.
    /// - Throws: `FormulaError`, `DesignMatrixError`, ``AnalysisError``.
    public init(
        source: DataSource, model: ModelName, specification: ModelSpecification, doses: [Double], intervals: [Double],
        target: Double = 0.8, doseColumn: String = "dose_mg_kg", intervalColumn: String = "interval_days",
        settings: [ProfileSetting] = [], solvesContinuously: Bool = true
    ) throws {
        guard model.entry.capabilities.drivesCoverageSchedule else {
            throw AnalysisError(.usage, "--model '\(model)': use " + Self.models.map(\.rawValue).joined(separator: ", "))
        }
        try Self.check(target: target)
        self.source = source
        self.model = model
        self.specification = specification
        self.doses = doses
        self.intervals = intervals
        self.target = target
        self.doseColumn = doseColumn
        self.intervalColumn = intervalColumn
        self.settings = settings
        self.solvesContinuously = solvesContinuously
        do {
            fitter = try RegressionFitter(model: model, specification: specification, doseColumn: doseColumn)
            try RegressionCoverageModel.checkColumns(
                formula: fitter.formula, doseColumn: doseColumn, intervalColumn: intervalColumn, fixed: settings,
                doseInFormula: !model.needsDose)
        } catch let error as MaintenanceScheduleError {
            throw Self.translate(error)
        }
    }

    /// The registered models that can drive a schedule (`aft` fits the family of the specification).
    public static var models: [ModelName] {
        ModelName.all.filter { $0.entry.capabilities.drivesCoverageSchedule }
    }

    public var covariates: [String] { fitter.covariates }

    /// Models registered with ``SurvivalModelRequirements/allowsEntryTimes`` (the parametric families) fit
    /// `(start, stop]` rows, left-truncated; the one-step Emax models do not, and refuse them.
    public var acceptsEntryTimes: Bool { model.entry.requirements.allowsEntryTimes }

    public func check(_ source: DataSource) throws { try fitter.checkColumns(source) }

    public func compute(_ dataset: SurvivalDataset) throws -> (result: ScheduleReport, warnings: [String]) {
        do {
            let fitted = try fitter.fitModel(dataset)
            if let patient, !fitted.fit.hasPatientEffects {
                throw AnalysisError(.usage, "--patient \(patient) needs a per-patient term in the formula, e.g. + frailty(patient_id)")
            }
            var coverageModel = try fitter.coverageModel(
                fitted, doseColumn: doseColumn, intervalColumn: intervalColumn, fixed: settings)
            coverageModel.patient = patient
            let regression = fitter.result(fitted.fit, design: fitted.design, dataset: dataset, data: fitted.data)
            let schedule = try schedule(dataset).compute(
                coverageModel, modelAssumption: regression.estimates.scheduleAssumption(formula: regression.formula, words: source.wording))
            var report = ScheduleReport(regression: regression, schedule: schedule)
            var warnings = regression.warnings + schedule.warnings
            if fitted.fit.hasPatientEffects {
                let whose = PatientPrediction(requested: patient, effect: patient.flatMap { fitted.fit.patientEffect($0, data: fitted.data) })
                report.patient = whose
                if let patient, whose.effect == nil {
                    warnings.append("patient \(patient) has no episodes in the data: the schedule of a new patient is shown")
                }
            }
            return (report, warnings)
        } catch let error as MaintenanceScheduleError {
            throw Self.translate(error)
        }
    }

    public func render(
        _ result: ScheduleReport, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]
    ) -> String {
        ScheduleRenderer(format: format).render(result, input: input, provenance: provenance, warnings: warnings)
    }

    /// The schedule grid on `dataset`, with the observed dose and interval ranges.
    func schedule(_ dataset: SurvivalDataset) -> MaintenanceSchedule {
        var schedule = MaintenanceSchedule(
            doses: doses, intervals: intervals, target: target, confidenceLevel: specification.confidenceLevel,
            solvesContinuously: solvesContinuously, observedDoses: Self.range(dataset, column: doseColumn),
            observedIntervals: Self.range(dataset, column: intervalColumn))
        (schedule.unitName, schedule.outcomeName) = (source.wording.units, source.wording.outcome)
        return schedule
    }

    /// The range of a numeric column, `nil` when it is not numeric or empty.
    static func range(_ dataset: SurvivalDataset, column: String) -> ClosedRange<Double>? {
        guard let values = dataset.covariates.first(where: { $0.name == column })?.numericValues,
            let low = values.min(), let high = values.max()
        else { return nil }
        return low...high
    }

    /// A schedule error as the error its cause is (design, model), or as a usage / bad-data error.
    static func translate(_ error: MaintenanceScheduleError) -> any Error {
        switch error {
        case .design(let inner): return inner
        case .model(let inner): return inner
        default: return AnalysisError(error.kind == .usage ? .usage : .badData, error.description)
        }
    }
}
