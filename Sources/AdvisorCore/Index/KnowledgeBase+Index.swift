/// The knowledge base in the advisor's index, field by field.
///
/// A field added to a knowledge type must be added here too, in `write` and in the reader;
/// `IndexRoundTripTests` fails while one is missing.
extension KnowledgeBase {
    func write(to w: inout IndexWriter) {
        w.count(sources.count)
        for (id, source) in sources.sorted(by: { $0.key < $1.key }) {
            w.string(id)
            w.string(source.id)
            w.string(source.name)
        }
        w.count(backend.count)
        for (key, fact) in backend.sorted(by: { $0.key < $1.key }) {
            w.string(key)
            fact.write(to: &w)
        }
        w.count(responsibilities.count)
        for r in responsibilities {
            w.string(r.id)
            w.string(r.title)
            w.string(r.text)
            w.string(r.example)
            w.string(r.source)
        }
        for list in [technicalSkills, softSkills] {
            w.count(list.count)
            for skill in list {
                w.string(skill.name)
                w.string(skill.text)
                w.string(skill.source)
            }
        }
        w.count(roles.count)
        for role in roles {
            w.string(role.id)
            w.string(role.name)
            w.string(role.responsibility)
            w.bool(role.salary != nil)
            if let salary = role.salary {
                w.string(salary.text)
                w.double(salary.low)
                w.double(salary.high)
                w.string(salary.source)
            }
            w.strings(role.salaryFrom)
            w.bool(role.about != nil)
            role.about?.write(to: &w)
            w.strings(role.needs)
            w.string(role.needsSource)
            w.strings(role.keyTools)
            w.strings(role.startsFor)
        }
        w.count(categories.count)
        for category in categories {
            w.string(category.id)
            w.string(category.name)
            w.string(category.summary)
            w.string(category.source)
        }
        w.count(tools.count)
        for tool in tools {
            w.string(tool.id)
            w.string(tool.name)
            w.string(tool.category)
            w.string(tool.text)
            w.string(tool.source)
            w.optionalString(tool.seedText)
        }
        w.count(steps.count)
        for step in steps {
            w.string(step.id)
            w.int(step.number)
            w.string(step.title)
            w.string(step.text)
            w.string(step.source)
            w.optionalString(step.more)
            w.optionalString(step.moreSource)
        }
        w.count(gaps.count)
        for gap in gaps {
            w.string(gap.id)
            w.strings(gap.readings.map(\.rawValue))
            w.count(gap.words.count)
            for phrase in gap.words { w.strings(phrase) }
            w.optionalString(gap.says)
            w.optionalString(gap.derive)
        }
    }

    init(reading r: inout IndexReader) throws {
        var sources: [String: Source] = [:]
        for _ in 0..<(try r.count()) {
            let key = try r.string()
            sources[key] = Source(id: try r.string(), name: try r.string())
        }
        var backend: [String: Fact] = [:]
        for _ in 0..<(try r.count()) {
            let key = try r.string()
            backend[key] = try Fact(reading: &r)
        }
        var responsibilities: [Responsibility] = []
        for _ in 0..<(try r.count()) {
            responsibilities.append(Responsibility(id: try r.string(), title: try r.string(), text: try r.string(),
                                                   example: try r.string(), source: try r.string()))
        }
        var skills: [[Skill]] = []
        for _ in 0..<2 {
            var list: [Skill] = []
            for _ in 0..<(try r.count()) { list.append(Skill(name: try r.string(), text: try r.string(), source: try r.string())) }
            skills.append(list)
        }
        var roles: [Role] = []
        for _ in 0..<(try r.count()) {
            let id = try r.string(), name = try r.string(), responsibility = try r.string()
            var salary: Salary?
            if try r.bool() {
                // The figures as the loader parsed them (parsing them again costs more than all the rest).
                var figure = Self.salaryShape
                figure.text = try r.string()
                figure.low = try r.double()
                figure.high = try r.double()
                figure.source = try r.string()
                salary = figure
            }
            let salaryFrom = try r.strings()
            let about = try r.bool() ? try Fact(reading: &r) : nil
            roles.append(Role(id: id, name: name, responsibility: responsibility, salary: salary, salaryFrom: salaryFrom,
                              about: about, needs: try r.strings(), needsSource: try r.string(), keyTools: try r.strings(),
                              startsFor: try r.strings()))
        }
        var categories: [ToolCategory] = []
        for _ in 0..<(try r.count()) {
            categories.append(ToolCategory(id: try r.string(), name: try r.string(), summary: try r.string(), source: try r.string()))
        }
        var tools: [Tool] = []
        for _ in 0..<(try r.count()) {
            tools.append(Tool(id: try r.string(), name: try r.string(), category: try r.string(), text: try r.string(),
                              source: try r.string(), seedText: try r.optionalString()))
        }
        var steps: [Step] = []
        for _ in 0..<(try r.count()) {
            steps.append(Step(id: try r.string(), number: try r.int(), title: try r.string(), text: try r.string(),
                              source: try r.string(), more: try r.optionalString(), moreSource: try r.optionalString()))
        }
        var gaps: [Gap] = []
        for _ in 0..<(try r.count()) {
            let id = try r.string()
            let readings = try r.strings().map { name in
                guard let intent = Intent(rawValue: name) else { throw IndexReader.Damaged() }
                return intent
            }
            let words = try (0..<(try r.count())).map { _ in try r.strings() }
            gaps.append(Gap(id: id, readings: readings, words: words, says: try r.optionalString(), derive: try r.optionalString()))
        }
        self.init(sources: sources, backend: backend, responsibilities: responsibilities, technicalSkills: skills[0],
                  softSkills: skills[1], roles: roles, categories: categories, tools: tools, steps: steps, gaps: gaps)
    }
}

extension KnowledgeBase {
    /// A salary to copy and fill in: `Salary` has no initializer that takes parsed figures.
    static let salaryShape = Salary(text: "₹0–0 LPA", source: "")!
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
