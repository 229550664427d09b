/// One value in a ``ReportTable``. Cells hold values, not text: each renderer formats them
/// (the terminal table rounds, CSV and JSON keep full precision).
public enum ReportCell: Sendable, Equatable {
    /// Text, e.g. a group label taken from the input (may contain anything, including control
    /// characters; renderers escape it as their format needs).
    case text(String)
    /// A count.
    case integer(Int)
    /// A real number; `nil` (or a non-finite value) is unknown, shown as the column's missing label.
    case number(Double?)
    /// Nothing to show.
    case empty
}
