/// A typed column of a ``ReportTable``: its header and how its numbers are shown in text formats.
public struct ReportColumn: Sendable, Equatable {
    /// How numbers in the column are shown in the terminal table and Markdown.
    public enum Style: Sendable, Equatable {
        /// Text, left-aligned; labels taken from the input, truncated in terminal tables.
        case label
        /// Text written by Relief (reasons, explanations), left-aligned; escaped but never truncated.
        case prose
        /// Integer counts, right-aligned.
        case count
        /// A fixed number of decimals, e.g. 4 for survival probabilities.
        case fixed(decimals: Int)
        /// Up to `significant` significant digits, trailing zeros dropped (times, medians).
        case general(significant: Int)
        /// A p-value: 4 decimals, or `<0.0001`-style scientific form below 1e-4.
        case pValue
    }

    /// The header text.
    public var name: String
    /// How values are shown.
    public var style: Style
    /// The text shown for an unknown number (e.g. `NR` for "not reached", `NA`).
    public var missingLabel: String

    /// Creates a column.
    /// - Parameters:
    ///   - name: The header.
    ///   - style: How values are shown.
    ///   - missingLabel: Text for unknown numbers, `NA` by default.
    public init(_ name: String, style: Style, missingLabel: String = "NA") {
        self.name = name
        self.style = style
        self.missingLabel = missingLabel
    }

    /// Whether the column is right-aligned (every style but ``Style/label`` and ``Style/prose``).
    public var isRightAligned: Bool {
        switch style {
        case .label, .prose: return false
        default: return true
        }
    }
}
