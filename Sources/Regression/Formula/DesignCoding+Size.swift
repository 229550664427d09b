extension DesignCoding {
    /// Counts the design columns of `formula` from the factor levels alone, before anything is built,
    /// and refuses a design wider than `limit`.
    ///
    /// A term has the product of the widths of its variables: 1 for a numeric column or a transform,
    /// `df` for `ns(x, df)`, levels − 1 for a factor coded by contrasts and levels for one coded by
    /// indicators (R's rule, as ``design(_:)`` codes them). Counting stops at the first term that takes
    /// the total past `limit`.
    /// - Parameters:
    ///   - formula: The parsed formula.
    ///   - factorLevels: The number of levels per factor column.
    ///   - hasIntercept: Whether an intercept column comes first.
    ///   - limit: The most design columns.
    /// - Returns: The number of design columns (at most `limit`).
    /// - Throws: ``DesignMatrixError/tooManyColumns(columns:limit:term:termColumns:)`` naming the widest
    ///   term counted.
    /// - Complexity: O(counted terms² x order) for terms with factors, O(order) for the others.
    package static func columnCount(
        _ formula: Formula, factorLevels: [String: Int], hasIntercept: Bool, limit: Int
    ) throws(DesignMatrixError) -> Int {
        var total = hasIntercept ? 1 : 0
        var widest: (term: String, columns: Int)?
        let terms = formula.terms
        for (t, term) in terms.enumerated() {
            var width = 1
            for v in term.variables {
                let variable = formula.factors[v]
                var w = 1
                switch variable.kind {
                case .naturalSpline(let df):
                    w = df
                case .column, .factor:
                    if let levels = factorLevels[variable.kind == .factor ? variable.label : variable.columns.first ?? ""] {
                        w = usesContrasts(terms, term: t, variable: v) ? levels - 1 : levels
                    }
                case .transform, .strata, .cluster, .frailty:
                    w = 1
                }
                let (next, overflow) = width.multipliedReportingOverflow(by: max(w, 0))
                width = overflow ? Int.max : next
            }
            if widest == nil || width > (widest?.columns ?? 0) { widest = (term.label, width) }
            let (next, overflow) = total.addingReportingOverflow(width)
            total = overflow ? Int.max : next
            if total > limit {
                throw .tooManyColumns(
                    columns: total, limit: limit, term: widest?.term ?? term.label, termColumns: widest?.columns ?? width)
            }
        }
        return total
    }
}
