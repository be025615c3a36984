/// Reads the knowledge base's YAML files into a `KnowledgeBase`, checking every field as it
/// goes so that a mistake reads `Sources/Knowledge/roles.yaml:41:5: what is wrong`.
struct KnowledgeLoader {
    let root: DataRoot

    static let backendKeys: Set<String> = ["definition", "analogy", "vs_frontend", "market", "fit", "summary"]

    func load() throws -> KnowledgeBase {
        let folder = DataRoot.knowledgeFolder
        let sources = try loadSources(try root.parse("\(folder)/sources.yaml"))
        let checkSource = { (node: DataNode, id: String) throws in
            if sources[id] == nil {
                throw node.error("unknown source '\(id)' (declared in sources.yaml: \(sources.keys.sorted().joined(separator: ", ")))")
            }
        }
        let backend = try loadBackend(try root.parse("\(folder)/backend.yaml"), checkSource)
        let responsibilities = try loadResponsibilities(try root.parse("\(folder)/responsibilities.yaml"), checkSource)
        let (technical, soft) = try loadSkills(try root.parse("\(folder)/skills.yaml"), checkSource)
        let roles = try loadRoles(try root.parse("\(folder)/roles.yaml"), checkSource)
        let (categories, tools) = try loadTools(try root.parse("\(folder)/tools.yaml"), checkSource)
        let steps = try loadSteps(try root.parse("\(folder)/steps.yaml"), checkSource)
        let toolIDs = Set(tools.map(\.id))
        for role in roles {
            for tool in role.keyTools where !toolIDs.contains(tool) {
                throw DataError(file: "\(folder)/roles.yaml", message: "role '\(role.id)' names unknown key tool '\(tool)'")
            }
        }
        return KnowledgeBase(
            sources: sources, backend: backend, responsibilities: responsibilities,
            technicalSkills: technical, softSkills: soft, roles: roles,
            categories: categories, tools: tools, steps: steps,
            gaps: try loadGaps(try root.parse("\(folder)/gaps.yaml")))
    }

