import Foundation
import NumericCore

extension LocationScaleFamily {
    /// The standard (minimum) extreme-value distribution, the error of a Weibull model on the log scale:
    /// `S₀(z) = exp(−e^z)`, `f₀(z) = exp(z − e^z)`, `F₀⁻¹(p) = log(−log(1 − p))`.
    ///
    /// `log f₀ = z − e^z` (derivatives `1 − e^z`, `−e^z`); `log S₀ = −e^z` (both derivatives `−e^z`).
    public static let extremeValue = LocationScaleFamily(
        name: "Extreme value",
        density: { z in exp(z - exp(z)) },
        survival: { z in exp(-exp(z)) },
        quantile: { p in log(-log1p(-p)) },
        logDensity: { z in
            let w = exp(z)
            return LogDerivatives(value: z - w, first: 1 - w, second: -w)
        },
        logSurvival: { z in
            let w = exp(z)
            return LogDerivatives(value: -w, first: -w, second: -w)
        },
        initialLocationShift: 0.572, initialVarianceDivisor: 1.64)

    /// The standard logistic distribution, the error of a log-logistic model:
    /// `F₀(z) = 1 / (1 + e^{−z})`, `f₀ = F₀(1 − F₀)`, `F₀⁻¹(p) = log(p / (1 − p))`.
    ///
    /// `log f₀ = −|z| − 2 log(1 + e^{−|z|})` (derivatives `1 − 2F₀`, `−2F₀(1 − F₀)`);
    /// `log S₀ = −max(z, 0) − log(1 + e^{−|z|})` (derivatives `−F₀`, `−F₀(1 − F₀)`). Only `e^{−|z|}` is
    /// evaluated, so nothing overflows.
    public static let logistic = LocationScaleFamily(
        name: "Logistic",
        density: { z in
            let e = exp(-abs(z))
            return e / ((1 + e) * (1 + e))
        },
        survival: { z in
            let e = exp(-abs(z))
            return z > 0 ? e / (1 + e) : 1 / (1 + e)
        },
        quantile: { p in log(p) - log1p(-p) },
        logDensity: { z in
            let e = exp(-abs(z))
            let fOneMinusF = e / ((1 + e) * (1 + e))
            let first = z > 0 ? -(1 - e) / (1 + e) : (1 - e) / (1 + e)
            return LogDerivatives(value: -abs(z) - 2 * log1p(e), first: first, second: -2 * fOneMinusF)
        },
        logSurvival: { z in
            let e = exp(-abs(z))
            let cdf = z > 0 ? 1 / (1 + e) : e / (1 + e)
            let fOneMinusF = e / ((1 + e) * (1 + e))
            return LogDerivatives(value: -max(z, 0) - log1p(e), first: -cdf, second: -fOneMinusF)
        },
        initialLocationShift: 0, initialVarianceDivisor: 3.2)

    /// The standard normal distribution, the error of a log-normal model:
    /// `f₀ = φ`, `S₀ = 1 − Φ`, `F₀⁻¹ = Φ⁻¹` (NumericCore's `Normal`).
    ///
    /// `log f₀ = −z²/2 − log √(2π)` (derivatives `−z`, `−1`); `log S₀ = log(1 − Φ(z))` with the inverse
    /// Mills ratio `h = φ / (1 − Φ)`: derivatives `−h` and `−h (h − z)`. Beyond `z = 37`, where
    /// `1 − Φ` underflows, `h = z / (1 − z⁻² + 3z⁻⁴ − 15z⁻⁶)` and `log(1 − Φ) = log φ − log h`.
    public static let gaussian = LocationScaleFamily(
        name: "Gaussian",
        density: { z in Normal.density(z) },
        survival: { z in Normal.survival(z) },
        quantile: { p in Normal.quantile(p) },
        logDensity: { z in
            LogDerivatives(value: -0.5 * z * z - 0.918_938_533_204_672_741_780_329_736_4, first: -z, second: -1)
        },
        logSurvival: { z in
            let upper = Normal.survival(z)
            let h: Double
            let value: Double
            if z < 37, upper > 0 {
                h = Normal.density(z) / upper
                value = log(upper)
            } else {
                let inverseSquare = 1 / (z * z)
                h = z / (1 - inverseSquare + 3 * inverseSquare * inverseSquare
                    - 15 * inverseSquare * inverseSquare * inverseSquare)
                value = -0.5 * z * z - 0.918_938_533_204_672_741_780_329_736_4 - log(h)
            }
            return LogDerivatives(value: value, first: -h, second: -h * (h - z))
        },
        initialLocationShift: 0, initialVarianceDivisor: 1)
}
