import NumericCore

/// The shared-frailty likelihood with the frailties as R's non-sparse term (fewer than 6 groups,
/// `frailty.gamma`/`frailty.gaussian` with `sparse = FALSE`): the group is a factor with one indicator column per
/// group (R's `contr.treatment(nclass, contrasts = FALSE)`), its coefficients penalised, and the Newton
/// matrix is the whole information, the frailties' off-diagonal terms included (R's `coxfit5_b` with
/// `nfrail = 0`). Each evaluation is an ordinary weighted Cox partial likelihood (``CoxPartialLikelihood``)
/// on the fixed effects and the indicators.
package struct DenseFrailtyLikelihood: FrailtyCoxLikelihood {
    /// The rows sorted once: the fixed effects (centred) then the group indicators.
    package let data: CoxSortedData
    package let ties: CoxPH.Ties
    package let p: Int
    package let groups: Int

    /// Builds the design.
    /// - Parameters:
    ///   - rows: The sorted rows of the fit (their centred covariates, events, weights, groups).
    ///   - time: The time-fixed times, in input order; `entry`, the entries of `(start, stop]` rows or nil.
    ///   - strata: Stratum per input row or nil.
    /// - Complexity: O(n (p + groups)) memory, O(n log n) to sort.
    package init(rows: FrailtyCoxRows, time: [Double], entry: [Double]?, strata: [Int]?, ties: CoxPH.Ties) {
        let n = rows.n, p = rows.p, width = rows.p + rows.groups
        var design = Matrix(rows: n, columns: width)
        var event = [Bool](repeating: false, count: n)
        var weight = [Double](repeating: 1, count: n)
        for (q, i) in rows.order.enumerated() {
            for j in 0..<p { design[i, j] = rows.x[q * p + j] }
            design[i, p + rows.group[q]] = 1
            event[i] = rows.event[q]
            weight[i] = rows.weight[q]
        }
        data = CoxSortedData(x: design, time: time, event: event, strata: strata, weights: weight, entry: entry)
        self.ties = ties
        self.p = p
        groups = rows.groups
    }

    /// - Complexity: O(n (p + groups)²).
    package func evaluate(beta: [Double], frailty: [Double]) -> DenseFrailtyPoint {
        var objective = CoxPartialLikelihood(data, ties: ties)
        let evaluation = objective.evaluate(beta + frailty)
        return DenseFrailtyPoint(logLikelihood: evaluation.value, frailtyScore: Array(evaluation.gradient[p...]),
                                 score: Array(evaluation.gradient[..<p]), matrix: evaluation.information, p: p)
    }

    /// R's `coxfit5_a` adds the non-sparse penalties at the first θ to the null log-likelihood: for the
    /// gaussian frailty (θ = 1) that is `−(G/2) log 2π`; the gamma frailty starts at θ = 0 (no penalty).
    package func nullLogLikelihood(distribution: FrailtyDistribution, initialTheta: Double) -> Double {
        var zero = [Double](repeating: 0, count: groups)
        let penalty = distribution.penalty(recentring: &zero, theta: initialTheta)?.logPenalty ?? 0
        return evaluate(beta: [Double](repeating: 0, count: p), frailty: zero).logLikelihood + penalty
    }
}
