"""``dealgraph serve``: the store as a read-only SPARQL 1.1 Protocol endpoint with a query page.

Two addresses: ``/sparql`` answers the SPARQL 1.1 Protocol (GET, or POST as a form or as
``application/sparql-query``), with the answer's format chosen by the Accept header; ``/`` is
a self-contained HTML page with a form that runs a query and shows its answer.

The semantics are those of ``dealgraph query``: the default graph is the union of all graphs and
the prefixes of :data:`pipeline.store.PREFIXES` need no declaration, because every query goes
through :meth:`pipeline.store.Store.query` on a store opened read-only.

Why a process per query: a SPARQL query cannot be interrupted from another thread once Oxigraph
is evaluating it, so a query run in a thread would keep a CPU busy after its timeout, maybe for
hours. Each query therefore runs in a child process forked from a ``multiprocessing``
forkserver that has already imported dealgraph (about 25 ms per query, most of it opening the
store); a query that outlives ``timeout`` is killed and answered with 503, and the server goes
on serving. Opening the store afresh for each query also means the answers follow later ingests
without a restart.
"""

from __future__ import annotations

import html
import json
import logging
import multiprocessing
import os
import re
import select
import signal
import socket
import socketserver
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Sequence
from urllib.parse import parse_qs, quote, urlsplit

from rdflib import Graph

from pipeline.errors import ConfigError, QueryError, StoreError
from pipeline.paths import ontology_dir
from pipeline.query import prefixed_name
from pipeline.store import PREFIXES, QueryResult, Store, is_remote

logger = logging.getLogger(__name__)

RESULT_OFFERS = (
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
)
"""Media types a SELECT or ASK answer can take, the default first."""

GRAPH_OFFERS = (
    ("text/turtle", "ttl"),
    ("application/x-turtle", "ttl"),
    ("application/n-triples", "nt"),
    ("application/ld+json", "jsonld"),
    ("application/json", "jsonld"),
)
"""Media types a CONSTRUCT or DESCRIBE answer can take, the default first."""

CONTENT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "ttl": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
}
"""The Content-Type sent with each answer format; the keys are also the values of ``format=``."""

MAX_BODY = 1_000_000
"""Largest request body accepted, in bytes: a query, not a data upload."""

STARTUP_LIMIT = 30.0
"""Seconds a query process may take to start and open the store (not part of the timeout)."""

PAGE_ROWS = 1000
"""Rows the query page shows; the download links give them all."""

DEFAULT_QUERY = "SELECT ?name WHERE { ?o a dg:Organization ; skos:prefLabel ?name }\nORDER BY ?name\nLIMIT 25"

