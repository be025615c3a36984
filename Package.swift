// swift-tools-version:6.0
import PackageDescription

/// The advisor: a pure core library (`AdvisorCore`) and a thin executable (`advisor`). The
/// content — intents, entities and the knowledge base — lives in data files beside the code
/// (`Intents/`, `Sources/Knowledge/`). The interactive REPL edits lines with libedit through
/// `LineEditor`, the only module that sees the C API (`CLibEdit`); the core never imports it.
/// Release builds on Linux link the Swift runtime and Foundation into the executables, so a
/// release advisor starts in about a millisecond instead of spending several loading and
/// binding a dozen shared libraries (`make bench` measures it). Modules that import
/// Foundation are compiled against its static form too, which brings in what it links with.
let staticStandardLibrary = (
    swift: [SwiftSetting.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
    linker: [LinkerSetting.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
)

/// The release advisor is linked at a fixed address (not position-independent). A static
/// standard library and Foundation make a large program, and as a PIE the dynamic loader
/// rewrote some 80,000 addresses in it at every start, copying each page it touched: about a
/// third of the start-up of `advisor ask` (`make bench`). The price is that the program's own
/// code is not placed at a random address; the advisor runs offline on files its user owns.
let fixedAddress = [LinkerSetting.unsafeFlags(["-Xclang-linker", "-no-pie"], .when(platforms: [.linux], configuration: .release))]

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
            dependencies: [.product(name: "Yams", package: "Yams"), "SentenceEncoder"],
            swiftSettings: staticStandardLibrary.swift
        ),
        // libedit's header (histedit.h, from libedit-dev, which `make` installs) is read at build
        // time; the library itself is loaded by the REPL on first use (Sources/CLibEdit/shim.h),
        // not linked: no pkg-config, whose `-ledit` would map it into every start.
        .systemLibrary(name: "CLibEdit"),
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
            ],
            swiftSettings: staticStandardLibrary.swift,
            linkerSettings: staticStandardLibrary.linker + fixedAddress
        ),
        // `make bench`'s in-process timer and knowledge-base generator; not part of the product.
        .executableTarget(
            name: "advisor-bench",
            dependencies: ["AdvisorCore"],
            swiftSettings: staticStandardLibrary.swift,
            linkerSettings: staticStandardLibrary.linker
        ),
        // `make fuzz`'s libFuzzer targets (Sources/advisor-fuzz); built without libFuzzer, it
        // replays saved inputs. Not part of the product.
        .executableTarget(
            name: "advisor-fuzz",
            dependencies: ["AdvisorCore"],
            swiftSettings: staticStandardLibrary.swift,
            linkerSettings: staticStandardLibrary.linker
        ),
        // The sentence encoder (all-MiniLM-L6-v2 in plain Swift, no dependencies) and its
        // converter and timer, `advisor-model`. Optimised even in debug builds, where the test
        // suite encodes thousands of sentences, and for Haswell or later: its kernels need FMA
        // and F16C. It imports Foundation (Unicode decomposition, JSON at conversion), so it is
        // compiled against the static form in release, as AdvisorCore is.
        .target(
            name: "SentenceEncoder",
            swiftSettings: staticStandardLibrary.swift + [.unsafeFlags(["-Ounchecked", "-target-cpu", "haswell"])]
        ),
        .executableTarget(
            name: "advisor-model",
            dependencies: ["SentenceEncoder"],
            swiftSettings: staticStandardLibrary.swift,
            linkerSettings: staticStandardLibrary.linker
        ),
        .testTarget(
            name: "AdvisorCoreTests",
            dependencies: ["AdvisorCore", "LineEditor", "advisor", "SentenceEncoder"],
            // Read through #filePath, not bundled.
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
