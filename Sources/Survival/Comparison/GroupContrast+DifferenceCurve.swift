extension GroupContrast {
    /// `S_group(t) − S_reference(t)` with its pointwise interval at every distinct time of either curve, up
    /// to the earlier of their last times (beyond it one curve is no longer estimated): the step function a
    /// figure draws under the curves. Each difference is ``Contrast/difference(_:_:level:)`` of the two
    /// curves' estimates and Greenwood SEs at that time, the same as ``survivalDifferences`` at a
    /// requested time.
    /// - Parameters:
    ///   - group: The group's Kaplan–Meier fit.
    ///   - reference: The reference group's fit.
    ///   - level: The two-sided confidence level.
    /// - Returns: The differences in time order; empty when either curve has no time.
    /// - Complexity: O((m₁ + m₂) log(m₁ + m₂)) for the two curves' m₁ and m₂ distinct times.
    public static func differenceCurve(_ group: KaplanMeierFit, _ reference: KaplanMeierFit, level: Double) -> [AtTime] {
        guard let lastGroup = group.times.last, let lastReference = reference.times.last else { return [] }
        let end = min(lastGroup, lastReference)
        var times = group.times.filter { $0 <= end } + reference.times.filter { $0 <= end }
        times.sort()
        var curve: [AtTime] = []
        curve.reserveCapacity(times.count)
        for t in times where curve.last?.time != t {
            let a = group.estimate(at: t)
            let b = reference.estimate(at: t)
            curve.append(AtTime(time: t, difference: .difference((a.estimate, a.standardError), (b.estimate, b.standardError), level: level)))
        }
        return curve
    }
}
