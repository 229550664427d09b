@testable import Reporting
import Testing

@Suite struct DoseResponsePlotTests {
    static let points: [DoseResponsePlot.Point] = [
        .init(dose: 0, estimate: 8, lower: 6, upper: 10, label: "n = 40"),
        .init(dose: 0.5, estimate: 14, lower: nil, upper: 17, label: "<b>n</b>"),
        .init(dose: 1, estimate: 16, lower: 13, upper: 19),
    ]
    static let curve: [DoseResponsePlot.CurvePoint] = [
        .init(dose: 1, estimate: 16.5, lower: 15, upper: 18),
        .init(dose: 0, estimate: 8, lower: 7, upper: 9),
        .init(dose: 0.25, estimate: 12, lower: 11, upper: 13),
        .init(dose: 0.5, estimate: 14, lower: nil, upper: 15),
        .init(dose: 0.75, estimate: .nan, lower: 14, upper: 17),
    ]

    @Test func drawsPointsBarsBandAndLine() {
        let plot = DoseResponsePlot(title: "Relief by dose", points: Self.points, curve: Self.curve,
                                    curveLabel: "emax fit, 95% band", xLabel: "dose", yLabel: "Median relief (days)")
        let svg = plot.svg()
        let document = SVGTestDocument(svg)
        #expect(document.isWellFormed, "\(document.parseError ?? "")")
        #expect(!svg.contains("<b>"))
        #expect(document.elements("text").contains { $0.text == "<b>n</b>" })
        let paths = document.elements("path")
        // Band: doses sorted 0, 0.25 | 0.5 (nil lower) ends the run | 0.75, 1 -> two closed polygons.
        let band = paths.first { $0.attributes["fill-opacity"] == "0.18" }?.attributes["d"] ?? ""
        #expect(band.filter { $0 == "Z" }.count == 2)
        // Line: the NaN estimate at 0.75 breaks it into two subpaths.
        let line = paths.first { $0.attributes["stroke-width"] == "2.2" }?.attributes["d"] ?? ""
        #expect(line.filter { $0 == "M" }.count == 2)
        #expect(line.filter { $0 == "L" }.count == 2)
        // Error bars: 2 + 1 + 2 halves, each a bar and a cap.
        let bars = document.elements("line").filter { $0.attributes["stroke"] == PlotPalette.colours[1] }
        #expect(bars.count == 10)
        let texts = document.elements("text").map(\.text)
        #expect(texts.contains("emax fit, 95% band") && texts.contains("Observed (95% CI)"))
        #expect(svg == plot.svg())
        // x axis from 0 (no negative dose tick) to 1.
        let ticks = document.elements("text", class: "rp-x-tick").map(\.text)
        #expect(ticks.first == "0.0" && ticks.last == "1.0")
    }

    @Test func emptyInputGivesNoDataNote() {
        let plot = DoseResponsePlot(title: "x", points: [],
                                    curve: [.init(dose: 1, estimate: .nan, lower: nil, upper: nil)])
        let document = SVGTestDocument(plot.svg())
        #expect(document.isWellFormed)
        #expect(document.elements("text", class: "rp-no-data").count == 1)
    }
}
