import Reporting

/// How a result renderer writes its output: the format, and the limits of the reading formats.
public struct RenderOptions: Sendable, Equatable {
    /// The output format.
    public var format: OutputFormat
    /// The widest label in the terminal table.
    public var labelWidth: Int
    /// At most this many exclusions are listed in table and Markdown output (CSV and JSON list all).
    public var maxListedExclusions: Int

    /// Creates options.
    /// - Parameters:
    ///   - format: The output format.
    ///   - labelWidth: The widest label in the terminal table.
    ///   - maxListedExclusions: Exclusions listed in the reading formats.
    public init(format: OutputFormat, labelWidth: Int, maxListedExclusions: Int) {
        self.format = format
        self.labelWidth = labelWidth
        self.maxListedExclusions = maxListedExclusions
    }
}
