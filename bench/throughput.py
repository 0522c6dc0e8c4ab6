"""End-to-end ingest throughput and memory, against en_core_web_sm alone.

Throughput: every .html page under --corpus is read once with dealgraph's page reader to get
the texts for spaCy; then, in each round, the same texts go through en_core_web_sm's own
``nlp.pipe`` and the same files through ``pipeline.ingest.ingest()`` into a fresh embedded
store, with 1 worker and with 2 worker processes. The three are interleaved within a round
so that a noisy machine slows them alike; the median of --runs rounds is reported. The
dealgraph pipeline is loaded once beforehand (forked workers inherit it), so the times are
reading, extraction, resolving and writing, without model start-up.

Memory: --articles plain-text articles are generated in a temporary directory by
recombining the corpus's sentences (a lead paragraph of one article, then sentences of
others, half of them with a deal word or an amount) and ingested with 1 worker (or
--rss-workers); the writer's resident set is sampled at a tenth, a fifth, half and all of
the batch. This part runs first, so the peak (ru_maxrss) is that of the batch and not of the
throughput rounds.

    .venv/bin/python bench/throughput.py                      # 10,000 articles, 3 runs
    .venv/bin/python bench/throughput.py --articles 500 --runs 1
    .venv/bin/python bench/throughput.py --articles 3000 --runs 0 --flush-only   # memory only, as before reopening
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

import spacy
from spacy.language import Language

from pipeline.config import Settings
from pipeline.errors import PipelineError
from pipeline.ingest import BatchOptions, IngestReport, SourceResult, ingest, read_article
from pipeline.model import Article
from pipeline.nlp import FALLBACK_MODELS, load_nlp
from pipeline.store import Store

MIB = 1024 * 1024
PEAK_TARGET_BYTES = 1.5e9
FLAT_TOLERANCE = 0.10  # "flat": RSS at the end of the batch within 10% of RSS at its first tenth
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“$0-9])")
DEAL_WORD = re.compile(r"[$€£]|\b(acqui|invest|rais|bought|buy|stake|fund|valu|merg|deal|round)", re.I)


def read_corpus(corpus: Path, settings: Settings) -> list[tuple[str, Article]]:
    """Every readable page under ``corpus``, with its article."""
    pages = []
    for path in sorted(corpus.rglob("*.html")):
        try:
            pages.append((str(path), read_article(str(path), settings)))
        except PipelineError as exc:  # a page the corpus keeps on purpose (e.g. an index page)
            print(f"skipped {path}: {exc}", file=sys.stderr)
    return pages


def verdict(met: bool) -> str:
    return "met" if met else "not met"


def words(texts: list[str]) -> int:
    return sum(len(text.split()) for text in texts)


def plain_spacy() -> Language:
    """en_core_web_sm by itself, under whichever name it is installed (see pipeline.nlp)."""
    for name in FALLBACK_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit(f"no en_core_web_sm installed (tried {', '.join(FALLBACK_MODELS)})")


def time_spacy(nlp: Language, texts: list[str]) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    return time.perf_counter() - start


def time_ingest(
    files: list[str], settings: Settings, workers: int, on_result: Callable[[SourceResult], None] | None = None
) -> tuple[float, IngestReport]:
    """Seconds to ingest ``files`` into a fresh store (opening and flushing it included), and
    the batch's report."""
    with tempfile.TemporaryDirectory(prefix="dealgraph-bench-") as tmp:
        start = time.perf_counter()
        with Store(Path(tmp) / "store") as store:
            report = ingest(files, store, settings, nlp=load_nlp(settings.model),
                            options=BatchOptions(workers=workers, keep_results=False), on_result=on_result)
        seconds = time.perf_counter() - start
    if report.failed:
        print(f"{len(report.failed)} sources failed, e.g. {report.failed[0].source}: {report.failed[0].reason}",
              file=sys.stderr)
    return seconds, report


def generate(articles: list[Article], count: int, directory: Path, seed: int = 0) -> int:
    """Write ``count`` articles recombined from the corpus as .txt files; return their words."""
    rng = random.Random(seed)
    leads = [a.text.split("\n\n")[0] for a in articles]
    sentences = [s for a in articles for s in SENTENCE_END.split(a.text.replace("\n", " ")) if len(s.split()) >= 6]
    deal = [s for s in sentences if DEAL_WORD.search(s)]
    headlines = [a.headline or "Deal news" for a in articles]
    total = 0
    for i in range(count):
        paragraphs = [rng.choice(leads)]
        for _ in range(rng.randint(4, 6)):
            paragraphs.append(" ".join(rng.choice(deal if rng.random() < 0.5 else sentences)
                                       for _ in range(rng.randint(2, 4))))
        body = "\n\n".join(paragraphs)
        total += len(body.split())
        (directory / f"article-{i:05d}.txt").write_text(f"{rng.choice(headlines)}\n\n{body}\n", encoding="utf-8")
    return total


