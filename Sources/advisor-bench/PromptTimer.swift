#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `advisor-bench prompt --history N --runs R -- ADVISOR [ARGS...]`: how long the interactive
/// advisor takes to show its first prompt on a real pseudo-terminal with a history of N lines,
/// as the median of R starts. Each start gets a fresh copy of the history file.
enum PromptTimer {
    static let prompt = Array("advisor> ".utf8)

    static func run(historyLines: Int, runs: Int, command: [String]) {
        guard !command.isEmpty else { fail("give the advisor after --") }
        let home = "/tmp/advisor-bench-home-\(getpid())"
        mkdir(home, 0o700)
        defer {
            unlink(home + "/history")
            rmdir(home)
        }
        var history = "_HiStOrY_V2_\n"
        for i in 0..<historyLines {
            history += "what\\040does\\040a\\040devops\\040engineer\\040earn\\040number\\040\(i)\n"
        }
        var times: [Double] = []
        for round in 0...max(1, runs) {
            write(history, to: home + "/history")
            let seconds = timeToPrompt(command, home: home)
            if round > 0 { times.append(seconds) }  // the first start only warms the caches
        }
        times.sort()
        print("median_ms \(QuestionTimer.format(times[times.count / 2] * 1000, digits: 2)) min_ms \(QuestionTimer.format(times[0] * 1000, digits: 2))")
    }

    static func write(_ text: String, to path: String) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { fail("cannot write \(path)") }
        var text = text
        text.withUTF8 { _ = Glibc.write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// Seconds from spawning the advisor on a new pseudo-terminal until its prompt appears.
    static func timeToPrompt(_ command: [String], home: String) -> Double {
        var size = winsize(ws_row: 24, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1, slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { fail("openpty failed") }
        defer { close(master) }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        var name = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &name, name.count) == 0 else { fail("ttyname_r failed") }
        close(slave)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(0x80))  // POSIX_SPAWN_SETSID: the terminal becomes the controlling one

        // The sentence encoder's choice goes along: the bench measures each way of reading.
        let model = getenv("ADVISOR_MODEL").map { ["ADVISOR_MODEL=" + String(cString: $0)] } ?? []
        let environment = ["HOME=\(home)", "LANG=C.UTF-8", "TERM=xterm-256color", "PATH=/usr/bin:/bin",
                           "ADVISOR_HISTORY=\(home)/history", "NO_COLOR=1"] + model
        let args = command.map { strdup($0) } + [nil]
        let env = environment.map { strdup($0) } + [nil]
        defer { (args + env).forEach { free($0) } }
        var pid: pid_t = 0
        let start = Spawn.now()
        guard posix_spawn(&pid, command[0], &actions, &attributes, args, env) == 0 else { fail("cannot start \(command[0])") }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var elapsed: Double?
        while elapsed == nil {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 300_000) > 0 else { break }
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { break }
            output += buffer[0..<count]
            if output.count >= prompt.count, contains(output, prompt) { elapsed = Double(Spawn.now() - start) / 1e9 }
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        guard let elapsed else { fail("no prompt from \(command.joined(separator: " ")); it wrote: \(String(decoding: output, as: UTF8.self))") }
        return elapsed
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
