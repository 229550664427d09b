import Foundation
import Survival
import Testing

/// Pointwise limits with R's `conf.type = "logit"` and `"arcsin"` (`--conf-type logit|arcsin`) against
/// R survival 3.5-3 `survfit` (Reference/km_transforms.json, make_km_transform_fixtures.R): the
/// Kaplan–Meier curve, and exp(−H) of the Nelson–Aalen estimate (`ctype = 1, stype = 2`), with R's NA
/// where it has one (S = 0, or S = 1 with SE 0). Tolerance 1e-10 absolute.
@Suite("Kaplan–Meier logit and arcsine limits vs R survival")
struct KaplanMeierTransformReferenceTests {
    struct File: Decodable { let cases: [Case] }
    struct Case: Decodable {
        let name, conf_type, estimator: String
        let level: Double
        let time: [Double]
        let event: [Int]
        let fit_time: [Double]
        let surv: [Double]
        let lower: [Double?]
        let upper: [Double?]
    }

    @Test("survfit(conf.type = logit | arcsin): the limits at every time")
    func matchesR() throws {
        let url = try #require(Bundle.module.url(forResource: "km_transforms", withExtension: "json", subdirectory: "Reference"))
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        #expect(file.cases.count == 5)
        for c in file.cases {
            let transform = try #require(KaplanMeier.ConfidenceTransform(rawValue: c.conf_type))
            let events = c.event.map { $0 == 1 }
            let fit: (times: [Double], survival: [Double], lower: [Double?], upper: [Double?])
            if c.estimator == "nelson-aalen" {
                let na = try NelsonAalen(confidenceTransform: transform, confidenceLevel: c.level).fit(time: c.time, event: events)
                fit = (na.counts.times, na.survival, na.lower, na.upper)
            } else {
                let km = try KaplanMeier(confidenceTransform: transform, confidenceLevel: c.level).fit(time: c.time, event: events)
                fit = (km.times, km.survival, km.lower, km.upper)
            }
            #expect(fit.times == c.fit_time, "\(c.name): times")
            guard fit.times.count == c.fit_time.count else { continue }
            var limits = 0
            for j in fit.times.indices {
                let at = "\(c.name) t=\(fit.times[j])"
                SurvivalTolerance.expectClose(fit.survival[j], c.surv[j], "\(at) surv")
                SurvivalTolerance.expectClose(fit.lower[j], c.lower[j], "\(at) lower")
                SurvivalTolerance.expectClose(fit.upper[j], c.upper[j], "\(at) upper")
                if c.lower[j] != nil { limits += 1 }
            }
            #expect(limits > 5, "\(c.name): R gives limits at most times")
        }
    }

    @Test("a simultaneous band on the logit scale is refused with the transforms that have one")
    func logitBandRefused() throws {
        let fit = try KaplanMeier(confidenceTransform: .logit).fit(time: [2, 3, 3, 5, 8, 8, 9, 12], event: [true, false, true, true, false, true, true, false])
        do {
            _ = try SimultaneousBand(method: .hallWellner).fit(fit)
            Issue.record("a logit band should be refused")
        } catch {
            guard case .invalidArgument(_, let message) = error, message.contains("arcsin") else {
                Issue.record("unexpected: \(error)")
                return
            }
        }
        let arcsin = try KaplanMeier(confidenceTransform: .arcsin).fit(time: [2, 3, 3, 5, 8, 8, 9, 12], event: [true, false, true, true, false, true, true, false])
        let band = try SimultaneousBand(method: .hallWellner).fit(arcsin)
        #expect(band.lower.contains { $0 != nil }, "an arcsine band is drawn")
    }
}
