import Analysis
import ArgumentParser

/// `--term-tests lr|wald|none` of `relief fit`.
extension TermTestMode: ExpressibleByArgument {}
