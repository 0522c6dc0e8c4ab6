"""Many sources in, one report out: read, extract, store, one article at a time.

Sources are collected lazily (sources.py), read and extracted here, in worker processes or on
a Dask cluster (workers.py), and written by this process alone. A bad source never stops the
batch: its error is recorded with its reason and the next source goes on. Each article is
written in one transaction together with its manifest record (manifest.py), so a batch killed
at any moment leaves a consistent store, and running it again finishes it: unchanged articles
are skipped, the rest are written.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from pipeline import __version__
from pipeline.config import Settings
from pipeline.errors import PipelineError, SourceError
from pipeline.fetch import Fetcher, FetchOptions
from pipeline.gazetteer import load_gazetteer
from pipeline.graph import ArticleGraphs, build_graphs, fact_key, prune_deals
from pipeline.manifest import (
    FAILED,
    STORED,
    Record,
    manifest_graph,
    now,
    read_record,
    record_ntriples,
    records_of_article,
    source_key,
)
from pipeline.model import Article, Fact
from pipeline.nlp import load_nlp
from pipeline.resolve import resolve_fact_iris
from pipeline.sources import BadSource, Source, collect_sources, read_source
from pipeline.store import Store
from pipeline.vocab import DEALS_GRAPH, ORGANIZATIONS_GRAPH, article_iri
from pipeline.workers import Outcome, Task, chunked, run_dask, run_here, run_processes

logger = logging.getLogger(__name__)

UNCHANGED = "unchanged"
SKIPPED = "skipped"
FLUSH_EVERY = 100
"""Articles written between two flushes and reopenings of the store, which keep a long batch's
memory from growing with the store (bench/README.md, "Flushing the store" and "Faster
extraction, workers that share the pipeline, and reopening the store")."""


@dataclass
class SourceResult:
    """How one source fared: ``status`` is stored, unchanged, skipped or failed."""

    source: str
    status: str
    reason: str = ""
    url: str | None = None
    facts: int = 0
    triples: int = 0

    @property
    def ok(self) -> bool:
        return self.status != FAILED

    def as_dict(self) -> dict[str, object]:
        return {"source": self.source, "status": self.status, "reason": self.reason or None,
                "url": self.url, "facts": self.facts}  # fmt: skip


@dataclass
class BatchOptions:
    """How a batch runs; the defaults ingest in this process and skip unchanged articles."""

    from_files: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    workers: int = 1
    dask: str | None = None
    retry_failed: bool = False
    keep_results: bool = True  # False for long batches: results go to on_result only


@dataclass
class IngestReport:
    """The outcome of a batch: counts, failures, and (when kept) every source's result."""

    results: list[SourceResult] = field(default_factory=list)
    failed: list[SourceResult] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)
    facts: int = 0
    triples: int = 0
    store_triples: int = 0
    interrupted: bool = False

    @property
    def articles(self) -> int:
        return self.counts[STORED]

    def add(self, result: SourceResult, keep: bool) -> None:
        self.counts[result.status] += 1
        self.facts += result.facts
        self.triples += result.triples
        if not result.ok:
            self.failed.append(result)
        if keep:
            self.results.append(result)


def read_article(source: str, settings: Settings, fetcher: Fetcher | None = None) -> Article:
    """Load one source (a URL or a file path) as an article; see sources.read_source.

    Raises:
        SourceError: for a missing, empty, binary or unsupported file, or a failed fetch.
        ExtractionError: when the source holds no article text, is an index page or is not
            in English.
    """
    kind = "url" if source.startswith(("http://", "https://")) else "file"
    return read_source(Source(source, kind), settings, fetcher)


def extract_facts(article: Article, nlp: Language) -> list[Fact]:
    """The deal facts of one article."""
    doc = nlp(article.text)
    return list(doc._.relations)


def article_graphs(article: Article, facts: list[Fact], model: str, store: Store | None = None) -> ArticleGraphs:
    """The RDF of one article and its facts; with ``store``, facts of deals stored before
    keep their stored IRI (see resolve.py)."""
    fact_iris = None
    if store is not None:
        fact_iris = resolve_fact_iris(store, article.url, article.published, facts, [fact_key(f) for f in facts])
    return build_graphs(
        article.url,
        article.headline,
        article.published,
        article.publisher,
        facts,
        load_gazetteer(""),
        software_version=__version__,
        model=model,
        fact_iris=fact_iris,
    )


def write_article(store: Store, key: str, article: Article, facts: list[Fact], model: str, digest: str) -> int:
    """Store one article, its facts and its manifest record in one transaction.

    Returns:
        The number of triples in the article's graph.

    Raises:
        StoreError: when the write fails; nothing of the article is stored then.
    """
    graphs = article_graphs(article, facts, model, store)
    record = Record(key, STORED, now(), content_hash=digest, facts=len(facts), article=str(graphs.iri))
    touched = [*_reported_facts(store, str(graphs.iri)), *map(str, graphs.facts)]
    store.write(
        {str(graphs.iri): graphs.article.serialize(format="nt"), manifest_graph(key): record_ntriples(record)},
        {
            str(ORGANIZATIONS_GRAPH): graphs.organizations.serialize(format="nt"),
            str(DEALS_GRAPH): graphs.deals.serialize(format="nt"),
        },
        then=prune_deals(touched),
    )
    return len(graphs.article) + len(graphs.deals)


