import AdvisorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes whole lines straight to the file descriptors, unbuffered, so a reader of a pipe sees
/// each answer as it is made.
///
/// SIGPIPE is ignored (see `ignoreBrokenPipe`), so a reader that goes away (`advisor | head -1`)
/// shows up here as EPIPE, and the advisor ends quietly with status 0.
enum Output {
    static func line(_ text: String) {
        if !send(text + "\n", to: STDOUT_FILENO) && errno == EPIPE { exit(0) }
    }

    /// A line already in UTF-8 (a JSON answer), and its newline.
    static func line(bytes: [UInt8]) {
        var bytes = bytes
        bytes.append(UInt8(ascii: "\n"))
        if !bytes.withUnsafeBufferPointer({ writeAll($0, to: STDOUT_FILENO) }) && errno == EPIPE { exit(0) }
    }

    /// Warnings and errors quote paths and data files, which may hold control characters:
    /// these are shown (`^[`), never sent to the terminal as they are.
    static func error(_ text: String) {
        _ = send(InputSanitizer.showingControls(text) + "\n", to: STDERR_FILENO)
    }

    /// Turns a closed pipe from a fatal signal into an EPIPE error that `line` handles.
    static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }

    private static func send(_ text: String, to fd: Int32) -> Bool {
        var text = text
        return text.withUTF8 { writeAll($0, to: fd) }
    }

    /// Writes every byte, going on after an interrupted or partial write.
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
