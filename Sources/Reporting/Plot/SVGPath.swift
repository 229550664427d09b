/// Path data (`d` attribute) built from pixel coordinates: `M x y L x y ... Z`.
///
/// Non-finite points are skipped; the next finite point starts a new subpath, so a gap in the data
/// shows as a gap in the line.
package struct SVGPath {
    /// The path data so far.
    private(set) var data = ""
    /// Whether the next point starts a subpath (`M`) rather than continuing it (`L`).
    private var needsMove = true

    /// Whether nothing has been drawn.
    package var isEmpty: Bool { data.isEmpty }

    /// Continues the current subpath to (x, y), or starts one; a non-finite point breaks the subpath.
    package mutating func add(_ x: Double, _ y: Double) {
        guard x.isFinite, y.isFinite else {
            needsMove = true
            return
        }
        if !data.isEmpty { data += " " }
        data += (needsMove ? "M" : "L") + SVGNumber.coordinate(x) + " " + SVGNumber.coordinate(y)
        needsMove = false
    }

    /// Ends the current subpath so that the next point starts a new one.
    package mutating func breakLine() {
        needsMove = true
    }

    /// Closes the current subpath (`Z`).
    package mutating func closeSubpath() {
        guard !data.isEmpty, !needsMove else { return }
        data += " Z"
        needsMove = true
    }
}
