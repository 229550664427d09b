@testable import NumericCore
import Testing

/// Expected values come from the reference C code of xoshiro256** and splitmix64
/// (prng.di.unimi.it/xoshiro256starstar.c and splitmix64.c), compiled with gcc and seeded the same way:
/// state = four successive splitmix64 outputs starting at the seed.
@Suite("SeededGenerator")
struct RandomGeneratorTests {
    @Test func splitMix64MatchesReference() {
        var counter: UInt64 = 0
        #expect(SeededGenerator.splitMix64(&counter) == 0xe220_a839_7b1d_cdaf)
        #expect(SeededGenerator.splitMix64(&counter) == 0x6e78_9e6a_a1b9_65f4)
        #expect(counter == 0x9e37_79b9_7f4a_7c15 &* 2)
    }

    @Test(arguments: [
        (UInt64(0),
         [0xe220_a839_7b1d_cdaf, 0x6e78_9e6a_a1b9_65f4, 0x06c4_5d18_8009_454f, 0xf88b_b8a8_724c_81ec] as [UInt64],
         [0x99ec_5f36_cb75_f2b4, 0xbf6e_1f78_4956_452a, 0x1a5f_849d_4933_e6e0, 0x6aa5_94f1_262d_2d2c,
          0xbba5_ad4a_1f84_2e59] as [UInt64]),
        (UInt64(1),
         [0x910a_2dec_8902_5cc1, 0xbeeb_8da1_658e_ec67, 0xf893_a2ee_fb32_555e, 0x71c1_8690_ee42_c90b],
         [0xb3f2_af6d_0fc7_10c5, 0x853b_5596_4736_4cea, 0x92f8_9756_082a_4514, 0x642e_1c7b_c266_a3a7,
          0xb27a_48e2_9a23_3673]),
        (UInt64(20_261_125),
         [0x92cf_6a4a_af5c_73e1, 0x2a12_e734_35d3_9eac, 0x33e4_eda7_a980_43c0, 0x2060_5170_efcd_255d],
         [0xa952_16bb_1972_21b1, 0x8b03_16fc_e0d7_67bc, 0x8495_d78e_321f_87ef, 0xfc27_e49f_af52_cf04,
          0x31c0_0b0a_b307_7988]),
    ])
    func firstOutputsMatchReference(seed: UInt64, state: [UInt64], outputs: [UInt64]) {
        var rng = SeededGenerator(seed: seed)
        #expect(rng.seed == seed)
        #expect(rng.state == state)
        let drawn = (0..<outputs.count).map { _ in rng.next() }
        #expect(drawn == outputs)
    }

    @Test func sameSeedSameStreamDifferentSeedDifferentStream() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        var c = SeededGenerator(seed: 43)
        let streamA = (0..<1000).map { _ in a.next() }
        let streamB = (0..<1000).map { _ in b.next() }
        let streamC = (0..<1000).map { _ in c.next() }
        #expect(streamA == streamB)
        #expect(streamA != streamC)
        #expect(Set(streamA).count == 1000)
    }

    @Test func copiesContinueIndependently() {
        var a = SeededGenerator(seed: 9)
        _ = a.next()
        var b = a
        #expect(a.next() == b.next())
        #expect(a == b)
    }

    @Test func worksWithStandardLibraryAPIs() {
        var a = SeededGenerator(seed: 5)
        var b = SeededGenerator(seed: 5)
        let x = (0..<20).map { _ in Int.random(in: 0..<100, using: &a) }
        let y = (0..<20).map { _ in Int.random(in: 0..<100, using: &b) }
        #expect(x == y)
        #expect(x.allSatisfy { (0..<100).contains($0) })
    }
}
