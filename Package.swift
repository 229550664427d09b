// swift-tools-version: 6.1
import PackageDescription

// Dependencies flow one way (docs/ARCHITECTURE.md draws the graph):
// NumericCore <- DataIO <- Survival <- Regression <- DoseResponse; Simulation <- NumericCore, DataIO;
// Reporting (documents and writers) <- NumericCore; Analysis <- all of them; relief (CLI) <- Analysis.
// Only NumericCore imports the C module COpenBLAS.
let package = Package(
    name: "Relief",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "relief", targets: ["relief"]),
        .library(name: "NumericCore", targets: ["NumericCore"]),
        .library(name: "DataIO", targets: ["DataIO"]),
        .library(name: "Survival", targets: ["Survival"]),
        .library(name: "Regression", targets: ["Regression"]),
        .library(name: "DoseResponse", targets: ["DoseResponse"]),
        .library(name: "Simulation", targets: ["Simulation"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "Analysis", targets: ["Analysis"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "NumericCore", dependencies: ["COpenBLAS"]),
        // The allocator setting `relief report` uses (glibc's mmap threshold); only the CLI imports it.
        .target(name: "CMemoryPolicy"),
        .target(
            name: "DataIO",
            dependencies: ["NumericCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "Survival", dependencies: ["NumericCore", "DataIO"]),
        .target(name: "Regression", dependencies: ["NumericCore", "DataIO", "Survival"]),
        .target(name: "DoseResponse", dependencies: ["NumericCore", "Survival", "Regression"]),
        .target(name: "Simulation", dependencies: ["NumericCore", "DataIO"]),
        .target(name: "Reporting", dependencies: ["NumericCore", "DataIO"]),
        .target(
            name: "Analysis",
            dependencies: ["NumericCore", "DataIO", "Survival", "Regression", "DoseResponse", "Simulation", "Reporting"]
        ),
        .executableTarget(
            name: "relief",
            dependencies: [
                "Analysis", "Reporting", "Survival", "Regression", "DoseResponse", "Simulation", "DataIO", "NumericCore",
                "CMemoryPolicy", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Examples: small programs that use the library directly (Examples/README.md).
        .executableTarget(name: "MedianAtTwoDoses", dependencies: ["Analysis", "NumericCore", "Regression"], path: "Examples/MedianAtTwoDoses"),
        // What every test target shares: approximate comparison of numbers with documented semantics.
        .target(name: "ReliefTestSupport", dependencies: [], path: "Tests/Support"),
        .testTarget(name: "ReliefTestSupportTests", dependencies: ["ReliefTestSupport"]),
        .testTarget(name: "NumericCoreTests", dependencies: ["NumericCore", "ReliefTestSupport"]),
        .testTarget(name: "DataIOTests", dependencies: ["DataIO", "NumericCore"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "StatModelsTests",
            dependencies: ["Survival", "Regression", "DoseResponse", "Simulation", "DataIO", "NumericCore", "ReliefTestSupport"],
            resources: [.copy("Reference")]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Analysis", "Survival", "DataIO", "ReliefTestSupport"]),
        .testTarget(
            name: "AnalysisTests",
            dependencies: [
                "Analysis", "Reporting", "Survival", "Regression", "DoseResponse", "Simulation", "DataIO", "NumericCore",
                "ReliefTestSupport",
            ]),
        .testTarget(
            name: "ReliefCLITests",
            dependencies: ["relief", "MedianAtTwoDoses", "Reporting", "DataIO", "NumericCore", "ReliefTestSupport"],
            exclude: ["Golden"], resources: [.copy("BadInputs")]),
    ],
    swiftLanguageModes: [.v6]
)
