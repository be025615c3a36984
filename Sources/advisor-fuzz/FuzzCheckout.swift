import AdvisorCore

/// The checkout the fuzzer was built in (`.build-fuzz/release/advisor-fuzz` lies inside it),
/// whose data and model it reads; found from the program's own path, as the advisor finds its own.
enum FuzzCheckout {
    static let installation = Installation.locate(executable: Installation.runningExecutable() ?? CommandLine.arguments[0])
}
