import Foundation
import Testing
@testable import DataIO
#if canImport(Glibc)
import Glibc
#endif

/// Issue 11, items 4–6: `-o` replaces only a writable regular file, files are created with the umask (or
/// 0600 when private), and files written together appear together or not at all.
@Suite struct OutputTargetTests {
    private func makeDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("relief-targets-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    private func entries(_ dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    }

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o7777 : 0
    }

    @Test("a symbolic link is refused and neither the link nor its target changes")
    func symlinkRefused() throws {
        let dir = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("keep\n".utf8).write(to: URL(fileURLWithPath: dir + "/target.txt"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/out.txt", withDestinationPath: dir + "/target.txt")
        let error = #expect(throws: DataError.self) { try AtomicFileWriter().write("new\n", to: dir + "/out.txt") }
        #expect(error?.kind == .cannotWrite)
        #expect(error?.message.contains("symbolic link") == true)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/out.txt") == dir + "/target.txt")
        #expect(try String(contentsOfFile: dir + "/target.txt", encoding: .utf8) == "keep\n")
        #expect(try entries(dir) == ["out.txt", "target.txt"])
    }

    @Test("a FIFO, a device and a read-only file are refused; the FIFO is still a FIFO")
    func nonRegularRefused() throws {
        let dir = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(mkfifo(dir + "/pipe", 0o644) == 0)
        let fifo = #expect(throws: DataError.self) { try AtomicFileWriter().write("x", to: dir + "/pipe") }
        #expect(fifo?.message.contains("not a regular file") == true)
        var info = stat()
        #expect(lstat(dir + "/pipe", &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(throws: DataError.self) { try AtomicFileWriter().write("x", to: "/dev/null") }
        try Data("ro\n".utf8).write(to: URL(fileURLWithPath: dir + "/ro.txt"))
        chmod(dir + "/ro.txt", 0o444)
        if getuid() != 0 {  // root may write anything
            let readOnly = #expect(throws: DataError.self) { try AtomicFileWriter().write("x", to: dir + "/ro.txt") }
            #expect(readOnly?.message.contains("read-only") == true)
            #expect(try String(contentsOfFile: dir + "/ro.txt", encoding: .utf8) == "ro\n")
        }
        #expect(try entries(dir) == ["pipe", "ro.txt"])
    }

    @Test("new files honour the umask; private outputs are 0600; an existing file keeps its mode")
    func permissions() throws {
        let dir = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let mask = AtomicFileWriter.umaskValue
        let old = umask(0o022)
        umask(old)
        #expect(mask == old)
        try AtomicFileWriter().write("a", to: dir + "/public.txt")
        #expect(mode(dir + "/public.txt") == 0o666 & ~mask)
        try AtomicFileWriter(isPrivate: true).write("a", to: dir + "/private.txt")
        #expect(mode(dir + "/private.txt") == 0o600)
        chmod(dir + "/public.txt", 0o640)
        try AtomicFileWriter().write("b", to: dir + "/public.txt")
        #expect(mode(dir + "/public.txt") == 0o640)
        try AtomicFileWriter(isPrivate: true).write("b", to: dir + "/public.txt")
        #expect(mode(dir + "/public.txt") == 0o600)
    }

    @Test("temporaries are 0600 and registered while they exist, then forgotten")
    func temporaries() throws {
        let dir = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = AtomicFileSet(writer: AtomicFileWriter())
        try files.stage("a", to: dir + "/one.txt")
        let temporaries = try entries(dir).filter { $0.hasPrefix(".one.txt.tmp-") }
        #expect(temporaries.count == 1)
        let temporary = dir + "/" + (temporaries.first ?? "")
        #expect(TemporaryFiles.registered.contains(temporary))
        try files.commit()
        #expect(!TemporaryFiles.registered.contains(temporary))
        #expect(try entries(dir) == ["one.txt"])
        #expect(mode(dir + "/one.txt") == 0o666 & ~AtomicFileWriter.umaskValue)
    }

    @Test("when one file of a set cannot be written, no file of the set changes and no temporary remains")
    func allOrNothing() throws {
        let dir = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("old report\n".utf8).write(to: URL(fileURLWithPath: dir + "/report.md"))
        try Data("old figure\n".utf8).write(to: URL(fileURLWithPath: dir + "/report-km.svg"))
        try FileManager.default.createDirectory(atPath: dir + "/report-forest.svg", withIntermediateDirectories: false)
        let files = AtomicFileSet(writer: AtomicFileWriter())
        try files.stage("new figure\n", to: dir + "/report-km.svg")
        #expect(throws: DataError.self) { try files.stage("forest", to: dir + "/report-forest.svg") }
        #expect(throws: Never.self) { try files.commit() }  // nothing left to commit
        #expect(try String(contentsOfFile: dir + "/report-km.svg", encoding: .utf8) == "old figure\n")
        #expect(try String(contentsOfFile: dir + "/report.md", encoding: .utf8) == "old report\n")
        #expect(try entries(dir) == ["report-forest.svg", "report-km.svg", "report.md"])
    }

    @Test("a set refuses to write two outputs to one file")
    func sameDestinationTwice() throws {
        let dir = try makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = AtomicFileSet(writer: AtomicFileWriter())
        try files.stage("a", to: dir + "/x.txt")
        #expect(throws: DataError.self) { try files.stage("b", to: dir + "/./x.txt") }
        #expect(try entries(dir).isEmpty)
    }
}
