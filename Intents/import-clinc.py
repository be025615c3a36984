#!/usr/bin/env python3
"""Writes Intents/*.clinc.yaml: examples from the TRAIN split of CLINC150 only.

CLINC150 (Larson et al., EMNLP-IJCNLP 2019; github.com/clinc/oos-eval, CC BY 3.0) holds real
requests from other domains. Its greeting, goodbye, thank_you and what_can_i_ask_you queries
teach greet, goodbye, thank and help; PER_INTENT queries of each of its other intents (minus
those that could be career questions, as ../shared/datasets/clinc150/to_cases.py leaves out)
and its out-of-scope train queries teach out_of_scope. The val and test splits stay unseen, so
they measure the advisor honestly.

    python3 Intents/import-clinc.py [--data ../shared/datasets/clinc150/data_full.json]
"""
import argparse, json, os, random, re

PER_INTENT = 45      # everyday requests per CLINC intent, for out_of_scope
SOCIAL = 100         # queries per social intent (all of the train split)
SAME = {"greeting": "greet", "goodbye": "goodbye", "thank_you": "thank", "what_can_i_ask_you": "help"}
OVERLAP = {"income", "payday", "direct_deposit", "taxes", "w2", "rollover_401k", "insurance", "insurance_change",
           "pto_balance", "pto_request", "pto_request_status", "pto_used", "next_holiday", "meeting_schedule",
           "schedule_meeting", "application_status", "meaning_of_life", "who_do_you_work_for", "definition",
           "are_you_a_bot", "who_made_you"}
CAREER = re.compile(r"\b(jobs?|careers?|salar(y|ies)|positions?|resumes?|programm\w*|hiring|employ\w*|"
                    r"engineer\w*|developer\w*|coding|code|software|earn\w*|wages?|paid|pay)\b")

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "shared", "datasets", "clinc150", "data_full.json"))
    data = json.load(open(ap.parse_args().data, encoding="utf-8"))
    by_intent = {}
    for text, intent in data["train"]:
        by_intent.setdefault(intent, []).append(text)
    rng = random.Random(7)  # a fixed seed: the same files every run
    out = {name: [] for name in ["out_of_scope", "greet", "goodbye", "thank", "help"]}
    for intent in sorted(by_intent):
        if intent in OVERLAP:
            continue
        texts = by_intent[intent][:]
        rng.shuffle(texts)
        if intent in SAME:
            out[SAME[intent]] += texts[:SOCIAL]
        else:
            out["out_of_scope"] += [t for t in texts if not CAREER.search(t)][:PER_INTENT]
    out["out_of_scope"] += [t for t, _ in data["oos_train"] if not CAREER.search(t)]
    for intent, texts in out.items():
        with open(os.path.join(here, f"{intent}.clinc.yaml"), "w", encoding="utf-8") as f:
            f.write(f"# {intent}: examples taken from the train split of CLINC150 (Larson et al., EMNLP-IJCNLP 2019;\n"
                    "# github.com/clinc/oos-eval, CC BY 3.0): real requests typed by people. Only the train split is\n"
                    "# used; val and test stay unseen. Written by Intents/import-clinc.py; do not edit by hand.\n")
            f.write(f"intent: {intent}\nexamples:\n")
            seen = set()
            for t in texts:
                if t not in seen:
                    seen.add(t)
                    f.write(f"  - {json.dumps(t, ensure_ascii=False)}\n")

if __name__ == "__main__":
    main()
