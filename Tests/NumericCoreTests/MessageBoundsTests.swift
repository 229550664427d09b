import NumericCore
import Testing

@Suite struct MessageBoundsTests {
    @Test func clampKeepsShortTextAndCutsLongText() {
        #expect(MessageBounds.clamp("short") == "short")
        let exact = String(repeating: "x", count: 300)
        #expect(MessageBounds.clamp(exact) == exact)
        let cut = MessageBounds.clamp(exact + "y")
        #expect(cut.count == 300)
        #expect(cut.hasSuffix("..."))
        // Characters, not bytes: 300 two-byte characters are not cut.
        let accented = String(repeating: "é", count: 300)
        #expect(MessageBounds.clamp(accented) == accented)
        #expect(MessageBounds.clamp(String(repeating: "é", count: 301)).count == 300)
    }

    @Test func listCutsWithAndNMore() {
        #expect(MessageBounds.list(["a", "b", "c"]) == "'a', 'b', 'c'")
        #expect(MessageBounds.list([]) == "")
        let levels = (1...400).map { "level\($0)" }
        let text = MessageBounds.list(levels, budget: 100)
        #expect(text.count <= 100)
        #expect(text.hasPrefix("'level1', 'level2', "))
        #expect(text.hasSuffix(" more"))
        let shown = text.components(separatedBy: "', '").count
        #expect(text.hasSuffix(", ... and \(400 - shown) more"), "\(text)")
        // The first item is always shown, cut to the longest name.
        let long = MessageBounds.list([String(repeating: "n", count: 10_000), "b"], budget: 20)
        #expect(long.hasPrefix("'nnnn"))
        #expect(long.hasSuffix("...', ... and 1 more"))
        #expect(long.count <= MessageBounds.maximumNameLength + 2 + ", ... and 1 more".count)
    }

    @Test func boundedLinesAreFewAndShort() {
        let lines = (1...20).map { String(repeating: "\($0 % 10)", count: 5_000) }
        let bounded = MessageBounds.bounded(lines, lineLength: MessageBounds.maximumLineLength)
        #expect(bounded.count == MessageBounds.maximumLines)
        #expect(bounded.last == "... and 15 more lines")
        #expect(bounded[0].count == MessageBounds.maximumFirstLineLength)
        for line in bounded.dropFirst() { #expect(line.count <= MessageBounds.maximumLineLength) }
        // The command line's backstop: 1,000 characters with the prefix.
        let backstop = MessageBounds.bounded(lines)
        #expect(backstop[0].count == MessageBounds.backstopLineLength - 15)
        #expect(backstop[1].count == MessageBounds.backstopLineLength)
        let long = String(repeating: "p", count: 400)
        #expect(MessageBounds.bounded([long]) == [long])
        // Line breaks inside a line are shown, not obeyed.
        #expect(MessageBounds.bounded(["a\nb\r\nc"]) == ["a\\nb\\r\\nc"])
        #expect(MessageBounds.bounded(["one", "two"]) == ["one", "two"])
    }
}
