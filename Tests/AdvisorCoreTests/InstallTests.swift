/// `make install` end to end: the release advisor installed with `make install DESTDIR=…
/// PREFIX=…` into a temporary folder, the installed tree alone copied to a fresh folder from
/// which no checkout can be reached, and there `ask`, `--json`, `replay` and the REPL answer
/// as the checkout's release build does. `make uninstall` leaves no file behind; the installed
/// manual page and bash completion are read as a person reads them.
///
/// `make test` builds the release advisor before the suite; `make install` is run with that
/// build step taken as done (`make -o release`), as a second SwiftPM must not build in the
/// folder the running `swift test` is using. Without a release build (a bare `swift test`)
/// these tests are skipped and say why.
import Foundation
import Testing
@testable import AdvisorCore

/// The checkout's release advisor, which `make install` installs.
enum ReleaseBuild {
    static let advisor = URL(fileURLWithPath: TestData.packageRoot + "/.build/release/advisor")
    static let exists = FileManager.default.isExecutableFile(atPath: advisor.path)
}

@Suite(.serialized, .enabled(if: ReleaseBuild.exists, "no release advisor in .build/release: `make test` builds it before the suite"))
struct InstallTests {
    static let release = ReleaseBuild.advisor
    static let prefix = "/opt/advisor"
    static let model = TestData.packageRoot + "/.build/encoder/" + EncoderModel.fileName

    /// The lines `--json` is fed: a question, follow-ups, small talk, a command, a decline, a profile.
    static let lines = ["what does a DevOps engineer earn", "and a cloud engineer?", "hello", ":why", "what is 2 plus 2",
                        "I know Python and Django", "what should I do next?"]

    /// One installation for the suite: the staged tree (`DESTDIR` + `PREFIX`) and its copy.
    struct Installed {
        let stage: String
        /// The copy of the installed PREFIX, in a folder with no checkout above it.
        let copy: String
        var advisor: URL { URL(fileURLWithPath: copy + "/bin/advisor") }
        var staged: String { stage + InstallTests.prefix }
    }

    /// Where the suite installs; it holds two copies of a 45 MB model, so it goes when the test process ends.
    static let installRoot = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-install-\(getpid())").path

