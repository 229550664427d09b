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
    }

    /// Writes the report in `format` to `path`: every file atomically, never over a protected path (the
    /// input), and a failed Markdown write leaves none of its figures behind.
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
        switch format {
        case .html:
            try AtomicFileWriter(protectedPaths: protectedPaths).write(ClinicalReportHTMLRenderer().render(self), to: path)
        case .pdf:
            try PDFPrinter(environment: environment)
                .writePDF(html: ClinicalReportHTMLRenderer().render(self), to: path, protectedPaths: protectedPaths)
        case .markdown:
            let url = URL(fileURLWithPath: path)
            let stem = url.deletingPathExtension().lastPathComponent
            let directory = url.deletingLastPathComponent().path
            let rendered = ClinicalReportMarkdownRenderer(figurePrefix: stem).render(self)
            let writer = AtomicFileWriter(protectedPaths: protectedPaths + [path])
            var written: [String] = []
            do {
                for figure in rendered.figures {
                    let figurePath = (directory as NSString).appendingPathComponent(figure.fileName)
                    try writer.write(figure.svg, to: figurePath)
                    written.append(figurePath)
                }
                try AtomicFileWriter(protectedPaths: protectedPaths).write(rendered.markdown, to: path)
            } catch {
                // No partial output: the figures written so far go when the Markdown cannot be written.
                for figurePath in written { try? FileManager.default.removeItem(atPath: figurePath) }
                throw error
            }
        }
    }
}
