import Foundation
import NumericCore
import Regression

/// A one-step Emax AFT fit (`relief fit emax`) seen as a ``ReliefCoverageModel``: the dose enters through
/// the Emax curve `g(d)`, the interval and every other covariate through the formula (designed without
/// an intercept); dose and interval come from the schedule's grid, the other columns are held at one value.
///
/// With `η = log g(d) + xᵀb` and `σ` the scale, `RMST(τ) = ∫₀^τ S₀((log t − η)/σ) dt`, and by the delta
/// method `∂RMST/∂θ = (∂η/∂θ) ∫₀^τ f₀(z)/σ dt` plus, for `log σ`, `∫₀^τ f₀(z) z dt`
/// (``EmaxAFTFit/predictRestrictedMean(dose:covariates:tau:confidenceLevel:)``, the AFT's prediction at the
/// Emax location); the variance is the fit's ``EmaxAFTFit/inferenceVariance``.
public struct EmaxCoverageModel: ReliefCoverageModel {
    /// The fitted Emax AFT.
    public let fit: EmaxAFTFit
    /// The coding of the covariate design (no intercept).
    public let coding: DesignCoding
    /// The interval column (a term column of the covariate formula).
    public let intervalColumn: String
    /// The other formula columns and their values.
    public let fixed: [ProfileSetting]

    /// Creates the model, checking the columns.
    /// - Parameters:
    ///   - fit: The Emax AFT fit.
    ///   - coding: The coding of its covariate design.
    ///   - doseColumn: The dose column (must NOT be in the formula: the curve carries it).
    ///   - intervalColumn: The interval column (must be in the formula).
    ///   - fixed: One value for every other term column.
    /// - Throws: ``MaintenanceScheduleError``.
    /// - Complexity: O(columns²).
    public init(fit: EmaxAFTFit, coding: DesignCoding, doseColumn: String, intervalColumn: String,
                fixed: [ProfileSetting]) throws(MaintenanceScheduleError) {
        try Self.checkColumns(formula: coding.formula, doseColumn: doseColumn, intervalColumn: intervalColumn, fixed: fixed)
        self.fit = fit
        self.coding = coding
        self.intervalColumn = intervalColumn
        self.fixed = fixed
    }

    /// Checks the covariate formula: it uses the interval column and not the dose column, and `fixed`
    /// gives one value for every other term column.
    public static func checkColumns(formula: Formula, doseColumn: String, intervalColumn: String,
                                    fixed: [ProfileSetting]) throws(MaintenanceScheduleError) {
        let needed = formula.termColumns
        if needed.contains(doseColumn) {
            throw .invalidArgument(
                message: "the Emax curve carries the dose column '\(doseColumn)': drop it from --formula (give the interval and the other covariates)")
        }
        guard needed.contains(intervalColumn) else {
            throw .columnNotInFormula(role: "interval", column: intervalColumn, option: "--interval-column", formulaColumns: needed)
        }
        var seen: Set<String> = []
        for setting in fixed {
            if setting.column == doseColumn { throw .fixedGridColumn(column: doseColumn, option: "--doses") }
            if setting.column == intervalColumn { throw .fixedGridColumn(column: intervalColumn, option: "--intervals") }
            guard needed.contains(setting.column) else { throw .design(.unknownProfileColumn(column: setting.column, needed: needed)) }
            guard seen.insert(setting.column).inserted else { throw .design(.repeatedProfileColumn(column: setting.column)) }
            guard setting.values.count == 1 else { throw .severalFixedValues(column: setting.column, values: setting.values) }
        }
        let missing = needed.filter { $0 != intervalColumn && !seen.contains($0) }
        guard missing.isEmpty else { throw .missingFixedValue(columns: missing) }
    }

    /// The fixed columns and values.
    public var fixedCovariates: [(column: String, value: String)] {
        fixed.compactMap { setting in setting.values.first.map { (column: setting.column, value: $0) } }
    }

    /// `∫₀^τ S(t | dose, interval) dt` with its delta-method SE.
    /// - Parameters:
    ///   - dose: The dose, >= 0.
    ///   - interval: The interval covariate.
    ///   - tau: The horizon.
    ///   - confidenceLevel: The level.
    /// - Returns: The prediction.
    /// - Throws: ``MaintenanceScheduleError``.
    /// - Complexity: O(k²) plus one adaptive quadrature.
    public func restrictedMean(dose: Double, interval: Double, tau: Double, confidenceLevel: Double)
        throws(MaintenanceScheduleError) -> AFTRestrictedMeanPrediction {
        guard tau.isFinite, tau > 0 else { throw .invalidArgument(message: "tau \(tau) must be a finite time > 0") }
        let settings = [ProfileSetting(column: intervalColumn, values: [String(describing: interval)])] + fixed
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
        let row = (0..<x.columns).map { x.elements[$0 * x.rows] }
        do {
            return try fit.predictRestrictedMean(dose: dose, covariates: row, tau: tau, confidenceLevel: confidenceLevel)
        } catch {
            throw .model(error)
        }
    }
}
