/// Provenance of a dataset: which file, its SHA-256, size, rows and delimiter.
public struct SourceInfo: Sendable, Equatable {
    /// The path as given.
    public let file: String
    /// The SHA-256 of the file's bytes, lowercase hex (as `sha256sum`).
    public let sha256: String
    /// The file size in bytes.
    public let byteCount: Int
    /// The number of data records read (header and blank lines not counted).
    public let rowsRead: Int
    /// The delimiter used: `comma`, `semicolon` or `tab`.
    public let delimiter: String
    /// Whether the delimiter differs from the one asked for because the header showed another (a
    /// header with `;` and no `,` read as `;`-separated).
    public var isDelimiterDetected = false
}
