import DataIO
import Regression

/// What a ``RegressionEstimates`` may need besides the fit: the design and data it was fitted on, the
/// dose column of a model with a dose role, and whether to run the Cox proportional-hazards test.
public struct RegressionEstimatesContext: Sendable {
    /// The design the model was fitted on.
    public var design: DesignMatrix
    /// The data (for `cox.zph`).
    public var dataset: SurvivalDataset
    /// The dose column of a model with a dose role (the Emax AFT), else `nil`.
    public var doseColumn: String?
    /// Whether to run `cox.zph` on a Cox fit.
    public var testsProportionalHazards: Bool
    /// The model's data (design, outcome, groups), for estimates built from the fitted baseline (the frailty
    /// Cox model's spread of typical relief); nil when not at hand.
    public var data: RegressionData?

    /// Creates a context.
    /// - Parameters:
    ///   - design: The design.
    ///   - dataset: The data.
    ///   - doseColumn: The dose column of a dose-role model.
    ///   - testsProportionalHazards: Whether to run `cox.zph`.
    ///   - data: The model's data.
    public init(design: DesignMatrix, dataset: SurvivalDataset, doseColumn: String? = nil, testsProportionalHazards: Bool = false,
                data: RegressionData? = nil) {
        self.data = data
        self.design = design
        self.dataset = dataset
        self.doseColumn = doseColumn
        self.testsProportionalHazards = testsProportionalHazards
    }
}
