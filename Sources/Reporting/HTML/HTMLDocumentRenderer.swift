/// Renders a ``ReportDocument`` as an HTML fragment, so the document of any command can appear in an
/// HTML report next to plots and prose.
///
/// The fragment is an `<article class="report-document">` holding the title as a heading, the header
/// key/value lines as a `<dl class="report-header">`, one `<section>` per document section (its heading
/// one level below the title, its tables rendered by ``HTMLTableRenderer``), and the closing notes as
/// `<ul class="report-notes">`. All text is escaped with ``HTMLEscaper/text(_:)``.
public struct HTMLDocumentRenderer: Sendable {
    /// The heading level of the document title, 1 to 5; section headings are one level below.
    public var titleLevel: Int

    /// Creates a renderer.
    /// - Parameter titleLevel: The heading level of the title (`1` gives `<h1>` and `<h2>` sections);
    ///   clamped to 1...5.
    public init(titleLevel: Int = 1) {
        self.titleLevel = min(max(titleLevel, 1), 5)
    }

    /// The document as an HTML fragment, ending in a newline.
    /// - Parameter document: The document.
    /// - Returns: An `<article>` element.
    /// - Complexity: O(total cells).
    public func render(_ document: ReportDocument) -> String {
        let level = min(max(titleLevel, 1), 5)
        let tables = HTMLTableRenderer()
        var out = "<article class=\"report-document\">\n"
        out += "<h\(level)>" + HTMLEscaper.text(document.title) + "</h\(level)>\n"
        if !document.header.isEmpty {
            out += "<dl class=\"report-header\">\n"
            for (key, value) in document.header {
                out += "<dt>" + HTMLEscaper.text(key) + "</dt><dd>" + HTMLEscaper.text(value) + "</dd>\n"
            }
            out += "</dl>\n"
        }
        for section in document.sections {
            out += "<section>\n<h\(level + 1)>" + HTMLEscaper.text(section.heading) + "</h\(level + 1)>\n"
            for table in section.tables {
                out += tables.render(table)
            }
            out += "</section>\n"
        }
        if !document.notes.isEmpty {
            out += "<ul class=\"report-notes\">\n"
            for note in document.notes {
                out += "<li>" + HTMLEscaper.text(note) + "</li>\n"
            }
            out += "</ul>\n"
        }
        out += "</article>\n"
        return out
    }
}
