extension ForestPlot {
    /// Writes light bands behind every other row, so a reader's eye follows a row across.
    package func drawRowBackgrounds(area: PlotArea, width: Double, into writer: inout SVGWriter) {
        writer.open("g", [("class", "rp-forest-rows")])
        for index in rows.indices where index % 2 == 0 {
            writer.rect(x: 6, y: area.top + Double(index) * Self.rowHeight, width: width - 12, height: Self.rowHeight,
                        [("fill", "#F3F3F3")])
        }
        writer.close("g")
    }

    /// Writes each row's label, interval, square (or edge arrow) and numbers.
    package func drawRows(area: PlotArea, x: AxisScale, textX: Double, into writer: inout SVGWriter) {
        let colour = PlotPalette.colours[0]
        var seenHeader = false
        for (index, row) in rows.enumerated() {
            let y = area.top + (Double(index) + 0.5) * Self.rowHeight
            writer.open("g", [("class", "rp-forest-row")])
            let indent = !row.isHeader && seenHeader ? 14.0 : 0
            var labelAttributes: [(String, String)] = [("fill", PlotPalette.ink)]
            if row.isHeader {
                seenHeader = true
                labelAttributes.append(("font-weight", "bold"))
            }
            writer.text(Self.shownLabel(row.label), x: 12 + indent, y: y + 4, labelAttributes)
            if !row.isHeader, let estimate = row.estimate, estimate.isFinite, estimate > 0 {
                drawInterval(row, estimate: estimate, y: y, x: x, colour: colour, into: &writer)
            }
            let textFill = row.estimate == nil && !row.isHeader ? PlotPalette.muted : PlotPalette.ink
            writer.text(row.estimateText, x: textX, y: y + 4, [("fill", textFill), ("class", "rp-forest-estimate")])
            writer.close("g")
        }
    }

    /// Writes one row's confidence line (clipped to the axis, with an arrow where it runs past an end)
    /// and the square at the estimate (an arrow at the edge when the estimate itself is off the axis).
    package func drawInterval(_ row: Row, estimate: Double, y: Double, x: AxisScale, colour: String,
                      into writer: inout SVGWriter) {
        let stroke: [(String, String)] = [("stroke", colour), ("stroke-width", "1.6")]
        let low = row.lower.flatMap { $0.isFinite && $0 > 0 ? min($0, estimate) : nil } ?? estimate
        let high = row.upper.flatMap { $0.isFinite && $0 > 0 ? max($0, estimate) : nil } ?? estimate
        if let from = x.clampedPosition(of: low), let to = x.clampedPosition(of: high), to > from {
            writer.line(x1: from, y1: y, x2: to, y2: y, stroke)
        }
        if low < x.lower, let edge = x.position(of: x.lower) {
            Self.drawArrow(at: edge, y: y, pointingLeft: true, colour: colour, into: &writer)
        }
        if high > x.upper, let edge = x.position(of: x.upper) {
            Self.drawArrow(at: edge, y: y, pointingLeft: false, colour: colour, into: &writer)
        }
        if x.contains(estimate), let cx = x.position(of: estimate) {
            writer.rect(x: cx - 4.5, y: y - 4.5, width: 9, height: 9, [("fill", colour), ("class", "rp-forest-point")])
        }
    }

    /// Writes a small filled triangle with its tip at (`x`, `y`), pointing left or right.
    package static func drawArrow(at x: Double, y: Double, pointingLeft: Bool, colour: String, into writer: inout SVGWriter) {
        let back = pointingLeft ? x + 7 : x - 7
        var path = SVGPath()
        path.add(x, y)
        path.add(back, y - 4.5)
        path.add(back, y + 4.5)
        path.closeSubpath()
        writer.element("path", [("d", path.data), ("fill", colour), ("class", "rp-forest-arrow")])
    }
}
