import Reporting

/// A renderer of one kind of result. It fills a document (table and Markdown formats), a CSV table and
/// a JSON value; ``render(_:input:provenance:warnings:)`` picks among them by ``format``.
///
/// Renderers never compute statistics: every number comes from the result value.
public protocol ResultRenderer: Sendable {
    /// The kind of result rendered.
    associatedtype Result

    /// The output format.
    var format: OutputFormat { get }
    /// The widest label in the terminal table.
    var labelWidth: Int { get }

    /// The warnings the result itself carries (shown when the caller gives none).
    func warnings(of result: Result) -> [String]
    /// The report document, used by the table and Markdown formats.
    func document(_ result: Result, input: ReportInput, provenance: Provenance, warnings: [String]) -> ReportDocument
    /// The whole result as one long CSV table.
    func csvTable(_ result: Result, input: ReportInput, provenance: Provenance) -> ReportTable
    /// The JSON value of the result (no NaN or infinity: `null`).
    func json(_ result: Result, input: ReportInput, provenance: Provenance, warnings: [String]) -> JSONValue
}

extension ResultRenderer {
    /// The result in ``format``, ending in a newline.
    /// - Parameters:
    ///   - result: The result to render.
    ///   - input: The input file record.
    ///   - provenance: Command, version and options.
    ///   - warnings: The warnings to report (default: the result's own; the CLI prepends its input warnings).
    /// - Returns: The rendered text.
    public func render(_ result: Result, input: ReportInput, provenance: Provenance, warnings: [String]? = nil) -> String {
        let warnings = warnings ?? self.warnings(of: result)
        switch format {
        case .table:
            return TextTableRenderer(labelWidth: labelWidth).render(
                document(result, input: input, provenance: provenance, warnings: warnings))
        case .markdown:
            return MarkdownRenderer().render(document(result, input: input, provenance: provenance, warnings: warnings))
        case .csv:
            return CSVTableRenderer().render(csvTable(result, input: input, provenance: provenance))
        case .json:
            return json(result, input: input, provenance: provenance, warnings: warnings).serialized() + "\n"
        }
    }
}
