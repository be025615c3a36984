/// Guards the advisor's score on the shared development set (`../shared/eval/dev.jsonl`): intent, entity and fact accuracy floors.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct DevSetAccuracyTests {
    // The floors only go up: raise them when the advisor improves, never lower them to pass.
    static let intentFloor = 0.98
    static let entitiesFloor = 0.99
    static let factsFloor = 0.975

    static let path = URL(fileURLWithPath: TestData.packageRoot)
        .appendingPathComponent("../shared/eval/dev.jsonl").standardizedFileURL.path
    static let devSetExists = FileManager.default.fileExists(atPath: path)

    struct Turn {
        let text: String
        let intent: String
        let entities: [String: [String]]
        let answerHas: [String]
    }

    struct Case {
        let id: String
        let turns: [Turn]
    }

    /// One turn that missed its intent, an entity type of its label, or a fact.
    struct Miss: CustomStringConvertible {
        let caseID: String
        let turn: Int
        let expected: Turn
        let intent: String
        let entities: [String: [String]]
        let missingFacts: [String]

        var description: String {
            var line = "[\(caseID) #\(turn)] \"\(expected.text)\"\n    expected: \(expected.intent) \(DevSetAccuracyTests.show(expected.entities))"
                + "\n    got:      \(intent) \(DevSetAccuracyTests.show(entities))"
            if !missingFacts.isEmpty { line += "\n    missing facts: \(missingFacts)" }
            return line
        }
    }

    /// Both ways the advisor reads: with the sentence encoder, and on the lexical matcher alone
    /// (a machine without the model).
    @Test(.enabled(if: devSetExists, "the development set ../shared/eval/dev.jsonl is absent"), arguments: [true, false])
    func scoresAboveTheFloors(withEncoder: Bool) throws {
        let cases = try Self.loadCases()
        try #require(!cases.isEmpty, "no cases in \(Self.path)")
        let score = Self.score(cases, advisor: withEncoder ? TestData.advisor : TestData.lexical)
        let summary = (withEncoder ? "with the encoder: " : "lexical alone: ") + "intent \(Self.percent(score.intent)) (floor \(Self.percent(Self.intentFloor))), "
            + "entities \(Self.percent(score.entities)) (floor \(Self.percent(Self.entitiesFloor))), "
            + "facts \(Self.percent(score.facts)) (floor \(Self.percent(Self.factsFloor))) over \(score.turns) turns; "
            + "\(score.misses.count) failed turns:\n" + score.misses.map(\.description).joined(separator: "\n")
        #expect(score.intent >= Self.intentFloor, "\(summary)")
        #expect(score.entities >= Self.entitiesFloor, "\(summary)")
        #expect(score.facts >= Self.factsFloor, "\(summary)")
    }

    /// A set's scores: each case in a fresh session, as `run_eval.py` plays them.
    struct Score {
        var turns = 0
        var intent = 0.0, entities = 0.0, facts = 0.0
        var misses: [Miss] = []
    }

    static func score(_ cases: [Case], advisor: Advisor = TestData.advisor) -> Score {
        var score = Score()
        var intentsRight = 0, labelledEntities = 0, entitiesRight = 0, facts = 0, factsFound = 0
        for labelled in cases {
            var session = advisor.session()
            for (index, turn) in labelled.turns.enumerated() {
                let (intent, entities, answer) = reply(session.respond(to: turn.text))
                score.turns += 1
                let intentOK = intent == turn.intent
                if intentOK { intentsRight += 1 }
                let entitiesOK = turn.entities.allSatisfy { entities[$0.key] == $0.value }
                if !turn.entities.isEmpty {
                    labelledEntities += 1
                    if entitiesOK { entitiesRight += 1 }
                }
                let folded = fold(answer)
                let missing = turn.answerHas.filter { !folded.contains(fold($0)) }
                facts += turn.answerHas.count
                factsFound += turn.answerHas.count - missing.count
                if !intentOK || !entitiesOK || !missing.isEmpty {
                    score.misses.append(Miss(caseID: labelled.id, turn: index + 1, expected: turn, intent: intent,
                                             entities: entities, missingFacts: missing))
                }
            }
        }
        score.intent = Double(intentsRight) / Double(max(score.turns, 1))
        score.entities = labelledEntities == 0 ? 1 : Double(entitiesRight) / Double(labelledEntities)
        score.facts = facts == 0 ? 1 : Double(factsFound) / Double(facts)
        return score
    }

    // MARK: Reading the set and the replies

    static func loadCases(from path: String = path) throws -> [Case] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return try text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "bad line: \(line)")
            let turns = try #require(object["turns"] as? [[String: Any]], "no turns: \(line)")
            return Case(id: object["id"] as? String ?? "?", turns: try turns.map { turn in
                Turn(text: try #require(turn["text"] as? String, "turn without text: \(line)"),
                     intent: try #require(turn["intent"] as? String, "turn without intent: \(line)"),
                     entities: turn["entities"] as? [String: [String]] ?? [:],
                     answerHas: turn["answer_has"] as? [String] ?? [])
            })
        }
    }

    /// The intent, entities (by type name) and answer text of a reply; a command or error counts as its own "intent".
    static func reply(_ reply: Session.Reply) -> (String, [String: [String]], String) {
        switch reply {
        case .answer(let understanding, let text):
            var entities: [String: [String]] = [:]
            for (type, ids) in understanding.entities where !ids.isEmpty { entities[type.rawValue] = ids }
            return (understanding.intent.rawValue, entities, text)
        case .command(let name, let text): return ("command \(name)", [:], text)
        case .error(let message): return ("error", [:], message)
        }
    }

    /// Lowercase, every dash as "-", runs of white space as one space: how facts are looked for.
    static func fold(_ text: String) -> String {
        let dashes = text.lowercased().replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        return dashes.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func show(_ entities: [String: [String]]) -> String {
        entities.isEmpty ? "{}" : "{" + entities.keys.sorted().map { "\($0): \(entities[$0]!)" }.joined(separator: ", ") + "}"
    }

    static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
}
