/// Builds SVG markup as text: elements with escaped attribute values and text content.
///
/// Every attribute value and every text node goes through ``escaped(_:)``, so labels taken from the
/// data (group names, covariate levels) can never open an element or a script.
package struct SVGWriter {
    /// The markup written so far.
    private(set) var output = ""

    /// `text` made safe for XML text and attribute values: control and format characters are shown as
    /// `ReportText` does (`\t`, `\u{202E}`, ...), then `&`, `<`, `>`, `"`, `'` become entities
    /// (the same escaping as ``HTMLEscaper/text(_:)``, which also suits XML).
    /// - Parameter text: Any text, e.g. a label from the CSV.
    /// - Returns: Text that XML parsers read back as `text` (after the control-character escape).
    package static func escaped(_ text: String) -> String {
        HTMLEscaper.text(text)
    }

    /// Opens an element and leaves it open (close it with ``close(_:)``).
    /// - Parameters:
    ///   - name: The element name (a constant, not data).
    ///   - attributes: Name–value pairs; values are escaped.
    package mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        output += "<" + name + Self.attributeText(attributes) + ">"
    }

    /// Closes an element opened by ``open(_:_:)``, then starts a new line.
    package mutating func close(_ name: String) {
        output += "</" + name + ">\n"
    }

    /// Writes one element: self-closing without text, else with the escaped text as its content.
    /// - Parameters:
    ///   - name: The element name (a constant, not data).
    ///   - attributes: Name–value pairs; values are escaped.
    ///   - text: Text content, escaped; nil for an empty element.
    package mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
        let head = "<" + name + Self.attributeText(attributes)
        if let text {
            output += head + ">" + Self.escaped(text) + "</" + name + ">\n"
        } else {
            output += head + "/>\n"
        }
    }

    /// Writes a `<text>` element at (x, y).
    /// - Parameters:
    ///   - text: The text (escaped).
    ///   - x: Anchor x in pixels.
    ///   - y: Baseline y in pixels.
    ///   - anchor: `start`, `middle` or `end`.
    ///   - extra: More attributes (font size, weight, fill, class).
    package mutating func text(_ text: String, x: Double, y: Double, anchor: String = "start",
                       _ extra: [(String, String)] = []) {
        var attributes = [("x", SVGNumber.coordinate(x)), ("y", SVGNumber.coordinate(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        element("text", attributes + extra, text: text)
    }

    /// Writes a straight line from (x1, y1) to (x2, y2).
    package mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, _ extra: [(String, String)]) {
        element("line", [("x1", SVGNumber.coordinate(x1)), ("y1", SVGNumber.coordinate(y1)),
                         ("x2", SVGNumber.coordinate(x2)), ("y2", SVGNumber.coordinate(y2))] + extra)
    }

    /// Writes a rectangle.
    package mutating func rect(x: Double, y: Double, width: Double, height: Double, _ extra: [(String, String)]) {
        element("rect", [("x", SVGNumber.coordinate(x)), ("y", SVGNumber.coordinate(y)),
                         ("width", SVGNumber.coordinate(max(width, 0))),
                         ("height", SVGNumber.coordinate(max(height, 0)))] + extra)
    }

    /// Appends markup produced by another writer.
    package mutating func append(_ other: SVGWriter) {
        output += other.output
    }

    /// ` name="value"` for each pair, values escaped.
    private static func attributeText(_ attributes: [(String, String)]) -> String {
        var text = ""
        for (name, value) in attributes {
            text += " " + name + "=\"" + escaped(value) + "\""
        }
        return text
    }
}
