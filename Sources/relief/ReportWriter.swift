import Analysis
import DataIO
import Foundation
import Reporting

/// Writes a rendered clinical report in the format asked for: HTML to `-o` (or stdout), Markdown with
/// its SVG files beside it, or PDF through headless Chromium. Every file is written atomically, the
/// input file is never overwritten, and a failed Markdown write leaves none of its figures behind.
struct ReportWriter {
    let command: ReportCommand

    /// Renders and writes the report.
    /// - Parameter report: The computed report.
    /// - Throws: `DataError` (cannot write), `PDFPrinterError`.
    func write(_ report: ClinicalReport) throws {
        let protected = [command.file]
        switch command.format {
        case .html:
            let html = ClinicalReportHTMLRenderer().render(report)
            if let path = command.output {
                try AtomicFileWriter(protectedPaths: protected).write(html, to: path)
            } else {
                FileHandle.standardOutput.write(Data(html.utf8))
            }
        case .pdf:
            guard let path = command.output else { return }
            let html = ClinicalReportHTMLRenderer().render(report)
            try PDFPrinter(environment: ProcessInfo.processInfo.environment)
                .writePDF(html: html, to: path, protectedPaths: protected)
        case .markdown:
            guard let path = command.output else { return }
            let url = URL(fileURLWithPath: path)
            let stem = url.deletingPathExtension().lastPathComponent
            let directory = url.deletingLastPathComponent().path
            let rendered = ClinicalReportMarkdownRenderer(figurePrefix: stem).render(report)
            let writer = AtomicFileWriter(protectedPaths: protected + [path])
            var written: [String] = []
            do {
                for figure in rendered.figures {
                    let figurePath = (directory as NSString).appendingPathComponent(figure.fileName)
                    try writer.write(figure.svg, to: figurePath)
                    written.append(figurePath)
                }
                try AtomicFileWriter(protectedPaths: protected).write(rendered.markdown, to: path)
            } catch {
                // No partial output: the figures written so far go when the Markdown cannot be written.
                for figurePath in written { try? FileManager.default.removeItem(atPath: figurePath) }
                throw error
            }
        }
    }
}
