/// A fast, seedable, reproducible random number generator: xoshiro256** seeded through splitmix64.
///
/// The 256-bit state is filled with four consecutive outputs of splitmix64 started at `seed`, as the
/// authors of xoshiro recommend; splitmix64 is a bijection of its counter, so the state is never all
/// zero. Each call of ``next()`` then returns
///
///     result = rotl(s1 · 5, 7) · 9
///     t = s1 << 17;  s2 ^= s0;  s3 ^= s1;  s1 ^= s2;  s0 ^= s3;  s2 ^= t;  s3 = rotl(s3, 45)
///
/// (all arithmetic modulo 2^64). The same seed always gives the same stream on every platform, so a
/// simulation is reproducible from its seed alone. Period 2^256 − 1. Not cryptographically secure.
///
/// ```swift
/// var rng = SeededGenerator(seed: 1)
/// let x = rng.next()                       // 0xb3f2af6d0fc710c5
/// let u = RandomVariates.uniform(using: &rng)
/// ```
///
/// Reference: D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators",
/// ACM Trans. Math. Softw. 47(4), 2021, doi:10.1145/3460772; <https://prng.di.unimi.it>.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    @usableFromInline package var s0: UInt64
    @usableFromInline package var s1: UInt64
    @usableFromInline package var s2: UInt64
    @usableFromInline package var s3: UInt64

    /// The seed this generator was created with.
    public let seed: UInt64

    /// Creates a generator whose state is four successive splitmix64 outputs starting at `seed`.
    /// - Parameter seed: Any 64-bit value (0 is fine).
    /// - Complexity: O(1).
    public init(seed: UInt64) {
        self.seed = seed
        var counter = seed
        s0 = Self.splitMix64(&counter)
        s1 = Self.splitMix64(&counter)
        s2 = Self.splitMix64(&counter)
        s3 = Self.splitMix64(&counter)
    }

    /// The raw 256-bit state `[s0, s1, s2, s3]` (for tests and diagnostics).
    public var state: [UInt64] { [s0, s1, s2, s3] }

    /// One step of splitmix64 (Steele, Lea and Flood 2014, doi:10.1145/2714064.2660195):
    /// `z = (x += 0x9e3779b97f4a7c15); z = (z ^ z>>30)·0xbf58476d1ce4e5b9; z = (z ^ z>>27)·0x94d049bb133111eb;
    /// return z ^ z>>31`.
    /// - Parameter counter: The splitmix64 state, advanced by the golden-ratio increment.
    /// - Returns: The next splitmix64 output.
    /// - Complexity: O(1).
    public static func splitMix64(_ counter: inout UInt64) -> UInt64 {
        counter = counter &+ 0x9e37_79b9_7f4a_7c15
        var z = counter
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The next 64 random bits (xoshiro256**).
    /// - Returns: A uniformly distributed `UInt64`.
    /// - Complexity: O(1).
    @inlinable
    public mutating func next() -> UInt64 {
        let result = Self.rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotateLeft(s3, 45)
        return result
    }

    @inlinable
    package static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
