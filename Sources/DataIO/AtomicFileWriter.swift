import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file atomically: the bytes go to a temporary file in the destination's directory, which
/// is then renamed over the destination, so readers see either the old file or the complete new one.
///
/// The writer refuses to write to a destination that resolves (symbolic links, `..`, relative paths,
/// hard links to the same inode) to one of `protectedPaths`, typically the input files, so
/// `relief summary in.csv -o in.csv` cannot destroy its input. On any failure the temporary file is
/// removed and the destination is left untouched. No `fsync` is done.
public struct AtomicFileWriter: Sendable {
    /// Paths that must never be overwritten (e.g. the input files).
    public let protectedPaths: [String]

    /// Creates a writer.
    /// - Parameter protectedPaths: Paths that must not be overwritten.
    public init(protectedPaths: [String] = []) {
        self.protectedPaths = protectedPaths
    }

    /// Writes `data` to `path` atomically.
    /// - Parameters:
    ///   - data: The complete file content.
    ///   - path: The destination path.
    /// - Throws: ``DataError`` of kind ``DataError/Kind/cannotWrite`` when the destination is a
    ///   protected input, a directory, or the directory cannot be written.
    /// - Complexity: O(n) in `data.count`.
    public func write(_ data: Data, to path: String) throws(DataError) {
        guard !path.isEmpty else {
            throw DataError(.cannotWrite, message: "the output path is empty", hint: "give a file name with -o")
        }
        let destination = Self.resolve(path)
        for protected in protectedPaths where !protected.isEmpty {
            if Self.resolve(protected) == destination || Self.sameInode(protected, path) {
                throw DataError(
                    .cannotWrite, file: path,
                    message: "refusing to overwrite the input file '\(protected)'",
                    hint: "choose a different output path with -o")
            }
        }
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw DataError(
                .cannotWrite, file: path, message: "the output path is a directory",
                hint: "give a file name, e.g. \(path)/summary.txt")
        }
        let directory = Self.directory(of: path)
        let base = Self.lastComponent(of: path)
        var template = Array((directory + "/." + base + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            throw DataError(
                .cannotWrite, file: path,
                message: "cannot create a file in directory '\(directory)': \(reason)",
                hint: "check that the directory exists and is writable")
        }
        let tempPath = template.withUnsafeBufferPointer { buffer -> String in
            guard let base = buffer.baseAddress else { return "" }
            return String(cString: base)
        }
        // Keep the permissions of an existing destination; otherwise rw-r--r--.
        var existing = stat()
        let mode: mode_t = stat(path, &existing) == 0 ? (existing.st_mode & 0o7777) : 0o644
        _ = fchmod(fd, mode)

        var failure: String?
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let start = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(fd, start + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = String(cString: strerror(errno))
                    return
                }
                offset += written
            }
        }
        if close(fd) != 0, failure == nil {
            failure = String(cString: strerror(errno))
        }
        if let failure {
            unlink(tempPath)
            throw DataError(
                .cannotWrite, file: path, message: "writing failed: \(failure)",
                hint: "check free disk space and permissions")
        }
        if rename(tempPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tempPath)
            throw DataError(
                .cannotWrite, file: path, message: "cannot move the output into place: \(reason)",
                hint: "check permissions of the destination")
        }
    }

    /// Writes UTF-8 text to `path` atomically; see ``write(_:to:)``.
    /// - Parameters:
    ///   - text: The complete file content.
    ///   - path: The destination path.
    /// - Throws: ``DataError`` of kind ``DataError/Kind/cannotWrite``.
    public func write(_ text: String, to path: String) throws(DataError) {
        try write(Data(text.utf8), to: path)
    }

    // MARK: - Path helpers

    /// The canonical form of `path`: `realpath` of the file if it exists, else `realpath` of its
    /// directory plus the last component, else the standardized absolute path.
    static func resolve(_ path: String) -> String {
        if let real = realPath(path) { return real }
        let directory = directory(of: path)
        let last = lastComponent(of: path)
        if let realDirectory = realPath(directory) {
            return realDirectory == "/" ? "/" + last : realDirectory + "/" + last
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    private static func sameInode(_ a: String, _ b: String) -> Bool {
        var sa = stat()
        var sb = stat()
        guard stat(a, &sa) == 0, stat(b, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let head = path[..<slash]
        return head.isEmpty ? "/" : String(head)
    }

    static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
