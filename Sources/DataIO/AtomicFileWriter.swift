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
/// What it promises (README, "Security and robustness"):
/// - It refuses (``DataError/Kind/cannotWrite``, exit 73) a destination that resolves (symbolic links,
///   `..`, relative paths, hard links to the same inode) to one of `protectedPaths`, typically the input
///   files, so `relief summary in.csv -o in.csv` cannot destroy its input.
/// - It replaces only a writable regular file: a symbolic link (never followed to replace its target), a
///   FIFO, a device, a socket, a directory or a read-only file is refused.
/// - A new file is created with mode `0666 & ~umask`, or `0600` when `isPrivate` (outputs holding patient
///   identifiers); an existing file keeps its mode (`0600` at most when private). The temporary file is
///   `0600` until it is renamed, is registered with ``TemporaryFiles`` (removed on SIGINT/SIGTERM once
///   ``TemporaryFiles/removeOnInterrupt()`` is installed) and is removed on any failure; the destination
///   is then left untouched. No `fsync` is done.
///
/// Several files that belong together are written with ``AtomicFileSet``.
public struct AtomicFileWriter: Sendable {
    /// Paths that must never be overwritten (e.g. the input files).
    public let protectedPaths: [String]
    /// Whether the output holds identifiers: new files are created `0600`.
    public let isPrivate: Bool

    /// Creates a writer.
    /// - Parameters:
    ///   - protectedPaths: Paths that must not be overwritten.
    ///   - isPrivate: Whether to create the files readable by the owner only.
    public init(protectedPaths: [String] = [], isPrivate: Bool = false) {
        self.protectedPaths = protectedPaths
        self.isPrivate = isPrivate
    }

    /// Writes `data` to `path` atomically.
    /// - Parameters:
    ///   - data: The complete file content.
    ///   - path: The destination path.
    /// - Throws: ``DataError`` of kind ``DataError/Kind/cannotWrite`` when the destination is a
    ///   protected input or not a writable regular file, or the directory cannot be written.
    /// - Complexity: O(n) in `data.count`.
    public func write(_ data: Data, to path: String) throws(DataError) {
        let files = AtomicFileSet(writer: self)
        try files.stage(data, to: path)
        try files.commit()
    }

    /// Writes a file made in pieces to `path` atomically: `body` hands each piece, in order, to the function
    /// it is given; the pieces go to the temporary file as they come, so the file is never held whole.
    /// - Parameters:
    ///   - path: The destination path.
    ///   - body: Makes the file, handing each piece to its argument (valid only during that call).
    /// - Throws: ``DataError`` of kind ``DataError/Kind/cannotWrite``, or what `body` throws; the
    ///   destination is then untouched and no temporary file is left.
    public func write(
        to path: String, _ body: ((UnsafeRawBufferPointer) throws(DataError) -> Void) throws(DataError) -> Void
    ) throws(DataError) {
        let files = AtomicFileSet(writer: self)
        try files.stage(to: path, body)
        try files.commit()
    }

    /// Writes `bytes` to `path` atomically (without copying them into `Data`); see ``write(_:to:)``.
    /// - Parameters:
    ///   - bytes: The complete file content.
    ///   - path: The destination path.
    /// - Throws: ``DataError`` of kind ``DataError/Kind/cannotWrite``.
    public func write(_ bytes: [UInt8], to path: String) throws(DataError) {
        let files = AtomicFileSet(writer: self)
        try files.stage(bytes, to: path)
        try files.commit()
    }

    /// Writes UTF-8 text to `path` atomically; see ``write(_:to:)``.
    /// - Parameters:
    ///   - text: The complete file content.
    ///   - path: The destination path.
    /// - Throws: ``DataError`` of kind ``DataError/Kind/cannotWrite``.
    public func write(_ text: String, to path: String) throws(DataError) {
        try write(Data(text.utf8), to: path)
    }

    // MARK: - Staging

