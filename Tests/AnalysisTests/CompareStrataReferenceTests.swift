import Analysis
import DataIO
import Foundation
import NumericCore
import Survival
import Testing

/// `relief compare --strata` against R (Tests/StatModelsTests/Reference/compare_strata.json from
/// make_compare_strata_fixtures.R): each group's curve within each stratum (RMST and se(rmean), survival
/// and Greenwood SE), the weights n_s / n, the stratum-weighted RMST difference, ratio and survival
/// differences with their SEs, CIs and p, and coxph(Surv ~ group + strata(column)); on the trial by dose
/// within condition (default tau), by condition within dose (tau 28, 4 groups) and on (start, stop] rows.
@Suite("relief compare --strata vs R")
struct CompareStrataReferenceTests {
    struct File: Decodable { let cases: [Case] }
    struct Case: Decodable {
        let name: String
        let file: String
        let column: String
        let strata: String
        let start: String
        let reference: String
        let times: [Double]
        let tau: Double
        let tau_given: Bool
        let strata_levels: [Stratum]
        let groups: [Pooled]
        let contrasts: [Pair]
    }
    struct Stratum: Decodable {
        let level: String
        let n: Int
        let weight: Double
        let groups: [Cell]
    }
    struct Cell: Decodable {
        let level: String
        let n: Int
        let events: Int
        let rmst: Double
        let rmst_se: Double
        let surv: [Double]
        let surv_se: [Double]
    }
    struct Pooled: Decodable {
        let level: String
        let rmst: Double
        let rmst_se: Double
    }
    struct Wald: Decodable {
        let estimate: Double
        let std_error: Double
        let lower: Double
        let upper: Double
        let p_value: Double
    }
    struct Pair: Decodable {
        let level: String
        let rmst_diff: Wald
        let rmst_ratio: Wald
        let surv_diff: [Double]
        let surv_diff_se: [Double]
        let hr: Double
        let hr_se: Double
        let hr_lower: Double
        let hr_upper: Double
        let hr_p: Double
    }

    static let root = CompareReferenceTests.root

    static func load(_ name: String) throws -> Case {
        let url = root.appendingPathComponent("Tests/StatModelsTests/Reference/compare_strata.json")
        return try #require(try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).cases.first { $0.name == name })
    }

    static func request(_ c: Case, tau: Double? = nil, adjust: String? = nil) throws -> CompareRequest {
        var roles = ColumnRoles()
        roles.by = [c.column]
        roles.strata = c.strata
        if !c.start.isEmpty { (roles.start, roles.id) = (c.start, nil) }
        let source = DataSource(path: root.appendingPathComponent(c.file).path, roles: roles)
        let comparison = KaplanMeierComparison(reference: c.reference, tau: tau ?? (c.tau_given ? c.tau : nil), times: c.times,
                                               bootstrapReplicates: 50)
        return try CompareRequest(source: source, comparison: comparison, adjust: adjust)
    }

    static func near(_ a: Double?, _ e: Double, _ what: String, tolerance: Double = 1e-8, sourceLocation: SourceLocation = #_sourceLocation) {
        CompareReferenceTests.near(a, e, what, tolerance: tolerance, sourceLocation: sourceLocation)
    }

    static func near(_ a: Contrast, _ e: Wald, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        near(a.estimate, e.estimate, what, sourceLocation: sourceLocation)
        near(a.standardError, e.std_error, what + " se", sourceLocation: sourceLocation)
        near(a.lower, e.lower, what + " lower", sourceLocation: sourceLocation)
        near(a.upper, e.upper, what + " upper", sourceLocation: sourceLocation)
        near(a.pValue, e.p_value, what + " p", sourceLocation: sourceLocation)
    }

