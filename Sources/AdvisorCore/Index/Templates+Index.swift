/// The answer templates in the advisor's index: each already split into text and slots.
extension Templates {
    func write(to w: inout IndexWriter) {
        let all = parsed
        w.count(all.count)
        for (name, segments) in all.sorted(by: { $0.key < $1.key }) {
            w.string(name)
            w.count(segments.count)
            for segment in segments {
                switch segment {
                case .text(let text):
                    w.bool(false)
                    w.string(text)
                case .slot(let slot):
                    w.bool(true)
                    w.string(slot)
                }
            }
        }
        w.count(suggestions.count)
        for intent in Intent.allCases {
            guard let suggestion = suggestions[intent] else { continue }
            w.string(intent.rawValue)
            w.string(suggestion)
        }
    }

    init(reading r: inout IndexReader) throws {
        var parsed: [String: [Segment]] = [:]
        for _ in 0..<(try r.count()) {
            let name = try r.string()
            var segments: [Segment] = []
            for _ in 0..<(try r.count()) { segments.append(try r.bool() ? .slot(try r.string()) : .text(try r.string())) }
            parsed[name] = segments
        }
        var suggestions: [Intent: String] = [:]
        for _ in 0..<(try r.count()) {
            let intent = try Intent(reading: &r)
            suggestions[intent] = try r.string()
        }
        self.init(parsed: parsed, suggestions: suggestions)
    }
}
