extension DampedNewton {
    /// The Newton step `δ` solving `I_ff δ_f = U_f` on the free coordinates `f` with this optimiser's
    /// ``StepSolver``; fixed coordinates get 0.
    ///
    /// - Parameters:
    ///   - evaluation: The evaluation at the accepted point (the objective's last full evaluation).
    ///   - free: The free coordinates, ascending.
    ///   - objective: The objective (asked for its outer product of scores by ``StepSolver/survreg``).
    /// - Returns: `δ` (length `k`), or the linear-algebra failure of the last resort solve.
    /// - Throws: The objective's failure.
    /// - Complexity: O(f³) per factorisation attempted.
    func solveStep<Objective: NewtonObjective>(
        _ evaluation: NewtonEvaluation, free: [Int], objective: inout Objective
    ) throws(Objective.Failure) -> Result<[Double], LinearAlgebraError> {
        let k = evaluation.gradient.count
        guard evaluation.information.rows == k, evaluation.information.columns == k, free.allSatisfy({ $0 < k }) else {
            return .failure(.dimensionMismatch("the gradient has \(k) entries, the information is "
                + "\(evaluation.information.rows)×\(evaluation.information.columns)"))
        }
        let all = free.count == k
        let u = all ? evaluation.gradient : free.map { evaluation.gradient[$0] }
        let information = all ? evaluation.information : Self.restrict(evaluation.information, to: free)
        let solved: Result<[Double], LinearAlgebraError>
        switch solver {
        case .tolerantCholesky(let tolerance):
            solved = .success(TolerantCholesky(information, tolerance: tolerance).solve(u))
        case .survreg:
            if let factor = try? Cholesky(information), let delta = try? factor.solve(u), delta.allSatisfy(\.isFinite) {
                solved = .success(delta)
            } else if let outer = try objective.outerProductOfScores(),
                      let factor = try? Cholesky(all ? outer : Self.restrict(outer, to: free)),
                      let delta = try? factor.solve(u), delta.allSatisfy(\.isFinite) {
                solved = .success(delta)
            } else {
                do {
                    solved = .success(try SymmetricIndefiniteSolver(information).solve(u))
                } catch {
                    solved = .failure(error)
                }
            }
        case .ridgedCholesky(let initialRidge, let growth, let attempts):
            solved = .success(Self.ridgedStep(information, u, initialRidge: initialRidge, growth: growth, attempts: attempts))
        }
        guard case .success(let delta) = solved else { return solved }
        if all { return .success(delta) }
        var full = [Double](repeating: 0, count: k)
        for (a, i) in free.enumerated() where a < delta.count { full[i] = delta[a] }
        return .success(full)
    }

    /// `I⁻¹U`, with a growing Levenberg–Marquardt ridge until the system factors; the scaled gradient
    /// when nothing factors.
    static func ridgedStep(_ information: Matrix, _ u: [Double], initialRidge: Double, growth: Double,
                           attempts: Int) -> [Double] {
        if let factor = try? Cholesky(information), let delta = try? factor.solve(u), delta.allSatisfy(\.isFinite) {
            return delta
        }
        var lambda = initialRidge
        for _ in 0..<max(attempts, 0) {
            var ridged = information
            for i in 0..<information.rows { ridged[i, i] += lambda * max(abs(information[i, i]), 1e-8) }
            if let factor = try? Cholesky(ridged), let delta = try? factor.solve(u), delta.allSatisfy(\.isFinite) {
                return delta
            }
            lambda *= growth
        }
        let scale = max(u.map(abs).max() ?? 1, 1)
        return u.map { $0 / scale }
    }

    /// The sub-matrix of the rows and columns in `indices`.
    static func restrict(_ matrix: Matrix, to indices: [Int]) -> Matrix {
        var result = Matrix(rows: indices.count, columns: indices.count)
        for (b, j) in indices.enumerated() {
            for (a, i) in indices.enumerated() { result[a, b] = matrix[i, j] }
        }
        return result
    }
}
