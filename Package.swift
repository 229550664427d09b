// swift-tools-version: 6.1
import PackageDescription

// Dependencies flow one way: NumericCore <- DataIO <- StatModels <- Reporting <- relief (CLI).
// Only NumericCore imports the C module COpenBLAS.
let package = Package(
    name: "Relief",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "relief", targets: ["relief"]),
        .library(name: "NumericCore", targets: ["NumericCore"]),
        .library(name: "DataIO", targets: ["DataIO"]),
        .library(name: "StatModels", targets: ["StatModels"]),
        .library(name: "Reporting", targets: ["Reporting"]),
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
        .target(
            name: "DataIO",
            dependencies: ["NumericCore", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "StatModels", dependencies: ["NumericCore", "DataIO"]),
        .target(name: "Reporting", dependencies: ["StatModels", "DataIO", "NumericCore"]),
        .executableTarget(
            name: "relief",
            dependencies: [
                "Reporting", "StatModels", "DataIO", "NumericCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "NumericCoreTests", dependencies: ["NumericCore"]),
        .testTarget(name: "DataIOTests", dependencies: ["DataIO"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StatModelsTests", dependencies: ["StatModels", "DataIO"], resources: [.copy("Reference")]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "StatModels", "DataIO"]),
        .testTarget(name: "ReliefCLITests", dependencies: ["relief"], exclude: ["Golden"], resources: [.copy("BadInputs")]),
    ],
    swiftLanguageModes: [.v6]
)
