/// A difference whose interval comes from a percentile bootstrap (the median difference of
/// ``KaplanMeierComparison``).
public struct BootstrapContrast: Sendable, Equatable {
    /// The difference on the data.
    public let estimate: Double
    /// The standard deviation of the replicate differences (the bootstrap SE).
    public let standardError: Double
    /// The lower percentile of the replicate differences.
    public let lower: Double
    /// The upper percentile.
    public let upper: Double
    /// `2 Φ(−|estimate / SE|)`: a normal approximation with the bootstrap SE.
    public let pValue: Double
    /// Replicates drawn.
    public let replicates: Int
    /// Replicates in which both medians were reached (the others are left out of the interval).
    public let usedReplicates: Int

    /// Creates a bootstrap contrast from its parts.
    /// - Parameters: the fields, see their documentation.
    public init(estimate: Double, standardError: Double, lower: Double, upper: Double, pValue: Double, replicates: Int,
                usedReplicates: Int) {
        self.estimate = estimate
        self.standardError = standardError
        self.lower = lower
        self.upper = upper
        self.pValue = pValue
        self.replicates = replicates
        self.usedReplicates = usedReplicates
    }
}
