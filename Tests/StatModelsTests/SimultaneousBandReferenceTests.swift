import Foundation
import NumericCore
import Survival
import Testing

/// Simultaneous confidence bands against R (Reference/bands.json, written by make_bands_fixtures.R):
/// the Hall–Wellner and equal-precision critical values against R computations of the same
/// probabilities (1e-6) and against Klein & Moeschberger's tables C.3 and C.4 as `km.ci` holds them
/// (4 decimals: 6e-5 for Hall–Wellner and the Miller–Siegmund approximation of the equal-precision value,
/// which is what the table holds); the bands by K&M's formulas on the bundled trial, `aml` and `lung`
/// (1e-6); and `km.ci`'s own bands given its table-interpolated critical value (1e-9).
@Suite("Simultaneous bands vs R")
struct SimultaneousBandReferenceTests {
    struct File: Decodable {
        let critical_values: [Critical]
        let cases: [Case]
    }
    struct Critical: Decodable {
        let method: String
        let level: Double
        let a_lower: Double
        let a_upper: Double
        let exact: Double
        let miller_siegmund: Double?
        let table: Double?
    }
    struct KMCI: Decodable {
        let critical_value: Double
        let lower: [Double]
        let upper: [Double]
    }
    struct Case: Decodable {
        let name: String
        let method: String
        let conf_type: String
        let level: Double
        let time: [Double]
        let event: [Int]
        let from: Double?
        let to: Double?
        let fit_time: [Double]
        let row_start: Int
        let row_end: Int
        let a_lower: Double
        let a_upper: Double
        let critical_value: Double
        let lower: [Double?]
        let upper: [Double?]
        let kmci: KMCI?
    }

    static func load() throws -> File {
        let url = try #require(Bundle.module.url(forResource: "bands", withExtension: "json", subdirectory: "Reference"))
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
    }

    @Test("critical values: R to 1e-6, K&M's tables to their 4 decimals")
    func criticalValues() throws {
        let file = try Self.load()
        #expect(file.critical_values.count >= 10)
        for entry in file.critical_values {
            let label = "\(entry.method) \(entry.level) [\(entry.a_lower), \(entry.a_upper)]"
            if entry.method == "hall-wellner" {
                let k = try #require(BrownianBridgeSupremum.criticalValue(level: entry.level, from: entry.a_lower, to: entry.a_upper))
                #expect(abs(k - entry.exact) < 1e-6, "\(label): \(k) vs R \(entry.exact)")
                if let table = entry.table { #expect(abs(k - table) < 6e-5, "\(label): \(k) vs K&M \(table)") }
            } else {
                let c = try #require(StandardizedBridgeSupremum.criticalValue(level: entry.level, from: entry.a_lower, to: entry.a_upper))
                #expect(abs(c - entry.exact) < 1e-6, "\(label): \(c) vs R \(entry.exact)")
                let approximate = try #require(StandardizedBridgeSupremum.criticalValue(
                    level: entry.level, from: entry.a_lower, to: entry.a_upper, approximate: true))
                let ms = try #require(entry.miller_siegmund)
                #expect(abs(approximate - ms) < 1e-8, "\(label): \(approximate) vs R \(ms)")
                if let table = entry.table { #expect(abs(approximate - table) < 6e-5, "\(label): \(approximate) vs K&M \(table)") }
            }
        }
    }

    static func transform(_ name: String) throws -> KaplanMeier.ConfidenceTransform {
        try #require(KaplanMeier.ConfidenceTransform(rawValue: name))
    }

    @Test("bands: K&M's formulas in R to 1e-6; km.ci's bands given its critical value to 1e-9")
    func bands() throws {
        let file = try Self.load()
        #expect(file.cases.count >= 8)
        for reference in file.cases {
            let km = KaplanMeier(confidenceTransform: try Self.transform(reference.conf_type), confidenceLevel: reference.level)
            let fit = try km.fit(time: reference.time, event: reference.event.map { $0 == 1 })
            #expect(fit.times.count == reference.fit_time.count, "\(reference.name)")
            let method = try #require(SimultaneousBand.Method(rawValue: reference.method))
            let range = reference.from.flatMap { from in reference.to.map { from...$0 } }
            let spec = SimultaneousBand(method: method, timeRange: range)
            let band = try spec.fit(fit)
            #expect(band.rows == (reference.row_start - 1)...(reference.row_end - 1), "\(reference.name)")
            #expect(abs(band.lowerA - reference.a_lower) < 1e-12 && abs(band.upperA - reference.a_upper) < 1e-12, "\(reference.name)")
            #expect(abs(band.criticalValue - reference.critical_value) < 1e-6, "\(reference.name): \(band.criticalValue) vs \(reference.critical_value)")
            for (offset, row) in band.rows.enumerated() {
                Self.expectClose(band.lower[row], reference.lower[offset], 1e-6, "\(reference.name) lower row \(row)")
                Self.expectClose(band.upper[row], reference.upper[offset], 1e-6, "\(reference.name) upper row \(row)")
            }
            #expect(band.lower.indices.filter { !band.rows.contains($0) }.allSatisfy { band.lower[$0] == nil })
            guard let kmci = reference.kmci else { continue }
            let theirs = spec.band(of: fit, rows: band.rows, range: band.timeRange, a: (band.lowerA, band.upperA), critical: kmci.critical_value)
            for (offset, row) in band.rows.enumerated() {
                Self.expectClose(theirs.lower[row], kmci.lower[offset], 1e-9, "\(reference.name) km.ci lower row \(row)")
                Self.expectClose(theirs.upper[row], kmci.upper[offset], 1e-9, "\(reference.name) km.ci upper row \(row)")
            }
            // km.ci interpolates K&M's tables (the equal-precision one holds the Miller–Siegmund approximation);
            // within the tables' a_L ≥ 0.02 its critical value is within 0.01 of the computed one (it clamps below).
            if reference.a_lower >= 0.02 {
                #expect(abs(kmci.critical_value - band.criticalValue) < 0.01, "\(reference.name): km.ci \(kmci.critical_value)")
            }
        }
    }

    static func expectClose(_ value: Double?, _ expected: Double?, _ tolerance: Double, _ label: String) {
        switch (value, expected) {
        case (nil, nil): return
        case let (value?, expected?): #expect(abs(value - expected) <= tolerance, "\(label): \(value) vs \(expected)")
        default: Issue.record("\(label): \(String(describing: value)) vs \(String(describing: expected))")
        }
    }

    @Test("a range past the last time with some at risk, or without events, is refused")
    func badRanges() throws {
        let fit = try KaplanMeier().fit(time: [1, 2, 3, 4, 5, 6], event: [true, false, true, true, false, true])
        #expect(SimultaneousBand.defaultRange(of: fit) == 1...4)
        #expect(throws: StatModelError.self) { try SimultaneousBand(method: .hallWellner, timeRange: 1...6).fit(fit) }
        #expect(throws: StatModelError.self) { try SimultaneousBand(method: .hallWellner, timeRange: 0...0.5).fit(fit) }
        #expect(throws: StatModelError.self) { try SimultaneousBand(method: .equalPrecision, timeRange: 0...4).fit(fit) }
        #expect(throws: StatModelError.self) { try SimultaneousBand(method: .hallWellner, timeRange: 1.5...2.5).fit(fit) }
        let band = try SimultaneousBand(method: .hallWellner, timeRange: 0...4).fit(fit)
        #expect(band.lowerA == 0 && band.rows == 0...3)
    }
}
