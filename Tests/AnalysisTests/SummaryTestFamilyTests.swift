import Analysis
import DataIO
import Foundation
import NumericCore
import Survival
import ReliefTestSupport
import Testing

/// `relief summary --test/--pairwise` and the median follow-up, run from Swift on data/ketamine_trial.csv
/// and Tests/StatModelsTests/Reference/entry_trial.csv, against R (test_family.json from
/// make_test_family_fixtures.R): reverse Kaplan–Meier median follow-up and its CI (1e-9 absolute), pairwise
/// raw and adjusted p (1e-9 relative), the weighted tests (1e-9 relative).
@Suite("relief summary test family vs R")
struct SummaryTestFamilyTests {
    struct File: Decodable { let cases: [Case] }
    struct Case: Decodable {
        let name: String
        let follow_up: [FollowUp]
        let follow_conf: String
        let tests: [TestFamilyTest]
        let pairwise: [PairwiseFixture]?
    }
    struct FollowUp: Decodable {
        let level: String
        let median: Double?
        let lower: Double?
        let upper: Double?
    }
    struct TestFamilyTest: Decodable {
        let name: String
        let chisq: Double
        let p: Double
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func near(_ a: Double?, _ e: Double?, _ what: String, relative: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let e else {
            #expect(a == nil, "\(what): \(String(describing: a)) vs R NA", sourceLocation: sourceLocation)
            return
        }
        let ok = a.map { abs($0 - e) <= 1e-9 * (relative ? max(abs(e), 1e-300) : max(1, abs(e))) } ?? false
        #expect(ok, "\(what): \(String(describing: a)) vs R \(e)", sourceLocation: sourceLocation)
    }

    @Test("follow-up, weighted tests and pairwise p",
          arguments: [("trial_condition", "data/ketamine_trial.csv", "condition", nil as String?),
                      ("entry_condition", "Tests/StatModelsTests/Reference/entry_trial.csv", "condition", "entry_days"),
                      ("trial_dose", "data/ketamine_trial.csv", "dose_group", nil)])
    func reference(name: String, path: String, column: String, start: String?) throws {
        let url = Self.root.appendingPathComponent("Tests/StatModelsTests/Reference/test_family.json")
        let c = try #require(try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases.first { $0.name == name })
        var roles = ColumnRoles()
        roles.by = [column]
        roles.start = start
        let source = DataSource(path: Self.root.appendingPathComponent(path).path, roles: roles)
        let transform = try #require(KaplanMeier.ConfidenceTransform(rawValue: c.follow_conf))
        for expected in c.tests {
            for adjustment in [PValueAdjustment.holm, .bh, .bonferroni] {
                let summary = SurvivalSummary(km: KaplanMeier(confidenceTransform: transform), times: [7],
                                              test: try SurvivalSummaryTestMethod(parsing: expected.name), pairwise: adjustment)
                let result = try SummaryRequest(source: source, summary: summary).run().result
                let test = try #require(result.tests.first)
                Self.near(test.statistic, expected.chisq, "\(name) \(expected.name) chisq", relative: true)
                Self.near(test.pValue, expected.p, "\(name) \(expected.name) p", relative: true)
                for reference in c.follow_up {
                    let group = try #require(result.groups.first { $0.by.first?.level == reference.level })
                    Self.near(group.medianFollowUp.estimate, reference.median, "\(name) \(reference.level) follow-up")
                    Self.near(group.medianFollowUp.lower, reference.lower, "\(name) \(reference.level) follow-up lower")
                    Self.near(group.medianFollowUp.upper, reference.upper, "\(name) \(reference.level) follow-up upper")
                }
                let pairwise = try #require(result.pairwise)
                for entry in c.pairwise ?? [] where entry.test == expected.name && entry.method == adjustment.rawValue {
                    for pair in entry.pairs {
                        let mine = try #require(pairwise.comparisons.first {
                            $0.first.first?.level == pair.first && $0.second.first?.level == pair.second
                        })
                        Self.near(mine.pValue, pair.p, "\(name) \(entry.test) \(pair.first)-\(pair.second) p", relative: true)
                        Self.near(mine.adjustedPValue, pair.adjusted, "\(name) \(entry.test) \(entry.method) adjusted", relative: true)
                    }
                }
            }
        }
    }

    @Test("--test parsing and refusals")
    func parsing() throws {
        #expect(try SurvivalSummaryTestMethod(parsing: "FH:1,0.5") == .weighted(.flemingHarrington(rho: 1, gamma: 0.5)))
        #expect(try SurvivalSummaryTestMethod(parsing: "peto-peto").description == "peto-peto")
        for bad in ["fh:1", "fh:-1,0", "fh:a,b", "wilcoxon", "fh:inf,1"] {
            #expect(throws: AnalysisError.self) { try SurvivalSummaryTestMethod(parsing: bad) }
        }
        #expect(throws: AnalysisError.self) { try PValueAdjustment(parsing: "fdr") }
        // R: p.adjust(c(0.01, 0.04, 0.03), "holm") = 0.03 0.06 0.06; p.adjust(c(0.01, NA, 0.04, 0.03), "BH")
        // = 0.03 NA 0.04 0.04.
        for (value, expected) in zip(PValueAdjustment.holm.adjusted([0.01, 0.04, 0.03]), [0.03, 0.06, 0.06]) {
            #expect(abs(value - expected) < 1e-15)
        }
        let bh = PValueAdjustment.bh.adjusted([0.01, .nan, 0.04, 0.03])
        #expect(bh[1].isNaN)
        for (index, expected) in [(0, 0.03), (2, 0.04), (3, 0.04)] { #expect(abs(bh[index] - expected) < 1e-15) }
    }
}
