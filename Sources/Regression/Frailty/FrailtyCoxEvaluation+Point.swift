import Survival
extension FrailtyCoxEvaluation: FrailtyCoxPoint {
    package mutating func penalise(score: [Double], second: [Double]) {
        for g in frailtyScore.indices {
            frailtyScore[g] += score[g]
            frailtyDiagonal[g] += second[g]
        }
    }

    package mutating func holdFrailties() {
        for g in frailtyScore.indices {
            frailtyScore[g] = 0
            frailtyDiagonal[g] = 1
        }
        for k in cross.indices { cross[k] = 0 }
    }

    package func factored() throws(StatModelError) -> any FrailtyNewtonInformation {
        try FrailtyInformation(diagonal: frailtyDiagonal, cross: cross, information: information, p: score.count)
    }
}
