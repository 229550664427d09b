import Foundation

/// One episode's log-likelihood term of an AFT model and its derivatives in the location `μ` and
/// `s = log σ`, built from the family's row terms (``LocationScaleFamily/logDensity`` for an event,
/// ``LocationScaleFamily/logSurvival`` for a censored time, minus `log S₀` at the entry of a
/// left-truncated episode).
///
/// With `z = (y − μ) e^{−s}` and `A = log h(z)` (`h = f₀` or `S₀`, derivatives `a₁, a₂, a₃` in `z`):
/// `ℓ = A − [event] s`, `ℓ_μ = −a₁ e^{−s}`, `ℓ_s = −a₁ z − [event]`, `ℓ_μμ = a₂ e^{−2s}`,
/// `ℓ_μs = (a₂ z + a₁) e^{−s}`, `ℓ_μμμ = −a₃ e^{−3s}`, `ℓ_μμs = −(a₃ z + 2a₂) e^{−2s}`. The entry term
/// `−log S₀(z₀)` adds the same expressions at `z₀` with the opposite sign. The families give `a₁, a₂`;
/// `a₃` is the central difference of `a₂` with step ``thirdDerivativeStep`` (truncation error
/// `≈ 1.7·10⁻⁹ |a₅|`; the Gaussian log density's `a₂` is constant, so its `a₃ = 0` exactly).
package struct EpisodeTerm: Sendable {
    /// `ℓ`.
    package var value = 0.0
    /// `∂ℓ/∂μ`.
    package var mu = 0.0
    /// `∂ℓ/∂s`.
    package var s = 0.0
    /// `∂²ℓ/∂μ²`.
    package var muMu = 0.0

    /// The step of the central difference that gives `a₃`.
    package static let thirdDerivativeStep = 1e-4

    /// The term and its first derivatives at `μ`, `s`.
    ///
    /// - Parameters:
    ///   - y: `log t`.
    ///   - event: Whether the episode ended with an event.
    ///   - entry: `log` of the entry time, `−∞` (or nil) without truncation.
    ///   - mu: The location.
    ///   - logScale: `s = log σ`.
    ///   - inverseScale: `e^{−s}`.
    ///   - family: The error family.
    @inline(__always)
    package init(y: Double, event: Bool, entry: Double?, mu: Double, logScale: Double, inverseScale: Double,
                 family: LocationScaleFamily) {
        let z = (y - mu) * inverseScale
        let a = event ? family.logDensity(z) : family.logSurvival(z)
        value = event ? a.value - logScale : a.value
        self.mu = -a.first * inverseScale
        s = event ? -a.first * z - 1 : -a.first * z
        muMu = a.second * inverseScale * inverseScale
        if let entry, entry.isFinite {
            let z0 = (entry - mu) * inverseScale
            let b = family.logSurvival(z0)
            value -= b.value
            self.mu += b.first * inverseScale
            s += b.first * z0
            muMu -= b.second * inverseScale * inverseScale
        }
    }

    /// The second and third derivatives the adaptive quadrature's gradient needs at a patient's mode:
    /// `(ℓ_μμ, ℓ_μs, ℓ_μμμ, ℓ_μμs)`.
    package static func curvature(y: Double, event: Bool, entry: Double?, mu: Double, inverseScale: Double,
                                  family: LocationScaleFamily) -> (muMu: Double, muS: Double, muMuMu: Double, muMuS: Double) {
        func pieces(_ z: Double, _ term: @Sendable (Double) -> LogDerivatives) -> (Double, Double, Double, Double) {
            let h = thirdDerivativeStep
            let centre = term(z)
            let third = (term(z + h).second - term(z - h).second) / (2 * h)
            let e = inverseScale
            return (centre.second * e * e, (centre.second * z + centre.first) * e, -third * e * e * e,
                    -(third * z + 2 * centre.second) * e * e)
        }
        let z = (y - mu) * inverseScale
        var result = pieces(z, event ? family.logDensity : family.logSurvival)
        if let entry, entry.isFinite {
            let entryPieces = pieces((entry - mu) * inverseScale, family.logSurvival)
            result.0 -= entryPieces.0
            result.1 -= entryPieces.1
            result.2 -= entryPieces.2
            result.3 -= entryPieces.3
        }
        return result
    }
}
