/// How a CSV file is written: its delimiter, decimal mark and missing-value tokens.
public struct CSVDialect: Sendable, Equatable {
    /// The field separator.
    public enum Delimiter: Sendable, Equatable, CaseIterable {
        /// Sniff the header: the candidate among `,` `;` tab that splits the header into the most
        /// fields consistently with the first data lines.
        case auto
        /// `,`
        case comma
        /// `;`
        case semicolon
        /// tab (`\t`)
        case tab

        /// The byte of a concrete delimiter; `nil` for ``auto``.
        public var byte: UInt8? {
            switch self {
            case .auto: return nil
            case .comma: return UInt8(ascii: ",")
            case .semicolon: return UInt8(ascii: ";")
            case .tab: return UInt8(ascii: "\t")
            }
        }

        /// The name used in messages and in ``SourceInfo/delimiter``: `auto`, `comma`, `semicolon`, `tab`.
        public var name: String {
            switch self {
            case .auto: return "auto"
            case .comma: return "comma"
            case .semicolon: return "semicolon"
            case .tab: return "tab"
            }
        }

        /// Parses a command-line spelling: `,` `comma`, `;` `semicolon`, `tab` `\t` (a real tab too), `auto`.
        /// - Parameter option: The spelling.
        /// - Returns: The delimiter, or `nil` for anything else.
        public init?(option: String) {
            switch option.lowercased() {
            case ",", "comma": self = .comma
            case ";", "semicolon": self = .semicolon
            case "tab", "\\t", "\t": self = .tab
            case "auto": self = .auto
            default: return nil
            }
        }

        /// How the delimiter is spelled on the command line: `,` `;` `tab`.
        public var optionSpelling: String {
            switch self {
            case .auto: return "auto"
            case .comma: return ","
            case .semicolon: return ";"
            case .tab: return "tab"
            }
        }
    }

    /// The field separator; ``Delimiter/auto`` by default.
    public var delimiter: Delimiter = .auto
    /// Whether numbers use a decimal comma (`12,5` = 12.5). Only valid with a non-comma delimiter.
    public var decimalComma = false
    /// Field values meaning "missing" (compared after trimming spaces of unquoted fields).
    public var missingTokens: Set<String> = ["NA", "", "."]
    /// Lines before the header to skip (a title above the table, `--skip-lines`).
    public var skipLines = 0

    /// Creates a dialect.
    /// - Parameters:
    ///   - delimiter: The field separator.
    ///   - decimalComma: Whether numbers use a decimal comma.
    ///   - missingTokens: Values meaning "missing".
    ///   - skipLines: Lines before the header to skip.
    public init(
        delimiter: Delimiter = .auto, decimalComma: Bool = false, missingTokens: Set<String> = ["NA", "", "."],
        skipLines: Int = 0
    ) {
        self.delimiter = delimiter
        self.decimalComma = decimalComma
        self.missingTokens = missingTokens
        self.skipLines = skipLines
    }

    /// Creates the dialect of command-line options: the delimiter when given, else `,` (detected with a
    /// decimal comma), and the missing tokens of a comma-separated list (``missingTokens(parsing:)``).
    /// - Parameters:
    ///   - delimiter: The field separator given (`--delimiter`), or nil.
    ///   - decimalComma: Whether numbers use a decimal comma.
    ///   - missing: The missing tokens as written (`--missing NA,,.`).
    ///   - skipLines: Lines before the header to skip.
    public init(delimiter: Delimiter?, decimalComma: Bool, missing: String, skipLines: Int) {
        self.init(
            delimiter: delimiter ?? (decimalComma ? .auto : .comma), decimalComma: decimalComma,
            missingTokens: Self.missingTokens(parsing: missing), skipLines: skipLines)
    }

    /// Checks the dialect: a decimal comma needs a delimiter other than `,`; the lines to skip are 0 or more.
    /// - Throws: ``DataError`` of kind usage.
    public func validate() throws(DataError) {
        if decimalComma, delimiter == .comma {
            throw DataError(.usage, message: "--decimal-comma cannot be used with --delimiter ','; use --delimiter ';'")
        }
        if skipLines < 0 { throw DataError(.usage, message: "--skip-lines must be 0 or more") }
    }

    /// The missing-value tokens of a comma-separated list (`--missing NA,,.`; an empty token included).
    /// - Parameter list: The list as given.
    /// - Returns: The tokens.
    public static func missingTokens(parsing list: String) -> Set<String> {
        Set(list.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }
}
