import Foundation
@testable import Reporting
import Testing

@Suite struct JSONValueTests {
    @Test func nonFiniteNumbersBecomeNull() {
        let value = JSONValue.array([.number(.nan), .number(.infinity), .number(-.infinity), .optional(nil as Double?)])
        #expect(value.serialized(pretty: false) == "[null,null,null,null]")
    }

    @Test func keysKeepTheirOrder() {
        let value = JSONValue.object([("zeta", .integer(1)), ("alpha", .integer(2)), ("mid", .null)])
        #expect(value.serialized(pretty: false) == "{\"zeta\":1,\"alpha\":2,\"mid\":null}")
    }

    @Test func objectsMakeOneObjectPerRowInOrder() {
        let value = JSONValue.objects([(1, "a"), (2, "b")]) { [("n", .integer($0.0)), ("s", .string($0.1))] }
        #expect(value.serialized(pretty: false) == "[{\"n\":1,\"s\":\"a\"},{\"n\":2,\"s\":\"b\"}]")
        #expect(JSONValue.objects([Int]()) { [("n", .integer($0))] } == .array([]))
    }

    @Test func stringsAreEscaped() throws {
        let raw = "q\"b\\s\n\t\u{1B}\u{0}\u{2028}é"
        let text = JSONValue.array([.string(raw)]).serialized(pretty: false)
        #expect(text == "[\"q\\\"b\\\\s\\n\\t\\u001b\\u0000\\u2028é\"]")
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
        #expect(parsed == [raw])
    }

    @Test func numbersKeepFullPrecision() throws {
        let values = [0.1, 1.0 / 3.0, 2.0e-300, 6.02214076e23, 14.0]
        let text = JSONValue.array(values.map(JSONValue.number)).serialized()
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [NSNumber])
        #expect(parsed.map(\.doubleValue) == values)   // exact round trip by construction
    }

    @Test func emptyContainersAndPrettyPrinting() {
        let value = JSONValue.object([("a", .array([])), ("b", .object([])), ("c", .array([.bool(true)]))])
        #expect(value.serialized() == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    true\n  ]\n}")
    }
}
