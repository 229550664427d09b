import Survival
import NumericCore

/// The factored penalised information `H` of a shared-frailty Cox fit: Newton steps, and what R's
/// `coxpenal.df` makes of it at the end. ``FrailtyInformation`` keeps the frailty block's diagonal only
/// (R's sparse term); ``DenseFrailtyInformation`` the whole matrix (R's penalised factor).
package protocol FrailtyNewtonInformation: Sendable {
    /// The fixed-effect block of `H⁻¹` (R's `fit$var`).
    var variance: Matrix { get }
    /// The Newton step `H⁻¹ u` for the score `u` (frailties, fixed effects).
    func step(frailtyScore: [Double], score: [Double]) throws(StatModelError) -> (frailty: [Double], fixed: [Double])
    /// R's `coxpenal.df` at the fit.
    /// - Parameters:
    ///   - penalty: The penalty's second derivative per group (zero when θ = 0).
    ///   - frailty: The frailties (for the frailty term's Wald chi-squared).
    func degreesOfFreedom(penalty: [Double], frailty: [Double]) -> FrailtyDegreesOfFreedom
}
