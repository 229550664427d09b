import Reporting

/// A renderer of one kind of result. It fills a ``Reporting/ReportDocument`` (the table, Markdown and
/// HTML formats, written by Reporting's `TextWriter`, `MarkdownWriter` and `HTMLWriter`), a CSV table,
/// a JSON value and, for results drawn as a figure, an SVG document (``figure(_:input:)``, also the first
/// section of the HTML page); ``render(_:input:provenance:warnings:)`` picks among them by ``format``.
///
/// Renderers never compute statistics: every number comes from the result value.
public protocol ResultRenderer: Sendable {
    /// The kind of result rendered.
    associatedtype Result

    /// The format and limits.
    var options: RenderOptions { get set }
    /// The widest label in the terminal table unless the caller gives one.
    static var defaultLabelWidth: Int { get }

    /// Creates a renderer.
    /// - Parameter options: The format and limits.
    init(options: RenderOptions)

    /// The warnings the result itself carries (shown when the caller gives none).
    func warnings(of result: Result) -> [String]
    /// The report document, used by the table, Markdown and HTML formats.
    func document(_ result: Result, input: ReportInput, provenance: Provenance, warnings: [String]) -> ReportDocument
    /// The whole result as one long CSV table.
    func csvTable(_ result: Result, input: ReportInput, provenance: Provenance) -> ReportTable
    /// The result's own members of its JSON output, in order (no NaN or infinity: `null`);
    /// ``json(_:input:provenance:warnings:)`` puts them between the shared leading members and `warnings`.
    func jsonMembers(_ result: Result) -> [(key: String, value: JSONValue)]
    /// The result's figure (the `svg` format, and the first section of the HTML page), or nil for a result
    /// drawn by no figure (the default). Like every renderer, it reads numbers from the result only; the
    /// input gives the words of its axes (``Reporting/ReportInput/wording``).
    func figure(_ result: Result, input: ReportInput) -> ReportFigure?
}

extension ResultRenderer {
    /// ``ReportText/defaultLabelWidth`` (32).
    public static var defaultLabelWidth: Int { ReportText.defaultLabelWidth }

    /// No figure by default.
    public func figure(_ result: Result, input: ReportInput) -> ReportFigure? { nil }

    /// Creates a renderer.
    /// - Parameters:
    ///   - format: The output format.
    ///   - labelWidth: The widest label in the terminal table (``defaultLabelWidth`` when `nil`).
    ///   - maxListedExclusions: Exclusions listed in table and Markdown output (50 by default).
    public init(format: OutputFormat, labelWidth: Int? = nil, maxListedExclusions: Int = 50) {
        var options = RenderOptions(format: format)
        options.labelWidth = labelWidth ?? Self.defaultLabelWidth
        options.maxListedExclusions = maxListedExclusions
        self.init(options: options)
    }

    /// The output format.
    public var format: OutputFormat {
        get { options.format }
        set { options.format = newValue }
    }

    /// The widest label in the terminal table.
    public var labelWidth: Int {
        get { options.labelWidth }
        set { options.labelWidth = newValue }
    }

    /// At most this many exclusions are listed in table and Markdown output (CSV and JSON list all).
    public var maxListedExclusions: Int {
        get { options.maxListedExclusions }
        set { options.maxListedExclusions = newValue }
    }

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
            return TextWriter(labelWidth: labelWidth).write(
                document(result, input: input, provenance: provenance, warnings: warnings))
        case .markdown:
            return MarkdownWriter().write(document(result, input: input, provenance: provenance, warnings: warnings)).markdown
        case .html:
            var page = document(result, input: input, provenance: provenance, warnings: warnings)
            if let figure = figure(result, input: input) {
                let warningsFirst = page.sections.first?.heading.hasPrefix("WARNINGS") == true ? 1 : 0
                page.sections.insert(ReportDocument.Section(heading: "Figure", blocks: [figure.block]), at: warningsFirst)
            }
            return HTMLWriter().write(page)
        case .svg:
            return figure(result, input: input)?.svg ?? SVGDocument.noData(title: "", note: "This result has no figure.")
        case .csv:
            return CSVTableWriter().write(csvTable(result, input: input, provenance: provenance))
        case .json:
            return json(result, input: input, provenance: provenance, warnings: warnings).serialized() + "\n"
        }
    }

    /// The JSON value of the result: the members every output starts with (`version`, `command`, `date`,
    /// `input`, `options`), the result's ``jsonMembers(_:)``, then `warnings`
    /// (``Reporting/Provenance/jsonDocument(input:members:warnings:)``).
    /// - Parameters:
    ///   - result: The result.
    ///   - input: The input record.
    ///   - provenance: The provenance.
    ///   - warnings: The warnings.
    /// - Returns: The JSON object.
    /// - Complexity: O(size of the members and the exclusions).
    public func json(_ result: Result, input: ReportInput, provenance: Provenance, warnings: [String]) -> JSONValue {
        provenance.jsonDocument(input: input, members: jsonMembers(result), warnings: warnings)
    }

    /// Ends a result document as every command does: the excluded rows (at most
    /// ``maxListedExclusions``), then each warning as a closing note `warning: ...`.
    /// - Parameters:
    ///   - document: The document to end.
    ///   - input: The input record.
    ///   - warnings: The warnings.
    func close(_ document: inout ReportDocument, input: ReportInput, warnings: [String]) {
        if let exclusions = input.exclusionSection(maxListed: maxListedExclusions) {
            document.sections.append(exclusions)
        }
        document.notes = warnings.map { "warning: " + $0 }
    }
}