# Strings, IRIs and comments, hidden before looking for the SERVICE keyword.
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n]*",
    re.DOTALL,
)
# An update: its first keyword after PREFIX and BASE declarations (with IRIs hidden).
_UPDATE = re.compile(
    r"\A\s*(?:(?:PREFIX\s+[^\s:]*:|BASE)\s*)*(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.IGNORECASE)


def negotiate(accept: str | None, offers: Sequence[tuple[str, str]]) -> str | None:
    """The format the Accept header prefers among ``offers``, or None when it allows none.

    Higher q wins, then an exact media type over a wildcard, then the client's order; a
    wildcard alone (or no header) picks the first offer.

    >>> negotiate(None, RESULT_OFFERS)
    'json'
    >>> negotiate("text/csv, application/json", RESULT_OFFERS)
    'csv'
    >>> negotiate("text/html,application/xml;q=0.9,*/*;q=0.8", RESULT_OFFERS)
    'xml'
    >>> negotiate("application/n-triples;q=0.5, text/*", GRAPH_OFFERS)
    'ttl'
    >>> negotiate("text/turtle", RESULT_OFFERS) is None
    True
    """
    if accept is None or not accept.strip():
        return offers[0][1]
    ranges = []
    for position, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = -1.0  # a malformed weight says nothing reliable: the range is ignored
        if media:
            ranges.append((media.lower(), q, position))
    best: tuple[tuple[float, int, int, int], str] | None = None
    for preference, (media_type, key) in enumerate(offers):
        match: tuple[int, float, int] | None = None
        for media, q, position in ranges:
            if media == media_type:
                specificity = 2
            elif media.endswith("/*") and media_type.startswith(media[:-1]) and media != "*/*":
                specificity = 1
            elif media in ("*/*", "*"):
                specificity = 0
            else:
                continue
            if match is None or specificity > match[0]:
                match = (specificity, q, position)
        if match is None or match[1] <= 0:
            continue
        rank = (-match[1], -match[0], match[2], preference)
        if best is None or rank < best[0]:
            best = (rank, key)
    return best[1] if best else None


def calls_service(sparql: str) -> bool:
    """Whether a query uses SERVICE, which would make the server fetch another URL.

    >>> calls_service("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    >>> calls_service('SELECT ?service WHERE { ?service dg:service "cloud SERVICE" } # SERVICE')
    False
    """
    return bool(_SERVICE.search(_OPAQUE.sub(" ", sparql)))


def is_update(sparql: str) -> bool:
    """Whether a text is a SPARQL Update rather than a query.

    >>> is_update("PREFIX ex: <http://example.org/> # clear it\\nDROP ALL")
    True
    >>> is_update("SELECT ?drop WHERE { ?drop ?p ?o }")
    False
    """
    return bool(_UPDATE.match(_OPAQUE.sub(" ", sparql)))


def parse_bind(bind: str) -> tuple[str, int]:
    """Split ``HOST:PORT`` (``[::1]:PORT`` for IPv6); port 0 picks a free port.

    >>> parse_bind("127.0.0.1:7878")
    ('127.0.0.1', 7878)
    >>> parse_bind("[::1]:0")
    ('::1', 0)

    Raises:
        ConfigError: when the value is not HOST:PORT with a port from 0 to 65535.
    """
    host, sep, port = bind.rpartition(":")
    host = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    if not sep or not host or not port.isdigit() or int(port) > 65535:
        raise ConfigError(f"--bind {bind!r}: expected HOST:PORT, such as 127.0.0.1:7878 or [::1]:7878")
    return host, int(port)


@dataclass
class Answer:
    """One HTTP answer: a status, its Content-Type and body; ``kind`` and ``fmt`` when a
    query ran (``select``, ``ask`` or ``graph``, and the format key), ``seconds`` it took."""

    status: int
    content_type: str
    body: bytes
    kind: str | None = None
    fmt: str | None = None
    seconds: float = 0.0

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        return cls(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))

    @property
    def message(self) -> str:
        return self.body.decode("utf-8", "replace").strip()


def _graph_body(result: QueryResult, fmt: str) -> bytes:
    triples = result.ntriples()
    if fmt == "nt":
        return triples
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.parse(data=triples.decode("utf-8"), format="nt")
    if fmt == "ttl":
        return graph.serialize(format="turtle", encoding="utf-8")
    return graph.serialize(format="json-ld", context=PREFIXES, encoding="utf-8")


def _not_acceptable(kind: str) -> str:
    name = {"select": "a SELECT", "ask": "an ASK"}.get(kind, "a CONSTRUCT/DESCRIBE")
    offers = GRAPH_OFFERS if kind == "graph" else RESULT_OFFERS
    return (
        f"not acceptable: {name} query answers as one of "
        f"{', '.join(dict.fromkeys(media for media, _ in offers))}, and the Accept header allows none of them"
    )


def _exit_without_server(conn: Connection) -> None:
    """Watchdog thread of a query process: exit as soon as the server is gone.

    The server holds the only read end of the answer pipe, so when it ends, however it ends
    (even by SIGKILL), the pipe reports an error to this write end and the query stops rather
    than run on for nobody. Oxigraph releases the GIL while it evaluates, so this thread runs.
    """
    poller = select.poll()
    poller.register(conn.fileno(), select.POLLERR | select.POLLHUP)
    poller.poll()
    os._exit(3)


