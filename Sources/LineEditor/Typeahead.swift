import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes already waiting on the terminal, read in one go and handed to libedit a character at
/// a time.
///
/// libedit's own reader makes one `read(2)` per byte, and a pasted 10 MB line then costs ten
/// million system calls. This buffer takes whatever a paste has already delivered at once.
/// Invalid UTF-8 is dropped byte by byte, as libedit's reader drops it.
struct Typeahead {
    private var bytes: [UInt8] = []
    private var at = 0

    /// True when the buffer ends inside a character whose other bytes are still to come.
    private(set) var isIncomplete = false

    /// Reads what is already waiting on `fd`, without blocking.
    mutating func fill(from fd: Int32) {
        let waiting = Int(advisor_pending_bytes(fd))
        if waiting > 0 { read(from: fd, upTo: min(waiting, 1 << 16)) }
    }

    /// Waits for the rest of a character split between two reads; a failure or the end of
    /// input drops the partial bytes.
    mutating func completeCharacter(from fd: Int32) {
        if read(from: fd, upTo: 8) <= 0 { discard() }
    }

    /// The next character, or nil when the buffer is used up (or ends in a partial one).
    mutating func next() -> wchar_t? {
        isIncomplete = false
        while at < bytes.count {
            let lead = bytes[at]
            let length = lead < 0x80 ? 1 : lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0
            if length == 0 {
                at += 1
                continue
            }
            if at + length > bytes.count {
                isIncomplete = true
                return nil
            }
            var parser = Unicode.UTF8.ForwardParser()
            var input = bytes[at..<(at + length)].makeIterator()
            if case .valid(let encoded) = parser.parseScalar(from: &input), encoded.count == length {
                at += length
                return wchar_t(bitPattern: Unicode.UTF8.decode(encoded).value)
            }
            at += 1
        }
        return nil
    }

    /// Skips printable characters up to the next control character (a key such as Enter or
    /// Ctrl-C), and returns how many it skipped: a line that has reached its limit drops the
    /// rest of a paste this way, without decoding it.
    mutating func skipPrintable() -> Int {
        var skipped = 0
        while at < bytes.count {
            let byte = bytes[at]
            if byte < 0x20 || byte == 0x7F { break }
            if byte & 0xC0 != 0x80 { skipped += 1 }
            at += 1
        }
        return skipped
    }

    private mutating func discard() {
        bytes = []
        at = 0
        isIncomplete = false
    }

    @discardableResult
    private mutating func read(from fd: Int32, upTo count: Int) -> Int {
        if at > 0 {
            bytes.removeFirst(at)
            at = 0
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count))
        var received = -1
        repeat {
            received = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + start, count)
            }
        } while received < 0 && errno == EINTR
        bytes.removeLast(count - max(0, received))
        return received
    }
}

/// `read(2)`, named apart from `Typeahead.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}
