/// One term of a formula, as R's `terms` orders them: main effects first, then two-way interactions,
/// and so on, each group in order of appearance.
public struct FormulaTerm: Sendable, Equatable, Hashable {
    /// The label as R writes it: variable labels joined by `:` in variable order, e.g.
    /// `dose_mg_kg:cotherapy`.
    public let label: String
    /// Indices into ``Formula/factors`` of the variables in the term, increasing.
    public let variables: [Int]

    /// The number of variables (R's term order).
    public var order: Int { variables.count }

    /// Creates a term.
    /// - Parameters:
    ///   - label: The term label.
    ///   - variables: Increasing indices into the formula's variables.
    public init(label: String, variables: [Int]) {
        self.label = label
        self.variables = variables
    }
}
