import DataIO

/// The result of a job that makes a data file rather than a document (``EpisodesResult``,
/// ``SplitResult``): the file's bytes, an atomic write that never replaces the input, the warnings about
/// the input and a one-line summary for stderr.
public protocol DataFileResult: Sendable {
    /// The input file, which the output never replaces.
    var inputPath: String { get }
    /// The warnings about the input, in order.
    var warnings: [String] { get }
    /// Writes the file in pieces, each handed to `emit` in order (valid only during the call).
    func writeCSV<E: Error>(_ emit: (UnsafeRawBufferPointer) throws(E) -> Void) throws(E)
    /// One line for stderr saying what was made and where it went.
    /// - Parameter destination: Where the file went (a path, or `stdout`).
    func summaryLine(destination: String) -> String
}

extension DataFileResult {
    /// The file's bytes (``writeCSV(_:)`` in one array).
    /// - Complexity: O(bytes of the file).
    public func csvBytes() -> [UInt8] {
        var bytes: [UInt8] = []
        writeCSV { piece in bytes.append(contentsOf: piece) }
        return bytes
    }

    /// Writes the file to `path` atomically: never over the input, created readable by the owner only (it
    /// carries the input's columns, patient identifiers among them). The file is made and written in
    /// pieces (``writeCSV(_:)``), never held whole.
    /// - Parameter path: The output file.
    /// - Throws: ``AnalysisError`` (usage) for an empty path; `DataError` (cannot write) when the path is
    ///   the input or not a writable regular file, or the directory cannot be written.
    public func write(to path: String) throws {
        guard !path.isEmpty else { throw AnalysisError(.usage, "-o needs a file name") }
        try AtomicFileWriter(protectedPaths: [inputPath], isPrivate: true).write(to: path) { (emit) throws(DataError) in
            try writeCSV(emit)
        }
    }
}
