extension CoxPH {
    /// How tied event times enter the partial likelihood (`ties` in R's `coxph`).
    ///
    /// With `d` events at a time, risk set sum `R` and tied-event risk sum `D`:
    /// - `breslow`: every tied event sees the full risk set, `log L += Σ_tied η_i − d · log R`.
    /// - `efron`: the k-th tied event (k = 0…d−1) sees `R − (k/d) D`,
    ///   `log L += Σ_tied η_i − Σ_k log(R − (k/d) D)` (R's default; exact for `d = 1`).
    public enum Ties: String, Sendable, CaseIterable, Equatable {
        /// Efron's approximation (R's default).
        case efron
        /// Breslow's approximation.
        case breslow
    }
}
