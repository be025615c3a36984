#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file mapped read-only into memory. The model's 45 MB of weights are read straight
/// from the page cache: opening costs about a millisecond, and several processes share one copy.
final class MappedFile: @unchecked Sendable {
    let path: String
    let bytes: UnsafeRawBufferPointer

    /// Maps the file; `describe` turns a failure ("does not exist", "cannot be read: …") into the
    /// caller's sentence, so the message names what kind of file was expected.
    init(path: String, describe: (String) -> String) throws(EncoderError) {
        self.path = path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            let code = errno
            if code == ENOENT { throw EncoderError(describe("does not exist")) }
            throw EncoderError(describe("cannot be opened (\(String(cString: strerror(code))))"))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw EncoderError(describe("cannot be read (\(String(cString: strerror(errno))))"))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw EncoderError(describe("is not a regular file"))
        }
        let size = Int(status.st_size)
        guard size > 0 else {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else {
            throw EncoderError(describe("cannot be mapped into memory (\(String(cString: strerror(errno))))"))
        }
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let base = bytes.baseAddress {
            munmap(UnsafeMutableRawPointer(mutating: base), bytes.count)
        }
    }
}
