import NumericCore

/// The baseline cumulative hazard of a fitted Cox model, per stratum, with what R's `survfit.coxph`
/// needs for the standard error of a predicted curve (`agsurv` in survival 3.x).
///
/// Everything is for the centred covariates `x − means`, i.e. the reference risk score is
/// `exp((x − means)ᵀ β)`. At each distinct time `t_k` of a stratum (events and censorings), with
/// `R_k = Σ_{risk set} w r`, `D_k = Σ_{events at t_k} w r`, `d_k` events (unweighted count), `e_k` their
/// weight, and `X_k`, `X2_k` the matching `w r x` sums:
/// - Breslow: `dΛ_k = e_k / R_k`, `dV_k = e_k / R_k²`, `dA_k = (X_k / R_k) dΛ_k`;
/// - Efron: `dΛ_k = e_k · (1/d) Σ_{j<d} 1/(R_k − j D_k/d)`, `dV_k = e_k · (1/d) Σ_j 1/(R_k − j D_k/d)²`,
///   `dA_k = e_k · (1/d) Σ_j (X_k − j X2_k/d) / (R_k − j D_k/d)²`;
/// and `Λ`, `V`, `A` are their running sums (`cumhaz`, `cumsum(varhaz)`, `xbar`).
public struct CoxBaselineHazard: Sendable, Equatable {
    /// The baseline of one stratum, in ascending time.
    public struct Stratum: Sendable, Equatable {
        /// The stratum label as given to `CoxPH.fit` (`nil` without strata).
        public let label: Int?
        /// Rows in the stratum.
        public let n: Int
        /// Distinct times (after R's time fix when the fit used it), ascending.
        public let times: [Double]
        /// Weighted number at risk at each time (R's `n.risk`).
        public let atRisk: [Double]
        /// Weighted number of events at each time (R's `n.event`).
        public let events: [Double]
        /// Weighted number censored at each time (R's `n.censor`).
        public let censored: [Double]
        /// `Λ₀(t_k)` at the centred reference `x = means`.
        public let cumulativeHazard: [Double]
        /// `Σ_{j≤k} dV_j`, the hazard-variance term of R's `varh`.
        public let hazardVariance: [Double]
        /// `A(t_k)`, row-major `times.count × p`: the running hazard-weighted mean of the centred
        /// covariates (R's `xbar`).
        public let hazardMeans: [Double]

        /// Creates a stratum baseline; see the properties.
        public init(label: Int?, n: Int, times: [Double], atRisk: [Double], events: [Double], censored: [Double],
                    cumulativeHazard: [Double], hazardVariance: [Double], hazardMeans: [Double]) {
            self.label = label
            self.n = n
            self.times = times
            self.atRisk = atRisk
            self.events = events
            self.censored = censored
            self.cumulativeHazard = cumulativeHazard
            self.hazardVariance = hazardVariance
            self.hazardMeans = hazardMeans
        }
    }

    /// Tie handling of the fit; Efron fits get the Efron-adjusted hazard (R's default `ctype`).
    public let ties: CoxPH.Ties
    /// `β` of the fit.
    public let coefficients: [Double]
    /// The centring `means` of the fit.
    public let means: [Double]
    /// The variance of `β` used for the curve SEs: the fit's robust variance when it has one, else the
    /// naive one (R's `object$var`). Undefined entries (singular columns) are taken as 0.
    public let variance: Matrix
    /// The strata in ascending label order (one without strata).
    public let strata: [Stratum]

    /// Creates a baseline (normally through `CoxPHFit.baselineHazard`); see the properties.
    public init(ties: CoxPH.Ties, coefficients: [Double], means: [Double], variance: Matrix, strata: [Stratum]) {
        self.ties = ties
        self.coefficients = coefficients
        self.means = means
        self.variance = variance
        self.strata = strata
    }
}
