import Analysis
import DataIO
import Foundation
import Survival
import Testing

/// `relief compare` against R (Tests/StatModelsTests/Reference/compare_trial.json from
/// make_compare_fixtures.R) on data/ketamine_trial.csv: per group the RMST to tau with R's se(rmean),
/// survival and Greenwood SE at times, the median; the RMST difference, its SE and p, the RMST ratio's
/// interval, survival differences and their SEs, the median difference, and the Cox hazard ratio with its
/// interval and p; by dose group (default tau, 2 groups) and by condition (tau 28, 4 groups).
@Suite("relief compare vs R")
struct CompareReferenceTests {
    struct File: Decodable { let cases: [Case] }
    struct Case: Decodable {
        let name: String
        let column: String
        let reference: String
        let times: [Double]
        let tau: Double
        let tau_given: Bool
        let groups: [Group]
        let contrasts: [Pair]
    }
    struct Group: Decodable {
        let level: String
        let n: Int
        let events: Int
        let rmst: Double
        let rmst_se: Double
        let median: Double
        let surv: [Double]
        let surv_se: [Double]
    }
    struct Pair: Decodable {
        let level: String
        let rmst_diff: Double
        let rmst_diff_se: Double
        let rmst_diff_p: Double
        let rmst_ratio: Double
        let rmst_ratio_lower: Double
        let rmst_ratio_upper: Double
        let surv_diff: [Double]
        let surv_diff_se: [Double]
        let median_diff: Double
        let hr: Double
        let hr_lower: Double
        let hr_upper: Double
        let hr_p: Double
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `|a − e| ≤ 1e-9 · max(1, |e|)`.
    static func near(_ a: Double?, _ e: Double, _ what: String, tolerance: Double = 1e-9,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        let ok = a.map { abs($0 - e) <= tolerance * max(1, abs(e)) } ?? false
        #expect(ok, "\(what): \(String(describing: a)) vs R \(e)", sourceLocation: sourceLocation)
    }

