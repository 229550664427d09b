import Foundation
import Testing
@testable import DataIO

@Suite struct CSVParsingTests {
    @Test func basicFileReadsTimesEventsAndProvenance() throws {
        let path = try TestSupport.fixture("basic.csv")
        let data = try TestSupport.read(path)
        #expect(data.time == [10, 12.5, 20, 5, 0, 7.25])  // exact: short decimals, correctly rounded
        #expect(data.event == [true, false, true, true, false, true])
        #expect(data.exclusions.isEmpty)
        #expect(data.patients == 4)
        #expect(data.patientCodes == [0, 0, 1, 2, 2, 3])
        #expect(data.source.rowsRead == 6)
        #expect(data.source.delimiter == "comma")
        // sha256sum Tests/DataIOTests/Fixtures/basic.csv
        #expect(data.source.sha256 == "a21782b86eb56bb42c10ab8f1a978161bcc2713cb8fef37623fe3a5859df3ef4")
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
        #expect(data.source.byteCount == size)
    }

    @Test func rfc4180QuotingBOMAndCRLF() throws {
        let path = try TestSupport.fixture("rfc4180_bom_crlf.csv")
        let data = try TestSupport.read(path, roles: ColumnRoles(by: ["note"]))
        #expect(data.time == [1.5, 2, 3, 4])
        #expect(data.event == [true, false, true, true])
        let note = try #require(data.groupings.first)
        #expect(note.column == "note")
        // byte order: 'a' < 'p' < 's' < 't'
        #expect(note.levels == ["a,b", "plain", "say \"hi\"", "two\r\nlines"])
        #expect(note.codes == [0, 2, 3, 1])
        #expect(note.scores == nil)
        #expect(!note.isBanded)
        // The record with the embedded line break spans lines 4-5, so the last record is on line 7.
        #expect(data.exclusions == [Exclusion(line: 7, column: "note", reason: "missing note", isMissing: true)])
        #expect(data.source.sha256 == "b1341da4ffe08501ae75606f471598cd8bf58246321ad268afac141d9c4e1c0a")
        #expect(data.source.rowsRead == 5)
    }

    @Test func lineNumbersCountPhysicalLinesInsideQuotes() throws {
        let text = "note,relief_days,relief_ended\n\"x\ny\nz\",1,1\n\"q\",oops,1\n"
        let error = try #require(TestSupport.error(try TestSupport.temporaryFile(text), roles: ColumnRoles(by: ["note"])))
        #expect(error.line == 5)
        #expect(error.column == "relief_days")
        #expect(error.columnNumber == 2)
    }

    @Test(arguments: [64, 97, 1 << 20])
    func smallChunksGiveTheSameResult(chunkSize: Int) throws {
        var text = "patient_id,note,relief_days,relief_ended\r\n"
        for k in 0..<500 {
            let note = k % 3 == 0 ? "\"multi\r\nline, \"\"quoted\"\" \(k % 7)\"" : "n\(k % 5)"
            text += "P\(k / 4),\(note),\(Double(k) * 0.25),\(k % 2)\r\n"
        }
        let path = try TestSupport.temporaryFile(text)
        let reference = try TestSupport.read(path, roles: ColumnRoles(by: ["note"]))
        let chunked = try TestSupport.read(path, roles: ColumnRoles(by: ["note"]), chunkSize: chunkSize)
        #expect(reference.time.count == 500)
        #expect(chunked.time == reference.time)
        #expect(chunked.event == reference.event)
        #expect(chunked.groupings == reference.groupings)
        #expect(chunked.source == reference.source)
        #expect(chunked.patients == 125)
        #expect(reference.groupings.first?.levels.count == 12)  // 5 plain + 7 quoted
    }

    @Test func lastRecordWithoutLineEndAndBlankLines() throws {
        let path = try TestSupport.temporaryFile("\nrelief_days,relief_ended\n1,1\n\n2,0\n\n3,1")
        let data = try TestSupport.read(path)
        #expect(data.time == [1, 2, 3])
        #expect(data.event == [true, false, true])
        #expect(data.source.rowsRead == 3)
    }

