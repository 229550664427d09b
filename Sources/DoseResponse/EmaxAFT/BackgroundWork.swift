import Dispatch

/// A computation started on a global queue at creation, whose result is collected by ``result()``, so
/// that it overlaps work on the caller's thread (the not-identified Emax fit: the alternative's two
/// linear AFT fits run beside the fit with ED50 held; on two cores the wall time is the longer of both).
///
/// Protocol: ``result()`` is called once, from the creating thread; `value` is written only by the
/// work item and read only after the group's wait, which orders the write before the read.
final class _BackgroundWork<Value>: @unchecked Sendable {
    private var value: Value?
    private let group = DispatchGroup()

    /// Starts `work` on a global queue.
    ///
    /// - Parameter work: The computation; it must not touch state the caller uses meanwhile.
    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in
            value = work()
        }
    }

    /// Waits for the work and returns its value.
    ///
    /// - Returns: The value (nil only if the work item never ran, which Dispatch does not do).
    func result() -> Value? {
        group.wait()
        return value
    }
}
