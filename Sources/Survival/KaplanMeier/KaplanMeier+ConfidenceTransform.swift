import Foundation

extension KaplanMeier {
    /// Pointwise confidence-interval transform for S(t), R's `conf.type` (`survfit_confint`).
    ///
    /// With `σ` = Greenwood SE of `log S` and `z` the normal critical value:
    /// - `log` (R's default): `S·exp(∓zσ)`, the upper limit capped at 1; undefined (nil) where `S = 0`.
    /// - `logLog`: `exp(-exp(log(-log S) ∓ zσ/log S))`; undefined where `S = 0` or `S = 1`.
    /// - `plain`: `S ∓ zσS`, clipped to [0, 1]; undefined where `S = 0` after a time with `n = d`
    ///   (σ infinite, as R's NaN).
    /// - `logit`: `1 − 1/(1 + exp(log(S/(1−S)) ∓ zσ/(1−S)))`; undefined where `S = 0`.
    /// - `arcsin`: `sin²(arcsin √S ∓ ½zσ√(S/(1−S)))`, the angle kept in [0, π/2]; undefined where `S = 0`
    ///   (the arcsine-square-root band of Klein & Moeschberger 4.4 when `zσ` is the band's half-width).
    public enum ConfidenceTransform: String, Sendable, CaseIterable, Equatable {
        /// `conf.type = "log"`: symmetric on log S (R's default).
        case log
        /// `conf.type = "log-log"`: symmetric on log(-log S).
        case logLog = "log-log"
        /// `conf.type = "plain"`: symmetric on S, clipped to [0, 1].
        case plain
        /// `conf.type = "logit"`: symmetric on log(S/(1−S)).
        case logit
        /// `conf.type = "arcsin"`: symmetric on arcsin(√S).
        case arcsin

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
            case .logit:
                guard s > 0 else { return (nil, nil) }
                let half = z * se * (1 + s / (1 - s))
                let centre = Foundation.log(s / (1 - s))
                let lo = 1 - 1 / (1 + Foundation.exp(centre - half))
                let hi = 1 - 1 / (1 + Foundation.exp(centre + half))
                return (lo.isNaN ? nil : lo, hi.isNaN ? nil : hi)
            case .arcsin:
                guard s > 0 else { return (nil, nil) }
                let half = 0.5 * z * se * (s / (1 - s)).squareRoot()
                guard !half.isNaN else { return (nil, nil) }   // S = 1 with SE 0: R's NA
                let angle = Foundation.asin(s.squareRoot())
                let lo = Foundation.pow(Foundation.sin(Swift.max(0, angle - half)), 2)
                let hi = Foundation.pow(Foundation.sin(Swift.min(Double.pi / 2, angle + half)), 2)
                return (lo.isNaN ? nil : lo, hi.isNaN ? nil : hi)
            }
        }
    }
}
