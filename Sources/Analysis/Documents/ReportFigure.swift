import Reporting

/// A result's figure as a renderer draws it: the SVG document, its caption and a short file-name stem.
/// `relief curves --format svg` writes ``svg`` alone; the HTML page shows ``block`` in a "Figure" section.
public struct ReportFigure: Sendable, Equatable {
    /// One self-contained `<svg>` element.
    public var svg: String
    /// The caption (what is drawn, the interval's level and kind).
    public var caption: String
    /// The file-name stem and HTML id suffix, e.g. "km".
    public var name: String

    /// The figure as a document block.
    public var block: ReportBlock { .figure(svg: svg, caption: caption, name: name) }
}
