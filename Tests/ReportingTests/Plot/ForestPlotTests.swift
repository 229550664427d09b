@testable import Reporting
import Testing

@Suite struct ForestPlotTests {
    static let rows: [ForestPlot.Row] = [
        .header("dose_group"),
        .reference("low"),
        .init(label: "high", estimate: 1.52, lower: 1.38, upper: 1.67),
        .init(label: "<script>alert(1)</script>", estimate: 0.83, lower: 0.61, upper: 1.12),
        .init(label: "not estimable", estimate: nil, lower: nil, upper: nil),
    ]

    @Test func rowsShowLabelsAndNumbers() {
        let svg = ForestPlot(rows: Self.rows, xLabel: "Time ratio (95% CI), log scale").svg()
        let document = SVGTestDocument(svg)
        #expect(document.isWellFormed, "\(document.parseError ?? "")")
        #expect(!svg.contains("<script"))
        let texts = document.elements("text").map(\.text)
        #expect(texts.contains("<script>alert(1)</script>"))
        #expect(document.elements("text", class: "rp-forest-estimate").map(\.text)
            == ["", "reference", "1.52 (1.38, 1.67)", "0.830 (0.610, 1.12)", "not estimable"])
        #expect(document.elements("rect", class: "rp-forest-point").count == 2)
        #expect(document.elements("path", class: "rp-forest-arrow").isEmpty)
        #expect(document.elements("line", class: "rp-reference").first?.attributes["stroke-dasharray"] == "2 3")
        #expect(texts.contains("Time ratio (95% CI), log scale"))
        #expect(document.elements("svg").first?.attributes["aria-label"] == "Forest plot")
        #expect(svg == ForestPlot(rows: Self.rows, xLabel: "Time ratio (95% CI), log scale").svg())
    }

    @Test func intervalsPastTheAxisEndInArrows() {
        let rows: [ForestPlot.Row] = [
            .init(label: "both ends", estimate: 1.5, lower: 0.2, upper: 3),     // past 0.5 and 2
            .init(label: "off axis", estimate: 5, lower: 4, upper: 6),          // estimate itself past 2
            .init(label: "inside", estimate: 1, lower: 0.8, upper: 1.2),
            .init(label: "no limits", estimate: 0.9, lower: nil, upper: nil),
        ]
        let plot = ForestPlot(rows: rows, xLabel: "x", xRange: 0.5...2)
        let document = SVGTestDocument(plot.svg())
        #expect(document.isWellFormed)
        #expect(document.elements("path", class: "rp-forest-arrow").count == 3)
        #expect(document.elements("rect", class: "rp-forest-point").count == 3)   // not "off axis"
        // The clipped line ends at the axis ends (the ticks 0.5 and 2 mark them).
        let x = document.elements("text", class: "rp-x-tick")
        #expect(x.first?.text == "0.5" && x.last?.text == "2")
    }

    @Test func automaticAxisCoversEstimatesAndCapsWildLimits() {
        let rows: [ForestPlot.Row] = [.init(label: "wide", estimate: 2, lower: 1e-6, upper: 1e6)]
        let plot = ForestPlot(rows: rows)
        let area = PlotArea(left: 0, top: 0, width: 100, height: 10)
        let scale = plot.xScale(area: area)
        // Estimates and reference span 1-2; limits may widen it to 0.1-20 at most (then 1-2-5 values).
        #expect(scale.lower >= 0.05 - 1e-12 && scale.upper <= 50 + 1e-9)
        #expect(scale.contains(1) && scale.contains(2))
        let document = SVGTestDocument(plot.svg())
        #expect(document.elements("path", class: "rp-forest-arrow").count == 2)
    }

    @Test func emptyAndNonFiniteRows() {
        let empty = SVGTestDocument(ForestPlot(rows: []).svg())
        #expect(empty.isWellFormed)
        #expect(empty.elements("text", class: "rp-no-data").count == 1)
        let odd: [ForestPlot.Row] = [
            .init(label: "nan", estimate: .nan, lower: .nan, upper: .infinity),
            .init(label: "negative", estimate: -1, lower: -2, upper: 0),
        ]
        let document = SVGTestDocument(ForestPlot(rows: odd, referenceValue: .nan).svg())
        #expect(document.isWellFormed)
        #expect(document.elements("rect", class: "rp-forest-point").isEmpty)
    }
}
