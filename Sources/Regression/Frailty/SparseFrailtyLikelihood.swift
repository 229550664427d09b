/// The shared-frailty likelihood with the frailties as R's sparse term (6 groups or more): each evaluation is
/// a ``FrailtyCoxEvaluation`` on the sorted rows.
package struct SparseFrailtyLikelihood: FrailtyCoxLikelihood {
    package let rows: FrailtyCoxRows
    /// Efron's ties (else Breslow).
    package let efron: Bool

    package init(rows: FrailtyCoxRows, efron: Bool) {
        self.rows = rows
        self.efron = efron
    }

    /// - Complexity: O(n p² + blocks p²).
    package func evaluate(beta: [Double], frailty: [Double]) -> FrailtyCoxEvaluation {
        FrailtyCoxEvaluation(rows, beta: beta, frailty: frailty, efron: efron)
    }

    /// R's `coxfit5_a` adds no sparse penalty: the partial likelihood at zero.
    package func nullLogLikelihood(distribution: FrailtyDistribution, initialTheta: Double) -> Double {
        evaluate(beta: [Double](repeating: 0, count: rows.p), frailty: [Double](repeating: 0, count: rows.groups))
            .logLikelihood
    }
}
