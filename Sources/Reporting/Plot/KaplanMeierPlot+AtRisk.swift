extension KaplanMeierPlot {
    /// Writes the numbers-at-risk table: a "Number at risk" header, then one row per curve with its
    /// key and label at the left and one count per time, centred at that time's x position (the same
    /// text as the tick's x coordinate, so the columns align with the ticks).
    /// - Parameters:
    ///   - x: The time axis.
    ///   - times: Column times (finite ones inside the axis are shown).
    ///   - top: Baseline of the header.
    ///   - writer: The writer to append to.
    package func drawAtRiskTable(x: AxisScale, times: [Double], top: Double, into writer: inout SVGWriter) {
        let columns = times.filter { x.contains($0) }
        writer.open("g", [("class", "rp-km-at-risk")])
        writer.text("Number at risk", x: 12, y: top, [("font-weight", "bold"), ("fill", PlotPalette.ink)])
        for (index, curve) in curves.enumerated() {
            let style = PlotPalette.style(index)
            let rowY = top + Double(index + 1) * Self.rowHeight
            style.drawKey(into: &writer, x: 12, y: rowY - 4, length: 22, showsMarker: false)
            writer.text(Self.rowLabel(curve.label), x: 40, y: rowY,
                        [("fill", style.colour), ("class", "rp-km-row-label")])
            for time in columns {
                guard let px = x.position(of: time) else { continue }
                writer.text(String(curve.numberAtRisk(at: time)), x: px, y: rowY, anchor: "middle",
                            [("fill", PlotPalette.ink), ("class", "rp-km-n-risk")])
            }
        }
        writer.close("g")
    }
}
