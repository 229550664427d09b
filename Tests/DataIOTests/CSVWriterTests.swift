import Foundation
import Testing
@testable import DataIO

@Suite struct CSVWriterTests {
    @Test func plainFieldsAreNotQuoted() {
        let w = CSVWriter()
        #expect(w.string(header: ["a", "b"], rows: [["1", "x y"]]) == "a,b\n1,x y\n")
    }

    @Test func specialFieldsAreQuotedAndQuotesDoubled() {
        let w = CSVWriter()
        #expect(w.encodeField("x,y") == "\"x,y\"")
        #expect(w.encodeField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(w.encodeField("two\nlines") == "\"two\nlines\"")
        #expect(w.encodeField("cr\rhere") == "\"cr\rhere\"")
        #expect(w.encodeField("") == "")
        #expect(w.encodeField("semi;colon") == "semi;colon")
    }

    @Test func semicolonDelimiterQuotesSemicolonsOnly() {
        let w = CSVWriter(delimiter: ";")
        #expect(w.encodeField("semi;colon") == "\"semi;colon\"")
        #expect(w.encodeField("a,b") == "a,b")
        #expect(w.encodeRecord(["1", "a;b"]) == "1;\"a;b\"")
    }

    @Test func dataIsUTF8OfString() {
        let w = CSVWriter()
        let rows = [["é", "\"q\""]]
        #expect(w.data(header: ["h1", "h2"], rows: rows) == Data(w.string(header: ["h1", "h2"], rows: rows).utf8))
    }
}
