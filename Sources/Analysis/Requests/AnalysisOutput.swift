import Reporting

/// The result of running an ``AnalysisRequest``, with what every output shows beside it: the input
/// record (file, SHA-256, rows, exclusions), the provenance and the warnings.
public struct AnalysisOutput<Request: AnalysisRequest>: Sendable {
    /// The request that was run.
    public let request: Request
    /// The result.
    public let result: Request.Result
    /// The input file record.
    public let input: ReportInput
    /// File, SHA-256, command, version and options.
    public let provenance: Provenance
    /// Every warning: the input's first, then the job's.
    public let warnings: [String]

    /// The output in `format`, ending in a newline.
    /// - Parameter format: Table, Markdown, CSV or JSON.
    /// - Returns: The rendered text.
    public func rendered(_ format: OutputFormat) -> String {
        let text = request.render(result, format: format, input: input, provenance: provenance, warnings: warnings)
        return text.hasSuffix("\n") ? text : text + "\n"
    }
}
