extension KaplanMeierPlot {
    /// A panel under the numbers-at-risk table on the same time axis: each group's difference from the
    /// reference (group minus reference) over time with its pointwise band and a line at 0. The curves
    /// are differences the caller computed (``Curve/initialValue`` 0); the plot only draws them.
    public struct DifferencePanel: Sendable, Equatable {
        /// The y-axis title, e.g. "Difference from low".
        public var yLabel: String
        /// One curve per group other than the reference.
        public var curves: [Curve]
        /// The palette index of the first curve, so that a group keeps its colour from the upper panel
        /// (1 when the reference is the first curve there).
        public var firstStyle: Int

        /// Creates a panel.
        /// - Parameters:
        ///   - yLabel: The y-axis title.
        ///   - curves: The difference curves.
        ///   - firstStyle: The palette index of the first curve.
        public init(yLabel: String, curves: [Curve], firstStyle: Int = 1) {
            self.yLabel = yLabel
            self.curves = curves
            self.firstStyle = firstStyle
        }

        /// The y domain: every finite estimate and limit and 0, widened by a tenth of its span (at
        /// least ±0.05), within −1...1.
        package var domain: (lower: Double, upper: Double) {
            var low = 0.0, high = 0.0
            for curve in curves {
                for point in curve.finitePoints {
                    for value in [point.survival, point.lower ?? point.survival, point.upper ?? point.survival] where value.isFinite {
                        low = min(low, value)
                        high = max(high, value)
                    }
                }
            }
            let pad = max((high - low) / 10, 0.05)
            return (max(low - pad, -1), min(high + pad, 1))
        }
    }

    /// Height of the difference panel's data area in pixels.
    package static let differenceHeight = 150.0

    /// Writes the difference panel with its top at `top`, on the time scale `x`.
    /// - Returns: The panel's bottom (below its x-axis title).
    /// - Complexity: O(total points of its curves).
    package func drawDifferences(_ panel: DifferencePanel, x: AxisScale, top: Double, left: Double, into writer: inout SVGWriter)
        -> Double
    {
        let area = PlotArea(left: left, top: top, width: x.rangeEnd - x.rangeStart, height: Self.differenceHeight)
        let domain = panel.domain
        let y = AxisScale(lower: domain.lower, upper: domain.upper, rangeStart: area.bottom, rangeEnd: area.top)
        writer.open("g", [("class", "rp-km-differences")])
        area.drawYAxis(y, ticks: y.ticks(targetCount: 5), into: &writer)
        if let zero = y.position(of: 0) {
            writer.line(x1: area.left, y1: zero, x2: area.right, y2: zero,
                        [("stroke", PlotPalette.ink), ("stroke-width", "1"), ("stroke-dasharray", "4 3")])
        }
        if showsConfidenceBands { drawBands(panel.curves, firstStyle: panel.firstStyle, x: x, y: y, into: &writer) }
        drawCurves(panel.curves, firstStyle: panel.firstStyle, x: x, y: y, into: &writer)
        area.drawXAxis(x, ticks: x.ticks(targetCount: 7), into: &writer)
        area.drawYTitle(panel.yLabel, x: left - 46, into: &writer)
        area.drawXTitle(xLabel, y: area.bottom + 40, into: &writer)
        writer.close("g")
        return area.bottom + 52
    }
}
