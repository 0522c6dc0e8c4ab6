"""Article body extraction on the Zyte (Scrapinghub) article-extraction benchmark.

Scores dealgraph's ``extract_article`` and, in the same run on the same pages, plain
trafilatura (default and precision mode) and BeautifulSoup's whole-page text, the way the
benchmark's README describes: word 4-gram multisets per page, precision averaged over pages
with a prediction, recall over pages with a ground truth, F1 the harmonic mean of the two.
Time is wall-clock milliseconds per page for the extraction call alone (pages are read and
decompressed before the clock starts), best of ``--rounds`` passes. Usage:

    .venv/bin/python bench/article_extraction.py ../shared/benchmarks/article-extraction

The benchmark data is not part of this repository; BENCH_DIR holds ``ground-truth.json`` and
``html/<id>.html.gz``. ``--check-scorer`` scores the upstream trafilatura predictions kept in
``output/trafilatura.json`` (published: P 0.938, R 0.978, F1 0.958) instead.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

WORD = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True)
class Page:
    """One benchmark page: its id, URL, HTML text and the annotated article body."""

    id: str
    url: str
    html: str
    truth: str


@dataclass(frozen=True)
class Score:
    """Macro-averaged precision, recall and F1, plus the share of exact token matches."""

    precision: float
    recall: float
    f1: float
    accuracy: float


def shingles(text: str) -> Counter[tuple[str, ...]]:
    """The multiset of word 4-grams of ``text`` (case kept, punctuation dropped).

    >>> sorted(shingles("One, two three four five!"))
    [('One', 'two', 'three', 'four'), ('two', 'three', 'four', 'five')]
    """
    words = WORD.findall(text)
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def page_counts(predicted: str, truth: str) -> tuple[float, float, float]:
    """TP, FP, FN shares of one page, so that every page weighs the same."""
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    fp = sum((pred - gold).values())
    fn = sum((gold - pred).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(predictions: dict[str, str], truths: dict[str, str]) -> Score:
    """Score predictions (page id to body text) against the ground truth.

    >>> score({"a": "w x y z v"}, {"a": "w x y z v"})
    Score(precision=1.0, recall=1.0, f1=1.0, accuracy=1.0)
    """
    precisions, recalls, exact = [], [], 0
    for page_id, truth in truths.items():
        predicted = predictions.get(page_id) or ""
        tp, fp, fn = page_counts(predicted, truth)
        exact += WORD.findall(predicted) == WORD.findall(truth)
        if tp + fp > 0:
            precisions.append(tp / (tp + fp))
        elif predicted.strip() and not shingles(truth):
            precisions.append(1.0)
        if shingles(truth):
            recalls.append(tp / (tp + fn) if tp + fn > 0 else 1.0)
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, exact / len(truths))


def load_pages(bench_dir: Path) -> list[Page]:
    truth = json.loads((bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, record in sorted(truth.items()):
        raw = gzip.decompress((bench_dir / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append(Page(page_id, record["url"], raw.decode("utf-8", errors="replace"), record["articleBody"]))
    return pages


def dealgraph_body(page: Page) -> str:
    from pipeline.errors import ExtractionError
    from pipeline.text import extract_article

    try:
        return extract_article(page.html, url=page.url).text
    except ExtractionError:
        return ""


def trafilatura_body(precision: bool) -> Callable[[Page], str]:
    import trafilatura

    def run(page: Page) -> str:
        return trafilatura.extract(page.html, url=page.url, favor_precision=precision) or ""

    return run


def whole_page_text(page: Page) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page.html, "lxml")
    for tag in soup(["script", "style", "noscript"]):
        tag.decompose()
    return soup.get_text("\n")


EXTRACTORS: dict[str, Callable[[], Callable[[Page], str]]] = {
    "dealgraph extract_article": lambda: dealgraph_body,
    "trafilatura (default)": lambda: trafilatura_body(precision=False),
    "trafilatura (favor_precision)": lambda: trafilatura_body(precision=True),
    "BeautifulSoup whole-page text": lambda: whole_page_text,
}


def run_extractor(extract: Callable[[Page], str], pages: list[Page], rounds: int) -> tuple[dict[str, str], float]:
    """Predictions and the best per-page time in milliseconds over ``rounds`` passes."""
    best = float("inf")
    predictions: dict[str, str] = {}
    for _ in range(rounds):
        start = time.perf_counter()
        predictions = {page.id: extract(page) for page in pages}
        best = min(best, time.perf_counter() - start)
    return predictions, 1000 * best / len(pages)


def worst_pages(predictions: dict[str, str], pages: list[Page], count: int) -> list[str]:
    """Lines naming the ``count`` pages with the lowest F1, for looking into errors."""
    rows = []
    for page in pages:
        tp, fp, fn = page_counts(predictions[page.id], page.truth)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        rows.append((f1, f"{f1:.3f}  P {p:.3f}  R {r:.3f}  {page.id[:12]}  {page.url}"))
    return [line for _, line in sorted(rows)[:count]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bench_dir", type=Path, help="the benchmark directory (ground-truth.json, html/)")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes per extractor; the best is kept")
    parser.add_argument("--only", action="append", metavar="NAME", help="run only extractors whose name contains NAME")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="also list each extractor's N worst pages")
    parser.add_argument("--check-scorer", action="store_true", help="score output/trafilatura.json and stop")
    args = parser.parse_args()
    if not (args.bench_dir / "ground-truth.json").exists():
        parser.error(f"{args.bench_dir}: no ground-truth.json there; give the benchmark directory")
    truth = json.loads((args.bench_dir / "ground-truth.json").read_text(encoding="utf-8"))
    truths = {page_id: record["articleBody"] for page_id, record in truth.items()}
    if args.check_scorer:
        upstream = json.loads((args.bench_dir / "output" / "trafilatura.json").read_text(encoding="utf-8"))
        result = score({k: v["articleBody"] for k, v in upstream["output"].items()}, truths)
        print(f"upstream trafilatura {upstream['version']}: P {result.precision:.3f} "
              f"R {result.recall:.3f} F1 {result.f1:.3f} accuracy {result.accuracy:.3f}")
        return
    pages = load_pages(args.bench_dir)
    print(f"{len(pages)} pages, best of {args.rounds} timed passes, Python {sys.version.split()[0]}\n")
    print("| extractor | F1 | precision | recall | accuracy | ms per page |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    worst: dict[str, list[str]] = {}
    for name, make in EXTRACTORS.items():
        if args.only and not any(part.lower() in name.lower() for part in args.only):
            continue
        extract = make()
        extract(pages[0])  # imports and lazy set-up stay out of the timing
        predictions, ms = run_extractor(extract, pages, args.rounds)
        result = score(predictions, truths)
        print(f"| {name} | {result.f1:.3f} | {result.precision:.3f} | {result.recall:.3f} | "
              f"{result.accuracy:.3f} | {ms:.1f} |", flush=True)
        if args.worst:
            worst[name] = worst_pages(predictions, pages, args.worst)
    for name, lines in worst.items():
        print(f"\n{name}: worst pages (page F1)")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
