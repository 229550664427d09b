internal import COpenBLAS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// OpenBLAS runs on one thread in Relief unless the environment says otherwise.
///
/// Relief parallelises over rows itself (``Parallel``), and its BLAS calls are small (p × p solves, blocked
/// cross products) or made from inside those pieces. OpenBLAS's own threads then only compete with
/// Relief's: after each call they spin waiting for work, on the cores the pieces need. Measured on the
/// 2-core machine (1,000,000 rows, `fit weibull`): 0.52 s with one OpenBLAS thread, 1.2–2.0 s with
/// OpenBLAS's default of one thread per core. So the first BLAS call or parallel section sets OpenBLAS to
/// one thread, unless `OPENBLAS_NUM_THREADS`, `GOTO_NUM_THREADS` or `OMP_NUM_THREADS` is set (then the
/// user's choice stands). Reductions are then also the same on any machine (STYLE.md's BLAS notes).
package enum BLASThreads {
    /// Evaluated once per process, on first use (``LAPACK/int32(_:)``, which every wrapper calls, and
    /// ``Parallel/map(_:_:)``): whether Relief set OpenBLAS to one thread.
    package static let singleThreaded: Bool = {
        for name in ["OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"] where getenv(name) != nil { return false }
        openblas_set_num_threads(1)
        return true
    }()
}
