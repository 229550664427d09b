import Foundation
import Testing
@testable import DataIO

@Suite struct FileErrorTests {
    @Test func missingFileAndDirectory() throws {
        let missing = try #require(TestSupport.error("/nonexistent/dir/trial.csv"))
        #expect(missing.kind == .missingInput)
        #expect(missing.kind == .missingInput)
        #expect(missing.message.contains("No such file"))
        let directory = try #require(TestSupport.error(FileManager.default.temporaryDirectory.path))
        #expect(directory.kind == .missingInput)
        #expect(directory.message.contains("directory"))
    }

    @Test func renamedWorkbookIsNotCSV() throws {
        let error = try #require(TestSupport.error(try TestSupport.fixture("fake_workbook.xlsx")))
        #expect(error.kind == .badData)
        #expect(error.message.contains("ZIP archive"))
        #expect(error.message.contains(".xlsx"))
        #expect(error.hint == "export the data as CSV (UTF-8)")
    }

    @Test func nulBytesAndInvalidUTF8() throws {
        let nul = try #require(TestSupport.error(try TestSupport.fixture("nul_bytes.csv")))
        #expect(nul.kind == .badData)
        #expect(nul.line == 3)
        #expect(nul.message.contains("NUL"))
        #expect(nul.hint?.contains("CSV (UTF-8)") == true)
        let latin1 = try #require(TestSupport.error(try TestSupport.fixture("latin1.csv")))
        #expect(latin1.line == 2)
        #expect(latin1.message.contains("invalid UTF-8"))
        #expect(latin1.message.contains("0xFC"))
        let utf16 = try #require(TestSupport.error(try TestSupport.temporaryFile([0xFF, 0xFE, 0x61, 0x00])))
        #expect(utf16.message.contains("UTF-16"))
    }

    @Test func emptyFileAndHeaderWithoutRows() throws {
        let empty = try #require(TestSupport.error(try TestSupport.fixture("empty.csv")))
        #expect(empty.kind == .badData)
        #expect(empty.message.contains("empty"))
        let bomOnly = try #require(TestSupport.error(try TestSupport.temporaryFile([0xEF, 0xBB, 0xBF, 0x0A])))
        #expect(bomOnly.message.contains("no header"))
        let header = try #require(TestSupport.error(try TestSupport.fixture("header_only.csv")))
        #expect(header.kind == .badData)
        #expect(header.message.contains("no data rows"))
    }

    @Test func duplicateColumnNames() throws {
        let error = try #require(TestSupport.error(try TestSupport.fixture("duplicate_columns.csv")))
        #expect(error.kind == .badData)
        #expect(error.line == 1)
        #expect(error.column == "dose_group")
        #expect(error.columnNumber == 4)
        #expect(error.message.contains("duplicate column name (also column 3)"))
    }

    @Test func unknownColumnListsTheColumns() throws {
        let path = try TestSupport.fixture("basic.csv")
        let time = try #require(TestSupport.error(path, roles: ColumnRoles(time: "days")))
        #expect(time.kind == .usage)
        #expect(time.column == "days")
        #expect(time.message.contains("'patient_id', 'dose_group', 'interval_days', 'relief_days', 'relief_ended'"))
        let by = try #require(TestSupport.error(path, roles: ColumnRoles(by: ["Dose_Group"])))
        #expect(by.hint?.contains("did you mean 'dose_group'") == true)
        let id = try #require(TestSupport.error(path, roles: ColumnRoles(id: "subject")))
        #expect(id.kind == .usage)
    }

    @Test func defaultIdColumnMayBeAbsent() throws {
        let data = try TestSupport.read(try TestSupport.fixture("bands.csv"))
        #expect(data.patients == nil)
        #expect(data.patientCodes == nil)
    }

    @Test func fieldSizeLimit() throws {
        let big = String(repeating: "x", count: 300)
        let path = try TestSupport.temporaryFile("relief_days,relief_ended,note\n1,1,a\n2,0,\"\(big)\"\n")
        let error = try #require(TestSupport.error(path, limits: CSVLimits(maxFieldBytes: 100)))
        #expect(error.kind == .badData)
        #expect(error.line == 3)
        #expect(error.message.contains("larger than the limit of 100 bytes"))
        // An unclosed quote runs into the limit while streaming.
        let unclosed = "relief_days,relief_ended,note\n1,1,\"" + String(repeating: "y\n", count: 400)
        var reader = SurvivalDatasetReader(dialect: CSVDialect(), roles: ColumnRoles(), limits: CSVLimits(maxFieldBytes: 100))
        reader.chunkSize = 64
        #expect(throws: DataError.self) { try reader.read(path: try TestSupport.temporaryFile(unclosed)) }
    }

    @Test func groupAndColumnLimits() throws {
        let path = try TestSupport.fixture("basic.csv")
        let groups = try #require(TestSupport.error(path, roles: ColumnRoles(by: ["patient_id"]), limits: CSVLimits(maxGroups: 3)))
        #expect(groups.kind == .badData)
        #expect(groups.message.contains("4 distinct values, more than the limit of 3 groups"))
        let numeric = try #require(TestSupport.error(
            path, roles: ColumnRoles(by: ["relief_days"]), limits: CSVLimits(maxGroups: 3)))
        #expect(numeric.hint?.contains("--band relief_days=") == true)
        let columns = try #require(TestSupport.error(path, limits: CSVLimits(maxColumns: 3)))
        #expect(columns.message.contains("more than the limit of 3"))
    }

    @Test func errorDescriptionFormat() {
        let e = DataError(.badData, file: "a.csv", line: 4, column: "t", columnNumber: 2, message: "bad", hint: "fix it")
        #expect(e.description == "a.csv:4: column 't' (column 2): bad. Fix it")
        #expect(DataError(.usage, message: "m").description == "m")
    }
}
