// swift-tools-version:6.0
import PackageDescription

/// The advisor: a pure core library (`AdvisorCore`) and a thin executable (`advisor`). The
/// content — intents, entities and the knowledge base — lives in data files beside the code
/// (`Intents/`, `Sources/Knowledge/`). The interactive REPL edits lines with libedit through
/// `LineEditor`, the only module that sees the C API (`CLibEdit`); the core never imports it.
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
        .systemLibrary(
            name: "CLibEdit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        .target(
            name: "LineEditor",
            dependencies: ["CLibEdit"]
        ),
        .executableTarget(
            name: "advisor",
            dependencies: [
                "AdvisorCore",
                "LineEditor",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "AdvisorCoreTests",
            dependencies: ["AdvisorCore", "LineEditor", "advisor"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
