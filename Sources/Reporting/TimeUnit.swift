/// The unit of the time columns (`--time-unit`): it names the times in every header, note and axis, and
/// chooses the default landmark times.
///
/// Relief never converts times: the unit says what the numbers in the file already are.
public enum TimeUnit: String, Sendable, Equatable, CaseIterable {
    /// Days (the default: relief after an infusion is counted in days).
    case days
    /// Weeks.
    case weeks
    /// Hours.
    case hours

    /// The plural, as in "14 days".
    public var plural: String { rawValue }

    /// The singular, as in "per day".
    public var singular: String { String(rawValue.dropLast()) }

    /// The plural with a capital, for an axis title ("Days").
    public var capitalized: String { plural.prefix(1).uppercased() + plural.dropFirst() }

    /// The landmark times reported when none are given: 7, 14 and 28 for days; `nil` for another unit,
    /// whose landmarks come from the data (``LandmarkTimes``).
    public var standardLandmarks: [Double]? { self == .days ? [7, 14, 28] : nil }
}
