import AdvisorCore
import Foundation

/// Standard input read on a second thread, each line read ahead (`Session.readAhead`) while
/// the main thread answers the line before. Reading a line (folding, spelling, entities,
/// scoring every intent) needs no conversation, and is about half the cost of a question, so
/// a batch (`--json`) runs nearly twice as fast on two cores. Lines come out in input order,
/// and a line that arrives alone is answered at once: the reader never waits for more input.
final class ReadAhead: @unchecked Sendable {
    struct Line: Sendable {
        let text: String
        let analysis: Analysis?
    }

    private let condition = NSCondition()
    private var ready: [Line] = []
    private var taken = 0
    private var ended = false
    /// Whether a thread sleeps on the condition: woken only then, as a wake-up is a system call.
    private var readerWaits = false
    private var answererWaits = false
    /// How many lines may wait read: enough to keep both threads busy, little memory.
    private let capacity = 64

    init(advisor: Advisor) {
        let thread = Thread { [self] in
            while let input = readLine(strippingNewline: true) {
                let line = Line(text: input, analysis: Session.readAhead(input, advisor: advisor))
                condition.lock()
                while ready.count - taken >= capacity {
                    readerWaits = true
                    condition.wait()
                }
                readerWaits = false
                if taken > capacity {
                    ready.removeFirst(taken)
                    taken = 0
                }
                ready.append(line)
                if answererWaits { condition.broadcast() }
                condition.unlock()
            }
            condition.lock()
            ended = true
            condition.broadcast()
            condition.unlock()
        }
        // As deep as the main thread's: a 16,384-character line is read here.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next line, or nil at the end of input.
    func next() -> Line? {
        condition.lock()
        defer { condition.unlock() }
        while taken == ready.count && !ended {
            answererWaits = true
            condition.wait()
        }
        answererWaits = false
        guard taken < ready.count else { return nil }
        let line = ready[taken]
        taken += 1
        if readerWaits { condition.broadcast() }
        return line
    }
}
