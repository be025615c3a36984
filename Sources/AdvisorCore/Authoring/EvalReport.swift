import Foundation

/// What `advisor eval` prints: the runner's figures and per-intent table, the confusions and
/// every failed turn, ending with the runner's one-line summary; or, with `--json`, all of it
/// as one object whose `metrics` carry the runner's own keys.
public struct EvalReport {
    public let file: String
    public let evaluation: Evaluation
    public let scores: EvalScores

    public init(file: String, evaluation: Evaluation) {
        self.file = file
        self.evaluation = evaluation
        self.scores = evaluation.scores
    }

    /// The report as text; `timed: false` leaves out the time, for output that must not vary.
    public func render(timed: Bool = true) -> String {
        let m = scores
        let f = EvalScores.format
        var out: [String] = []
        let time = timed ? String(format: "; answered in %.2f s", evaluation.seconds) : ""
        out.append("cases \(file): \(m.cases) cases, \(m.turns) turns\(time)")
        out.append("")
        out.append("  intent accuracy     \(pad(f(m.intentAccuracy), 7))  (\(m.intentCorrect)/\(m.turns) turns)")
        out.append("  entity exact match  \(pad(f(m.entityAccuracy), 7))  (\(m.entityCorrect)/\(m.entityTurns) turns with labelled entities)")
        out.append("    spurious entities          \(m.extraEntityTurns) turn(s) with none labelled got some")
        out.append("  answer facts        \(pad(f(m.factHitRate), 7))  (\(m.factsHit)/\(m.factsTotal) facts; "
                   + "\(f(m.factTurnsAllHitRate)) of \(m.factTurns) turns have all theirs)")
        out.append("  out-of-scope recall \(pad(f(m.oosRecall), 7))  (\(m.oosCaught)/\(m.oosTurns) out-of-scope turns declined)")
        out.append("  false accepts       \(pad(f(m.falseAcceptRate), 7))  (\(m.falseAccepts)/\(m.oosTurns) out-of-scope turns answered as in scope)")
        out.append("  false rejects       \(pad(f(m.falseRejectRate), 7))  (\(m.falseRejects)/\(m.inScopeTurns) in-scope turns declined)")
        out.append("  out-of-scope precision \(f(m.oosPrecision)); macro F1 over intents \(f(m.macroF1)); "
                   + "invalid answers \(m.invalidAnswers); failed turns \(m.failedTurns)")
        out.append("")
        out.append("  \(right("intent", 28)) \(pad("support", 7)) \(pad("pred", 5)) \(pad("prec", 7)) \(pad("recall", 7)) \(pad("F1", 7))")
        let rows = m.perIntent.enumerated().sorted { a, b in
            a.element.score.support != b.element.score.support ? a.element.score.support > b.element.score.support : a.offset < b.offset
        }.map(\.element)
        for (label, s) in rows {
            out.append("  \(right(label, 28)) \(pad(String(s.support), 7)) \(pad(String(s.predicted), 5)) "
                       + "\(pad(f(s.precision), 7)) \(pad(f(s.recall), 7)) \(pad(f(s.f1), 7))\(s.support == 0 ? "  (never expected)" : "")")
        }
        out.append("")
        if !m.confusions.isEmpty {
            out.append("  most frequent confusions (expected -> got):")
            for c in m.confusions {
                out.append("  \(pad(String(c.count), 4))  \(c.expected) -> \(c.got)    e.g. \(JSONLine.quote(c.example))")
            }
            out.append("")
        }
        let failed = evaluation.results.filter { !$0.reasons.isEmpty }
        if !failed.isEmpty {
            out.append("  failed turns (\(failed.count)):")
            for r in failed {
                let place = r.of == 1 ? r.caseID : "\(r.caseID) turn \(r.turn)/\(r.of)"
                out.append("  [\(place)] \(JSONLine.quote(r.text))   (\(r.reasons.joined(separator: ", ")))")
                out.append("    expected: \(right(r.expectedIntent, 26)) \(JSONValue.entities(r.expectedEntities).render(indent: nil))")
                out.append("    got:      \(right(r.gotIntent, 26)) \(JSONValue.entities(r.gotEntities).render(indent: nil))")
                if !r.missingFacts.isEmpty {
                    let answer = String(r.answer.prefix(200))
                    out.append("    missing facts: \(JSONValue.array(r.missingFacts.map { .string($0) }).render(indent: nil))   answer: \(JSONLine.quote(answer))")
                }
            }
            out.append("")
        }
        out.append(m.summary)
        return out.joined(separator: "\n")
    }

