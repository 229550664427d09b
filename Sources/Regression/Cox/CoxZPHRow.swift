/// One row of the proportional-hazards test table (`cox.zph(fit)$table`).
public struct CoxZPHRow: Sendable, Equatable {
    /// The term name, or `"GLOBAL"` for the joint test.
    public let term: String
    /// The score-test chi-squared statistic.
    public let chiSquare: Double
    /// Degrees of freedom (1 per column; p for the global test).
    public let degreesOfFreedom: Int
    /// Upper-tail chi-squared p-value.
    public let pValue: Double
}
