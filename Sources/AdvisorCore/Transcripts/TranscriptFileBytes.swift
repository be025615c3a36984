#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A transcript file's bytes, read the careful way: a named pipe or a device with a transcript's
/// name must not hang `replay`, and a folder or an unreadable file is a located error.
enum TranscriptFileBytes {
    /// - Throws: `DataError` naming the file and the system's reason.
    static func read(_ file: String) throws -> [UInt8] {
        let fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw problem(file, String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw problem(file, String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw problem(file, "it is not a regular file") }
        var bytes = [UInt8](repeating: 0, count: max(0, Int(info.st_size)))
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 4096)) }
            let got = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 { throw problem(file, String(cString: strerror(errno))) }
            if got == 0 { break }
            count += got
        }
        return Array(bytes[..<count])
    }

    /// The 1-based line holding the first byte that is not part of valid UTF-8.
    static func lineOfFirstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var input = bytes.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &input) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") { line += 1 }
            case .error, .emptyInput:
                return line
            }
        }
    }

    private static func problem(_ file: String, _ reason: String) -> DataError {
        DataError(file: file, message: "cannot read the file (\(reason))")
    }
}

/// `read(2)`, named apart from `TranscriptFileBytes.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.read(fd, buffer, count)
    #else
    Darwin.read(fd, buffer, count)
    #endif
}
