extension SeriesStyle {
    /// Writes this style's marker centred at (x, y).
    /// - Parameters:
    ///   - writer: The writer to append to.
    ///   - x: Centre x in pixels.
    ///   - y: Centre y in pixels.
    ///   - size: The marker's width in pixels.
    package func drawMarker(into writer: inout SVGWriter, x: Double, y: Double, size: Double = 8) {
        guard x.isFinite, y.isFinite else { return }
        let r = size / 2
        let filled: [(String, String)] = [("fill", colour), ("stroke", colour), ("stroke-width", "1")]
        let open: [(String, String)] = [("fill", "#FFFFFF"), ("stroke", colour), ("stroke-width", "1.5")]
        switch marker {
        case .circle, .openCircle:
            writer.element("circle", [("cx", SVGNumber.coordinate(x)), ("cy", SVGNumber.coordinate(y)),
                                      ("r", SVGNumber.coordinate(r))] + (marker == .circle ? filled : open))
        case .square, .openSquare:
            let side = r * 1.7
            writer.rect(x: x - side / 2, y: y - side / 2, width: side, height: side,
                        marker == .square ? filled : open)
        case .triangle:
            var path = SVGPath()
            path.add(x, y - r * 1.1)
            path.add(x + r, y + r * 0.75)
            path.add(x - r, y + r * 0.75)
            path.closeSubpath()
            writer.element("path", [("d", path.data)] + filled)
        case .diamond:
            var path = SVGPath()
            path.add(x, y - r * 1.15)
            path.add(x + r * 0.9, y)
            path.add(x, y + r * 1.15)
            path.add(x - r * 0.9, y)
            path.closeSubpath()
            writer.element("path", [("d", path.data)] + filled)
        }
    }

    /// Writes a legend key: a short line sample in this style, optionally with the marker in its middle.
    /// - Parameters:
    ///   - writer: The writer to append to.
    ///   - x: Left end of the sample.
    ///   - y: Vertical centre.
    ///   - length: Length of the line sample.
    ///   - showsMarker: Whether to draw the marker on the line.
    package func drawKey(into writer: inout SVGWriter, x: Double, y: Double, length: Double = 30, showsMarker: Bool = true) {
        writer.line(x1: x, y1: y, x2: x + length, y2: y, strokeAttributes(width: 2))
        if showsMarker { drawMarker(into: &writer, x: x + length / 2, y: y, size: 7) }
    }
}
