/// How one data series is drawn: colour, dash pattern and marker shape, so that series differ by more
/// than colour (readable when printed in grey).
public struct SeriesStyle: Sendable, Equatable {
    /// Marker shapes, drawn in the series colour.
    public enum Marker: String, Sendable, Equatable, CaseIterable {
        /// Filled circle.
        case circle
        /// Filled square.
        case square
        /// Filled triangle, point up.
        case triangle
        /// Filled diamond.
        case diamond
        /// Open circle (white fill, coloured outline).
        case openCircle
        /// Open square (white fill, coloured outline).
        case openSquare
    }

    /// The colour as `#RRGGBB`.
    public let colour: String
    /// The SVG `stroke-dasharray` value; nil for a solid line.
    public let dashArray: String?
    /// The marker shape.
    public let marker: Marker

    /// Creates a style.
    /// - Parameters:
    ///   - colour: `#RRGGBB`.
    ///   - dashArray: `stroke-dasharray` value such as `"7 3"`, or nil for solid.
    ///   - marker: The marker shape.
    public init(colour: String, dashArray: String?, marker: Marker) {
        self.colour = colour
        self.dashArray = dashArray
        self.marker = marker
    }

    /// Stroke attributes for a line in this style (`stroke`, `stroke-width`, `fill="none"`, dashes).
    /// - Parameter width: The stroke width in pixels.
    /// - Returns: Attribute pairs for ``SVGWriter``.
    package func strokeAttributes(width: Double = 2) -> [(String, String)] {
        var attributes = [("fill", "none"), ("stroke", colour), ("stroke-width", SVGNumber.coordinate(width))]
        if let dashArray { attributes.append(("stroke-dasharray", dashArray)) }
        return attributes
    }
}
