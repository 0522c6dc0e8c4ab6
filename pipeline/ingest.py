"""Many sources in, one report out: read, extract, store, one article at a time.

A bad source never stops the batch: its error is recorded with its reason and the next
source goes on. Each article is written in one transaction, so a failure leaves nothing of it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language

from pipeline import __version__
from pipeline.config import Settings
from pipeline.errors import PipelineError, SourceError
from pipeline.fetch import Fetcher, FetchOptions, fetch_html
from pipeline.gazetteer import load_gazetteer
from pipeline.graph import ArticleGraphs, build_graphs
from pipeline.language import require_english
from pipeline.model import Article, Fact
from pipeline.nlp import load_nlp, model_label
from pipeline.store import Store
from pipeline.text import article_from_text, decode_html, extract_article
from pipeline.vocab import ORGANIZATIONS_GRAPH, article_iri

logger = logging.getLogger(__name__)

FILE_TYPES = (".html", ".htm", ".txt")
BINARY_SNIFF = 8192


@dataclass
class SourceResult:
    """How one source fared."""

    source: str
    ok: bool
    reason: str = ""
    url: str | None = None
    facts: int = 0
    triples: int = 0


@dataclass
class IngestReport:
    """The outcome of a batch."""

    results: list[SourceResult] = field(default_factory=list)
    store_triples: int = 0

    @property
    def articles(self) -> int:
        return sum(1 for r in self.results if r.ok)

    @property
    def failed(self) -> list[SourceResult]:
        return [r for r in self.results if not r.ok]

    @property
    def facts(self) -> int:
        return sum(r.facts for r in self.results)

    @property
    def triples(self) -> int:
        return sum(r.triples for r in self.results)


def expand_sources(sources: Iterable[str]) -> Iterator[str]:
    """Sources with directories replaced by the .html, .htm and .txt files under them.

    Other files inside a directory (gold .json files, images) are passed over; a file named
    directly is always attempted, so a wrong type is reported, not ignored.
    """
    for source in sources:
        path = Path(source)
        if not source.startswith(("http://", "https://")) and path.is_dir():
            yield from (
                str(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in FILE_TYPES
            )
        else:
            yield source


def read_article(source: str, settings: Settings, fetcher: Fetcher | None = None) -> Article:
    """Load one source as an article.

    Args:
        source: an http(s) URL, or a path to an .html/.htm or .txt file.
        settings: fetching settings (User-Agent, timeout, size limit).
        fetcher: the crawl's fetcher, so robots.txt and the per-host rate limit are shared
            across sources; a fetcher for this one source is made when None.

    Raises:
        SourceError: for a missing, empty, binary or unsupported file, or a failed fetch
            (``FetchError``).
        ExtractionError: when the page or file holds no article text, is an index of other
            articles ("no article"), or is not in English.
    """
    if source.startswith(("http://", "https://")):
        page = fetcher.fetch(source) if fetcher is not None else fetch_html(source, settings)
        article = extract_article(decode_html(page.html, page.charset), url=page.url, source=source)
        return require_english(article)
    if "://" in source:
        raise SourceError(source, "unsupported URL scheme; use http(s) URLs or local files")
    path = Path(source)
    if not path.exists():
        raise SourceError(source, "no such file or directory")
    if path.suffix.lower() not in FILE_TYPES:
        raise SourceError(
            source, f"unsupported file type {path.suffix or '(none)'!r}; expected .html, .htm or .txt"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(source, f"cannot read: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise SourceError(source, "empty file")
    if b"\x00" in raw[:BINARY_SNIFF]:
        raise SourceError(source, "binary file, not text or HTML")
    url = path.resolve().as_uri()
    if path.suffix.lower() == ".txt":
        try:
            content = raw.decode("utf-8")
        except UnicodeDecodeError:
            content = raw.decode("cp1252", errors="replace")
        return require_english(article_from_text(content, url=url, source=source))
    return require_english(extract_article(raw, url=url, source=source))


def extract_facts(article: Article, nlp: Language) -> list[Fact]:
    """The deal facts of one article."""
    doc = nlp(article.text)
    return list(doc._.relations)


def article_graphs(article: Article, facts: list[Fact], nlp: Language, settings: Settings) -> ArticleGraphs:
    """The RDF of one article and its facts."""
    return build_graphs(
        article.url,
        article.headline,
        article.published,
        article.publisher,
        facts,
        load_gazetteer(""),
        software_version=__version__,
        model=model_label(nlp),
    )


def ingest(sources: Iterable[str], store: Store, settings: Settings, nlp: Language | None = None) -> IngestReport:
    """Read, extract and store every source; record per source how it went.

    Args:
        sources: URLs, files and directories.
        store: where the facts go; each article replaces its own earlier graph.
        settings: fetching and model settings.
        nlp: a loaded pipeline, loaded from ``settings.model`` when None.

    Raises:
        ModelError: when no spaCy pipeline loads (nothing can be ingested then).
    """
    nlp = nlp or load_nlp(settings.model)
    report = IngestReport()
    # One fetcher for the batch: robots.txt is read once per host and the rate limit holds
    # across sources.
    with Fetcher(FetchOptions.from_settings(settings)) as fetcher:
        _ingest_each(expand_sources(sources), store, settings, nlp, fetcher, report)
    report.store_triples = len(store)
    return report


def _ingest_each(
    sources: Iterable[str], store: Store, settings: Settings, nlp: Language, fetcher: Fetcher, report: IngestReport
) -> None:
    for source in sources:
        try:
            article = read_article(source, settings, fetcher=fetcher)
            facts = extract_facts(article, nlp)
            graphs = article_graphs(article, facts, nlp, settings)
            store.write(
                {str(graphs.iri): graphs.article.serialize(format="nt")},
                {str(ORGANIZATIONS_GRAPH): graphs.organizations.serialize(format="nt")},
            )
        except PipelineError as exc:
            logger.warning("%s: %s", source, exc)
            report.results.append(SourceResult(source, ok=False, reason=_reason(source, exc)))
            continue
        except Exception as exc:  # one bad item must not end the batch; the log keeps the trace
            logger.exception("%s: unexpected failure", source)
            report.results.append(SourceResult(source, ok=False, reason=f"internal error: {exc!r}"))
            continue
        report.results.append(
            SourceResult(source, ok=True, url=article.url, facts=len(facts), triples=len(graphs.article))
        )
        logger.info("%s: %d facts", source, len(facts))


def _reason(source: str, exc: PipelineError) -> str:
    if isinstance(exc, SourceError):
        return exc.reason
    text = str(exc)
    return text[len(source) + 2 :] if text.startswith(f"{source}: ") else text


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
    store.remove_graph(graph)
    return size
