import Analysis
import DataIO
import Foundation
import Reporting
import Survival
import Testing

/// `relief curves --bands`: the options are checked before reading (usage errors), a range that does not
/// suit a group's curve is a usage error naming the group, and every format shows the result's band
/// without recomputing it.
@Suite("Curves with simultaneous bands")
struct CurvesBandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let trial = root.appendingPathComponent("data/ketamine_trial.csv").path

    static func request(_ band: SimultaneousBand?, transform: KaplanMeier.ConfidenceTransform = .log) -> CurvesRequest {
        var roles = ColumnRoles()
        roles.by = ["dose_group"]
        return CurvesRequest(source: DataSource(path: trial, roles: roles), kaplanMeier: KaplanMeier(confidenceTransform: transform), band: band)
    }

    static func usageKind(_ body: () throws -> Void) -> DataError.Kind? {
        do {
            try body()
            return nil
        } catch let error as AnalysisError {
            return error.kind
        } catch let error as DataError {
            return error.kind
        } catch {
            return .internalError
        }
    }

    @Test func badOptionsAreUsageErrors() throws {
        #expect(Self.usageKind { _ = try SimultaneousBand.parse(nil, range: "1,2") } == .usage)
        for text in ["1", "2,1", "1,1", "a,b", "-1,3", "1,2,3"] {
            #expect(Self.usageKind { _ = try SimultaneousBand.parse(.hallWellner, range: text) } == .usage, "\(text)")
        }
        #expect(Self.usageKind {
            _ = try CurvesEstimator.nelsonAalen.request(source: DataSource(path: Self.trial), kaplanMeier: KaplanMeier(), band: SimultaneousBand(method: .hallWellner))
        } == .usage)
        #expect(try SimultaneousBand.parse(.equalPrecision, range: "1,20") == SimultaneousBand(method: .equalPrecision, timeRange: 1...20))
    }

    @Test func rangeBeyondTheDataIsAUsageErrorNamingTheGroup() throws {
        do {
            _ = try Self.request(SimultaneousBand(method: .hallWellner, timeRange: 1...1000)).run()
            Issue.record("no error")
        } catch let error as AnalysisError {
            #expect(error.kind == .usage)
            #expect(error.description.contains("dose_group="), "\(error)")
        }
    }

    @Test func everyFormatShowsTheResultsBand() throws {
        let output = try Self.request(SimultaneousBand(method: .hallWellner), transform: .logLog).run()
        let bands = output.result.bands
        #expect(bands.count == output.result.summary.groups.count)
        for (group, band) in zip(output.result.summary.groups, bands) {
            // Wider than the pointwise interval everywhere in the range.
            for row in band.rows {
                if let lower = band.lower[row], let pointwise = group.fit.lower[row] { #expect(lower <= pointwise + 1e-12) }
                if let upper = band.upper[row], let pointwise = group.fit.upper[row] { #expect(upper >= pointwise - 1e-12) }
            }
            #expect(band.criticalValue > 1 && band.criticalValue < 1.4)
        }
        let csv = output.rendered(.csv).split(separator: "\n").map(String.init)
        #expect(csv[0] == "dose_group,time,n_risk,n_event,n_censor,estimate,std_error,lower,upper,band_lower,band_upper,confidence_transform,confidence_level,relief_version")
        let first = try #require(bands.first)
        let row = csv[1 + first.rows.lowerBound].split(separator: ",").map(String.init)
        #expect(row[9] == first.lower[first.rows.lowerBound].map { String(describing: $0) })
        #expect(csv[1].split(separator: ",")[9] == "NA" || first.rows.lowerBound == 0)

        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.rendered(.json).utf8)) as? [String: Any])
        let curves = try #require(json["curves"] as? [[String: Any]])
        let band = try #require(curves.first?["band"] as? [String: Any])
        #expect(band["method"] as? String == "hall-wellner")
        #expect(abs((band["critical_value"] as? Double ?? 0) - first.criticalValue) < 1e-12)
        #expect((curves.first?["band_lower"] as? [Any])?.count == first.lower.count)

        let table = output.rendered(.table)
        #expect(table.contains("simultaneous bands") && table.contains("band_lower"))
        let svg = output.rendered(.svg)
        #expect(svg.contains("rp-km-simultaneous-bands") && svg.contains("lighter: 95% Hall–Wellner band"))
    }

    @Test func withoutBandsNothingChanges() throws {
        let output = try Self.request(nil).run()
        #expect(output.result.bands.isEmpty)
        #expect(!output.rendered(.csv).contains("band_lower"))
        #expect(!output.rendered(.svg).contains("rp-km-simultaneous-bands"))
    }
}
