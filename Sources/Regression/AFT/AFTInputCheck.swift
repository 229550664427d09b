import Foundation
import NumericCore
import Survival

/// Validation of the inputs of `ParametricAFT.fit`: shapes, finite values, positive times and weights,
/// at least one event, and a design matrix of full column rank.
package enum AFTInputCheck {
    /// Checks everything except the design rank.
    package static func validate(x: Matrix, time: [Double], event: [Bool], weights: [Double]?, cluster: [Int]?,
                         context: String) throws(StatModelError) {
        let n = x.rows
        guard n > 0, !time.isEmpty else { throw .emptyInput(context: context) }
        guard x.columns > 0 else {
            throw .invalidArgument(context: context,
                                   message: "the design matrix has no columns; include the intercept column.")
        }
        guard x.elements.count == n * x.columns else {
            throw .invalidArgument(context: context,
                                   message: "the design matrix holds \(x.elements.count) elements, not \(n)×\(x.columns).")
        }
        try StatModelError.checkLength(time.count, of: "time", rows: n, context: context)
        try StatModelError.checkLength(event.count, of: "event", rows: n, context: context)
        try StatModelError.checkLength(weights?.count, of: "weights", rows: n, context: context)
        try StatModelError.checkLength(cluster?.count, of: "cluster", rows: n, context: context)
        try StatModelError.checkEach(time, of: "time", context: context, isValid: { $0 > 0 }) { t, i in
            "'time' is \(t) at row \(i) (0-based), but parametric survival models need times "
                + "> 0 (they work on log(time)). Remove or fix that row."
        }
        for (index, value) in x.elements.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "x column \(index / n)", index: index % n)
        }
        if let weights { try checkWeights(weights, context: context) }
        guard event.contains(true) else {
            throw .undefinedStatistic(
                context: context,
                message: "no events among \(n) rows: every time is censored, so no parametric model can be "
                    + "estimated. Check the event column and its coding.")
        }
    }

    /// Throws `.nonFiniteValue` or `.invalidArgument` for the first case weight that is not finite and > 0.
    package static func checkWeights(_ weights: [Double], context: String) throws(StatModelError) {
        try StatModelError.checkEach(weights, of: "weights", context: context, isValid: { $0 > 0 }) { w, i in
            "weight \(w) at row \(i) (0-based) is not positive; remove the row instead of giving it weight 0."
        }
    }

    /// Throws `.undefinedStatistic` naming the constant or collinear columns (0-based; see
    /// `DegenerateColumns`, which callers use first to name the columns themselves).
    package static func checkRank(_ x: Matrix, context: String) throws(StatModelError) {
        let degenerate = try AFTLinearAlgebra.run(context, "the rank check of the design") { () throws(LinearAlgebraError) in
            try DegenerateColumns(x)
        }
        guard degenerate.isEmpty else {
            throw .undefinedStatistic(
                context: context,
                message: "the design matrix has \(degenerate.description); the model is not identifiable. "
                    + "Drop or recode those terms.")
        }
    }
}
