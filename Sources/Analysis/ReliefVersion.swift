/// The version of Relief recorded in every output and printed by `relief --version`.
public enum ReliefVersion {
    /// The version, e.g. `0.1.0`.
    public static let string = "0.1.0"
}
