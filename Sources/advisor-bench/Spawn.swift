#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting a program the way the benchmark measures it: `posix_spawn`, with standard input
/// and output redirected as asked, and the clock read on either side.
enum Spawn {
    /// Nanoseconds on the monotonic clock.
    static func now() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    /// Runs `argv` to the end with stdin from `input` (or /dev/null) and stdout to /dev/null;
    /// returns the wall time in seconds and the peak resident set in KiB.
    static func run(_ argv: [String], input: String?, environment: [String]? = nil) -> (seconds: Double, peakKiB: Int, status: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let args = argv.map { strdup($0) } + [nil]
        let env = (environment ?? currentEnvironment()).map { strdup($0) } + [nil]
        defer { (args + env).forEach { free($0) } }
        var pid: pid_t = 0
        let start = now()
        guard posix_spawn(&pid, argv[0], &actions, nil, args, env) == 0 else { fail("cannot start \(argv[0])") }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        let elapsed = Double(now() - start) / 1e9
        return (elapsed, Int(usage.ru_maxrss), status)
    }

    static func currentEnvironment() -> [String] {
        var result: [String] = []
        var pointer = environ
        while let entry = pointer.pointee {
            result.append(String(cString: entry))
            pointer += 1
        }
        return result
    }
}

/// `advisor-bench time --runs N [--input FILE] -- CMD...`: the fallback when hyperfine is
/// missing. Prints the median wall time in milliseconds and the largest peak RSS in KiB.
enum ProcessTimer {
    static func run(runs: Int, warmup: Int, input: String?, command: [String]) {
        guard !command.isEmpty else { fail("give a command after --") }
        for _ in 0..<warmup { _ = Spawn.run(command, input: input) }
        var times: [Double] = []
        var peak = 0
        for _ in 0..<max(1, runs) {
            let result = Spawn.run(command, input: input)
            times.append(result.seconds)
            peak = max(peak, result.peakKiB)
        }
        times.sort()
        print("median_ms \(QuestionTimer.format(times[times.count / 2] * 1000, digits: 2)) min_ms \(QuestionTimer.format(times[0] * 1000, digits: 2)) peak_kib \(peak)")
    }
}
