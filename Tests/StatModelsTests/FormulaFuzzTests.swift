import DataIO
import Foundation
import NumericCore
import Regression
import Testing

/// Property test of the formula parser and the design builder on seeded random formulas: grammar-built
/// formulas, token soup, mutated text and deep nesting. Every formula either parses or throws a
/// ``FormulaError`` (usage) of a few short lines; every parsed formula either builds a design on a
/// small dataset or throws a ``DesignMatrixError``; nothing crashes and each case takes bounded time.
@Suite struct FormulaFuzzTests {
    static let cases = 3_000
    static let seed: UInt64 = 20_240_611

    /// The random source: a seeded generator with small helpers.
    struct Source {
        var rng: SeededGenerator

        mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(rng.next() % UInt64(n)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let columns = ["a", "b", "x", "site", "g"]
    static let names = columns + ["`a`", "`my col`", "zz", ".x", "a.b_c"]
    static let functions = ["log", "log2", "log10", "log1p", "exp", "sqrt", "abs", "I"]
    static let soup = [
        "a", "b", "x", "site", "g", "+", "-", "*", "/", "^", ":", "(", ")", ",", "=", "~", "0", "1", "2", "16", "17", "1e5",
        "0.5", "2L", "log", "I", "ns", "strata", "cluster", "poly", "df", "`", "`q q`", "%in%", "|", "\"", "'", "é", "\u{0}",
        "\t", "\n", "🙂", "$", ".", "..", "e", "ns(", "I(", "log(", "^2", "^-", " ",
    ]

    /// Arithmetic inside a call.
    static func arithmetic(_ s: inout Source, depth: Int) -> String {
        if depth <= 0 || s.chance(35) { return s.chance(70) ? s.pick(["a", "b", "x", "site"]) : s.pick(["2", "0.5", "1e-3", "3L"]) }
        switch s.below(5) {
        case 0: return arithmetic(&s, depth: depth - 1) + s.pick([" + ", " - ", " * ", " / ", "^"]) + arithmetic(&s, depth: depth - 1)
        case 1: return s.pick(["-", "+"]) + arithmetic(&s, depth: depth - 1)
        case 2: return "(" + arithmetic(&s, depth: depth - 1) + ")"
        default: return s.pick(functions) + "(" + arithmetic(&s, depth: depth - 1) + ")"
        }
    }

    /// A formula from the supported grammar (and a little beyond it).
    static func grammar(_ s: inout Source, depth: Int) -> String {
        if depth <= 0 || s.chance(30) {
            switch s.below(8) {
            case 0: return s.pick(functions) + "(" + arithmetic(&s, depth: 3) + ")"
            case 1: return "ns(" + s.pick(["a", "b", "x"]) + ", " + s.pick(["1", "2", "3", "df = 4", "20", "0"]) + ")"
            case 2: return s.pick(["strata(site)", "strata(g, site)", "cluster(g)", "cluster(site)"])
            default: return s.pick(names)
            }
        }
        switch s.below(6) {
        case 0: return "(" + grammar(&s, depth: depth - 1) + ")^" + s.pick(["2", "3", "16", "0", "1.5"])
        case 1: return "(" + grammar(&s, depth: depth - 1) + ")"
        default: return grammar(&s, depth: depth - 1) + s.pick([" + ", " * ", ":", " - ", " / "]) + grammar(&s, depth: depth - 1)
        }
    }

    /// Wraps `core` in `levels` random nesting constructs.
    static func nested(_ s: inout Source, core: String, levels: Int) -> String {
        let kind = s.below(4)
        switch kind {
        case 0: return String(repeating: "(", count: levels) + core + String(repeating: ")", count: levels)
        case 1: return String(repeating: "log(", count: levels) + "x" + String(repeating: ")", count: levels)
        case 2: return "I(" + String(repeating: s.pick(["-", "+", "(-"]), count: levels) + "x" + ")"
        default: return "I(x" + String(repeating: "^x", count: levels) + ")"
        }
    }

    static func formula(_ s: inout Source) -> String {
        switch s.below(10) {
        case 0, 1, 2, 3:
            return grammar(&s, depth: 1 + s.below(6))
        case 4, 5:
            return (0..<(1 + s.below(40))).map { _ in s.pick(soup) }.joined(separator: s.chance(50) ? " " : "")
        case 6, 7:
            var chars = Array(grammar(&s, depth: 3))
            for _ in 0..<(1 + s.below(4)) {
                let at = s.below(chars.count + 1)
                switch s.below(3) {
                case 0: if at < chars.count { chars.remove(at: at) }
                case 1: chars.insert(contentsOf: Array(s.pick(soup)), at: at)
                default: if at < chars.count { chars[at] = Character(s.pick(["(", ")", "+", ":", "^", "`", ","])) }
                }
            }
            return String(chars)
        default:
            let levels = s.chance(50) ? 90 + s.below(20) : s.pick([5, 200, 1_000, 5_000])
            return nested(&s, core: grammar(&s, depth: 2), levels: levels)
        }
    }

    static let data: SurvivalDataset? = {
        var text = "relief_days,relief_ended,a,b,x,site,g\n"
        for row in 0..<30 {
            text += "\(row % 11 + 1),\(row % 3 == 0 ? 0 : 1),\(Double(row % 7) - 3),\(Double(row * row % 13) / 4),"
                + "\(Double(row % 9) + 0.5),S\(row % 3),\(row % 2 == 0 ? "u" : "v")\n"
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formula-fuzz-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("data.csv")
        try? Data(text.utf8).write(to: url)
        let roles = ColumnRoles(id: nil, covariates: columns)
        return try? SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: url.path)
    }()

    private func expectShortLines(_ lines: [String], _ text: String) {
        #expect(!lines.isEmpty && lines.count <= 6, "\(lines.count) lines for \(text.prefix(80))")
        for line in lines where line.count + "relief: error: ".count > 300 {
            Issue.record("a line of \(line.count) characters for \(text.prefix(80)): \(line.prefix(100))")
        }
    }

    @Test("random formulas parse or throw a short usage error, and build or throw a design error, in bounded time")
    func randomFormulas() throws {
        let data = try #require(Self.data)
        var source = Source(rng: SeededGenerator(seed: Self.seed))
        let clock = ContinuousClock()
        let total = clock.now
        var parsed = 0
        var built = 0
        for _ in 0..<Self.cases {
            let text = Self.formula(&source)
            let start = clock.now
            do {
                let formula = try Formula(text)
                parsed += 1
                #expect(formula.terms.count <= Formula.maximumTerms)
                try formula.checkColumns(Self.columns)
                let design = try DesignMatrixBuilder(intercept: source.chance(50)).build(formula, data: data)
                #expect(design.rows == 30)
                #expect(design.columns <= DesignMatrixBuilder.defaultMaximumColumns)
                built += 1
            } catch let error as FormulaError {
                #expect(error.failureKind == .usage)
                #expect(error.offset >= 0 && error.offset <= error.formula.count)
                expectShortLines(error.messageLines, text)
            } catch let error as DesignMatrixError {
                expectShortLines(error.messageLines, text)
            } catch {
                Issue.record("an untyped error for \(text.prefix(80)): \(error)")
            }
            let elapsed = clock.now - start
            #expect(elapsed < .seconds(2), "\(elapsed) for \(text.prefix(80))")
        }
        // The generator reaches all outcomes.
        #expect(parsed > Self.cases / 5)
        #expect(built > Self.cases / 10)
        #expect(clock.now - total < .seconds(30))
    }
}
