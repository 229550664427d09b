internal import COpenBLAS

/// Thin checked wrappers around the LAPACKE routines NumericCore uses. This file and `BLAS.swift`
/// are the only places that call C.
///
/// Conventions: column-major storage (`LAPACK_COL_MAJOR`), leading dimension `max(1, rows)`,
/// every size converted with `Int32(exactly:)` (throwing `.sizeTooLarge`), and every `info < 0`
/// (an argument error, which with LAPACKE also covers NaN found by its input check, or a workspace
/// allocation failure) thrown as `.invalidArgument`. `info > 0` is returned to the caller, which
/// maps it to the numerical condition of its decomposition.
package enum LAPACK {
    package static let lower = CChar(UInt8(ascii: "L"))
    package static let left = CChar(UInt8(ascii: "L"))
    package static let transpose = CChar(UInt8(ascii: "T"))
    package static let noTranspose = CChar(UInt8(ascii: "N"))
    package static let vectors = CChar(UInt8(ascii: "V"))
    package static let valuesOnly = CChar(UInt8(ascii: "N"))

    /// `Int32(exactly:)` for a dimension, throwing `.sizeTooLarge`.
    package static func int32(_ value: Int) throws(LinearAlgebraError) -> Int32 {
        _ = BLASThreads.singleThreaded
        guard let converted = Int32(exactly: value) else { throw .sizeTooLarge }
        return converted
    }

    /// Throws for `info < 0`; returns `info` otherwise.
    package static func checked(_ info: Int32, _ routine: String) throws(LinearAlgebraError) -> Int {
        if info == LAPACK_WORK_MEMORY_ERROR || info == LAPACK_TRANSPOSE_MEMORY_ERROR {
            throw .invalidArgument("\(routine) could not allocate its workspace")
        }
        if info < 0 {
            throw .invalidArgument("\(routine) rejected argument \(-info) (illegal value or NaN)")
        }
        return Int(info)
    }

    /// Cholesky `A = L Lᵀ` of the lower triangle, in place (`dpotrf`). Returns info (> 0: minor).
    package static func potrf(_ a: inout [Double], n: Int) throws(LinearAlgebraError) -> Int {
        try onLowerTriangle(&a, n: n, LAPACKE_dpotrf, "dpotrf")
    }

    /// Solves `A X = B` from the factor of `potrf` (`dpotrs`), `B` overwritten by `X`.
    package static func potrs(_ factor: [Double], n: Int, _ b: inout [Double], nrhs: Int) throws(LinearAlgebraError) {
        let n32 = try int32(n)
        let nrhs32 = try int32(nrhs)
        let lda = try int32(max(1, n))
        let info = b.withUnsafeMutableBufferPointer { bp in
            LAPACKE_dpotrs(LAPACK_COL_MAJOR, lower, n32, nrhs32, factor, lda, bp.baseAddress, lda)
        }
        _ = try checked(info, "dpotrs")
    }

    /// Inverse from the Cholesky factor, lower triangle only (`dpotri`). Returns info (> 0: singular).
    package static func potri(_ a: inout [Double], n: Int) throws(LinearAlgebraError) -> Int {
        try onLowerTriangle(&a, n: n, LAPACKE_dpotri, "dpotri")
    }

    /// Calls `routine(layout, uplo, n, a, lda)` on the lower triangle of the `n × n` matrix `a`, in place,
    /// and returns its checked info.
    private static func onLowerTriangle(
        _ a: inout [Double], n: Int, _ routine: (Int32, CChar, Int32, UnsafeMutablePointer<Double>?, Int32) -> Int32,
        _ name: String
    ) throws(LinearAlgebraError) -> Int {
        let n32 = try int32(n)
        let lda = try int32(max(1, n))
        let info = a.withUnsafeMutableBufferPointer { routine(LAPACK_COL_MAJOR, lower, n32, $0.baseAddress, lda) }
        return try checked(info, name)
    }

    /// QR with column pivoting `A P = Q R` (`dgeqp3`), in place; `jpvt` 1-based on return.
    package static func geqp3(
        _ a: inout [Double], m: Int, n: Int, jpvt: inout [Int32], tau: inout [Double]
    ) throws(LinearAlgebraError) {
        let m32 = try int32(m)
        let n32 = try int32(n)
        let lda = try int32(max(1, m))
        let info = a.withUnsafeMutableBufferPointer { ap in
            jpvt.withUnsafeMutableBufferPointer { jp in
                tau.withUnsafeMutableBufferPointer { tp in
                    LAPACKE_dgeqp3(LAPACK_COL_MAJOR, m32, n32, ap.baseAddress, lda, jp.baseAddress, tp.baseAddress)
                }
            }
        }
        _ = try checked(info, "dgeqp3")
    }

    /// `C ← Qᵀ C` for the `Q` of a QR factorization with `k` reflectors (`dormqr`, side L, trans T).
    package static func ormqrTranspose(
        _ qr: [Double], m: Int, k: Int, tau: [Double], _ c: inout [Double], nrhs: Int
    ) throws(LinearAlgebraError) {
        let m32 = try int32(m)
        let k32 = try int32(k)
        let nrhs32 = try int32(nrhs)
        let lda = try int32(max(1, m))
        let info = c.withUnsafeMutableBufferPointer { cp in
            LAPACKE_dormqr(LAPACK_COL_MAJOR, left, transpose, m32, nrhs32, k32, qr, lda, tau, cp.baseAddress, lda)
        }
        _ = try checked(info, "dormqr")
    }

    /// Forms the first `n` columns of `Q` from `k` reflectors in place (`dorgqr`).
    package static func orgqr(_ a: inout [Double], m: Int, n: Int, k: Int, tau: [Double]) throws(LinearAlgebraError) {
        let m32 = try int32(m)
        let n32 = try int32(n)
        let k32 = try int32(k)
        let lda = try int32(max(1, m))
        let info = a.withUnsafeMutableBufferPointer { ap in
            LAPACKE_dorgqr(LAPACK_COL_MAJOR, m32, n32, k32, ap.baseAddress, lda, tau)
        }
        _ = try checked(info, "dorgqr")
    }

    /// Full-rank least squares / minimum-norm solve by QR or LQ (`dgels`); `b` is
    /// `max(m, n) × nrhs`. Returns info (> 0: zero diagonal of the triangular factor).
    package static func gels(
        _ a: inout [Double], m: Int, n: Int, _ b: inout [Double], nrhs: Int
    ) throws(LinearAlgebraError) -> Int {
        let m32 = try int32(m)
        let n32 = try int32(n)
        let nrhs32 = try int32(nrhs)
        let lda = try int32(max(1, m))
        let ldb = try int32(max(1, m, n))
        let info = a.withUnsafeMutableBufferPointer { ap in
            b.withUnsafeMutableBufferPointer { bp in
                LAPACKE_dgels(LAPACK_COL_MAJOR, noTranspose, m32, n32, nrhs32, ap.baseAddress, lda, bp.baseAddress, ldb)
            }
        }
        return try checked(info, "dgels")
    }

    /// Minimum-norm least squares by the SVD (`dgelsd`); `b` is `max(m, n) × nrhs`.
    /// Returns `(info, rank)`; info > 0 means the SVD did not converge.
    package static func gelsd(
        _ a: inout [Double], m: Int, n: Int, _ b: inout [Double], nrhs: Int,
        singularValues: inout [Double], rcond: Double
    ) throws(LinearAlgebraError) -> (info: Int, rank: Int) {
        let m32 = try int32(m)
        let n32 = try int32(n)
        let nrhs32 = try int32(nrhs)
        let lda = try int32(max(1, m))
        let ldb = try int32(max(1, m, n))
        var rank: Int32 = 0
        let info = a.withUnsafeMutableBufferPointer { ap in
            b.withUnsafeMutableBufferPointer { bp in
                singularValues.withUnsafeMutableBufferPointer { sp in
                    LAPACKE_dgelsd(LAPACK_COL_MAJOR, m32, n32, nrhs32, ap.baseAddress, lda,
                                   bp.baseAddress, ldb, sp.baseAddress, rcond, &rank)
                }
            }
        }
        return (try checked(info, "dgelsd"), Int(rank))
    }

    /// Symmetric eigen-decomposition by divide and conquer (`dsyevd`), lower triangle; values
    /// ascending in `w`, vectors overwrite `a` when requested. Returns info (> 0: no convergence).
    package static func syevd(
        _ a: inout [Double], n: Int, w: inout [Double], computeVectors: Bool
    ) throws(LinearAlgebraError) -> Int {
        let n32 = try int32(n)
        let lda = try int32(max(1, n))
        let job = computeVectors ? vectors : valuesOnly
        let info = a.withUnsafeMutableBufferPointer { ap in
            w.withUnsafeMutableBufferPointer { wp in
                LAPACKE_dsyevd(LAPACK_COL_MAJOR, job, lower, n32, ap.baseAddress, lda, wp.baseAddress)
            }
        }
        return try checked(info, "dsyevd")
    }

    /// Bunch–Kaufman `A = L D Lᵀ` of the lower triangle (`dsytrf`). Returns info (> 0: `D` singular).
    package static func sytrf(_ a: inout [Double], n: Int, pivots: inout [Int32]) throws(LinearAlgebraError) -> Int {
        let n32 = try int32(n)
        let lda = try int32(max(1, n))
        let info = a.withUnsafeMutableBufferPointer { ap in
            pivots.withUnsafeMutableBufferPointer { pp in
                LAPACKE_dsytrf(LAPACK_COL_MAJOR, lower, n32, ap.baseAddress, lda, pp.baseAddress)
            }
        }
        return try checked(info, "dsytrf")
    }

    /// Solves `A X = B` from the factor of `sytrf` (`dsytrs`), `B` overwritten by `X`.
    package static func sytrs(
        _ factor: [Double], n: Int, pivots: [Int32], _ b: inout [Double], nrhs: Int
    ) throws(LinearAlgebraError) {
        let n32 = try int32(n)
        let nrhs32 = try int32(nrhs)
        let lda = try int32(max(1, n))
        let info = b.withUnsafeMutableBufferPointer { bp in
            LAPACKE_dsytrs(LAPACK_COL_MAJOR, lower, n32, nrhs32, factor, lda, pivots, bp.baseAddress, lda)
        }
        _ = try checked(info, "dsytrs")
    }
}
