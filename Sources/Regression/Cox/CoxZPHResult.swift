/// The proportional-hazards test of a Cox fit: one row per design column and the global test.
public struct CoxZPHResult: Sendable, Equatable {
    /// The time transform used.
    public let transform: CoxZPH.Transform
    /// One test per design column, in column order.
    public let terms: [CoxZPHRow]
    /// The joint test of all columns.
    public let global: CoxZPHRow

    /// Creates a result.
    /// - Parameters: the fields, see their documentation.
    public init(transform: CoxZPH.Transform, terms: [CoxZPHRow], global: CoxZPHRow) {
        self.transform = transform
        self.terms = terms
        self.global = global
    }

    /// The terms whose p-value is below `level`, e.g. candidates for a time-varying effect.
    /// - Parameter level: the significance level, e.g. 0.05.
    /// - Returns: the names of those terms.
    public func violations(at level: Double) -> [String] {
        terms.filter { $0.pValue < level }.map(\.term)
    }
}