def _query_process(location: str, sparql: str, results_fmt: str | None, graph_fmt: str | None, conn: Connection) -> None:
    """Child process: open the store, say ready, run one query, send the answer back."""
    # Ctrl-C reaches the whole process group; stopping running queries is the server's job.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_without_server, args=(conn,), daemon=True).start()
    try:
        store = Store(location, read_only=True)
    except StoreError as exc:
        conn.send(("error", 500, str(exc)))
        return
    conn.send(("ready",))
    with store:
        try:
            result = store.query(sparql)
            fmt = graph_fmt if result.kind == "graph" else results_fmt
            if fmt is None:
                conn.send(("error", 406, _not_acceptable(result.kind)))
                return
            body = _graph_body(result, fmt) if result.kind == "graph" else result.serialize(fmt)
        except QueryError as exc:
            conn.send(("error", 400 if isinstance(exc.__cause__, SyntaxError) else 500, str(exc)))
            return
        except (OSError, ValueError, RuntimeError) as exc:
            # Results are lazy: evaluation errors surface while serializing them.
            conn.send(("error", 500, f"query failed: {exc}"))
            return
    conn.send(("ok", result.kind, fmt, body))


class QueryRunner:
    """Runs queries on a store, each in its own process, killed when it outlives ``timeout``.

    Args:
        location: the store directory.
        timeout: seconds a query may run (parsing, evaluating and serializing its answer).
        max_queries: queries running at once; more wait up to ``timeout`` for a turn.

    Raises:
        StoreError: when the store cannot be opened read-only.
    """

    def __init__(self, location: str | Path, timeout: float, max_queries: int | None = None) -> None:
        self.location = Path(location)
        self.timeout = timeout
        self.max_queries = max_queries or max(2, os.cpu_count() or 2)
        Store(self.location, read_only=True).close()  # fail now, not on the first query
        self._context = multiprocessing.get_context("forkserver")
        # Children fork from a server that has imported dealgraph once, so none imports it again.
        self._context.set_forkserver_preload([__name__])
        self._slots = threading.BoundedSemaphore(self.max_queries)
        self._lock = threading.Lock()
        self._running: set[Any] = set()

    def run(self, sparql: str, results_fmt: str | None, graph_fmt: str | None) -> Answer:
        """Run one query; SELECT/ASK answers come as ``results_fmt``, CONSTRUCT/DESCRIBE as
        ``graph_fmt`` (None: answered 406). Errors come back as answers with their status."""
        if not self._slots.acquire(timeout=self.timeout):
            return Answer.error(
                503, f"server busy: {self.max_queries} queries are already running; try again shortly"
            )
        try:
            reader, writer = self._context.Pipe(duplex=False)
            process = self._context.Process(
                target=_query_process, args=(str(self.location), sparql, results_fmt, graph_fmt, writer), daemon=True
            )
            with reader:
                try:
                    process.start()
                except OSError as exc:
                    writer.close()
                    return Answer.error(503, f"cannot start a query process: {exc}")
                writer.close()
                with self._lock:
                    self._running.add(process)
                try:
                    return self._await(process, reader, sparql)
                finally:
                    with self._lock:
                        self._running.discard(process)
                    if process.is_alive():
                        process.kill()
                    process.join()
                    process.close()
        finally:
            self._slots.release()

    def _receive(self, process: Any, reader: Connection, limit: float) -> tuple[Any, ...] | None:
        if not reader.poll(limit):
            return None
        try:
            return reader.recv()
        except EOFError:
            process.join(1.0)
            return ("error", 500, f"the query process ended without an answer (exit code {process.exitcode}); "
                                  "see the server's log")  # fmt: skip

    def _await(self, process: Any, reader: Connection, sparql: str) -> Answer:
        message = self._receive(process, reader, STARTUP_LIMIT)
        if message is None:
            return Answer.error(503, f"the query process did not open the store within {STARTUP_LIMIT:g} s")
        started = time.monotonic()
        if message[0] == "ready":
            message = self._receive(process, reader, self.timeout)
        seconds = time.monotonic() - started
        if message is None:
            logger.warning("query stopped after %g s: %s", self.timeout, " ".join(sparql.split())[:200])
            return Answer.error(
                503,
                f"query timed out: it ran longer than this server's limit of {self.timeout:g} s and was "
                "stopped; narrow it (LIMIT, more specific patterns) or start the server with a larger --timeout",
            )
        if message[0] == "error":
            answer = Answer.error(message[1], message[2])
        else:
            _, kind, fmt, body = message
            answer = Answer(200, CONTENT_TYPES[fmt], body, kind, fmt)
        answer.seconds = seconds
        return answer

    @property
    def running(self) -> int:
        """How many query processes are running now."""
        with self._lock:
            return len(self._running)

    def close(self) -> None:
        """Kill the queries still running."""
        with self._lock:
            running = list(self._running)
        for process in running:
            process.kill()