    /// Checks that `path` may be replaced: not empty, not a protected input, absent or a writable
    /// regular file (never a link, FIFO, device, socket or directory).
    /// - Throws: ``DataError`` of kind ``DataError/Kind/cannotWrite``.
    func checkDestination(_ path: String) throws(DataError) {
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
        guard lstat(path, &info) == 0 else { return }
        let kind = info.st_mode & S_IFMT
        let refusal: (message: String, hint: String)?
        switch kind {
        case S_IFREG:
            refusal = access(path, W_OK) == 0
                ? nil : ("the output file is read-only", "choose another path, or make it writable if it may be replaced")
        case S_IFDIR:
            refusal = ("the output path is a directory", "give a file name, e.g. \(path)/summary.txt")
        case S_IFLNK:
            refusal = ("the output path is a symbolic link; Relief never replaces a link or writes through it",
                       "give the file's real path, or remove the link")
        default:
            refusal = ("the output path is not a regular file (a FIFO, device or socket)", "give the path of a regular file")
        }
        if let refusal { throw DataError(.cannotWrite, file: path, message: refusal.message, hint: refusal.hint) }
    }

    /// Writes the pieces `body` hands to its argument, in order, to a new `0600` temporary file beside
    /// `path` and gives it the mode the destination will have; the caller renames it into place (or
    /// removes it).
    /// - Returns: The temporary file's path (registered with ``TemporaryFiles``).
    /// - Throws: ``DataError`` of kind ``DataError/Kind/cannotWrite``, or what `body` throws; nothing is
    ///   left behind.
    func writeTemporary(
        for path: String, _ body: ((UnsafeRawBufferPointer) throws(DataError) -> Void) throws(DataError) -> Void
    ) throws(DataError) -> String {
        let directory = Self.directory(of: path)
        let base = Self.lastComponent(of: path)
        // The name is registered before the file exists (then created with O_EXCL, mode 0600), so an
        // interrupt at any moment finds every temporary that exists.
        var fd: Int32 = -1
        var tempPath = ""
        var lastError: Int32 = 0
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100 where fd < 0 {
            let suffix = String((0..<6).map { _ in letters[Int(generator.next(upperBound: UInt(letters.count)))] })
            tempPath = directory + "/." + base + ".tmp-" + suffix
            TemporaryFiles.register(tempPath)
            fd = open(tempPath, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if fd < 0 {
                lastError = errno
                TemporaryFiles.forget(tempPath)
                if lastError != EEXIST { break }
            }
        }
        guard fd >= 0 else {
            let reason = String(cString: strerror(lastError))
            throw DataError(
                .cannotWrite, file: path,
                message: "cannot create a file in directory '\(directory)': \(reason)",
                hint: "check that the directory exists and is writable")
        }
        TemporaryFiles.removeIfInterrupted(tempPath)
        // Each piece is written on a background queue while the next one is made.
        let writes = _BackgroundWrite(fd: fd)
        func emit(_ raw: UnsafeRawBufferPointer) throws(DataError) {
            if let reason = writes.write(raw) {
                throw DataError(.cannotWrite, file: path, message: "writing failed: \(reason)", hint: "check free disk space and permissions")
            }
        }
        var failure: String?
        do throws(DataError) {
            try body(emit)
            failure = writes.finish()
        } catch {
            _ = writes.finish()
            close(fd)
            TemporaryFiles.remove(tempPath)
            throw error
        }
        if failure == nil, fchmod(fd, mode(for: path)) != 0 {
            failure = String(cString: strerror(errno))
        }
        if close(fd) != 0, failure == nil {
            failure = String(cString: strerror(errno))
        }
        if let failure {
            TemporaryFiles.exitIfInterrupted()
            TemporaryFiles.remove(tempPath)
            throw DataError(
                .cannotWrite, file: path, message: "writing failed: \(failure)",
                hint: "check free disk space and permissions")
        }
        return tempPath
    }

    /// The mode of the file at `path` once written: an existing file's own (at most `0600` when
    /// private), else `0600` when private, else `0666 & ~umask`.
    func mode(for path: String) -> mode_t {
        var existing = stat()
        if stat(path, &existing) == 0 {
            let mode = existing.st_mode & 0o7777
            return isPrivate ? mode & 0o600 : mode
        }
        return isPrivate ? 0o600 : 0o666 & ~Self.umaskValue
    }

    /// The process's umask: from `/proc/self/status` (no change to the process state), else by setting
    /// and restoring it once.
    static let umaskValue: mode_t = {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
            let value = mode_t(String(line.dropFirst("Umask:".count).filter { !$0.isWhitespace }), radix: 8)
        {
            return value
        }
        let old = umask(0o022)
        umask(old)
        return old
    }()

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

    static func sameInode(_ a: String, _ b: String) -> Bool {
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
