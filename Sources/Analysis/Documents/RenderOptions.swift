import Reporting

/// How a result renderer writes its output: the format, and the limits of the reading formats.
public struct RenderOptions: Sendable, Equatable {
    /// The output format.
    public var format: OutputFormat
    /// The widest label in the terminal table, ``ReportText/defaultLabelWidth`` (32) unless set.
    public var labelWidth = ReportText.defaultLabelWidth
    /// At most this many exclusions are listed in table and Markdown output (CSV and JSON list all);
    /// 50 unless set.
    public var maxListedExclusions = 50

    /// Options for a format with the default limits.
    /// - Parameter format: The output format.
    public init(format: OutputFormat) {
        self.format = format
    }
}
