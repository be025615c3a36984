/// `advisor eval` in process: the cases file is read by `run_eval.py`'s rules, a small
/// synthetic set gives exactly the pinned report, and facts are matched as the runner does.
import Foundation
import Testing
@testable import AdvisorCore

@Suite struct EvalTests {
    /// Every kind of turn the figures count: right, wrong intent, wrong entity order, a
    /// missing fact, a decline that should not be, a false accept, a follow-up.
    static let cases = """
        {"id": "salary", "turns": [{"text": "what does a DevOps engineer earn", "intent": "role.salary", "entities": {"role": ["devops-engineer"]}, "answer_has": ["6-10 lpa", "GLASSDOOR"]}]}
        {"id": "conversation", "turns": [{"text": "how much do cloud engineers make", "intent": "role.salary", "entities": {"role": ["cloud-engineer"]}}, {"text": "what do they do all day?", "intent": "role.describe", "entities": {"role": ["cloud-engineer"]}}]}
        {"id": "greeting-as-thanks", "turns": [{"text": "hi", "intent": "thank"}]}

        {"id": "order", "turns": [{"text": "compare a DBA and a system analyst", "intent": "role.compare", "entities": {"role": ["system-analyst", "database-administrator"]}}]}
        {"id": "fact", "turns": [{"text": "explain backend with the restaurant analogy", "intent": "backend.analogy", "answer_has": ["kitchen", "pizza oven"]}]}
        {"id": "pilot", "turns": [{"text": "what does a pilot earn", "intent": "out_of_scope"}]}
        {"id": "django", "turns": [{"text": "what is django", "intent": "out_of_scope"}]}
        {"id": "gibberish", "turns": [{"text": "qwpoeiru zxmcnv", "intent": "greet"}]}
        """

