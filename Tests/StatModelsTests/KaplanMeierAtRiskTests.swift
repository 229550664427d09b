import Survival
import Testing

/// Numbers at risk at chosen times, computed by hand (R: `summary(fit, times = t)$n.risk`).
@Suite("Kaplan–Meier: number at risk at a time")
struct KaplanMeierAtRiskTests {
    // Six rows: 2, 3+, 3, 5, 8+, 8 (+ = censored).
    // Distinct times 2, 3, 5, 8. Number with observed time >= t:
    //   t <= 2: all 6;  2 < t <= 3: 5 (3+, 3, 5, 8+, 8);  3 < t <= 5: 3 (5, 8+, 8);
    //   5 < t <= 8: 2 (8+, 8);  t > 8: 0.
    static let time = [2.0, 3, 3, 5, 8, 8]
    static let event = [true, false, true, true, false, true]

    @Test func sixRowsByHand() throws {
        let fit = try KaplanMeier().fit(time: Self.time, event: Self.event)
        let cases: [(Double, Int)] = [
            (-1, 6), (0, 6), (2, 6), (2.5, 5), (3, 5), (4, 3), (5, 3), (6, 2), (8, 2), (8.01, 0), (100, 0),
            (-.infinity, 6), (.infinity, 0),
        ]
        for (t, expected) in cases {
            #expect(fit.numberAtRisk(at: t) == expected, "t = \(t)")
        }
        #expect(fit.numberAtRisk(at: .nan) == 0)
    }

    // aml, maintained arm (R's survival::aml, x == "Maintained"):
    //   9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+   (n = 11)
    // Observed times >= t: t=0 -> 11; t=10 -> 10 (all but 9); t=20 -> 7 (23, 28+, 31, 34, 45+, 48, 161+);
    //   t=30 -> 5 (31, 34, 45+, 48, 161+); t=40 -> 3 (45+, 48, 161+); t=50 -> 1 (161+);
    //   t=161 -> 1; t=170 -> 0.
    @Test func amlMaintainedByHand() throws {
        let time: [Double] = [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161]
        let event = [true, true, false, true, true, false, true, true, false, true, false]
        let fit = try KaplanMeier().fit(time: time, event: event)
        let grid: [Double] = [0, 10, 20, 30, 40, 50, 161, 170]
        let expected = [11, 10, 7, 5, 3, 1, 1, 0]
        #expect(grid.map { fit.numberAtRisk(at: $0) } == expected)
        // Consistent with the at-risk column of estimate(at:).
        for t in grid { #expect(fit.numberAtRisk(at: t) == fit.estimate(at: t).atRisk) }
    }

    // Censoring marks: at 3 (S = 5/6 after the event at 2, then 3's event: S = 5/6 · 4/5 = 2/3) and
    // at 8 (S = 2/3 · 2/3 (5: n=3 d=1) · 1/2 (8: n=2 d=1) = 2/9).
    @Test func censoringMarksByHand() throws {
        let fit = try KaplanMeier().fit(time: Self.time, event: Self.event)
        let marks = fit.censoringMarks
        #expect(marks.count == 2)
        #expect(marks.map(\.time) == [3, 8])   // exact: input values
        let expected = [2.0 / 3.0, 2.0 / 9.0]
        for (mark, s) in zip(marks, expected) { #expect(abs(mark.survival - s) <= 1e-12) }
    }
}
