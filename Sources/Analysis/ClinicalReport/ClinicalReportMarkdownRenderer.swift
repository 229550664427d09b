import Reporting

/// Renders a ``ClinicalReport`` as Markdown with its plots as separate SVG files (named
/// `<prefix>-<figure>.svg`, to be written beside the Markdown file). The content is the HTML report's,
/// through ``ClinicalReportLayout``, written by Reporting's `MarkdownWriter` in its standalone style
/// (Markdown punctuation in prose escaped, so labels such as `dose_group` are not read as emphasis).
public struct ClinicalReportMarkdownRenderer: Sendable {
    /// A figure file to write beside the Markdown (`fileName`, `svg`).
    public typealias Figure = MarkdownWriter.Figure
    /// The Markdown text (`markdown`) and its figure files (`figures`).
    public typealias Output = MarkdownWriter.Output

    /// The file-name prefix of the figures (usually the Markdown file's name without extension), reduced
    /// to letters, digits, `-`, `_` and `.`.
    public var figurePrefix: String

    /// Creates a renderer.
    /// - Parameter figurePrefix: The prefix of the figure file names.
    public init(figurePrefix: String) {
        self.figurePrefix = MarkdownWriter.safeFileStem(figurePrefix)
    }

    /// The Markdown and its figures.
    /// - Parameter report: The computed report.
    /// - Returns: The output.
    /// - Complexity: O(size of the report).
    public func render(_ report: ClinicalReport) -> Output {
        MarkdownWriter(style: .standalone, figurePrefix: figurePrefix).write(ClinicalReportLayout(report).document)
    }
}
