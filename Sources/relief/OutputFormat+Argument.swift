import ArgumentParser
import Reporting

/// `--format` of the data commands: table, markdown, csv or json.
extension OutputFormat: ExpressibleByArgument {
    public init?(argument: String) {
        guard let format = OutputFormat(rawValue: argument), Self.allValueStrings.contains(argument) else { return nil }
        self = format
    }

    public static var allValueStrings: [String] { ["table", "markdown", "csv", "json"] }
}
