import Regression
import Reporting

/// The estimates of a fit with a per-patient effect on log time (``PatientVariationFit``): the
/// ``RegressionEstimates`` members such fits answer alike (the fit, its warnings, time ratios and the
/// forest plot's rows). Conformers: ``GammaFrailtyEstimates``, ``RandomInterceptEstimates``.
public protocol PatientVariationEstimates: RegressionEstimates {
    /// The fit's type.
    associatedtype Model: PatientVariationFit
    /// The fitted model.
    var model: Model { get }
}

extension PatientVariationEstimates {
    public var fit: any SurvivalRegressionFit { model }
    public var warnings: [String] { model.warnings }
    public var ratioName: String? { "time_ratio" }
    public func forestRows(_ result: RegressionResult) -> [ForestRows.Row] { PatientVariationDocument.forestRows(model, result) }
}
