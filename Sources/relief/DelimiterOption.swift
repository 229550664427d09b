import ArgumentParser
import DataIO

/// `--delimiter`: `auto`, `,` (or `comma`), `;` (or `semicolon`), `tab` (or a literal tab).
enum DelimiterOption: String, ExpressibleByArgument, CaseIterable {
    case auto
    case comma = ","
    case semicolon = ";"
    case tab

    init?(argument: String) {
        switch argument.lowercased() {
        case "auto": self = .auto
        case ",", "comma": self = .comma
        case ";", "semicolon": self = .semicolon
        case "tab", "\t", "\\t": self = .tab
        default: return nil
        }
    }

    /// DataIO's delimiter.
    var delimiter: CSVDialect.Delimiter {
        switch self {
        case .auto: return .auto
        case .comma: return .comma
        case .semicolon: return .semicolon
        case .tab: return .tab
        }
    }
}
