import Foundation
import NumericCore
import Survival

/// The episodes of a random-intercept AFT fit grouped by patient (a counting sort of the `frailty()`
/// codes, O(n)), and the adaptive Gauss–Hermite evaluation of each patient's marginal likelihood.
///
/// Patient `i`'s integrand over its intercept `b` is `exp hᵢ(b)`,
/// `hᵢ(b) = Σⱼ ℓᵢⱼ(xᵢⱼᵀβ + b, s) − b²/(2τ²) − log τ − ½ log 2π` (``EpisodeTerm``). Its mode `b̂ᵢ` comes from
/// safeguarded Newton steps on `b` (from the previous mode), `ŝᵢ = (−hᵢ″(b̂ᵢ))^{−1/2}`, and with the
/// rule's nodes `xₖ`, weights `wₖ` and `r = √2 ŝᵢ`:
/// `log Lᵢ = log r + log Σₖ wₖ e^{xₖ²} exp hᵢ(b̂ᵢ + r xₖ)` (one node: the Laplace approximation).
/// The gradient is that of this approximation, nodes included: `db̂/dθ = −h_bθ/h_bb` and
/// `d log ŝ/dθ = −½ (h_bbθ + h_bbb db̂/dθ)/h_bb` (implicit differentiation at the mode).
package struct RandomInterceptEpisodes: Sendable {
    /// The error family.
    package let family: LocationScaleFamily
    /// The number of fixed-effect columns `p`.
    package let columns: Int
    /// The design in patient order, row-major (`n × p`).
    package let x: [Double]
    /// `log t` in patient order.
    package let y: [Double]
    /// Events in patient order.
    package let event: [Bool]
    /// `log` of the entry times in patient order (`−∞` for 0), nil without entry times.
    package let entry: [Double]?
    /// Patient `i`'s episodes are `offsets[i]..<offsets[i + 1]`.
    package let offsets: [Int]
    /// Per patient, its group in the `frailty()` column's labels.
    package let groups: [Int]
    /// The quadrature rule.
    package let rule: GaussHermite

    /// The number of patients (groups with at least one episode).
    package var patients: Int { offsets.count - 1 }

    /// Groups the episodes.
    ///
    /// - Parameters:
    ///   - x: The `n × p` design.
    ///   - response: Times (as `log t`), events and entry times.
    ///   - codes: Per episode its group, `0..<groupCount`.
    ///   - groupCount: The number of groups.
    ///   - rule: The quadrature rule.
    /// - Complexity: O(n p).
    package init(x: Matrix, response: AFTResponse, codes: [Int], groupCount: Int, rule: GaussHermite) {
        let n = x.rows, p = x.columns
        var counts = [Int](repeating: 0, count: groupCount + 1)
        for code in codes { counts[code + 1] += 1 }
        for g in 0..<groupCount { counts[g + 1] += counts[g] }
        var next = counts
        var order = [Int](repeating: 0, count: n)
        for (row, code) in codes.enumerated() {
            order[next[code]] = row
            next[code] += 1
        }
        var offsets = [0], groups: [Int] = []
        for g in 0..<groupCount where counts[g + 1] > counts[g] {
            offsets.append(counts[g + 1])
            groups.append(g)
        }
        var sortedX = [Double](repeating: 0, count: n * p)
        for (r, row) in order.enumerated() {
            for c in 0..<p { sortedX[r * p + c] = x.elements[c * n + row] }
        }
        self.family = response.family
        self.columns = p
        self.x = sortedX
        self.y = order.map { response.y[$0] }
        self.event = order.map { response.event[$0] }
        self.entry = response.entryY.map { entry in order.map { entry[$0] } }
        self.offsets = offsets
        self.groups = groups
        self.rule = rule
    }

    /// One patient's contribution.
    package struct Contribution: Sendable {
        /// `log Lᵢ`.
        package var value: Double
        /// `b̂ᵢ`.
        package var mode: Double
        /// `−hᵢ″(b̂ᵢ)`.
        package var curvature: Double
    }

    /// The sum of `log Lᵢ` over the patients `range`, their modes and curvatures, and (when `gradient`
    /// is non-nil) the gradient added into it.
    ///
    /// - Parameters:
    ///   - range: Patients.
    ///   - parameters: `(β, log σ, log τ)`.
    ///   - modes: Starting modes of the patients in `range` (the previous ones), length `range.count`.
    ///   - gradient: Accumulates `∂ Σ log Lᵢ/∂θ` when non-nil.
    /// - Returns: Per patient its contribution, nil when a mode is not defined (non-finite terms).
    /// - Complexity: O(episodes × (Newton steps + nodes) + episodes × p).
    package func contributions(_ range: Range<Int>, parameters: [Double], modes: ArraySlice<Double>,
                               gradient: inout [Double]?) -> [Contribution]? {
        let p = columns
        let logScale = parameters[p], logTau = parameters[p + 1]
        let inverseScale = exp(-logScale), inverseTau2 = exp(-2 * logTau)
        let nodes = rule.nodes, logWeights = zip(rule.weights, rule.nodes).map { log($0) + $1 * $1 }
        let k = nodes.count
        let constant = -logTau - 0.5 * log(2 * Double.pi)
        var eta: [Double] = []
        var stored: [Double] = []
        var logTerms = [Double](repeating: 0, count: k), nodeFirst = logTerms, nodeScale = logTerms
        var hbBeta = [Double](repeating: 0, count: p), hbbBeta = hbBeta, direct = hbBeta
        let wantsGradient = gradient != nil
        var total = gradient ?? []
        var result: [Contribution] = []
        result.reserveCapacity(range.count)
        for (index, patient) in range.enumerated() {
            let lo = offsets[patient], hi = offsets[patient + 1]
            eta.removeAll(keepingCapacity: true)
            for r in lo..<hi {
                var sum = 0.0
                for c in 0..<p { sum += x[r * p + c] * parameters[c] }
                eta.append(sum)
            }
            // h(b) less its constant, h′(b), h″(b) and Σ ℓ_s; with `node`, each episode's ℓ_μ kept for the gradient.
            func sums(_ b: Double, node: Int? = nil) -> (value: Double, first: Double, second: Double, scale: Double) {
                var v = 0.0, g = 0.0, h = 0.0, s = 0.0
                for r in lo..<hi {
                    let term = EpisodeTerm(y: y[r], event: event[r], entry: entry?[r], mu: eta[r - lo] + b,
                                           logScale: logScale, inverseScale: inverseScale, family: family)
                    v += term.value
                    g += term.mu
                    h += term.muMu
                    s += term.s
                    if let node { stored[(r - lo) * k + node] = term.mu }
                }
                return (v - 0.5 * b * b * inverseTau2, g - b * inverseTau2, h - inverseTau2, s)
            }
            // The mode: Newton steps on b, halved while h falls.
            var b = modes[modes.startIndex + index]
            if !b.isFinite { b = 0 }
            var current = sums(b)
            for _ in 0..<100 {
                guard current.value.isFinite, current.first.isFinite, current.second.isFinite else { return nil }
                let step = current.second < 0 ? -current.first / current.second : current.first / inverseTau2
                var factor = 1.0
                var trial = sums(b + step)
                while !(trial.value >= current.value - 1e-14 * abs(current.value)), factor > 1e-10 {
                    factor /= 2
                    trial = sums(b + factor * step)
                }
                b += factor * step
                current = trial
                if abs(factor * step) <= 1e-11 * (1 + abs(b)) { break }
            }
            let curvature = -current.second
            guard curvature > 0, curvature.isFinite, current.value.isFinite else { return nil }
            let radius = (2 / curvature).squareRoot()
            // The nodes: h at each, and with the gradient each episode's ℓ_μ per node.
            if wantsGradient {
                stored.removeAll(keepingCapacity: true)
                stored.append(contentsOf: repeatElement(0, count: (hi - lo) * k))
            }
            for node in 0..<k {
                let sum = sums(b + radius * nodes[node], node: wantsGradient ? node : nil)
                logTerms[node] = logWeights[node] + sum.value + constant
                nodeFirst[node] = sum.first
                nodeScale[node] = sum.scale
            }
            let top = logTerms.max() ?? 0
            let logSum = top + log(logTerms.reduce(0) { $0 + exp($1 - top) })
            let value = log(radius) + logSum
            guard value.isFinite else { return nil }
            result.append(Contribution(value: value, mode: b, curvature: curvature))
            guard wantsGradient else { continue }
            let weights = logTerms.map { exp($0 - logSum) }
            // At the mode: h_bθ and h_bbθ (β, s, t) and h_bbb.
            for col in 0..<p {
                hbBeta[col] = 0
                hbbBeta[col] = 0
                direct[col] = 0
            }
            var hbS = 0.0, hbbS = 0.0, hbbb = 0.0
            for r in lo..<hi {
                let c = EpisodeTerm.curvature(y: y[r], event: event[r], entry: entry?[r], mu: eta[r - lo] + b,
                                              inverseScale: inverseScale, family: family)
                for col in 0..<p {
                    hbBeta[col] += c.muMu * x[r * p + col]
                    hbbBeta[col] += c.muMuMu * x[r * p + col]
                }
                hbS += c.muS
                hbbS += c.muMuS
                hbbb += c.muMuMu
            }
            let h2 = -curvature
            var expectedFirst = 0.0, expectedFirstNode = 0.0, expectedScale = 0.0, expectedTau = 0.0
            for node in 0..<k {
                let bk = b + radius * nodes[node]
                expectedFirst += weights[node] * nodeFirst[node]
                expectedFirstNode += weights[node] * nodeFirst[node] * nodes[node]
                expectedScale += weights[node] * nodeScale[node]
                expectedTau += weights[node] * (bk * bk * inverseTau2 - 1)
            }
            // d log L / dθ = d log ŝ + Σ πₖ [h_θ(bₖ) + h_b(bₖ)(db̂ + xₖ r d log ŝ)].
            func add(_ index: Int, hbTheta: Double, hbbTheta: Double, direct: Double) {
                let db = -hbTheta / h2
                let dLogS = -0.5 * (hbbTheta + hbbb * db) / h2
                total[index] += dLogS + direct + expectedFirst * db + expectedFirstNode * radius * dLogS
            }
            for r in lo..<hi {
                var mean = 0.0
                for node in 0..<k { mean += weights[node] * stored[(r - lo) * k + node] }
                for col in 0..<p { direct[col] += mean * x[r * p + col] }
            }
            for col in 0..<p { add(col, hbTheta: hbBeta[col], hbbTheta: hbbBeta[col], direct: direct[col]) }
            add(p, hbTheta: hbS, hbbTheta: hbbS, direct: expectedScale)
            add(p + 1, hbTheta: 2 * b * inverseTau2, hbbTheta: 2 * inverseTau2, direct: expectedTau)
        }
        if wantsGradient { gradient = total }
        return result
    }
}
