import DataIO
import Reporting

/// A job Relief offers (summary, curves, fit, predict, schedule, dose-response): a value that says what
/// to read and what to compute, and how to show the result.
///
/// Running a request reads its ``source`` once, computes the result, and returns an
/// ``AnalysisOutput`` that renders in every format without recomputing anything:
///
/// ```swift
/// var roles = ColumnRoles()
/// roles.by = ["dose_group"]
/// let request = SummaryRequest(source: DataSource(path: "data/ketamine_trial.csv", roles: roles))
/// let output = try request.run()
/// let medians = output.result.groups.map { $0.median.estimate }
/// let markdown = output.rendered(.markdown)
/// ```
public protocol AnalysisRequest: Sendable {
    /// The result value of the job.
    associatedtype Result: Sendable

    /// Where the data come from.
    var source: DataSource { get }
    /// Columns to read besides the source's roles (the formula's variables, the cluster column, ...).
    var covariates: [String] { get }
    /// Whether the job needs the time and event columns (`false` for a continuous response).
    var readsOutcome: Bool { get }
    /// Whether ``compute(_:)`` uses the patient count or codes (``SurvivalDataset/patients``); when not,
    /// the patient-id column is not read (``ColumnRoles/readsPatients``).
    var usesPatients: Bool { get }
    /// Whether the job analyses counting-process rows `(start, stop]` (``ColumnRoles/start``); a job that
    /// does not refuses a source with an entry-time column instead of reading the stop time as a duration.
    var acceptsEntryTimes: Bool { get }

    /// Checks the request before the rows are read, e.g. its columns against the file's header
    /// (unknown columns are usage errors that name the columns there are).
    /// - Parameter source: The data source (``DataSource/header()`` reads only the header).
    func check(_ source: DataSource) throws
    /// The output formats the job renders, in the order `--help` lists them.
    static var outputFormats: [OutputFormat] { get }
    /// Refuses, before anything is read, a format this request does not render.
    /// - Parameter format: The requested format.
    /// - Throws: ``AnalysisError`` (usage) naming the formats it renders.
    func check(format: OutputFormat) throws
    /// Where the landmark times come from: ``LandmarkTimes/given`` unless the job reports survival at
    /// landmark times and none were given for times in a unit without standard ones.
    var landmarks: LandmarkTimes { get }
    /// The request with the landmark times read off the data (jobs with landmark times set theirs).
    /// - Parameter times: The landmark times.
    func withLandmarkTimes(_ times: [Double]) -> Self
    /// Computes the result and its warnings from the data set.
    /// - Parameter dataset: The data set read from ``source`` with ``covariates``.
    func compute(_ dataset: SurvivalDataset) throws -> (result: Result, warnings: [String])
    /// Renders a result; never computes a statistic.
    func render(_ result: Result, format: OutputFormat, input: ReportInput, provenance: Provenance, warnings: [String]) -> String
}

extension AnalysisRequest {
    /// No further columns by default.
    public var covariates: [String] { [] }

    /// The survival outcome by default.
    public var readsOutcome: Bool { true }

    /// The times given, by default.
    public var landmarks: LandmarkTimes { .given }

    /// No landmark times by default.
    public func withLandmarkTimes(_ times: [Double]) -> Self { self }

    /// No patient count or codes by default (the summaries, curves, comparisons and fits use neither).
    public var usesPatients: Bool { false }

    /// Plain durations by default.
    public var acceptsEntryTimes: Bool { false }

    /// Refuses an entry-time column the job cannot analyse.
    /// - Throws: ``AnalysisError`` (usage) naming the command's missing support.
    func checkEntryTimes() throws {
        guard let start = source.roles.start, !acceptsEntryTimes else { return }
        throw AnalysisError(
            .usage, "--start \(start): this analysis does not take (start, stop] rows yet; summary, curves, compare, report, "
                + "dose-response (survival summaries), fit and predict (Cox and the parametric models) and schedule (the "
                + "parametric models) do (see the README's status table)")
    }

    /// No check by default (the reader checks the roles' own columns).
    public func check(_ source: DataSource) throws {}

    /// Reads the data, computes the result and collects the warnings (the input's first).
    /// - Parameters:
    ///   - record: The command and options to record in the provenance.
    ///   - stage: Called after each stage (`read` with the input's byte count, `fit`), e.g. for timings.
    /// - Returns: The result with its input record, provenance and warnings.
    /// - Throws: `DataError`, ``AnalysisError``, the engines' typed errors.
    public func run(record: RunRecord = RunRecord(), stage: (String, Int?) -> Void = { _, _ in }) throws -> AnalysisOutput<Self> {
        try checkEntryTimes()
        try check(source)
        let dataset = try source.read(covariates: covariates, readsOutcome: readsOutcome, readsPatients: usesPatients)
        stage("read", dataset.source.byteCount)
        let request = landmarks == .followUpQuartiles
            ? withLandmarkTimes(landmarks.times(given: [], followUp: dataset.time)) : self
        let computed = try request.compute(dataset)
        stage("fit", nil)
        var record = record
        if !readsOutcome {  // the outcome columns were not read, so they did not shape the numbers
            record.options.removeAll { ["time", "event", "event-codes"].contains($0.name) }
        }
        return AnalysisOutput(
            request: request, result: computed.result, input: ReportInput(dataset, wording: source.wording),
            provenance: record.provenance(path: source.path, dataset: dataset),
            warnings: DataSource.inputWarnings(dataset) + computed.warnings)
    }
}
