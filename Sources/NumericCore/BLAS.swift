internal import COpenBLAS

/// Thin wrappers around the CBLAS routines NumericCore uses (column-major, unit strides).
/// Callers validate shapes and skip empty operands; sizes are converted with `Int32(exactly:)`.
package enum BLAS {
    /// `y = op(A) x` (`dgemv`), `A` is `m × n`.
    package static func gemv(_ a: [Double], m: Int, n: Int, transpose: Bool, _ x: [Double]) throws(LinearAlgebraError) -> [Double] {
        let m32 = try LAPACK.int32(m)
        let n32 = try LAPACK.int32(n)
        let lda = try LAPACK.int32(max(1, m))
        var y = [Double](repeating: 0, count: transpose ? n : m)
        a.withUnsafeBufferPointer { ap in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in
                    cblas_dgemv(CblasColMajor, transpose ? CblasTrans : CblasNoTrans, m32, n32, 1,
                                ap.baseAddress, lda, xp.baseAddress, 1, 0, yp.baseAddress, 1)
                }
            }
        }
        return y
    }

    /// `C = op(A) op(B)` (`dgemm`); `op(A)` is `m × k`, `op(B)` is `k × n`.
    package static func gemm(
        _ a: [Double], aRows: Int, transposeA: Bool, _ b: [Double], bRows: Int, transposeB: Bool,
        m: Int, n: Int, k: Int
    ) throws(LinearAlgebraError) -> [Double] {
        let m32 = try LAPACK.int32(m)
        let n32 = try LAPACK.int32(n)
        let k32 = try LAPACK.int32(k)
        let lda = try LAPACK.int32(max(1, aRows))
        let ldb = try LAPACK.int32(max(1, bRows))
        let ldc = try LAPACK.int32(max(1, m))
        var c = [Double](repeating: 0, count: m * n)
        a.withUnsafeBufferPointer { ap in
            b.withUnsafeBufferPointer { bp in
                c.withUnsafeMutableBufferPointer { cp in
                    cblas_dgemm(CblasColMajor, transposeA ? CblasTrans : CblasNoTrans,
                                transposeB ? CblasTrans : CblasNoTrans, m32, n32, k32, 1,
                                ap.baseAddress, lda, bp.baseAddress, ldb, 0, cp.baseAddress, ldc)
                }
            }
        }
        return c
    }

    /// Lower triangle of `C = A Aᵀ` (`transpose == false`, `A` is `n × k`) or `C = Aᵀ A`
    /// (`transpose == true`, `A` is `k × n`) by `dsyrk`.
    package static func syrkLower(_ a: [Double], aRows: Int, n: Int, k: Int, transpose: Bool) throws(LinearAlgebraError) -> [Double] {
        let n32 = try LAPACK.int32(n)
        let k32 = try LAPACK.int32(k)
        let lda = try LAPACK.int32(max(1, aRows))
        let ldc = try LAPACK.int32(max(1, n))
        var c = [Double](repeating: 0, count: n * n)
        a.withUnsafeBufferPointer { ap in
            c.withUnsafeMutableBufferPointer { cp in
                cblas_dsyrk(CblasColMajor, CblasLower, transpose ? CblasTrans : CblasNoTrans, n32, k32, 1,
                            ap.baseAddress, lda, 0, cp.baseAddress, ldc)
            }
        }
        return c
    }

    /// `C ← C + A Aᵀ` on the lower triangle (`dsyrk`, β = 1): `A` is `n × k` column-major with leading
    /// dimension `n` (k vectors of length n one after another), `C` is `n × n` column-major. Nothing
    /// happens for an empty operand or a size beyond `Int32`.
    package static func syrkLowerUpdate(_ a: UnsafePointer<Double>, n: Int, k: Int, into c: UnsafeMutablePointer<Double>) {
        _ = BLASThreads.singleThreaded
        guard let n32 = Int32(exactly: n), let k32 = Int32(exactly: k), n32 > 0, k32 > 0 else { return }
        cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, n32, k32, 1, a, n32, 1, c, n32)
    }

    /// `xᵀ y` (`ddot`).
    package static func dot(_ x: [Double], _ y: [Double]) throws(LinearAlgebraError) -> Double {
        let n32 = try LAPACK.int32(x.count)
        return x.withUnsafeBufferPointer { xp in
            y.withUnsafeBufferPointer { yp in cblas_ddot(n32, xp.baseAddress, 1, yp.baseAddress, 1) }
        }
    }

    /// `y ← α x + y` (`daxpy`).
    package static func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) throws(LinearAlgebraError) {
        let n32 = try LAPACK.int32(x.count)
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in cblas_daxpy(n32, alpha, xp.baseAddress, 1, yp.baseAddress, 1) }
        }
    }

    /// Solves `U x = b` in place for the leading `n × n` upper triangle of an `lda`-row array
    /// (`dtrsv`, no transpose, non-unit diagonal).
    package static func upperTriangularSolve(_ u: [Double], lda: Int, n: Int, _ b: inout [Double]) throws(LinearAlgebraError) {
        let n32 = try LAPACK.int32(n)
        let lda32 = try LAPACK.int32(max(1, lda))
        u.withUnsafeBufferPointer { up in
            b.withUnsafeMutableBufferPointer { bp in
                cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, n32, up.baseAddress, lda32, bp.baseAddress, 1)
            }
        }
    }
}
