"""The embedded triple store: Oxigraph on disk. The only module that imports pyoxigraph.

Each article's facts live in a named graph of their own; queries see the union of all graphs as
their default graph, so plain SELECTs need no GRAPH clause.
"""

from __future__ import annotations

import fcntl
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, Mapping, Protocol

import pyoxigraph as ox

from pipeline.config import Settings
from pipeline.errors import QueryError, StoreError

logger = logging.getLogger(__name__)

PREFIXES = {
    "dg": "https://w3id.org/dealgraph/ontology#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "org": "http://www.w3.org/ns/org#",
    "wd": "http://www.wikidata.org/entity/",
    "oa": "http://www.w3.org/ns/oa#",
}
"""Prefixes every query may use without declaring them."""

RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}

DUMP_FORMATS = {
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "nt": ox.RdfFormat.N_TRIPLES,
    "ttl": ox.RdfFormat.TURTLE,
}
"""RDF syntaxes of Store.dump: the first three keep named graphs, nt and ttl write the union."""


def _term_text(term: object) -> str | None:
    """A result term as plain text for people: IRIs and literals by their value."""
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


class Queryable(Protocol):
    """Anything that answers SPARQL as a :class:`QueryResult`: the embedded or a remote store."""

    def query(self, sparql: str) -> QueryResult: ...


@dataclass
class QueryResult:
    """What a query returned: SELECT rows, an ASK answer, or CONSTRUCT/DESCRIBE triples."""

    kind: str  # "select", "ask" or "graph"
    _raw: object

    @property
    def boolean(self) -> bool:
        return bool(self._raw)

    def serialize(self, fmt: str) -> bytes:
        """SELECT/ASK results in a W3C results format: json, xml, csv or tsv."""
        return self._raw.serialize(format=RESULT_FORMATS[fmt])  # type: ignore[attr-defined]

    def variables(self) -> list[str]:
        return [v.value for v in self._raw.variables]  # type: ignore[attr-defined]

    def rows(self) -> Iterator[list[str | None]]:
        """SELECT rows as text, one list per solution in variable order."""
        names = self._raw.variables  # type: ignore[attr-defined]
        for solution in self._raw:  # type: ignore[attr-defined]
            yield [_term_text(solution[v]) for v in names]

    def ntriples(self) -> bytes:
        """CONSTRUCT/DESCRIBE triples as N-Triples."""
        # ox.serialize takes the embedded store's QueryTriples and a remote store's list of
        # parsed triples alike.
        return ox.serialize(self._raw, format=ox.RdfFormat.N_TRIPLES)  # type: ignore[arg-type,return-value]


LOCK_FILE = "dealgraph.lock"
"""The writer's lock file inside a store directory; it holds the writing process's PID."""


