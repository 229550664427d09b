/// The profile-likelihood confidence interval of ED50: the doses where
/// `2 (ℓ_max − max_{other parameters} ℓ(ED50)) = χ²₁(level)`.
///
/// A side is nil when the profile log-likelihood does not fall below the cut-off before the search
/// bound (`1e-3 × max dose` below, `100 × max dose` above): the interval is open on that side and ED50
/// is not identified from the data there.
public struct EmaxAFTProfileInterval: Sendable, Equatable {
    /// The lower limit, nil when open.
    public let lower: Double?
    /// The upper limit, nil when open.
    public let upper: Double?
    /// The confidence level.
    public let level: Double

    /// Whether a side is open.
    public var isOpen: Bool { lower == nil || upper == nil }

    /// Creates an interval.
    public init(lower: Double?, upper: Double?, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }
}
