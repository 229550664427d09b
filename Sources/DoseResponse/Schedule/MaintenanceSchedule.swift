import Foundation
import NumericCore

/// The maintenance-schedule question: at each dose, what fraction of days is a patient in relief when
/// infusions repeat every `I` days, and how long may `I` be while that fraction stays at or above a
/// target?
///
/// If each infusion restarts relief (a renewal process) and relief lasts `T` days after an infusion,
/// the days in relief per interval are `min(T, I)`, so the long-run fraction of days in relief is
///
///     coverage(I) = E[min(T, I)] / I = RMST(I) / I = (1/I) ∫₀^I S(t | dose, interval = I) dt,
///
/// with `S` the fitted survival curve of relief at the profile (dose, interval = I, other covariates
/// fixed). The standard error is the delta-method one, `se(coverage) = se(RMST(I)) / I`, and the
/// interval is built on the logit scale,
/// `logit⁻¹(logit c ± z · se / (c (1 − c)))`, so it stays within (0, 1); when the coverage is 0 or 1 to
/// machine precision the symmetric interval clipped to [0, 1] is used.
public struct MaintenanceSchedule: Sendable {
    /// The doses, at least one, finite and >= 0.
    public var doses: [Double]
    /// The intervals in days, at least one, finite and > 0 (sorted ascending in the result).
    public var intervals: [Double]
    /// The wanted coverage, in (0, 1).
    public var target: Double
    /// The two-sided confidence level, in (0, 1).
    public var confidenceLevel: Double
    /// Whether to solve, per dose, for the interval where the fitted coverage crosses the target
    /// between grid intervals (bisection).
    public var solvesContinuously: Bool
    /// The range of doses in the data, to warn on extrapolation (`nil` = unknown).
    public var observedDoses: ClosedRange<Double>?
    /// The range of intervals in the data, to warn on extrapolation (`nil` = unknown).
    public var observedIntervals: ClosedRange<Double>?
    /// The plural of the time unit in the notes, warnings and assumptions the result states ("days").
    public var unitName = "days"
    /// The outcome's word in them ("relief").
    public var outcomeName = "relief"

    /// Creates a schedule specification.
    /// - Parameters:
    ///   - doses: The doses.
    ///   - intervals: The intervals in days.
    ///   - target: The wanted coverage (default 0.8).
    ///   - confidenceLevel: The confidence level (default 0.95).
    ///   - solvesContinuously: Solve the crossing interval between grid points (default true).
    ///   - observedDoses: The doses seen in the data.
    ///   - observedIntervals: The intervals seen in the data.
    public init(doses: [Double], intervals: [Double], target: Double = 0.8, confidenceLevel: Double = 0.95,
                solvesContinuously: Bool = true, observedDoses: ClosedRange<Double>? = nil,
                observedIntervals: ClosedRange<Double>? = nil) {
        self.doses = doses
        self.intervals = intervals
        self.target = target
        self.confidenceLevel = confidenceLevel
        self.solvesContinuously = solvesContinuously
        self.observedDoses = observedDoses
        self.observedIntervals = observedIntervals
    }

