import NumericCore

/// The design of a regression model: the covariate matrix with R's column names, which columns came
/// from which term, strata and clusters, and the coding needed to build prediction rows the same way.
///
/// Built by ``DesignMatrixBuilder``. Columns are those of R's `model.matrix` (without the intercept
/// for Cox, as `coxph` drops it): `dose_mg_kg`, `conditionneuropathic`,
/// `dose_mg_kg:cotherapyphysical_therapy`, `I(dose_mg_kg^2)`, `ns(dose_mg_kg, df = 3)1`, ...
public struct DesignMatrix: Sendable {
    /// The design: one row per used row of the data, one column per ``termNames`` entry (`rows × 0` after
    /// ``takeMatrix()``).
    public private(set) var x: Matrix
    /// The column names, as R's `colnames(model.matrix(...))` (with `(Intercept)` first when present).
    public let termNames: [String]
    /// Per formula term, its label and columns (in order); the intercept belongs to none.
    public let terms: [DesignTerm]
    /// Per column, the index into ``terms`` it came from; -1 for the intercept (R's `assign`, 0-based).
    public let assign: [Int]
    /// Whether the first column is the intercept.
    public let hasIntercept: Bool
    /// Per row, its stratum (index into ``strataLevels``); `nil` without `strata()`.
    public let strata: [Int]?
    /// Stratum labels as R's `strata()` writes them for factors (`S01`, or `IV, high` for two columns;
    /// `interval_days=7` when a column is numeric); empty without strata.
    public let strataLevels: [String]
    /// Per row, its cluster (0..<``clusterCount``, in order of first appearance); `nil` without a cluster.
    public let cluster: [Int]?
    /// The number of distinct clusters (0 without a cluster).
    public let clusterCount: Int
    /// The cluster column, if any.
    public let clusterColumn: String?
    /// The coding (factor levels, reference levels, spline knots) for building profile rows.
    public let coding: DesignCoding
    /// The groups of the `frailty()` term, if any (not design columns).
    public let frailty: FrailtyGroups?

    /// The formula the design was built from.
    public var formula: Formula { coding.formula }

    /// The number of rows.
    public var rows: Int { x.rows }

    /// Moves the matrix out, leaving `rows × 0` (the names, terms, strata, clusters and coding stay): for a
    /// caller that hands the only copy of the design to a fit that releases it
    /// (``SurvivalRegressionModel/fit(releasing:)``) and reads no column afterwards.
    /// - Returns: The matrix.
    package mutating func takeMatrix() -> Matrix {
        let matrix = x
        x = Matrix(rows: x.rows, columns: 0)
        return matrix
    }

    /// The number of columns.
    public var columns: Int { x.columns }

    /// The reference level of each factor column (the first level in coding order).
    public var referenceLevels: [String: String] {
        coding.factorLevels.compactMapValues(\.first)
    }
}
