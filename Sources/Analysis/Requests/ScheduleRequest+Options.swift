import DataIO
import Regression

extension ScheduleRequest {
    /// The dose and interval grids of comma-separated lists (`--doses 0.5,1.0`, `--intervals 7,14,28`):
    /// doses non-negative, intervals positive.
    /// - Parameters:
    ///   - doses: The doses as written.
    ///   - intervals: The intervals (days) as written.
    /// - Returns: The two grids.
    /// - Throws: `DataError` (usage) naming a value that is not such a number.
    public static func grid(doses: String, intervals: String) throws(DataError) -> (doses: [Double], intervals: [Double]) {
        (try NumberList.parse(doses, option: "--doses", domain: .nonNegative, example: "0.5,1.0"),
         try NumberList.parse(intervals, option: "--intervals", domain: .positive, example: "7,14,28"))
    }

    /// Checks options before anything is read: a distribution is named only for the Emax models (the
    /// other models are families themselves), and the wanted coverage (fraction of days in relief) lies
    /// strictly between 0 and 1.
    /// - Parameters:
    ///   - target: The wanted coverage.
    ///   - model: The model, when a distribution is given.
    ///   - distribution: The distribution the caller names (`--dist`), if any.
    /// - Throws: ``AnalysisError`` (usage).
    public static func check(target: Double, model: ModelName? = nil, distribution: AFTDistribution? = nil) throws {
        if distribution != nil, let model, !model.needsDose {
            throw AnalysisError(.usage, "--dist does not apply to relief schedule; name the family with --model (e.g. --model lognormal)")
        }
        guard target.isFinite, target > 0, target < 1 else {
            throw AnalysisError(.usage, "--target must lie strictly between 0 and 1 (e.g. 0.8 = 80% of days in relief), got \(target)")
        }
    }

    /// The provenance entries of the schedule's own options, after the model's: the dose column (Emax
    /// models), the doses and intervals as written, the wanted coverage, then each `--at` setting as written.
    /// - Parameters:
    ///   - doses: `--doses` as written.
    ///   - intervals: `--intervals` as written.
    ///   - settings: Each `--at` argument as written.
    /// - Returns: Name/value pairs for ``RunRecord``.
    public func provenanceOptions(doses: String, intervals: String, at settings: [String]) -> [(String, String)] {
        var options: [(String, String)] = model.needsDose ? [("dose", doseColumn)] : []
        options += [("doses", doses), ("intervals", intervals), ("target", String(describing: target))]
        for argument in settings { options.append(("at", argument)) }
        return options
    }
}

extension ScheduleRequest {
    /// The request of `relief schedule`'s option texts: the grids as comma-separated lists
    /// (``grid(doses:intervals:)``) and each held value as `column=value` (`--at baseline_pain=6`).
    /// - Throws: `DataError` (usage) for a grid value that is not such a number; `DesignMatrixError` for a
    ///   malformed `at`; what ``init(source:model:specification:doses:intervals:target:doseColumn:intervalColumn:settings:solvesContinuously:)`` throws.
    public init(
        source: DataSource, model: ModelName, specification: ModelSpecification, doses: String, intervals: String,
        target: Double = 0.8, doseColumn: String = "dose_mg_kg", intervalColumn: String = "interval_days", at: [String] = [],
        solvesContinuously: Bool = true
    ) throws {
        let grid = try Self.grid(doses: doses, intervals: intervals)
        try self.init(
            source: source, model: model, specification: specification, doses: grid.doses, intervals: grid.intervals, target: target,
            doseColumn: doseColumn, intervalColumn: intervalColumn, settings: try ProfileSetting.parse(at),
            solvesContinuously: solvesContinuously)
    }

    /// The options that change numbers, for the provenance: the model's
    /// (``ModelSpecification/provenanceOptions(model:references:)``), the dose column of a model with a dose
    /// role, the grids as the caller wrote them, the target and each held value.
    /// - Parameters:
    ///   - references: The reference levels as written (`--ref condition=CRPS`).
    ///   - doses: The doses as written.
    ///   - intervals: The intervals as written.
    ///   - at: The held values as written.
    /// - Returns: Name/value pairs in that order.
    public func provenanceOptions(references: [String], doses: String, intervals: String, at: [String]) -> [(String, String)] {
        var options = specification.provenanceOptions(model: model, references: references)
        if model.needsDose { options.append(("dose", doseColumn)) }
        options += [("doses", doses), ("intervals", intervals), ("target", String(describing: target))]
        return options + at.map { ("at", $0) } + (patient.map { [("patient", $0)] } ?? [])
    }
}
