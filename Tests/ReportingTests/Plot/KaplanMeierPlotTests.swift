import Analysis
import ReliefTestSupport
@testable import Reporting
import Survival
import Testing

@Suite struct KaplanMeierPlotTests {
    // Six rows 2, 3+, 3, 5, 8+, 8: distinct times 2, 3, 5, 8 with 6, 5, 3, 2 at risk;
    // S = 5/6, 5/6·4/5 = 2/3, 2/3·2/3 = 4/9, 4/9·1/2 = 2/9.
    static func sixRowFit() throws -> KaplanMeierFit {
        try KaplanMeier().fit(time: [2, 3, 3, 5, 8, 8], event: [true, false, true, true, false, true])
    }

    // aml, maintained arm: 9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+.
    static func amlFit() throws -> KaplanMeierFit {
        try KaplanMeier().fit(time: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161],
                              event: [true, true, false, true, true, false, true, true, false, true, false])
    }

    /// A hand-made 5-point curve: S = 0.8, 0.6, 0.6 (censor only), 0.3, 0.3 (censor only) at 1...5;
    /// limits at 1-3 only.
    static let fivePoint = KaplanMeierPlot.Curve(
        label: "A", times: [1, 2, 3, 4, 5], survival: [0.8, 0.6, 0.6, 0.3, 0.3],
        lower: [0.6, 0.4, 0.4, nil, nil], upper: [0.95, 0.8, 0.8, nil, nil], censorTimes: [3, 5],
        censorSurvival: [0.6, 0.3], riskSetTimes: [1, 2, 3, 4, 5], riskSetSizes: [5, 4, 3, 2, 1])

    static func expectPoints(_ actual: [(x: Double, y: Double)], _ expected: [(Double, Double)],
                             sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, "\(actual)", sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            let close = Tolerance.absolute(1e-12)
            #expect(close.accepts(a.x, e.0) && close.accepts(a.y, e.1), "\(a) vs \(e)", sourceLocation: sourceLocation)
        }
    }

    @Test func stepVerticesOfAFivePointCurve() {
        let vertices = KaplanMeierPlot.stepVertices(Self.fivePoint, start: 0, end: 5)
        Self.expectPoints(vertices, [(0, 1), (1, 1), (1, 0.8), (2, 0.8), (2, 0.6), (4, 0.6), (4, 0.3), (5, 0.3)])
        // Cut at x = 3.5: no drop at 4, the line runs on to the axis end.
        let cut = KaplanMeierPlot.stepVertices(Self.fivePoint, start: 0, end: 3.5)
        Self.expectPoints(cut, [(0, 1), (1, 1), (1, 0.8), (2, 0.8), (2, 0.6), (3.5, 0.6)])
        // The drawn path has the same 8 vertices (one M, seven L).
        let svg = KaplanMeierPlot(title: "t", curves: [Self.fivePoint]).svg()
        let document = SVGTestDocument(svg)
        let path = document.elements.first { $0.name == "path" && $0.attributes["stroke-width"] == "2" }
        let d = path?.attributes["d"] ?? ""
        #expect(d.filter { $0 == "M" }.count == 1)
        #expect(d.filter { $0 == "L" }.count == 7)
    }

    @Test func bandsSkipNilLimits() {
        let polygons = KaplanMeierPlot.bandPolygons(Self.fivePoint, start: 0, end: 5)
        #expect(polygons.count == 1)
        Self.expectPoints(polygons.first ?? [], [
            (1, 0.95), (2, 0.95), (2, 0.8), (3, 0.8), (3, 0.8), (4, 0.8),
            (4, 0.4), (3, 0.4), (3, 0.4), (2, 0.4), (2, 0.6), (1, 0.6),
        ])
        // A nil limit in the middle splits the band in two.
        var gap = Self.fivePoint
        gap.lower = [0.6, nil, 0.4, 0.1, 0.1]
        gap.upper = [0.95, 0.8, 0.8, 0.5, 0.5]
        let split = KaplanMeierPlot.bandPolygons(gap, start: 0, end: 5)
        #expect(split.count == 2)
        #expect(split.first?.map(\.x).max() == 2)   // exact: data values
        #expect(split.last?.map(\.x).min() == 3)
    }

    @Test func numbersAtRiskMatchHandComputedValuesAndAlignWithTicks() throws {
        let plot = KaplanMeierPlot(title: "Relief", curves: [
            KaplanMeierPlot.Curve(label: "six", fit: try Self.sixRowFit()),
            KaplanMeierPlot.Curve(label: "aml", fit: try Self.amlFit()),
        ], xMax: 40)
        let document = SVGTestDocument(plot.svg())
        #expect(document.isWellFormed, "\(document.parseError ?? "")")
        // Axis 0-40 days: week ticks 0, 7, ..., 35.
        let ticks = document.elements("text", class: "rp-x-tick")
        #expect(ticks.map(\.text) == ["0", "7", "14", "21", "28", "35"])
        let counts = document.elements("text", class: "rp-km-n-risk")
        #expect(counts.count == 12)
        // six: 6 at 0; at 7 only 8+, 8 remain (2); none after 8.
        #expect(counts.prefix(6).map(\.text) == ["6", "2", "0", "0", "0", "0"])
        // aml: 11 at 0 and 7 (first time 9); 14 -> 8 (18 on); 21 -> 7 (23 on); 28 -> 6 (28+ on); 35 -> 3 (45+ on).
        #expect(counts.suffix(6).map(\.text) == ["11", "11", "8", "7", "6", "3"])
        // Each column sits exactly under its tick.
        let tickX = ticks.map { $0.attributes["x"] ?? "?" }
        #expect(counts.prefix(6).map { $0.attributes["x"] ?? "" } == tickX)
        #expect(counts.suffix(6).map { $0.attributes["x"] ?? "" } == tickX)
        #expect(counts.allSatisfy { $0.attributes["text-anchor"] == "middle" })
        #expect(document.elements("text").contains { $0.text == "Number at risk" })
        // The curve equals the fit's own at-risk numbers.
        let curve = KaplanMeierPlot.Curve(label: "aml", fit: try Self.amlFit())
        for t in [0.0, 7, 14, 21, 28, 35, 161, 162] {
            #expect(curve.numberAtRisk(at: t) == (try Self.amlFit()).numberAtRisk(at: t))
        }
    }

    @Test func defaultAxisEndsAtTheLastTimeAndCensorMarksAreDrawn() throws {
        let plot = KaplanMeierPlot(title: "Relief",
                                   curves: [KaplanMeierPlot.Curve(label: "six", fit: try Self.sixRowFit())])
        let document = SVGTestDocument(plot.svg())
        // 0-8: 1-2-5 ticks with step 2; at risk 6, 6, 3, 2, 2 (hand-computed above).
        #expect(document.elements("text", class: "rp-x-tick").map(\.text) == ["0", "2", "4", "6", "8"])
        #expect(document.elements("text", class: "rp-km-n-risk").map(\.text) == ["6", "6", "3", "2", "2"])
        let marks = document.elements("path", class: "rp-km-censor").first?.attributes["d"] ?? ""
        #expect(marks.filter { $0 == "M" }.count == 4)   // two "+" marks (3+ and 8+), two strokes each
    }

    @Test func hostileLabelsAppearAsText() throws {
        let hostile = "<script>alert(1)</script>"
        let plot = KaplanMeierPlot(title: "By \"group\" & <b>", curves: [
            KaplanMeierPlot.Curve(label: hostile, fit: try Self.sixRowFit()),
        ])
        let svg = plot.svg()
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let document = SVGTestDocument(svg)
        #expect(document.isWellFormed, "\(document.parseError ?? "")")
        #expect(document.elements("text").contains { $0.text == hostile })
        #expect(document.elements("title").first?.text == "By \"group\" & <b>")
        #expect(document.elements("svg").first?.attributes["aria-label"] == "By \"group\" & <b>")
    }

    @Test func outputIsDeterministicSelfContainedSVG() throws {
        func render() throws -> String {
            KaplanMeierPlot(title: "Relief", curves: [
                KaplanMeierPlot.Curve(label: "six", fit: try Self.sixRowFit()),
                KaplanMeierPlot.Curve(label: "aml", fit: try Self.amlFit()),
            ]).svg()
        }
        let first = try render(), second = try render()
        #expect(first == second)
        #expect(first.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(first.components(separatedBy: "http").count == 2)   // only the namespace
        for forbidden in ["href", "url(", "<script", "@import", "<image", "<foreignObject"] {
            #expect(!first.contains(forbidden), "\(forbidden)")
        }
        let document = SVGTestDocument(first)
        #expect(document.isWellFormed)
        let root = document.elements("svg").first
        #expect(root?.attributes["role"] == "img")
        #expect(root?.attributes["viewBox"]?.hasPrefix("0 0 720 ") == true)
        // Coordinates carry at most two decimals.
        for element in document.elements {
            for key in ["x", "y", "x1", "y1", "x2", "y2", "width", "height"] {
                guard let value = element.attributes[key], let dot = value.firstIndex(of: ".") else { continue }
                #expect(value.distance(from: dot, to: value.endIndex) <= 3, "\(key)=\(value)")
            }
        }
    }

    @Test func emptyAndNonFiniteInputGiveValidSVG() {
        for curves in [
            [KaplanMeierPlot.Curve](),
            [KaplanMeierPlot.Curve(label: "e", times: [], survival: [], lower: [], upper: [], censorTimes: [],
                                   censorSurvival: [], riskSetTimes: [], riskSetSizes: [])],
        ] {
            let svg = KaplanMeierPlot(title: "Nothing", curves: curves).svg()
            let document = SVGTestDocument(svg)
            #expect(document.isWellFormed)
            #expect(document.elements("text", class: "rp-no-data").count == 1)
        }
        let odd = KaplanMeierPlot.Curve(
            label: "odd", times: [1, .nan, 3, .infinity, 4], survival: [0.9, 0.5, .nan, 0.2, 0.4],
            lower: [nil, 0.1], upper: [1, .infinity, 0.9], censorTimes: [.nan, 4], censorSurvival: [0.3],
            riskSetTimes: [1, 3, .nan], riskSetSizes: [5, 3])
        let svg = KaplanMeierPlot(title: "Odd", curves: [odd], xMax: .nan, atRiskTimes: [.nan, 0, 2, 1e300]).svg()
        let document = SVGTestDocument(svg)
        #expect(document.isWellFormed, "\(document.parseError ?? "")")
        for element in document.elements {
            for key in ["x", "y", "x1", "y1", "x2", "y2", "d"] {
                let value = (element.attributes[key] ?? "").lowercased()
                #expect(!value.contains("nan") && !value.contains("inf"), "\(key)=\(value)")
            }
        }
        // At-risk columns: only 0 and 2 lie on the axis (0-4); 5 at risk at 0, 3 at 2.
        #expect(document.elements("text", class: "rp-km-n-risk").map(\.text) == ["5", "3"])
    }

    @Test func differencePanelStepsFromZeroWithAZeroLineAndTheGroupsColour() throws {
        var difference = KaplanMeierPlot.Curve(
            label: "B", times: [1, 2, 4], survival: [0.1, -0.2, 0.05], lower: [0, -0.4, -0.1], upper: [0.2, 0, 0.2],
            censorTimes: [], censorSurvival: [], riskSetTimes: [], riskSetSizes: [])
        difference.initialValue = 0
        Self.expectPoints(KaplanMeierPlot.stepVertices(difference, start: 0, end: 5),
                          [(0, 0), (1, 0), (1, 0.1), (2, 0.1), (2, -0.2), (4, -0.2), (4, 0.05)])
        let panel = KaplanMeierPlot.DifferencePanel(yLabel: "Difference from A", curves: [difference])
        let domain = panel.domain
        #expect(abs(domain.lower - (-0.46)) < 1e-12 && abs(domain.upper - 0.26) < 1e-12, "the limits and a tenth of their span")
        var plot = KaplanMeierPlot(title: "t", curves: [Self.fivePoint, Self.fivePoint])
        let without = SVGTestDocument(plot.svg())
        plot.differences = panel
        let document = SVGTestDocument(plot.svg())
        #expect(document.isWellFormed, "\(document.parseError ?? "")")
        #expect(without.elements("g", class: "rp-km-differences").isEmpty)
        #expect(document.elements("g", class: "rp-km-differences").count == 1)
        let curves = document.elements.filter { $0.name == "g" && $0.attributes["class"] == "rp-km-curve" }
        #expect(curves.count == 3, "two curves above, one difference below")
        let strokes = document.elements.filter { $0.name == "path" && $0.attributes["stroke-width"] == "2" }.map { $0.attributes["stroke"] }
        #expect(strokes.count == 3 && strokes[2] == strokes[1], "the difference has the colour of the second group")
        #expect(document.elements.contains { $0.name == "line" && $0.attributes["stroke-dasharray"] == "4 3" }, "the line at 0")
        #expect(document.elements.contains { $0.name == "text" && $0.text == "Difference from A" })
        let height = { (d: SVGTestDocument) in Double(d.elements.first { $0.name == "svg" }?.attributes["height"] ?? "") ?? 0 }
        #expect(height(document) > height(without) + KaplanMeierPlot.differenceHeight)
    }
}
