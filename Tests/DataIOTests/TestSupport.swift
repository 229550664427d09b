import Foundation
import Testing
@testable import DataIO

/// Helpers shared by the DataIO tests.
enum TestSupport {
    /// The path of a fixture in the test bundle's `Fixtures` folder.
    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let path = url.appendingPathComponent(name).path
        #expect(FileManager.default.fileExists(atPath: path), "fixture \(name) missing")
        return path
    }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    static func temporaryFile(_ bytes: [UInt8], name: String = "data.csv") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dataio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Writes UTF-8 `text` to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String = "data.csv") throws -> String {
        try temporaryFile(Array(text.utf8), name: name)
    }

    /// Reads `path` with the given options.
    static func read(
        _ path: String, dialect: CSVDialect = CSVDialect(), roles: ColumnRoles = ColumnRoles(),
        limits: CSVLimits = CSVLimits(), chunkSize: Int? = nil
    ) throws(DataError) -> SurvivalDataset {
        var reader = SurvivalDatasetReader(dialect: dialect, roles: roles, limits: limits)
        if let chunkSize { reader.chunkSize = chunkSize }
        return try reader.read(path: path)
    }

    /// The error thrown by reading `path`, or `nil` (recorded as an issue) when none is thrown.
    static func error(
        _ path: String, dialect: CSVDialect = CSVDialect(), roles: ColumnRoles = ColumnRoles(),
        limits: CSVLimits = CSVLimits(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> DataError? {
        do {
            _ = try read(path, dialect: dialect, roles: roles, limits: limits)
            Issue.record("expected an error reading \(path)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }
}
