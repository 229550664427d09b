/// The output formats every renderer supports.
///
/// - `table`: aligned plain text for a terminal (the default);
/// - `markdown`: GitHub-flavoured Markdown tables;
/// - `csv`: one tidy RFC 4180 table;
/// - `json`: one JSON object with snake_case keys, `null` for unknown values;
/// - `html`: one self-contained HTML page of the document (inline CSS, no scripts, nothing fetched);
/// - `svg`: the result's figure alone, one self-contained SVG document (only results that have one).
public enum OutputFormat: String, Sendable, CaseIterable, Equatable {
    /// Aligned terminal text.
    case table
    /// Markdown tables.
    case markdown
    /// RFC 4180 CSV.
    case csv
    /// JSON.
    case json
    /// A self-contained HTML page.
    case html
    /// The figure as one SVG document.
    case svg

    /// The names as a reader's list, e.g. "table, markdown, csv or json".
    /// - Parameter formats: The formats, in order.
    /// - Returns: The list.
    public static func list(_ formats: [OutputFormat]) -> String {
        let names = formats.map(\.rawValue)
        guard let last = names.last else { return "" }
        return names.count == 1 ? last : names.dropLast().joined(separator: ", ") + " or " + last
    }
}
