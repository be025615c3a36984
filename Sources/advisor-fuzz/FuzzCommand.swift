/// `advisor-fuzz`: the advisor's fuzz targets, one executable for all of them.
///
///     advisor-fuzz answer [libFuzzer options] [CORPUS ...]   lines → normalize → match → compose
///     advisor-fuzz parse  [libFuzzer options] [CORPUS ...]   transcripts, profiles, YAML data files
///     advisor-fuzz seed DIR                                  writes the seed corpora DIR/answer, DIR/parse
///
/// Built by `make fuzz` with `-sanitize=fuzzer,address` and `-D ADVISOR_LIBFUZZER`, the first
/// two run libFuzzer (`LLVMFuzzerRunDriver`) with the target as its callback. In an ordinary
/// build they run each file given (or each file of a folder given) through the target once,
/// which is how a crash's input is replayed. A broken invariant stops the process with
/// `fatalError`, which libFuzzer reports and saves as a crash like any other.
#if DEBUG || ADVISOR_LIBFUZZER
@testable import AdvisorCore
#else
import AdvisorCore
#endif
import Foundation

@main
enum FuzzCommand {
    static func main() {
        var arguments = CommandLine.arguments
        guard arguments.count >= 2, let mode = Mode(rawValue: arguments[1]) else {
            FileHandle.standardError.write(Data("usage: advisor-fuzz answer|parse [libFuzzer options] [corpus ...] | seed DIR\n".utf8))
            exit(64)
        }
        arguments.remove(at: 1)
        switch mode {
        case .seed:
            guard arguments.count == 2 else { exit(64) }
            FuzzSeeds.write(to: arguments[1])
        case .answer, .parse:
            exit(run(mode, arguments: arguments))
        }
    }

    enum Mode: String {
        case answer, parse, seed
    }

    static let answer: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
        AnswerFuzzing.run(UnsafeBufferPointer(start: data, count: size))
        return 0
    }

    static let parse: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { data, size in
        ParseFuzzing.run(UnsafeBufferPointer(start: data, count: size))
        return 0
    }

    #if ADVISOR_LIBFUZZER
    /// Hands the arguments (the mode removed) and the target to libFuzzer.
    static func run(_ mode: Mode, arguments: [String]) -> Int32 {
        var argc = Int32(arguments.count)
        let strings = arguments.map { strdup($0) } + [nil]
        var argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count)
        argv.initialize(from: strings, count: strings.count)
        return LLVMFuzzerRunDriver(&argc, &argv, mode == .answer ? answer : parse)
    }
    #else
    /// Runs every file named, or every file in a folder named, through the target once.
    static func run(_ mode: Mode, arguments: [String]) -> Int32 {
        let target = mode == .answer ? answer : parse
        var count = 0
        for path in arguments.dropFirst() {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            let files = isFolder.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
                : [path]
            for file in files {
                guard let bytes = FileManager.default.contents(atPath: file) else { continue }
                bytes.withUnsafeBytes { _ = target($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
                count += 1
            }
        }
        print("advisor-fuzz \(mode.rawValue): \(count) inputs ran without a crash")
        return 0
    }
    #endif
}

#if ADVISOR_LIBFUZZER
/// libFuzzer's entry point for a program with its own `main` (compiler-rt, LLVM 11 and later).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif
