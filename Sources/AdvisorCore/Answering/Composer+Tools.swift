/// The answers about tools and steps: the kinds of tools and those of one kind, one tool, tools
/// side by side, the article's five steps and one of them.
extension Composer {
    func toolsList(category: String?) -> String {
        if let id = category, let cat = kb.category(id) {
            let tools = kb.tools.filter { $0.category == id }
            let items = tools.map { t.fill("tool_item", ["name": $0.name, "text": $0.text]) }.joined(separator: "\n")
            // "Which database should I learn?": what the article's own steps name of the kind comes first.
            let named = kb.steps.lazy.compactMap { step -> (Step, [Tool])? in
                let its = tools.filter { step.text.range(of: $0.name, options: .caseInsensitive) != nil }
                return step.source == "seed" && !its.isEmpty ? (step, its) : nil
            }.first
            let article = named.map { step, its in
                t.fill("tools_category_article", ["number": String(step.number), "title": step.title,
                                                  "names": ListText.join(its.map(\.name)), "text": step.text])
            } ?? ""
            return t.fill("tools_category", ["article": article, "summary": cat.summary, "items": items,
                                             "cite": cite([named?.0.source, cat.source] + tools.map(\.source))])
        }
        let items = kb.categories.map { cat in
            t.fill("tools_category_item", ["name": cat.name,
                                           "tools": kb.tools.filter { $0.category == cat.id }.map(\.name).joined(separator: ", ")])
        }.joined(separator: "\n")
        let tools = Array(Set(kb.tools.map(\.source))).sorted()
        return t.fill("tools_all", ["items": items,
                                    "cite": citeParts([("part_kinds", kb.categories.first?.source)] + tools.map { ("part_tools", $0) })])
    }

    func describe(_ tool: Tool) -> String {
        let seed = tool.seedText.map { t.fill("tool_seed", ["text": $0]) } ?? ""
        return t.fill("tool_describe", [
            "name": tool.name, "category": kb.category(tool.category)?.name ?? tool.category, "text": tool.text,
            "seed": seed, "cite": citeParts([("part_description", tool.source), ("part_article_line", tool.seedText == nil ? nil : "seed")]),
        ])
    }

    /// Tools side by side, one line each: their descriptions are sentences, too long for
    /// the columns of a table.
    func compare(_ tools: [Tool]) -> String {
        let names = ListText.join(tools.map(\.name))
        let items = tools.map {
            t.fill("tool_compare_item", ["name": $0.name, "category": kb.category($0.category)?.name ?? $0.category, "text": $0.text])
        }.joined(separator: "\n")
        // "Both" only of two: three or more are "all of them".
        let advice = t.fill(tools.count > 2 ? "tool_compare_advice_many" : "tool_compare_advice_two")
        // "Python or Java?": a step of the article that names them all is quoted, and cited.
        // Else a step that names one of them ("Go or Python?": step 1 names Python), saying which.
        func named(in step: Step) -> [Tool] { tools.filter { NextStepAdvice.names(step.text, $0.name) } }
        let seedSteps = kb.steps.filter { $0.source == "seed" }
        let step = seedSteps.first { named(in: $0).count == tools.count } ?? seedSteps.first { !named(in: $0).isEmpty }
        let article = step.map { step in
            let some = named(in: step)
            return some.count == tools.count
                ? t.fill("tool_compare_article", ["number": String(step.number), "title": step.title, "text": step.text])
                : t.fill("tool_compare_article_some", ["number": String(step.number), "title": step.title, "text": step.text,
                                                       "names": ListText.join(some.map(\.name))])
        } ?? ""
        return t.fill("tool_compare", ["intro": t.fill("tool_compare_intro", ["names": names]), "items": items, "article": article,
                                       "advice": advice, "cite": citeParts(tools.map { ("part_descriptions", $0.source) } + [("part_article_line", step?.source)])])
    }

    // MARK: Steps

    func roadmap() -> String {
        let items = kb.steps.map { t.fill("step_item", ["number": String($0.number), "title": $0.title, "text": $0.text]) }
        return t.fill("steps_roadmap", ["items": items.joined(separator: "\n"), "cite": cite(kb.steps.map(\.source))])
    }

    func detail(_ step: Step) -> String {
        t.fill("step_detail", ["number": String(step.number), "title": step.title, "text": step.text,
                               "more": step.more ?? "", "cite": cite([step.source, step.moreSource])])
    }
}
