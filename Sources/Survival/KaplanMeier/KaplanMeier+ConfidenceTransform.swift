import Foundation

extension KaplanMeier {
    /// Pointwise confidence-interval transform for S(t), R's `conf.type` (`survfit_confint`).
    ///
    /// With `σ` = Greenwood SE of `log S` and `z` the normal critical value:
    /// - `log` (R's default): `S·exp(∓zσ)`, the upper limit capped at 1; undefined (nil) where `S = 0`.
    /// - `logLog`: `exp(-exp(log(-log S) ∓ zσ/log S))`; undefined where `S = 0` or `S = 1`.
    /// - `plain`: `S ∓ zσS`, clipped to [0, 1]; undefined where `S = 0` after a time with `n = d`
    ///   (σ infinite, as R's NaN).
    public enum ConfidenceTransform: String, Sendable, CaseIterable, Equatable {
        /// `conf.type = "log"`: symmetric on log S (R's default).
        case log
        /// `conf.type = "log-log"`: symmetric on log(-log S).
        case logLog = "log-log"
        /// `conf.type = "plain"`: symmetric on S, clipped to [0, 1].
        case plain

        /// Lower and upper limits at one time; nil where R gives NA/NaN.
        /// - Parameters:
        ///   - survival: S(t).
        ///   - logStandardError: Greenwood SE of log S(t) (may be +inf).
        ///   - z: normal critical value.
        /// - Returns: the limits; nil where undefined.
        /// - Complexity: O(1).
        public func limits(survival s: Double, logStandardError se: Double, z: Double)
            -> (lower: Double?, upper: Double?) {
            switch self {
            case .plain:
                let half = se * s * z
                let lo = Swift.max(s - half, 0), hi = Swift.min(s + half, 1)
                guard !half.isNaN else { return (nil, nil) }
                return (lo, hi)
            case .log:
                guard s > 0, s.isFinite else { return (nil, nil) }
                let half = z * se
                let lo = Foundation.exp(Foundation.log(s) - half)
                let hi = Swift.min(Foundation.exp(Foundation.log(s) + half), 1)
                return (lo.isNaN ? nil : lo, hi.isNaN ? nil : hi)
            case .logLog:
                guard s > 0, s < 1 else { return (nil, nil) }
                let logS = Foundation.log(s)
                let half = z * se / logS
                let center = Foundation.log(-logS)
                let lo = Foundation.exp(-Foundation.exp(center - half))
                let hi = Foundation.exp(-Foundation.exp(center + half))
                return (lo.isNaN ? nil : lo, hi.isNaN ? nil : hi)
            }
        }
    }
}
