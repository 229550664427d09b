import Foundation
import NumericCore
import Survival

/// The rows of a standardised Cox curve grouped by their linear predictor: rows with the same
/// `r = exp((x − means)ᵀβ)` share `exp(−Λ₀ r)`, so a curve costs O(groups × p) per time instead of
/// O(rows × p) (categorical and integer covariates give few groups).
struct CoxRiskGroups {
    /// The averages at one baseline time.
    struct State {
        /// `S̄ = mean_i exp(−Λ₀ r_i)`.
        let survival: Double
        /// `a = mean_i exp(−Λ₀ r_i) r_i`, the loading on the baseline's martingale part.
        let loading: Double
        /// `∂S̄/∂β = −(Λ₀ mean_i S_i r_i c_i − a A)`.
        let gradient: [Double]
    }

    /// `r` of each group.
    let risks: [Double]
    /// Rows in the group / all rows.
    let shares: [Double]
    /// Per group, the sum of its rows' centred covariates / all rows (row-major, `p` per group).
    let centredSums: [Double]
    let p: Int

    /// Groups `rows` (`m × p`, the fit's columns).
    /// - Throws: `.nonFiniteValue` for a non-finite entry.
    init(rows: Matrix, coefficients: [Double], means: [Double], context: String) throws(StatModelError) {
        let m = rows.rows, p = rows.columns
        var index: [Double: Int] = [:]
        var risks: [Double] = [], counts: [Double] = [], sums: [Double] = []
        var centred = [Double](repeating: 0, count: p)
        for i in 0..<m {
            var eta = 0.0
            for j in 0..<p {
                let value = rows.elements[i + j * m]
                guard value.isFinite else { throw .nonFiniteValue(context: context, argument: "rows", index: i) }
                centred[j] = value - (j < means.count ? means[j] : 0)
                eta += centred[j] * (j < coefficients.count ? coefficients[j] : 0)
            }
            let group: Int
            if let known = index[eta] {
                group = known
            } else {
                group = risks.count
                index[eta] = group
                risks.append(exp(eta))
                counts.append(0)
                sums.append(contentsOf: repeatElement(0, count: p))
            }
            counts[group] += 1
            for j in 0..<p { sums[group * p + j] += centred[j] }
        }
        let total = Double(m)
        self.risks = risks
        self.shares = counts.map { $0 / total }
        self.centredSums = sums.map { $0 / total }
        self.p = p
    }

    /// The averages at cumulative baseline hazard `hazard` with R's `xbar` running sum `hazardMeans`.
    func state(hazard: Double, hazardMeans: ArraySlice<Double>) -> State {
        var survival = 0.0, loading = 0.0
        var weighted = [Double](repeating: 0, count: p)
        for g in risks.indices {
            let e = exp(-hazard * risks[g])
            survival += shares[g] * e
            loading += shares[g] * e * risks[g]
            let factor = e * risks[g]
            for j in 0..<p { weighted[j] += factor * centredSums[g * p + j] }
        }
        let means = Array(hazardMeans)
        let gradient = (0..<p).map { j in -(hazard * weighted[j] - loading * (j < means.count ? means[j] : 0)) }
        return State(survival: survival, loading: loading, gradient: gradient)
    }
}
