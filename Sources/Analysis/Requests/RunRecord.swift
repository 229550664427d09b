import DataIO
import Reporting

/// What a run records about itself in every output (the provenance): the command as typed and the
/// options that change numbers, as the caller named them.
///
/// The command line passes its own text and options; a Swift caller may describe its call the same
/// way or leave the record empty.
public struct RunRecord: Sendable {
    /// The command, e.g. `relief summary data/x.csv --by dose_group`.
    public var command: String
    /// The options that change numbers, in order, e.g. `("conf-type", "log")`.
    public var options: [Provenance.Option]
    /// The run date (ISO 8601, UTC), shown by the clinical report; `nil` elsewhere.
    public var date: String?

    /// Creates a record.
    /// - Parameters:
    ///   - command: The command text.
    ///   - options: Name/value pairs of the options that change numbers.
    ///   - date: The run date, or `nil`.
    public init(command: String = "", options: [(String, String)] = [], date: String? = nil) {
        self.command = command
        self.options = options.map { Provenance.Option(name: $0.0, value: $0.1) }
        self.date = date
    }

    /// The provenance of a run of this record on `dataset`.
    /// - Parameters:
    ///   - path: The input file as given.
    ///   - dataset: The data set read.
    /// - Returns: File, SHA-256, command, version, options and date.
    public func provenance(path: String, dataset: SurvivalDataset) -> Provenance {
        var provenance = Provenance(
            file: path, sha256: dataset.source.sha256, command: command, version: ReliefVersion.string, options: options)
        provenance.date = date
        return provenance
    }
}
