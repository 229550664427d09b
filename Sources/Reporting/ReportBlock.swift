/// One block of a ``ReportDocument/Section``.
///
/// Blocks hold text and values, never markup: each writer lays a block out for its format and escapes
/// every label in it.
public enum ReportBlock: Sendable, Equatable {
    /// Key/value lines (counts at a glance, provenance facts).
    case keyValues([(key: String, value: String)])
    /// A typed table.
    case table(ReportTable)
    /// A paragraph of prose.
    case paragraph(String)
    /// Short notes, one per line.
    case notes([String])
    /// A prominent warning box: a title and one item per message; nothing is written without messages.
    case warning(title: String, messages: [String])
    /// A figure: an SVG document written by Relief, its caption, and a short file-name stem `name`
    /// (Markdown writes the SVG to `<prefix>-<name>.svg` beside the text; HTML inlines it with the id
    /// `fig-<name>`; the terminal shows the caption only).
    case figure(svg: String, caption: String, name: String)
    /// A part that could not be computed, and why (a sentence for the reader).
    case unavailable(String)

    /// Blocks are equal when they have the same case and contents (key/value lines compared in order).
    public static func == (lhs: ReportBlock, rhs: ReportBlock) -> Bool {
        switch (lhs, rhs) {
        case (.keyValues(let a), .keyValues(let b)):
            return a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        case (.table(let a), .table(let b)): return a == b
        case (.paragraph(let a), .paragraph(let b)): return a == b
        case (.notes(let a), .notes(let b)): return a == b
        case (.warning(let titleA, let messagesA), .warning(let titleB, let messagesB)):
            return titleA == titleB && messagesA == messagesB
        case (.figure(let svgA, let captionA, let nameA), .figure(let svgB, let captionB, let nameB)):
            return svgA == svgB && captionA == captionB && nameA == nameB
        case (.unavailable(let a), .unavailable(let b)): return a == b
        default: return false
        }
    }
}