    @Test("contrasts and hazard ratios", arguments: ["dose_group", "condition_tau28"])
    func reference(name: String) throws {
        let url = Self.root.appendingPathComponent("Tests/StatModelsTests/Reference/compare_trial.json")
        let c = try #require(try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases.first { $0.name == name })
        var roles = ColumnRoles()
        roles.by = [c.column]
        let source = DataSource(path: Self.root.appendingPathComponent("data/ketamine_trial.csv").path, roles: roles)
        let comparison = KaplanMeierComparison(reference: c.reference, tau: c.tau_given ? c.tau : nil, times: c.times,
                                               bootstrapReplicates: 200, seed: 7)
        let result = try CompareRequest(source: source, comparison: comparison).run().result
        Self.near(result.comparison.tau, c.tau, "tau")
        #expect(result.comparison.tauRule == (c.tau_given ? .specified : .commonFollowUp))
        for expected in c.groups {
            let group = try #require(result.comparison.groups.first { $0.level == expected.level })
            #expect(group.n == expected.n && group.events == expected.events)
            Self.near(group.restrictedMean.estimate, expected.rmst, "\(expected.level) rmst")
            Self.near(group.restrictedMean.standardError, expected.rmst_se, "\(expected.level) rmst se")
            Self.near(group.median.estimate, expected.median, "\(expected.level) median")
            for (k, s) in group.survival.enumerated() {
                Self.near(s.estimate, expected.surv[k], "\(expected.level) S(\(s.time))")
                Self.near(s.standardError, expected.surv_se[k], "\(expected.level) se S(\(s.time))")
            }
        }
        #expect(result.comparison.contrasts.map(\.level) == c.contrasts.map(\.level))
        for (index, expected) in c.contrasts.enumerated() {
            let contrast = result.comparison.contrasts[index]
            let l = expected.level
            Self.near(contrast.restrictedMeanDifference.estimate, expected.rmst_diff, "\(l) rmst diff")
            Self.near(contrast.restrictedMeanDifference.standardError, expected.rmst_diff_se, "\(l) rmst diff se")
            Self.near(contrast.restrictedMeanDifference.pValue, expected.rmst_diff_p, "\(l) rmst diff p")
            Self.near(contrast.restrictedMeanRatio.estimate, expected.rmst_ratio, "\(l) rmst ratio")
            Self.near(contrast.restrictedMeanRatio.lower, expected.rmst_ratio_lower, "\(l) rmst ratio lower")
            Self.near(contrast.restrictedMeanRatio.upper, expected.rmst_ratio_upper, "\(l) rmst ratio upper")
            for (k, at) in contrast.survivalDifferences.enumerated() {
                Self.near(at.difference.estimate, expected.surv_diff[k], "\(l) S diff \(at.time)")
                Self.near(at.difference.standardError, expected.surv_diff_se[k], "\(l) S diff se \(at.time)")
                // The figure's difference curve is a step function: its last step at or before t is R's difference at t.
                let step = try #require(contrast.differenceCurve.last { $0.time <= at.time }, "a step before \(at.time)")
                Self.near(step.difference.estimate, expected.surv_diff[k], "\(l) curve S diff \(at.time)")
                Self.near(step.difference.standardError, expected.surv_diff_se[k], "\(l) curve S diff se \(at.time)")
            }
            let curveTimes = contrast.differenceCurve.map(\.time)
            #expect(curveTimes == curveTimes.sorted() && Set(curveTimes).count == curveTimes.count, "distinct times in order")
            let groupFit = try #require(result.comparison.groups.first { $0.level == l }?.fit)
            let referenceFit = try #require(result.comparison.groups.first { $0.level == c.reference }?.fit)
            #expect(curveTimes.last == min(groupFit.times.last ?? 0, referenceFit.times.last ?? 0), "up to the earlier last time")
            #expect(Set(curveTimes) == Set((groupFit.times + referenceFit.times).filter { $0 <= curveTimes.last ?? 0 }))
            Self.near(contrast.medianDifference?.contrast.estimate, expected.median_diff, "\(l) median diff")
            let hr = result.hazardRatios[index]
            Self.near(hr.estimate, expected.hr, "\(l) HR", tolerance: 1e-6)
            Self.near(hr.lower, expected.hr_lower, "\(l) HR lower", tolerance: 1e-6)
            Self.near(hr.upper, expected.hr_upper, "\(l) HR upper", tolerance: 1e-6)
            Self.near(hr.pValue, expected.hr_p, "\(l) HR p", tolerance: 1e-6)
        }
    }

    @Test("the bootstrap is seeded: same seed, same interval; the interval holds the estimate")
    func bootstrap() throws {
        var roles = ColumnRoles()
        roles.by = ["dose_group"]
        let source = DataSource(path: Self.root.appendingPathComponent("data/ketamine_trial.csv").path, roles: roles)
        func run(_ seed: UInt64) throws -> BootstrapContrast {
            let comparison = KaplanMeierComparison(reference: "low", bootstrapReplicates: 300, seed: seed)
            return try #require(try CompareRequest(source: source, comparison: comparison).run().result.comparison.contrasts[0].medianDifference)
        }
        let a = try run(11), b = try run(11), c = try run(12)
        #expect(a == b)
        #expect(a != c)
        #expect(a.contrast.lower <= a.contrast.estimate && a.contrast.estimate <= a.contrast.upper)
        #expect(a.usedReplicates == 300 && a.contrast.standardError > 0)
    }

    struct AdjustedFile: Decodable { let cases: [AdjustedCase] }
    struct AdjustedCase: Decodable {
        let name: String?
        let adjust: String
        let times: [Double]
        let tau: Double
        let reference: String
        let groups: [AdjustedGroup]
        let contrasts: [AdjustedPair]
    }
    struct AdjustedGroup: Decodable {
        let level: String
        let surv: [Double]
        let surv_se: [Double]
        let rmst: Double
        let rmst_se: Double
    }
    struct AdjustedPair: Decodable {
        let level: String
        let surv_diff: [Double]
        let surv_diff_se: [Double]
        let rmst_diff: Double
        let rmst_diff_se: Double
    }

