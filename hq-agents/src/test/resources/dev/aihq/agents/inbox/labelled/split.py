#!/usr/bin/env python3
"""Check a labelled inbox message file and split it into tuning and held-out halves.

Usage: python3 split.py SOURCE.jsonl [OUTPUT_DIR]

SOURCE.jsonl holds one message per line in the format of GUIDE.md section 6.
Every line is checked first: it must parse, have exactly the expected fields
in order, and use only the labels the guide defines. Any error stops the
script before anything is written.

The split is stratified by intent and deterministic. The messages are sorted
by id. Each intent's messages get their own random.Random(20261123),
created afresh per intent so that one intent's order does not depend on
another's, and are shuffled with it. Positions 0, 2, 4, ... go to
tuning.jsonl and positions 1, 3, 5, ... go to heldout.jsonl. Both files are
written sorted by id. The script prints the counts per intent and the
SHA-256 of heldout.jsonl.

Standard library only.
"""
import hashlib
import json
import os
import random
import re
import sys
from collections import Counter, OrderedDict

SEED = 20261123
FIELDS = ["id", "marketplace", "kind", "rating", "text", "intent", "emotion", "priority"]
MARKETPLACES = {"wildberries", "ozon"}
KINDS = {"review", "question", "chat_message"}
INTENTS = [
    "delivery_problem", "sizing", "availability", "compatibility", "product_question",
    "return_refund", "quality_complaint", "wrong_item", "churn_risk", "praise", "other",
]
EMOTIONS = {"angry", "frustrated", "neutral", "happy"}
PRIORITIES = {"critical", "high", "normal"}
ID_PATTERN = re.compile(r"^m\d{3}$")


def check(lineno, obj):
    """Returns the list of problems with one parsed line."""
    problems = []
    if not isinstance(obj, dict):
        return ["not a JSON object"]
    if list(obj.keys()) != FIELDS:
        problems.append("fields must be exactly %s in this order, got %s" % (FIELDS, list(obj.keys())))
        return problems
    if not isinstance(obj["id"], str) or not ID_PATTERN.match(obj["id"]):
        problems.append("id %r is not m + three digits" % (obj["id"],))
    if obj["marketplace"] not in MARKETPLACES:
        problems.append("marketplace %r" % (obj["marketplace"],))
    if obj["kind"] not in KINDS:
        problems.append("kind %r" % (obj["kind"],))
    rating = obj["rating"]
    if obj["kind"] == "review":
        if not (isinstance(rating, int) and not isinstance(rating, bool) and 1 <= rating <= 5):
            problems.append("a review needs an integer rating 1..5, got %r" % (rating,))
    elif rating is not None:
        problems.append("only reviews have a rating, got %r on a %s" % (rating, obj["kind"]))
    if not isinstance(obj["text"], str) or not obj["text"].strip():
        problems.append("empty text")
    if obj["intent"] not in INTENTS:
        problems.append("intent %r" % (obj["intent"],))
    if obj["emotion"] not in EMOTIONS:
        problems.append("emotion %r" % (obj["emotion"],))
    if obj["priority"] not in PRIORITIES:
        problems.append("priority %r" % (obj["priority"],))
    return problems


def read(path):
    messages, errors = [], []
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                errors.append("line %d: blank line" % lineno)
                continue
            try:
                obj = json.loads(line, object_pairs_hook=OrderedDict)
            except ValueError as e:
                errors.append("line %d: not JSON: %s" % (lineno, e))
                continue
            for p in check(lineno, obj):
                errors.append("line %d: %s" % (lineno, p))
            messages.append(obj)
    ids = Counter(m.get("id") for m in messages)
    for i, n in ids.items():
        if n > 1:
            errors.append("id %s appears %d times" % (i, n))
    texts = Counter(m.get("text") for m in messages)
    for t, n in texts.items():
        if n > 1:
            errors.append("text appears %d times: %r" % (n, t))
    return messages, errors


def write(path, messages):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for m in sorted(messages, key=lambda m: m["id"]):
            f.write(json.dumps(m, ensure_ascii=False, separators=(",", ":")) + "\n")


def main(argv):
    if len(argv) not in (2, 3):
        sys.stderr.write(__doc__)
        return 2
    source = argv[1]
    outdir = argv[2] if len(argv) == 3 else os.path.dirname(os.path.abspath(__file__))
    messages, errors = read(source)
    if errors:
        for e in errors:
            sys.stderr.write(e + "\n")
        sys.stderr.write("%d problem(s); nothing written\n" % len(errors))
        return 1

    by_intent = {i: [] for i in INTENTS}
    for m in sorted(messages, key=lambda m: m["id"]):
        by_intent[m["intent"]].append(m)

    tuning, heldout = [], []
    print("%-18s %6s %6s %6s" % ("intent", "total", "tuning", "heldout"))
    for intent in INTENTS:
        group = list(by_intent[intent])
        random.Random(SEED).shuffle(group)
        t, h = group[0::2], group[1::2]
        tuning.extend(t)
        heldout.extend(h)
        print("%-18s %6d %6d %6d" % (intent, len(group), len(t), len(h)))
    print("%-18s %6d %6d %6d" % ("total", len(messages), len(tuning), len(heldout)))

    write(os.path.join(outdir, "tuning.jsonl"), tuning)
    heldout_path = os.path.join(outdir, "heldout.jsonl")
    write(heldout_path, heldout)
    with open(heldout_path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    print("sha256(heldout.jsonl) = %s" % digest)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
