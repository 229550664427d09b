/// The rows of a regression's forest plot and headline: one per model term (the intercept left out),
/// with the ratio (time ratio for AFT models, hazard ratio for Cox) and its confidence limits read from
/// the fit's coefficient table (``RegressionEstimates/forestRows(_:)``); none for a model whose
/// parameters are not log ratios. Categorical terms are labelled "column: level vs reference".
public struct ForestRows: Sendable {
    /// One term.
    public struct Row: Sendable, Equatable {
        /// The reader's label, e.g. "dose_group: high vs low".
        public let label: String
        /// The ratio, or `nil` when not estimable.
        public let estimate: Double?
        /// The lower confidence limit.
        public let lower: Double?
        /// The upper confidence limit.
        public let upper: Double?
    }

    /// The rows in term order.
    public let rows: [Row]

    /// Reads the rows of a regression result.
    /// - Parameter result: The fitted regression.
    public init(_ result: RegressionResult) {
        rows = result.estimates.forestRows(result)
    }

    /// The value when finite, else `nil` (not estimable).
    static func finite(_ value: Double) -> Double? { value.isFinite ? value : nil }

    /// The row of a term with its ratio and interval (non-finite values become "not estimable").
    static func row(_ term: String, ratio: Double, lower: Double, upper: Double, _ result: RegressionResult) -> Row {
        Row(label: label(term, result), estimate: finite(ratio), lower: finite(lower), upper: finite(upper))
    }

    /// "column: level vs reference" for a dummy of a categorical column, else the term itself.
    static func label(_ term: String, _ result: RegressionResult) -> String {
        for reference in result.referenceLevels.sorted(by: { $0.column.count > $1.column.count })
        where term.hasPrefix(reference.column) && term.count > reference.column.count {
            let level = term.dropFirst(reference.column.count)
            return "\(reference.column): \(level) vs \(reference.level)"
        }
        return term
    }
}

extension RegressionResult {
    /// Whether the model's ratios are hazard ratios (Cox) rather than time ratios (AFT).
    public var isCox: Bool { estimates.ratioName == "hazard_ratio" }
}
