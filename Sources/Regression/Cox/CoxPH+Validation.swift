import NumericCore
import Survival

extension CoxPH {
    package static let fitContext = "CoxPH.fit"

    /// Checks the specification and the input arrays; returns the term names to use.
    ///
    /// - Throws: `.emptyInput`, `.lengthMismatch`, `.nonFiniteValue`, `.invalidArgument`
    ///   (bad option, no columns, non-positive weight, wrong number of names), `.undefinedStatistic`
    ///   (no events).
    /// - Complexity: O(n p).
    package func validate(x: Matrix, time: [Double], event: [Bool], strata: [Int]?, weights: [Double]?,
                  cluster: [Int]?, termNames names: [String]?) throws(StatModelError) -> [String] {
        let context = Self.fitContext
        guard maxIterations >= 0 else {
            throw .invalidArgument(context: context, message: "maxIterations must be >= 0, got \(maxIterations).")
        }
        guard epsilon > 0, epsilon.isFinite else {
            throw .invalidArgument(context: context, message: "epsilon must be positive and finite, got \(epsilon).")
        }
        guard choleskyTolerance > 0, choleskyTolerance.isFinite else {
            throw .invalidArgument(context: context,
                                   message: "choleskyTolerance must be positive and finite, got \(choleskyTolerance).")
        }
        if let infiniteTolerance, !(infiniteTolerance > 0 && infiniteTolerance.isFinite) {
            throw .invalidArgument(context: context,
                                   message: "infiniteTolerance must be positive and finite, got \(infiniteTolerance).")
        }
        guard confidenceLevel > 0, confidenceLevel < 1 else {
            throw .invalidArgument(context: context,
                                   message: "confidenceLevel must lie in (0, 1), got \(confidenceLevel).")
        }
        let n = time.count
        guard n > 0 else { throw .emptyInput(context: context) }
        try StatModelError.checkLength(x.rows, of: "x (rows)", rows: n, context: context)
        guard x.columns > 0 else {
            throw .invalidArgument(context: context,
                                   message: "the design matrix has no columns. Give at least one covariate.")
        }
        try StatModelError.checkLength(event.count, of: "event", rows: n, context: context)
        try StatModelError.checkLength(strata?.count, of: "strata", rows: n, context: context)
        try StatModelError.checkLength(cluster?.count, of: "cluster", rows: n, context: context)
        let resolved = names ?? (1...x.columns).map { "x\($0)" }
        guard resolved.count == x.columns else {
            throw .invalidArgument(context: context,
                                   message: "\(resolved.count) term names were given for \(x.columns) columns. "
                                       + "Give one name per design column.")
        }
        for (index, value) in time.enumerated() where !value.isFinite {
            throw .nonFiniteValue(context: context, argument: "time", index: index)
        }
        for j in 0..<x.columns {
            for i in 0..<n where !x.elements[i + j * n].isFinite {
                throw .nonFiniteValue(context: context, argument: "x[, '\(resolved[j])']", index: i)
            }
        }
        if let weights {
            try StatModelError.checkLength(weights.count, of: "weights", rows: n, context: context)
            try StatModelError.checkEach(weights, of: "weights", context: context, isValid: { $0 > 0 }) { w, index in
                "weight \(w) at row \(index) (0-based) is not positive. "
                    + "Case weights must be > 0; drop rows instead of zero-weighting them."
            }
        }
        guard event.contains(true) else {
            throw .undefinedStatistic(context: context,
                                      message: "there are no events, so the partial likelihood is flat. "
                                          + "Check the event column and its coding.")
        }
        return resolved
    }

