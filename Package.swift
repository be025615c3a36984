// swift-tools-version:6.0
import PackageDescription

/// The advisor: a pure core library (`AdvisorCore`) and a thin executable (`advisor`). The
/// content — intents, entities and the knowledge base — lives in data files beside the code
/// (`Intents/`, `Sources/Knowledge/`). The libedit REPL (a small module at the edge) is next.
let package = Package(
    name: "advisor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "advisor", targets: ["advisor"]),
        .library(name: "AdvisorCore", targets: ["AdvisorCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .target(
            name: "AdvisorCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "advisor",
            dependencies: [
                "AdvisorCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AdvisorCoreTests",
            dependencies: ["AdvisorCore", "advisor"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
