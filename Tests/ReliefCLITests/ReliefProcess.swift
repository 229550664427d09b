import Foundation
import Testing

/// Runs the built `relief` binary (or another executable of the package, such as an example) and
/// captures its exit status, stdout and stderr.
///
/// The `relief` binary is `$RELIEF_BIN` if set (other executables are then looked for beside it first);
/// otherwise every executable is found next to the running test executable (on Linux the directory of `/proc/self/exe`, which holds `relief` and
/// `MedianAtTwoDoses` beside `ReliefPackageTests.xctest`), else searched upwards from the test bundle (macOS).
struct ReliefProcess {
    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        let stdoutData: Data
    }

    /// The package root (three levels above this file).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bad input files (the test bundle's copy of BadInputs, or the source folder).
    static let badInputs: URL = {
        if let url = Bundle.module.url(forResource: "BadInputs", withExtension: nil) { return url }
        return packageRoot.appendingPathComponent("Tests/ReliefCLITests/BadInputs")
    }()

    /// The `relief` executable, or `nil` if it cannot be found.
    static let binary: URL? = {
        if let path = ProcessInfo.processInfo.environment["RELIEF_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return executable(named: "relief")
    }()

    /// The package's executable `name`: beside `$RELIEF_BIN` if set and there, else built beside the
    /// tests; `nil` if it cannot be found.
    static func executable(named name: String) -> URL? {
        let manager = FileManager.default
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["RELIEF_BIN"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path).deletingLastPathComponent())
        }
        if let exe = try? manager.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            candidates.append(directory)
            directory = directory.deletingLastPathComponent()
        }
        for candidate in candidates {
            let url = candidate.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                manager.isExecutableFile(atPath: url.path)
            {
                return url
            }
        }
        return nil
    }

    /// Runs `relief arguments...` (or `program arguments...`) in `directory` (default: the package root),
    /// with `environment` added to this process's environment.
    static func run(
        _ arguments: [String], program: String = "relief", in directory: URL? = nil, environment extra: [String: String] = [:]
    ) throws -> Output {
        let found = program == "relief" ? Self.binary : Self.executable(named: program)
        let binary = try #require(found, "the \(program) binary was not found; build it (swift build --build-tests) or set RELIEF_BIN")
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("relief-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_NUM_THREADS"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        let stdoutData = try Data(contentsOf: outURL)
        let stderrData = try Data(contentsOf: errURL)
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self), stdoutData: stdoutData)
    }

    /// A fresh temporary directory for outputs.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("relief-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
