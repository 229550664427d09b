import Reporting

/// The rows of `relief fit`'s tidy CSV table as they are added: one number (or an estimate with its SE,
/// z, p, ratio and interval) per row, in the columns `section, model, term, measure, estimate,
/// std_error, robust_std_error, z, p_value, ratio, lower, upper, df, confidence_level, relief_version`.
public struct RegressionCSVRows: Sendable {
    /// The model named on each row unless a row names another.
    public let model: String
    /// The trailing cells of every row (`confidence_level`, `relief_version`).
    let trailer: [ReportCell]
    /// The rows so far.
    public private(set) var rows: [[ReportCell]] = []

    /// Starts an empty table.
    /// - Parameters:
    ///   - model: The fitted model's name.
    ///   - confidenceLevel: The level of the intervals.
    ///   - version: The Relief version.
    public init(model: String, confidenceLevel: Double, version: String) {
        self.model = model
        self.trailer = [.number(confidenceLevel), .text(version)]
    }

    /// The columns of the table.
    public static var columns: [ReportColumn] {
        ["section", "model", "term", "measure"].map { ReportColumn($0, style: .label) }
            + ["estimate", "std_error", "robust_std_error", "z", "p_value", "ratio", "lower", "upper", "df"].map {
                ReportColumn($0, style: .general(significant: 17))
            }
            + ["confidence_level", "relief_version"].map { ReportColumn($0, style: .label) }
    }

    /// Adds a row; unknown numbers become `NA` in CSV, fields left `nil` stay empty.
    /// - Parameters:
    ///   - section: The section (`coefficient`, `fit`, `test`, ...).
    ///   - model: The model, when not the fitted one.
    ///   - term: The term.
    ///   - measure: The measure.
    ///   - estimate: The estimate (or `count`).
    ///   - count: An integer estimate.
    ///   - standardError: The model-based SE.
    ///   - robust: The robust SE.
    ///   - z: The z statistic.
    ///   - p: The p-value.
    ///   - ratio: The ratio.
    ///   - lower: The lower limit.
    ///   - upper: The upper limit.
    ///   - df: The degrees of freedom.
    public mutating func add(
        _ section: String, model: String? = nil, term: String = "", measure: String, estimate: Double? = nil,
        count: Int? = nil, standardError: Double? = nil, robust: Double? = nil, z: Double? = nil,
        p: Double? = nil, ratio: Double? = nil, lower: Double? = nil, upper: Double? = nil, df: Int? = nil
    ) {
        var row: [ReportCell] = [.text(section), .text(model ?? self.model), .text(term), .text(measure)]
        row.append(count.map { .integer($0) } ?? estimate.map { .number($0) } ?? .empty)
        for value in [standardError, robust, z, p, ratio, lower, upper] {
            row.append(value.map { .number($0) } ?? .empty)
        }
        row.append(df.map { .integer($0) } ?? .empty)
        rows.append(row + trailer)
    }

    /// Adds the fit rows every model has: log-likelihoods, AIC, BIC.
    /// - Parameters:
    ///   - logLikelihood: The model's log-likelihood.
    ///   - nullLogLikelihood: The reference model's, or `nil`.
    ///   - aic: The AIC.
    ///   - bic: The BIC.
    public mutating func addLikelihoods(logLikelihood: Double, nullLogLikelihood: Double?, aic: Double?, bic: Double?) {
        add("fit", measure: "log_likelihood", estimate: logLikelihood)
        if let nullLogLikelihood { add("fit", measure: "null_log_likelihood", estimate: nullLogLikelihood) }
        add("fit", measure: "aic", estimate: aic ?? .nan)
        add("fit", measure: "bic", estimate: bic ?? .nan)
    }
}
