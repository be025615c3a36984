#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a precompiled index: a read-only mapping of a cache file, or a buffer made in
/// memory. The index's views (string tables, postings, weights) point into these bytes, so
/// whatever holds a view also holds its `IndexBytes`.
///
/// A mapping costs nothing up front: the kernel reads a page the first time it is touched,
/// so start-up pays only for the parts a question uses.
final class IndexBytes: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    private let mapped: Bool
    /// The mapped file's status, taken from the descriptor it was mapped from (so it is this
    /// file's, even if another replaced the name since); nil in memory.
    let status: FileStatus?

    /// A copy of `bytes`, aligned for any view.
    init(copying bytes: [UInt8]) {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { source in
            if let from = source.baseAddress { memory.copyMemory(from: from, byteCount: source.count) }
        }
        base = UnsafeRawPointer(memory)
        count = bytes.count
        mapped = false
        status = nil
    }

    /// The file at `path`, mapped read-only; nil when it cannot be opened or mapped.
    init?(mapping path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let memory = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), memory != MAP_FAILED else { return nil }
        base = UnsafeRawPointer(memory)
        count = size
        mapped = true
        status = FileStatus(info)
    }

    /// Appends the bytes in `range` to `array`.
    func append(_ range: Range<Int>, to array: inout [UInt8]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        array.append(contentsOf: UnsafeRawBufferPointer(start: base + range.lowerBound, count: range.count))
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: base), count)
        } else {
            UnsafeMutableRawPointer(mutating: base).deallocate()
        }
    }
}
