import ArgumentParser
import DataIO

/// `--delimiter`: `auto`, `,` (or `comma`), `;` (or `semicolon`), `tab` (or a literal tab), parsed by DataIO.
extension CSVDialect.Delimiter: ExpressibleByArgument {
    public init?(argument: String) { self.init(option: argument) }

    public static var allValueStrings: [String] { ["auto", ",", ";", "tab"] }
}
