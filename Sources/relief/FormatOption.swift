import ArgumentParser
import Reporting

/// `--format`: table (default), markdown, csv or json.
enum FormatOption: String, ExpressibleByArgument, CaseIterable {
    case table
    case markdown
    case csv
    case json

    /// Reporting's format.
    var format: OutputFormat {
        switch self {
        case .table: return .table
        case .markdown: return .markdown
        case .csv: return .csv
        case .json: return .json
        }
    }
}
