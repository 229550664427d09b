import DataIO

/// What a report says about its input: the file, its SHA-256, the row counts and every excluded row.
public struct ReportInput: Sendable, Equatable {
    /// The input file as given.
    public var file: String
    /// The SHA-256 of its bytes, hex.
    public var sha256: String
    /// The data rows read (header excluded).
    public var rowsRead: Int
    /// The rows used in the analysis.
    public var rowsUsed: Int
    /// Every row not used, with line, column and reason.
    public var exclusions: [Exclusion]
    /// The delimiter used to read the file (e.g. `comma`).
    public var delimiter: String
    /// The words for the outcome and the unit of its times (days and "relief" unless set).
    public var wording = OutcomeWording()

    /// The number of rows excluded.
    public var rowsExcluded: Int { exclusions.count }

    /// Creates an input record.
    /// - Parameters:
    ///   - file: The file.
    ///   - sha256: Its SHA-256.
    ///   - rowsRead: Rows read.
    ///   - rowsUsed: Rows used.
    ///   - exclusions: The excluded rows.
    ///   - delimiter: The delimiter used.
    public init(file: String, sha256: String, rowsRead: Int, rowsUsed: Int, exclusions: [Exclusion], delimiter: String) {
        self.file = file
        self.sha256 = sha256
        self.rowsRead = rowsRead
        self.rowsUsed = rowsUsed
        self.exclusions = exclusions
        self.delimiter = delimiter
    }

    /// The input record of a dataset read by DataIO.
    /// - Parameters:
    ///   - dataset: The dataset.
    ///   - wording: The unit of its times and the outcome's word.
    public init(_ dataset: SurvivalDataset, wording: OutcomeWording = OutcomeWording()) {
        self.init(
            file: dataset.source.file, sha256: dataset.source.sha256, rowsRead: dataset.source.rowsRead,
            rowsUsed: dataset.rowsUsed, exclusions: dataset.exclusions, delimiter: dataset.source.delimiter)
        self.wording = wording
    }
}