    private func loadGaps(_ doc: DataNode) throws -> [Gap] {
        let gaps: [(DataNode, Gap)] = try doc.list("gaps.yaml").map { item in
            let r = try item.record("a gap", allowed: ["id", "readings", "words", "says", "derive"])
            let id = try r.text("id")
            let readings = try r.texts("readings").map { name in
                guard let intent = Intent(rawValue: name) else { throw try r.required("readings").error("unknown intent '\(name)' in gap '\(id)'") }
                return intent
            }
            let words = try r.texts("words").map { $0.lowercased().split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
            if words.isEmpty { throw item.error("gap '\(id)' has no words that ask into it") }
            let says = try r.optionalText("says"), derive = try r.optionalText("derive")
            if says == nil && derive == nil { throw item.error("gap '\(id)' says nothing: give 'says' (what the article gives instead) or 'derive'") }
            if let derive, !Gap.derivations.contains(derive) {
                throw try r.required("derive").error("unknown derivation '\(derive)' in gap '\(id)' (known: \(Gap.derivations.sorted().joined(separator: ", ")))")
            }
            return (item, Gap(id: id, readings: readings, words: words, says: says, derive: derive))
        }
        return try unique(gaps, id: \.id, what: "gap")
    }

    typealias SourceCheck = (DataNode, String) throws -> Void

    private func loadSources(_ doc: DataNode) throws -> [String: Source] {
        var sources: [String: Source] = [:]
        for entry in try doc.pairs("sources.yaml") {
            let record = try entry.value.record("source '\(entry.key)'", allowed: ["name"])
            sources[entry.key] = Source(id: entry.key, name: try record.text("name"))
        }
        return sources
    }

    private func fact(_ node: DataNode, _ what: String, _ check: SourceCheck) throws -> Fact {
        let record = try node.record(what, allowed: ["text", "source"])
        let source = try record.text("source")
        try check(try record.required("source"), source)
        return Fact(text: try record.text("text"), source: source)
    }

    private func loadBackend(_ doc: DataNode, _ check: SourceCheck) throws -> [String: Fact] {
        let record = try doc.record("backend.yaml", allowed: Self.backendKeys)
        var facts: [String: Fact] = [:]
        for key in Self.backendKeys.sorted() {
            facts[key] = try fact(try record.required(key), "'\(key)'", check)
        }
        return facts
    }

    private func loadResponsibilities(_ doc: DataNode, _ check: SourceCheck) throws -> [Responsibility] {
        try unique(try doc.list("responsibilities.yaml").map { item in
            let r = try item.record("a responsibility", allowed: ["id", "title", "text", "example", "source"])
            let source = try r.text("source")
            try check(try r.required("source"), source)
            return (item, Responsibility(id: try r.text("id"), title: try r.text("title"), text: try r.text("text"),
                                         example: try r.text("example"), source: source))
        }, id: \.id, what: "responsibility")
    }

    private func loadSkills(_ doc: DataNode, _ check: SourceCheck) throws -> ([Skill], [Skill]) {
        let record = try doc.record("skills.yaml", allowed: ["technical", "soft"])
        func skills(_ key: String) throws -> [Skill] {
            try record.required(key).list("'\(key)'").map { item in
                let r = try item.record("a \(key) skill", allowed: ["name", "text", "source"])
                let source = try r.text("source")
                try check(try r.required("source"), source)
                return Skill(name: try r.text("name"), text: try r.text("text"), source: source)
            }
        }
        return (try skills("technical"), try skills("soft"))
    }

    private func loadRoles(_ doc: DataNode, _ check: SourceCheck) throws -> [Role] {
        let items = try doc.list("roles.yaml")
        let roles: [(DataNode, Role)] = try items.map { item in
            let r = try item.record("a role", allowed: [
                "id", "name", "responsibility", "salary", "salary_source", "salary_from",
                "about", "about_source", "needs", "needs_source", "key_tools", "starts_for",
            ])
            let id = try r.text("id")
            var salary: Salary?
            if let salaryNode = r.optional("salary") {
                let text = try salaryNode.text("'salary' of role '\(id)'")
                guard let sourceNode = r.optional("salary_source") else {
                    throw item.error("role '\(id)' has a salary but no 'salary_source'")
                }
                let source = try sourceNode.text("'salary_source' of role '\(id)'")
                try check(sourceNode, source)
                guard let parsed = Salary(text: text, source: source) else {
                    throw salaryNode.error("salary '\(text)' of role '\(id)' must read like '₹6–10 LPA' (rupee sign, en dash, LPA)")
                }
                salary = parsed
            }
            let salaryFrom = try r.optionalTexts("salary_from")
            if salary == nil && salaryFrom.isEmpty {
                throw item.error("role '\(id)' has no salary: give 'salary' (like '₹6–10 LPA') and 'salary_source', or 'salary_from'")
            }
            var about: Fact?
            if let text = try r.optionalText("about") {
                let source = try r.text("about_source")
                try check(try r.required("about_source"), source)
                about = Fact(text: text, source: source)
            }
            let needsSource = try r.text("needs_source")
            try check(try r.required("needs_source"), needsSource)
            let levels = EntityLexicon.fixedIDs[.level] ?? []
            let startsFor = try r.optionalTexts("starts_for")
            if let unknown = startsFor.first(where: { !levels.contains($0) }) {
                throw try r.required("starts_for").error("unknown level '\(unknown)' in 'starts_for' of role '\(id)'; the levels are \(levels.joined(separator: ", "))")
            }
            return (item, Role(id: id, name: try r.text("name"), responsibility: try r.text("responsibility"),
                               salary: salary, salaryFrom: salaryFrom, about: about,
                               needs: try r.texts("needs"), needsSource: needsSource,
                               keyTools: try r.optionalTexts("key_tools"), startsFor: startsFor))
        }
        let ids = Set(roles.map { $0.1.id })
        for (node, role) in roles {
            for other in role.salaryFrom where !ids.contains(other) || other == role.id {
                throw node.error("role '\(role.id)' takes its salary from unknown role '\(other)'")
            }
        }
        return try unique(roles, id: \.id, what: "role")
    }

    private func loadTools(_ doc: DataNode, _ check: SourceCheck) throws -> ([ToolCategory], [Tool]) {
        let record = try doc.record("tools.yaml", allowed: ["categories", "tools"])
        let categories = try unique(try record.required("categories").list("'categories'").map { item in
            let r = try item.record("a category", allowed: ["id", "name", "summary", "source"])
            let source = try r.text("source")
            try check(try r.required("source"), source)
            return (item, ToolCategory(id: try r.text("id"), name: try r.text("name"),
                                       summary: try r.text("summary"), source: source))
        }, id: \.id, what: "category")
        let categoryIDs = Set(categories.map(\.id))
        let tools = try unique(try record.required("tools").list("'tools'").map { item in
            let r = try item.record("a tool", allowed: ["id", "name", "category", "text", "source", "seed_text"])
            let id = try r.text("id")
            guard r.optional("category") != nil else {
                throw item.error("tool '\(id)' has no category (one of: \(categoryIDs.sorted().joined(separator: ", ")))")
            }
            let category = try r.text("category")
            guard categoryIDs.contains(category) else {
                throw try r.required("category").error("tool '\(id)' has unknown category '\(category)'")
            }
            let source = try r.text("source")
            try check(try r.required("source"), source)
            return (item, Tool(id: id, name: try r.text("name"), category: category, text: try r.text("text"),
                               source: source, seedText: try r.optionalText("seed_text")))
        }, id: \.id, what: "tool")
        return (categories, tools)
    }

    private func loadSteps(_ doc: DataNode, _ check: SourceCheck) throws -> [Step] {
        let steps = try unique(try doc.list("steps.yaml").map { item in
            let r = try item.record("a step", allowed: ["id", "number", "title", "text", "source", "more", "more_source"])
            let source = try r.text("source")
            try check(try r.required("source"), source)
            let more = try r.optionalText("more")
            let moreSource = more == nil ? nil : try r.text("more_source")
            if let moreSource { try check(try r.required("more_source"), moreSource) }
            return (item, Step(id: try r.text("id"), number: try r.required("number").integer("'number'"),
                               title: try r.text("title"), text: try r.text("text"), source: source,
                               more: more, moreSource: moreSource))
        }, id: \.id, what: "step")
        for (index, step) in steps.enumerated() where step.number != index + 1 {
            throw DataError(file: "\(DataRoot.knowledgeFolder)/steps.yaml",
                            message: "step '\(step.id)' is number \(step.number) but stands at place \(index + 1)")
        }
        return steps
    }

    /// Checks that no ID appears twice and returns the values in file order.
    private func unique<T>(_ items: [(DataNode, T)], id: KeyPath<T, String>, what: String) throws -> [T] {
        var seen = Set<String>()
        for (node, item) in items {
            let value = item[keyPath: id]
            if !seen.insert(value).inserted { throw node.error("\(what) '\(value)' is defined twice") }
        }
        return items.map(\.1)
    }
}
