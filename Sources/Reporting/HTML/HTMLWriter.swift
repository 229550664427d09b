/// Writes a ``ReportDocument`` as one complete, self-contained HTML page: inline stylesheet and SVG, no
/// scripts, nothing fetched.
///
/// The head holds `<meta charset="utf-8">`, a Content-Security-Policy that forbids scripts and every
/// network fetch (``contentSecurityPolicy``), a viewport, the escaped `<title>` and
/// ``HTMLStyleSheet/css`` in a `<style>` element. The body's `<main class="report">` holds, in order:
/// a `<header class="report-header">` with the title as `<h1>`, the subtitle (`<p class="subtitle">`) and
/// the header lines (`<dl class="report-header">`); a table of contents (`<nav class="contents">`) when
/// the document asks for one; one `<section>` per section (heading `<h2>`, subsections one level deeper,
/// class `page-break` on the heading of a section that starts a printed page); the closing notes
/// (`<ul class="report-notes">`); and the footer (`<footer class="report-footer">`).
///
/// Every text is escaped with ``HTMLEscaper/text(_:)``; only the SVG of a figure, written by Relief's
/// plots, is inserted as it is. The output depends only on the document (no dates, no random ids).
public struct HTMLWriter: Sendable {
    /// The Content-Security-Policy of every page: no scripts, no fetches; inline styles, `data:` images
    /// and `data:` fonts only.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"

    /// Creates a writer.
    public init() {}

    /// The document as a complete HTML page, from `<!DOCTYPE html>` to `</html>` and a newline.
    /// - Parameter document: The document.
    /// - Returns: The HTML text.
    /// - Complexity: O(total size of the document and the stylesheet).
    public func write(_ document: ReportDocument) -> String {
        let anchors = document.sections.indices.map { index in
            document.sections[index].id ?? (document.listsContents ? "section-\(index + 1)" : nil)
        }
        var body = "<header class=\"report-header\">\n<h1>" + HTMLEscaper.text(document.title) + "</h1>\n"
        if let subtitle = document.subtitle { body += Self.paragraph(subtitle, cssClass: "subtitle") }
        if !document.header.isEmpty { body += Self.definitionList(document.header, cssClass: "report-header") }
        body += "</header>\n"
        if document.listsContents {
            body += "<nav class=\"contents\" aria-label=\"Contents\">\n<p class=\"contents-title\">Contents</p>\n<ol>\n"
            for (section, anchor) in zip(document.sections, anchors) {
                body += "<li><a href=\"#" + HTMLEscaper.attribute(anchor ?? "") + "\">" + HTMLEscaper.text(section.heading)
                    + "</a></li>\n"
            }
            body += "</ol>\n</nav>\n"
        }
        for (section, anchor) in zip(document.sections, anchors) {
            body += write(section, id: anchor, level: 2)
        }
        if !document.notes.isEmpty { body += Self.notes(document.notes) }
        if let footer = document.footer {
            body += "<footer class=\"report-footer\"><p>" + HTMLEscaper.text(footer) + "</p></footer>\n"
        }
        return Self.page(title: document.title, body: body)
    }

    /// A section: `<section>` with its heading, blocks and subsections.
    private func write(_ section: ReportDocument.Section, id: String?, level: Int) -> String {
        let level = min(max(level, 1), 6)
        var out = "<section" + Self.attribute("id", id) + ">\n"
        out += "<h\(level)" + (section.startsPage ? " class=\"page-break\"" : "") + ">" + HTMLEscaper.text(section.heading)
            + "</h\(level)>\n"
        for block in section.blocks { out += write(block) }
        for subsection in section.subsections { out += write(subsection, id: subsection.id, level: level + 1) }
        return out + "</section>\n"
    }

    /// One block's markup, ending in a newline (empty for a warning without messages).
    private func write(_ block: ReportBlock) -> String {
        switch block {
        case .keyValues(let lines):
            return lines.isEmpty ? "" : Self.definitionList(lines, cssClass: "provenance")
        case .table(let table):
            return write(table)
        case .paragraph(let text):
            return Self.paragraph(text, cssClass: nil)
        case .notes(let lines):
            return lines.isEmpty ? "" : Self.notes(lines)
        case .warning(let title, let messages):
            guard !messages.isEmpty else { return "" }
            return "<div class=\"warning\" role=\"note\">\n<p class=\"warning-title\">" + HTMLEscaper.text(title) + "</p>\n<ul>\n"
                + messages.map { "<li>" + HTMLEscaper.text($0) + "</li>\n" }.joined() + "</ul>\n</div>\n"
        case .figure(let svg, let caption, let name):
            return "<figure" + Self.attribute("id", "fig-" + name) + ">\n" + svg + (svg.hasSuffix("\n") ? "" : "\n")
                + "<figcaption>" + HTMLEscaper.text(caption) + "</figcaption>\n</figure>\n"
        case .unavailable(let reason):
            return Self.paragraph(reason, cssClass: "unavailable")
        }
    }

    /// The page around `body`: doctype, head with the CSP and the stylesheet, and `<main>`.
    private static func page(title: String, body: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + contentSecurityPolicy + "\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + HTMLEscaper.text(title) + "</title>\n"
        out += "<style>\n" + HTMLStyleSheet.css + "\n</style>\n</head>\n<body>\n<main class=\"report\">\n"
        return out + body + "</main>\n</body>\n</html>\n"
    }

    /// `<p>` with an optional class.
    private static func paragraph(_ text: String, cssClass: String?) -> String {
        "<p" + attribute("class", cssClass) + ">" + HTMLEscaper.text(text) + "</p>\n"
    }

    /// Key/value lines as `<dl>` of the given class.
    private static func definitionList(_ lines: [(key: String, value: String)], cssClass: String) -> String {
        "<dl" + attribute("class", cssClass) + ">\n"
            + lines.map { "<dt>" + HTMLEscaper.text($0.key) + "</dt><dd>" + HTMLEscaper.text($0.value) + "</dd>\n" }.joined()
            + "</dl>\n"
    }

    /// Notes as `<ul class="report-notes">`.
    private static func notes(_ lines: [String]) -> String {
        "<ul class=\"report-notes\">\n" + lines.map { "<li>" + HTMLEscaper.text($0) + "</li>\n" }.joined() + "</ul>\n"
    }

    /// ` name="value"` for a non-empty value (escaped), else nothing.
    static func attribute(_ name: String, _ value: String?) -> String {
        guard let value, !value.isEmpty else { return "" }
        return " " + name + "=\"" + HTMLEscaper.attribute(value) + "\""
    }
}
