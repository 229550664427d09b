import ArgumentParser
import DataIO

/// Options for reading the CSV file: `--delimiter`, `--decimal-comma`, `--missing`, `--skip-invalid`.
struct CSVOptions: ParsableArguments {
    @Option(help: "Field separator: ',' (the default), ';', tab, or auto (detect from the header; the default with --decimal-comma).")
    var delimiter: CSVDialect.Delimiter?

    @Flag(help: "Numbers use a decimal comma (1,5 = 1.5); use with --delimiter ';'.")
    var decimalComma = false

    @Option(help: ArgumentHelp("Comma-separated tokens that mean missing (the empty field included as ',,').", valueName: "tokens"))
    var missing = "NA,,."

    @Flag(help: "Exclude rows with invalid values (listed in the output) instead of stopping.")
    var skipInvalid = false

    mutating func validate() throws {
        if decimalComma, delimiter == .comma {
            throw ValidationError("--decimal-comma cannot be used with --delimiter ','; use --delimiter ';'")
        }
    }

    /// The delimiter in force: the one given, else `,` (or detection when numbers use a decimal comma).
    var effectiveDelimiter: CSVDialect.Delimiter {
        delimiter ?? (decimalComma ? .auto : .comma)
    }

    /// The missing-value tokens.
    var missingTokens: Set<String> {
        Set(missing.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
    }

    /// DataIO's dialect.
    var dialect: CSVDialect {
        CSVDialect(delimiter: effectiveDelimiter, decimalComma: decimalComma, missingTokens: missingTokens)
    }

    /// The provenance entries of these options.
    func provenanceOptions() -> [(String, String)] {
        var options: [(String, String)] = [("missing", missing)]
        if let delimiter { options.append(("delimiter", delimiter.argument)) }
        if decimalComma { options.append(("decimal-comma", "yes")) }
        if skipInvalid { options.append(("skip-invalid", "yes")) }
        return options
    }
}
