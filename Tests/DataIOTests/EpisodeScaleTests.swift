import Foundation
import Testing
@testable import DataIO

/// The machinery that makes `relief episodes` fast, checked against plain Swift on logs large enough to use
/// it: the dictionary's in-slot keys, the background patient coder (blocks of 16,384), the raw copy of
/// carried columns, and the two-thread writer (runs of 65,536 records).
@Suite("Episodes at scale")
struct EpisodeScaleTests {
    /// A deterministic generator (SplitMix64), so that every run sees the same log.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    @Test("the dictionary gives every key one dense index, whatever its length (0 to 20 bytes)")
    func dictionary() {
        var generator = Generator(state: 7)
        let dictionary = _ByteDictionary()
        var reference: [[UInt8]: Int] = [:]
        var mismatches = 0
        for _ in 0..<200_000 {
            let length = generator.below(21)
            // A small alphabet so that keys repeat and share prefixes.
            let key = (0..<length).map { _ in UInt8(0x41 + generator.below(3)) }
            let expected = reference[key] ?? reference.count
            if reference[key] == nil { reference[key] = expected }
            let index = (key + [0]).withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { dictionary.index(of: $0, key.count).index } ?? -2
            }
            if index != expected { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(dictionary.count == reference.count)
        for (key, index) in reference.prefix(1000) { #expect(dictionary.key(index) == key) }
    }

    /// A shuffled log of `patients` patients with 1 to 7 infusions each, as infusions and as CSV text
    /// (some carried fields need quoting or neutralising, most do not).
    static func log(patients: Int, seed: UInt64) -> (infusions: [Infusion], csv: String) {
        var generator = Generator(state: seed)
        var rows: [(Infusion, String)] = []
        for patient in 0..<patients {
            let id = "P\(String(patient + 1).leftPadded(to: 7))"
            var day = 19_000 + generator.below(365)
            let count = 1 + generator.below(7)
            for k in 0..<count {
                let start = ClinicalDate(days: Double(day) + (patient % 3 == 0 ? 0.375 : 0))
                let ended = generator.below(3) > 0
                let end = ended ? ClinicalDate(days: start.days + Double(1 + generator.below(40)) + 0.25) : nil
                let contact = k == count - 1 ? ClinicalDate(days: start.days + 60) : nil
                let note = ["ok", "a, b", "=1+2", "", "said \"fine\"", "-3"][generator.below(6)]
                let quotedNote = note.contains(",") || note.contains("\"") ? "\"" + note.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : note
                let text = [id, start.description, end?.description ?? "", contact?.description ?? "", String(generator.below(10)), quotedNote]
                    .joined(separator: ",")
                rows.append((Infusion(patient: id, date: start, reliefEnd: end, lastContact: contact), text))
                day += 7 + generator.below(30)
            }
        }
        for k in stride(from: rows.count - 1, to: 0, by: -1) { rows.swapAt(k, generator.below(k + 1)) }
        let csv = "patient_id,infusion_date,relief_end_date,last_contact_date,score,note\n"
            + rows.map(\.1).joined(separator: "\n") + "\n"
        return (rows.map(\.0), csv)
    }

    @Test("a large shuffled log read from CSV gives the episodes of the same infusions built in memory, written the same")
    func readMatchesMemory() throws {
        let (infusions, text) = Self.log(patients: 40_000, seed: 11)
        #expect(infusions.count > 2 * _PatientCoder.blockSize)
        #expect(infusions.count > 2 * EpisodeTable.run)
        let path = try TestSupport.temporaryFile(text)
        let read = try EpisodeBuilder().build(InfusionLogReader().read(path: path))
        let memory = try EpisodeBuilder().build(InfusionLog(infusions: infusions))
        #expect(read.count == infusions.count)
        let (fromFile, fromMemory) = (read.episodes, memory.episodes)
        #expect(fromFile.map(\.patient) == fromMemory.map(\.patient))
        #expect(fromFile.map(\.infusionNumber) == fromMemory.map(\.infusionNumber))
        #expect(fromFile.map(\.infusionDate) == fromMemory.map(\.infusionDate))
        #expect(fromFile.map(\.intervalDays) == fromMemory.map(\.intervalDays))
        #expect(fromFile.map(\.reliefDays) == fromMemory.map(\.reliefDays))
        #expect(fromFile.map(\.ending) == fromMemory.map(\.ending))
        #expect(fromFile.map(\.startDay) == fromMemory.map(\.startDay))
        #expect(fromFile.map(\.stopDay) == fromMemory.map(\.stopDay))
        #expect(fromFile.map(\.line) == fromMemory.map { $0.line + 1 })  // the header is line 1
        // The file: every record is the episode's values, then the row's carried fields as the CSV had them.
        let lines = String(decoding: read.csvBytes(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == read.count + 2)
        let sourceLines = text.split(separator: "\n").map(String.init)
        var mismatches = 0
        for (k, episode) in read.episodes.enumerated() {
            var days: [UInt8] = []
            EpisodeTable.appendDays(episode.reliefDays, to: &days)
            var interval: [UInt8] = []
            if let value = episode.intervalDays { EpisodeTable.appendDays(value, to: &interval) }
            var (start, stop): ([UInt8], [UInt8]) = ([], [])
            EpisodeTable.appendDays(episode.startDay, to: &start)
            EpisodeTable.appendDays(episode.stopDay, to: &stop)
            let source = sourceLines[episode.line - 1].split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
            let carriedSource = String(source[2])
            let carried = carriedSource.hasSuffix(",=1+2") ? String(carriedSource.dropLast(4)) + "'=1+2" : carriedSource
            let expected = [
                episode.patient, String(episode.infusionNumber), episode.infusionDate.description, String(decoding: interval, as: UTF8.self),
                String(decoding: days, as: UTF8.self), episode.reliefEnded ? "1" : "0", String(decoding: start, as: UTF8.self),
                String(decoding: stop, as: UTF8.self), carried,
            ].joined(separator: ",")
            if lines[k + 1] != Substring(expected) { mismatches += 1 }
        }
        #expect(mismatches == 0)
        // Written in pieces: the same bytes.
        var pieces: [UInt8] = []
        var count = 0
        read.writeCSV { piece in
            pieces.append(contentsOf: piece)
            count += 1
        }
        #expect(pieces == read.csvBytes())
        #expect(count > 2)
    }
}

extension String {
    /// The text with zeros in front up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
