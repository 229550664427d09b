import Crypto
import Dispatch

/// An incremental SHA-256 whose updates run on a background queue, so hashing overlaps parsing.
///
/// Protocol: call ``update(_:)`` with a region that stays valid and unchanged until the next
/// ``wait()``; call ``wait()`` before reusing that memory and before ``finalize()``. Only one update is
/// in flight at a time, and the hasher state is touched only by that update or after ``wait()``.
final class _BackgroundDigest: @unchecked Sendable {
    private var hasher = SHA256()
    private let queue = DispatchQueue(label: "DataIO.sha256")
    private let group = DispatchGroup()
    private var inFlight = false

    /// Hashes `bytes` in the background (after waiting for the previous update).
    func update(_ bytes: UnsafeRawBufferPointer) {
        wait()
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        let region = _Region(base: base, count: bytes.count)
        inFlight = true
        queue.async(group: group) { [self] in
            hasher.update(bufferPointer: UnsafeRawBufferPointer(start: region.base, count: region.count))
        }
    }

    /// Blocks until the update in flight, if any, is done.
    func wait() {
        guard inFlight else { return }
        group.wait()
        inFlight = false
    }

    /// The digest of everything hashed so far.
    func finalize() -> SHA256.Digest {
        wait()
        return hasher.finalize()
    }
}

/// A read-only byte region handed to the hashing queue; valid until the owner's next `wait()`.
private struct _Region: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
}