    /// The Weibull case (`compare_adjusted.json`: R's survreg gradients averaged, integrate() for the
    /// RMST) and the Cox case (`compare_adjusted_cox.json`: R's survfit(newdata) curves averaged, the
    /// gradient by central differences of refitted baselines, so 1e-6 covers the differencing error).
    /// The Cox case `trial_split` is the trial with every episode split at day 7 (`(start, stop]` rows,
    /// compare_trial_split.csv): counting-process risk sets, curves averaged over the split rows. The case
    /// in `compare_strata_adjusted_cox.json` (make_compare_strata_fixtures.R) adjusts with
    /// `strata(condition)`: each row's curve on its own stratum's baseline, the strata's baseline
    /// variances added.
    @Test("adjusted (standardised) curves and differences with delta-method SEs", arguments: [
        ("compare_adjusted.json", ModelName.weibull, "trial"), ("compare_adjusted_cox.json", ModelName.cox, "trial"),
        ("compare_adjusted_cox.json", ModelName.cox, "trial_split"), ("compare_adjusted.json", ModelName.weibull, "trial_interaction"),
        ("compare_adjusted_cox.json", ModelName.cox, "trial_interaction"), ("compare_strata_adjusted_cox.json", ModelName.cox, "trial"),
    ])
    func adjusted(file: String, model: ModelName, name: String) throws {
        let url = Self.root.appendingPathComponent("Tests/StatModelsTests/Reference/" + file)
        let c = try #require(try JSONDecoder().decode(AdjustedFile.self, from: Data(contentsOf: url)).cases.first { ($0.name ?? "trial") == name })
        var roles = ColumnRoles()
        roles.by = ["dose_group"]
        var path = Self.root.appendingPathComponent("data/ketamine_trial.csv").path
        if name == "trial_split" {
            path = Self.root.appendingPathComponent("Tests/StatModelsTests/Reference/compare_trial_split.csv").path
            (roles.start, roles.id) = ("start", nil)
        }
        let source = DataSource(path: path, roles: roles)
        let comparison = KaplanMeierComparison(reference: c.reference, tau: c.tau, times: c.times, bootstrapReplicates: 0)
        let result = try CompareRequest(source: source, comparison: comparison, adjust: c.adjust, adjustModel: model).run().result
        let adjusted = try #require(result.adjusted)
        #expect(adjusted.model == model.rawValue && adjusted.rows == (name == "trial_split" ? 2726 : 1597))
        #expect(adjusted.curvesAreSteps == (model == .cox))
        for expected in c.groups {
            let group = try #require(adjusted.groups.first { $0.level == expected.level })
            for (k, s) in group.survival.enumerated() {
                Self.near(s.estimate, expected.surv[k], "\(expected.level) S(\(c.times[k]))", tolerance: 1e-6)
                Self.near(s.standardError, expected.surv_se[k], "\(expected.level) se S(\(c.times[k]))", tolerance: 1e-6)
            }
            Self.near(group.restrictedMean.estimate, expected.rmst, "\(expected.level) rmst", tolerance: 1e-6)
            Self.near(group.restrictedMean.standardError, expected.rmst_se, "\(expected.level) rmst se", tolerance: 1e-6)
        }
        for expected in c.contrasts {
            let contrast = try #require(adjusted.contrasts.first { $0.level == expected.level })
            for (k, s) in contrast.survival.enumerated() {
                Self.near(s.estimate, expected.surv_diff[k], "\(expected.level) S diff", tolerance: 1e-6)
                Self.near(s.standardError, expected.surv_diff_se[k], "\(expected.level) S diff se", tolerance: 1e-6)
            }
            Self.near(contrast.restrictedMean.estimate, expected.rmst_diff, "rmst diff", tolerance: 1e-6)
            Self.near(contrast.restrictedMean.standardError, expected.rmst_diff_se, "rmst diff se", tolerance: 1e-6)
            // The figure's difference curve on its grid: at a grid time that is a requested time, R's difference.
            let curve = try #require(adjusted.curveContrasts.first { $0.level == expected.level })
            #expect(curve.survival.count == adjusted.curveTimes.count)
            var matched = 0
            for (k, t) in c.times.enumerated() {
                guard let g = adjusted.curveTimes.firstIndex(where: { abs($0 - t) < 1e-9 }) else { continue }
                matched += 1
                Self.near(curve.survival[g].estimate, expected.surv_diff[k], "\(expected.level) curve S diff at \(t)", tolerance: 1e-6)
                Self.near(curve.survival[g].standardError, expected.surv_diff_se[k], "\(expected.level) curve S diff se at \(t)", tolerance: 1e-6)
            }
            #expect(model == .cox || matched == c.times.count, "the smooth curves' grid to tau holds 7, 14 and 28")
            let groupCurve = try #require(adjusted.curves.first { $0.level == expected.level })
            let referenceCurve = try #require(adjusted.curves.first { $0.level == c.reference })
            for (g, d) in curve.survival.enumerated() {
                Self.near(d.estimate, groupCurve.survival[g].estimate - referenceCurve.survival[g].estimate, "curve difference \(g)", tolerance: 1e-12)
            }
        }
    }

