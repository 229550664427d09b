extension KaplanMeierPlot {
    /// Writes the shaded confidence bands, one group per curve.
    package func drawBands(x: AxisScale, y: AxisScale, into writer: inout SVGWriter) {
        writer.open("g", [("class", "rp-km-bands")])
        for (index, curve) in curves.enumerated() {
            let style = PlotPalette.style(index)
            var path = SVGPath()
            for polygon in Self.bandPolygons(curve, start: x.lower, end: x.upper) {
                for vertex in polygon {
                    path.add(x.clampedPosition(of: vertex.x) ?? .nan, y.clampedPosition(of: vertex.y) ?? .nan)
                }
                path.closeSubpath()
            }
            guard !path.isEmpty else { continue }
            writer.element("path", [("d", path.data), ("fill", style.colour), ("fill-opacity", "0.15"),
                                    ("stroke", "none")])
        }
        writer.close("g")
    }

    /// Writes the step curves and their censoring marks ("+"), one group per curve.
    package func drawCurves(x: AxisScale, y: AxisScale, into writer: inout SVGWriter) {
        for (index, curve) in curves.enumerated() {
            let style = PlotPalette.style(index)
            writer.open("g", [("class", "rp-km-curve")])
            var path = SVGPath()
            for vertex in Self.stepVertices(curve, start: x.lower, end: x.upper) {
                path.add(x.clampedPosition(of: vertex.x) ?? .nan, y.clampedPosition(of: vertex.y) ?? .nan)
            }
            if !path.isEmpty {
                writer.element("path", [("d", path.data)] + style.strokeAttributes(width: 2)
                    + [("stroke-linejoin", "miter")])
            }
            var marks = ""
            for (t, s) in zip(curve.censorTimes, curve.censorSurvival) where x.contains(t) {
                guard let px = x.position(of: t), let py = y.clampedPosition(of: s) else { continue }
                if !marks.isEmpty { marks += " " }
                marks += "M" + SVGNumber.coordinate(px - 4) + " " + SVGNumber.coordinate(py)
                    + "h8M" + SVGNumber.coordinate(px) + " " + SVGNumber.coordinate(py - 4) + "v8"
            }
            if !marks.isEmpty {
                writer.element("path", [("d", marks), ("fill", "none"), ("stroke", style.colour),
                                        ("stroke-width", "1.3"), ("class", "rp-km-censor")])
            }
            writer.close("g")
        }
    }
}
