import Foundation
import NumericCore

/// Parsing a large file in pieces on several threads, with the result of parsing it on one.
///
/// The file still streams through one parser, a buffer at a time (memory stays O(chunk size)). The
/// buffered records are cut into one piece per thread at line ends (``_RecordBoundaries``); each piece
/// is parsed by a parser and a ``_RowCollector`` of its own, and the pieces are added to the file's
/// collector in file order (``_RowCollector/absorb(_:lineOffset:)``): dictionaries keep first-seen
/// order, lines are moved by the lines of the pieces above. A piece is taken only when it is proven:
/// it parsed without an error and ended exactly at its cut, and merging it is exact (see
/// ``_RowCollector/canAbsorb(_:)``). From the first piece that is not, the buffered records are parsed
/// by the file's parser on this thread, which reports any error with its line as reading on one thread
/// does; it then reads more of the file exactly where one thread would, so the SHA-256, the chunks and
/// every error are the same.
extension SurvivalDatasetReader {
    /// The number of threads to parse a file of `fileSize` bytes on, or `nil` for one.
    func parallelPieces(fileSize: Int) -> Int? {
        let threads = parallelThreads ?? ProcessInfo.processInfo.activeProcessorCount
        guard threads > 1, fileSize >= parallelThreshold else { return nil }
        return threads
    }

    /// Reads the rest of the file into `collector`, the buffered records in pieces on `pieces` threads.
    /// - Parameters:
    ///   - parser: The file's parser, at the first data record.
    ///   - collector: The file's collector.
    ///   - pieces: Threads.
    ///   - expectedRows: The estimated data records in the file (sizes the pieces' arrays).
    /// - Throws: ``DataError`` as reading on one thread would.
    func readInPieces(_ parser: _CSVRecordParser, into collector: _RowCollector, pieces: Int, expectedRows: Int) throws(DataError) {
        // One collector per piece, reused for every buffer.
        let perPiece = Double(expectedRows) / Double(max(parser.fileSize, 1)) * 2 * Double(chunkSize) / Double(pieces)
        let rowsPerPiece = Int(min(perPiece, Double(1 << 28))) + 16
        let workers = _PieceCollectors((0..<pieces).map { _ in
            _RowCollector(reader: self, header: collector.header, layout: collector.layout, path: collector.path, expectedRows: rowsPerPiece)
        })
        while !collector.isStopped {
            parseBufferedPieces(parser, into: collector, workers: workers)
            try collector.consume(parser, refill: false)
            if collector.isStopped || (parser.isAtEOF && parser.position >= parser.count) { return }
            try parser.fill()
        }
    }

    /// Parses the buffered records in pieces and adds the proven ones to `collector`; moves the parser
    /// past them.
    private func parseBufferedPieces(_ parser: _CSVRecordParser, into collector: _RowCollector, workers: _PieceCollectors) {
        let pieces = workers.collectors.count
        let start = parser.position
        let available = parser.count - start
        let minimum = max(minimumPieceBytes, 1)
        guard available >= 2 * minimum else { return }
        let cuts = _RecordBoundaries.cuts(
            parser.buffer, from: start, to: parser.count, isAtEOF: parser.isAtEOF, pieces: min(pieces, available / minimum))
        guard cuts.count > 2 else { return }
        let input = _PieceInput(
            reader: self, base: UnsafePointer(parser.buffer), cuts: cuts, workers: workers, path: collector.path,
            delimiter: parser.delimiter, maxFieldBytes: parser.maxFieldBytes)
        let parsed = Parallel.map(cuts.count - 1) { k in input.parse(piece: k) }
        var line = parser.line
        var position = start
        for (k, piece) in parsed.enumerated() {
            guard let part = piece.collector, collector.canAbsorb(part) else { break }
            collector.absorb(part, lineOffset: line - 1)
            pieceTally?.add(1)
            line += piece.newlines
            position = cuts[k + 1]
        }
        parser.advance(to: position, line: line)
    }
}

/// What the threads parsing pieces share: read-only. `@unchecked Sendable`: the buffer is not changed
/// (nor read into) until every piece is parsed.
private struct _PieceInput: @unchecked Sendable {
    let reader: SurvivalDatasetReader
    let base: UnsafePointer<UInt8>
    let cuts: [Int]
    let workers: _PieceCollectors
    let path: String
    let delimiter: UInt8
    let maxFieldBytes: Int

    /// Parses piece `k` (between `cuts[k]` and `cuts[k + 1]`), lines counted from 1.
    func parse(piece k: Int) -> _ParsedPiece {
        let (from, to) = (cuts[k], cuts[k + 1])
        let parser = _CSVRecordParser(
            borrowing: base + from, count: to - from, file: path, delimiter: delimiter, maxFieldBytes: maxFieldBytes,
            maxColumns: reader.limits.maxColumns)
        let collector = workers.collectors[k]
        collector.removeAll()
        do {
            try collector.consume(parser, refill: true)
        } catch {
            return _ParsedPiece(collector: nil, newlines: 0)
        }
        return _ParsedPiece(collector: collector, newlines: parser.line - 1)
    }
}

/// The collectors of the pieces, one per thread, reused for every buffer. `@unchecked Sendable`: piece
/// `k` uses only collector `k`, and the file's thread reads them after all pieces are parsed.
private final class _PieceCollectors: @unchecked Sendable {
    let collectors: [_RowCollector]

    init(_ collectors: [_RowCollector]) { self.collectors = collectors }
}

/// One parsed piece: its collector (`nil` when parsing it failed: an error, or a cut inside a quoted
/// field) and the lines it spans. `@unchecked Sendable`: made by one thread, read after all are done.
private struct _ParsedPiece: @unchecked Sendable {
    let collector: _RowCollector?
    let newlines: Int
}

/// The number of pieces a reader parsed on other threads and took, counted across reads (tests).
final class _PieceTally: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = 0

    /// Pieces taken so far.
    var count: Int { lock.withLock { taken } }

    func add(_ n: Int) { lock.withLock { taken += n } }
}
