import ArgumentParser

/// The formats of `relief report`.
enum ReportFormatOption: String, ExpressibleByArgument, CaseIterable {
    /// One self-contained HTML file (inline CSS and SVG).
    case html
    /// Markdown with the plots as SVG files beside it.
    case markdown
    /// PDF printed from the HTML by headless Chromium.
    case pdf
}
