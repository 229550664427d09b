/// A dose-response plot as SVG: observed estimates per dose with error bars, and a fitted curve drawn
/// as a line over its shaded pointwise band, with axes, grid and a legend.
///
/// Output is deterministic, labels are escaped, nothing external is referenced; non-finite values are
/// skipped (a gap in the curve, a point without its bar).
public struct DoseResponsePlot: Sendable {
    /// The title (also the accessible name).
    public var title: String
    /// The observed estimates.
    public var points: [Point]
    /// The fitted curve, in any dose order.
    public var curve: [CurvePoint]
    /// Legend text of the curve, e.g. "emax fit, 95% band".
    public var curveLabel: String
    /// Legend text of the points.
    public var pointsLabel: String
    /// The x-axis title.
    public var xLabel: String
    /// The y-axis title.
    public var yLabel: String

    /// Creates a dose-response plot.
    /// - Parameters:
    ///   - title: The title.
    ///   - points: Observed estimates.
    ///   - curve: The fitted curve.
    ///   - curveLabel: Legend text of the curve (default "Fitted curve, 95% band").
    ///   - pointsLabel: Legend text of the points (default "Observed (95% CI)").
    ///   - xLabel: x-axis title (default "Dose").
    ///   - yLabel: y-axis title (default "Response").
    public init(title: String, points: [Point], curve: [CurvePoint], curveLabel: String = "Fitted curve, 95% band",
                pointsLabel: String = "Observed (95% CI)", xLabel: String = "Dose", yLabel: String = "Response") {
        self.title = title
        self.points = points
        self.curve = curve
        self.curveLabel = curveLabel
        self.pointsLabel = pointsLabel
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Style of the fitted curve.
    package static let curveStyle = PlotPalette.style(0)
    /// Room in pixels between the axes' ends and the data range.
    package static let inset = 14.0
    /// Style of the observed points.
    package static let pointStyle = PlotPalette.style(1)

    /// The plot as one `<svg>` element (a "no data" document when nothing is finite).
    /// - Returns: SVG markup.
    /// - Complexity: O(points + curve points · log).
    public func svg() -> String {
        let shownPoints = points.filter { $0.dose.isFinite && $0.estimate.isFinite }
        let shownCurve = curve.enumerated().filter { $0.element.dose.isFinite }
            .sorted { ($0.element.dose, $0.offset) < ($1.element.dose, $1.offset) }.map(\.element)
        guard !shownPoints.isEmpty || shownCurve.contains(where: { $0.estimate.isFinite }) else {
            return SVGDocument.noData(title: title, fallbackName: "Dose-response plot")
        }
        let width = SVGDocument.width
        var legendItems: [PlotLegend.Item] = []
        if !shownCurve.isEmpty { legendItems.append(.init(key: .band(Self.curveStyle), label: curveLabel)) }
        if !shownPoints.isEmpty { legendItems.append(.init(key: .marker(Self.pointStyle), label: pointsLabel)) }
        let legend = PlotLegend(items: legendItems)
        let left = 78.0
        let legendTop = title.isEmpty ? 10.0 : 34.0
        let rowsHeight = Double(legend.rowCount(width: width - left - 16)) * PlotLegend.rowHeight
        let area = PlotArea(left: left, top: legendTop + rowsHeight + 12, width: width - left - 28, height: 320)
        let scales = self.scales(points: shownPoints, curve: shownCurve, area: area)

        var body = SVGWriter()
        SVGDocument.drawTitle(title, into: &body)
        legend.draw(left: left, top: legendTop, width: width - left - 16, into: &body)
        area.drawYAxis(scales.y, ticks: scales.y.ticks(targetCount: 6), into: &body)
        drawCurve(shownCurve, x: scales.x, y: scales.y, into: &body)
        drawPoints(shownPoints, x: scales.x, y: scales.y, area: area, into: &body)
        area.drawXAxis(scales.x, ticks: scales.x.ticks(targetCount: 7), into: &body)
        area.drawYTitle(yLabel, x: 20, into: &body)
        area.drawXTitle(xLabel, y: area.bottom + 40, into: &body)
        return SVGDocument.wrap(width: width, height: area.bottom + 56, title: title, body: body,
                                fallbackName: "Dose-response plot")
    }

    /// Linear scales over every finite dose (and 0) and every finite estimate and limit, extended to
    /// whole ticks.
    package func scales(points: [Point], curve: [CurvePoint], area: PlotArea) -> (x: AxisScale, y: AxisScale) {
        let doses = points.map(\.dose) + curve.map(\.dose)
        var values: [Double] = []
        for point in points { values += [point.estimate, point.lower, point.upper].compactMap { $0 } }
        for point in curve { values += [point.estimate, point.lower, point.upper].compactMap { $0 } }
        let finiteValues = values.filter(\.isFinite)
        // The data range sits inside the axes with a little room, so points at the ends stay whole.
        let x = AxisScale(lower: min(0, doses.min() ?? 0), upper: doses.max() ?? 1, rangeStart: area.left + Self.inset,
                          rangeEnd: area.right - Self.inset).niceExtended(targetCount: 7)
        let y = AxisScale(lower: finiteValues.min() ?? 0, upper: finiteValues.max() ?? 1,
                          rangeStart: area.bottom - Self.inset, rangeEnd: area.top + Self.inset)
            .niceExtended(targetCount: 6)
        return (x, y)
    }
}
