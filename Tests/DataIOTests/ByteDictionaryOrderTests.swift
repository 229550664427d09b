import Foundation
import Testing
@testable import DataIO

/// `_ByteDictionary` keeps no table while keys come in increasing byte order; indices must be those of a
/// plain insertion-order dictionary whatever the order, before, at and after the first key out of order.
@Suite struct ByteDictionaryOrderTests {
    /// Looks every key up in order and checks each index and `inserted` flag against a Swift dictionary.
    static func check(_ keys: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let dictionary = _ByteDictionary()
        var model: [String: Int] = [:]
        for key in keys {
            let bytes = Array(key.utf8)
            let (index, inserted) = bytes.withUnsafeBufferPointer { buffer in
                dictionary.index(of: buffer.baseAddress ?? UnsafePointer(bitPattern: 1).unsafelyUnwrapped, buffer.count)
            }
            let expected = model[key] ?? model.count
            #expect(index == expected, "key \(key)", sourceLocation: sourceLocation)
            #expect(inserted == (model[key] == nil), "key \(key)", sourceLocation: sourceLocation)
            if model[key] == nil { model[key] = expected }
        }
        #expect(dictionary.count == model.count, sourceLocation: sourceLocation)
        for (key, index) in model {
            #expect(dictionary.string(index) == key, sourceLocation: sourceLocation)
        }
    }

    @Test func sortedIdsThenRepeatsAndNewKeysOutOfOrder() {
        let ids = (1...5_000).map { String(format: "P%07d", $0) }
        Self.check(ids.flatMap { [$0, $0] } + ["P0000003", "P0004999", "A", "P0000001", "Z", "P0002500x", ""])
    }

    @Test func prefixesLongKeysAndTheEmptyKey() {
        Self.check(["", "a", "ab", "abc", "abcdefghij", "abcdefghijk", "abcdefghij", "b", "abcdefghijk", "ab", ""])
        Self.check(["b", "a", "b", "a"])
        Self.check(["a", "a", "a"])
    }

    @Test func seededRandomSequencesWithSortedStretches() {
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for _ in 0..<40 {
            var keys: [String] = []
            let sortedPrefix = Int(next() % 3_000)
            for k in 0..<sortedPrefix { keys.append("K\(String(repeating: "0", count: Int(next() % 2)))\(100_000 + k)") }
            for _ in 0..<Int(next() % 3_000) { keys.append("K\(100_000 + Int(next() % 4_000))") }
            Self.check(keys)
        }
    }
}
