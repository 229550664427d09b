import Testing

/// Grouping options that contradict each other are refused by the reader (one line on stderr, exit 64).
@Suite("Grouping errors through the CLI")
struct GroupingErrorTests {
    @Test("a --by column given twice, a --strata column that is also a --by column, an empty --by", arguments: [
        (["--by", "dose_group", "--by", "dose_group"], "names the same column twice"),
        (["--by", "dose_group", "--strata", "dose_group"], "is also a --by column"),
        (["--by", ""], "--by needs a column name"),
    ])
    func refused(_ extra: [String], _ words: String) throws {
        let output = try ReliefProcess.run(["summary", "data/ketamine_trial.csv"] + extra)
        #expect(output.status == 64, "stderr: \(output.stderr)")
        #expect(output.stderr.contains(words), "stderr: \(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(output.stdout.isEmpty)
    }
}
