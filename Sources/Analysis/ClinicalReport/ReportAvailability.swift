/// A part of a clinical report that may be missing from it, with the reason it is missing.
///
/// The report shows an unavailable part as a short paragraph saying why (for example "dose-response:
/// dose_mg_kg has 2 distinct levels; a curve needs 3"), so a reader never wonders whether a section was
/// forgotten.
public enum ReportAvailability<Value: Sendable>: Sendable {
    /// The part was computed.
    case available(Value)
    /// The part was not computed, and why (a sentence for the reader).
    case unavailable(String)

    /// The value, or `nil` when unavailable.
    public var value: Value? {
        if case .available(let value) = self { return value }
        return nil
    }

    /// The reason, or `nil` when available.
    public var reason: String? {
        if case .unavailable(let reason) = self { return reason }
        return nil
    }
}
