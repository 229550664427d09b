/// The series styles of Relief's plots: the Okabe–Ito colour-blind-safe colours, each paired with its
/// own dash pattern and marker shape so that series stay distinguishable in grey print.
///
/// Okabe M, Ito K (2008). Color Universal Design (CUD): how to make figures and presentations that are
/// friendly to colorblind people. https://jfly.uni-koeln.de/color/
public enum PlotPalette {
    /// Colours in drawing order: blue, vermillion, bluish green, reddish purple, orange, sky blue.
    /// Adjacent colours differ in lightness as well as hue.
    public static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
    /// Dash patterns in drawing order (nil = solid).
    public static let dashArrays: [String?] = [nil, "7 3", "2 2", "9 3 2 3", "4 2", "12 3 2 3 2 3"]
    /// Marker shapes in drawing order.
    public static let markers: [SeriesStyle.Marker] = [
        .circle, .square, .triangle, .diamond, .openCircle, .openSquare,
    ]
    /// Colour of axes, tick labels and text.
    package static let ink = "#222222"
    /// Colour of grid lines.
    package static let grid = "#DDDDDD"
    /// Colour of secondary text (notes, the at-risk header).
    package static let muted = "#555555"

    /// The style of series `index` (0-based). Any index is accepted, negative or huge: the first six
    /// series get distinct colours, dashes and markers; after that the colour cycles and the dash and
    /// marker shift, so series 0 and 6 still differ in dash and marker.
    /// - Parameter index: The series index.
    /// - Returns: The style.
    /// - Complexity: O(1).
    public static func style(_ index: Int) -> SeriesStyle {
        let count = colours.count
        let position = wrapped(index, count)
        let cycle = wrapped(index / count, count)
        return SeriesStyle(colour: colours[position],
                           dashArray: dashArrays[wrapped(position + cycle, dashArrays.count)],
                           marker: markers[wrapped(position + 2 * cycle, markers.count)])
    }

    /// `value` modulo `count` in 0..<count, for any `value` (no overflow: the remainder is taken first).
    package static func wrapped(_ value: Int, _ count: Int) -> Int {
        guard count > 0 else { return 0 }
        let remainder = value % count
        return remainder < 0 ? remainder + count : remainder
    }
}
