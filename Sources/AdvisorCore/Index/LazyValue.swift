import Foundation

/// A value made the first time it is asked for, then kept: for the parts of the index that
/// most runs never need as Swift values (every alias of every entity, every example text).
/// Safe to share between threads.
final class LazyValue<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var made: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
