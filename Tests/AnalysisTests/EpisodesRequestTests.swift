import Analysis
import DataIO
import Foundation
import Testing

/// `relief episodes` from Swift: the bundled infusion log (made from `data/ketamine_trial.csv` by
/// `data/make_infusion_log.py`) gives the trial's episodes back.
@Suite("Episodes from the bundled infusion log")
struct EpisodesRequestTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let trial = root.appendingPathComponent("data/ketamine_trial.csv")
    static let log = root.appendingPathComponent("data/infusion_log.csv")

    /// One episode of `ketamine_trial.csv`.
    struct TrialRow {
        let patient: String
        let infusion: Int
        let interval: Double
        let relief: Double
        let ended: Bool
    }

    /// The trial's rows by patient, in infusion order (a plain CSV without quotes).
    static func trialRows() throws -> [String: [TrialRow]] {
        let lines = try String(contentsOf: trial, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let header = try #require(lines.first)
        let column = { (name: String) throws -> Int in try #require(header.firstIndex(of: name)) }
        let (p, k, i, r, e) = (try column("patient_id"), try column("infusion_number"), try column("interval_days"),
                               try column("relief_days"), try column("relief_ended"))
        var rows: [String: [TrialRow]] = [:]
        for fields in lines.dropFirst() {
            let row = TrialRow(
                patient: fields[p], infusion: Int(fields[k]) ?? 0, interval: Double(fields[i]) ?? .nan,
                relief: Double(fields[r]) ?? .nan, ended: fields[e] == "1")
            rows[row.patient, default: []].append(row)
        }
        return rows.mapValues { $0.sorted { $0.infusion < $1.infusion } }
    }

    @Test("the round trip: relief that ended comes back exactly; relief that outlasted the interval is censored at the next infusion")
    func roundTrip() throws {
        let result = try EpisodesRequest(path: Self.log.path).run()
        let table = result.table
        #expect(table.exclusions.isEmpty)
        #expect(result.warnings.isEmpty)
        #expect(table.count == 1597)
        #expect(table.patientCount == 400)
        var episodes: [String: [Episode]] = [:]
        for episode in table.episodes { episodes[episode.patient, default: []].append(episode) }
        let trial = try Self.trialRows()
        #expect(Set(episodes.keys) == Set(trial.keys))

        var events = 0, censoredAtNext = 0, censoredAtContact = 0, lostBeforeNext = 0
        for (patient, rows) in trial {
            let built = try #require(episodes[patient])
            try #require(built.count == rows.count, "\(patient)")
            for (k, (row, episode)) in zip(rows, built).enumerated() {
                #expect(episode.infusionNumber == row.infusion)
                if k > 0 {
                    #expect(abs((episode.intervalDays ?? .nan) - rows[k - 1].interval) < 1e-9, "\(patient) #\(row.infusion): interval")
                } else {
                    #expect(episode.intervalDays == nil)
                }
                let isLast = k == rows.count - 1
                if row.ended {
                    // Relief ended before (or at) the next infusion: the same duration, an event.
                    #expect(episode.reliefEnded, "\(patient) #\(row.infusion)")
                    #expect(abs(episode.reliefDays - row.relief) < 1e-6, "\(patient) #\(row.infusion)")
                    events += 1
                } else if isLast {
                    // The last episode is censored at the last contact, where the trial censored it.
                    #expect(episode.ending == .lastContact, "\(patient) #\(row.infusion)")
                    #expect(abs(episode.reliefDays - row.relief) < 1e-6, "\(patient) #\(row.infusion)")
                    censoredAtContact += 1
                } else {
                    // Censored at the next infusion: the interval; where the original relief outlasted the
                    // interval that is its own duration, where follow-up was lost before, the log cannot say.
                    #expect(episode.ending == .nextInfusion, "\(patient) #\(row.infusion)")
                    #expect(abs(episode.reliefDays - row.interval) < 1e-9, "\(patient) #\(row.infusion)")
                    #expect(row.relief <= row.interval + 1e-9)
                    if abs(row.relief - row.interval) < 1e-9 { censoredAtNext += 1 } else { lostBeforeNext += 1 }
                }
            }
        }
        #expect(events == 1160)
        #expect(events + censoredAtNext + censoredAtContact + lostBeforeNext == 1597)
        #expect(censoredAtNext > 200)
        #expect(table.count(endedBy: .nextInfusion) == censoredAtNext + lostBeforeNext)
        #expect(table.count(endedBy: .lastContact) == censoredAtContact)
    }

    @Test("the episodes file is written atomically, never over the input, and summarised in one line")
    func write() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("episodes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("log.csv")
        try FileManager.default.copyItem(at: Self.log, to: copy)
        let result = try EpisodesRequest(path: copy.path).run()
        #expect(throws: DataError.self) { try result.write(to: copy.path) }
        #expect(throws: AnalysisError.self) { try result.write(to: "") }
        let target = directory.appendingPathComponent("episodes.csv")
        try result.write(to: target.path)
        #expect(try Data(contentsOf: target) == Data(result.csvBytes()))
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(result.summaryLine(destination: "x.csv") == "relief: 1597 episodes of 400 patients from 1597 rows "
            + "(1160 relief ended; censored: \(result.table.count(endedBy: .nextInfusion)) at the next infusion, "
            + "\(result.table.count(endedBy: .lastContact)) at the last contact) -> x.csv")
    }

    @Test("data/infusion_log.csv is what data/make_infusion_log.py makes of data/ketamine_trial.csv",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func bundledLogIsReproducible() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.root.appendingPathComponent("data/make_infusion_log.py").path, Self.trial.path, "-"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let made = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(made == (try Data(contentsOf: Self.log)))
    }
}
