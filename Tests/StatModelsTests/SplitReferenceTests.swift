import DataIO
import Foundation
import ReliefTestSupport
import Testing

/// `SurvivalSplit` against R's `survSplit` (make_split_fixtures.R): the bundled trial cut at 7, 14, 28 and
/// the delayed-entry file `entry_trial.csv` in its `Surv(entry_days, relief_days, relief_ended)` form. Same
/// columns in the same order, same rows; the carried text exactly as R kept it, the start and stop times
/// to 1e-12 relative, the event and episode exactly.
@Suite("relief split equals R survSplit")
struct SplitReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The records of a CSV file without quoted fields, header first.
    static func records(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    static func reference(_ name: String) throws -> [[String]] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Reference"))
        return records(try String(contentsOf: url, encoding: .utf8))
    }

    /// Compares Relief's split file with R's, column by column; `numeric` names the time columns.
    static func compare(_ relief: [[String]], _ r: [[String]], numeric: Set<String>) throws {
        try #require(relief.count == r.count, "rows: Relief \(relief.count - 1), R \(r.count - 1)")
        let header = try #require(r.first)
        #expect(relief.first == header)
        let tolerance = Tolerance.relative(1e-12, floor: 1e-12)
        for (line, (mine, theirs)) in zip(relief, r).enumerated().dropFirst() {
            try #require(mine.count == header.count && theirs.count == header.count, "line \(line + 1)")
            for (k, column) in header.enumerated() {
                if numeric.contains(column) {
                    let (a, b) = (try #require(Double(mine[k])), try #require(Double(theirs[k])))
                    #expect(tolerance.accepts(a, b), "line \(line + 1), \(column): Relief \(mine[k]), R \(theirs[k])")
                } else {
                    #expect(mine[k] == theirs[k], "line \(line + 1), \(column): Relief \(mine[k]), R \(theirs[k])")
                }
            }
        }
    }

    @Test("the trial: survSplit(Surv(relief_days, relief_ended) ~ ., cut = c(7, 14, 28), episode = \"episode\", start = \"tstart\")")
    func trial() throws {
        let split = try SurvivalSplit(cuts: [7, 14, 28])
        let table = try split.read(path: Self.root.appendingPathComponent("data/ketamine_trial.csv").path)
        let relief = Self.records(String(decoding: table.csvBytes(), as: UTF8.self))
        try Self.compare(relief, try Self.reference("split_ketamine"), numeric: ["tstart", "relief_days"])
        #expect(table.rowCount == 1597 && table.count == relief.count - 1 && table.exclusions.isEmpty)
        // The pieces as values agree with the file.
        let pieces = table.pieces()
        #expect(pieces.count == table.count)
        #expect(pieces.filter(\.event).count == table.eventCount)
    }

    @Test("delayed entry: survSplit(Surv(entry_days, relief_days, relief_ended) ~ ., cut = c(7, 14, 28), episode = \"episode\")")
    func delayedEntry() throws {
        let url = try #require(Bundle.module.url(forResource: "entry_trial", withExtension: "csv", subdirectory: "Reference"))
        let split = try SurvivalSplit(cuts: [7, 14, 28])
        let table = try split.read(path: url.path, roles: ColumnRoles(start: "entry_days"))
        #expect(table.startColumn == "entry_days")
        try Self.compare(
            Self.records(String(decoding: table.csvBytes(), as: UTF8.self)), try Self.reference("split_entry"),
            numeric: ["entry_days", "relief_days"])
    }
}