    /// Computes the coverage table and the longest intervals.
    /// - Parameters:
    ///   - model: The fitted relief-duration model.
    ///   - modelAssumption: A sentence on how the model carries dose and interval (added to the assumptions).
    /// - Returns: The result.
    /// - Throws: ``MaintenanceScheduleError`` for a bad grid or target, or a failed prediction.
    /// - Complexity: O(doses · intervals) restricted-mean predictions (one adaptive quadrature each), plus
    ///   up to 60 more per dose for the bisection.
    public func compute(_ model: some ReliefCoverageModel, modelAssumption: String? = nil)
        throws(MaintenanceScheduleError) -> MaintenanceScheduleResult {
        try check()
        let grid = Array(Set(intervals)).sorted()
        let z = Normal.quantile(0.5 + confidenceLevel / 2)
        var cells: [MaintenanceScheduleResult.Cell] = []
        var longest: [MaintenanceScheduleResult.LongestInterval] = []
        var warnings: [String] = []
        for dose in doses {
            var row: [MaintenanceScheduleResult.Cell] = []
            for interval in grid {
                row.append(try cell(model, dose: dose, interval: interval, z: z))
            }
            cells += row
            longest.append(try longestInterval(model, dose: dose, row: row, z: z))
        }
        if let observed = observedDoses {
            let outside = doses.filter { !observed.contains($0) }
            if !outside.isEmpty {
                warnings.append("dose(s) \(outside.map(Self.show).joined(separator: ", ")) lie outside the doses in the data ("
                    + "\(Self.show(observed.lowerBound))-\(Self.show(observed.upperBound))): those rows extrapolate the model")
            }
        }
        if let observed = observedIntervals {
            let outside = grid.filter { !observed.contains($0) }
            if !outside.isEmpty {
                warnings.append("interval(s) \(outside.map(Self.show).joined(separator: ", ")) lie outside the intervals in the data ("
                    + "\(Self.show(observed.lowerBound))-\(Self.show(observed.upperBound)) \(unitName)): those columns extrapolate the model")
            }
        }
        return MaintenanceScheduleResult(
            doses: doses, intervals: grid, target: target, confidenceLevel: confidenceLevel, cells: cells,
            longestIntervals: longest, fixedCovariates: model.fixedCovariates,
            assumptions: assumptions(model, modelAssumption: modelAssumption), warnings: warnings)
    }

    /// The coverage at one dose and interval with its interval on the logit scale.
    /// - Parameters:
    ///   - model: The model.
    ///   - dose: The dose.
    ///   - interval: The interval.
    ///   - z: The normal critical value.
    /// - Returns: The cell.
    /// - Throws: ``MaintenanceScheduleError``.
    /// - Complexity: one restricted-mean prediction.
    package func cell(_ model: some ReliefCoverageModel, dose: Double, interval: Double, z: Double)
        throws(MaintenanceScheduleError) -> MaintenanceScheduleResult.Cell {
        let rmst = try model.restrictedMean(dose: dose, interval: interval, tau: interval, confidenceLevel: confidenceLevel)
        let coverage = min(max(rmst.estimate / interval, 0), 1)
        let se = rmst.standardError / interval
        let (lower, upper) = Self.logitInterval(coverage, standardError: se, z: z)
        return MaintenanceScheduleResult.Cell(
            dose: dose, interval: interval, coverage: coverage, coverageStandardError: se, lower: lower, upper: upper,
            restrictedMean: rmst.estimate, restrictedMeanStandardError: rmst.standardError,
            meetsTarget: coverage >= target)
    }

