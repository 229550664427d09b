extension KaplanMeierPlot {
    /// One Kaplan–Meier curve as plain arrays, ready to draw.
    ///
    /// Built from a fitted Kaplan–Meier curve by `init(label:fit:)` (in Analysis) without recomputing
    /// anything, or from arrays by the memberwise initialiser. Non-finite values are skipped when
    /// drawing; arrays of different lengths are read up to the shortest.
    public struct Curve: Sendable, Equatable {
        /// The group label (from the data; escaped when drawn).
        public var label: String
        /// Distinct times, ascending (events and censorings).
        public var times: [Double]
        /// S(t) at each time (right-continuous step function).
        public var survival: [Double]
        /// Lower confidence limit at each time; nil where there is none.
        public var lower: [Double?]
        /// Upper confidence limit at each time; nil where there is none.
        public var upper: [Double?]
        /// Times with at least one censoring (where the censoring marks go).
        public var censorTimes: [Double]
        /// S(t) at each censoring time (the height of its mark).
        public var censorSurvival: [Double]
        /// Times of the risk-set table, ascending (usually `times`).
        public var riskSetTimes: [Double]
        /// Number at risk just before each of `riskSetTimes`.
        public var riskSetSizes: [Int]
        /// Two-sided level of the limits (e.g. 0.95), shown in the legend; nil when unknown.
        public var confidenceLevel: Double?
        /// Whether the curve is a smooth function sampled at `times` (a model's curve), drawn as straight
        /// segments between the points rather than as steps. False for a Kaplan–Meier curve.
        public var isContinuous = false
        /// The value before the first time: 1 for a survival curve, 0 for a difference of two curves.
        public var initialValue = 1.0
        /// The simultaneous band's lower and upper limits at each time (nil outside its range), drawn
        /// as a lighter ribbon under the pointwise band; empty for none.
        public var simultaneousLower: [Double?] = []
        /// The simultaneous band's upper limits (see ``simultaneousLower``).
        public var simultaneousUpper: [Double?] = []
        /// The simultaneous band's name for the legend (e.g. "Hall–Wellner"); nil for none.
        public var simultaneousName: String?

        /// Creates a curve from plain arrays.
        /// - Parameters:
        ///   - label: The group label.
        ///   - times: Distinct times.
        ///   - survival: S(t) per time.
        ///   - lower: Lower limit per time (nil = none).
        ///   - upper: Upper limit per time (nil = none).
        ///   - censorTimes: Times with censorings.
        ///   - censorSurvival: S(t) per censoring time.
        ///   - riskSetTimes: Times of the risk-set table.
        ///   - riskSetSizes: Number at risk just before each of those times.
        ///   - confidenceLevel: Level of the limits, or nil.
        public init(label: String, times: [Double], survival: [Double], lower: [Double?], upper: [Double?],
                    censorTimes: [Double], censorSurvival: [Double], riskSetTimes: [Double],
                    riskSetSizes: [Int], confidenceLevel: Double? = nil) {
            self.label = label
            self.times = times
            self.survival = survival
            self.lower = lower
            self.upper = upper
            self.censorTimes = censorTimes
            self.censorSurvival = censorSurvival
            self.riskSetTimes = riskSetTimes
            self.riskSetSizes = riskSetSizes
            self.confidenceLevel = confidenceLevel
        }

        /// The number at risk at `time`: the risk-set size at the first risk-set time `>= time` (everyone
        /// at or before the first time, 0 after the last), as `KaplanMeierFit.numberAtRisk(at:)` and R's
        /// `summary(survfit, times = t)$n.risk`. 0 for a NaN time or an empty table.
        /// - Parameter time: The time, e.g. a tick of the x axis.
        /// - Returns: The number at risk.
        /// - Complexity: O(m) for m risk-set times (the table need not be sorted).
        public func numberAtRisk(at time: Double) -> Int {
            guard !time.isNaN else { return 0 }
            var best: (time: Double, size: Int)?
            for (t, size) in zip(riskSetTimes, riskSetSizes) where t.isFinite && t >= time {
                if let current = best, current.time <= t { continue }
                best = (time: t, size: size)
            }
            return best?.size ?? 0
        }

        /// The finite (time, S) pairs in ascending time order (ties keep their input order), with the
        /// limits of each.
        package var finitePoints: [(time: Double, survival: Double, lower: Double?, upper: Double?)] {
            let count = min(times.count, survival.count)
            var points: [(index: Int, time: Double, survival: Double, lower: Double?, upper: Double?)] = []
            for i in 0..<count where times[i].isFinite && survival[i].isFinite {
                let low = i < lower.count ? lower[i] : nil
                let high = i < upper.count ? upper[i] : nil
                points.append((index: i, time: times[i], survival: survival[i], lower: low, upper: high))
            }
            points.sort { ($0.time, $0.index) < ($1.time, $1.index) }
            return points.map { (time: $0.time, survival: $0.survival, lower: $0.lower, upper: $0.upper) }
        }
    }
}
