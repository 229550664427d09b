/// The version of Relief recorded in every output.
enum ReliefVersion {
    static let string = "0.1.0"
}
