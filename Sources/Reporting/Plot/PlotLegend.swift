/// A legend laid out in rows: each item is a style key (line sample and/or marker, or a shaded swatch)
/// followed by its label; items wrap to a new row when the width is used up.
package struct PlotLegend {
    /// One legend entry.
    package struct Item {
        /// How the key is drawn.
        package enum Key {
            /// Line sample in the style (its dash pattern), without a marker.
            case line(SeriesStyle)
            /// The style's marker alone.
            case marker(SeriesStyle)
            /// A shaded swatch in the colour with a line in the style through it.
            case band(SeriesStyle)
            /// No key: the label alone (a note).
            case none
        }

        /// The key.
        package var key: Key
        /// The label (escaped when written).
        package var label: String
    }

    /// Width of a key.
    package static let keyWidth = 30.0
    /// Height of one legend row.
    package static let rowHeight = 18.0
    /// Longest label shown, in characters.
    package static let maxLabelCharacters = 40

    /// The entries.
    package var items: [Item]

    /// Positions of the items when laid out from `left` within `width`: (x, row index) per item.
    package func layout(width: Double) -> [(x: Double, row: Int)] {
        var positions: [(x: Double, row: Int)] = []
        var x = 0.0, row = 0
        for item in items {
            let w = itemWidth(item)
            if x > 0, x + w > width {
                x = 0
                row += 1
            }
            positions.append((x: x, row: row))
            x += w + 18
        }
        return positions
    }

    /// Number of rows when laid out within `width` (0 for no items).
    package func rowCount(width: Double) -> Int {
        guard let last = layout(width: width).last else { return 0 }
        return last.row + 1
    }

    /// Writes the legend with its first row's centre line at `top + rowHeight / 2`.
    /// - Parameters:
    ///   - left: Left edge.
    ///   - top: Top edge.
    ///   - width: Available width.
    ///   - writer: The writer to append to.
    package func draw(left: Double, top: Double, width: Double, into writer: inout SVGWriter) {
        guard !items.isEmpty else { return }
        writer.open("g", [("class", "rp-legend")])
        for (item, position) in zip(items, layout(width: width)) {
            let x = left + position.x
            let y = top + Double(position.row) * Self.rowHeight + Self.rowHeight / 2
            var textX = x + Self.keyWidth + 6
            switch item.key {
            case .line(let style):
                style.drawKey(into: &writer, x: x, y: y, length: Self.keyWidth, showsMarker: false)
            case .marker(let style):
                style.drawMarker(into: &writer, x: x + Self.keyWidth / 2, y: y, size: 7)
            case .band(let style):
                writer.rect(x: x, y: y - 6, width: Self.keyWidth, height: 12,
                            [("fill", style.colour), ("fill-opacity", "0.18")])
                writer.line(x1: x, y1: y, x2: x + Self.keyWidth, y2: y, style.strokeAttributes(width: 2))
            case .none:
                textX = x
            }
            writer.text(Self.shown(item.label), x: textX, y: y + 4, [("fill", PlotPalette.ink)])
        }
        writer.close("g")
    }

    /// The label as shown: cut to ``maxLabelCharacters`` with an ellipsis.
    package static func shown(_ label: String) -> String {
        ReportText.truncated(ReportText.escaped(label), width: maxLabelCharacters)
    }

    /// Width of an item (key, gap, label).
    package func itemWidth(_ item: Item) -> Double {
        let text = SVGDocument.textWidth(Self.shown(item.label))
        if case .none = item.key { return text }
        return Self.keyWidth + 6 + text
    }
}
