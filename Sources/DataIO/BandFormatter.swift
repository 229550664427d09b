/// Band labels for cut points, and number formatting for level labels.
///
/// Cut points `c1 < c2 < ... < ck` make k+1 bands: `x <= c1`, `c1 < x <= c2`, ..., `x > ck`.
/// Labels: `<=c1`, then for integer-valued data (all cut points and all values integers) the middle
/// band `(a,b]` is written `a+1-b` (just `b` when a+1 == b; interval notation when a+1 < 0), else
/// `(a,b]`; the last band is `>ck`. Example: cuts 7,28 on whole days give `<=7`, `8-28`, `>28`.
enum _BandFormatter {
    /// A number as shown in labels: integers without a decimal point, others in shortest round-trip form.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 {
            return String(Int64(x))
        }
        return "\(x)"
    }

    /// The k+1 labels for cut points `cuts`.
    /// - Parameters:
    ///   - cuts: Strictly increasing finite cut points.
    ///   - integral: Whether the data and cut points are all integers.
    /// - Returns: One label per band.
    static func labels(cuts: [Double], integral: Bool) -> [String] {
        guard let first = cuts.first, let last = cuts.last else { return [] }
        var labels = ["<=" + format(first)]
        for (a, b) in zip(cuts, cuts.dropFirst()) {
            if integral && a + 1 >= 0 {
                labels.append(a + 1 == b ? format(b) : "\(format(a + 1))-\(format(b))")
            } else {
                labels.append("(\(format(a)),\(format(b))]")
            }
        }
        labels.append(">" + format(last))
        return labels
    }

    /// The 0-based band of `x`: the first i with `x <= cuts[i]`, else `cuts.count`.
    static func band(of x: Double, cuts: [Double]) -> Int {
        var i = 0
        while i < cuts.count && x > cuts[i] { i += 1 }
        return i
    }
}
