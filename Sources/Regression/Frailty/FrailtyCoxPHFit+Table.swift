import Foundation
import NumericCore

extension FrailtyCoxPHFit {
    /// The fixed effects as R prints them (``FrailtyCoxCoefficient``), at ``confidenceLevel``.
    public var coefficientTable: [FrailtyCoxCoefficient] {
        let z = Normal.quantile(0.5 + confidenceLevel / 2)
        let se = standardErrors, se2 = sandwichStandardErrors
        return coefficients.indices.map { j in
            let b = coefficients[j]
            let chi = b * b / (se[j] * se[j])
            return FrailtyCoxCoefficient(
                term: termNames[j], estimate: b, hazardRatio: exp(b), standardError: se[j], sandwichStandardError: se2[j],
                chiSquared: chi, pValue: ChiSquared(degreesOfFreedom: 1).survival(chi), lower: exp(b - z * se[j]),
                upper: exp(b + z * se[j]))
        }
    }
}