    @Test func loneCRAndSpacesAroundUnquotedFields() throws {
        let path = try TestSupport.temporaryFile("relief_days,relief_ended,g\r 1.5 , 1 , a \r2,0,\" b \"\r")
        let data = try TestSupport.read(path, roles: ColumnRoles(by: ["g"]))
        #expect(data.time == [1.5, 2])
        #expect(data.event == [true, false])
        #expect(data.groupings.first?.levels == [" b ", "a"])
    }

    @Test func semicolonWithDecimalCommaIsSniffed() throws {
        let path = try TestSupport.fixture("semicolon_decimal_comma.csv")
        let data = try TestSupport.read(
            path, dialect: CSVDialect(decimalComma: true), roles: ColumnRoles(by: ["dose_mg_kg", "dose_group"]))
        #expect(data.source.delimiter == "semicolon")
        #expect(data.time == [12.5, 3.25, 7, 0.75])
        #expect(data.event == [true, false, true, true])
        let dose = try #require(data.groupings.first)
        #expect(dose.levels == ["0.5", "1"])  // "1,0" and "1" are the same value
        #expect(dose.scores == [0.5, 1])
        #expect(dose.codes == [0, 1, 1, 0])
        #expect(data.groupings.last?.levels == ["high", "low"])
    }

    @Test func explicitSemicolonAndTabDelimiters() throws {
        let semi = try TestSupport.read(
            try TestSupport.fixture("semicolon_no_decimal.csv"), dialect: CSVDialect(delimiter: .semicolon))
        #expect(semi.time == [1, 2])
        let tab = try TestSupport.read(try TestSupport.fixture("tab_separated.tsv"), roles: ColumnRoles(by: ["dose_group"]))
        #expect(tab.source.delimiter == "tab")
        #expect(tab.groupings.first?.levels == ["high", "low"])
        let explicitTab = try TestSupport.read(try TestSupport.fixture("tab_separated.tsv"), dialect: CSVDialect(delimiter: .tab))
        #expect(explicitTab.event == [true, false])
    }

    @Test func sniffingPrefersTheConsistentDelimiter() {
        let sample = Array("a;b;c\n1,5;2;x\n3;4,5;y\n".utf8)
        let chosen = sample.withUnsafeBufferPointer { _DelimiterSniffer.sniff($0, isComplete: true) }
        #expect(chosen == .semicolon)
        let quoted = Array("\"a,b\";c\n1;2\n".utf8)
        #expect(quoted.withUnsafeBufferPointer { _DelimiterSniffer.sniff($0, isComplete: true) } == .semicolon)
        let commas = Array("a,b,c\n1,2,3\n".utf8)
        #expect(commas.withUnsafeBufferPointer { _DelimiterSniffer.sniff($0, isComplete: true) } == .comma)
    }

    @Test func semicolonFileReadWithCommaDelimiterIsReadAsSemicolon() throws {
        let data = try TestSupport.read(
            try TestSupport.fixture("semicolon_no_decimal.csv"), dialect: CSVDialect(delimiter: .comma))
        #expect(data.source.delimiter == "semicolon")
        #expect(data.source.isDelimiterDetected)
    }

    @Test func tabFileReadWithCommaDelimiterSaysSo() throws {
        let path = try TestSupport.temporaryFile("relief_days\trelief_ended\n3\t1\n")
        let error = try #require(TestSupport.error(path, dialect: CSVDialect(delimiter: .comma)))
        #expect(error.kind == .usage)
        #expect(error.message.contains("looks tab-separated"))
        #expect(error.hint?.contains("--delimiter tab") == true)
    }

