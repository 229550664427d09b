import DoseResponse
import Regression

/// What `relief fit emax|sigemax` reports: the one-step Emax AFT fit (``EmaxAFTFit``) and its curve at
/// the reference covariate profile on a dose grid (computed in StatModels).
public struct EmaxFitReport: Sendable {
    /// The fit.
    public var fit: EmaxAFTFit
    /// The dose column.
    public var doseColumn: String
    /// The covariate formula (right-hand side), empty for none.
    public var formula: String
    /// The reference levels of factor covariates.
    public var referenceLevels: [(column: String, level: String)]
    /// The cluster column of robust SEs, if any.
    public var clusterColumn: String?
    /// The reported model's curve at the reference profile (all covariates 0 / reference levels): the
    /// Emax curve, or the best identified alternative's when ED50 is not identified.
    public var curve: [EmaxAFTCurvePoint]
    /// The per-term tests of the covariates in the reported model (the Emax fit, or the alternative when
    /// ED50 is not identified), or nil when none were asked for or the formula is empty.
    public var termTests: TermTests? = nil
}
