"""The ingest manifest: what the last ingest did with each source, kept in the store itself.

Each source has one :class:`Record` in a named graph of its own (``manifest_graph``), written in
the same transaction as the article it describes, so the store and its manifest cannot
disagree, even after a crash. Batch ingestion reads it to skip unchanged articles and to retry
failed ones; ``dealgraph status`` summarises it.

A source is identified by its key (:func:`source_key`): the URL of a web page or JSON Lines
record, the ``file:`` URI of a local file.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from rdflib import RDF, XSD, Literal, URIRef

from pipeline.store import Queryable
from pipeline.vocab import BASE, DG

STORED = "stored"
FAILED = "failed"


@dataclass(frozen=True)
class Record:
    """What the last ingest of one source did."""

    source: str
    status: str  # STORED or FAILED
    time: datetime
    reason: str = ""
    content_hash: str | None = None
    facts: int = 0
    article: str | None = None  # the article's IRI, which is also its graph's name


@dataclass
class Summary:
    """The manifest in numbers, for ``dealgraph status``."""

    sources: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    facts: int = 0
    last_time: datetime | None = None
    failed: list[Record] = field(default_factory=list)


def source_key(name: str, kind: str, record_url: str | None = None) -> str:
    """The key a source is recorded under: URLs as they are, files as absolute file: URIs.

    >>> source_key("https://example.com/a", "url")
    'https://example.com/a'
    >>> source_key("/tmp/x.html", "file")
    'file:///tmp/x.html'
    """
    if kind == "record" and record_url:
        return record_url
    if kind == "file":
        return Path(name).resolve().as_uri()
    return name


def manifest_graph(key: str) -> str:
    """The name of the graph holding the record of the source with this key."""
    return f"{BASE}manifest/{hashlib.sha256(key.encode('utf-8')).hexdigest()[:24]}"


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def record_ntriples(record: Record) -> str:
    """The record as N-Triples, to be written as the whole of its graph."""
    node = URIRef(manifest_graph(record.source))
    triples = [
        (RDF.type, DG.IngestRecord),
        (DG.source, Literal(record.source)),
        (DG.ingestStatus, Literal(record.status)),
        (DG.factCount, Literal(record.facts, datatype=XSD.integer)),
        (URIRef("http://www.w3.org/ns/prov#generatedAtTime"), Literal(record.time, datatype=XSD.dateTime)),
    ]
    if record.reason:
        triples.append((DG.reason, Literal(record.reason)))
    if record.content_hash:
        triples.append((DG.contentHash, Literal(record.content_hash)))
    if record.article:
        triples.append((DG.ingestedArticle, URIRef(record.article)))
    return "\n".join(f"{node.n3()} {p.n3()} {o.n3()} ." for p, o in triples)


def _select(graph: str = "?g", article: str = "?article", where: str = "") -> str:
    """The records query. A known graph or article is written into the pattern itself, so
    that Oxigraph starts from it: a VALUES or FILTER after the pattern would read every
    record first, which made each lookup cost time in proportion to the store."""
    return f"""
SELECT ?source ?status ?time ?reason ?hash ?facts ?article WHERE {{
  GRAPH {graph} {{
    ?r a dg:IngestRecord ; dg:source ?source ; dg:ingestStatus ?status ;
       dg:factCount ?facts ; prov:generatedAtTime ?time .
    OPTIONAL {{ ?r dg:reason ?reason }}
    OPTIONAL {{ ?r dg:contentHash ?hash }}
    {"OPTIONAL { ?r dg:ingestedArticle ?article }" if article == "?article" else
     f"?r dg:ingestedArticle {article} . BIND({article} AS ?article)"}
  }}
  {where}
}}"""


def _records(store: Queryable, sparql: str) -> Iterator[Record]:
    for source, status, time, reason, digest, facts, article in store.query(sparql).rows():
        yield Record(
            source=source or "",
            status=status or "",
            time=datetime.fromisoformat(time or "1970-01-01T00:00:00+00:00"),
            reason=reason or "",
            content_hash=digest,
            facts=int(facts or 0),
            article=article,
        )


def read_record(store: Queryable, key: str) -> Record | None:
    """The record of one source, or None when it was never ingested."""
    found = list(_records(store, _select(graph=f"<{manifest_graph(key)}>")))
    return found[0] if found else None


def read_records(store: Queryable, status: str | None = None) -> Iterator[Record]:
    """Every record, or those with one status, oldest first."""
    where = f"FILTER(?status = {Literal(status).n3()})" if status else ""
    return iter(sorted(_records(store, _select(where=where)), key=lambda r: (r.time, r.source)))


def records_of_article(store: Queryable, article: str) -> list[Record]:
    """The records of the sources stored as one article (usually one)."""
    return list(_records(store, _select(article=f"<{article}>")))


def summarize(store: Queryable) -> Summary:
    """Counts by status, stored facts, the latest ingest time and the failed sources."""
    summary = Summary()
    for record in read_records(store):
        summary.sources += 1
        summary.by_status[record.status] += 1
        if record.status == STORED:
            summary.facts += record.facts
        if record.status == FAILED:
            summary.failed.append(record)
        if summary.last_time is None or record.time > summary.last_time:
            summary.last_time = record.time
    return summary
