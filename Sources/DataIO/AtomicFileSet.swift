import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Several output files that appear together or not at all (a Markdown report and its figures, a
/// simulated trial and its truth file): each is staged to a temporary file beside its destination, and
/// only when every one is written are they renamed into place. A failure while staging removes the
/// temporaries and leaves every destination, including earlier outputs, untouched.
///
/// ```swift
/// let files = AtomicFileSet(writer: AtomicFileWriter(protectedPaths: [input]))
/// try files.stage(figure, to: "report-km.svg")
/// try files.stage(markdown, to: "report.md")
/// try files.commit()
/// ```
/// Whatever is not committed is removed when the set goes away.
public final class AtomicFileSet {
    /// The writer whose checks and permissions apply to every file.
    public let writer: AtomicFileWriter
    /// The temporaries written so far and their destinations.
    private var staged: [(temporary: String, destination: String)] = []

    /// Starts an empty set.
    /// - Parameter writer: The checks and permissions.
    public init(writer: AtomicFileWriter) {
        self.writer = writer
    }

    deinit { discard() }

    /// Writes `data` to a temporary file for `path`.
    /// - Parameters:
    ///   - data: The complete content (`Data` or `[UInt8]`).
    ///   - path: The destination.
    /// - Throws: ``DataError`` of kind ``DataError/Kind/cannotWrite`` (a destination refused by
    ///   ``AtomicFileWriter``, or named twice); every temporary of the set is then removed.
    public func stage(_ data: some ContiguousBytes, to path: String) throws(DataError) {
        try stage(to: path) { (emit) throws(DataError) in
            try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<Void, DataError> in
                do throws(DataError) {
                    try emit(raw)
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }.get()
        }
    }

    /// Writes a file made in pieces to a temporary file for `path`: `body` hands each piece, in order, to
    /// the function it is given. See ``stage(_:to:)``.
    /// - Parameters:
    ///   - path: The destination.
    ///   - body: Makes the file, handing each piece to its argument.
    /// - Throws: ``DataError`` (cannot write), or what `body` throws; every temporary of the set is then removed.
    public func stage(
        to path: String, _ body: ((UnsafeRawBufferPointer) throws(DataError) -> Void) throws(DataError) -> Void
    ) throws(DataError) {
        do throws(DataError) {
            try writer.checkDestination(path)
            let resolved = AtomicFileWriter.resolve(path)
            if staged.contains(where: { AtomicFileWriter.resolve($0.destination) == resolved }) {
                throw DataError(
                    .cannotWrite, file: path, message: "two outputs would be written to the same file",
                    hint: "choose another output name")
            }
            staged.append((try writer.writeTemporary(for: path, body), path))
        } catch {
            discard()
            throw error
        }
    }

    /// Writes UTF-8 text to a temporary file for `path`; see ``stage(_:to:)``.
    public func stage(_ text: String, to path: String) throws(DataError) {
        try stage(Data(text.utf8), to: path)
    }

    /// Renames every staged file into place, in the order staged.
    /// - Throws: ``DataError`` when a rename fails; the files not yet renamed are removed (a rename in
    ///   one directory fails only when the destination changed under us).
    public func commit() throws(DataError) {
        while !staged.isEmpty {
            let file = staged.removeFirst()
            if rename(file.temporary, file.destination) != 0 {
                let reason = String(cString: strerror(errno))
                TemporaryFiles.exitIfInterrupted()
                TemporaryFiles.remove(file.temporary)
                discard()
                throw DataError(
                    .cannotWrite, file: file.destination, message: "cannot move the output into place: \(reason)",
                    hint: "check permissions of the destination")
            }
            TemporaryFiles.forget(file.temporary)
        }
    }

    /// Removes every staged temporary; the destinations are untouched.
    public func discard() {
        for file in staged { TemporaryFiles.remove(file.temporary) }
        staged.removeAll()
    }
}
