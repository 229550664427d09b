import Foundation
import NumericCore

extension SurvivalRegressionFit {
    /// Every parameter with its Wald standard errors, test and interval at ``confidenceLevel``, read from
    /// the covariance (the robust one for z, p and the interval when there is one). A parameter without a
    /// finite variance gets NaN statistics.
    /// - Complexity: O(parameters).
    public var waldTable: [ParameterEstimate] {
        let quantile = Normal.quantile(1 - (1 - confidenceLevel) / 2)
        let names = parameterNames
        let robust = robustVariance
        return parameterEstimates.enumerated().map { index, estimate in
            func standardError(_ matrix: Matrix) -> Double {
                guard index < matrix.rows, index < matrix.columns, matrix[index, index] >= 0 else { return .nan }
                return matrix[index, index].squareRoot()
            }
            let se = standardError(variance)
            let robustSE = robust.map(standardError)
            let used = robustSE ?? se
            let z = estimate / used
            return ParameterEstimate(
                name: index < names.count ? names[index] : "x\(index + 1)", estimate: estimate, standardError: se,
                robustStandardError: robustSE, z: z, pValue: z.isNaN ? .nan : 2 * Normal.survival(abs(z)),
                lower: estimate - quantile * used, upper: estimate + quantile * used)
        }
    }
}
