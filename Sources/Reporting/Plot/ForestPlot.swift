/// A forest plot as SVG: one row per term with its label on the left, a square at the ratio and a line
/// for its confidence interval on a log axis, a dotted line at the reference value, and the numbers
/// ("1.52 (1.38, 1.67)") in a right column. Intervals running past the axis end in an arrow.
///
/// Output is deterministic, labels are escaped, and nothing external is referenced.
public struct ForestPlot: Sendable {
    /// The title (may be empty; the accessible name is then "Forest plot").
    public var title: String
    /// The rows, top to bottom.
    public var rows: [Row]
    /// The x-axis title, e.g. "Time ratio (95% CI), log scale".
    public var xLabel: String
    /// Where the dotted "no effect" line goes (1 for ratios).
    public var referenceValue: Double
    /// Heading of the right column.
    public var estimateHeader: String
    /// A fixed axis range; nil to fit the estimates (limits may widen it up to tenfold beyond them).
    public var xRange: ClosedRange<Double>?

    /// Creates a forest plot.
    /// - Parameters:
    ///   - title: The title (default none).
    ///   - rows: The rows.
    ///   - xLabel: The x-axis title.
    ///   - referenceValue: The reference line's value (default 1).
    ///   - estimateHeader: Heading of the numbers column (default "Estimate (95% CI)").
    ///   - xRange: A fixed axis range, or nil.
    public init(title: String = "", rows: [Row], xLabel: String = "Ratio (95% CI), log scale",
                referenceValue: Double = 1, estimateHeader: String = "Estimate (95% CI)",
                xRange: ClosedRange<Double>? = nil) {
        self.title = title
        self.rows = rows
        self.xLabel = xLabel
        self.referenceValue = referenceValue
        self.estimateHeader = estimateHeader
        self.xRange = xRange
    }

    /// Height of one row.
    package static let rowHeight = 24.0
    /// Width of the right (numbers) column.
    package static let textColumnWidth = 170.0
    /// Longest label shown, in characters.
    package static let maxLabelCharacters = 48

    /// The plot as one `<svg>` element (a "no data" document for no rows).
    /// - Returns: SVG markup.
    /// - Complexity: O(rows).
    public func svg() -> String {
        let name = "Forest plot"
        guard !rows.isEmpty else { return SVGDocument.noData(title: title, fallbackName: name) }
        let width = SVGDocument.width
        let headerY = title.isEmpty ? 20.0 : 46.0
        let longest = rows.map { SVGDocument.textWidth(Self.shownLabel($0.label)) + 14 }.max() ?? 0
        let labelWidth = min(max(130, 12 + longest + 12), 330)
        let area = PlotArea(left: labelWidth, top: headerY + 10, width: width - labelWidth - Self.textColumnWidth - 10,
                            height: Double(rows.count) * Self.rowHeight)
        let x = xScale(area: area)
        let textX = area.right + 14

        var body = SVGWriter()
        SVGDocument.drawTitle(title, into: &body)
        body.text(estimateHeader, x: textX, y: headerY, [("font-weight", "bold"), ("fill", PlotPalette.ink)])
        drawRowBackgrounds(area: area, width: width, into: &body)
        area.drawXAxis(x, ticks: x.ticks(targetCount: 6), into: &body, grid: true)
        if let rx = x.position(of: referenceValue), x.contains(referenceValue) {
            body.line(x1: rx, y1: area.top, x2: rx, y2: area.bottom,
                      [("stroke", PlotPalette.ink), ("stroke-width", "1.2"), ("stroke-dasharray", "2 3"),
                       ("class", "rp-reference")])
        }
        drawRows(area: area, x: x, textX: textX, into: &body)
        area.drawXTitle(xLabel, y: area.bottom + 40, into: &body)
        return SVGDocument.wrap(width: width, height: area.bottom + 56, title: title, body: body, fallbackName: name)
    }

    /// The label as shown: escaped and cut with an ellipsis.
    package static func shownLabel(_ label: String) -> String {
        ReportText.truncated(ReportText.escaped(label), width: maxLabelCharacters)
    }

    /// The log axis: `xRange` when given, else the estimates and the reference value, widened by the
    /// limits up to a factor of 10 beyond them, extended to 1-2-5 values.
    package func xScale(area: PlotArea) -> AxisScale {
        if let xRange {
            return AxisScale(kind: .log10, lower: xRange.lowerBound, upper: xRange.upperBound,
                             rangeStart: area.left, rangeEnd: area.right)
        }
        func usable(_ value: Double?) -> Double? {
            guard let value, value.isFinite, value > 0 else { return nil }
            return value
        }
        let centres = rows.compactMap { usable($0.estimate) } + [usable(referenceValue)].compactMap { $0 }
        var low = centres.min() ?? 0.5, high = centres.max() ?? 2
        let limits = rows.filter { usable($0.estimate) != nil }.flatMap { [usable($0.lower), usable($0.upper)] }
            .compactMap { $0 }
        let floor = low / 10, ceiling = high * 10
        for limit in limits {
            low = min(low, max(limit, floor))
            high = max(high, min(limit, ceiling))
        }
        if high <= low {
            low /= 2
            high *= 2
        }
        let scale = AxisScale(kind: .log10, lower: low / 1.05, upper: high * 1.05, rangeStart: area.left,
                              rangeEnd: area.right)
        return scale.niceExtended(targetCount: 6)
    }
}
