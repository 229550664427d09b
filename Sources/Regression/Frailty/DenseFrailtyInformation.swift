import NumericCore
import Survival

/// The penalised information `H` of a dense (non-sparse) frailty term, kept whole and inverted by Cholesky,
/// with R's `coxpenal.df` for `ptype = 2` (only non-sparse penalties):
///
/// - `variance`: the fixed block of `H⁻¹` (R's `fit$var` for those columns);
/// - the sandwich `H⁻¹ (H − P) H⁻¹` (R's `var2`), `P` the penalty's second derivatives on the frailty columns;
/// - the frailty term's df `tr(V_ff⁻¹ V2_ff)` (R's `coxph.wtest(var[f, f], var2[f, f])$solve`), its `trH`
///   `Σ diag V_ff`, and print's chi-squared `wᵀ V_ff⁻¹ w`.
package struct DenseFrailtyInformation: FrailtyNewtonInformation {
    package let p: Int
    package let factor: Cholesky
    /// `H⁻¹`, fixed effects first.
    package let inverse: Matrix
    package let variance: Matrix

    /// Factors `h` (fixed effects first, then the frailties).
    /// - Throws: `.undefinedStatistic` when it is not positive definite.
    /// - Complexity: O((p + G)³).
    package init(_ h: Matrix, p: Int) throws(StatModelError) {
        self.p = p
        do throws(LinearAlgebraError) {
            factor = try Cholesky(h)
            inverse = try factor.inverse()
        } catch {
            throw FrailtyInformation.collinear(error)
        }
        var fixed = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in 0..<p { fixed[i, j] = inverse[i, j] }
        }
        variance = fixed
    }

    package func step(frailtyScore: [Double], score: [Double]) throws(StatModelError) -> (frailty: [Double], fixed: [Double]) {
        let solved: [Double]
        do throws(LinearAlgebraError) {
            solved = try factor.solve(score + frailtyScore)
        } catch {
            throw .undefinedStatistic(context: FrailtyCoxPH.fitContext, message: "the Newton step failed (\(error))")
        }
        return (Array(solved[p...]), Array(solved[..<p]))
    }

    package func degreesOfFreedom(penalty: [Double], frailty: [Double]) -> FrailtyDegreesOfFreedom {
        let width = inverse.rows, groups = width - p
        // H⁻¹ (H − P) H⁻¹ = H⁻¹ − H⁻¹ P H⁻¹.
        var sandwichFull = inverse
        for i in 0..<width {
            for j in 0..<width {
                var t = 0.0
                for g in 0..<groups { t += inverse[i, p + g] * penalty[g] * inverse[p + g, j] }
                sandwichFull[i, j] -= t
            }
        }
        var sandwich = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in 0..<p { sandwich[i, j] = sandwichFull[i, j] }
        }
        var block = Matrix(rows: groups, columns: groups), block2 = Matrix(rows: groups, columns: groups)
        for g in 0..<groups {
            for h in 0..<groups {
                block[g, h] = inverse[p + g, p + h]
                block2[g, h] = sandwichFull[p + g, p + h]
            }
        }
        let fvar = block.diagonal
        var df = Double.nan, chi = Double.nan
        if let blockFactor = try? Cholesky(block) {
            if let solved = try? blockFactor.solve(block2) { df = solved.diagonal.reduce(0, +) }
            if let solved = try? blockFactor.solve(frailty) { chi = zip(frailty, solved).reduce(0) { $0 + $1.0 * $1.1 } }
        }
        return FrailtyDegreesOfFreedom(frailtyVariance: fvar, sandwich: sandwich, frailtyDF: df,
                                       trace: fvar.reduce(0, +), frailtyChiSquared: chi)
    }
}
