import DataIO
import Foundation

extension SimulatedTrial {
    /// The truth file beside a CSV: a trailing `.csv` (any case) replaced by `.truth.json`, else
    /// `.truth.json` appended.
    /// - Parameter csvPath: The CSV file.
    /// - Returns: The truth file's path.
    public static func truthPath(for csvPath: String) -> String {
        if csvPath.count > 4, csvPath.lowercased().hasSuffix(".csv") {
            return String(csvPath.dropLast(4)) + ".truth.json"
        }
        return csvPath + ".truth.json"
    }

    /// Writes the episodes as CSV to `path` and the truth as JSON beside it (``truthPath(for:)``), each
    /// atomically; a new CSV is never left without its truth.
    /// - Parameter path: The CSV file.
    /// - Returns: The truth file's path.
    /// - Throws: `DataError` (cannot write), or the truth's encoding error.
    @discardableResult
    public func write(to path: String) throws -> String {
        let truthPath = Self.truthPath(for: path)
        let truthData = try truth.jsonData()
        let files = AtomicFileSet(writer: AtomicFileWriter())
        try files.stage(Data(csvBytes()), to: path)
        try files.stage(truthData, to: truthPath)
        try files.commit()
        return truthPath
    }
}
