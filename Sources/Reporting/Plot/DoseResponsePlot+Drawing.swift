extension DoseResponsePlot {
    /// Writes the band (runs of doses with both limits finite) and the fitted line (gaps at non-finite
    /// values). `curve` is sorted by dose.
    package func drawCurve(_ curve: [CurvePoint], x: AxisScale, y: AxisScale, into writer: inout SVGWriter) {
        guard !curve.isEmpty else { return }
        writer.open("g", [("class", "rp-dose-curve")])
        var band = SVGPath()
        var run: [CurvePoint] = []
        func flush() {
            guard !run.isEmpty else { return }
            for point in run {
                band.add(x.clampedPosition(of: point.dose) ?? .nan, y.clampedPosition(of: point.upper ?? .nan) ?? .nan)
            }
            for point in run.reversed() {
                band.add(x.clampedPosition(of: point.dose) ?? .nan, y.clampedPosition(of: point.lower ?? .nan) ?? .nan)
            }
            band.closeSubpath()
            run = []
        }
        for point in curve {
            if let low = point.lower, let high = point.upper, low.isFinite, high.isFinite {
                run.append(point)
            } else {
                flush()
            }
        }
        flush()
        if !band.isEmpty {
            writer.element("path", [("d", band.data), ("fill", Self.curveStyle.colour), ("fill-opacity", "0.18"),
                                    ("stroke", "none")])
        }
        var line = SVGPath()
        for point in curve {
            line.add(x.clampedPosition(of: point.dose) ?? .nan, y.clampedPosition(of: point.estimate) ?? .nan)
        }
        if !line.isEmpty {
            writer.element("path", [("d", line.data)] + Self.curveStyle.strokeAttributes(width: 2.2))
        }
        writer.close("g")
    }

    /// Writes each observed point: error bar with caps (missing limits leave that half out), marker,
    /// and its label beside it.
    package func drawPoints(_ points: [Point], x: AxisScale, y: AxisScale, area: PlotArea, into writer: inout SVGWriter) {
        guard !points.isEmpty else { return }
        let style = Self.pointStyle
        writer.open("g", [("class", "rp-dose-points")])
        for point in points {
            guard let px = x.clampedPosition(of: point.dose), let py = y.clampedPosition(of: point.estimate) else {
                continue
            }
            let stroke: [(String, String)] = [("stroke", style.colour), ("stroke-width", "1.5")]
            for limit in [point.lower, point.upper] {
                guard let limit, let ly = y.clampedPosition(of: limit) else { continue }
                writer.line(x1: px, y1: py, x2: px, y2: ly, stroke)
                writer.line(x1: px - 5, y1: ly, x2: px + 5, y2: ly, stroke)
            }
            style.drawMarker(into: &writer, x: px, y: py, size: 9)
            if let label = point.label, !label.isEmpty {
                let text = ReportText.truncated(ReportText.escaped(label), width: 24)
                // Right of the point, or left of it when it would run past the plot's right edge.
                let fits = px + 9 + SVGDocument.textWidth(text, fontSize: 11) <= area.right
                writer.text(text, x: fits ? px + 9 : px - 9, y: py - 6, anchor: fits ? "start" : "end",
                            [("fill", PlotPalette.ink), ("font-size", "11")])
            }
        }
        writer.close("g")
    }
}
