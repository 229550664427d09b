import DoseResponse
import Foundation
import NumericCore
import Testing

@Suite("Dose models and fit errors")
struct DoseResponseModelTests {
    static let parameters: [DoseModel: [Double]] = [
        .emax: [0.3, 0.8, 0.2], .sigEmax: [0.3, 0.8, 0.2, 2.5], .linear: [0.3, 0.5], .linlog: [0.3, 0.5],
        .quadratic: [0.3, 1.5, -0.9], .exponential: [0.3, 0.4, 0.7],
    ]

    @Test("analytic gradients agree with central differences to 1e-7", arguments: DoseModel.allCases)
    func gradients(_ model: DoseModel) throws {
        let p = try #require(Self.parameters[model])
        for d in [0.0, 0.05, 0.3, 1.0] {
            let g = model.gradient(dose: d, parameters: p, offset: 0.01)
            for k in p.indices {
                var up = p, down = p
                let h = 1e-6
                up[k] += h
                down[k] -= h
                let numeric = (model.value(dose: d, parameters: up, offset: 0.01)
                    - model.value(dose: d, parameters: down, offset: 0.01)) / (2 * h)
                #expect(abs(g[k] - numeric) < 1e-7, "\(model) d=\(d) k=\(k)")
            }
        }
    }

    @Test("names parse case-insensitively and bounds follow defBnds")
    func namesAndBounds() {
        #expect(DoseModel(name: "SIGEMAX") == .sigEmax)
        #expect(DoseModel(name: "logistic") == nil)
        let b = DoseModel.sigEmax.defaultBounds(maxDose: 2)
        #expect(abs(b[0].lowerBound - 0.002) < 1e-15 && abs(b[0].upperBound - 3) < 1e-15)
        #expect(b[1] == 0.5...10)
        #expect(DoseModel.exponential.defaultBounds(maxDose: 2)[0] == 0.2...4)
        #expect(DoseModel.linear.defaultBounds(maxDose: 2).isEmpty)
    }

    @Test("emax recovers exact data; ED50 over [0, mD] and TD follow DoseFinding's closed forms")
    func exactEmax() throws {
        let truth = [1.0, 2.0, 0.25]
        let levels: [Double] = [0, 0.1, 0.25, 0.5, 0.75, 1]
        let doses: [Double] = levels.flatMap { [$0, $0] }
        let noise: [Double] = [0.01, -0.01]
        var resp: [Double] = []
        for (i, d) in doses.enumerated() { resp.append(DoseModel.emax.value(dose: d, parameters: truth) + noise[i % 2]) }
        let fit = try DoseResponseFit(models: [.emax], targetGain: 1).fit(dose: doses, response: resp)
        let e = try #require(fit.fits.first)
        for (a, b) in zip(e.estimates, truth) { #expect(abs(a - b) < 1e-8) }
        // ED50 relative to max effect on [0, 1]: 0.5·0.25·1/(0.5·1 + 0.25) = 1/6; TD(1) = 1·0.25/(2 − 1).
        #expect(abs((e.effectiveDoses[0].estimate ?? 0) - 1.0 / 6) < 1e-7)
        #expect(abs((e.targetDose?.estimate ?? 0) - 0.25) < 1e-7)
        let ci = try #require(e.effectiveDoses[0].lower)
        #expect(ci < 1.0 / 6)
        #expect(abs(e.aicWeight - 1) < 1e-15)
        #expect(e.curve.count == 51)
        #expect(e.atBound.isEmpty)
    }

    @Test("too few dose levels is a typed error naming the model")
    func tooFewLevels() {
        let dose = [0.0, 0.0, 0.5, 0.5, 1, 1]
        let resp = [1.0, 1.1, 1.6, 1.5, 1.9, 2.0]
        do {
            _ = try DoseResponseFit(models: [.linear, .sigEmax]).fit(dose: dose, response: resp)
            Issue.record("expected tooFewDoseLevels")
        } catch {
            #expect(error == .tooFewDoseLevels(model: .sigEmax, levels: 3, required: 4))
            #expect(error.description.contains("sigEmax"))
        }
    }

    @Test("invalid input and non-positive-definite S are typed errors")
    func badInput() throws {
        let spec = DoseResponseFit(models: [.linear])
        #expect(throws: DoseResponseError.self) { try spec.fit(dose: [], response: []) }
        #expect(throws: DoseResponseError.self) { try spec.fit(dose: [0, 1, .nan], response: [1, 2, 3]) }
        #expect(throws: DoseResponseError.self) { try spec.fit(dose: [0, 1], response: [1]) }
        #expect(throws: DoseResponseError.self) { try DoseResponseFit(models: []).fit(dose: [0, 1, 2], response: [1, 2, 3]) }
        let s = try Matrix(rowMajor: [[1, 2, 0], [2, 1, 0], [0, 0, 1]])
        #expect(throws: DoseResponseError.self) {
            try spec.fit(doses: [0, 1, 2], estimates: [1, 2, 3], covariance: s)
        }
        #expect(throws: DoseResponseError.self) {
            try DoseResponseFit(models: [.emax], confidenceLevel: 1.5).fit(dose: [0, 1, 2, 3], response: [1, 2, 3, 3])
        }
    }
}
