import DataIO
import Testing

/// Row lines are stored as a first line and a count when consecutive, else listed; reads agree either way.
@Suite("Row lines")
struct RowLinesTests {
    @Test("consecutive lines are compact and read back as listed")
    func compact() {
        let lines = RowLines([2, 3, 4, 5])
        #expect(lines.isCompact)
        #expect(Array(lines) == [2, 3, 4, 5])
        #expect(lines[3] == 5)
        #expect(lines.count == 4)
        #expect(lines == [2, 3, 4, 5])
    }

    @Test("gaps, repeats and the empty list are listed")
    func listed() {
        for values in [[2, 4, 5], [3, 3], [5, 4], []] {
            let lines = RowLines(values)
            #expect(!lines.isCompact, "\(values)")
            #expect(Array(lines) == values)
        }
        #expect(RowLines([7]).isCompact)
        #expect(RowLines([7]) != RowLines([8]))
    }
}
