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

    /// Creates a context.
    /// - Parameters:
    ///   - design: The design.
    ///   - dataset: The data.
    ///   - doseColumn: The dose column of a dose-role model.
    ///   - testsProportionalHazards: Whether to run `cox.zph`.
    public init(design: DesignMatrix, dataset: SurvivalDataset, doseColumn: String? = nil, testsProportionalHazards: Bool = false) {
        self.design = design
        self.dataset = dataset
        self.doseColumn = doseColumn
        self.testsProportionalHazards = testsProportionalHazards
    }
}