    /// The interval `logit⁻¹(logit c ± z · se / (c (1 − c)))`, or `c ± z · se` clipped to [0, 1] when `c`
    /// is 0 or 1 (to machine precision).
    /// - Parameters:
    ///   - coverage: The estimate `c` in [0, 1].
    ///   - standardError: Its SE.
    ///   - z: The critical value.
    /// - Returns: Lower and upper limits.
    /// - Complexity: O(1).
    public static func logitInterval(_ coverage: Double, standardError: Double, z: Double) -> (lower: Double, upper: Double) {
        let c = coverage
        let spread = c * (1 - c)
        guard spread > 1e-12, standardError.isFinite else {
            return (max(0, c - z * standardError), min(1, c + z * standardError))
        }
        let logit = log(c / (1 - c))
        let half = z * standardError / spread
        func expit(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
        return (expit(logit - half), expit(logit + half))
    }

    /// Per dose, the longest grid interval meeting the target, the conservative one (lower limit) and the
    /// crossing solved between grid points.
    package func longestInterval(_ model: some ReliefCoverageModel, dose: Double, row: [MaintenanceScheduleResult.Cell], z: Double)
        throws(MaintenanceScheduleError) -> MaintenanceScheduleResult.LongestInterval {
        let percent = Self.show(target * 100) + "%"
        let best = row.lastIndex { $0.meetsTarget }
        let conservative = row.last { $0.lower >= target }?.interval
        guard let best else {
            return .init(
                dose: dose, interval: nil, conservativeInterval: conservative, solvedInterval: nil,
                note: "coverage is below \(percent) even at the shortest interval given; add shorter intervals to --intervals")
        }
        let next = best + 1
        guard row.indices.contains(next) else {
            return .init(
                dose: dose, interval: row[best].interval, conservativeInterval: conservative, solvedInterval: nil,
                note: "coverage is still at least \(percent) at the longest interval given; add longer intervals to --intervals")
        }
        guard solvesContinuously else {
            return .init(dose: dose, interval: row[best].interval, conservativeInterval: conservative, solvedInterval: nil,
                         note: "longest grid interval at or above \(percent)")
        }
        // Bisection on coverage(I) - target, which is >= 0 at row[best] and < 0 at row[next].
        var low = row[best].interval
        var high = row[next].interval
        var iterations = 0
        while high - low > 1e-6, iterations < 60 {
            let middle = (low + high) / 2
            let value = try cell(model, dose: dose, interval: middle, z: z)
            if value.meetsTarget { low = middle } else { high = middle }
            iterations += 1
        }
        let extra = row[best + 1 ..< row.count].contains { $0.meetsTarget }
            ? "; coverage is not monotone in the interval here" : ""
        return .init(
            dose: dose, interval: row[best].interval, conservativeInterval: conservative, solvedInterval: low,
            note: "fitted coverage crosses \(percent) between \(Self.show(row[best].interval)) and "
                + "\(Self.show(row[next].interval)) \(unitName)\(extra)")
    }

    /// The stated assumptions.
    package func assumptions(_ model: some ReliefCoverageModel, modelAssumption: String?) -> [String] {
        var list = [
            "each infusion restarts \(outcomeName): \(outcomeName) after every infusion follows the fitted distribution afresh "
                + "(a renewal process), so the fraction of \(unitName) in \(outcomeName) is E[min(T, I)]/I = RMST(I)/I",
            "\(outcomeName) lasting past the next infusion counts only up to it (\(unitName) in \(outcomeName) per interval are capped at I)",
        ]
        if let modelAssumption { list.append(modelAssumption) }
        let fixed = model.fixedCovariates
        if fixed.isEmpty {
            list.append("the model has no covariates besides dose and interval")
        } else {
            list.append("covariates other than dose and interval are held at "
                + fixed.map { "\($0.column)=\($0.value)" }.joined(separator: ", ") + " (--at); there is no hidden \"mean patient\"")
        }
        list.append("\(Self.show(confidenceLevel * 100))% intervals by the delta method: se(coverage) = se(RMST(I))/I, "
            + "interval on the logit scale so it stays within (0, 1)")
        return list
    }

    /// Checks the grid, the target and the level.
    package func check() throws(MaintenanceScheduleError) {
        guard !doses.isEmpty else { throw .invalidArgument(message: "no doses: give --doses, e.g. --doses 0.5,1.0") }
        guard !intervals.isEmpty else {
            throw .invalidArgument(message: "no intervals: give --intervals, e.g. --intervals 7,14,21,28,42")
        }
        for dose in doses where !(dose.isFinite && dose >= 0) {
            throw .invalidArgument(message: "dose \(dose) is not a finite number >= 0 (--doses)")
        }
        for interval in intervals where !(interval.isFinite && interval > 0) {
            throw .invalidArgument(message: "interval \(interval) is not a finite number of days > 0 (--intervals)")
        }
        guard target > 0, target < 1 else {
            throw .invalidArgument(message: "--target \(target) must lie strictly between 0 and 1 (e.g. 0.8 for 80% of days in relief)")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidArgument(message: "confidence level \(confidenceLevel) must lie strictly between 0 and 1")
        }
        guard doses.count <= 10_000, intervals.count <= 10_000 else {
            throw .invalidArgument(message: "at most 10000 doses and 10000 intervals")
        }
    }

    package static func show(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int(rounded)) }
        return String(describing: rounded)
    }
}