    @Test("an interaction of a group whose level holds ':' is refused with the level to rename, not mis-split")
    func interactionWithColonLevel() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("relief-colon-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var rows = ["relief_days,relief_ended,arm,baseline_pain"]
        for i in 0..<40 {
            rows.append("\(3 + (i * 7) % 23).5,\(i % 4 == 0 ? 0 : 1),\(i % 2 == 0 ? "dose:low" : "dose:high"),\(2 + i % 7)")
        }
        try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        var roles = ColumnRoles()
        (roles.by, roles.id) = (["arm"], nil)
        let request = try CompareRequest(source: DataSource(path: path, roles: roles),
                                         comparison: KaplanMeierComparison(reference: "dose:low", times: [7], bootstrapReplicates: 0),
                                         adjust: "baseline_pain + arm:baseline_pain")
        do {
            _ = try request.run()
            Issue.record("expected a refusal")
        } catch let error as AnalysisError {
            #expect(error.kind == .usage && error.message.contains("a level holds ':'"), "\(error.message)")
        }
        // Without the interaction the same data compare fine.
        let plain = try CompareRequest(source: DataSource(path: path, roles: roles),
                                       comparison: KaplanMeierComparison(reference: "dose:low", times: [7], bootstrapReplicates: 0),
                                       adjust: "baseline_pain").run()
        #expect(plain.result.adjusted?.contrasts.count == 1)
    }

    @Test("adjusting with an interaction of the group but not its lower-order term, an Emax model, strata() of the group, strata() in a parametric model, or frailty is refused with the reason")
    func adjustedRefusals() throws {
        var roles = ColumnRoles()
        roles.by = ["dose_group"]
        let source = DataSource(path: Self.root.appendingPathComponent("data/ketamine_trial.csv").path, roles: roles)
        #expect(throws: AnalysisError.self) {
            try CompareRequest(source: source, comparison: KaplanMeierComparison(bootstrapReplicates: 0),
                               adjust: "condition + dose_group:baseline_pain").run()
        }
        #expect(throws: AnalysisError.self) {
            try CompareRequest(source: source, comparison: KaplanMeierComparison(), adjust: "baseline_pain", adjustModel: .emax)
        }
        #expect(throws: (any Error).self) {
            try CompareRequest(source: source, comparison: KaplanMeierComparison(bootstrapReplicates: 0), adjust: "baseline_pain + strata(condition)")
        }
        for adjust in ["baseline_pain + strata(dose_group)", "baseline_pain + frailty(patient_id)"] {
            #expect(throws: AnalysisError.self) {
                try CompareRequest(source: source, comparison: KaplanMeierComparison(bootstrapReplicates: 0), adjust: adjust,
                                   adjustModel: .cox)
            }
        }
    }
}