def _cell(term: dict[str, str] | None) -> str:
    if term is None:
        return ""
    value = term.get("value", "")
    if term.get("type") == "uri":
        return f'<span class="iri" title="{html.escape(value)}">{html.escape(prefixed_name(value))}</span>'
    if term.get("type") == "bnode":
        return f"_:{html.escape(value)}"
    detail = term.get("xml:lang") or (prefixed_name(term["datatype"]) if "datatype" in term else "")
    title = f' title="{html.escape(detail)}"' if detail else ""
    return f"<span{title}>{html.escape(value)}</span>"


def _results_html(answer: Answer) -> str:
    timing = f"{answer.seconds:.3f} s"
    if answer.status != 200:
        return f'<p class="error"><strong>{answer.status}</strong> {html.escape(answer.message)}</p>'
    if answer.kind == "graph":
        text = answer.body.decode("utf-8")
        return f'<p class="meta">CONSTRUCT/DESCRIBE answer as Turtle, {timing}</p><pre>{html.escape(text)}</pre>'
    data = json.loads(answer.body)
    if "boolean" in data:
        return f'<p class="meta">ASK answer, {timing}</p><p class="boolean">{str(data["boolean"]).lower()}</p>'
    names = data["head"]["vars"]
    bindings = data["results"]["bindings"]
    head = "".join(f"<th>{html.escape(name)}</th>" for name in names)
    rows = "".join(
        "<tr>" + "".join(f"<td>{_cell(row.get(name))}</td>" for name in names) + "</tr>" for row in bindings[:PAGE_ROWS]
    )
    shown = f", showing the first {PAGE_ROWS}" if len(bindings) > PAGE_ROWS else ""
    count = f"{len(bindings)} row{'s' if len(bindings) != 1 else ''}"
    return f'<p class="meta">{count}{shown}, {timing}</p><table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _examples() -> list[tuple[str, str, str]]:
    """The example queries shipped with dealgraph: (name, what it answers, text)."""
    examples = []
    for path in sorted((ontology_dir() / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        examples.append((path.stem, first.lstrip("# ").strip(), text))
    return examples


_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 72rem; padding: 0 1rem; color: #1d232b; }
h1 { font-size: 1.35rem; margin: 0 0 .3rem; }
p.about { color: #4b5563; margin: 0 0 1rem; }
code, textarea, pre { font: 13px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
textarea { box-sizing: border-box; width: 100%; padding: .5rem; border: 1px solid #b8c0cc; border-radius: 4px; }
.actions { display: flex; gap: .6rem; align-items: center; margin: .5rem 0; flex-wrap: wrap; }
button { padding: .35rem .9rem; border: 1px solid #2a5db0; background: #2f6fd6; color: #fff; border-radius: 4px; cursor: pointer; }
button.plain { background: #fff; color: #2a5db0; }
.examples a { margin-right: .6rem; }
.meta { color: #4b5563; margin: 1rem 0 .3rem; }
.error { background: #fdecec; border: 1px solid #e3a1a1; padding: .5rem .7rem; border-radius: 4px; white-space: pre-wrap; }
.boolean { font-size: 1.4rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e2e6ec; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; position: sticky; top: 0; }
.iri { color: #2a5db0; }
pre { background: #f6f8fa; padding: .6rem; overflow: auto; }
"""


def render_page(query: str, answer: Answer | None, *, store: str, timeout: float, examples: list[tuple[str, str, str]]) -> bytes:
    """The query page: the form with ``query`` in it, then ``answer`` (when a query ran)."""
    prefixes = " ".join(f"<code>{html.escape(p)}:</code>" for p in PREFIXES)
    links = "".join(
        f'<a href="/?query={quote(text)}" title="{html.escape(about)}">{html.escape(name)}</a>'
        for name, about, text in examples
    )
    options = "".join(f'<option value="{key}">{key}</option>' for key in CONTENT_TYPES)
    results = _results_html(answer) if answer is not None else ""
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>dealgraph SPARQL</title><style>{_STYLE}</style></head>
<body>
<h1>dealgraph SPARQL</h1>
<p class="about">Read-only SPARQL 1.1 over the store <code>{html.escape(store)}</code>. The default graph is
the union of all articles' graphs; the prefixes {prefixes} need no declaration. A query may run for
{timeout:g} s. Programs: GET or POST <code>/sparql</code> (SPARQL 1.1 Protocol).</p>
<form method="post" action="/">
<textarea name="query" rows="12" spellcheck="false" aria-label="SPARQL query">{html.escape(query)}</textarea>
<div class="actions"><button type="submit">Run query</button>
<label>or get the raw answer as <select name="format">{options}</select></label>
<button class="plain" type="submit" formaction="/sparql">Download</button></div>
</form>
<p class="examples">Examples: {links}</p>
<section id="results">{results}</section>
</body></html>
"""
    return page.encode("utf-8")


class _Handler(BaseHTTPRequestHandler):
    server: _HttpServer
    server_version = "dealgraph"

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/":
            self._send(self._page(params))
        elif url.path == "/sparql":
            self._send(self._protocol(params, None))
        else:
            self._send(self._not_found(url.path))

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path not in ("/", "/sparql"):
            self._send(self._not_found(url.path))
            return
        body = self._read_body()
        if isinstance(body, Answer):
            self._send(body)
            return
        media_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query, keep_blank_values=True)
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            self._send(Answer.error(400, "the request body is not UTF-8 text"))
            return
        if media_type == "application/sparql-update":
            self._send(self._refuse_update())
        elif media_type == "application/x-www-form-urlencoded":
            for name, values in parse_qs(text, keep_blank_values=True).items():
                params.setdefault(name, []).extend(values)
            self._send(self._page(params) if url.path == "/" else self._protocol(params, None))
        elif media_type == "application/sparql-query" and url.path == "/sparql":
            self._send(self._protocol(params, text))
        else:
            accepted = "application/x-www-form-urlencoded" + (
                ", application/sparql-query" if url.path == "/sparql" else ""
            )
            self._send(Answer.error(415, f"cannot read a POST body of type {media_type or '(none)'!r} here; send {accepted}"))

    def _refused_method(self) -> None:
        self._send(Answer.error(405, f"{self.command} is not allowed: this endpoint is read-only and answers GET and POST"),
                   {"Allow": "GET, POST"})  # fmt: skip

    do_PUT = do_DELETE = do_PATCH = _refused_method

    def _read_body(self) -> bytes | Answer:
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self.close_connection = True
            return Answer.error(411, "a POST needs a Content-Length header")
        if int(length) > MAX_BODY:
            self.close_connection = True
            return Answer.error(413, f"the request body of {int(length)} bytes is larger than the limit of {MAX_BODY} bytes")
        return self.rfile.read(int(length))

    def _not_found(self, path: str) -> Answer:
        return Answer.error(404, f"nothing at {path}: the query page is / and the SPARQL endpoint is /sparql")

    def _refuse_update(self) -> Answer:
        return Answer.error(
            403, "SPARQL Update is not allowed: this endpoint serves the store read-only; change it with dealgraph ingest"
        )

    def _query(self, params: dict[str, list[str]], body_query: str | None) -> str | Answer:
        """The one query of a request, or the answer refusing the request."""
        if "update" in params:
            return self._refuse_update()
        dataset = [name for name in ("default-graph-uri", "named-graph-uri") if name in params]
        if dataset:
            return Answer.error(
                400, f"{' and '.join(dataset)} are not supported: the default graph is always the union of "
                     "all stored graphs; use GRAPH in the query to read one graph"
            )  # fmt: skip
        queries = params.get("query", []) + ([body_query] if body_query is not None else [])
        if not queries:
            return Answer.error(
                400, "no query: send it as the query= parameter (GET, or a POST form) or as a POST body of "
                     "type application/sparql-query"
            )  # fmt: skip
        if len(queries) > 1:
            return Answer.error(400, f"{len(queries)} queries in one request; send one")
        if is_update(queries[0]):
            return self._refuse_update()
        if calls_service(queries[0]):
            return Answer.error(
                403, "SERVICE is not allowed: this endpoint does not fetch other endpoints; query this store alone"
            )
        return queries[0]

    def _protocol(self, params: dict[str, list[str]], body_query: str | None) -> Answer:
        query = self._query(params, body_query)
        if isinstance(query, Answer):
            return query
        accept = self.headers.get("Accept")
        if "format" in params:
            fmt = params["format"][-1]
            if fmt not in CONTENT_TYPES:
                return Answer.error(400, f"format={fmt!r} is unknown; choose one of {', '.join(CONTENT_TYPES)}")
            accept = CONTENT_TYPES[fmt].split(";")[0]
        return self.server.endpoint.runner.run(query, negotiate(accept, RESULT_OFFERS), negotiate(accept, GRAPH_OFFERS))

    def _page(self, params: dict[str, list[str]]) -> Answer:
        endpoint = self.server.endpoint
        answer = None
        query = DEFAULT_QUERY
        if params:
            found = self._query(params, None)
            if isinstance(found, Answer):
                answer = found
                query = params.get("query", [query])[0]
            else:
                query = found
                answer = endpoint.runner.run(query, "json", "ttl")
        page = render_page(query, answer, store=str(endpoint.location), timeout=endpoint.timeout, examples=endpoint.examples)
        return Answer(answer.status if answer else 200, "text/html; charset=utf-8", page)

    def _send(self, answer: Answer, headers: dict[str, str] | None = None) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Vary", "Accept")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(answer.body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        logger.info("%s %s", self.address_string(), format % args)


class _HttpServer(ThreadingHTTPServer):
    daemon_threads = True
    endpoint: SparqlServer

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host's name up in DNS, which can hang; it is not needed.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


class _HttpServer6(_HttpServer):
    address_family = socket.AF_INET6


class SparqlServer:
    """A read-only SPARQL 1.1 Protocol endpoint and query page over a store directory.

    Args:
        location: the store directory.
        host: address to listen on.
        port: port to listen on; 0 picks a free one (see :attr:`port`).
        timeout: seconds a query may run before it is stopped and answered 503.
        max_queries: queries running at once (default: the number of CPUs, at least 2).

    Raises:
        StoreError: when there is no store at ``location`` or it cannot be opened read-only.
        ConfigError: when ``timeout`` is not positive or the address cannot be listened on.
    """

    def __init__(
        self, location: str | Path, host: str = "127.0.0.1", port: int = 7878, *, timeout: float = 30.0,
        max_queries: int | None = None,
    ) -> None:  # fmt: skip
        if not timeout > 0:
            raise ConfigError(f"--timeout {timeout!r}: must be a positive number of seconds")
        if is_remote(location):
            raise ConfigError(
                "--store is the URL of a remote SPARQL server, but dealgraph serve serves a store "
                "directory; the remote server has its own SPARQL endpoint: serve the remote server itself"
            )
        self.location = Path(location)
        self.timeout = timeout
        self.runner = QueryRunner(self.location, timeout, max_queries)
        self.examples = _examples()
        try:
            self._http = (_HttpServer6 if ":" in host else _HttpServer)((host, port), _Handler)
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {host}:{port}: {exc.strerror or exc}; choose another --bind"
            ) from exc
        self._http.endpoint = self
        self.host = host
        self.port = int(self._http.server_address[1])
        # Start the forkserver now, so the first visitor does not wait for dealgraph to import.
        warm = self.runner.run("ASK {}", "json", "ttl")
        if warm.status != 200:
            self.close()
            raise StoreError(f"{self.location}: a first query failed: {warm.message}")

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def serve_forever(self) -> None:
        """Answer requests until :meth:`shutdown` is called (from another thread) or Ctrl-C."""
        logger.info("serving %s at %s", self.location, self.url)
        self._http.serve_forever()

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever`; call from another thread."""
        self._http.shutdown()

    def close(self) -> None:
        """Stop listening and kill the queries still running."""
        self._http.server_close()
        self.runner.close()

    def __enter__(self) -> SparqlServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
