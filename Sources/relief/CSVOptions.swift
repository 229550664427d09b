import ArgumentParser
import DataIO

/// Options for reading the CSV file: `--delimiter`, `--decimal-comma`, `--missing`, `--skip-invalid`, `--skip-lines`.
struct CSVOptions: ParsableArguments {
    @Option(help: "Field separator: ',' (the default), ';', tab, or auto (detect from the header; the default with --decimal-comma).")
    var delimiter: CSVDialect.Delimiter?

    @Flag(help: "Numbers use a decimal comma (1,5 = 1.5); use with --delimiter ';'.")
    var decimalComma = false

    @Option(help: ArgumentHelp("Comma-separated tokens that mean missing (the empty field included as ',,').", valueName: "tokens"))
    var missing = "NA,,."

    @Flag(help: "Exclude rows with invalid values (listed in the output) instead of stopping.")
    var skipInvalid = false

    @Option(help: ArgumentHelp("Lines above the header to skip (a title above the table).", valueName: "n"))
    var skipLines = 0

    mutating func validate() throws {
        try ValidationError.from { try dialect.validate() }
    }

    /// The dialect: `,` unless given (auto with `--decimal-comma`).
    var dialect: CSVDialect {
        CSVDialect(delimiter: delimiter, decimalComma: decimalComma, missing: missing, skipLines: skipLines)
    }
}
