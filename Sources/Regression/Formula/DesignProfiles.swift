import NumericCore

/// Design rows for prediction profiles, coded exactly as the fitted design (same reference levels,
/// same spline knots).
public struct DesignProfiles: Sendable {
    /// One row per profile, the columns of the fitted design (``DesignMatrix/termNames``).
    public let x: Matrix
    /// The column names (equal to the fitted design's).
    public let termNames: [String]
    /// The data columns that define a profile, in the order given (then defaults).
    public let columns: [String]
    /// Per profile, the value of each of ``columns`` as given.
    public let values: [[String]]

    /// Creates profiles.
    /// - Parameters:
    ///   - x: The design rows.
    ///   - termNames: The column names.
    ///   - columns: The data columns.
    ///   - values: Per profile, the values of `columns`.
    public init(x: Matrix, termNames: [String], columns: [String], values: [[String]]) {
        self.x = x
        self.termNames = termNames
        self.columns = columns
        self.values = values
    }

    /// The number of profiles.
    public var count: Int { values.count }

    /// Per profile, a label such as `dose_mg_kg=0.5, interval_days=14`.
    public var labels: [String] {
        values.map { row in zip(columns, row).map { "\($0)=\($1)" }.joined(separator: ", ") }
    }
}
