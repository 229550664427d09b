import Analysis
import DataIO
import Foundation
@testable import Reporting
import Survival
import Testing

/// `relief curves --format svg` and `relief fit cox --format svg` on the bundled trial, read back from
/// the SVG with XMLParser: the drawn numbers are the result's (curves, step heights at their times,
/// numbers at risk, hazard-ratio positions on the log axis).
@Suite("Result figures (curves, forest) read back from the SVG")
struct ResultFigureTests {
    static let trial = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data/ketamine_trial.csv").path

    /// A straight-line map from data values to pixels, read from two tick labels and their positions.
    struct Axis {
        let slope: Double, intercept: Double
        init(_ ticks: [(value: Double, pixel: Double)]) throws {
            let first = try #require(ticks.first), last = try #require(ticks.last)
            try #require(last.value != first.value)
            slope = (last.pixel - first.pixel) / (last.value - first.value)
            intercept = first.pixel - slope * first.value
        }
        func pixel(_ value: Double) -> Double { intercept + slope * value }
        func value(_ pixel: Double) -> Double { (pixel - intercept) / slope }
    }

    /// The vertices of an SVG path `M x y L x y ...` (one subpath).
    static func vertices(_ d: String) -> [(x: Double, y: Double)] {
        let numbers = d.split(whereSeparator: { $0 == " " || $0 == "M" || $0 == "L" }).compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (x: numbers[$0], y: numbers[$0 + 1]) }
    }

    /// The text elements after the first `<g class="...">` of `className` and before the next `<g>`.
    static func texts(in svg: SVGTestDocument, group className: String) -> [SVGTestDocument.Element] {
        guard let start = svg.elements.firstIndex(where: { $0.name == "g" && $0.attributes["class"] == className }) else { return [] }
        return Array(svg.elements[(start + 1)...].prefix { $0.name != "g" }.filter { $0.name == "text" })
    }

    static func number(_ element: SVGTestDocument.Element, _ name: String) -> Double {
        element.attributes[name].flatMap(Double.init) ?? .nan
    }

    @Test func kaplanMeierFigureDrawsEachGroupsStepsAndNumbersAtRisk() throws {
        var roles = ColumnRoles()
        roles.by = ["dose_group"]
        let output = try CurvesRequest(source: DataSource(path: Self.trial, roles: roles)).run()
        let summary = output.result.summary
        let svg = SVGTestDocument(output.rendered(.svg))
        #expect(svg.isWellFormed, "\(svg.parseError ?? "")")
        #expect(svg.elements.first?.name == "svg")

        // One curve (step path) per group.
        let curveGroups = svg.elements.indices.filter { svg.elements[$0].name == "g" && svg.elements[$0].attributes["class"] == "rp-km-curve" }
        #expect(curveGroups.count == summary.groups.count)
        #expect(summary.groups.count >= 2)

        let xTicks = svg.elements("text", class: "rp-x-tick").map { (value: Double($0.text) ?? .nan, pixel: Self.number($0, "x")) }
        let yTicks = Self.texts(in: svg, group: "rp-y-axis").map { (value: Double($0.text) ?? .nan, pixel: Self.number($0, "y") - 4) }
        #expect(xTicks.count >= 3 && yTicks.count >= 3)
        let x = try Axis(xTicks), y = try Axis(yTicks)

        for (curveIndex, elementIndex) in curveGroups.enumerated() {
            let fit = summary.groups[curveIndex].fit
            let path = try #require(svg.elements[elementIndex + 1].attributes["d"])
            let points = Self.vertices(path)
            #expect(points.first.map { abs(y.value($0.y) - 1) < 1e-4 } == true, "curve \(curveIndex) starts at S = 1")
            // Every vertical drop sits at an event time and falls to S(t) there.
            var drops = 0
            for (a, b) in zip(points, points.dropFirst()) where abs(a.x - b.x) < 1e-9 && abs(a.y - b.y) > 1e-9 {
                let time = x.value(b.x)
                let j = try #require(fit.times.indices.min { abs(fit.times[$0] - time) < abs(fit.times[$1] - time) })
                #expect(abs(fit.times[j] - time) < 0.005, "drop at \(time) is no time of the fit")
                #expect(abs(y.value(b.y) - fit.survival[j]) < 1e-4, "S(\(fit.times[j])) drawn \(y.value(b.y)), fit \(fit.survival[j])")
                #expect(fit.eventCounts[j] > 0)
                drops += 1
            }
            let changes = fit.times.indices.filter { j in fit.survival[j] != (j == 0 ? 1 : fit.survival[j - 1]) }.count
            #expect(drops == changes, "curve \(curveIndex): \(drops) drops for \(changes) changes of S")
        }

        // The numbers at risk: one row per group, one column per x tick, each the fit's count at that tick.
        let atRisk = Self.texts(in: svg, group: "rp-km-at-risk").filter { $0.attributes["class"] == "rp-km-n-risk" }
        #expect(atRisk.count == xTicks.count * summary.groups.count)
        for (index, text) in atRisk.enumerated() {
            let fit = summary.groups[index / xTicks.count].fit
            let tick = try #require(xTicks.first { abs($0.pixel - Self.number(text, "x")) < 1e-9 })
            #expect(Int(text.text) == fit.numberAtRisk(at: tick.value), "at risk at \(tick.value): \(text.text)")
        }
        #expect(svg.elements("path", class: "rp-km-censor").count == summary.groups.count)
    }

    @Test func compareFigureDrawsEachGroupsCurveReferenceFirst() throws {
        var roles = ColumnRoles()
        roles.by = ["dose_group"]
        let request = try CompareRequest(
            source: DataSource(path: Self.trial, roles: roles),
            comparison: KaplanMeierComparison(reference: "low", bootstrapReplicates: 0))
        let output = try request.run()
        let svg = SVGTestDocument(output.rendered(.svg))
        #expect(svg.isWellFormed, "\(svg.parseError ?? "")")
        let groups = output.result.comparison.groups
        let panel = Self.differencePanelStart(svg)
        let curves = svg.elements.indices.filter { $0 < panel && svg.elements[$0].name == "g" && svg.elements[$0].attributes["class"] == "rp-km-curve" }
        #expect(curves.count == groups.count)
        let xTicks = svg.elements[..<panel].filter { $0.name == "text" && $0.attributes["class"] == "rp-x-tick" }
            .map { (value: Double($0.text) ?? .nan, pixel: Self.number($0, "x")) }
        let atRisk = Self.texts(in: svg, group: "rp-km-at-risk").filter { $0.attributes["class"] == "rp-km-n-risk" }
        let ordered = groups.filter { $0.level == "low" } + groups.filter { $0.level != "low" }
        #expect(atRisk.count == xTicks.count * ordered.count)
        for (index, text) in atRisk.enumerated() where index / max(xTicks.count, 1) < ordered.count {
            let fit = ordered[index / xTicks.count].fit
            let tick = try #require(xTicks.first { abs($0.pixel - Self.number(text, "x")) < 1e-9 })
            #expect(Int(text.text) == fit.numberAtRisk(at: tick.value), "at risk at \(tick.value): \(text.text)")
        }
        #expect(atRisk.first.flatMap { Int($0.text) } == ordered.first?.n, "the reference's row first, all at risk at 0")
        // The lower panel: the high group's Kaplan–Meier difference from low, read back at each step.
        let contrast = try #require(output.result.comparison.contrasts.first)
        try Self.expectDifferencePanel(svg, from: panel, times: contrast.differenceCurve.map(\.time),
                                       differences: contrast.differenceCurve.map(\.difference.estimate), steps: true)
        let html = output.rendered(.html)
        #expect(html.contains("<svg") && html.contains("rmst_difference"))
    }

    @Test func adjustedCompareFigureDrawsTheStandardisedCurves() throws {
        var roles = ColumnRoles()
        roles.by = ["dose_group"]
        let request = try CompareRequest(
            source: DataSource(path: Self.trial, roles: roles),
            comparison: KaplanMeierComparison(reference: "low", bootstrapReplicates: 0), adjust: "baseline_pain + condition")
        let output = try request.run()
        let adjusted = try #require(output.result.adjusted)
        let svg = SVGTestDocument(output.rendered(.svg))
        #expect(svg.isWellFormed, "\(svg.parseError ?? "")")
        #expect(svg.elements("path", class: "rp-km-censor").isEmpty, "no censoring marks on a model's curve")
        let panel = Self.differencePanelStart(svg)
        let xTicks = svg.elements[..<panel].filter { $0.name == "text" && $0.attributes["class"] == "rp-x-tick" }
            .map { (value: Double($0.text) ?? .nan, pixel: Self.number($0, "x")) }
        let yTicks = Self.texts(in: svg, group: "rp-y-axis").map { (value: Double($0.text) ?? .nan, pixel: Self.number($0, "y") - 4) }
        let x = try Axis(xTicks), y = try Axis(yTicks)
        let curves = svg.elements.indices.filter { $0 < panel && svg.elements[$0].name == "g" && svg.elements[$0].attributes["class"] == "rp-km-curve" }
        let ordered = ["low", "high"]
        #expect(curves.count == ordered.count)
        for (index, element) in curves.enumerated() where index < ordered.count {
            let group = try #require(adjusted.curves.first { $0.level == ordered[index] })
            let points = Self.vertices(try #require(svg.elements[element + 1].attributes["d"]))
            #expect(points.count == adjusted.curveTimes.count + 1, "a vertex per grid time, from (0, 1)")
            for (point, (time, estimate)) in zip(points.dropFirst(), zip(adjusted.curveTimes, group.survival)) where time <= x.value(points.last?.x ?? 0) + 1e-9 {
                #expect(abs(x.value(point.x) - time) < 1e-3 && abs(y.value(point.y) - estimate.estimate) < 1e-4,
                        "\(ordered[index]) at \(time): drawn \(y.value(point.y)), adjusted \(estimate.estimate)")
            }
        }
        let difference = try #require(adjusted.curveContrasts.first)
        try Self.expectDifferencePanel(svg, from: panel, times: adjusted.curveTimes, differences: difference.survival.map(\.estimate), steps: false)
    }

    /// With `--strata` the curves stay the groups' unstratified Kaplan–Meier curves and the lower panel
    /// draws the stratum-weighted difference (a step at every time of the cells' curves), named in the title.
    @Test func stratifiedCompareFigureDrawsTheWeightedDifference() throws {
        var roles = ColumnRoles()
        roles.by = ["dose_group"]
        roles.strata = "condition"
        let output = try CompareRequest(source: DataSource(path: Self.trial, roles: roles),
                                        comparison: KaplanMeierComparison(reference: "low", times: [14])).run()
        let svg = SVGTestDocument(output.rendered(.svg))
        #expect(svg.isWellFormed, "\(svg.parseError ?? "")")
        #expect(svg.elements.contains { $0.name == "text" && $0.text.contains("difference within condition strata") })
        let panel = Self.differencePanelStart(svg)
        let curves = svg.elements.indices.filter { $0 < panel && svg.elements[$0].name == "g" && svg.elements[$0].attributes["class"] == "rp-km-curve" }
        #expect(curves.count == 2)
        #expect(svg.elements("path", class: "rp-km-censor").count == 2, "the unstratified curves keep their censoring marks")
        let contrast = try #require(output.result.comparison.contrasts.first)
        #expect(contrast.differenceCurve.count > 100)
        try Self.expectDifferencePanel(svg, from: panel, times: contrast.differenceCurve.map(\.time),
                                       differences: contrast.differenceCurve.map(\.difference.estimate), steps: true)
        let html = output.rendered(.html)
        #expect(html.contains("<svg") && html.contains("stratum-size-weighted"))
    }

    /// The index of the compare figure's difference panel group (the element count when there is none).
    static func differencePanelStart(_ svg: SVGTestDocument) -> Int {
        svg.elements.firstIndex { $0.name == "g" && $0.attributes["class"] == "rp-km-differences" } ?? svg.elements.count
    }

    /// Reads the difference panel's one curve back through its own axes: a vertex per step (or per grid
    /// time) at the result's difference, from (0, 0).
    static func expectDifferencePanel(_ svg: SVGTestDocument, from panel: Int, times: [Double], differences: [Double], steps: Bool,
                                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let lower = Array(svg.elements[panel...])
        let xTicks = lower.filter { $0.name == "text" && $0.attributes["class"] == "rp-x-tick" }
            .map { (value: Double($0.text) ?? .nan, pixel: Self.number($0, "x")) }
        let axisStart = try #require(lower.firstIndex { $0.name == "g" && $0.attributes["class"] == "rp-y-axis" })
        let yTicks = lower[(axisStart + 1)...].prefix { $0.name != "g" }.filter { $0.name == "text" }
            .map { (value: Double($0.text) ?? .nan, pixel: Self.number($0, "y") - 4) }
        let x = try Axis(xTicks), y = try Axis(yTicks)
        let group = try #require(lower.firstIndex { $0.name == "g" && $0.attributes["class"] == "rp-km-curve" })
        let points = Self.vertices(try #require(lower[group + 1].attributes["d"]))
        let drawnEnd = x.value(points.last?.x ?? 0) + 1e-9
        var expected: [(Double, Double)] = [(0, 0)]
        var current = 0.0
        for (t, d) in zip(times, differences) where t <= drawnEnd {
            if steps {
                if d != current { expected += [(t, current), (t, d)] }
                current = d
            } else {
                expected.append((t, d))
            }
        }
        if steps, let last = times.last(where: { $0 <= drawnEnd }), let tail = expected.last, last > tail.0 { expected.append((last, current)) }
        #expect(points.count == expected.count, "vertices drawn", sourceLocation: sourceLocation)
        for (point, (t, d)) in zip(points, expected) {
            #expect(abs(x.value(point.x) - t) < 1e-2 && abs(y.value(point.y) - d) < 1e-3,
                    "difference at \(t): drawn (\(x.value(point.x)), \(y.value(point.y))), result \(d)", sourceLocation: sourceLocation)
        }
    }

    @Test func cumulativeHazardFigureDrawsEachGroupsRisingSteps() throws {
        var roles = ColumnRoles()
        roles.by = ["dose_group"]
        let output = try CumulativeHazardRequest(source: DataSource(path: Self.trial, roles: roles)).run()
        let svg = SVGTestDocument(output.rendered(.svg))
        #expect(svg.isWellFormed, "\(svg.parseError ?? "")")
        let xTicks = svg.elements("text", class: "rp-x-tick").map { (value: Double($0.text) ?? .nan, pixel: Self.number($0, "x")) }
        let yTicks = Self.texts(in: svg, group: "rp-y-axis").map { (value: Double($0.text) ?? .nan, pixel: Self.number($0, "y") - 4) }
        let x = try Axis(xTicks), y = try Axis(yTicks)
        #expect((yTicks.last?.value ?? 0) > 1, "the y axis runs past 1 to the largest hazard")
        let curves = svg.elements.indices.filter { svg.elements[$0].name == "g" && svg.elements[$0].attributes["class"] == "rp-km-curve" }
        #expect(curves.count == output.result.fits.count)
        for (element, fit) in zip(curves, output.result.fits) {
            let points = Self.vertices(try #require(svg.elements[element + 1].attributes["d"]))
            // Steps from (0, 0): at each time where H rises, a vertex at the old and one at the new height.
            var expected: [(Double, Double)] = [(0, 0)]
            var current = 0.0
            for (t, h) in zip(fit.counts.times, fit.cumulativeHazard) where h != current {
                expected += [(t, current), (t, h)]
                current = h
            }
            #expect(points.count >= expected.count - 1 && points.count <= expected.count + 1, "vertices \(points.count) vs \(expected.count)")
            for (point, (t, h)) in zip(points, expected) {
                #expect(abs(x.value(point.x) - t) < 1e-2 && abs(y.value(point.y) - h) < 1e-2,
                        "H at \(t): drawn (\(x.value(point.x)), \(y.value(point.y))), fit \(h)")
            }
        }
        #expect(output.rendered(.html).contains("<svg"))
    }

    @Test func forestPlotPutsEachHazardRatioAtItsLogPosition() throws {
        let specification = ModelSpecification(formula: "dose_group + baseline_pain + condition")
        let output = try FitRequest(source: DataSource(path: Self.trial), model: .cox, specification: specification).run()
        let rows = ForestRows(output.result).rows
        let svg = SVGTestDocument(output.rendered(.svg))
        #expect(svg.isWellFormed, "\(svg.parseError ?? "")")
        let ticks = svg.elements("text", class: "rp-x-tick").map { (value: log10(Double($0.text) ?? .nan), pixel: Self.number($0, "x")) }
        let axis = try Axis(ticks)
        let points = svg.elements("rect", class: "rp-forest-point")
        #expect(points.count == rows.count)
        #expect(rows.count >= 3)
        for (row, point) in zip(rows, points) {
            let hazardRatio = try #require(row.estimate)
            let centre = Self.number(point, "x") + Self.number(point, "width") / 2
            #expect(abs(axis.value(centre) - log10(hazardRatio)) < 1e-4, "\(row.label): drawn at log10 HR \(axis.value(centre))")
        }
        // The numbers column shows each ratio to 3 significant digits.
        let estimates = svg.elements("text", class: "rp-forest-estimate").map(\.text)
        for row in rows {
            let estimate = try #require(row.estimate)
            let text = try #require(SVGNumber.ratio(estimate))
            #expect(estimates.contains { $0.hasPrefix(text + " (") }, "\(row.label): \(text)")
        }
    }

    @Test func formatsAreCheckedPerRequest() throws {
        #expect(CurvesRequest.outputFormats == [.table, .markdown, .csv, .json, .svg, .html])
        #expect(SummaryRequest.outputFormats == [.table, .markdown, .csv, .json])
        #expect(SummaryRequest.formatHelp == "Output format: table, markdown, csv or json.")
        let summary = SummaryRequest(source: DataSource(path: Self.trial))
        #expect(throws: AnalysisError.self) { try summary.check(format: .svg) }
        let hazard = CumulativeHazardRequest(source: DataSource(path: Self.trial))
        try hazard.check(format: .html)
        #expect(CumulativeHazardRequest.outputFormats == CurvesRequest.outputFormats, "the cumulative hazard has its figure too")
        try CurvesRequest(source: DataSource(path: Self.trial)).check(format: .svg)
    }
}
