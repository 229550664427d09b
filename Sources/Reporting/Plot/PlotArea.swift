/// The rectangle, in pixels, where a plot draws its data.
package struct PlotArea: Equatable {
    /// Left edge.
    package var left: Double
    /// Top edge.
    package var top: Double
    /// Width (> 0).
    package var width: Double
    /// Height (> 0).
    package var height: Double

    /// Right edge.
    package var right: Double { left + width }
    /// Bottom edge.
    package var bottom: Double { top + height }

    /// Writes a vertical axis at the left edge: tick marks, labels and horizontal grid lines.
    /// - Parameters:
    ///   - scale: The y scale (range from `bottom` to `top`).
    ///   - ticks: Tick values.
    ///   - writer: The writer to append to.
    package func drawYAxis(_ scale: AxisScale, ticks: [Double], into writer: inout SVGWriter) {
        let labels = scale.tickLabels(ticks)
        writer.open("g", [("class", "rp-y-axis")])
        for (tick, label) in zip(ticks, labels) {
            guard let y = scale.position(of: tick) else { continue }
            writer.line(x1: left, y1: y, x2: right, y2: y, [("stroke", PlotPalette.grid), ("stroke-width", "1")])
            writer.line(x1: left - 5, y1: y, x2: left, y2: y, [("stroke", PlotPalette.ink), ("stroke-width", "1")])
            writer.text(label, x: left - 8, y: y + 4, anchor: "end", [("fill", PlotPalette.ink)])
        }
        writer.line(x1: left, y1: top, x2: left, y2: bottom, [("stroke", PlotPalette.ink), ("stroke-width", "1")])
        writer.close("g")
    }

    /// Writes a horizontal axis at the bottom edge: the axis line, tick marks and labels.
    /// - Parameters:
    ///   - scale: The x scale (range from `left` to `right`).
    ///   - ticks: Tick values.
    ///   - writer: The writer to append to.
    ///   - grid: Whether to draw vertical grid lines too.
    package func drawXAxis(_ scale: AxisScale, ticks: [Double], into writer: inout SVGWriter, grid: Bool = false) {
        let labels = scale.tickLabels(ticks)
        writer.open("g", [("class", "rp-x-axis")])
        writer.line(x1: left, y1: bottom, x2: right, y2: bottom, [("stroke", PlotPalette.ink), ("stroke-width", "1")])
        for (tick, label) in zip(ticks, labels) {
            guard let x = scale.position(of: tick) else { continue }
            if grid {
                writer.line(x1: x, y1: top, x2: x, y2: bottom, [("stroke", PlotPalette.grid), ("stroke-width", "1")])
            }
            writer.line(x1: x, y1: bottom, x2: x, y2: bottom + 5, [("stroke", PlotPalette.ink), ("stroke-width", "1")])
            writer.text(label, x: x, y: bottom + 18, anchor: "middle",
                        [("fill", PlotPalette.ink), ("class", "rp-x-tick")])
        }
        writer.close("g")
    }

    /// Writes a y-axis title, rotated, centred on the area's height at `x`.
    package func drawYTitle(_ title: String, x: Double, into writer: inout SVGWriter) {
        let y = top + height / 2
        writer.text(title, x: x, y: y, anchor: "middle",
                    [("transform", "rotate(-90 " + SVGNumber.coordinate(x) + " " + SVGNumber.coordinate(y) + ")"),
                     ("fill", PlotPalette.ink), ("font-size", "13")])
    }

    /// Writes an x-axis title centred under the area at baseline `y`.
    package func drawXTitle(_ title: String, y: Double, into writer: inout SVGWriter) {
        writer.text(title, x: left + width / 2, y: y, anchor: "middle",
                    [("fill", PlotPalette.ink), ("font-size", "13")])
    }
}
