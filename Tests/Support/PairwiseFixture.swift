/// The pairwise comparisons of one test in test_family.json (make_test_family_fixtures.R): every pair of
/// groups with R's raw and adjusted p (`survminer::pairwise_survdiff`), for the tests of two suites.
public struct PairwiseFixture: Decodable, Sendable {
    /// One pair of groups.
    public struct Pair: Decodable, Sendable {
        public let first: String
        public let second: String
        public let p: Double
        public let adjusted: Double
    }
    /// The test's name, e.g. `log-rank` or `fh:1,0`.
    public let test: String
    /// The adjustment, e.g. `holm`.
    public let method: String
    /// The pairs in R's order.
    public let pairs: [Pair]
}
