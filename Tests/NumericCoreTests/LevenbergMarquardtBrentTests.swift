import Foundation
@testable import NumericCore
import Testing

/// BrentMinimizer is a port of R's optimize(); reference values from R 4.2 (`sprintf("%.17g")`).
@Suite("Brent minimiser (R optimize)")
struct LevenbergMarquardtBrentTests {
    @Test("optimize(function(x) (x-1/3)^2, c(0, 1)) = 0.33333333333333331, exactly as R")
    func quadratic() throws {
        let r = try BrentMinimizer().minimize(lower: 0, upper: 1) { ($0 - 1.0 / 3) * ($0 - 1.0 / 3) }
        #expect(abs(r.minimum - 0.33333333333333331) < 1e-15)
    }

    @Test("a multimodal criterion lands on R's local minimum 5.1851931170171772 (tol = sqrt(eps)) to 1e-12")
    func multimodal() throws {
        let r = try BrentMinimizer(tolerance: Double.ulpOfOne.squareRoot()).minimize(lower: 0, upper: 6) { sin($0) + cos(3 * $0) }
        #expect(abs(r.minimum - 5.1851931170171772) < 1e-12)
        #expect(abs(r.objective - -1.8787068501198947) < 1e-12)
    }

    @Test("R's help-page example with a flat region returns 19.999952571773466 to 1e-12")
    func flatRegion() throws {
        let r = try BrentMinimizer().minimize(lower: -4, upper: 20) { x in
            x > -1 ? (x < 4 ? exp(-1 / abs(x - 1)) : 10) : 10
        }
        #expect(abs(r.minimum - 19.999952571773466) < 1e-12)
    }

    @Test("reversed or infinite intervals throw")
    func errors() {
        #expect(throws: LevenbergMarquardtError.self) { try BrentMinimizer().minimize(lower: 1, upper: 0) { $0 } }
        #expect(throws: LevenbergMarquardtError.self) { try BrentMinimizer().minimize(lower: 0, upper: .infinity) { $0 } }
    }
}
