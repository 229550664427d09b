extension KaplanMeierPlot {
    /// Writes the shaded confidence bands, one group per curve: the simultaneous band (when a curve has
    /// one) lighter, under the pointwise band.
    /// - Parameters:
    ///   - drawn: The curves (default ``curves``); `firstStyle` is the palette index of the first.
    package func drawBands(_ drawn: [Curve]? = nil, firstStyle: Int = 0, x: AxisScale, y: AxisScale, into writer: inout SVGWriter) {
        let curves = drawn ?? curves
        if curves.contains(where: { !$0.simultaneousLower.isEmpty }) {
            writer.open("g", [("class", "rp-km-simultaneous-bands")])
            for (index, curve) in curves.enumerated() where !curve.simultaneousLower.isEmpty {
                var band = curve
                band.lower = curve.simultaneousLower
                band.upper = curve.simultaneousUpper
                drawBand(band, style: PlotPalette.style(firstStyle + index), opacity: "0.07", x: x, y: y, into: &writer)
            }
            writer.close("g")
        }
        writer.open("g", [("class", "rp-km-bands")])
        for (index, curve) in curves.enumerated() {
            drawBand(curve, style: PlotPalette.style(firstStyle + index), opacity: "0.15", x: x, y: y, into: &writer)
        }
        writer.close("g")
    }

    /// Writes one curve's band (its `lower` and `upper`) as a filled path.
    private func drawBand(_ curve: Curve, style: SeriesStyle, opacity: String, x: AxisScale, y: AxisScale, into writer: inout SVGWriter) {
        var path = SVGPath()
        for polygon in Self.bandPolygons(curve, start: x.lower, end: x.upper) {
            for vertex in polygon {
                path.add(x.clampedPosition(of: vertex.x) ?? .nan, y.clampedPosition(of: vertex.y) ?? .nan)
            }
            path.closeSubpath()
        }
        guard !path.isEmpty else { return }
        writer.element("path", [("d", path.data), ("fill", style.colour), ("fill-opacity", opacity),
                                ("stroke", "none")])
    }

    /// Writes the step curves and their censoring marks ("+"), one group per curve.
    /// - Parameters:
    ///   - drawn: The curves (default ``curves``); `firstStyle` is the palette index of the first.
    package func drawCurves(_ drawn: [Curve]? = nil, firstStyle: Int = 0, x: AxisScale, y: AxisScale, into writer: inout SVGWriter) {
        for (index, curve) in (drawn ?? curves).enumerated() {
            let style = PlotPalette.style(firstStyle + index)
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
