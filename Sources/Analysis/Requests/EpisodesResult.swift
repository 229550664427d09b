import DataIO

/// The episodes of an ``EpisodesRequest``: the table, the warnings about the input, the CSV file and a
/// one-line summary.
public struct EpisodesResult: Sendable {
    /// The request that was run.
    public let request: EpisodesRequest
    /// The episodes and every row left out.
    public let table: EpisodeTable
    /// Their marginal (Wei–Lin–Weissfeld) layout, when the request asked for it (``EpisodesRequest/marginalEvents``):
    /// then the file is this layout.
    public let marginal: MarginalEventTable?

    /// Creates the result.
    /// - Parameters:
    ///   - request: The request that was run.
    ///   - table: The episodes.
    ///   - marginal: Their marginal layout, or `nil` for a file of episodes.
    public init(request: EpisodesRequest, table: EpisodeTable, marginal: MarginalEventTable? = nil) {
        self.request = request
        self.table = table
        self.marginal = marginal
    }

    /// At most this many excluded rows are listed one by one in ``warnings``.
    public static let maxListedExclusions = 50

    /// The warnings, in order: a delimiter read from the header; how many rows were left out and why,
    /// then each of them (at most ``maxListedExclusions``); the episodes of 0 days.
    /// - Complexity: O(rows).
    public var warnings: [String] {
        var warnings: [String] = []
        let log = table.log
        if let source = log.source, source.isDelimiterDetected {
            warnings.append(
                "the header has no ',' but ';'-separated names: the file was read as \(source.delimiter)-separated (choose with --delimiter)")
        }
        let exclusions = table.exclusions
        if !exclusions.isEmpty {
            let missing = exclusions.filter(\.isMissing).map(\.line)
            let other = exclusions.filter { !$0.isMissing }.map(\.line)
            var parts: [String] = []
            if !missing.isEmpty { parts.append("\(missing.count) with a missing patient or infusion date: \(DataSource.lineList(missing))") }
            if !other.isEmpty { parts.append("\(other.count) invalid: \(DataSource.lineList(other))") }
            warnings.append(
                "\(exclusions.count) of \(log.rowsRead) rows excluded (\(parts.joined(separator: "; "))); they have no episode")
            for exclusion in exclusions.prefix(Self.maxListedExclusions) {
                let column = exclusion.column.map { ", column '\($0)'" } ?? ""
                warnings.append("excluded line \(exclusion.line)\(column): \(exclusion.reason)")
            }
            if exclusions.count > Self.maxListedExclusions {
                warnings.append("\(exclusions.count - Self.maxListedExclusions) more excluded rows are not listed")
            }
            if exclusions.count * 2 > log.rowsRead {
                warnings.append(
                    "more than half of the rows were excluded: check the reading options (--delimiter, --missing, --date-format) "
                        + "against the first exclusions")
            }
        }
        let zero = table.zeroDurationLines
        if !zero.isEmpty {
            warnings.append(
                "\(zero.count) \(zero.count == 1 ? "episode lasts" : "episodes last") 0 days (\(DataSource.lineList(zero))): "
                    + "relief ended, or the last contact was, at the moment of the infusion")
        }
        return warnings
    }

    /// The file: the episodes (``DataIO/EpisodeTable/csvBytes()``) or their marginal layout
    /// (``DataIO/MarginalEventTable/csvBytes()``).
    /// - Complexity: O(rows + bytes of the carried columns).
    public func csvBytes() -> [UInt8] { marginal?.csvBytes() ?? table.csvBytes() }

    /// Writes the file (``csvBytes()``) to `path` atomically: never over the input, created readable by the
    /// owner only (it holds patient identifiers). The file is made and written in pieces
    /// (``DataIO/EpisodeTable/writeCSV(_:)``, ``DataIO/MarginalEventTable/writeCSV(_:)``), never held whole.
    /// - Parameter path: The output file.
    /// - Throws: ``AnalysisError`` (usage) for an empty path; `DataError` (cannot write) when the path is
    ///   the input or not a writable regular file, or the directory cannot be written.
    public func write(to path: String) throws {
        guard !path.isEmpty else { throw AnalysisError(.usage, "-o needs a file name") }
        try AtomicFileWriter(protectedPaths: [request.path], isPrivate: true).write(to: path) { (emit) throws(DataError) in
            if let marginal { try marginal.writeCSV(emit) } else { try table.writeCSV(emit) }
        }
    }

    /// One line for stderr: `relief: 1597 episodes of 400 patients from 1597 rows (1160 relief ended;
    /// censored: 270 at the next infusion, 167 at the last contact) -> episodes.csv`.
    ///
    /// For the marginal layout: `relief: 1600 rows of 400 patients, event numbers 1-4 (1060 relief ended,
    /// 540 censored at the end of follow-up) from 1597 episodes -> wlw.csv`.
    /// - Parameter destination: Where the file went (a path, or `stdout`).
    public func summaryLine(destination: String) -> String {
        if let marginal {
            let (rows, patients, k) = (marginal.count, marginal.patientCount, marginal.eventNumbers)
            return "relief: \(rows) row\(rows == 1 ? "" : "s") of \(patients) patient\(patients == 1 ? "" : "s"), event numbers "
                + (k == 1 ? "1" : "1-\(k)") + " (\(marginal.eventCount) relief ended, \(rows - marginal.eventCount) censored at the end of "
                + "follow-up) from \(table.count) episode\(table.count == 1 ? "" : "s") -> \(destination)"
        }
        let events = table.count(endedBy: .reliefEnded)
        let atNext = table.count(endedBy: .nextInfusion)
        let atContact = table.count(endedBy: .lastContact)
        let (episodes, patients, rows) = (table.count, table.patientCount, table.log.rowsRead)
        return "relief: \(episodes) episode\(episodes == 1 ? "" : "s") of \(patients) patient\(patients == 1 ? "" : "s") "
            + "from \(rows) row\(rows == 1 ? "" : "s") "
            + "(\(events) relief ended; censored: \(atNext) at the next infusion, \(atContact) at the last contact) -> \(destination)"
    }
}
