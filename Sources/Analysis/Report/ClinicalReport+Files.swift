import DataIO
import Foundation
import Reporting

extension ClinicalReport {
    /// The file formats of the report.
    public enum FileFormat: String, Sendable, CaseIterable {
        /// One self-contained HTML file (inline CSS and SVG).
        case html
        /// Markdown with the SVG figures as files beside it.
        case markdown
        /// PDF printed by headless Chromium.
        case pdf

        /// Checks where a report in this format may go: HTML to a file or to stdout, Markdown (with its
        /// figure files) and PDF to a file only; a file name is never empty.
        /// - Parameter output: The report file, `nil` for stdout.
        /// - Throws: ``AnalysisError`` (usage).
        public func check(output: String?) throws {
            if let output, output.isEmpty { throw AnalysisError(.usage, "-o needs a file name") }
            if self != .html, output == nil {
                throw AnalysisError(.usage, "--format \(rawValue) needs -o FILE (e.g. -o report.\(self == .pdf ? "pdf" : "md"))")
            }
        }
    }

    /// Writes the report in `format` to `path`: every file atomically, never over a protected path (the
    /// input) or anything but a writable regular file, readable by the owner only (`0600`) when the report
    /// lists patient identifiers; the Markdown file and its figures appear together or not at all.
    /// - Parameters:
    ///   - format: HTML, Markdown (+ SVG files named after the Markdown file) or PDF.
    ///   - path: The report file.
    ///   - protectedPaths: Paths never to overwrite (the input file).
    ///   - environment: The environment (`RELIEF_CHROMIUM`, `PATH`) for finding the browser.
    /// - Throws: `DataError` (cannot write), `PDFPrinterError`.
    public func write(
        as format: FileFormat, to path: String, protectedPaths: [String],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        let writer = AtomicFileWriter(protectedPaths: protectedPaths, isPrivate: includesIdentifiers)
        switch format {
        case .html:
            try writer.write(ClinicalReportHTMLRenderer().render(self), to: path)
        case .pdf:
            try PDFPrinter(environment: environment)
                .writePDF(html: ClinicalReportHTMLRenderer().render(self), to: path, writer: writer)
        case .markdown:
            let url = URL(fileURLWithPath: path)
            let stem = url.deletingPathExtension().lastPathComponent
            let directory = url.deletingLastPathComponent().path
            let rendered = ClinicalReportMarkdownRenderer(figurePrefix: stem).render(self)
            // All or nothing: the figures and the Markdown are staged, then renamed together.
            let files = AtomicFileSet(writer: writer)
            for figure in rendered.figures {
                try files.stage(figure.svg, to: (directory as NSString).appendingPathComponent(figure.fileName))
            }
            try files.stage(rendered.markdown, to: path)
            try files.commit()
        }
    }
}
