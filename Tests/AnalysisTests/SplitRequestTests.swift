import Analysis
import DataIO
import Foundation
import ReliefTestSupport
import Testing

/// `relief split` from Swift: the request, its warnings and summary line, the atomic write, and that the
/// split file analysed as `(start, stop]` rows gives the unsplit data's numbers (a split without a
/// covariate that changes at the cuts changes no risk set and no likelihood).
@Suite("Splitting from Swift")
struct SplitRequestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let trial = root.appendingPathComponent("data/ketamine_trial.csv").path

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("split-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("the trial: a summary line, no warnings, a private file written atomically, never over the input")
    func trialFile() throws {
        let result = try SplitRequest(path: Self.trial, split: try SurvivalSplit(cuts: [7, 14, 28])).run()
        #expect(result.warnings.isEmpty)
        #expect(result.summaryLine(destination: "split.csv")
            == "relief: 1597 rows cut at 7, 14, 28 into 3484 rows (1160 events, each on its row's last piece) -> split.csv")
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("split.csv").path
        try result.write(to: target)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: target))) == result.csvBytes())
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int)
        #expect(mode & 0o077 == 0)
        #expect(throws: DataError.self) { try result.write(to: Self.trial) }
        #expect(throws: AnalysisError.self) { try result.write(to: "") }
    }

    @Test("excluded rows are listed one by one (at most 50); a ';' file read as such is said")
    func warnings() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("in.csv")
        try Data("id;relief_days;relief_ended\n1;5;1\n2;NA;0\n3;0;1\n4;9;1\n".utf8).write(to: path)
        var roles = ColumnRoles()
        roles.skipInvalid = true
        let result = try SplitRequest(path: path.path, roles: roles, split: try SurvivalSplit(cuts: [7])).run()
        #expect(result.warnings == [
            "the header has no ',' but ';'-separated names: the file was read as semicolon-separated (choose with --delimiter)",
            "2 of 4 rows excluded (1 with a missing value: line 3; 1 invalid: line 4); they are not in the split file",
            "excluded line 3, column 'relief_days': missing relief_days",
            "excluded line 4, column 'relief_days': time 0: the interval (0, 0] is empty",
        ])
        #expect(result.table.rowCount == 2 && result.table.count == 3)
    }

    @Test("the split trial analysed with --start tstart: the Kaplan–Meier summary and the Cox fit of the unsplit trial")
    func splitFileAnalysesAsTheOriginal() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("split.csv").path
        try SplitRequest(path: Self.trial, split: try SurvivalSplit(cuts: [7, 14, 28])).run().write(to: target)
        // One patient's episodes overlap as (start, stop] rows (each starts at 0): no patient column.
        let plain = DataSource(path: Self.trial, roles: ColumnRoles(id: nil, by: ["dose_group"]))
        let split = DataSource(path: target, roles: ColumnRoles(start: "tstart", id: nil, by: ["dose_group"]))
        let tolerance = Tolerance.relative(1e-9, floor: 1e-12)

        let (a, b) = (try SummaryRequest(source: plain).run().result, try SummaryRequest(source: split).run().result)
        try #require(a.groups.count == b.groups.count)
        for (x, y) in zip(a.groups, b.groups) {
            #expect(x.events == y.events)
            tolerance.expect(y.median.estimate, x.median.estimate, "median")
            tolerance.expect(y.restrictedMean.estimate, x.restrictedMean.estimate, "RMST")
            for (s, t) in zip(x.survival, y.survival) { tolerance.expect(t.estimate, s.estimate, "S(t)") }
        }
        for (x, y) in zip(a.tests, b.tests) { tolerance.expect(y.statistic, x.statistic, "\(x.name)") }

        let specification = ModelSpecification(formula: "dose_group + interval_days + baseline_pain")
        let cox = { (source: DataSource) throws in try FitRequest(source: source, model: .cox, specification: specification).run().result }
        let (c, d) = (try cox(plain).estimates.fit, try cox(split).estimates.fit)
        for (x, y) in zip(c.parameterEstimates, d.parameterEstimates) { tolerance.expect(y, x, "coefficient") }
        tolerance.expect(d.logLikelihood, c.logLikelihood, "log likelihood")
    }
}
