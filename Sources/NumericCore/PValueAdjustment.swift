/// A multiple-comparison adjustment of p-values, as R's `p.adjust`.
///
/// For `n` p-values (NaN entries are left NaN and not counted, as R's `NA`), sorted increasing as
/// `p₍₁₎ ≤ … ≤ p₍ₙ₎`:
/// - ``bonferroni``: `min(1, n pᵢ)`;
/// - ``holm``: `min(1, maxⱼ≤ᵢ (n − j + 1) p₍ⱼ₎)` (Holm 1979, step-down);
/// - ``bh``: `min(1, minⱼ≥ᵢ n p₍ⱼ₎ / j)` (Benjamini and Hochberg 1995, doi:10.1111/j.2517-6161.1995.tb02031.x);
/// - ``none``: unchanged.
///
/// ```swift
/// PValueAdjustment.holm.adjusted([0.01, 0.04, 0.03])   // [0.03, 0.06, 0.06]
/// ```
public enum PValueAdjustment: String, Sendable, CaseIterable {
    /// Holm's step-down method.
    case holm
    /// Benjamini–Hochberg false discovery rate.
    case bh
    /// Bonferroni.
    case bonferroni
    /// No adjustment.
    case none

    /// The adjusted p-values, in the input's order.
    /// - Parameter p: The raw p-values.
    /// - Returns: The adjusted p-values.
    /// - Complexity: O(n log n).
    public func adjusted(_ p: [Double]) -> [Double] {
        let present = p.indices.filter { !p[$0].isNaN }
        let n = Double(present.count)
        var result = p
        switch self {
        case .none:
            return p
        case .bonferroni:
            for i in present { result[i] = Swift.min(1, n * p[i]) }
        case .holm:
            let order = present.sorted { (p[$0], $0) < (p[$1], $1) }
            var running = 0.0
            for (rank, i) in order.enumerated() {
                running = Swift.max(running, (n - Double(rank)) * p[i])
                result[i] = Swift.min(1, running)
            }
        case .bh:
            let order = present.sorted { (p[$0], $0) > (p[$1], $1) }
            var running = Double.infinity
            for (rank, i) in order.enumerated() {
                running = Swift.min(running, n / (n - Double(rank)) * p[i])
                result[i] = Swift.min(1, running)
            }
        }
        return result
    }
}