    @Test func decimalCommaNeedsANonCommaDelimiter() throws {
        let explicit = try #require(TestSupport.error(
            try TestSupport.fixture("basic.csv"), dialect: CSVDialect(delimiter: .comma, decimalComma: true)))
        #expect(explicit.kind == .usage)
        #expect(explicit.message.contains("--decimal-comma"))
        let sniffed = try #require(TestSupport.error(
            try TestSupport.fixture("basic.csv"), dialect: CSVDialect(decimalComma: true)))
        #expect(sniffed.kind == .usage)
        #expect(sniffed.message.contains("comma-separated"))
    }

    @Test func decimalCommaValuesWithoutTheOptionGetAHint() throws {
        let error = try #require(TestSupport.error(try TestSupport.fixture("semicolon_decimal_comma.csv")))
        #expect(error.kind == .badData)
        #expect(error.line == 2)
        #expect(error.column == "relief_days")
        #expect(error.columnNumber == 3)
        #expect(error.message.contains("'12,5'"))
        #expect(error.hint?.contains("--decimal-comma") == true)
        #expect(error.description.hasPrefix(try TestSupport.fixture("semicolon_decimal_comma.csv") + ":2: column 'relief_days' (column 3): "))
    }

    @Test func customMissingTokens() throws {
        let path = try TestSupport.temporaryFile("relief_days,relief_ended\n-99,1\nNA,1\n3,0\n")
        // "NA" is no longer a missing token, so it is an invalid time.
        let error = try #require(TestSupport.error(path, dialect: CSVDialect(missingTokens: ["-99"])))
        #expect(error.line == 3)
        let withSkip = try TestSupport.read(path, dialect: CSVDialect(missingTokens: ["-99"]), roles: ColumnRoles(skipInvalid: true))
        #expect(withSkip.time == [3])
        #expect(withSkip.exclusions.map(\.line) == [2, 3])
        #expect(withSkip.exclusions.map(\.isMissing) == [true, false])
    }

    @Test func delimiterOptionSpellings() {
        #expect(CSVDialect.Delimiter(option: ",") == .comma)
        #expect(CSVDialect.Delimiter(option: "semicolon") == .semicolon)
        #expect(CSVDialect.Delimiter(option: "\\t") == .tab)
        #expect(CSVDialect.Delimiter(option: "\t") == .tab)
        #expect(CSVDialect.Delimiter(option: "TAB") == .tab)
        #expect(CSVDialect.Delimiter(option: "auto") == .auto)
        #expect(CSVDialect.Delimiter(option: "|") == nil)
    }

    @Test func negativeZeroTimeIsZero() throws {
        let data = try TestSupport.read(try TestSupport.temporaryFile("relief_days,relief_ended\n-0,1\n\"0.0\",0\n"))
        #expect(data.time.map(\.sign) == [.plus, .plus])
        #expect(data.time == [0, 0])
    }

    @Test func lenientQuotesOutsideRFC4180() throws {
        // A quote inside an unquoted field is literal; text after a closing quote is kept verbatim.
        let path = try TestSupport.temporaryFile("g,relief_days,relief_ended\n5\"tall,1,1\n\"ab\"c,2,0\n\"x\"\"y\"z,3,1\n")
        let g = try #require(try TestSupport.read(path, roles: ColumnRoles(by: ["g"])).groupings.first)
        #expect(g.codes.map { g.levels[$0] } == ["5\"tall", "abc", "x\"yz"])
    }

    @Test func skipInvalidDoesNotHideAMissingDecimalCommaOption() throws {
        let path = try TestSupport.fixture("semicolon_decimal_comma.csv")
        let error = try #require(TestSupport.error(path, roles: ColumnRoles(skipInvalid: true)))
        #expect(error.line == 2)
        #expect(error.message.contains("3 of 4 rows"))
        #expect(error.hint?.contains("--decimal-comma") == true)
        // One stray decimal comma among many rows is just an invalid row.
        let one = try TestSupport.read(
            try TestSupport.temporaryFile("relief_days;relief_ended\n1;1\n2;0\n2,5;1\n"), roles: ColumnRoles(skipInvalid: true))
        #expect(one.time == [1, 2])
        #expect(one.exclusions.map(\.line) == [4])
    }
}