class WriterLock:
    """An exclusive lock on a store directory, held by the one process that writes to it.

    The lock is an ``flock`` on a file that holds the holder's PID, so it is released by the
    operating system when the process ends, even by SIGKILL; a stale file is harmless.

    Raises:
        StoreError: naming the holder's PID when another process holds the lock.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle = open(path, "a+", encoding="ascii")  # noqa: SIM115 - held until release()
        try:
            fcntl.flock(self._handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._handle.seek(0)
            holder = self._handle.read().strip() or "unknown"
            self._handle.close()
            raise StoreError(
                f"{path.parent}: the store is in use by PID {holder}; "
                "wait for that process to finish or use another --store"
            ) from None
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.write(str(os.getpid()))
        self._handle.flush()

    def release(self) -> None:
        if not self._handle.closed:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()


class Store:
    """An Oxigraph store in a directory, created on first use.

    Args:
        location: the store's directory.
        read_only: open without taking the writer's lock (several readers may share a store).

    Raises:
        StoreError: when the directory cannot be used or another process holds the store.
    """

    def __init__(self, location: str | Path, *, read_only: bool = False) -> None:
        self.location = Path(location)
        self.read_only = read_only
        self._lock: WriterLock | None = None
        try:
            if read_only:
                if not (self.location / "CURRENT").exists():
                    raise StoreError(f"{self.location}: no store here yet; ingest something first")
                self._store = ox.Store.read_only(str(self.location))
            else:
                self.location.mkdir(parents=True, exist_ok=True)
                self._lock = WriterLock(self.location / LOCK_FILE)
                self._store = ox.Store(str(self.location))
        except OSError as exc:
            if self._lock is not None:
                self._lock.release()
            if "lock" in str(exc).lower():
                raise StoreError(
                    f"{self.location}: the store is in use by another process; "
                    "wait for it to finish or use another --store"
                ) from exc
            raise StoreError(f"{self.location}: cannot open the store: {exc}") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def flush(self) -> None:
        """Write what the store holds in memory to disk, releasing that memory. A long batch
        calls this every few hundred articles; without it the process grows with the store.

        Raises:
            StoreError: when flushing fails.
        """
        if self.read_only or getattr(self, "_store", None) is None:
            return
        try:
            self._store.flush()
        except OSError as exc:
            raise StoreError(f"{self.location}: flushing the store failed: {exc}") from exc

    def reopen(self) -> None:
        """Flush, then close and reopen Oxigraph's handle (keeping the writer's lock).

        RocksDB keeps memory for an open handle that grows with what was written through it
        (bench/README.md, "Faster extraction, workers that share the pipeline, and reopening
        the store"); a long batch reopens the store every hundred articles to give it back.
        Nothing may still read from the old handle (an unfinished query result), or RocksDB
        refuses the second open.

        Raises:
            StoreError: when flushing or opening again fails.
        """
        if self.read_only or getattr(self, "_store", None) is None:
            return
        self.flush()
        self._store = None  # dropping the last reference closes the RocksDB handle
        try:
            self._store = ox.Store(str(self.location))
        except OSError as exc:
            raise StoreError(f"{self.location}: reopening the store failed: {exc}") from exc

    def close(self) -> None:
        """Flush and release the store; the object is unusable afterwards."""
        if getattr(self, "_store", None) is not None:
            try:
                if not self.read_only:
                    self._store.flush()
            except OSError as exc:
                raise StoreError(f"{self.location}: flushing the store failed: {exc}") from exc
            finally:
                self._store = None
                if self._lock is not None:
                    self._lock.release()
                    self._lock = None

    def _refuse_if_read_only(self, what: str) -> None:
        # Oxigraph's own refusal is a RuntimeError that names no store.
        if self.read_only:
            raise StoreError(f"{self.location}: the store is open read-only; {what} is refused")

    def __len__(self) -> int:
        """The number of quads in the whole store."""
        return len(self._store)

    def graph_size(self, graph: str) -> int:
        """The number of triples in one named graph."""
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def graphs(self) -> list[str]:
        """The names of all named graphs."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def write(self, replace: Mapping[str, str], add: Mapping[str, str] | None = None, then: str = "") -> None:
        """In one transaction: replace each graph of ``replace`` whole with its N-Triples, add
        the N-Triples of ``add`` to those graphs (keeping what they hold), then run the SPARQL
        Update ``then`` (graph.prune_deals tidies the shared deals graph this way).

        An article is written this way: its own graph and its manifest entry replaced, its
        organisations and deals added to the shared graphs. A crash leaves all of it or none.

        Raises:
            StoreError: when the write fails; nothing is changed then.
        """
        add = add or {}
        self._refuse_if_read_only(f"writing graph {', '.join(replace) or ', '.join(add)}")
        drops = [f"DROP SILENT GRAPH <{name}>" for name in replace]
        blocks = [f"GRAPH <{name}> {{\n{text}\n}}" for name, text in (*replace.items(), *add.items()) if text.strip()]
        statements = drops + ([f"INSERT DATA {{\n{chr(10).join(blocks)}\n}}"] if blocks else [])
        statements += [then] if then.strip() else []
        if not statements:
            return
        try:
            self._store.update(" ;\n".join(statements))
        except (OSError, SyntaxError) as exc:
            names = ", ".join(replace) or ", ".join(add)
            raise StoreError(f"{self.location}: writing graph {names} failed: {exc}") from exc

    def remove_graph(self, graph: str) -> None:
        """Drop one named graph and its triples."""
        self._refuse_if_read_only(f"removing graph {graph}")
        try:
            self._store.update(f"DROP SILENT GRAPH <{graph}>")
        except OSError as exc:
            raise StoreError(f"{self.location}: removing graph {graph} failed: {exc}") from exc

    def load(self, path: Path) -> int:
        """Add every quad of an N-Quads (``.nq``) or TriG (``.trig``) file, all or nothing.

        Loading the dump of a store into an empty store recreates it exactly. Into an empty
        store the file is bulk-loaded: written to disk as it is read, where one transaction
        holds the whole file in memory (more than 14 GB for 10^7 quads); if that fails
        half-way, the store is emptied again.

        Returns:
            The number of quads the store gained.

        Raises:
            StoreError: for another file type, an unreadable file or invalid RDF; the store is
                unchanged then.
        """
        formats = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}
        rdf_format = formats.get(path.suffix.lower())
        if rdf_format is None:
            raise StoreError(f"{path}: cannot load {path.suffix or 'a file without suffix'}; use a .nq or .trig dump")
        self._refuse_if_read_only(f"loading {path}")
        before = len(self._store)
        try:
            if before == 0:
                self._store.bulk_load(path=str(path), format=rdf_format)
                self._store.optimize()  # compact now, not in the background of the first queries
            else:
                self._store.load(path=str(path), format=rdf_format)
        except (OSError, SyntaxError, ValueError) as exc:
            if before == 0:
                self._store.clear()
            raise StoreError(f"{path}: cannot load it: {str(exc).splitlines()[0]}") from exc
        return len(self._store) - before

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL 1.1 query over the union of all graphs.

        Raises:
            QueryError: for a syntax error (with line and column) or a failure while running.
        """
        try:
            raw = self._store.query(sparql, use_default_graph_as_union=True, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {str(exc).splitlines()[0]}") from exc
        except (OSError, ValueError, RuntimeError) as exc:
            raise QueryError(f"query failed: {exc}") from exc
        if isinstance(raw, ox.QuerySolutions):
            return QueryResult("select", raw)
        if isinstance(raw, ox.QueryBoolean):
            return QueryResult("ask", raw)
        return QueryResult("graph", raw)

    def dump(self, fmt: str, output: BinaryIO | Path) -> None:
        """Write every stored triple to ``output`` (a binary file or a path), streaming.

        ``nq``, ``trig`` and ``jsonld`` keep each article's named graph; ``nt`` and ``ttl``
        write the union of all graphs, which is what queries see.

        Raises:
            StoreError: for an unknown format or when reading the store or writing fails.
        """
        if fmt not in DUMP_FORMATS:
            raise StoreError(f"cannot dump the store as {fmt!r}; choose one of {', '.join(DUMP_FORMATS)}")
        rdf_format = DUMP_FORMATS[fmt]
        target = str(output) if isinstance(output, Path) else output
        try:
            if rdf_format.supports_datasets:
                self._store.dump(target, rdf_format, prefixes=PREFIXES)
            else:
                union = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
                ox.serialize(union, target, rdf_format, prefixes=PREFIXES)
        except (OSError, ValueError) as exc:
            raise StoreError(f"{self.location}: writing the store as {fmt} failed: {exc}") from exc


def is_remote(location: str | Path) -> bool:
    """Whether ``location`` names a remote SPARQL server rather than a store directory.

    >>> is_remote("https://sparql.example/ds"), is_remote("./deals")
    (True, False)
    """
    return str(location).lower().startswith(("http://", "https://"))


def open_store(
    location: str | Path | None = None, *, read_only: bool = False, settings: Settings | None = None
) -> Store:
    """The store at ``location``: the embedded store for a directory, a remote SPARQL 1.1
    server for an ``http(s)://`` URL (see :mod:`pipeline.remote_store`).

    Args:
        location: a directory or a URL; ``settings.store`` when None.
        read_only: open for reading only; writes raise StoreError.
        settings: for a URL, the timeout, User-Agent and the endpoints ``store_update_url``
            and ``store_graph_url``; the defaults when None. Credentials come from the
            ``DEALGRAPH_STORE_USER``/``_PASSWORD``/``_TOKEN`` environment variables.

    Raises:
        StoreError: when the store cannot be opened.
        ConfigError: when the credential environment variables are inconsistent.
    """
    settings = settings or Settings()
    location = settings.store if location is None else location
    if is_remote(location):
        from pipeline.remote_store import RemoteStore, credentials_from_env

        return RemoteStore(  # type: ignore[return-value]
            str(location), read_only=read_only, timeout=settings.timeout, update_url=settings.store_update_url,
            graph_url=settings.store_graph_url, credentials=credentials_from_env(), user_agent=settings.user_agent,
        )  # fmt: skip
    return Store(location, read_only=read_only)
