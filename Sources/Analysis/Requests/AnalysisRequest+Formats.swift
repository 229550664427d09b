import Reporting

extension AnalysisRequest {
    /// The data formats (table, markdown, csv, json) by default; jobs drawn as a figure add svg and html.
    public static var outputFormats: [OutputFormat] { OutputFormat.dataFormats }

    /// The `--format` help line of the job: "Output format: table, markdown, csv or json."
    public static var formatHelp: String { "Output format: " + OutputFormat.list(outputFormats) + "." }

    /// Refuses a format not among ``outputFormats``.
    /// - Parameter format: The requested format.
    /// - Throws: ``AnalysisError`` (usage) naming the accepted formats.
    public func check(format: OutputFormat) throws {
        try Self.refuse(format, unless: Self.outputFormats)
    }

    /// Throws the usage error for `format` when `accepted` does not hold it.
    /// - Parameters:
    ///   - format: The requested format.
    ///   - accepted: What this request renders.
    /// - Throws: ``AnalysisError`` (usage): "--format svg: this command writes table, markdown, csv or json".
    static func refuse(_ format: OutputFormat, unless accepted: [OutputFormat]) throws {
        guard !accepted.contains(format) else { return }
        throw AnalysisError(
            .usage, "--format \(format.rawValue): this command writes \(OutputFormat.list(accepted)); choose one of those")
    }
}

extension OutputFormat {
    /// The formats of every data command: table, markdown, csv and json.
    public static let dataFormats: [OutputFormat] = [.table, .markdown, .csv, .json]
    /// The data formats and the figure formats: table, markdown, csv, json, svg and html.
    public static let figureFormats: [OutputFormat] = dataFormats + [.svg, .html]
}
