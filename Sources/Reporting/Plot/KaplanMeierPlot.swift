/// A Kaplan–Meier plot as SVG: step curves from (0, 1), shaded confidence bands, censoring marks,
/// axes with ticks and grid, a legend, and a numbers-at-risk table under the time axis whose columns
/// sit exactly under the x ticks.
///
/// Output is deterministic (same input, byte-identical SVG), labels from the data are escaped, nothing
/// external is referenced, and each curve has its own colour, dash pattern and marker
/// (``PlotPalette/style(_:)``).
public struct KaplanMeierPlot: Sendable {
    /// The title (also the accessible name).
    public var title: String
    /// The x-axis title.
    public var xLabel: String
    /// The y-axis title.
    public var yLabel: String
    /// The curves, drawn in order with ``PlotPalette/style(_:)`` of their index.
    public var curves: [Curve]
    /// Whether to shade the pointwise confidence bands.
    public var showsConfidenceBands: Bool
    /// The right end of the time axis; nil for the largest time of any curve.
    public var xMax: Double?
    /// Times of the numbers-at-risk columns; nil for the x ticks.
    public var atRiskTimes: [Double]?
    /// Use week multiples (7, 14, 28, 56) for the time ticks when the axis spans up to about 26 weeks.
    public var prefersWeekTicks: Bool
    /// A panel of differences from a reference under the at-risk table (`relief compare`); nil for none.
    public var differences: DifferencePanel?
    /// The y axis's range; nil for 0...1 (a survival curve). A cumulative hazard sets 0...its largest limit.
    public var yRange: ClosedRange<Double>?

    /// Creates a plot.
    /// - Parameters:
    ///   - title: The title.
    ///   - xLabel: The x-axis title (default "Days since infusion").
    ///   - yLabel: The y-axis title (default "Proportion still in relief").
    ///   - curves: The curves.
    ///   - showsConfidenceBands: Shade the confidence bands (default true).
    ///   - xMax: Right end of the time axis; nil for the largest time.
    ///   - atRiskTimes: Times of the at-risk columns; nil for the x ticks.
    ///   - prefersWeekTicks: Week-multiple ticks on short day axes (default true).
    public init(title: String, xLabel: String = "Days since infusion", yLabel: String = "Proportion still in relief",
                curves: [Curve], showsConfidenceBands: Bool = true, xMax: Double? = nil,
                atRiskTimes: [Double]? = nil, prefersWeekTicks: Bool = true) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.curves = curves
        self.showsConfidenceBands = showsConfidenceBands
        self.xMax = xMax
        self.atRiskTimes = atRiskTimes
        self.prefersWeekTicks = prefersWeekTicks
    }

    /// Height of the data area in pixels.
    package static let plotHeight = 300.0
    /// Height of one at-risk row.
    package static let rowHeight = 18.0
    /// Longest row label in the at-risk table, in characters.
    package static let maxRowLabelCharacters = 20

    /// The plot as one `<svg>` element (a "no data" document when no curve has a finite point).
    /// - Returns: SVG markup.
    /// - Complexity: O(total points of all curves).
    public func svg() -> String {
        guard curves.contains(where: { !$0.finitePoints.isEmpty }) else {
            return SVGDocument.noData(title: title)
        }
        let width = SVGDocument.width
        let left = leftMargin
        let legend = legendItems
        let legendRows = legend.rowCount(width: width - left - 16)
        let legendTop = title.isEmpty ? 10.0 : 34.0
        let area = PlotArea(left: left, top: legendTop + Double(legendRows) * PlotLegend.rowHeight + 12,
                            width: width - left - 28, height: Self.plotHeight)
        let x = xScale(area: area)
        let y = AxisScale(lower: yRange?.lowerBound ?? 0, upper: yRange?.upperBound ?? 1, rangeStart: area.bottom, rangeEnd: area.top)
        let xTicks = x.ticks(targetCount: 7)

        var body = SVGWriter()
        SVGDocument.drawTitle(title, into: &body)
        legend.draw(left: left, top: legendTop, width: width - left - 16, into: &body)
        area.drawYAxis(y, ticks: y.ticks(targetCount: 5), into: &body)
        if showsConfidenceBands { drawBands(x: x, y: y, into: &body) }
        drawCurves(x: x, y: y, into: &body)
        area.drawXAxis(x, ticks: xTicks, into: &body)
        area.drawYTitle(yLabel, x: left - 46, into: &body)
        area.drawXTitle(xLabel, y: area.bottom + 40, into: &body)
        let tableTop = area.bottom + 66
        drawAtRiskTable(x: x, times: atRiskTimes ?? xTicks, top: tableTop, into: &body)
        var height = tableTop + Double(curves.count) * Self.rowHeight + 14
        if let differences, !differences.curves.isEmpty {
            height = drawDifferences(differences, x: x, top: height + 16, left: left, into: &body)
        }
        return SVGDocument.wrap(width: width, height: height, title: title, body: body)
    }

    /// The time axis: from min(0, first time) to `xMax` (or the last time of any curve).
    package func xScale(area: PlotArea) -> AxisScale {
        let finiteTimes = curves.flatMap { $0.finitePoints.map(\.time) }
        let start = min(0, finiteTimes.min() ?? 0)
        let end = xMax.flatMap { $0.isFinite && $0 > start ? $0 : nil } ?? (finiteTimes.max() ?? 1)
        return AxisScale(lower: start, upper: end, rangeStart: area.left, rangeEnd: area.right,
                         prefersWeeks: prefersWeekTicks)
    }

    /// Room for the at-risk row labels (key + text), half of the first column's count, and the y-axis
    /// labels.
    package var leftMargin: Double {
        let longest = curves.map { SVGDocument.textWidth(Self.rowLabel($0.label)) }.max() ?? 0
        return min(max(72, 40 + longest + 28), 230)
    }

    /// The at-risk row label as shown: escaped and cut with an ellipsis.
    package static func rowLabel(_ label: String) -> String {
        ReportText.truncated(ReportText.escaped(label), width: maxRowLabelCharacters)
    }

    /// Legend: one line key per curve, then a note on the bands and the censoring marks (when any).
    package var legendItems: PlotLegend {
        var items = curves.enumerated().map { index, curve in
            PlotLegend.Item(key: .line(PlotPalette.style(index)), label: curve.label)
        }
        var notes = curves.contains(where: { !$0.censorTimes.isEmpty }) ? ["+ censored"] : []
        if showsConfidenceBands {
            let level = curves.lazy.compactMap(\.confidenceLevel).first
            let percent = level.flatMap { SVGNumber.general($0 * 100, significant: 3) }
            notes.insert("shaded: " + (percent.map { $0 + "% " } ?? "") + "confidence band", at: 0)
        }
        if !notes.isEmpty { items.append(PlotLegend.Item(key: .none, label: notes.joined(separator: "; "))) }
        if showsConfidenceBands, let name = curves.lazy.compactMap(\.simultaneousName).first {
            let percent = curves.lazy.compactMap(\.confidenceLevel).first.flatMap { SVGNumber.general($0 * 100, significant: 3) }
            items.append(PlotLegend.Item(key: .none, label: "lighter: " + (percent.map { $0 + "% " } ?? "") + name + " band"))
        }
        return PlotLegend(items: items)
    }
}
