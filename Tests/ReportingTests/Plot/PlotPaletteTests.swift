@testable import Reporting
import Testing

@Suite struct PlotPaletteTests {
    @Test func firstSixSeriesDifferInColourDashAndMarker() {
        let styles = (0..<6).map { PlotPalette.style($0) }
        #expect(Set(styles.map(\.colour)).count == 6)
        #expect(Set(styles.map { $0.dashArray ?? "solid" }).count == 6)
        #expect(Set(styles.map(\.marker)).count == 6)
        #expect(styles[0].colour == "#0072B2")
        #expect(styles[0].dashArray == nil)
        #expect(styles[1].colour == "#D55E00")
        #expect(styles[1].dashArray == "7 3")
    }

    @Test func anyIndexWrapsWithoutTrapping() {
        for index in [6, 7, 35, -1, -6, Int.max, Int.min, Int.min + 1] {
            let style = PlotPalette.style(index)
            #expect(PlotPalette.colours.contains(style.colour), "index \(index)")
        }
        #expect(PlotPalette.style(-1).colour == "#56B4E9")
        // The second cycle reuses the colour but shifts dash and marker.
        let first = PlotPalette.style(0), again = PlotPalette.style(6)
        #expect(first.colour == again.colour)
        #expect(first.dashArray != again.dashArray)
        #expect(first.marker != again.marker)
    }
}
