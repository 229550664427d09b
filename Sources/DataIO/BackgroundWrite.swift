import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the pieces of a file to a descriptor on a background queue, so that making the next piece
/// (the episodes file's records) overlaps the system call that copies the last one.
///
/// Protocol: ``write(_:)`` copies the piece into a spare buffer (after waiting for the write in flight)
/// and returns; ``finish()`` waits for the last write. A failed write is reported by the next call, and
/// every later piece is dropped. Only one write is in flight at a time; the buffers and the failure are
/// touched only by that write or after waiting for it.
final class _BackgroundWrite: @unchecked Sendable {
    private let fd: Int32
    private let queue = DispatchQueue(label: "DataIO.write")
    private let group = DispatchGroup()
    @exclusivity(unchecked) private var inFlight = false
    @exclusivity(unchecked) private var spare: UnsafeMutableRawPointer
    @exclusivity(unchecked) private var spareCapacity: Int
    /// The system's reason of the first failed write.
    @exclusivity(unchecked) private var failure: String?

    /// - Parameter fd: An open descriptor; the caller closes it after ``finish()``.
    init(fd: Int32) {
        self.fd = fd
        spareCapacity = 1 << 20
        spare = .allocate(byteCount: spareCapacity, alignment: 16)
    }

    deinit {
        wait()
        spare.deallocate()
    }

    /// Hands `bytes` over to be written (copied; valid only during the call).
    /// - Returns: The reason of a failed earlier write, if any (then nothing more is written).
    func write(_ bytes: UnsafeRawBufferPointer) -> String? {
        wait()
        if let failure { return failure }
        guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
        if bytes.count > Self.largestCopied {  // a whole file given at once: written here, not copied
            Self.write(fd, _Piece(base: base, count: bytes.count), failure: &failure)
            return failure
        }
        if bytes.count > spareCapacity {
            spare.deallocate()
            spareCapacity = bytes.count
            spare = .allocate(byteCount: spareCapacity, alignment: 16)
        }
        spare.copyMemory(from: base, byteCount: bytes.count)
        let piece = _Piece(base: UnsafeRawPointer(spare), count: bytes.count)
        inFlight = true
        queue.async(group: group) { [self] in
            Self.write(fd, piece, failure: &failure)
        }
        return nil
    }

    /// Pieces larger than this (8 MiB) are written by the caller's thread instead of being copied.
    static let largestCopied = 8 << 20

    /// Writes the whole piece (retrying after signals); sets `failure` to the system's reason on an error.
    private static func write(_ fd: Int32, _ piece: _Piece, failure: inout String?) {
        var offset = 0
        while offset < piece.count {
            let written = Foundation.write(fd, piece.base + offset, piece.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += written
        }
    }

    /// Waits for the write in flight.
    /// - Returns: The reason of a failed write, if any.
    func finish() -> String? {
        wait()
        return failure
    }

    private func wait() {
        guard inFlight else { return }
        group.wait()
        inFlight = false
    }
}

/// A read-only piece handed to the writing queue; valid until the owner's next wait.
private struct _Piece: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
}
