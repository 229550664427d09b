import Regression

/// A parametric AFT fit (`relief fit weibull` etc.) seen as a ``ReliefCoverageModel``: dose and interval
/// come from the schedule's grid; every other column of the formula is held at one value.
///
/// The design row of each profile is built with the fitted design's coding
/// (``DesignCoding/profiles(_:defaults:)``), so transformations (`log(interval_days)`, `ns(dose, 3)`),
/// interactions and factor levels are coded exactly as in the fit.
public struct AFTCoverageModel: ReliefCoverageModel {
    /// The fitted model.
    public let fit: AFTFit
    /// The coding of the fitted design.
    public let coding: DesignCoding
    /// The dose column.
    public let doseColumn: String
    /// The interval column.
    public let intervalColumn: String
    /// The other formula columns and their values.
    public let fixed: [ProfileSetting]

    /// Creates the model, checking the columns.
    /// - Parameters:
    ///   - fit: The AFT fit.
    ///   - coding: The coding of the design it was fitted on.
    ///   - doseColumn: The dose column (must be a term column of the formula).
    ///   - intervalColumn: The interval column (must be a term column of the formula).
    ///   - fixed: One value for every other term column.
    /// - Throws: ``MaintenanceScheduleError`` for a missing, repeated or extra column.
    /// - Complexity: O(columns²).
    public init(fit: AFTFit, coding: DesignCoding, doseColumn: String, intervalColumn: String,
                fixed: [ProfileSetting]) throws(MaintenanceScheduleError) {
        try Self.checkColumns(formula: coding.formula, doseColumn: doseColumn, intervalColumn: intervalColumn,
                              fixed: fixed)
        self.fit = fit
        self.coding = coding
        self.doseColumn = doseColumn
        self.intervalColumn = intervalColumn
        self.fixed = fixed
    }

    /// Checks, before any data are read, that the formula uses the dose and interval columns and that
    /// `fixed` gives exactly one value for each other term column.
    public static func checkColumns(formula: Formula, doseColumn: String, intervalColumn: String,
                                    fixed: [ProfileSetting]) throws(MaintenanceScheduleError) {
        let needed = formula.termColumns
        guard needed.contains(doseColumn) else {
            throw .columnNotInFormula(role: "dose", column: doseColumn, option: "--dose-column", formulaColumns: needed)
        }
        guard needed.contains(intervalColumn) else {
            throw .columnNotInFormula(role: "interval", column: intervalColumn, option: "--interval-column",
                                      formulaColumns: needed)
        }
        var seen: Set<String> = []
        for setting in fixed {
            if setting.column == doseColumn { throw .fixedGridColumn(column: doseColumn, option: "--doses") }
            if setting.column == intervalColumn { throw .fixedGridColumn(column: intervalColumn, option: "--intervals") }
            guard needed.contains(setting.column) else {
                throw .design(.unknownProfileColumn(column: setting.column, needed: needed))
            }
            guard seen.insert(setting.column).inserted else { throw .design(.repeatedProfileColumn(column: setting.column)) }
            guard setting.values.count == 1 else {
                throw .severalFixedValues(column: setting.column, values: setting.values)
            }
        }
        let missing = needed.filter { $0 != doseColumn && $0 != intervalColumn && !seen.contains($0) }
        guard missing.isEmpty else { throw .missingFixedValue(columns: missing) }
    }

    /// The fixed columns and values, in the order given.
    public var fixedCovariates: [(column: String, value: String)] {
        fixed.compactMap { setting in setting.values.first.map { (column: setting.column, value: $0) } }
    }

    /// The design row of the profile (dose, interval, fixed values).
    /// - Parameters:
    ///   - dose: The dose.
    ///   - interval: The interval.
    /// - Returns: The row, intercept included.
    /// - Throws: ``MaintenanceScheduleError/design(_:)``.
    /// - Complexity: O(columns).
    public func designRow(dose: Double, interval: Double) throws(MaintenanceScheduleError) -> [Double] {
        let settings = [
            ProfileSetting(column: doseColumn, values: [String(describing: dose)]),
            ProfileSetting(column: intervalColumn, values: [String(describing: interval)]),
        ] + fixed
        let profiles: DesignProfiles
        do {
            profiles = try coding.profiles(settings)
        } catch {
            throw .design(error)
        }
        let x = profiles.x
        guard x.rows == 1 else {
            throw .invalidArgument(message: "internal: the profile gave \(x.rows) design rows, expected 1")
        }
        return (0..<x.columns).map { x.elements[$0 * x.rows] }
    }

    /// `∫₀^τ S(t | x) dt` with its delta-method SE (``AFTFit/predictRestrictedMean(profile:tau:confidenceLevel:)``).
    /// - Parameters:
    ///   - dose: The dose.
    ///   - interval: The interval covariate.
    ///   - tau: The horizon.
    ///   - confidenceLevel: The level.
    /// - Returns: The prediction.
    /// - Throws: ``MaintenanceScheduleError``.
    /// - Complexity: O(p²) plus one adaptive quadrature.
    public func restrictedMean(dose: Double, interval: Double, tau: Double, confidenceLevel: Double)
        throws(MaintenanceScheduleError) -> AFTRestrictedMeanPrediction {
        let row = try designRow(dose: dose, interval: interval)
        do {
            return try fit.predictRestrictedMean(profile: row, tau: tau, confidenceLevel: confidenceLevel)
        } catch {
            throw .model(error)
        }
    }
}
