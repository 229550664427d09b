/// Adaptive Gauss–Kronrod (7/15-point) quadrature of several integrands at once over `[a, b]`.
///
/// The interval with the largest error estimate is bisected until the total estimated error is below
/// `max(absoluteTolerance, relativeTolerance · |integral|)` for every integrand, or `maxIntervals` is
/// reached.
package struct AdaptiveQuadrature {
    package var relativeTolerance = 1e-11
    package var absoluteTolerance = 1e-300
    package var maxIntervals = 2000

    /// Creates the integrator with its tolerances and the most subintervals it may use.
    package init(relativeTolerance: Double = 1e-11, absoluteTolerance: Double = 1e-300, maxIntervals: Int = 2000) {
        self.relativeTolerance = relativeTolerance
        self.absoluteTolerance = absoluteTolerance
        self.maxIntervals = maxIntervals
    }

    private static let nodes: [Double] = [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0,
    ]
    private static let kronrodWeights: [Double] = [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ]
    /// Gauss weights for the odd-indexed Kronrod nodes 1, 3, 5 and 7 (the centre).
    private static let gaussWeights: [Double] = [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    ]

    private struct Piece {
        let a: Double, b: Double
        let values: [Double], errors: [Double]
    }

    /// Integrates `f` (returning `count` values) over `[a, b]` split first at `breaks`.
    package func integrate(_ a: Double, _ b: Double, breaks: [Double] = [], count: Int,
                   _ f: (Double) -> [Double]) -> [Double] {
        let cuts = ([a] + breaks.filter { $0 > a && $0 < b }.sorted() + [b])
        var pieces: [Piece] = []
        for i in 0..<(cuts.count - 1) where cuts[i + 1] > cuts[i] {
            pieces.append(rule(cuts[i], cuts[i + 1], count: count, f))
        }
        while pieces.count < maxIntervals {
            var total = [Double](repeating: 0, count: count)
            var error = [Double](repeating: 0, count: count)
            for piece in pieces {
                for c in 0..<count {
                    total[c] += piece.values[c]
                    error[c] += piece.errors[c]
                }
            }
            let done = (0..<count).allSatisfy { error[$0] <= max(absoluteTolerance, relativeTolerance * abs(total[$0])) }
            if done { break }
            // Bisect the piece with the largest error relative to its integrand's tolerance.
            var worst = 0
            var worstScore = -1.0
            for (index, piece) in pieces.enumerated() {
                var score = 0.0
                for c in 0..<count {
                    score = max(score, piece.errors[c] / max(absoluteTolerance, relativeTolerance * abs(total[c])))
                }
                if score > worstScore {
                    worstScore = score
                    worst = index
                }
            }
            let piece = pieces[worst]
            let middle = 0.5 * (piece.a + piece.b)
            guard middle > piece.a, middle < piece.b else { break }
            pieces[worst] = rule(piece.a, middle, count: count, f)
            pieces.append(rule(middle, piece.b, count: count, f))
        }
        var total = [Double](repeating: 0, count: count)
        for piece in pieces {
            for c in 0..<count { total[c] += piece.values[c] }
        }
        return total
    }

    private func rule(_ a: Double, _ b: Double, count: Int, _ f: (Double) -> [Double]) -> Piece {
        let centre = 0.5 * (a + b)
        let half = 0.5 * (b - a)
        var kronrod = [Double](repeating: 0, count: count)
        var gauss = [Double](repeating: 0, count: count)
        for (index, node) in Self.nodes.enumerated() {
            let points = node == 0 ? [centre] : [centre - half * node, centre + half * node]
            for point in points {
                let values = f(point)
                for c in 0..<count {
                    kronrod[c] += Self.kronrodWeights[index] * values[c]
                    if index % 2 == 1 { gauss[c] += Self.gaussWeights[index / 2] * values[c] }
                }
            }
        }
        return Piece(a: a, b: b, values: kronrod.map { $0 * half },
                     errors: (0..<count).map { abs((kronrod[$0] - gauss[$0]) * half) })
    }
}