def vm_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure_rss(articles: list[Article], count: int, workers: int, settings: Settings) -> None:
    checkpoints = sorted({max(1, count * k // 10) for k in (1, 2, 5, 10)})
    samples: list[tuple[int, float, float]] = []  # (results so far, VmRSS MiB, seconds)
    seen = 0
    with tempfile.TemporaryDirectory(prefix="dealgraph-articles-") as tmp:
        directory = Path(tmp)
        total_words = generate(articles, count, directory)
        files = sorted(str(p) for p in directory.iterdir())
        print(f"\nmemory: {count:,} generated articles, {total_words:,} words, {workers} worker(s)")
        start = time.perf_counter()

        def sample(result: SourceResult) -> None:
            nonlocal seen
            seen += 1
            if seen in checkpoints:
                samples.append((seen, vm_rss_mib(), time.perf_counter() - start))

        seconds, report = time_ingest(files, settings, workers, on_result=sample)
    stored = report.articles
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    print(f"{stored:,} stored in {seconds:.0f} s ({stored / seconds:.1f} articles/s, {total_words / seconds:,.0f} "
          f"words/s); {report.facts:,} facts, {report.store_triples:,} quads in the store")
    print("| articles | VmRSS MiB | articles/s since previous |")
    print("| ---: | ---: | ---: |")
    previous = (0, 0.0)
    for n, rss, at in samples:
        print(f"| {n:,} | {rss:,.0f} | {(n - previous[0]) / (at - previous[1]):.1f} |")
        previous = (n, at)
    growth = (samples[-1][1] - samples[0][1]) / samples[0][1]
    print(f"peak RSS (ru_maxrss): this process {peak / MIB:,.0f} MiB, children {children / MIB:,.0f} MiB; "
          f"target ≤ 1.5 GB: {verdict(peak <= PEAK_TARGET_BYTES)}")
    print(f"RSS from the first to the last sample: {growth:+.1%} "
          f"(flat, within ±{FLAT_TOLERANCE:.0%}: {verdict(abs(growth) <= FLAT_TOLERANCE)})")


def measure_throughput(pages: list[tuple[str, Article]], runs: int, settings: Settings) -> None:
    files = [path for path, _ in pages]
    texts = [article.text for _, article in pages]
    plain = plain_spacy()
    time_spacy(plain, texts[:8])  # warm-up: lazy initialisation in spaCy, the gazetteer, the store
    time_ingest(files[:8], settings, workers=1)
    times: dict[str, list[float]] = {"spacy": [], "w1": [], "w2": []}
    for _ in range(runs):
        times["spacy"].append(time_spacy(plain, texts))
        for key, workers in (("w1", 1), ("w2", 2)):
            seconds, report = time_ingest(files, settings, workers)
            if report.articles != len(files):
                raise SystemExit(f"only {report.articles} of {len(files)} articles were stored; see the messages above")
            times[key].append(seconds)
    n, w = len(texts), words(texts)
    median = {key: statistics.median(values) for key, values in times.items()}
    print(f"\nthroughput: {n} articles, {w:,} words, median of {runs} runs")
    print("| run | median s | articles/s | words/s | all runs (s) |")
    print("| --- | ---: | ---: | ---: | --- |")
    names = {"spacy": "en_core_web_sm `nlp.pipe` alone", "w1": "dealgraph `ingest()`, 1 worker",
             "w2": "dealgraph `ingest()`, 2 workers"}
    for key, name in names.items():
        runs_text = ", ".join(f"{s:.1f}" for s in times[key])
        print(f"| {name} | {median[key]:.2f} | {n / median[key]:.1f} | {w / median[key]:,.0f} | {runs_text} |")
    one_vs_spacy = median["spacy"] / median["w1"]
    two_vs_one = median["w1"] / median["w2"]
    print(f"1 worker vs spaCy alone: {one_vs_spacy:.3f}× (target ≥ 0.8×: {verdict(one_vs_spacy >= 0.8)})")
    print(f"2 workers vs 1 worker: {two_vs_one:.3f}× (target ≥ 1.7×: {verdict(two_vs_one >= 1.7)})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=Path("corpus"),
                        help="directory whose .html pages (searched recursively) are ingested and recombined")
    parser.add_argument("--articles", type=int, default=10_000, help="size of the generated batch for the memory run")
    parser.add_argument("--runs", type=int, default=3, help="throughput rounds, the median is reported; 0 skips them")
    parser.add_argument("--rss-workers", type=int, default=1,
                        help="workers for the memory run (their peak shows as ru_maxrss of the children)")
    parser.add_argument("--skip-rss", action="store_true", help="measure throughput only")
    parser.add_argument("--flush-only", action="store_true",
                        help="let the writer only flush the store where it now reopens it (ingest before 2026-12-06)")
    args = parser.parse_args()
    if args.flush_only:
        Store.reopen = Store.flush  # type: ignore[method-assign]
    settings = Settings()
    pages = read_corpus(args.corpus, settings)
    if not pages:
        raise SystemExit(f"no readable .html pages under {args.corpus}")
    load_nlp(settings.model)  # loaded once; ingest() and the forked workers reuse it
    print(f"{time.strftime('%Y-%m-%d %H:%M')}, Python {sys.version.split()[0]}, spaCy {spacy.__version__}")
    if not args.skip_rss:
        measure_rss([article for _, article in pages], args.articles, args.rss_workers, settings)
    if args.runs > 0:
        measure_throughput(pages, args.runs, settings)


if __name__ == "__main__":
    main()
