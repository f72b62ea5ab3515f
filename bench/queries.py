#!/usr/bin/env python3
"""Writes search queries for the benchmark, one per line, from the national generator's own vocabulary (Words.cs) and
the municipality names, so that they match what was generated. MIXED: one, two and three words (each query once).
BROAD: one word (tens of thousands of matches at national scale), a page from 1 to 100 and 10, 20 or 50 a page, shuffled —
a page nobody asked for of a word that may have been asked. FIRST: each word once, shuffled, for first asks one at a time.
The lists are long enough that a measured run (from the middle of each) never gets to a query asked before, at up to
15,000 req/s for MIXED and 2,500 for BROAD in 10 s (the bench's vocabulary has 168 words: pages 1 to 20 alone gave
3,360 broad queries, and a run at 1,500 req/s asked most of them again, served from the cache). Deterministic.
Usage: bench/queries.py MIXED BROAD FIRST [COUNT]"""
import csv, random, re, sys
from urllib.parse import quote
from pathlib import Path

root = Path(__file__).resolve().parent.parent
words_cs = (root / "src/Floke.Web/Core/NationalData/Words.cs").read_text(encoding="utf-8")
skip = {"FirstNames", "LastNames"}  # people's names are never indexed
vocabulary = set()
for name, body in re.findall(r"string\[\] (\w+) = \[(.*?)\];", words_cs, re.S):
    if name in skip:
        continue
    for phrase in re.findall(r'"([^"]*)"', body):
        vocabulary.update(w.lower() for w in re.findall(r"[^\W\d_]{5,}", phrase))
with open(root / "src/Floke.Web/Data/municipalities.csv", encoding="utf-8") as f:
    places = [row[1].split(" - ")[0].lower() for row in csv.reader(f) if row and row[0].isdigit()]
vocabulary = sorted(vocabulary)
rng = random.Random(42)
count = int(sys.argv[4]) if len(sys.argv) > 4 else 300000
seen = {}
for i in range(count * 4):
    kind = i % 3
    if kind == 0:
        q = [rng.choice(vocabulary)]
    elif kind == 1:
        q = [rng.choice(vocabulary), rng.choice(places)]
    else:
        q = rng.sample(vocabulary, 2) + [rng.choice(places)]
    line = "+".join(quote(re.sub(r"[^\w-]", "", w)) for w in q)
    seen.setdefault(line, None)  # each query once: the list is walked in order to ask only what was never asked
    if len(seen) == count:
        break
mixed = list(seen)
rng.shuffle(mixed)  # the few one-word queries spread over the whole list, not all at its start
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("\n".join(mixed) + "\n")

broad = [f"{quote(w)}&page={page}&pageSize={size}" for w in vocabulary for page in range(1, 101) for size in (10, 20, 50)]
rng.shuffle(broad)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\n".join(broad) + "\n")

first = [quote(w) for w in vocabulary]
rng.shuffle(first)
with open(sys.argv[3], "w", encoding="utf-8") as out:
    out.write("\n".join(first) + "\n")
