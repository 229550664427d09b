import DataIO
import Foundation
import Reporting

/// Writes a rendered clinical report in the format asked for: HTML to `-o` (or stdout), Markdown with
/// its SVG files beside it, or PDF through headless Chromium. Every file is written atomically and the
/// input file is never overwritten.
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
            for figure in rendered.figures {
                try writer.write(figure.svg, to: (directory as NSString).appendingPathComponent(figure.fileName))
            }
            try AtomicFileWriter(protectedPaths: protected).write(rendered.markdown, to: path)
        }
    }
}
