import Foundation
import NumericCore
import Survival
import ReliefTestSupport
import Testing

/// The weighted log-rank family, MaxCombo and the pairwise p-values against R
/// (Reference/test_family.json from make_test_family_fixtures.R: explicit weighted sums checked there
/// against survdiff(rho = 0, 1) and survminer::pairwise_survdiff; MaxCombo p from mvtnorm::pmvnorm).
/// Tolerances: 1e-9 relative for chi-squared, p, O and E; MaxCombo Z 1e-9 relative; the multivariate normal
/// probability 1e-9 absolute against pmvnorm's deterministic Miwa(steps = 4096) on fixed correlations, and
/// MaxCombo's p 1e-6 absolute: R's Miwa refuses the singular MaxCombo correlation, so the fixture uses
/// seeded GenzBretz with 5e7 points (quasi-Monte Carlo, error estimates below 8e-8); Relief's deterministic
/// quadrature is within 4.3e-7 of it (largest on veteran, where the rectangle's kinks slow its rule).
@Suite("Weighted log-rank family vs R")
struct TestFamilyReferenceTests {
    struct File: Decodable {
        let cases: [Case]
        let mvn: [MVN]
    }
    struct Case: Decodable {
        let name: String
        let time: [Double]
        let event: [Int]
        let group: [Int]
        let levels: [String]
        let strata: [Int]?
        let start: [Double]?
        let tests: [Test]
        let maxcombo: MaxCombo?
        let pairwise: [PairwiseFixture]?
    }
    struct Test: Decodable {
        let name: String
        let chisq: Double
        let df: Int
        let p: Double
        let observed: [Double]
        let expected: [Double]
    }
    struct MaxCombo: Decodable {
        let statistic: Double
        let p: Double
        let z: [Double]
    }
    struct MVN: Decodable {
        let correlation: [Double]
        let lower: [Double?]
        let upper: [Double?]
        let probability: Double
    }

    static func load() throws -> File {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Reference/test_family.json")
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }

    static func weight(_ name: String) -> LogRankWeight {
        switch name {
        case "log-rank": .logRank
        case "peto-peto": .petoPeto
        case "gehan": .gehan
        case "tarone-ware": .taroneWare
        case "fh:0,1": .flemingHarrington(rho: 0, gamma: 1)
        case "fh:1,1": .flemingHarrington(rho: 1, gamma: 1)
        default: .flemingHarrington(rho: 0.5, gamma: 2)
        }
    }

    @Test("weighted tests, MaxCombo and pairwise p", arguments: 0..<12)
    func reference(index: Int) throws {
        let file = try Self.load()
        let c = try #require(file.cases.indices.contains(index) ? file.cases[index] : nil)
        let event = c.event.map { $0 == 1 }
        for expected in c.tests {
            let result = try LogRankTest(weight: Self.weight(expected.name)).test(
                time: c.time, event: event, start: c.start, group: c.group, groupCount: c.levels.count, strata: c.strata)
            let what = "\(c.name) \(expected.name)"
            #expect(result.degreesOfFreedom == expected.df, "\(what) df")
            SurvivalTolerance.expectRelative(result.statistic, expected.chisq, tolerance: 1e-9, "\(what) chisq")
            SurvivalTolerance.expectRelative(result.pValue, expected.p, tolerance: 1e-9, "\(what) p")
            for g in c.levels.indices {
                SurvivalTolerance.expectRelative(result.observed[g], expected.observed[g], tolerance: 1e-9, "\(what) O[\(g)]")
                SurvivalTolerance.expectRelative(result.expected[g], expected.expected[g], tolerance: 1e-9, "\(what) E[\(g)]")
            }
        }
        if let reference = c.maxcombo {
            let result = try MaxComboTest().test(
                time: c.time, event: event, start: c.start, group: c.group, groupCount: 2, strata: c.strata)
            SurvivalTolerance.expectRelative(result.statistic, reference.statistic, tolerance: 1e-9, "\(c.name) max |Z|")
            for (component, z) in zip(result.components, reference.z) {
                SurvivalTolerance.expectRelative(component.z, z, tolerance: 1e-9, "\(c.name) \(component.weight.name) Z")
            }
            SurvivalTolerance.expectClose(result.pValue, reference.p, tolerance: 1e-6, "\(c.name) MaxCombo p")
            // Bounds that hold whatever R's accuracy: one component's two-sided tail <= p <= the union bound
            // (checks tiny p-values in relative terms, where R's 1 - pmvnorm is only accurate absolutely).
            let tail = 2 * Normal.survival(result.statistic)
            #expect(result.pValue >= tail * (1 - 1e-9) && result.pValue <= 4 * tail * (1 + 1e-9),
                    "\(c.name) MaxCombo p \(result.pValue) outside [\(tail), \(4 * tail)]")
        } else {
            #expect(throws: StatModelError.self) {
                try MaxComboTest().test(time: c.time, event: event, start: c.start, group: c.group,
                                        groupCount: c.levels.count, strata: c.strata)
            }
        }
        for entry in c.pairwise ?? [] {
            let method = try #require(PValueAdjustment(rawValue: entry.method))
            var raw: [Double] = []
            for pair in entry.pairs {
                let first = try #require(c.levels.firstIndex(of: pair.first))
                let second = try #require(c.levels.firstIndex(of: pair.second))
                let rows = c.group.indices.filter { c.group[$0] == first || c.group[$0] == second }
                let result = try LogRankTest(weight: Self.weight(entry.test)).test(
                    time: rows.map { c.time[$0] }, event: rows.map { event[$0] }, start: c.start.map { s in rows.map { s[$0] } },
                    group: rows.map { c.group[$0] == first ? 0 : 1 }, groupCount: 2, strata: c.strata.map { s in rows.map { s[$0] } })
                raw.append(result.pValue)
            }
            let adjusted = method.adjusted(raw)
            for (k, pair) in entry.pairs.enumerated() {
                let what = "\(c.name) \(entry.test) \(entry.method) \(pair.first)-\(pair.second)"
                SurvivalTolerance.expectRelative(raw[k], pair.p, tolerance: 1e-9, "\(what) p")
                SurvivalTolerance.expectRelative(adjusted[k], pair.adjusted, tolerance: 1e-9, "\(what) adjusted")
            }
        }
    }

    @Test("the multivariate normal probability against pmvnorm (Miwa)")
    func multivariateNormal() throws {
        let file = try Self.load()
        for (index, c) in file.mvn.enumerated() {
            let m = c.lower.count
            let matrix = try Matrix(rows: m, columns: m, columnMajor: c.correlation)
            let probability = try MultivariateNormalProbability(covariance: matrix).rectangle(
                lower: c.lower.map { $0 ?? -.infinity }, upper: c.upper.map { $0 ?? .infinity })
            SurvivalTolerance.expectClose(probability, c.probability, tolerance: 1e-9, "case \(index)")
            let outside = try MultivariateNormalProbability(covariance: matrix).outside(
                lower: c.lower.map { $0 ?? -.infinity }, upper: c.upper.map { $0 ?? .infinity })
            SurvivalTolerance.expectClose(outside, 1 - c.probability, tolerance: 1e-9, "case \(index) outside")
        }
    }
}