    @Test("strata, weighted contrasts and the stratified hazard ratio",
          arguments: ["dose_by_condition", "condition_by_dose_tau28", "dose_by_condition_split"])
    func reference(name: String) throws {
        let c = try Self.load(name)
        let result = try Self.request(c).run().result
        let comparison = result.comparison
        #expect(result.strataColumn == c.strata && comparison.isStratified)
        Self.near(comparison.tau, c.tau, "tau")
        #expect(comparison.tauRule == (c.tau_given ? .specified : .commonStratumFollowUp))
        #expect(comparison.bootstrapReplicates == 0, "no bootstrap with strata")
        #expect(comparison.strata.map(\.level) == c.strata_levels.map(\.level))
        for (stratum, expected) in zip(comparison.strata, c.strata_levels) {
            #expect(stratum.n == expected.n)
            Self.near(stratum.weight, expected.weight, "\(stratum.level) weight")
            #expect(Set(stratum.groups.map(\.level)) == Set(expected.groups.map(\.level)))
            for e in expected.groups {
                let cell = try #require(stratum.groups.first { $0.level == e.level })
                let what = "\(stratum.level)/\(cell.level)"
                #expect(cell.n == e.n && cell.events == e.events, "\(what) n, events")
                Self.near(cell.restrictedMean.estimate, e.rmst, "\(what) rmst")
                Self.near(cell.restrictedMean.standardError, e.rmst_se, "\(what) rmst se")
                for (k, s) in cell.survival.enumerated() {
                    Self.near(s.estimate, e.surv[k], "\(what) S(\(s.time))")
                    Self.near(s.standardError, e.surv_se[k], "\(what) se S(\(s.time))")
                }
            }
        }
        for expected in c.groups {
            let group = try #require(comparison.groups.first { $0.level == expected.level })
            Self.near(group.restrictedMean.estimate, expected.rmst, "\(expected.level) unstratified rmst")
            Self.near(group.restrictedMean.standardError, expected.rmst_se, "\(expected.level) unstratified rmst se")
        }
        #expect(comparison.contrasts.map(\.level) == c.contrasts.map(\.level))
        for (index, expected) in c.contrasts.enumerated() {
            let contrast = comparison.contrasts[index]
            let l = expected.level
            Self.near(contrast.restrictedMeanDifference, expected.rmst_diff, "\(l) rmst diff")
            Self.near(contrast.restrictedMeanRatio, expected.rmst_ratio, "\(l) rmst ratio")
            #expect(contrast.medianDifference == nil, "no median difference with strata")
            for (k, at) in contrast.survivalDifferences.enumerated() {
                Self.near(at.difference.estimate, expected.surv_diff[k], "\(l) S diff \(at.time)")
                Self.near(at.difference.standardError, expected.surv_diff_se[k], "\(l) S diff se \(at.time)")
                // The figure's weighted difference curve is a step function through the same values.
                let step = try #require(contrast.differenceCurve.last { $0.time <= at.time }, "a step before \(at.time)")
                Self.near(step.difference.estimate, expected.surv_diff[k], "\(l) curve S diff \(at.time)")
                Self.near(step.difference.standardError, expected.surv_diff_se[k], "\(l) curve S diff se \(at.time)")
            }
            let times = contrast.differenceCurve.map(\.time)
            #expect(times == times.sorted() && Set(times).count == times.count, "distinct times in order")
            let hr = result.hazardRatios[index]
            Self.near(hr.estimate, expected.hr, "\(l) HR", tolerance: 1e-6)
            Self.near(hr.standardError, expected.hr_se, "\(l) HR se", tolerance: 1e-6)
            Self.near(hr.lower, expected.hr_lower, "\(l) HR lower", tolerance: 1e-6)
            Self.near(hr.upper, expected.hr_upper, "\(l) HR upper", tolerance: 1e-6)
            Self.near(hr.pValue, expected.hr_p, "\(l) HR p", tolerance: 1e-6)
        }
    }

    @Test("a tau past a group's follow-up in a stratum, an empty group x stratum cell, --adjust with --strata and strata = by are refused")
    func refusals() throws {
        let c = try Self.load("dose_by_condition")
        let beyond = try Self.request(c, tau: c.tau + 0.01)
        let tauError = #expect(throws: (any Error).self) { _ = try beyond.run() }
        #expect((tauError as? any ReliefError)?.failureKind == .badData, "tau beyond: bad data (65)")
        #expect("\(tauError.map { "\($0)" } ?? "")".contains("stratum"))
        #expect(throws: Never.self) { _ = try Self.request(c, tau: c.tau).run() }
        var roles = ColumnRoles()
        roles.by = ["dose_group"]
        roles.strata = "infusion_number"
        let empty = try CompareRequest(source: DataSource(path: Self.root.appendingPathComponent("data/ketamine_trial.csv").path, roles: roles),
                                       comparison: KaplanMeierComparison(bootstrapReplicates: 0))
        let emptyError = #expect(throws: AnalysisError.self) { _ = try empty.run() }
        #expect(emptyError?.kind == .badData && emptyError?.message.contains("infusion_number=") == true
            && emptyError?.message.contains("dose_group=") == true, "an empty cell names the stratum and the group")
        let adjusted = #expect(throws: AnalysisError.self) { _ = try Self.request(c, adjust: "baseline_pain") }
        #expect(adjusted?.kind == .usage)
        roles.strata = "dose_group"
        let same = #expect(throws: AnalysisError.self) {
            _ = try CompareRequest(source: DataSource(path: "unused.csv", roles: roles), comparison: KaplanMeierComparison())
        }
        #expect(same?.kind == .usage)
    }

    /// With one stratum the weighted contrasts are the unstratified ones (the weight is 1), so the
    /// stratified path reduces to the plain comparison.
    @Test("one stratum gives the unstratified contrasts")
    func oneStratum() throws {
        let time: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 2.5, 3.5]
        let event: [Bool] = [true, true, false, true, true, false, true, true, true, false, true, false]
        let groups = [0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1]
        let comparison = KaplanMeierComparison(reference: "b", times: [3, 6], bootstrapReplicates: 0)
        let plain = try comparison.compare(time: time, event: event, start: nil, groups: groups, levels: ["a", "b"])
        let stratified = try comparison.compare(time: time, event: event, start: nil, groups: groups, levels: ["a", "b"],
                                                strata: Array(repeating: 0, count: time.count), strataLevels: ["all"])
        #expect(plain.tau == stratified.tau)
        let (p, s) = (plain.contrasts[0], stratified.contrasts[0])
        for (a, b) in [(p.restrictedMeanDifference, s.restrictedMeanDifference), (p.restrictedMeanRatio, s.restrictedMeanRatio)]
            + zip(p.survivalDifferences, s.survivalDifferences).map({ ($0.difference, $1.difference) })
        {
            Self.near(b.estimate, a.estimate, "estimate", tolerance: 1e-12)
            Self.near(b.standardError, a.standardError, "se", tolerance: 1e-12)
        }
        #expect(p.differenceCurve.map(\.time) == s.differenceCurve.map(\.time))
    }
}
