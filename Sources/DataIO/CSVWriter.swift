import Foundation

/// Writes CSV text per RFC 4180 with `\n` line ends.
///
/// A field is quoted when it contains the delimiter, a double quote, CR or LF (or has a leading or
/// trailing space); quotes inside a quoted field are doubled (`a"b` -> `"a""b"`). Everything else is written verbatim.
///
/// ```swift
/// let w = CSVWriter()
/// let text = w.string(header: ["name", "note"], rows: [["a", "x,y"]])   // "name,note\na,\"x,y\"\n"
/// ```
public struct CSVWriter: Sendable {
    /// The field separator (a single ASCII character; default `,`).
    public var delimiter: Character

    /// Creates a writer.
    /// - Parameter delimiter: The field separator, `,` by default.
    public init(delimiter: Character = ",") {
        self.delimiter = delimiter
    }

    /// Whether `field` needs quoting: it holds the delimiter, `"`, CR or LF, or starts or ends with a
    /// space (quoted so that readers which trim unquoted fields, like ``SurvivalDatasetReader``, keep it).
    /// - Parameter field: The raw field text.
    /// - Returns: `true` when the field must be quoted.
    /// - Complexity: O(n) in the field length.
    public func needsQuoting(_ field: String) -> Bool {
        if field.first == " " || field.last == " " { return true }
        for scalar in field.unicodeScalars {
            if scalar == "\"" || scalar == "\r" || scalar == "\n" { return true }
            if Character(scalar) == delimiter { return true }
        }
        return false
    }

    /// Encodes one field, quoting it when needed.
    /// - Parameter field: The raw field text.
    /// - Returns: The field as it appears in the file.
    /// - Complexity: O(n) in the field length.
    public func encodeField(_ field: String) -> String {
        guard needsQuoting(field) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Encodes one record (without the line end).
    /// - Parameter fields: The raw fields.
    /// - Returns: The encoded fields joined by the delimiter.
    /// - Complexity: O(total field length).
    public func encodeRecord(_ fields: [String]) -> String {
        fields.map(encodeField).joined(separator: String(delimiter))
    }

    /// Encodes a header and rows as CSV text, each record ending in `\n`.
    /// - Parameters:
    ///   - header: The column names.
    ///   - rows: The data records (field counts are written as given).
    /// - Returns: The CSV text.
    /// - Complexity: O(total field length).
    public func string(header: [String], rows: [[String]]) -> String {
        var out = encodeRecord(header) + "\n"
        for row in rows {
            out += encodeRecord(row)
            out += "\n"
        }
        return out
    }

    /// Encodes a header and rows as UTF-8 CSV bytes.
    /// - Parameters:
    ///   - header: The column names.
    ///   - rows: The data records.
    /// - Returns: The UTF-8 encoded CSV text.
    /// - Complexity: O(total field length).
    public func data(header: [String], rows: [[String]]) -> Data {
        Data(string(header: header, rows: rows).utf8)
    }
}
