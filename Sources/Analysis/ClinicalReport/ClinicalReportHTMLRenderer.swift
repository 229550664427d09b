import Reporting

/// Renders a ``ClinicalReport`` as one self-contained HTML page: inline CSS, inline SVG plots, no
/// scripts and nothing fetched (a Content-Security-Policy forbids it), every label from the input
/// escaped. It lays out the report through ``ClinicalReportLayout`` and writes the document with
/// Reporting's `HTMLWriter`, the page every document gets; it computes nothing.
///
/// The same page serves screen and print: the stylesheet's print rules start the major sections on a
/// new A4 page and keep tables and figures whole.
public struct ClinicalReportHTMLRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The HTML page of a report.
    /// - Parameter report: The computed report.
    /// - Returns: The complete HTML text.
    /// - Complexity: O(size of the report).
    public func render(_ report: ClinicalReport) -> String {
        HTMLWriter().write(ClinicalReportLayout(report).document)
    }
}
