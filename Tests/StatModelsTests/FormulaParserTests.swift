import Regression
import Testing

@Suite struct FormulaParserTests {
    private func labels(_ text: String) throws -> [String] {
        try Formula(text).terms.map(\.label)
    }

    private func error(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> FormulaError? {
        do {
            _ = try Formula(text)
            Issue.record("expected a formula error for \(text)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test func sumsKeepOrderAndDropRepeats() throws {
        #expect(try labels("dose_mg_kg + interval_days + dose_mg_kg") == ["dose_mg_kg", "interval_days"])
        #expect(try labels("~ a + b") == ["a", "b"])
        #expect(try Formula("b + a").variables == ["b", "a"])
    }

    @Test func crossingExpandsAsR() throws {
        #expect(try labels("a * b") == ["a", "b", "a:b"])
        #expect(try labels("a*b*c") == ["a", "b", "c", "a:b", "a:c", "b:c", "a:b:c"])
        #expect(try labels("a * b + c") == ["a", "b", "c", "a:b"])
        #expect(try labels("(a + b) * c") == ["a", "b", "c", "a:c", "b:c"])
        #expect(try labels("(a + b + c)^2") == ["a", "b", "c", "a:b", "a:c", "b:c"])
        #expect(try labels("(a + b)^3") == ["a", "b", "a:b"])
    }

    @Test func precedenceColonBindsTighterThanStarAndPlus() throws {
        // a * b:c = a + b:c + a:b:c
        #expect(try labels("a * b:c") == ["a", "b:c", "a:b:c"])
        #expect(try labels("a + b:c") == ["a", "b:c"])
        #expect(try labels("(a + b):c") == ["a:c", "b:c"])
    }

    @Test func interactionsUseVariableOrderAndDropRepeats() throws {
        // Variables in order of appearance: b, a. The term a:b is labelled b:a; a:a is a.
        #expect(try labels("b + a:b") == ["b", "b:a"])
        #expect(try labels("a:a + a") == ["a"])
        #expect(try labels("a:b + b:a") == ["a:b"])
        // Interactions come after main effects whatever the written order.
        #expect(try labels("condition:cotherapy + condition") == ["condition", "condition:cotherapy"])
    }

    @Test func functionsDeparseAsR() throws {
        #expect(try labels("log(interval_days) + I(dose_mg_kg^2)") == ["log(interval_days)", "I(dose_mg_kg^2)"])
        #expect(try labels("I( x*y ) + I(x/2) + I(-x^2) + I((x+1)^3)") == ["I(x * y)", "I(x/2)", "I(-x^2)", "I((x + 1)^3)"])
        #expect(try labels("ns(dose_mg_kg,df=3)") == ["ns(dose_mg_kg, df = 3)"])
        #expect(try labels("ns(dose_mg_kg, 3)") == ["ns(dose_mg_kg, 3)"])
        #expect(try labels("sqrt(x) + exp(I(x/2)) + log10(x) + I(1e5 * x) + I(x + 0.001)")
            == ["sqrt(x)", "exp(I(x/2))", "log10(x)", "I(1e+05 * x)", "I(x + 0.001)"])
        // The same variable written with other spacing is one variable.
        #expect(try labels("log( x ) + log(x):a") == ["log(x)", "log(x):a"])
        #expect(try labels("`my col` + b") == ["`my col`", "b"])
        #expect(try Formula("`my col` + b").variables == ["my col", "b"])
    }

    @Test func specialsAreNotTerms() throws {
        let f = try Formula("dose_mg_kg * cotherapy + strata(site) + cluster(patient_id)")
        #expect(f.terms.map(\.label) == ["dose_mg_kg", "cotherapy", "dose_mg_kg:cotherapy"])
        #expect(f.strataColumns == ["site"])
        #expect(f.clusterColumn == "patient_id")
        #expect(f.variables == ["dose_mg_kg", "cotherapy", "site", "patient_id"])
        #expect(f.termColumns == ["dose_mg_kg", "cotherapy"])
        #expect(try Formula("x + strata(a, b) + strata(c)").strataColumns == ["a", "b", "c"])
        #expect(f.description == "dose_mg_kg + cotherapy + dose_mg_kg:cotherapy + strata(site) + cluster(patient_id)")
    }

    @Test func variablesListEveryColumnOnce() throws {
        let f = try Formula("I(dose_mg_kg * baseline_pain) + ns(log(interval_days), df = 2) + dose_mg_kg")
        #expect(f.variables == ["dose_mg_kg", "baseline_pain", "interval_days"])
        #expect(f.factors.map(\.kind) == [.transform, .naturalSpline(degreesOfFreedom: 2), .column])
    }

    @Test func doubledOperatorPointsAtTheSecond() throws {
        let e = try #require(error("dose_mg_kg + + x"))
        #expect(e.kind == .syntax)
        #expect(e.offset == 13)
        #expect(e.caretLine == "             ^")
        #expect(e.hint?.contains("remove the extra '+'") == true)
        #expect(e.description == """
            formula error at position 14: expected a term (a column, a function call or '('), found '+'
              dose_mg_kg + + x
                           ^
              hint: remove the extra '+' or put a term between the two
            """)
    }

    @Test(arguments: [
        ("", 0, FormulaError.Kind.syntax, "empty"),
        ("a +", 3, .syntax, "ends after '+'"),
        ("a + (b + c", 4, .syntax, "never closed"),
        ("a + b)", 5, .syntax, "without a matching"),
        ("a b", 2, .syntax, "expected '+', ':' or '*'"),
        ("a - b", 2, .unsupported, "removing terms"),
        ("a + 0", 4, .unsupported, "intercept"),
        ("1 + a", 0, .unsupported, "intercept"),
        ("a / b", 2, .unsupported, "nesting"),
        ("a %in% b", 2, .unsupported, "%in%"),
        ("a + b | c", 6, .unsupported, "'|'"),
        ("x^2", 0, .unsupported, "crossing, not a power"),
        ("poly(x, 2)", 0, .unknownFunction, "unknown function 'poly'"),
        ("log(x, 2)", 5, .unsupported, "one argument"),
        ("ns(x)", 0, .invalidArgument, "degrees of freedom"),
        ("ns(x, df = 0)", 11, .invalidArgument, "whole number"),
        ("ns(x, knots = 3)", 6, .unsupported, "'knots'"),
        ("ns(x, df = z)", 11, .invalidArgument, "must be a number"),
        ("strata(site):dose", 0, .unsupported, "interaction"),
        ("cluster(a, b)", 0, .invalidArgument, "one column"),
        ("log(strata(x))", 4, .unsupported, "term of its own"),
        ("I(a:b)", 3, .unsupported, "sequence operator"),
        ("y ~ x", 2, .unsupported, "right-hand side"),
        ("a + 'b'", 4, .syntax, "quoted strings"),
        ("a + `b", 4, .syntax, "never closed"),
        ("a + 2b", 4, .syntax, "cannot start with a digit"),
        ("a + $", 4, .syntax, "unexpected character"),
        ("a + ()", 5, .syntax, "empty parentheses"),
        ("log(x", 3, .syntax, "never closed"),
        ("cluster(a) + cluster(b)", 13, .invalidArgument, "second cluster"),
    ] as [(String, Int, FormulaError.Kind, String)])
    func errorsPointAtTheOffendingCharacter(text: String, offset: Int, kind: FormulaError.Kind, fragment: String) throws {
        let e = try #require(error(text))
        #expect(e.offset == offset, "\(e.description)")
        #expect(e.kind == kind, "\(e.description)")
        #expect(e.message.contains(fragment), "\(e.description)")
        #expect(e.formula == text)
        #expect(e.caretLine.hasSuffix("^"))
        #expect(e.caretLine.count == offset + e.length)
    }

    @Test func unknownColumnListsColumnsAndSuggests() throws {
        let f = try Formula("dose_mg_kg + log(intervl_days)")
        let columns = ["patient_id", "dose_mg_kg", "interval_days", "condition"]
        #expect(throws: Never.self) { try Formula("dose_mg_kg + condition").checkColumns(columns) }
        do {
            try f.checkColumns(columns)
            Issue.record("expected an unknown-column error")
        } catch {
            #expect(error.kind == .unknownColumn)
            #expect(error.offset == 17)
            #expect(error.length == 12)
            #expect(error.message == "no column 'intervl_days' in the data")
            #expect(error.hint == "did you mean 'interval_days'? the columns are 'patient_id', 'dose_mg_kg', 'interval_days', 'condition'")
        }
        do {
            try Formula("Condition").checkColumns(columns)
            Issue.record("expected an unknown-column error")
        } catch {
            #expect(error.hint?.hasPrefix("did you mean 'condition'?") == true)
        }
        do {
            try Formula("zzz").checkColumns(columns)
            Issue.record("expected an unknown-column error")
        } catch {
            #expect(error.hint?.hasPrefix("the columns are") == true)
        }
    }

    @Test func numbersDeparseAsR() {
        #expect(_RNumberFormat.deparse(2) == "2")
        #expect(_RNumberFormat.deparse(0.5) == "0.5")
        #expect(_RNumberFormat.deparse(1e5) == "1e+05")
        #expect(_RNumberFormat.deparse(10000) == "10000")
        #expect(_RNumberFormat.deparse(0.001) == "0.001")
        #expect(_RNumberFormat.deparse(1e-20) == "1e-20")
        #expect(_RNumberFormat.deparse(123456789012) == "123456789012")
        #expect(_RNumberFormat.deparse(-2.5) == "-2.5")
        #expect(_RNumberFormat.deparse(0.1 + 0.2) == "0.3")
    }
}