    /// The summary object: `metrics` with the keys of `run_eval.py --json-out`, the
    /// per-intent table, the confusions and the failed turns.
    public func json(timed: Bool = true) -> String {
        let m = scores
        let metrics: [(String, JSONValue)] = [
            ("turns", .int(m.turns)), ("cases", .int(m.cases)),
            ("intent_accuracy", .number(m.intentAccuracy)), ("intent_correct", .int(m.intentCorrect)),
            ("entity_accuracy", .number(m.entityAccuracy)), ("entity_correct", .int(m.entityCorrect)),
            ("entity_turns", .int(m.entityTurns)),
            ("entity_accuracy_all_turns", .number(m.entityAccuracyAllTurns)), ("extra_entity_turns", .int(m.extraEntityTurns)),
            ("fact_hit_rate", .number(m.factHitRate)), ("facts_hit", .int(m.factsHit)), ("facts_total", .int(m.factsTotal)),
            ("fact_turns_all_hit", .number(m.factTurnsAllHitRate)), ("fact_turns", .int(m.factTurns)),
            ("oos_turns", .int(m.oosTurns)), ("oos_recall", .number(m.oosRecall)), ("oos_caught", .int(m.oosCaught)),
            ("oos_precision", .number(m.oosPrecision)),
            ("false_accepts", .int(m.falseAccepts)), ("false_accept_rate", .number(m.falseAcceptRate)),
            ("in_scope_turns", .int(m.inScopeTurns)), ("false_rejects", .int(m.falseRejects)),
            ("false_reject_rate", .number(m.falseRejectRate)),
            ("invalid_answers", .int(m.invalidAnswers)), ("macro_f1", .number(m.macroF1)),
            ("failed_turns", .int(m.failedTurns)),
        ]
        let perIntent: [(String, JSONValue)] = m.perIntent.map { label, s in
            (label, .object([("support", .int(s.support)), ("predicted", .int(s.predicted)), ("correct", .int(s.correct)),
                             ("precision", .number(s.precision)), ("recall", .number(s.recall)), ("f1", .number(s.f1))]))
        }
        let confusions: [JSONValue] = m.confusions.map { c in
            .object([("expected", .string(c.expected)), ("got", .string(c.got)), ("count", .int(c.count)), ("example", .string(c.example))])
        }
        let failed: [JSONValue] = evaluation.results.filter { !$0.reasons.isEmpty }.map { r in
            .object([("case", .string(r.caseID)), ("turn", .int(r.turn)), ("text", .string(r.text)),
                     ("reasons", .array(r.reasons.map { .string($0) })),
                     ("expected_intent", .string(r.expectedIntent)), ("got_intent", .string(r.gotIntent)),
                     ("expected_entities", JSONValue.entities(r.expectedEntities)), ("got_entities", JSONValue.entities(r.gotEntities)),
                     ("missing_facts", .array(r.missingFacts.map { .string($0) })), ("answer", .string(String(r.answer.prefix(400))))])
        }
        var top: [(String, JSONValue)] = [("cases_file", .string(file))]
        if timed { top.append(("seconds", .number((evaluation.seconds * 100).rounded() / 100))) }
        top += [("metrics", .object(metrics)), ("per_intent", .object(perIntent)), ("confusions", .array(confusions)),
                ("failed_turns", .array(failed)), ("summary", .string(m.summary))]
        return JSONValue.object(top).render()
    }

    /// Entity types in the contract's order, unknown ones after, by name.
    static func orderedTypes(_ map: [String: [String]]) -> [String] {
        let known = EntityType.allCases.map(\.rawValue)
        return map.keys.sorted { a, b in
            let x = known.firstIndex(of: a) ?? known.count, y = known.firstIndex(of: b) ?? known.count
            return x != y ? x < y : a < b
        }
    }

    /// Right-aligned in `width` (Python's `:>7s`).
    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    /// Left-aligned in `width` (Python's `:28s`).
    private func right(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
