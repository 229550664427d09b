#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Asks Linux to back a large, not yet touched memory region with transparent huge pages (2 MiB).
///
/// Reading hundreds of megabytes in another order than they were written (an infusion log's rows in
/// patient order, a dictionary's hash table) misses the TLB on almost every access with 4 KiB pages;
/// huge pages cut that cost. Only the 2 MiB-aligned part of the region is advised; regions under 8 MiB
/// and other systems are left alone. The advice changes no value and may be ignored by the kernel.
enum _HugePages {
    /// Advises `byteCount` bytes at `start` (memory the caller owns and has not touched yet).
    static func advise(_ start: UnsafeMutableRawPointer, byteCount: Int) {
        #if os(Linux)
        guard byteCount >= 8 << 20 else { return }
        let huge = 2 << 20
        let from = (Int(bitPattern: start) + huge - 1) / huge * huge
        let to = (Int(bitPattern: start) + byteCount) / huge * huge
        guard to > from, let aligned = UnsafeMutableRawPointer(bitPattern: from) else { return }
        _ = madvise(aligned, to - from, MADV_HUGEPAGE)
        #endif
    }

    /// Advises the reserved but empty storage of `array` (call right after `reserveCapacity`).
    static func adviseCapacity<T>(of array: inout [T]) {
        let capacity = array.capacity
        array.withUnsafeMutableBufferPointer { buffer in
            if buffer.isEmpty, let base = buffer.baseAddress {
                advise(UnsafeMutableRawPointer(base), byteCount: capacity * MemoryLayout<T>.stride)
            }
        }
    }
}
