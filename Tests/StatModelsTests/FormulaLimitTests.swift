import DataIO
import Foundation
import NumericCore
import Regression
import Testing

/// The limits the formula parser and the design builder promise (README, "Security and robustness"):
/// nesting depth, the size of the term expansion, the number of design columns, factor levels, and
/// error messages of a few short lines.
@Suite struct FormulaLimitTests {
    /// The longest line an error may show, the CLI's `relief: error: ` prefix included.
    static let longestLine = 300

    private func formulaError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> FormulaError? {
        do {
            _ = try Formula(text)
            Issue.record("expected a formula error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    private func expectShortLines(_ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(lines.count <= 6, "\(lines.count) lines", sourceLocation: sourceLocation)
        for line in lines {
            #expect(line.count + "relief: error: ".count <= Self.longestLine, "\(line.count) characters: \(line.prefix(120))…",
                sourceLocation: sourceLocation)
        }
    }

    /// Writes `text` to a temporary CSV and reads it with `covariates`.
    private func dataset(_ text: String, covariates: [String]) throws -> SurvivalDataset {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("formula-limit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("data.csv")
        try Data(text.utf8).write(to: url)
        let roles = ColumnRoles(id: nil, covariates: covariates)
        return try SurvivalDatasetReader(dialect: CSVDialect(delimiter: .comma), roles: roles).read(path: url.path)
    }

    /// `rows` rows with a text column `id` of `levels` levels (named with `prefix`), numeric `x1`...`x12`.
    private func wideData(rows: Int, levels: Int, prefix: String = "P") -> String {
        var text = "relief_days,relief_ended,id," + (1...12).map { "x\($0)" }.joined(separator: ",") + "\n"
        for row in 0..<rows {
            let xs = (1...12).map { k in String(Double((row * 7 + k * 13) % 31) / 4 + Double(k)) }
            text += "\(row % 17 + 1),\(row % 3 == 0 ? 0 : 1),\(prefix)\(row % levels)," + xs.joined(separator: ",") + "\n"
        }
        return text
    }

    // MARK: item 1: nesting depth

    @Test("5,000 nested parentheses, calls, signs or powers are a usage error, not a crash", arguments: [
        String(repeating: "(", count: 5_000) + "a" + String(repeating: ")", count: 5_000),
        String(repeating: "log(", count: 5_000) + "x" + String(repeating: ")", count: 5_000),
        String(repeating: "I(", count: 5_000) + "x" + String(repeating: ")", count: 5_000),
        "I(" + String(repeating: "-", count: 5_000) + "x)",
        "I(" + String(repeating: "(", count: 5_000) + "x" + String(repeating: ")", count: 5_000) + ")",
        "I(x" + String(repeating: "^x", count: 5_000) + ")",
        "I(x" + String(repeating: "^-x", count: 5_000) + ")",
        String(repeating: "(", count: 100_000),
    ])
    func deepNestingIsRefused(_ text: String) throws {
        let error = try #require(formulaError(text))
        #expect(error.failureKind == .usage)
        #expect(error.kind == .limitExceeded)
        #expect(error.message.contains("deep"), "\(error.message)")
        expectShortLines(error.messageLines)
    }

    @Test("100 levels of nesting parse; the 101st is refused where it opens")
    func depthLimitIsExact() throws {
        let depth = Formula.maximumDepth
        func parentheses(_ n: Int) -> String { String(repeating: "(", count: n) + "a" + String(repeating: ")", count: n) }
        #expect(try Formula(parentheses(depth)).terms.map(\.label) == ["a"])
        let error = try #require(formulaError(parentheses(depth + 1)))
        #expect(error.kind == .limitExceeded)
        #expect(error.offset == depth)
        // A call counts one level, so does each sign and each power inside it.
        let signs = "I(" + String(repeating: "-", count: depth - 1) + "x)"
        #expect(try Formula(signs).terms.count == 1)
        #expect(formulaError("I(" + String(repeating: "-", count: depth) + "x)")?.offset == depth + 1)
        #expect(formulaError(String(repeating: "log(", count: depth + 1) + "x" + String(repeating: ")", count: depth + 1))?.offset == 4 * depth)
    }

    // MARK: item 2: expansion size

    @Test("a factor with more than 200 levels is refused, naming it and cluster()")
    func factorWithManyLevelsIsRefused() throws {
        let data = try dataset(wideData(rows: 900, levels: 300), covariates: ["id", "x1"])
        for text in ["id * x1", "x1 + id", "(x1 + id)^2"] {
            let formula = try Formula(text)
            do {
                _ = try DesignMatrixBuilder(intercept: false).build(formula, data: data)
                Issue.record("expected a design error for \(text)")
            } catch {
                #expect(error.failureKind == .usage, "\(error)")
                #expect(error.description.contains("'id'"), "\(error)")
                #expect(error.description.contains("300 levels"), "\(error)")
                #expect(error.description.contains("cluster(id)"), "\(error)")
                expectShortLines(error.messageLines)
            }
        }
    }

    @Test("a factor with more levels than half the rows (an identifier) is refused")
    func identifierLikeFactorIsRefused() throws {
        let data = try dataset(wideData(rows: 60, levels: 40), covariates: ["id", "x1"])
        let formula = try Formula("x1 + id")
        do {
            _ = try DesignMatrixBuilder(intercept: true).build(formula, data: data)
            Issue.record("expected a design error")
        } catch {
            #expect(error.failureKind == .usage, "\(error)")
            #expect(error.description.contains("40 levels"), "\(error)")
            #expect(error.description.contains("half"), "\(error)")
            #expect(error.description.contains("cluster(id)"), "\(error)")
        }
        // Few levels on few rows stay a factor (R fits them).
        let small = try dataset(wideData(rows: 30, levels: 20), covariates: ["id", "x1"])
        let design = try DesignMatrixBuilder(intercept: true).build(formula, data: small)
        #expect(design.columns == 1 + 1 + 19)
    }

    @Test("an expansion past 1,000 design columns is refused before it is built, naming the largest term")
    func wideExpansionIsRefused() throws {
        let columns = (1...12).map { "x\($0)" }
        let data = try dataset(wideData(rows: 40, levels: 4), covariates: columns + ["id"])
        // (x1 + ... + x12)^6: 2,509 numeric columns.
        let crossed = try Formula("(" + columns.joined(separator: " + ") + ")^6")
        do {
            _ = try DesignMatrixBuilder(intercept: false).build(crossed, data: data)
            Issue.record("expected a design error")
        } catch {
            #expect(error.failureKind == .usage, "\(error)")
            #expect(error.description.contains("1000"), "\(error)")
            #expect(error.description.contains("--max-columns"), "\(error)")
            expectShortLines(error.messageLines)
        }
        // The limit is an option: raised, the same formula builds.
        let wide = try DesignMatrixBuilder(intercept: false, maximumColumns: 3_000).build(crossed, data: data)
        #expect(wide.columns == 2_509)
        #expect(throws: DesignMatrixError.self) {
            try DesignMatrixBuilder(intercept: true, maximumColumns: 2_509).build(crossed, data: data)
        }
        // A factor crossed with splines: the four-way term alone has 3 x 10 x 10 x 10 columns.
        let splines = try Formula("id * ns(x1, 10) * ns(x2, 10) * ns(x3, 10)")
        do {
            _ = try DesignMatrixBuilder(intercept: true).build(splines, data: data)
            Issue.record("expected a design error")
        } catch {
            #expect(error.failureKind == .usage, "\(error)")
            #expect(error.description.contains("ns(x1, 10)"), "\(error)")
            expectShortLines(error.messageLines)
        }
    }

    @Test("a term expansion past the parser's limit is refused quickly, not built")
    func termExplosionIsRefused() throws {
        let clock = ContinuousClock()
        let names = (1...40).map { "a\($0)" }.joined(separator: " + ")
        let start = clock.now
        // (a1 + ... + a40)^8 has about 10^8 terms.
        let error = try #require(formulaError("(" + names + ")^8"))
        #expect(error.failureKind == .usage)
        #expect(error.kind == .limitExceeded)
        #expect(error.message.contains("terms"), "\(error.message)")
        #expect(clock.now - start < .seconds(5))
        expectShortLines(error.messageLines)
    }

    @Test("the limit errors keep their advice whole with long names and large numbers")
    func limitMessagesKeepTheirAdvice() {
        let name = String(repeating: "n", count: 500)
        let levels = DesignMatrixError.tooManyLevels(column: name, levels: 9_999_999, rows: 99_999_999, limit: 200)
        #expect(levels.messageLines.count == 1)
        #expect(levels.messageLines[0].hasSuffix("else group it into fewer levels."), "\(levels.messageLines[0])")
        #expect(levels.messageLines[0].count <= MessageBounds.maximumFirstLineLength)
        let columns = DesignMatrixError.tooManyColumns(columns: Int.max, limit: 9_999_999, term: name, termColumns: Int.max)
        #expect(columns.messageLines[0].hasSuffix("or raise --max-columns."), "\(columns.messageLines[0])")
        #expect(columns.messageLines[0].count <= MessageBounds.maximumFirstLineLength)
    }

    @Test("a level list in an error is cut with '... and N more'")
    func longLevelListsAreCut() throws {
        let prefix = String(repeating: "level_with_a_long_name_", count: 2)
        let data = try dataset(wideData(rows: 400, levels: 150, prefix: prefix), covariates: ["id", "x1"])
        let formula = try Formula("id + x1")
        do {
            _ = try DesignMatrixBuilder(intercept: false, referenceLevels: ["id": "nope"]).build(formula, data: data)
            Issue.record("expected a design error")
        } catch {
            #expect(error.description.contains("more"), "\(error)")
            #expect(error.description.contains("... and "), "\(error)")
            expectShortLines(error.messageLines)
        }
    }

    @Test("a long formula is shown as a window around the error, the caret under the offending character")
    func longFormulaIsShownAsAWindow() throws {
        let text = (1...600).map { "column_\($0)" }.joined(separator: " + ") + " + )"
        let error = try #require(formulaError(text))
        let lines = error.messageLines
        expectShortLines(lines)
        try #require(lines.count >= 3)
        let shown = Array(lines[1])
        let caret = try #require(lines[2].firstIndex(of: "^"))
        let column = lines[2].distance(from: lines[2].startIndex, to: caret)
        #expect(shown.indices.contains(column) && shown[column] == ")", "\(lines[1])\n\(lines[2])")
        // A short formula is shown whole, as before.
        let short = try #require(formulaError("a + + b"))
        #expect(short.messageLines[1] == "  a + + b")
        #expect(short.messageLines[2] == "      ^")
    }

    @Test("a formula of a megabyte, or a name of 90,000 characters, gives short lines")
    func hugeNamesGiveShortLines() throws {
        let huge = try #require(formulaError(String(repeating: "z", count: 1 << 20)))
        #expect(huge.kind == .limitExceeded)
        #expect(huge.message.contains("\(Formula.maximumLength)"), "\(huge.message)")
        expectShortLines(huge.messageLines)
        let name = String(repeating: "z", count: 90_000)
        let unknown = try #require(formulaError(name + "(x)"))
        #expect(unknown.kind == .unknownFunction)
        expectShortLines(unknown.messageLines)
        let withName = try Formula("a + " + name)
        do {
            try withName.checkColumns(["a", "b"])
            Issue.record("expected an unknown-column error")
        } catch {
            expectShortLines(error.messageLines)
        }
        let columns = (1...2_000).map { "a_rather_long_column_name_\($0)" }
        let zzz = try Formula("zzz")
        do {
            try zzz.checkColumns(columns)
            Issue.record("expected an unknown-column error")
        } catch {
            expectShortLines(error.messageLines)
            #expect(error.hint?.contains("... and ") == true, "\(error.hint ?? "")")
        }
    }
}
