import NumericCore
import Testing

/// `Parallel.mapRowChunks`: consecutive ranges of the fixed size, covering every row once, in row order.
@Suite("Parallel row chunks")
struct ParallelRowChunkTests {
    @Test("ranges cover 0..<rows in order, each of the chunk size but the last", arguments: [0, 1, 7, 8, 9, 64, 65])
    func ranges(rows: Int) {
        let ranges = Parallel.mapRowChunks(rows, chunk: 8) { $0 }
        #expect(ranges.count == (rows + 7) / 8)
        #expect(ranges.flatMap { Array($0) } == Array(0..<rows))
        #expect(ranges.dropLast().allSatisfy { $0.count == 8 })
    }

    @Test("one chunk up to the default size; a bad chunk size gives no pieces")
    func defaults() {
        #expect(Parallel.mapRowChunks(Parallel.rowChunk) { $0 } == [0..<Parallel.rowChunk])
        #expect(Parallel.mapRowChunks(Parallel.rowChunk + 1) { $0.count } == [Parallel.rowChunk, 1])
        #expect(Parallel.mapRowChunks(5, chunk: 0) { $0 }.isEmpty)
    }
}
