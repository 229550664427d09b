import Analysis
import ArgumentParser

/// `--format` of `relief report`: html, markdown or pdf.
extension ClinicalReport.FileFormat: ExpressibleByArgument {}
