/// The outer `<svg>` element shared by all plots: size, accessible name, title, fonts and a white
/// background; and the "no data" document.
package enum SVGDocument {
    /// Fonts installed on most systems; nothing is fetched.
    package static let fontFamily = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
    /// The plots' width in pixels.
    package static let width = 720.0

    /// Wraps `body` in a complete `<svg>` element.
    /// - Parameters:
    ///   - width: Width in pixels.
    ///   - height: Height in pixels.
    ///   - title: The accessible name (`aria-label` and `<title>`); escaped.
    ///   - body: The drawing.
    ///   - fallbackName: The accessible name when `title` is empty.
    /// - Returns: One `<svg>` element, ending in a newline.
    package static func wrap(width: Double, height: Double, title: String, body: SVGWriter, fallbackName: String = "Plot")
        -> String {
        var writer = SVGWriter()
        let w = SVGNumber.coordinate(width), h = SVGNumber.coordinate(height)
        let name = title.isEmpty ? fallbackName : title
        writer.open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", w), ("height", h), ("viewBox", "0 0 " + w + " " + h),
            ("role", "img"), ("aria-label", name), ("font-family", fontFamily), ("font-size", "12"),
        ])
        writer.element("title", [], text: name)
        writer.rect(x: 0, y: 0, width: width, height: height, [("fill", "#FFFFFF")])
        writer.append(body)
        writer.close("svg")
        return writer.output
    }

    /// A small valid document with the title and a "no data" note, for empty input.
    /// - Parameters:
    ///   - title: The plot title.
    ///   - note: The note, e.g. "No data to plot."
    /// - Returns: One `<svg>` element.
    ///   - fallbackName: The accessible name when `title` is empty.
    package static func noData(title: String, note: String = "No data to plot.", fallbackName: String = "Plot") -> String {
        var body = SVGWriter()
        drawTitle(title, into: &body)
        body.text(note, x: width / 2, y: 80, anchor: "middle", [("fill", PlotPalette.muted), ("class", "rp-no-data")])
        return wrap(width: width, height: 120, title: title, body: body, fallbackName: fallbackName)
    }

    /// Writes the plot title at the top left.
    package static func drawTitle(_ title: String, into writer: inout SVGWriter) {
        guard !title.isEmpty else { return }
        writer.text(title, x: 12, y: 22, [("font-size", "15"), ("font-weight", "bold"), ("fill", PlotPalette.ink)])
    }

    /// Approximate rendered width of `text` at `fontSize` (generous: DejaVu Sans, the widest of the
    /// listed fonts, averages about 0.6 em per character).
    package static func textWidth(_ text: String, fontSize: Double = 12) -> Double {
        Double(text.count) * fontSize * 0.64
    }
}
