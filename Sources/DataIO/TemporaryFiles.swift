import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary files the process is writing, so that an interrupt (SIGINT, SIGTERM) removes them
/// instead of leaving `.name.tmp-XXXXXX` files beside the outputs.
///
/// ``AtomicFileWriter`` registers each temporary while it exists. A command-line program calls
/// ``removeOnInterrupt()`` once at start; on SIGINT or SIGTERM the registered files are removed and the
/// process exits with `128 + signal` (130, 143), as a shell would report.
public enum TemporaryFiles {
    private static let paths = Mutex<Set<String>>([])
    /// The signal being handled (0 while none is).
    private static let interruption = Mutex<Int32>(0)
    /// The signal sources, made once (lazily, thread-safely) by ``removeOnInterrupt()``.
    nonisolated(unsafe) private static let sources: [any DispatchSourceSignal] = [SIGINT, SIGTERM].map { number in
        signal(number, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
            interruption.withLock { $0 = number }
            let pending = paths.withLock { $0 }
            for path in pending { unlink(path) }
            _exit(128 + number)
        }
        source.resume()
        return source
    }

    /// Registers a temporary file.
    static func register(_ path: String) {
        paths.withLock { _ = $0.insert(path) }
    }

    /// Forgets a file that was renamed into place.
    static func forget(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
    }

    /// Removes a temporary file and forgets it.
    static func remove(_ path: String) {
        paths.withLock { _ = $0.remove(path) }
        unlink(path)
    }

    /// After an interrupt the handler removes the temporaries while the writer may still be using them;
    /// a write that then fails exits as the interrupt does (`128 + signal`) instead of reporting the
    /// failure it caused.
    static func exitIfInterrupted() {
        let number = interruption.withLock { $0 }
        if number != 0 { _exit(128 + number) }
    }

    /// A temporary just created while an interrupt is being handled is removed here, and the process exits
    /// as the interrupt does: its name was registered before the file existed, so the handler may have
    /// removed the name before the file was made.
    static func removeIfInterrupted(_ path: String) {
        let number = interruption.withLock { $0 }
        guard number != 0 else { return }
        unlink(path)
        _exit(128 + number)
    }

    /// The registered files (for tests).
    static var registered: Set<String> { paths.withLock { $0 } }

    /// On SIGINT and SIGTERM, removes the registered temporaries and exits with `128 + signal`.
    /// Call from the main program before any output is written; later calls do nothing.
    public static func removeOnInterrupt() {
        _ = sources
    }
}
