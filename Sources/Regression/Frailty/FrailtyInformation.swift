import NumericCore
import Survival

/// The penalised information of a shared-frailty Cox fit in R's sparse form, `H = [[D, B], [Bᵀ, A]]`
/// with `D` diagonal (frailties) and `A` dense (fixed effects), inverted through the Schur complement
/// `S = A − Bᵀ D⁻¹ B` (what R's `cholesky3`/`chinv3` compute): Newton steps, and the quantities of R's
/// `coxpenal.df`.
///
/// - `variance` = `S⁻¹`, the fixed-effect block of `H⁻¹` (R's `fit$var`);
/// - `frailtyVariance` = the diagonal of the frailty block of `H⁻¹` (R's `fit$fvar`):
///   `1/D_g + v_gᵀ S⁻¹ v_g`, `v_g = B_g / D_g`;
/// - `sandwichVariance` = the fixed block of `H⁻¹ (H − P) H⁻¹` (R's `fit$var2`):
///   `S⁻¹ − S⁻¹ (Σ_g P_g v_g v_gᵀ) S⁻¹`;
/// - `frailtyDegreesOfFreedom` = `G − Σ_g P_g (H⁻¹)_{gg}`, and a fixed term's `tr(var_JJ⁻¹ var2_JJ)`.
package struct FrailtyInformation: FrailtyNewtonInformation {
    package let p: Int
    package let diagonal: [Double]
    package let cross: [Double]
    package let schur: Cholesky
    package let variance: Matrix

    /// Factors the information.
    /// - Throws: `.undefinedStatistic` when the fixed block is singular given the frailties.
    /// - Complexity: O(groups p² + p³).
    package init(diagonal: [Double], cross: [Double], information: [Double], p: Int) throws(StatModelError) {
        self.p = p
        self.diagonal = diagonal
        self.cross = cross
        var s = information
        for g in diagonal.indices {
            let d = diagonal[g]
            for i in 0..<p {
                let bi = cross[g * p + i] / d
                for j in 0..<p { s[i * p + j] -= bi * cross[g * p + j] }
            }
        }
        do throws(LinearAlgebraError) {
            let matrix = try Matrix(rows: p, columns: p, columnMajor: s)
            schur = try Cholesky(matrix)
            variance = try schur.inverse()
        } catch {
            throw Self.collinear(error)
        }
    }

    /// The error of a penalised information that is not positive definite.
    static func collinear(_ error: LinearAlgebraError) -> StatModelError {
        .undefinedStatistic(
            context: FrailtyCoxPH.fitContext,
            message: "the covariates are collinear once each group's frailty is allowed for (\(error)). "
                + "Drop covariates that are constant within groups, or fit without frailty().")
    }

    /// The Newton step `H⁻¹ u` for the score (frailties, fixed effects).
    package func step(frailtyScore: [Double], score: [Double]) throws(StatModelError) -> (frailty: [Double], fixed: [Double]) {
        var rhs = score
        for g in diagonal.indices {
            let ug = frailtyScore[g] / diagonal[g]
            for j in 0..<p { rhs[j] -= cross[g * p + j] * ug }
        }
        let fixed: [Double]
        do throws(LinearAlgebraError) {
            fixed = try schur.solve(rhs)
        } catch {
            throw .undefinedStatistic(context: FrailtyCoxPH.fitContext, message: "the Newton step failed (\(error))")
        }
        var frailty = frailtyScore
        for g in diagonal.indices {
            var t = frailtyScore[g]
            for j in 0..<p { t -= cross[g * p + j] * fixed[j] }
            frailty[g] = t / diagonal[g]
        }
        return (frailty, fixed)
    }

    /// `v_g = B_g / D_g` times `S⁻¹`, for each group (row-major, `groups × p`).
    private var scaledRows: [Double] {
        var out = [Double](repeating: 0, count: diagonal.count * p)
        for g in diagonal.indices {
            for i in 0..<p {
                var t = 0.0
                for j in 0..<p { t += variance[i, j] * cross[g * p + j] }
                out[g * p + i] = t / diagonal[g]
            }
        }
        return out
    }

    /// R's `coxpenal.df` for one sparse term: `fvar`, `var2`, the frailty term's df and `trH`; and print's
    /// frailty chi-squared `Σ w_g² / fvar_g`.
    package func degreesOfFreedom(penalty: [Double], frailty: [Double]) -> FrailtyDegreesOfFreedom {
        let rows = scaledRows  // S⁻¹ v_g, i.e. −(H⁻¹)_{fx} rows
        var fvar = [Double](repeating: 0, count: diagonal.count)
        var middle = [Double](repeating: 0, count: p * p)
        var df = Double(diagonal.count)
        var trace = 0.0
        for g in diagonal.indices {
            var quad = 0.0
            for j in 0..<p { quad += rows[g * p + j] * cross[g * p + j] / diagonal[g] }
            fvar[g] = 1 / diagonal[g] + quad
            df -= fvar[g] * penalty[g]
            trace += fvar[g]
            for i in 0..<p {
                for j in 0..<p { middle[i * p + j] += penalty[g] * rows[g * p + i] * rows[g * p + j] }
            }
        }
        var sandwich = variance
        for i in 0..<p {
            for j in 0..<p { sandwich.elements[i + j * p] -= middle[i * p + j] }
        }
        var chi = 0.0
        for g in frailty.indices { chi += frailty[g] * frailty[g] / fvar[g] }
        return FrailtyDegreesOfFreedom(frailtyVariance: fvar, sandwich: sandwich, frailtyDF: df, trace: trace,
                                       frailtyChiSquared: chi)
    }
}
