/// The output formats every renderer supports.
///
/// - `table`: aligned plain text for a terminal (the default);
/// - `markdown`: GitHub-flavoured Markdown tables;
/// - `csv`: one tidy RFC 4180 table;
/// - `json`: one JSON object with snake_case keys, `null` for unknown values;
/// - `html`: one self-contained HTML page of the document (inline CSS, no scripts, nothing fetched).
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
}
