import Foundation
import Testing

/// Formulas that nest too deeply or expand too far are usage errors (exit 64) with a few short lines
/// on stderr, found before anything large is built.
@Suite struct FormulaLimitCommandTests {
    private func expectRefused(
        _ arguments: [String], words: [String], within limit: Duration = .seconds(60),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let output = try ReliefProcess.run(arguments)
        #expect(clock.now - start < limit, sourceLocation: sourceLocation)
        #expect(output.status == 64, "stderr: \(output.stderr.prefix(600))", sourceLocation: sourceLocation)
        #expect(output.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(output.stderr.hasPrefix("relief: error: "), sourceLocation: sourceLocation)
        let lines = output.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count <= 6, "\(lines.count) lines on stderr", sourceLocation: sourceLocation)
        for line in lines {
            #expect(line.count <= 300, "a line of \(line.count) characters: \(line.prefix(120))…", sourceLocation: sourceLocation)
        }
        #expect(output.stderr.components(separatedBy: "relief: error: ").count == 2, sourceLocation: sourceLocation)
        for word in words {
            #expect(output.stderr.contains(word), "'\(word)' missing in: \(output.stderr.prefix(600))", sourceLocation: sourceLocation)
        }
    }

    @Test("5,000 nested parentheses: exit 64, not a crash")
    func deepFormula() throws {
        let formula = String(repeating: "(", count: 5_000) + "dose_mg_kg" + String(repeating: ")", count: 5_000)
        try expectRefused(["fit", "cox", "data/ketamine_trial.csv", "--formula", formula], words: ["deep", "--formula"])
        let calls = String(repeating: "log(", count: 5_000) + "dose_mg_kg" + String(repeating: ")", count: 5_000)
        try expectRefused(["fit", "weibull", "data/ketamine_trial.csv", "--formula", calls], words: ["deep"])
    }

    @Test("patient_id as a factor: exit 64 with the cluster() hint")
    func identifierFactor() throws {
        try expectRefused(
            ["fit", "cox", "data/ketamine_trial.csv", "--formula", "patient_id * dose_mg_kg"],
            words: ["patient_id", "400 levels", "cluster(patient_id)"])
        try expectRefused(
            ["predict", "weibull", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + patient_id", "--at", "dose_mg_kg=1", "--at", "patient_id=P0000001"],
            words: ["cluster(patient_id)"])
    }

    @Test("an expansion past 1,000 columns: exit 64 naming the term")
    func wideExpansion() throws {
        let formula = "site * condition * ns(baseline_pain, 10) * ns(dose_mg_kg, 5)"
        try expectRefused(
            ["fit", "cox", "data/ketamine_trial.csv", "--formula", formula], words: ["1000", "--max-columns", "ns(baseline_pain, 10)"])
    }

    @Test("--max-columns sets the limit: 5 columns fit in 5, not in 4")
    func maxColumnsOption() throws {
        let arguments = ["fit", "cox", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + interval_days + condition", "--format", "csv"]
        try expectRefused(arguments + ["--max-columns", "4"], words: ["more than 4 design columns", "'condition' alone has 3."])
        let fitted = try ReliefProcess.run(arguments + ["--max-columns", "5"])
        #expect(fitted.status == 0, "stderr: \(fitted.stderr)")
        let plain = try ReliefProcess.run(arguments)
        #expect(plain.stdout == fitted.stdout)
    }
}
