import DataIO
import Foundation
import NumericCore
import Testing

/// Property test of the CSV reader on seeded random bytes: valid files mutated byte by byte (quotes,
/// delimiters, line breaks, NUL, BOM, invalid UTF-8, truncation), random dialects, roles, chunk sizes
/// and field limits, and pure noise. Every file either reads or throws a ``DataError``; nothing
/// crashes and each read takes bounded time.
@Suite struct CSVReaderFuzzTests {
    static let cases = 600
    static let seed: UInt64 = 7_021_989

    struct Source {
        var rng: SeededGenerator

        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let interesting: [[UInt8]] = [
        [0x00], [0x22], [0x22, 0x22], [0x2C], [0x3B], [0x09], [0x0A], [0x0D], [0x0D, 0x0A], [0xEF, 0xBB, 0xBF], [0xFF], [0xC3],
        [0xC3, 0xA9], [0x80], [0xF0, 0x9F, 0x99, 0x82], Array("NA".utf8), Array("-1".utf8), Array("1e400".utf8),
        Array("nan".utf8), Array("0,5".utf8), Array("PK\u{3}\u{4}".utf8), Array(String(repeating: "9", count: 40).utf8),
    ]

    /// A well-formed file of `rows` rows.
    static func valid(_ s: inout Source, rows: Int) -> [UInt8] {
        let delimiter = s.pick([",", ";", "\t"])
        var text = ["patient_id", "relief_days", "relief_ended", "dose", "grp"].joined(separator: delimiter) + "\n"
        for row in 0..<rows {
            let fields = [
                "P\(row / 2)", "\(Double(s.below(400)) / 10)", s.chance(5) ? "NA" : s.pick(["0", "1", "1"]), "\(Double(s.below(20)) / 8)",
                s.pick(["a", "b", "\"c, d\"", "\"e \"\"q\"\"\""]),
            ]
            text += fields.joined(separator: delimiter) + (s.chance(10) ? "\r\n" : "\n")
        }
        return Array(text.utf8)
    }

    static func bytes(_ s: inout Source) -> [UInt8] {
        if s.chance(10) { return (0..<s.below(300)).map { _ in UInt8(truncatingIfNeeded: s.rng.next()) } }
        var bytes = valid(&s, rows: 1 + s.below(30))
        for _ in 0..<(s.chance(30) ? 0 : 1 + s.below(6)) {
            let at = s.below(bytes.count + 1)
            switch s.below(5) {
            case 0: bytes.insert(contentsOf: s.pick(interesting), at: at)
            case 1: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + 1 + s.below(6))) }
            case 2: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: s.rng.next()) }
            case 3: bytes = Array(bytes.prefix(at))
            default:
                let end = min(bytes.count, at + s.below(40))
                bytes.insert(contentsOf: Array(bytes[at..<end]), at: at)
            }
        }
        return bytes
    }

    @Test("random bytes read or throw a typed data error, in bounded time")
    func randomFiles() throws {
        var source = Source(rng: SeededGenerator(seed: Self.seed))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("csv-fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let clock = ContinuousClock()
        var read = 0
        var refused = 0
        for index in 0..<Self.cases {
            let url = dir.appendingPathComponent("case\(index % 8).csv")
            let bytes = Self.bytes(&source)
            try Data(bytes).write(to: url)
            let dialect = CSVDialect(delimiter: source.pick([.auto, .auto, .comma, .semicolon, .tab]), decimalComma: source.chance(15))
            var roles = ColumnRoles(id: source.pick([nil, "patient_id"]), skipInvalid: source.chance(50))
            if source.chance(50) { roles.covariates = source.pick([["dose"], ["grp"], ["dose", "grp"]]) }
            if source.chance(30) { roles.by = ["grp"] }
            var reader = SurvivalDatasetReader(
                dialect: dialect, roles: roles,
                limits: CSVLimits(
                    maxFieldBytes: source.chance(10) ? 8 : 1 << 20, maxColumns: source.chance(10) ? 3 : 10_000,
                    maxGroups: source.chance(10) ? 2 : 1_000))
            if source.chance(50) { reader.chunkSize = 1 + source.below(64) }
            let start = clock.now
            do {
                let data = try reader.read(path: url.path)
                #expect(data.time.count == data.event.count)
                #expect(data.rowsUsed == data.time.count)
                read += 1
            } catch {
                #expect(!error.description.isEmpty)
                #expect(error.failureKind != .internalError, "\(error)")
                refused += 1
            }
            let elapsed = clock.now - start
            #expect(elapsed < .seconds(2), "\(elapsed) reading case \(index)")
        }
        #expect(read > Self.cases / 10)
        #expect(refused > Self.cases / 4)
    }
}
