import Foundation
import ReliefTestSupport
import Testing

/// The example program Examples/MedianAtTwoDoses, run as built: the medians and intervals it prints equal,
/// to the decimals it prints, those of `relief predict weibull ... --format json` for the same profiles.
@Suite struct MedianAtTwoDosesExampleTests {
    /// One printed line: `dose 0.5 mg/kg every 21 days: median relief 12.18 days (95% CI 11.35 to 13.07)`.
    struct PrintedMedian {
        let dose: String
        let values: [Double]   // estimate, lower, upper
        let decimals: Int
    }

    static func printedMedians(_ stdout: String) -> [PrintedMedian] {
        let line = #/dose (\S+) mg/kg every 21 days: median relief ([0-9.]+) days \(95% CI ([0-9.]+) to ([0-9.]+)\)/#
        return stdout.split(separator: "\n").compactMap { text -> PrintedMedian? in
            guard let match = try? line.wholeMatch(in: text) else { return nil }
            let numbers = [match.2, match.3, match.4]
            let values = numbers.compactMap { Double($0) }
            guard values.count == 3 else { return nil }
            let decimals = numbers.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 }.min() ?? 0
            return PrintedMedian(dose: String(match.1), values: values, decimals: decimals)
        }
    }

    /// The median, lower and upper limit of each profile of `relief predict`'s JSON.
    static func reliefMedians(doses: [String]) throws -> [[Double]] {
        let output = try ReliefProcess.run([
            "predict", "weibull", "data/ketamine_trial.csv", "--formula", "dose_mg_kg + interval_days",
            "--at", "dose_mg_kg=" + doses.joined(separator: ","), "--at", "interval_days=21", "--format", "json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: output.stdoutData) as? [String: Any])
        let profiles = try #require(object["profiles"] as? [[String: Any]])
        return try profiles.map { profile in
            let median = try #require(profile["median"] as? [String: Any])
            return try ["estimate", "lower", "upper"].map { key in try #require((median[key] as? NSNumber)?.doubleValue) }
        }
    }

    @Test("the example prints relief predict's medians", arguments: [[], ["0.25", "0.75"]])
    func mediansEqualReliefPredict(doses: [String]) throws {
        let example = try ReliefProcess.run(["data/ketamine_trial.csv"] + doses, program: "MedianAtTwoDoses")
        #expect(example.status == 0, "stderr: \(example.stderr)")
        #expect(example.stderr.isEmpty)
        let printed = Self.printedMedians(example.stdout)
        let expectedDoses = doses.isEmpty ? ["0.5", "1.0"] : doses
        #expect(printed.map(\.dose) == expectedDoses, "stdout:\n\(example.stdout)")
        #expect(example.stdout.contains("Meaning: "))
        let relief = try Self.reliefMedians(doses: expectedDoses)
        try #require(printed.count == relief.count)
        for (line, exact) in zip(printed, relief) {
            #expect(line.decimals >= 1)
            // Rounded to d decimals: within half a unit of the last printed digit of the exact value.
            let halfUnit = 0.5 * pow(10, -Double(line.decimals))
            Tolerance.absolute(halfUnit * (1 + 1e-9)).expect(line.values, exact, "dose \(line.dose): median, lower, upper")
        }
        // A higher dose lengthens relief in these data.
        #expect((printed.last?.values.first ?? 0) > (printed.first?.values.first ?? 0))
    }

    @Test func aMissingFileIsOneLineAndAFailureStatus() throws {
        let output = try ReliefProcess.run(["no-such-file.csv"], program: "MedianAtTwoDoses")
        #expect(output.status == 1)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr.hasPrefix("MedianAtTwoDoses: ") && output.stderr.contains("no-such-file.csv"))
        #expect(output.stderr.split(separator: "\n").count == 1, "stderr: \(output.stderr)")
    }
}
