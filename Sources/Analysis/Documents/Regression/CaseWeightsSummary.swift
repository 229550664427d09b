import Reporting

/// The case weights of a weighted fit (`relief fit --weights COLUMN`, R's `coxph`/`survreg(..., weights =)`), as
/// the outputs state them: the column, the total weight, whether every weight is an integer, and which variance
/// the coefficient table's z, p and interval use and why.
///
/// R's rules: `coxph` uses the robust (sandwich) variance by default when a cluster is given or a weight is not an
/// integer (`has.rwt`), each row its own cluster without one; `survreg` only with a cluster. n and the event count
/// stay rows (R's `n` and `nevent`), not sums of weights.
public struct CaseWeightsSummary: Sendable, Equatable {
    /// The weight column.
    public var column: String
    /// The sum of the weights of the fitted rows.
    public var total: Double
    /// Whether every weight is an integer (then R's `coxph` keeps the model-based variance without a cluster).
    public var areIntegers: Bool
    /// The variance of z, p and the intervals in words, or nil when the model's own notes say it (a frailty fit).
    public var variance: String?

    /// Summarises the weights of a fit.
    /// - Parameters:
    ///   - column: The weight column.
    ///   - weights: The weights of the fitted rows.
    ///   - robust: Whether the fit has a robust variance.
    ///   - clustered: Whether the robust variance is clustered by a column (`--cluster`, `cluster()`).
    ///   - penalised: Whether the fit is a frailty fit (its coefficient notes name its variances).
    /// - Complexity: O(rows).
    public init(column: String, weights: [Double], robust: Bool, clustered: Bool, penalised: Bool) {
        self.column = column
        self.total = weights.reduce(0, +)
        self.areIntegers = weights.allSatisfy { $0 == $0.rounded(.down) }
        if penalised || clustered {
            variance = nil
        } else if robust {
            variance = "robust (sandwich), each row its own cluster: a weight is not an integer (R's coxph default); "
                + "std_error is the model-based SE"
        } else {
            variance = "model-based: " + (areIntegers
                ? "the weights are integers (R's coxph and survreg default)"
                : "R's survreg default with case weights (--cluster COLUMN for robust SEs)")
        }
    }

    /// The model line: the column, and that n and events count rows.
    var line: String {
        "column \(column) (R's weights = \(column)), total \(Self.number(total)); n and events count rows, as R's n and number of events do"
    }

    /// The JSON member `weights`: `{"column", "total", "integers", "variance"}` (`variance` null when the model's
    /// notes give it).
    var json: JSONValue {
        .object([
            ("column", .string(column)), ("total", .optional(total)), ("integers", .bool(areIntegers)),
            ("variance", .optional(variance)),
        ])
    }

    /// A weight total without trailing zeros (`1597`, `1796.25`).
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.10g", value)
    }
}
