import SentenceEncoder

/// `advisor-model bench`: per-sentence latency on one thread for questions of about 9, 24 and
/// 60 tokens, and batch throughput over typical questions. The sentences are fixed so runs
/// compare; they are timing material, not content.
enum Bench {
    static let single = [
        "what does a devops engineer earn",
        "I have three years of experience in java and spring, should I move to data engineering or stay backend?",
        """
        I studied mechanical engineering, worked two years in a manufacturing plant in Pune, then taught myself python, \
        sql and some machine learning; which roles could I realistically get in the next six months, what would they pay, \
        and which certifications or small projects would help me the most now?
        """,
    ]

    static let batch = [
        "what does a devops engineer earn",
        "how do I become a data scientist after a commerce degree",
        "is a masters in computer science worth it in 2025",
        "which pays more, frontend or backend development?",
        "skills needed for a product manager role",
        "can I switch from testing to development after four years",
        "what is the salary of a cloud architect in Hyderabad with ten years of experience",
        "PostgreSQL vs MongoDB for a fresher",
    ]

    static func run(_ encoder: SentenceEncoder) {
        print("advisor-model bench: single sentences on one thread, \(runs) runs each after \(warmUp) warm-up runs")
        for sentence in single {
            let tokens = encoder.tokenIDs(sentence).count
            var times: [Duration] = []
            for index in 0..<(warmUp + runs) {
                let time = measure { _ = encoder.encode(sentence) }
                if index >= warmUp { times.append(time) }
            }
            times.sort()
            print("  \(tokens) tokens: median \(format(times[times.count / 2])), p99 \(format(times[times.count * 99 / 100])), min \(format(times[0]))")
        }
        let texts = (0..<512).map { batch[$0 % batch.count] }
        let tokenCount = texts.reduce(0) { $0 + encoder.tokenIDs($1).count }
        _ = encoder.encode(batch: Array(texts.prefix(64)))
        var best = Duration.seconds(1_000)
        for _ in 0..<5 { best = min(best, measure { _ = encoder.encode(batch: texts) }) }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        print("  batch of \(texts.count) questions (\(tokenCount / texts.count) tokens on average, all cores): "
              + "\(Int(Double(texts.count) / seconds)) sentences/s (best of 5)")
    }

    static let runs = 200
    static let warmUp = 10

    static func measure(_ body: () -> Void) -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        body()
        return start.duration(to: clock.now)
    }

    /// Milliseconds with two decimals.
    static func format(_ duration: Duration) -> String {
        let microseconds = duration.components.seconds * 1_000_000 + duration.components.attoseconds / 1_000_000_000_000
        let hundredths = (microseconds + 5) / 10
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) ms"
    }
}
