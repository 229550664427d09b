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

    /// Creates source information.
    /// - Parameters:
    ///   - file: The path.
    ///   - sha256: The lowercase hex SHA-256.
    ///   - byteCount: The size in bytes.
    ///   - rowsRead: Data records read.
    ///   - delimiter: The delimiter name.
    public init(file: String, sha256: String, byteCount: Int, rowsRead: Int, delimiter: String) {
        self.file = file
        self.sha256 = sha256
        self.byteCount = byteCount
        self.rowsRead = rowsRead
        self.delimiter = delimiter
    }
}
