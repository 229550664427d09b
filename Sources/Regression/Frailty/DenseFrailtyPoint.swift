import Survival
import NumericCore

/// One evaluation of a ``DenseFrailtyLikelihood``: the whole information, the fixed effects first and then
/// the frailties (the order of R's design when `frailty()` is the last term).
package struct DenseFrailtyPoint: FrailtyCoxPoint {
    package let logLikelihood: Double
    package private(set) var frailtyScore: [Double]
    package let score: [Double]
    /// `(p + G) × (p + G)`.
    package private(set) var matrix: Matrix
    package let p: Int

    package mutating func penalise(score: [Double], second: [Double]) {
        for g in frailtyScore.indices {
            frailtyScore[g] += score[g]
            matrix[p + g, p + g] += second[g]
        }
    }

    package mutating func holdFrailties() {
        let width = matrix.rows
        for g in frailtyScore.indices {
            frailtyScore[g] = 0
            for j in 0..<width {
                matrix[p + g, j] = 0
                matrix[j, p + g] = 0
            }
            matrix[p + g, p + g] = 1
        }
    }

    package func factored() throws(StatModelError) -> any FrailtyNewtonInformation {
        try DenseFrailtyInformation(matrix, p: p)
    }
}