    /// Refuses constant columns and columns that are linear combinations of others (R would report NA
    /// coefficients), naming them.
    ///
    /// Each column is centred within strata (a column constant within every stratum is absorbed by the
    /// stratified baseline hazard) and scaled to unit length; the numerical rank then comes from
    /// NumericCore's `PivotedQR` (relative tolerance 1e-7 on the diagonal of R, as R's `qr`).
    ///
    /// The centred design is not copied on the usual path: its `p × p` cross product `G` is accumulated
    /// over blocks of rows (``BlockedCrossProduct``). Every diagonal element of a QR factor of the
    /// unit-length columns is at least their smallest singular value `√λ_min(G)`, and `|R₀₀| ≤ 1`, so when
    /// `λ_min(G) > ` ``wellConditioned`` (1e-8, far above the 1e-14 that the QR tolerance means and the
    /// rounding of `G`) the design has full rank and the QR would say so. Otherwise the centred copy and
    /// the QR decide, exactly as before.
    ///
    /// - Throws: `.undefinedStatistic` naming the columns.
    /// - Complexity: O(n p²) flops in blocks, O(p²) memory beyond the data; O(n p) memory on the
    ///   ill-conditioned path.
    package static func checkDesign(_ data: CoxSortedData, names: [String]) throws(StatModelError) {
        let n = data.n, p = data.p, strataCount = data.strataCount
        var means = [Double](repeating: 0, count: strataCount * p)
        var squares = [Double](repeating: 0, count: p)
        var isConstant = [Bool](repeating: true, count: p)
        data.x.withUnsafeBufferPointer { xs in
            for s in 0..<strataCount {
                let lo = data.strataStart[s], hi = data.strataStart[s + 1], m = s * p
                guard hi > lo else { continue }
                for i in lo..<hi {
                    for j in 0..<p {
                        let v = xs[i * p + j]
                        means[m + j] += v
                        if v != xs[lo * p + j] { isConstant[j] = false }
                    }
                }
                for j in 0..<p { means[m + j] /= Double(hi - lo) }
                for i in lo..<hi {
                    for j in 0..<p {
                        let v = xs[i * p + j] - means[m + j]
                        squares[j] += v * v
                    }
                }
            }
        }
        let constant = (0..<p).filter { isConstant[$0] }
        if !constant.isEmpty { throw constantColumns(constant, names: names, strataCount: strataCount) }
        guard p > 1 else { return }
        let scales = squares.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }
        var stratum = 0
        let gram = data.x.withUnsafeBufferPointer { xs in
            BlockedCrossProduct.compute(rows: n, columns: p) { first, count, block in
                for r in 0..<count {
                    let i = first + r
                    while stratum + 1 < strataCount, i >= data.strataStart[stratum + 1] { stratum += 1 }
                    let m = stratum * p, row = i * p, out = r * p
                    for j in 0..<p { block[out + j] = (xs[row + j] - means[m + j]) * scales[j] }
                }
            }
        }
        if let smallest = try? SymmetricEigen.eigenvalues(gram).min(), smallest > wellConditioned { return }
        try checkRankByQR(data, names: names)
    }

    /// The smallest eigenvalue of the centred, unit-length design's cross product above which
    /// ``checkDesign(_:names:)`` needs no QR.
    package static let wellConditioned = 1e-8

    /// The error of constant columns.
    private static func constantColumns(_ constant: [Int], names: [String], strataCount: Int) -> StatModelError {
        let list = constant.map { "'\(names[$0])' (column \($0 + 1))" }.joined(separator: ", ")
        let within = strataCount > 1 ? " within every stratum" : ""
        return .undefinedStatistic(
            context: fitContext,
            message: "constant column(s)\(within): \(list); their coefficients are not estimable. "
                + "Remove them from the model (a Cox model has no intercept).")
    }

    /// The rank of the centred, unit-length design by `PivotedQR` on a copy (the ill-conditioned path of
    /// ``checkDesign(_:names:)``); names the aliased columns as R would.
    /// - Complexity: O(n p²), O(n p) memory.
    private static func checkRankByQR(_ data: CoxSortedData, names: [String]) throws(StatModelError) {
        let n = data.n, p = data.p
        var centred = Matrix(rows: n, columns: p)
        data.x.withUnsafeBufferPointer { xs in
            centred.elements.withUnsafeMutableBufferPointer { c in
                for j in 0..<p {
                    var norm = 0.0
                    for s in 0..<data.strataCount {
                        let lo = data.strataStart[s], hi = data.strataStart[s + 1]
                        var mean = 0.0
                        for i in lo..<hi { mean += xs[i * p + j] }
                        mean /= Double(hi - lo)
                        for i in lo..<hi {
                            let v = xs[i * p + j] - mean
                            c[i + j * n] = v
                            norm += v * v
                        }
                    }
                    let scale = norm > 0 ? 1 / norm.squareRoot() : 0
                    for i in 0..<n { c[i + j * n] *= scale }
                }
            }
        }
        let qr: PivotedQR
        do {
            qr = try PivotedQR(centred)
        } catch {
            throw .undefinedStatistic(context: fitContext,
                                      message: "the rank of the design could not be computed (\(error)).")
        }
        guard qr.rank < p else { return }
        // Name the columns as R would (NA for a column that depends on the columns before it): add the
        // columns in order and keep those that raise the rank. Only on this error path.
        var kept: [Int] = []
        var aliased: [Int] = []
        for j in 0..<p {
            let candidate = kept + [j]
            var sub = Matrix(rows: n, columns: candidate.count)
            for (c, column) in candidate.enumerated() {
                for i in 0..<n { sub.elements[i + c * n] = centred.elements[i + column * n] }
            }
            let rank = (try? PivotedQR(sub).rank) ?? 0
            if rank == candidate.count { kept.append(j) } else { aliased.append(j) }
        }
        let list = aliased.map { "'\(names[$0])' (column \($0 + 1))" }.joined(separator: ", ")
        let others = kept.map { "'\(names[$0])'" }.joined(separator: ", ")
        throw .undefinedStatistic(
            context: fitContext,
            message: "collinear columns: \(list) \(aliased.count == 1 ? "is a linear combination" : "are linear combinations") "
                + "of \(others)\(data.strataCount > 1 ? " (after removing stratum means)" : ""); "
                + "the design has rank \(qr.rank) of \(p). Remove or recode \(aliased.count == 1 ? "it" : "them") "
                + "(e.g. drop one level column of a factor, or a column derived from others).")
    }
}
