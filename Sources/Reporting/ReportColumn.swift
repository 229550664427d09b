/// A typed column of a ``ReportTable``: its header, the unit of its values and how its numbers are shown
/// in the reading formats (terminal, Markdown, HTML).
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
    /// The unit of the values (e.g. `days`), or `nil`; the reading formats show it in the header.
    public var unit: String?

    /// Creates a column.
    /// - Parameters:
    ///   - name: The header.
    ///   - style: How values are shown.
    ///   - missingLabel: Text for unknown numbers, `NA` by default.
    ///   - unit: The unit of the values, or `nil` (the default).
    public init(_ name: String, style: Style, missingLabel: String = "NA", unit: String? = nil) {
        self.name = name
        self.style = style
        self.missingLabel = missingLabel
        self.unit = unit
    }

    /// The header as the reading formats show it: the name, then the unit in parentheses when there is
    /// one (`RMST (days)`). CSV keeps the bare ``name`` as its field name.
    public var heading: String {
        guard let unit, !unit.isEmpty else { return name }
        return name + " (" + unit + ")"
    }

    /// Whether the column is right-aligned (every style but ``Style/label`` and ``Style/prose``).
    public var isRightAligned: Bool {
        switch style {
        case .label, .prose: return false
        default: return true
        }
    }
}
