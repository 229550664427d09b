import Analysis
import ArgumentParser

/// The MODEL argument of `relief fit` and `relief predict`.
extension ModelName: ExpressibleByArgument {}
