extension KaplanMeierPlot {
    /// The vertices, in data coordinates, of a curve's step function from (`start`, its initial value, 1
    /// for a survival curve) up to `end`.
    ///
    /// At each time where S changes the path runs horizontally to (t, S before) and drops to (t, S);
    /// censor-only times add no vertex. The path ends at the last time, or at `end` when the curve goes
    /// on beyond it. Times before `start` are drawn at `start`. A continuous curve's vertices are its
    /// points within `start...end`.
    /// - Parameters:
    ///   - curve: The curve.
    ///   - start: The left end of the x axis.
    ///   - end: The right end of the x axis.
    /// - Returns: The vertices; empty when the curve has no finite point.
    package static func stepVertices(_ curve: Curve, start: Double, end: Double) -> [(x: Double, y: Double)] {
        let points = curve.finitePoints
        guard let last = points.last else { return [] }
        if curve.isContinuous {
            return points.filter { $0.time >= start && $0.time <= end }.map { (x: $0.time, y: $0.survival) }
        }
        var vertices: [(x: Double, y: Double)] = [(x: start, y: curve.initialValue)]
        var current = curve.initialValue
        for point in points {
            guard point.time <= end else { break }
            let x = max(point.time, start)
            if point.survival != current {
                vertices.append((x: x, y: current))
                vertices.append((x: x, y: point.survival))
                current = point.survival
            }
        }
        let finish = min(max(last.time, start), end)
        if let tail = vertices.last, finish > tail.x {
            vertices.append((x: finish, y: current))
        }
        return vertices
    }

    /// Closed step-shaped polygons of the confidence band, in data coordinates: one per run of
    /// consecutive times whose two limits are both present and finite (a nil limit ends the run).
    ///
    /// Each time's limits hold from that time to the next (or to the end of the curve); a continuous
    /// curve's band joins its limits with straight segments.
    /// - Parameters:
    ///   - curve: The curve.
    ///   - start: The left end of the x axis.
    ///   - end: The right end of the x axis.
    /// - Returns: The polygons: the upper edge left to right, then the lower edge right to left.
    package static func bandPolygons(_ curve: Curve, start: Double, end: Double) -> [[(x: Double, y: Double)]] {
        let points = curve.finitePoints.filter { $0.time <= end }
        guard let lastTime = curve.finitePoints.last?.time else { return [] }
        let finish = min(max(lastTime, start), end)
        var polygons: [[(x: Double, y: Double)]] = []
        var upperEdge: [(x: Double, y: Double)] = []
        var lowerEdge: [(x: Double, y: Double)] = []
        func flush() {
            if !upperEdge.isEmpty { polygons.append(upperEdge + lowerEdge.reversed()) }
            upperEdge = []
            lowerEdge = []
        }
        for (i, point) in points.enumerated() {
            guard let low = point.lower, let high = point.upper, low.isFinite, high.isFinite else {
                flush()
                continue
            }
            if curve.isContinuous {   // a smooth band through the sampled limits
                guard point.time >= start else { continue }
                upperEdge.append((x: point.time, y: high))
                lowerEdge.append((x: point.time, y: low))
                continue
            }
            let from = max(point.time, start)
            let to = i + 1 < points.count ? max(points[i + 1].time, start) : finish
            upperEdge.append((x: from, y: high))
            upperEdge.append((x: to, y: high))
            lowerEdge.append((x: from, y: low))
            lowerEdge.append((x: to, y: low))
        }
        flush()
        return polygons
    }
}