    @Test func aSmallSetGivesThePinnedReport() throws {
        let cases = try EvalCase.parse(Self.cases, file: "small.jsonl")
        let report = EvalReport(file: "small.jsonl", evaluation: Evaluation.run(cases, advisor: TestData.advisor))
        #expect(report.render(timed: false) == """
            cases small.jsonl: 8 cases, 9 turns

              intent accuracy       66.7%  (6/9 turns)
              entity exact match    75.0%  (3/4 turns with labelled entities)
                spurious entities          1 turn(s) with none labelled got some
              answer facts          75.0%  (3/4 facts; 50.0% of 2 turns have all theirs)
              out-of-scope recall   50.0%  (1/2 out-of-scope turns declined)
              false accepts         50.0%  (1/2 out-of-scope turns answered as in scope)
              false rejects         14.3%  (1/7 in-scope turns declined)
              out-of-scope precision 50.0%; macro F1 over intents 64.3%; invalid answers 0; failed turns 5

              intent                       support  pred    prec  recall      F1
              out_of_scope                       2     2   50.0%   50.0%   50.0%
              role.salary                        2     2  100.0%  100.0%  100.0%
              backend.analogy                    1     1  100.0%  100.0%  100.0%
              greet                              1     1    0.0%    0.0%    0.0%
              role.compare                       1     1  100.0%  100.0%  100.0%
              role.describe                      1     1  100.0%  100.0%  100.0%
              thank                              1     0     n/a    0.0%     n/a
              tool.describe                      0     1    0.0%     n/a     n/a  (never expected)

              most frequent confusions (expected -> got):
                 1  thank -> greet    e.g. "hi"
                 1  out_of_scope -> tool.describe    e.g. "what is django"
                 1  greet -> out_of_scope    e.g. "qwpoeiru zxmcnv"

              failed turns (5):
              [greeting-as-thanks] "hi"   (intent)
                expected: thank                      {}
                got:      greet                      {}
              [order] "compare a DBA and a system analyst"   (entities)
                expected: role.compare               {"role": ["system-analyst", "database-administrator"]}
                got:      role.compare               {"role": ["database-administrator", "system-analyst"]}
              [fact] "explain backend with the restaurant analogy"   (facts)
                expected: backend.analogy            {}
                got:      backend.analogy            {}
                missing facts: ["pizza oven"]   answer: "Think of a website or app like a restaurant. The front-end is what customers see—the menu, the tables, and the decor. The back-end is like the kitchen, where the chefs prepare the food, manage the ing"
              [django] "what is django"   (intent, extra-entities)
                expected: out_of_scope               {}
                got:      tool.describe              {"tool": ["django"]}
              [gibberish] "qwpoeiru zxmcnv"   (intent)
                expected: greet                      {}
                got:      out_of_scope               {}

            intent 66.7% entities 75.0% facts 75.0% oos-recall 50.0% false-accept 50.0% false-reject 14.3%
            """)
    }

    @Test func theJSONSummaryCarriesTheRunnersKeys() throws {
        let cases = try EvalCase.parse(Self.cases, file: "small.jsonl")
        let json = EvalReport(file: "small.jsonl", evaluation: Evaluation.run(cases, advisor: TestData.advisor)).json(timed: false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["cases_file", "metrics", "per_intent", "confusions", "failed_turns", "summary"])
        let metrics = try #require(object["metrics"] as? [String: Any])
        #expect(Set(metrics.keys) == [
            "turns", "cases", "intent_accuracy", "intent_correct", "entity_accuracy", "entity_correct", "entity_turns",
            "entity_accuracy_all_turns", "extra_entity_turns", "fact_hit_rate", "facts_hit", "facts_total",
            "fact_turns_all_hit", "fact_turns", "oos_turns", "oos_recall", "oos_caught", "oos_precision",
            "false_accepts", "false_accept_rate", "in_scope_turns", "false_rejects", "false_reject_rate",
            "invalid_answers", "macro_f1", "failed_turns",
        ])
        #expect(metrics["turns"] as? Int == 9)
        #expect(object["summary"] as? String == EvalReport(file: "", evaluation: Evaluation.run(cases, advisor: TestData.advisor)).scores.summary)
    }

    @Test func refusesWhatTheRunnerRefuses() {
        func problem(_ text: String) -> String {
            do { _ = try EvalCase.parse(text, file: "bad.jsonl"); return "accepted" } catch { return "\(error)" }
        }
        #expect(problem("{\"id\": \"a\", \"turns\": [{\"text\": \"hi\", \"intent\": \"greet\"}]}\n{\"id\": \"a\", \"turns\": [{\"text\": \"hi\", \"intent\": \"greet\"}]}")
                == "bad.jsonl:2: duplicate id a")
        #expect(problem("{\"turns\": [{\"text\": \":reset\", \"intent\": \"greet\"}]}")
                == "bad.jsonl:1: (line1 turn 1): text starts with ':' and would be read as a command")
        #expect(problem("\n{\"id\": \"x\", \"turns\": []}") == "bad.jsonl:2: a case needs a non-empty list 'turns'")
        #expect(problem("{\"id\": \"x\", \"turns\": [{\"text\": \"hi\", \"intent\": \"greet\", \"entities\": {\"role\": \"cloud-engineer\"}}]}")
                == "bad.jsonl:1: (x turn 1): 'entities' must map a type to a list of IDs")
        #expect(problem("{\"id\": \"x\", \"turns\": [{\"text\": \"hi\"}]}") == "bad.jsonl:1: (x turn 1): 'intent' must be a string")
        #expect(problem("{not json") == "bad.jsonl:1: not JSON")
        #expect(problem("\n\n") == "bad.jsonl: no cases")
    }

    @Test func factsAreFoundAsTheRunnerFindsThem() {
        let answer = FactText.fold("A DevOps Engineer earns ₹6–10\u{1B}[1m LPA\u{1B}[0m  on\naverage — in India.")
        #expect(answer == "a devops engineer earns ₹6-10 lpa on average - in india.")
        #expect(FactText.contains(answer, FactText.fold("6—10 LPA on  average")))
        #expect(!FactText.contains(answer, FactText.fold("6-11 LPA")))
        // NFKC: a full-width digit is the digit.
        #expect(FactText.fold("\u{FF16}") == "6")
    }

    @Test func emptyLabelsAndSpuriousEntitiesCountAsTheRunnerCounts() throws {
        let cases = try EvalCase.parse("""
            {"id": "a", "turns": [{"text": "what does a DevOps engineer earn", "intent": "role.salary", "entities": {"role": []}}]}
            """, file: "x.jsonl")
        let scores = Evaluation.run(cases, advisor: TestData.advisor).scores
        // An empty list is no label: the turn counts as unlabelled, and its role as spurious.
        #expect(scores.entityTurns == 0)
        #expect(scores.entityAccuracy == nil)
        #expect(scores.extraEntityTurns == 1)
        #expect(scores.summary == "intent 100.0% entities n/a facts n/a oos-recall n/a false-accept n/a false-reject 0.0%")
    }
}