    static let installed = Result<Installed, any Error> {
        let root = installRoot
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: InstallTests.installRoot) }
        let stage = root + "/stage"
        try make(["install", "DESTDIR=" + stage, "PREFIX=" + prefix])
        let copy = root + "/elsewhere/advisor"
        try FileManager.default.createDirectory(atPath: root + "/elsewhere", withIntermediateDirectories: true)
        try shell("cp -a '\(stage + prefix)' '\(copy)'")
        return Installed(stage: stage, copy: copy)
    }

    // MARK: - Answering from the copied tree

    @Test func theInstalledAdvisorAnswersAsTheCheckoutsBuild() throws {
        let installed = try Self.installed.get()
        let home = try Self.temporaryFolder("advisor-install-home")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let transcript = try #require(try FileManager.default.contentsOfDirectory(atPath: TestData.packageRoot + "/Transcripts")
            .filter { $0.hasSuffix(".transcript") }.sorted().first)
        let copied = installed.copy + "/../" + transcript
        try? FileManager.default.removeItem(atPath: copied)
        try FileManager.default.copyItem(atPath: TestData.packageRoot + "/Transcripts/" + transcript, toPath: copied)

        let calls: [(arguments: [String], stdin: String)] = [
            (["ask", "what does a DevOps engineer earn"], ""),
            (["--json"], Self.lines.joined(separator: "\n") + "\n"),
            ([], Self.lines.joined(separator: "\n") + "\n"),
            (["replay", copied], ""),
        ]
        for call in calls {
            let there = TestData.run(call.arguments, stdin: call.stdin, environment: Self.environment(home: home), inheriting: false,
                                     executable: installed.advisor, directory: installed.copy + "/..")
            let here = TestData.run(call.arguments, stdin: call.stdin, environment: Self.environment(home: home), inheriting: false,
                                    executable: Self.release, directory: TestData.packageRoot)
            #expect(there.status == 0, "\(call.arguments): \(there.stderr)")
            #expect(there.status == here.status && there.stdout == here.stdout, "\(call.arguments)")
            // Without a model both say so, each naming its own path.
            if FileManager.default.fileExists(atPath: Self.model) { #expect(there.stderr == here.stderr && there.stderr.isEmpty) }
        }
        let replayed = TestData.run(["replay", copied], environment: Self.environment(home: home), inheriting: false,
                                    executable: installed.advisor, directory: installed.copy)
        #expect(replayed.stdout == "1 passed, 0 failed\n")
        // Nothing was written into the installed tree: an index goes to the user's cache.
        #expect(try Self.files(in: installed.copy) == Self.files(in: installed.staged))
    }

    /// The REPL of the copied tree on a pseudo-terminal: it answers, and `:save` outside a
    /// checkout writes to the XDG data directory, where `replay` finds it by default.
    @Test func theInstalledREPLAnswersAndSavesToTheDataDirectory() throws {
        let installed = try Self.installed.get()
        let home = try Self.temporaryFolder("advisor-install-tty")
        defer { try? FileManager.default.removeItem(atPath: home) }
        let tty = try PseudoTerminal(environment: PseudoTerminal.environment(home: home), executable: installed.advisor.path,
                                     directory: installed.copy)
        defer { tty.stop() }
        let question = "what does a DevOps engineer earn"
        var session = TestData.session()
        guard case .answer(_, let answer) = session.respond(to: question) else { throw Failure("not an answer") }
        try tty.type(question + PseudoTerminal.Key.enter)
        try tty.expect(TextWrap.wrap(answer, width: 100).replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        try tty.expect(PseudoTerminalTests.prompt)
        let saved = home + "/.local/share/advisor/transcripts/devops.transcript"
        try tty.type(":save devops" + PseudoTerminal.Key.enter)
        try tty.expect("Saved 1 turn to \(saved). Replay it with: advisor replay \(saved)")
        try tty.type(PseudoTerminal.Key.ctrlD)
        #expect(try tty.waitForExit() == 0)

        let replay = TestData.run(["replay"], environment: Self.environment(home: home), inheriting: false,
                                  executable: installed.advisor, directory: installed.copy)
        #expect(replay.status == 0 && replay.stdout == "1 passed, 0 failed\n", "\(replay.stderr)")
        let here = TestData.run(["replay", saved], environment: Self.environment(home: home), inheriting: false, executable: Self.release)
        #expect(here.stdout == "1 passed, 0 failed\n")
    }

    // MARK: - What is installed, and uninstalled

    @Test func installPutsEachFileInItsPlaceAndUninstallRemovesThemAll() throws {
        let stage = try Self.temporaryFolder("advisor-uninstall")
        defer { try? FileManager.default.removeItem(atPath: stage) }
        try Self.make(["install", "DESTDIR=" + stage, "PREFIX=" + Self.prefix])
        let root = TestData.packageRoot
        let data = try ["Intents", "Sources/Knowledge"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".txt") }.map { "share/advisor/\(folder)/\($0)" }
        }
        let model = ["", ".vectors", ".LICENSE.txt"].map { Self.model + $0 }
            .filter { FileManager.default.fileExists(atPath: Self.model) && FileManager.default.fileExists(atPath: $0) }
            .map { "share/advisor/" + ($0 as NSString).lastPathComponent }
        let expected = (["bin/advisor", "share/man/man1/advisor.1", "share/bash-completion/completions/advisor",
                         "share/zsh/site-functions/_advisor", "share/fish/vendor_completions.d/advisor.fish"] + data + model).sorted()
        #expect(try Self.files(in: stage + Self.prefix) == expected)

        try Self.make(["uninstall", "DESTDIR=" + stage, "PREFIX=" + Self.prefix])
        #expect(try Self.files(in: stage).isEmpty)
    }

    @Test func theManualPageNamesEverySubcommandOptionAndEnvironmentVariable() throws {
        let installed = try Self.installed.get()
        let page = installed.staged + "/share/man/man1/advisor.1"
        let shown = TestData.run(["-l", page], environment: ["LANG": "C.UTF-8", "MANWIDTH": "100", "MANPAGER": "cat", "PATH": "/usr/bin:/bin"],
                                 inheriting: false, executable: URL(fileURLWithPath: "/usr/bin/man"))
        #expect(shown.status == 0, "\(shown.stderr)")
        let text = shown.stdout
        #expect(text.contains("ADVISOR(1)"))
        let interface = try Self.commandLineInterface()
        for name in interface.subcommands + interface.options {
            #expect(text.contains(name), "the manual page does not name \(name)")
        }
        let variables = try Self.environmentVariablesRead()
        #expect(variables.count >= 10, "\(variables)")
        for variable in variables {
            #expect(text.contains(variable), "the manual page does not name \(variable)")
        }
        for command in Session.commandNames {
            #expect(text.contains(":" + command), "the manual page does not name :\(command)")
        }
    }

    @Test func theBashCompletionCompletesReToReplay() throws {
        let installed = try Self.installed.get()
        let script = installed.staged + "/share/bash-completion/completions/advisor"
        let completed = TestData.run(["-c", """
            shopt -s extglob
            source '\(script)'
            function=$(complete -p advisor | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')
            COMP_WORDS=(advisor re); COMP_CWORD=1; COMP_LINE='advisor re'; COMP_POINT=${#COMP_LINE}
            "$function" advisor re advisor
            printf '%s\\n' "${COMPREPLY[@]}"
            """], environment: ["PATH": "/usr/bin:/bin"], inheriting: false, executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(completed.stdout == "replay\n", "\(completed.stderr)")
        for shell in ["share/zsh/site-functions/_advisor", "share/fish/vendor_completions.d/advisor.fish"] {
            #expect(try String(contentsOfFile: installed.staged + "/" + shell, encoding: .utf8).contains("replay"))
        }
    }

    // MARK: - Helpers

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// A clean environment: no ADVISOR_ variable, the user's folders in `home`.
    static func environment(home: String) -> [String: String] {
        ["HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
    }

    /// Runs this checkout's Makefile with the release build taken as done.
    static func make(_ arguments: [String]) throws {
        var environment = ProcessInfo.processInfo.environment
        for name in ["MAKEFLAGS", "MFLAGS", "MAKELEVEL", "ADVISOR_MODEL", "ADVISOR_CACHE_DIR"] { environment[name] = nil }
        let run = TestData.run(["-C", TestData.packageRoot, "-o", "release"] + arguments, environment: environment, inheriting: false,
                               executable: URL(fileURLWithPath: "/usr/bin/make"))
        guard run.status == 0 else { throw Failure("make \(arguments.joined(separator: " ")) failed (\(run.status)):\n\(run.stdout)\n\(run.stderr)") }
    }

    static func shell(_ command: String) throws {
        let run = TestData.run(["-c", command], executable: URL(fileURLWithPath: "/bin/sh"))
        guard run.status == 0 else { throw Failure("\(command) failed: \(run.stderr)") }
    }

    static func temporaryFolder(_ name: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The regular files under `folder`, relative to it, sorted.
    static func files(in folder: String) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { throw Failure("cannot list \(folder)") }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            if walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular { files.append(path) }
        }
        return files.sorted()
    }

    /// Every subcommand and option `advisor --experimental-dump-help` lists (ArgumentParser's
    /// own description of the command line), as a person types them.
    static func commandLineInterface() throws -> (subcommands: [String], options: [String]) {
        let dump = TestData.run(["--experimental-dump-help"])
        guard let object = try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any],
              let root = object["command"] as? [String: Any] else { throw Failure("no help dump: \(dump.stderr)") }
        var subcommands: [String] = [], options: Set<String> = []
        func walk(_ command: [String: Any]) {
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool != false {
                for name in argument["names"] as? [[String: Any]] ?? [] {
                    guard let text = name["name"] as? String else { continue }
                    options.insert((name["kind"] as? String == "short" ? "-" : "--") + text)
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                if let name = sub["commandName"] as? String { subcommands.append(name) }
                walk(sub)
            }
        }
        walk(root)
        return (subcommands, options.sorted())
    }

    /// The environment variables the advisor's code reads (`environment["X"]`, `getenv("X")`,
    /// `environment("X")`, `variable = "X"`), found in its sources, so a new one cannot go
    /// unmentioned in the manual page.
    static func environmentVariablesRead() throws -> [String] {
        let pattern = try NSRegularExpression(pattern: #"(?:environment\[|getenv\(|environment\(|variable = )"([A-Z][A-Z0-9_]+)""#)
        var names: Set<String> = []
        for module in ["advisor", "AdvisorCore", "LineEditor"] {
            let folder = TestData.packageRoot + "/Sources/" + module
            for file in try files(in: folder) where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                    names.insert((text as NSString).substring(with: match.range(at: 1)))
                }
            }
        }
        return names.sorted()
    }
}
