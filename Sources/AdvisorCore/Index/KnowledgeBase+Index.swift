/// The knowledge base in the advisor's index, record by record: each kind of record writes
/// and reads its own fields, in the same order.
///
/// A field added to a knowledge type must be added to its `write` and its reader;
/// `IndexRoundTripTests` fails while one is missing.
extension KnowledgeBase {
    func write(to w: inout IndexWriter) {
        w.list(sources.sorted(by: { $0.key < $1.key })) { w, entry in
            w.string(entry.key)
            entry.value.write(to: &w)
        }
        w.list(backend.sorted(by: { $0.key < $1.key })) { w, entry in
            w.string(entry.key)
            entry.value.write(to: &w)
        }
        w.list(responsibilities) { w, r in r.write(to: &w) }
        for list in [technicalSkills, softSkills] { w.list(list) { w, s in s.write(to: &w) } }
        w.list(roles) { w, r in r.write(to: &w) }
        w.list(categories) { w, c in c.write(to: &w) }
        w.list(tools) { w, t in t.write(to: &w) }
        w.list(steps) { w, s in s.write(to: &w) }
        w.list(gaps) { w, g in g.write(to: &w) }
    }

    init(reading r: inout IndexReader) throws {
        let sources = try r.list { r in (try r.string(), try Source(reading: &r)) }
        let backend = try r.list { r in (try r.string(), try Fact(reading: &r)) }
        let responsibilities = try r.list { try Responsibility(reading: &$0) }
        let technicalSkills = try r.list { try Skill(reading: &$0) }, softSkills = try r.list { try Skill(reading: &$0) }
        self.init(sources: Dictionary(sources, uniquingKeysWith: { $1 }), backend: Dictionary(backend, uniquingKeysWith: { $1 }),
                  responsibilities: responsibilities, technicalSkills: technicalSkills, softSkills: softSkills,
                  roles: try r.list { try Role(reading: &$0) }, categories: try r.list { try ToolCategory(reading: &$0) },
                  tools: try r.list { try Tool(reading: &$0) }, steps: try r.list { try Step(reading: &$0) },
                  gaps: try r.list { try Gap(reading: &$0) })
    }
}

extension KnowledgeBase {
    /// A salary to copy and fill in: `Salary` has no initializer that takes parsed figures.
    static let salaryShape = Salary(text: "₹0–0 LPA", source: "")!
}

extension Source {
    func write(to w: inout IndexWriter) {
        w.string(id)
        w.string(name)
    }

    init(reading r: inout IndexReader) throws {
        self.init(id: try r.string(), name: try r.string())
    }
}

extension Fact {
    func write(to w: inout IndexWriter) {
        w.string(text)
        w.string(source)
    }

    init(reading r: inout IndexReader) throws {
        self.init(text: try r.string(), source: try r.string())
    }
}

extension Responsibility {
    func write(to w: inout IndexWriter) {
        for field in [id, title, text, example, source] { w.string(field) }
    }

    init(reading r: inout IndexReader) throws {
        self.init(id: try r.string(), title: try r.string(), text: try r.string(), example: try r.string(), source: try r.string())
    }
}

extension Skill {
    func write(to w: inout IndexWriter) {
        for field in [name, text, source] { w.string(field) }
    }

    init(reading r: inout IndexReader) throws {
        self.init(name: try r.string(), text: try r.string(), source: try r.string())
    }
}

extension Role {
    func write(to w: inout IndexWriter) {
        for field in [id, name, responsibility] { w.string(field) }
        w.bool(salary != nil)
        if let salary {
            w.string(salary.text)
            w.double(salary.low)
            w.double(salary.high)
            w.string(salary.source)
        }
        w.strings(salaryFrom)
        w.bool(about != nil)
        about?.write(to: &w)
        w.strings(needs)
        w.string(needsSource)
        w.strings(keyTools)
        w.strings(startsFor)
    }

    init(reading r: inout IndexReader) throws {
        let id = try r.string(), name = try r.string(), responsibility = try r.string()
        var salary: Salary?
        if try r.bool() {
            // The figures as the loader parsed them (parsing them again costs more than all the rest).
            var figure = KnowledgeBase.salaryShape
            figure.text = try r.string()
            figure.low = try r.double()
            figure.high = try r.double()
            figure.source = try r.string()
            salary = figure
        }
        let salaryFrom = try r.strings()
        let about = try r.bool() ? try Fact(reading: &r) : nil
        self.init(id: id, name: name, responsibility: responsibility, salary: salary, salaryFrom: salaryFrom,
                  about: about, needs: try r.strings(), needsSource: try r.string(), keyTools: try r.strings(),
                  startsFor: try r.strings())
    }
}

extension ToolCategory {
    func write(to w: inout IndexWriter) {
        for field in [id, name, summary, source] { w.string(field) }
    }

    init(reading r: inout IndexReader) throws {
        self.init(id: try r.string(), name: try r.string(), summary: try r.string(), source: try r.string())
    }
}

extension Tool {
    func write(to w: inout IndexWriter) {
        for field in [id, name, category, text, source] { w.string(field) }
        w.optionalString(seedText)
    }

    init(reading r: inout IndexReader) throws {
        self.init(id: try r.string(), name: try r.string(), category: try r.string(), text: try r.string(),
                  source: try r.string(), seedText: try r.optionalString())
    }
}

extension Step {
    func write(to w: inout IndexWriter) {
        w.string(id)
        w.int(number)
        for field in [title, text, source] { w.string(field) }
        w.optionalString(more)
        w.optionalString(moreSource)
    }

    init(reading r: inout IndexReader) throws {
        self.init(id: try r.string(), number: try r.int(), title: try r.string(), text: try r.string(),
                  source: try r.string(), more: try r.optionalString(), moreSource: try r.optionalString())
    }
}

extension Gap {
    func write(to w: inout IndexWriter) {
        w.string(id)
        w.strings(readings.map(\.rawValue))
        w.list(words) { w, phrase in w.strings(phrase) }
        w.optionalString(says)
        w.optionalString(derive)
    }

    init(reading r: inout IndexReader) throws {
        let id = try r.string()
        let readings = try r.strings().map { try Intent(named: $0) }
        let words = try r.list { try $0.strings() }
        self.init(id: id, readings: readings, words: words, says: try r.optionalString(), derive: try r.optionalString())
    }
}
