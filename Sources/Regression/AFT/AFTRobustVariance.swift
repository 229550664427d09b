import NumericCore
import Survival

/// The robust (sandwich) variance of an AFT fit, as R `survreg(..., robust = TRUE, cluster = g)`:
/// `V_R = V (Σ_c U_c U_cᵀ) V`, with `V` the model-based variance and `U_c = Σ_{i ∈ c} sᵢ` the sum over
/// cluster `c` of the per-row scores `sᵢ = (∂ℓᵢ/∂μ · ∂μᵢ/∂θ, ∂ℓᵢ/∂log σ)` (each row its own cluster when
/// no cluster is given). As in survival 3.5 the per-row scores are not multiplied by the case weights.
package enum AFTRobustVariance {
    /// The sandwich variance and cluster count when asked for (`robust`, or clusters given), else `nil`s.
    package static func ifRequested<Location>(
        robust: Bool, _ likelihood: AFTLikelihood<Location>, variance: Matrix, cluster: [Int]?
    ) throws(StatModelError) -> (variance: Matrix?, clusters: Int?) {
        guard robust || cluster != nil else { return (nil, nil) }
        let sandwich = try compute(likelihood, variance: variance, cluster: cluster)
        return (sandwich.variance, sandwich.clusters)
    }

    /// - Parameters:
    ///   - likelihood: Evaluated (fully) at the final parameters.
    ///   - variance: The model-based variance `V`, `k × k`.
    ///   - cluster: Cluster codes (any integers; equal codes share a cluster) or nil.
    /// - Returns: The `k × k` robust variance and the number of clusters.
    /// - Complexity: O(n k) to sum the scores plus O(C k²) for `C` clusters.
    package static func compute<Location>(
        _ likelihood: AFTLikelihood<Location>, variance: Matrix, cluster: [Int]?
    ) throws(StatModelError) -> (variance: Matrix, clusters: Int) {
        let n = likelihood.response.rows
        let p = likelihood.locationParameterCount
        let k = likelihood.parameterCount
        let codes: [Int]
        let clusterCount: Int
        if let cluster {
            (codes, clusterCount) = denseCodes(cluster)
        } else {
            codes = Array(0..<n)
            clusterCount = n
        }
        var sums = Matrix(rows: clusterCount, columns: k)
        likelihood.location.addClusterScores(Array(likelihood.lastParameters.prefix(p)), rowScores: likelihood.rowScores,
                                             clusters: codes, into: &sums)
        if k > p {
            let scoreLogScale = likelihood.rowLogScaleScores
            sums.elements.withUnsafeMutableBufferPointer { u in
                let uOffset = p * clusterCount
                for i in 0..<n { u[uOffset + codes[i]] += scoreLogScale[i] }
            }
        }
        let meat = sums
        let robust = try AFTLinearAlgebra.run(likelihood.context, "the robust variance") { () throws(LinearAlgebraError) -> Matrix in
            let middle = try meat.syrk(transpose: true)
            return try variance.gemm(try middle.gemm(variance))
        }
        return (robust, clusterCount)
    }

    /// Maps arbitrary integer codes to `0..<count` (by a direct table when the range is small, else a
    /// dictionary).
    package static func denseCodes(_ cluster: [Int]) -> (codes: [Int], count: Int) {
        // Codes already numbered 0, 1, 2, ... in order of first appearance (the design's cluster codes)
        // are returned as they are, without a copy of n.
        var seen = 0
        var isDense = true
        for c in cluster where c >= seen {
            guard c == seen else {
                isDense = false
                break
            }
            seen += 1
        }
        if isDense, cluster.allSatisfy({ $0 >= 0 }) { return (cluster, seen) }
        guard let low = cluster.min(), let high = cluster.max() else { return ([], 0) }
        let (range, overflow) = high.subtractingReportingOverflow(low)
        if !overflow, range < max(1 << 20, 4 * cluster.count) {
            var table = [Int](repeating: -1, count: range + 1)
            var count = 0
            var codes = [Int](repeating: 0, count: cluster.count)
            for (i, c) in cluster.enumerated() {
                let slot = c - low
                if table[slot] < 0 {
                    table[slot] = count
                    count += 1
                }
                codes[i] = table[slot]
            }
            return (codes, count)
        }
        var map: [Int: Int] = [:]
        var codes = [Int](repeating: 0, count: cluster.count)
        for (i, c) in cluster.enumerated() {
            if let code = map[c] {
                codes[i] = code
            } else {
                codes[i] = map.count
                map[c] = map.count
            }
        }
        return (codes, map.count)
    }
}
