import NumericCore
import Survival

/// The data a survival regression model is fitted on: the design, the right-censored outcome and the
/// optional row roles (case weights, strata, clusters, the dose of a dose–response model).
///
/// Every ``SurvivalRegressionModel`` takes this one value; a model refuses roles it cannot use
/// (strata for an AFT model) and requires the ones it needs (the dose of an Emax model), see
/// ``SurvivalModelEntry/requirements``. The design follows the model's entry: with the intercept column
/// for AFT models, without it for Cox and Emax models.
///
/// ```swift
/// let design = try DesignMatrixBuilder(intercept: false).build(formula, data: dataset)
/// let data = RegressionData(design: design, time: dataset.time, event: dataset.event)
/// let fit = try CoxPH().fit(data)
/// ```
public struct RegressionData: Sendable {
    /// The `n × p` design (column-major), one column per ``termNames`` entry.
    public var x: Matrix
    /// The column names (R's `model.matrix` names).
    public var termNames: [String]
    /// Follow-up times.
    public var time: [Double]
    /// `true` = event observed, `false` = right-censored.
    public var event: [Bool]
    /// Positive case weights, or nil for 1.
    public var weights: [Double]?
    /// Stratum label per row (Cox: one baseline hazard per stratum), or nil.
    public var strata: [Int]?
    /// Cluster label per row (robust variance), or nil.
    public var cluster: [Int]?
    /// Dose per row for dose–response models (not a column of `x`), or nil.
    public var dose: [Double]?
    /// Entry time per row of counting-process data `(start, stop]` (``time`` is then the stop time; a
    /// row is at risk at `t` when `start < t ≤ time`), or nil. Models whose registry requirements do not
    /// allow entry times refuse it.
    public var start: [Double]? = nil
    /// The groups of a `frailty()` term (a shared-frailty Cox fit), or nil.
    public var frailty: FrailtyGroups? = nil
    /// Per design column, the index of its formula term (R's `assign`), or nil when unknown (then each
    /// column is its own term).
    public var assign: [Int]? = nil

    /// Creates the data.
    ///
    /// - Parameters:
    ///   - x: The `n × p` design.
    ///   - termNames: One name per column; nil gives `x1`, `x2`, ….
    ///   - time: Follow-up times, length `n`.
    ///   - event: Event indicators, length `n`.
    ///   - weights: Case weights or nil.
    ///   - strata: Stratum labels or nil.
    ///   - cluster: Cluster labels or nil.
    ///   - dose: Doses or nil.
    /// - Complexity: O(p) (arrays are shared, not copied).
    public init(x: Matrix, termNames: [String]? = nil, time: [Double], event: [Bool], weights: [Double]? = nil,
                strata: [Int]? = nil, cluster: [Int]? = nil, dose: [Double]? = nil) {
        self.x = x
        self.termNames = termNames ?? (0..<x.columns).map { "x\($0 + 1)" }
        self.time = time
        self.event = event
        self.weights = weights
        self.strata = strata
        self.cluster = cluster
        self.dose = dose
    }

    /// The data of a built design: its matrix, names, strata and clusters.
    ///
    /// - Parameters:
    ///   - design: The design built from the formula.
    ///   - time: Follow-up times of the rows used.
    ///   - event: Event indicators.
    ///   - weights: Case weights or nil.
    ///   - dose: Doses or nil.
    ///   - start: Entry times of `(start, stop]` rows or nil.
    public init(design: DesignMatrix, time: [Double], event: [Bool], weights: [Double]? = nil, dose: [Double]? = nil,
                start: [Double]? = nil) {
        self.init(x: design.x, termNames: design.termNames, time: time, event: event, weights: weights,
                  strata: design.strata, cluster: design.cluster, dose: dose)
        self.start = start
        self.frailty = design.frailty
        self.assign = design.assign
    }

    /// The same data with the entry times of `(start, stop]` rows (nil: entry at 0).
    /// - Parameter start: Entry times, one per row, or nil.
    /// - Returns: The data with ``start`` set.
    public func entering(at start: [Double]?) -> RegressionData {
        var data = self
        data.start = start
        return data
    }

    /// The number of rows.
    public var rows: Int { time.count }

    /// The number of rows with an event.
    public var events: Int { event.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// The data with only the design columns `kept` (in that order) and without clusters: the data of a
    /// reduced model.
    /// - Parameter kept: Column indices of ``x``.
    /// - Throws: `StatModelError.invalidArgument` for an index outside the design.
    /// - Complexity: O(n × kept.count).
    public func keepingColumns(_ kept: [Int]) throws(StatModelError) -> RegressionData {
        var elements: [Double] = []
        elements.reserveCapacity(x.rows * kept.count)
        for j in kept {
            guard let column = x.column(j) else {
                throw .invalidArgument(context: "reduced model", message: "no design column \(j + 1) (the design has \(x.columns))")
            }
            elements += column
        }
        var reduced = self
        do throws(LinearAlgebraError) {
            reduced.x = try Matrix(rows: x.rows, columns: kept.count, columnMajor: elements)
        } catch {
            throw .invalidArgument(context: "reduced model", message: "\(error)")
        }
        reduced.termNames = kept.map { termNames.indices.contains($0) ? termNames[$0] : "x\($0 + 1)" }
        reduced.cluster = nil
        reduced.assign = assign.map { all in kept.map { all.indices.contains($0) ? all[$0] : $0 } }
        return reduced
    }
}
