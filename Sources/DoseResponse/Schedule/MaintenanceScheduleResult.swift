/// What `relief schedule` computes: the predicted relief coverage for every dose x interval of the
/// grid, and per dose the longest interval that keeps coverage at or above the target.
public struct MaintenanceScheduleResult: Sendable {
    /// One cell of the dose x interval table.
    public struct Cell: Sendable, Equatable {
        /// The dose.
        public let dose: Double
        /// The interval `I` between infusions, in days.
        public let interval: Double
        /// `RMST(I) / I`, the expected fraction of days in relief.
        public let coverage: Double
        /// Delta-method SE of the coverage, `se(RMST(I)) / I`.
        public let coverageStandardError: Double
        /// Lower confidence limit of the coverage (logit scale, see ``MaintenanceSchedule``).
        public let lower: Double
        /// Upper confidence limit of the coverage.
        public let upper: Double
        /// `RMST(I) = E[min(T, I)]`, expected days in relief per interval.
        public let restrictedMean: Double
        /// Its delta-method SE.
        public let restrictedMeanStandardError: Double
        /// Whether `coverage >= target`.
        public let meetsTarget: Bool

        /// Creates a cell; see the properties.
        public init(dose: Double, interval: Double, coverage: Double, coverageStandardError: Double, lower: Double,
                    upper: Double, restrictedMean: Double, restrictedMeanStandardError: Double, meetsTarget: Bool) {
            self.dose = dose
            self.interval = interval
            self.coverage = coverage
            self.coverageStandardError = coverageStandardError
            self.lower = lower
            self.upper = upper
            self.restrictedMean = restrictedMean
            self.restrictedMeanStandardError = restrictedMeanStandardError
            self.meetsTarget = meetsTarget
        }
    }

    /// Per dose, the longest interval meeting the target.
    public struct LongestInterval: Sendable, Equatable {
        /// The dose.
        public let dose: Double
        /// The longest grid interval whose coverage is at or above the target, `nil` when none is.
        public let interval: Double?
        /// The longest grid interval whose lower confidence limit is at or above the target (conservative),
        /// `nil` when none is.
        public let conservativeInterval: Double?
        /// The interval where the fitted coverage crosses the target between ``interval`` and the next
        /// grid interval (bisection to 1e-6 days), `nil` when it is not bracketed by the grid.
        public let solvedInterval: Double?
        /// Why there is no solved interval, or how to read it.
        public let note: String

        /// Creates a row; see the properties.
        public init(dose: Double, interval: Double?, conservativeInterval: Double?, solvedInterval: Double?, note: String) {
            self.dose = dose
            self.interval = interval
            self.conservativeInterval = conservativeInterval
            self.solvedInterval = solvedInterval
            self.note = note
        }
    }

    /// The doses of the grid, in the order given.
    public let doses: [Double]
    /// The intervals of the grid, ascending.
    public let intervals: [Double]
    /// The coverage target.
    public let target: Double
    /// The confidence level of the intervals.
    public let confidenceLevel: Double
    /// Every cell, doses slowest (dose-major order).
    public let cells: [Cell]
    /// One row per dose.
    public let longestIntervals: [LongestInterval]
    /// The covariates held fixed and their values.
    public let fixedCovariates: [(column: String, value: String)]
    /// The assumptions behind the numbers, as sentences.
    public let assumptions: [String]
    /// Warnings (extrapolation beyond the data, coverage never reaching the target).
    public let warnings: [String]

    /// Creates a result; see the properties.
    public init(doses: [Double], intervals: [Double], target: Double, confidenceLevel: Double, cells: [Cell],
                longestIntervals: [LongestInterval], fixedCovariates: [(column: String, value: String)],
                assumptions: [String], warnings: [String]) {
        self.doses = doses
        self.intervals = intervals
        self.target = target
        self.confidenceLevel = confidenceLevel
        self.cells = cells
        self.longestIntervals = longestIntervals
        self.fixedCovariates = fixedCovariates
        self.assumptions = assumptions
        self.warnings = warnings
    }

    /// The cell of a dose and interval, if on the grid.
    /// - Parameters:
    ///   - dose: The dose.
    ///   - interval: The interval.
    /// - Returns: The cell.
    /// - Complexity: O(cells).
    public func cell(dose: Double, interval: Double) -> Cell? {
        cells.first { $0.dose == dose && $0.interval == interval }
    }
}
