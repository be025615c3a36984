import AdvisorCore
import Foundation

/// Standard input for plain and `--json` mode, read by a thread of its own, with lines read
/// ahead (`Session.readAhead`: folding, spelling, names, every intent's score) while earlier
/// ones are answered. Reading a line needs no conversation and is most of the cost of a
/// question, so both cores stay busy: a helper thread reads ahead the oldest line nobody has
/// taken, and the answering thread, whenever the line it needs is still being read, reads a
/// later one itself rather than wait. Lines come out in input order, and a line that arrives
/// alone is answered at once by the answering thread: nothing ever waits for more input.
final class ReadAhead: @unchecked Sendable {
    struct Line: Sendable {
        let text: String
        /// What was read ahead; nil when the answering thread reads the line itself (or the
        /// line is a command).
        let analysis: Analysis?
    }

    private enum State {
        case waiting
        case reading
        case read(Analysis?)
    }

    private let advisor: Advisor
    private let condition = NSCondition()
    /// The lines from `offset` on, by absolute number, and how far each is.
    private var texts: [String] = []
    private var states: [State] = []
    private var offset = 0
    /// The next line to hand out, and the oldest line no thread has taken yet.
    private var next = 0
    private var untaken = 0
    private var ended = false
    /// Whether a thread sleeps on the condition: woken only then, as a wake-up is a system call.
    private var inputWaits = false
    private var helperWaits = false
    private var answererWaits = false
    /// How many lines may wait unanswered: plenty to keep two threads busy, little memory.
    private let capacity = 64

    init(advisor: Advisor) {
        self.advisor = advisor
        start(readingInput)
        start(readingAhead)
    }

    private func start(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        // As deep as the main thread's: a 16,384-character line is read here.
        thread.stackSize = 8 << 20
        thread.start()
    }

    private var end: Int { offset + texts.count }

    /// The input thread: lines into the queue, as fast as they come and there is room.
    private func readingInput() {
        while let text = readLine(strippingNewline: true) {
            condition.lock()
            while end - next >= capacity {
                inputWaits = true
                condition.wait()
                inputWaits = false
            }
            texts.append(text)
            states.append(.waiting)
            if helperWaits || answererWaits { condition.broadcast() }
            condition.unlock()
        }
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    /// The helper thread: reads ahead the oldest line nobody has taken, until the input ends.
    private func readingAhead() {
        condition.lock()
        while true {
            if untaken < end {
                readOne()
            } else if ended {
                condition.unlock()
                return
            } else {
                helperWaits = true
                condition.wait()
                helperWaits = false
            }
        }
    }

    /// Takes the oldest untaken line and reads it ahead, outside the lock. Called and returns
    /// with the lock held.
    private func readOne() {
        let line = untaken
        untaken += 1
        states[line - offset] = .reading
        let text = texts[line - offset]
        condition.unlock()
        let analysis = Session.readAhead(text, advisor: advisor)
        condition.lock()
        states[line - offset] = .read(analysis)
        if answererWaits { condition.broadcast() }
    }

    /// The next line, or nil at the end of input.
    func nextLine() -> Line? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if next < end {
                switch states[next - offset] {
                case .read(let analysis):
                    return handOut(analysis)
                case .waiting:
                    // Nobody has started on it: the answering thread reads it as it answers.
                    untaken = max(untaken, next + 1)
                    return handOut(nil)
                case .reading:
                    // The helper is on it: read a later line meanwhile, or wait.
                    if untaken < end {
                        readOne()
                        continue
                    }
                }
            } else if ended {
                return nil
            }
            answererWaits = true
            condition.wait()
            answererWaits = false
        }
    }

    /// Hands out line `next` and drops what is behind it. Called with the lock held.
    private func handOut(_ analysis: Analysis?) -> Line {
        let line = Line(text: texts[next - offset], analysis: analysis)
        next += 1
        // Storage is trimmed now and then, not line by line.
        if next - offset >= capacity {
            texts.removeFirst(next - offset)
            states.removeFirst(next - offset)
            offset = next
        }
        // The input thread waits for room; woken once half the room is free.
        if inputWaits && end - next <= capacity / 2 { condition.broadcast() }
        return line
    }
}
