/// A complete, self-contained HTML document: inline stylesheet, no scripts, nothing fetched.
///
/// The head holds `<meta charset="utf-8">`, a viewport, the escaped `<title>`, a Content-Security-Policy
/// that forbids scripts and every network fetch (``contentSecurityPolicy``), and ``HTMLStyleSheet/css``
/// in a `<style>` element. Body parts are appended in order and placed in `<main class="report">`.
///
/// The helpers escape all text they are given. ``append(rawHTML:)`` and the `svg` of
/// ``appendFigure(svg:caption:id:)`` are inserted as they are: pass only markup Relief wrote itself.
/// The output depends only on what was appended (no dates, no random identifiers).
public struct HTMLPage: Sendable, Equatable {
    /// The Content-Security-Policy of every report: no scripts, no fetches; inline styles, `data:`
    /// images and `data:` fonts only.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"

    /// The document title (shown in the browser tab and PDF metadata); escaped when written.
    public var title: String
    /// The body parts, in order, as HTML.
    public private(set) var parts: [String]

    /// Creates an empty page.
    /// - Parameter title: The document title.
    public init(title: String) {
        self.title = title
        self.parts = []
    }

    /// Appends markup as it is.
    /// - Parameter rawHTML: HTML written by Relief (never text from the input without escaping).
    public mutating func append(rawHTML: String) {
        parts.append(rawHTML.hasSuffix("\n") ? rawHTML : rawHTML + "\n")
    }

    /// Appends a heading.
    /// - Parameters:
    ///   - text: The heading text (escaped).
    ///   - level: 1 to 6 (clamped).
    ///   - id: An optional element id (escaped), e.g. for links from a table of contents.
    ///   - pageBreak: Whether printing starts a new page at this heading (class `page-break`).
    public mutating func appendHeading(_ text: String, level: Int = 2, id: String? = nil, pageBreak: Bool = false) {
        let level = min(max(level, 1), 6)
        parts.append(
            "<h\(level)" + Self.idAttribute(id) + (pageBreak ? " class=\"page-break\"" : "") + ">"
                + HTMLEscaper.text(text) + "</h\(level)>\n")
    }

    /// Appends a paragraph.
    /// - Parameters:
    ///   - text: The paragraph text (escaped).
    ///   - cssClass: An optional class, e.g. `muted` (escaped).
    public mutating func appendParagraph(_ text: String, cssClass: String? = nil) {
        parts.append(Self.paragraphHTML(text, cssClass: cssClass))
    }

    /// The markup of a paragraph (see ``appendParagraph(_:cssClass:)``).
    public static func paragraphHTML(_ text: String, cssClass: String? = nil) -> String {
        "<p" + classAttribute(cssClass) + ">" + HTMLEscaper.text(text) + "</p>\n"
    }

    /// Appends a `<section>` with a heading and body markup.
    /// - Parameters:
    ///   - heading: The section heading (escaped), written as `<h2>`.
    ///   - bodyHTML: The section content, inserted as it is.
    ///   - id: An optional element id (escaped).
    ///   - pageBreak: Whether printing starts a new page at this section's heading.
    public mutating func appendSection(heading: String, bodyHTML: String, id: String? = nil, pageBreak: Bool = false) {
        parts.append(Self.sectionHTML(heading: heading, bodyHTML: bodyHTML, id: id, pageBreak: pageBreak))
    }

    /// The markup of a section (see ``appendSection(heading:bodyHTML:id:pageBreak:)``).
    public static func sectionHTML(heading: String, bodyHTML: String, id: String? = nil, pageBreak: Bool = false) -> String {
        var out = "<section" + idAttribute(id) + ">\n"
        out += "<h2" + (pageBreak ? " class=\"page-break\"" : "") + ">" + HTMLEscaper.text(heading) + "</h2>\n"
        out += bodyHTML
        if !bodyHTML.isEmpty, !bodyHTML.hasSuffix("\n") { out += "\n" }
        return out + "</section>\n"
    }

    /// Appends a figure: an inline SVG with a caption under it.
    /// - Parameters:
    ///   - svg: The `<svg>` element, inserted as it is (written by Relief).
    ///   - caption: The caption text (escaped).
    ///   - id: An optional element id (escaped).
    public mutating func appendFigure(svg: String, caption: String, id: String? = nil) {
        parts.append(Self.figureHTML(svg: svg, caption: caption, id: id))
    }

    /// The markup of a figure (see ``appendFigure(svg:caption:id:)``).
    public static func figureHTML(svg: String, caption: String, id: String? = nil) -> String {
        var out = "<figure" + idAttribute(id) + ">\n" + svg
        if !svg.hasSuffix("\n") { out += "\n" }
        return out + "<figcaption>" + HTMLEscaper.text(caption) + "</figcaption>\n</figure>\n"
    }

    /// Appends a table rendered by ``HTMLTableRenderer``.
    /// - Parameter table: The table.
    public mutating func appendTable(_ table: ReportTable) {
        parts.append(HTMLTableRenderer().render(table))
    }

    /// Appends a document rendered by ``HTMLDocumentRenderer``.
    /// - Parameters:
    ///   - document: The document.
    ///   - titleLevel: The heading level of its title (sections one below).
    public mutating func appendDocument(_ document: ReportDocument, titleLevel: Int = 2) {
        parts.append(HTMLDocumentRenderer(titleLevel: titleLevel).render(document))
    }

    /// Appends a warning box (class `warning`; the stylesheet puts "WARNING:" before the title).
    /// Nothing is appended when `messages` is empty.
    /// - Parameters:
    ///   - title: The bold heading of the box (escaped).
    ///   - messages: One list item each (escaped).
    public mutating func appendWarning(title: String, messages: [String]) {
        guard !messages.isEmpty else { return }
        parts.append(Self.warningHTML(title: title, messages: messages))
    }

    /// The markup of a warning box (see ``appendWarning(title:messages:)``); empty without messages.
    public static func warningHTML(title: String, messages: [String]) -> String {
        guard !messages.isEmpty else { return "" }
        var out = "<div class=\"warning\" role=\"note\">\n<p class=\"warning-title\">" + HTMLEscaper.text(title) + "</p>\n<ul>\n"
        for message in messages {
            out += "<li>" + HTMLEscaper.text(message) + "</li>\n"
        }
        return out + "</ul>\n</div>\n"
    }

    /// The complete document, ending in a newline.
    /// - Returns: The HTML text, from `<!DOCTYPE html>` to `</html>`.
    /// - Complexity: O(total length of the parts and the stylesheet).
    public func html() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + Self.contentSecurityPolicy + "\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>" + HTMLEscaper.text(title) + "</title>\n"
        out += "<style>\n" + HTMLStyleSheet.css + "\n</style>\n</head>\n<body>\n<main class=\"report\">\n"
        for part in parts { out += part }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    /// ` id="..."` for a non-empty id, else nothing.
    private static func idAttribute(_ id: String?) -> String {
        guard let id, !id.isEmpty else { return "" }
        return " id=\"" + HTMLEscaper.attribute(id) + "\""
    }

    /// ` class="..."` for a non-empty class, else nothing.
    private static func classAttribute(_ cssClass: String?) -> String {
        guard let cssClass, !cssClass.isEmpty else { return "" }
        return " class=\"" + HTMLEscaper.attribute(cssClass) + "\""
    }
}