def _reported_facts(store: Store, article: str) -> list[str]:
    """The facts the stored version of an article reports."""
    rows = store.query(f"SELECT DISTINCT ?f WHERE {{ GRAPH <{article}> {{ ?f prov:wasGeneratedBy ?run ; prov:wasDerivedFrom <{article}> }} }}").rows()
    return [row[0] or "" for row in rows]


def write_failure(store: Store, key: str, reason: str, stored_article: str | None) -> None:
    """Record that a source failed; an article stored from it before is kept, and named."""
    record = Record(key, FAILED, now(), reason=reason, article=stored_article)
    store.write({manifest_graph(key): record_ntriples(record)})


def ingest(
    sources: Iterable[str],
    store: Store,
    settings: Settings,
    nlp: Language | None = None,
    options: BatchOptions | None = None,
    on_result: Callable[[SourceResult], None] | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> IngestReport:
    """Read, extract and store every source; record per source how it went.

    Sources whose article is unchanged since it was stored are skipped without extraction;
    sources that failed before are skipped unless ``options.retry_failed``. Each article is
    written in one transaction with its manifest record, so a batch killed at any moment can
    be run again to finish it.

    Args:
        sources: URLs, files (.html, .htm, .txt, .jsonl) and directories.
        store: where the facts go; each article replaces its own earlier graph.
        settings: fetching and model settings.
        nlp: a loaded pipeline for in-process extraction, loaded from ``settings.model`` when
            None (worker processes load their own).
        options: extra sources, workers, Dask, retrying.
        on_result: called with each source's result as soon as it is known.
        stop: polled after each article; when it returns True the batch ends there
            (``report.interrupted``).

    Raises:
        ModelError: when no spaCy pipeline loads (nothing can be ingested then).
        StoreError: when the store cannot be written.
    """
    options = options or BatchOptions()
    report = IngestReport()

    def record(result: SourceResult) -> None:
        report.add(result, options.keep_results)
        if on_result is not None:
            on_result(result)

    with Fetcher(FetchOptions.from_settings(settings)) as fetcher:
        found = collect_sources(
            sources, from_files=options.from_files, feeds=options.feeds, sitemaps=options.sitemaps,
            fetcher=fetcher, max_bytes=settings.max_bytes,
        )  # fmt: skip
        tasks = _tasks(found, store, options, record)
        if options.dask:
            outcomes = run_dask(chunked(tasks), settings, options.dask)
        elif options.workers > 1:
            outcomes = run_processes(chunked(tasks), settings, options.workers)
        else:
            outcomes = run_here(chunked(tasks), nlp or load_nlp(settings.model, prefilter=settings.prefilter), fetcher, settings)
        written = 0
        try:
            for chunk in outcomes:
                for outcome in chunk:
                    result = _write(outcome, store)
                    record(result)
                    written += result.status == STORED
                    if result.status == STORED and written % FLUSH_EVERY == 0:
                        store.reopen()  # else the store's memory grows with the batch
                    if stop():
                        report.interrupted = True
                        return report
        finally:
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()
            report.store_triples = len(store)
    return report


def _tasks(
    found: Iterable[Source | BadSource], store: Store, options: BatchOptions, record: Callable[[SourceResult], None]
) -> Iterator[Task]:
    """The sources to process, with their manifest's content hash; bad and skipped ones are
    reported here and go no further."""
    for item in found:
        if isinstance(item, BadSource):
            record(SourceResult(item.name, FAILED, reason=item.reason))
            continue
        key = source_key(item.name, item.kind, (item.record or {}).get("url"))
        previous = read_record(store, key)
        if previous is not None and previous.status == FAILED and not options.retry_failed:
            record(SourceResult(item.name, SKIPPED, reason=f"failed before ({previous.reason}); use --retry-failed"))
            continue
        stored_hash = previous.content_hash if previous is not None and previous.status == STORED else None
        yield Task(item, key, stored_hash, previous.article if previous is not None else None)


def _write(outcome: Outcome, store: Store) -> SourceResult:
    """Store one outcome: the article with its facts, or the failure."""
    task = outcome.task
    name = task.source.name
    if outcome.unchanged:
        return SourceResult(name, UNCHANGED, url=outcome.article.url if outcome.article else None)
    if outcome.article is None:
        write_failure(store, task.key, outcome.reason, task.stored_article)
        return SourceResult(name, FAILED, reason=outcome.reason)
    try:
        triples = write_article(store, task.key, outcome.article, outcome.facts, outcome.model, outcome.content_hash or "")
    except PipelineError as exc:
        logger.warning("%s: %s", name, exc)
        return SourceResult(name, FAILED, reason=str(exc))
    logger.info("%s: %d facts", name, len(outcome.facts))
    return SourceResult(name, STORED, url=outcome.article.url, facts=len(outcome.facts), triples=triples)


def remove_article(url: str, store: Store) -> int:
    """Remove what one article contributed: the named graph of its facts.

    Organisation nodes stay in the shared organisations graph (other articles may name
    them).

    Returns:
        The number of triples removed.

    Raises:
        SourceError: when no article with that URL is stored.
    """
    graph = str(article_iri(url))
    size = store.graph_size(graph)
    if size == 0:
        raise SourceError(url, "no article with this URL is stored (give the URL `dealgraph query` shows in schema:url)")
    # The article's manifest records go with it, so a later ingest of it starts afresh.
    records = [manifest_graph(r.source) for r in records_of_article(store, graph)]
    store.write({graph: "", **{name: "" for name in records}}, then=prune_deals(_reported_facts(store, graph)))
    return size
