import Foundation
import NumericCore

/// The per-dose data a dose model is fitted to, with the whitening matrix `W` (`WᵀW` = weights or
/// `S⁻¹`) so that every criterion is an ordinary sum of squares `‖W(y − f)‖²`.
package struct DoseFitData: Sendable {
    package let type: DoseResponseFit.FitType
    package let doses: [Double]
    package let responses: [Double]
    package let counts: [Int]?
    package let covariance: Matrix?
    /// `k × k` whitening matrix (diag √nⱼ, or the upper Cholesky factor of S⁻¹ as R's `chol(solve(S))`).
    package let whitening: Matrix
    /// `W y`.
    package let whitenedResponses: [Double]
    /// Within-dose sum of squares added to the RSS (type normal); 0 for general.
    package let withinSS: Double
    /// Rows (normal) or points (general).
    package let observationCount: Int
    /// `log det S` (general), 0 for normal.
    package let logDetS: Double
    package var levelCount: Int { doses.count }
    package var maxDose: Double { doses.max() ?? 0 }

    /// Collapses raw rows to ascending dose levels with means, counts and within-level SS.
    package static func normal(dose: [Double], response: [Double]) throws(DoseResponseError) -> DoseFitData {
        let context = "DoseResponseFit.fit(dose:response:)"
        guard !dose.isEmpty else { throw .emptyInput(context: context, what: "rows") }
        guard response.count == dose.count else {
            throw .lengthMismatch(context: context, argument: "response", expected: dose.count, found: response.count)
        }
        try checkDoses(dose, context: context)
        for (i, y) in response.enumerated() where !y.isFinite {
            throw .invalidValue(context: context, argument: "response", index: i, value: y)
        }
        let levels = Array(Set(dose)).sorted()
        var index: [Double: Int] = [:]
        for (k, d) in levels.enumerated() { index[d] = k }
        var sums = [Double](repeating: 0, count: levels.count)
        var counts = [Int](repeating: 0, count: levels.count)
        for (d, y) in zip(dose, response) {
            guard let k = index[d] else { continue }
            sums[k] += y
            counts[k] += 1
        }
        let means = zip(sums, counts).map { $0 / Double($1) }
        var within = 0.0
        for (d, y) in zip(dose, response) {
            guard let k = index[d] else { continue }
            within += (y - means[k]) * (y - means[k])
        }
        let root = counts.map { Double($0).squareRoot() }
        return DoseFitData(type: .normal, doses: levels, responses: means, counts: counts, covariance: nil,
                           whitening: Matrix(diagonal: root), whitenedResponses: zip(root, means).map { $0 * $1 },
                           withinSS: within, observationCount: dose.count, logDetS: 0)
    }

    /// Per-dose estimates with covariance S; `W` = upper Cholesky factor of `S⁻¹`.
    package static func general(doses: [Double], estimates: [Double], covariance: Matrix) throws(DoseResponseError) -> DoseFitData {
        let context = "DoseResponseFit.fit(doses:estimates:covariance:)"
        guard !doses.isEmpty else { throw .emptyInput(context: context, what: "dose levels") }
        guard estimates.count == doses.count else {
            throw .lengthMismatch(context: context, argument: "estimates", expected: doses.count, found: estimates.count)
        }
        guard covariance.rows == doses.count, covariance.columns == doses.count else {
            throw .lengthMismatch(context: context, argument: "covariance (rows and columns)", expected: doses.count,
                                  found: covariance.rows == doses.count ? covariance.columns : covariance.rows)
        }
        try checkDoses(doses, context: context)
        for (i, y) in estimates.enumerated() where !y.isFinite {
            throw .invalidValue(context: context, argument: "estimates", index: i, value: y)
        }
        guard covariance.isFinite, covariance.isSymmetric(tolerance: 1e-10) else {
            throw .covarianceNotPositiveDefinite(context: context, message: "S must be finite and symmetric")
        }
        let whitening: Matrix
        let logDet: Double
        do {
            let cholS = try Cholesky(covariance)
            logDet = cholS.logDeterminant
            let inverse = try cholS.inverse()
            whitening = try Cholesky(inverse).factor.transposed
        } catch {
            throw .covarianceNotPositiveDefinite(context: context, message: error.description)
        }
        let wy: [Double]
        do { wy = try whitening.gemv(estimates) } catch {
            throw .covarianceNotPositiveDefinite(context: context, message: error.description)
        }
        return DoseFitData(type: .general, doses: doses, responses: estimates, counts: nil, covariance: covariance,
                           whitening: whitening, whitenedResponses: wy, withinSS: 0,
                           observationCount: doses.count, logDetS: logDet)
    }

    private static func checkDoses(_ dose: [Double], context: String) throws(DoseResponseError) {
        for (i, d) in dose.enumerated() where !(d.isFinite && d >= 0) {
            throw .invalidValue(context: context, argument: "dose", index: i, value: d)
        }
    }

    /// `W X` for a `k × c` design given row-wise.
    package func whiten(_ rows: [[Double]]) throws(LinearAlgebraError) -> Matrix {
        try whitening.gemm(Matrix(rowMajor: rows))
    }
}
