"""A remote SPARQL 1.1 server as the store, with the interface of :class:`pipeline.store.Store`.

``--store http(s)://…`` selects it (see :func:`pipeline.store.open_store`). It speaks three
W3C protocols over HTTP with ``requests``:

* SPARQL 1.1 Query (``POST`` form ``query=…``) for everything read, answers parsed with
  pyoxigraph, so :class:`~pipeline.store.QueryResult` and the CLI's formatting work unchanged;
* SPARQL 1.1 Update (``POST`` form ``update=…``) for added triples and dropped graphs;
* the Graph Store HTTP Protocol (``PUT ?graph=IRI``) to replace one article's graph whole.

Endpoints: a base URL such as ``http://127.0.0.1:7878`` means Oxigraph server's layout,
``/query``, ``/update`` and ``/store``. For other servers set ``store_update_url`` and
``store_graph_url``; ``store`` is then the query endpoint itself (README: "Remote stores").

Queries mean what they mean on the embedded store: the prefixes of
:data:`pipeline.store.PREFIXES` are prepended to the query text, and the server must make the
default graph the union of the named graphs (``oxigraph serve --union-default-graph``, Fuseki's
``tdb2:unionDefaultGraph true``); the first query checks that and names the fix when it is not so.

Credentials come from the environment only, never from the TOML file or a flag, so that they
stay out of files, shell history and error messages: ``DEALGRAPH_STORE_USER`` with
``DEALGRAPH_STORE_PASSWORD`` (HTTP Basic) or ``DEALGRAPH_STORE_TOKEN`` (Bearer).

Like store.py this module imports pyoxigraph: the two store back ends are its only users.
"""

from __future__ import annotations

import logging
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, Iterator, Mapping
from urllib.parse import urlsplit

import pyoxigraph as ox
import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from pipeline.errors import ConfigError, QueryError, StoreError
from pipeline.store import DUMP_FORMATS, PREFIXES, QueryResult

logger = logging.getLogger(__name__)

ENV_USER = "DEALGRAPH_STORE_USER"
ENV_PASSWORD = "DEALGRAPH_STORE_PASSWORD"
ENV_TOKEN = "DEALGRAPH_STORE_TOKEN"
AUTH_HINT = (
    f"set {ENV_USER} and {ENV_PASSWORD} (HTTP Basic) or {ENV_TOKEN} (Bearer) "
    "to credentials the server accepts for reading and writing"
)

RETRY_STATUSES = (429, 502, 503, 504)
RETRIES = 3
"""Retries after the first attempt, on connection errors and the statuses above."""
BACKOFF = 0.5
"""urllib3 backoff factor: the retries wait 0, 1 and 2 seconds."""
MAX_RETRY_AFTER = 10.0
"""Longest wait a server's Retry-After header may ask for, in seconds."""

UNION_HINT = (
    "make the default graph the union of the named graphs: oxigraph serve --union-default-graph, "
    "Fuseki tdb2:unionDefaultGraph true (see the README section Remote stores)"
)

# The query's own keyword comes right after the prologue (BASE and PREFIX declarations, with
# comments between them); knowing it picks the Accept header, because some servers answer a
# CONSTRUCT as a results table when results are what the client prefers.
_QUERY_FORM = re.compile(
    r"\A(?:\s+|#[^\n]*(?:\n|\Z)|BASE\s*<[^>]*>|PREFIX\s*[^\s:]*:\s*<[^>]*>)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b",
    re.IGNORECASE,
)
RESULTS_ACCEPT = "application/sparql-results+json, application/sparql-results+xml;q=0.9, text/tab-separated-values;q=0.8"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9, application/rdf+xml;q=0.8, application/ld+json;q=0.7"
PREFIX_LINE = " ".join(f"PREFIX {name}: <{namespace}>" for name, namespace in PREFIXES.items()) + "\n"
"""Prepended to every query: one line, so the server's error positions are one line down."""


@dataclass(frozen=True)
class Credentials:
    """What to authenticate with: a user and password (HTTP Basic) or a token (Bearer)."""

    user: str | None = None
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    def describe(self) -> str:
        """What was sent, for error messages; never the secret itself."""
        if self.token:
            return f"a Bearer token from {ENV_TOKEN} was sent"
        if self.user:
            return f"HTTP Basic credentials for user {self.user!r} were sent"
        return "no credentials were sent"


def credentials_from_env(environ: Mapping[str, str] | None = None) -> Credentials:
    """The store credentials in ``DEALGRAPH_STORE_USER``/``_PASSWORD`` or ``_TOKEN``.

    Raises:
        ConfigError: when only one of user and password is set, or a token as well as a user.
    """
    env = os.environ if environ is None else environ
    user, password, token = env.get(ENV_USER) or None, env.get(ENV_PASSWORD) or None, env.get(ENV_TOKEN) or None
    if token and (user or password):
        raise ConfigError(f"set either {ENV_TOKEN} or {ENV_USER} and {ENV_PASSWORD}, not both")
    if bool(user) != bool(password):
        given, missing = (ENV_USER, ENV_PASSWORD) if user else (ENV_PASSWORD, ENV_USER)
        raise ConfigError(f"{given} is set but {missing} is not; HTTP Basic needs both")
    return Credentials(user=user, password=password, token=token)


@dataclass(frozen=True)
class Endpoints:
    """The server's three URLs; update and graph are None when only querying is possible."""

    query: str
    update: str | None
    graph: str | None


def endpoints_for(url: str, update_url: str = "", graph_url: str = "") -> Endpoints:
    """The endpoints of a store URL.

    Without ``update_url`` and ``graph_url``, ``url`` is the base of Oxigraph server's layout;
    with either, ``url`` is the query endpoint and the other two are taken as given.

    >>> endpoints_for("http://127.0.0.1:7878/")
    Endpoints(query='http://127.0.0.1:7878/query', update='http://127.0.0.1:7878/update', graph='http://127.0.0.1:7878/store')
    >>> endpoints_for("http://h:3030/ds/sparql", "http://h:3030/ds/update", "http://h:3030/ds/data").graph
    'http://h:3030/ds/data'

    Raises:
        StoreError: for a URL that is not http(s) or that carries credentials.
    """
    for name, value in (("store", url), ("store_update_url", update_url), ("store_graph_url", graph_url)):
        if not value:
            continue
        parts = urlsplit(value)
        if parts.username or parts.password:  # checked first: the message must not show them
            raise StoreError(f"{name}: the URL carries credentials; give the URL without them and {AUTH_HINT}")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise StoreError(f"{name} {value!r} is not an http(s):// URL of a SPARQL 1.1 server")
    if update_url or graph_url:
        return Endpoints(url, update_url or None, graph_url or None)
    base = url.rstrip("/")
    return Endpoints(f"{base}/query", f"{base}/update", f"{base}/store")


class _Retry(Retry):
    """urllib3's Retry with Retry-After capped, so a server asking for an hour cannot stall a run."""

    def parse_retry_after(self, retry_after: str) -> float:
        return min(super().parse_retry_after(retry_after), MAX_RETRY_AFTER)


def _session(credentials: Credentials, user_agent: str, retries: int) -> requests.Session:
    session = requests.Session()
    # POST and PUT are retried too: every request dealgraph sends is idempotent (PUT replaces a
    # graph whole; INSERT DATA of triples without blank nodes adds nothing the second time;
    # DROP SILENT of a dropped graph does nothing; queries change nothing).
    retry = _Retry(
        total=retries, connect=retries, read=1, status=retries, other=0, backoff_factor=BACKOFF,
        status_forcelist=RETRY_STATUSES, allowed_methods=frozenset({"GET", "POST", "PUT", "DELETE"}),
        raise_on_status=False, respect_retry_after_header=True,
    )  # fmt: skip
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = user_agent
    if credentials.token:
        session.headers["Authorization"] = f"Bearer {credentials.token}"
    elif credentials.user and credentials.password:
        session.auth = (credentials.user, credentials.password)
    return session


def _unreachable_reason(exc: requests.RequestException, timeout: float) -> str:
    """Why a request got no answer, without urllib3's object reprs."""
    reason = getattr(exc.args[0], "reason", None) if exc.args else None  # MaxRetryError's cause
    timed_out = isinstance(reason, urllib3.exceptions.ReadTimeoutError) or (
        # urllib3 derives a refused connection (NewConnectionError) from ConnectTimeoutError
        isinstance(reason, urllib3.exceptions.ConnectTimeoutError)
        and not isinstance(reason, urllib3.exceptions.NewConnectionError)
    )
    if isinstance(exc, requests.Timeout) or timed_out:
        return f"no answer within {timeout:g} s (setting timeout)"
    text = str(reason if reason is not None else exc)
    # "HTTPConnection(host='h', port=1): Failed to establish a new connection: [Errno 111] ..."
    return text.split("): ", 1)[1] if text.startswith("HTTP") and "): " in text else text


def _first_line(response: requests.Response) -> str:
    for line in response.text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return response.reason or "no message"


def _media_type(response: requests.Response) -> str:
    return response.headers.get("Content-Type", "").split(";")[0].strip().lower()


def _graph_iri(graph: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(graph)
    except ValueError as exc:
        raise StoreError(f"{graph!r} is not an IRI, so it cannot name a graph: {exc}") from exc


class RemoteStore:
    """A SPARQL 1.1 server used as dealgraph's store; the same methods as the embedded Store.

    Args:
        location: Oxigraph server's base URL, or the query endpoint when ``update_url`` or
            ``graph_url`` is given.
        read_only: refuse every write, as the embedded store opened read-only does.
        timeout: seconds to wait for the server to connect or send data.
        update_url: the SPARQL Update endpoint (other servers than Oxigraph).
        graph_url: the Graph Store HTTP Protocol endpoint (other servers than Oxigraph).
        credentials: what to authenticate with; see :func:`credentials_from_env`.
        user_agent: the User-Agent header.
        retries: retries after the first attempt, on connection errors and 429/502/503/504.

    Raises:
        StoreError: when the URL is unusable, the server cannot be reached or refuses the
            credentials (checked at once with ``ASK {}``).
    """

    def __init__(
        self, location: str, *, read_only: bool = False, timeout: float = 20.0, update_url: str = "",
        graph_url: str = "", credentials: Credentials | None = None, user_agent: str = "dealgraph",
        retries: int = RETRIES,
    ) -> None:  # fmt: skip
        self.location = location
        self.read_only = read_only
        self.timeout = timeout
        self.endpoints = endpoints_for(location, update_url, graph_url)
        self.credentials = credentials or Credentials()
        self._retries = retries
        self._session: requests.Session | None = _session(self.credentials, user_agent, retries)
        self._union_checked = False
        # Fail now, before a long ingest, when the server is unreachable or refuses us.
        self._request("POST", self.endpoints.query, "a first query", data={"query": "ASK {}"})

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def flush(self) -> None:
        """Nothing to do: the server keeps its own memory."""

    def reopen(self) -> None:
        """Nothing to do: the server keeps its own memory."""

    def close(self) -> None:
        """Close the HTTP connections; the object is unusable afterwards."""
        if self._session is not None:
            self._session.close()
            self._session = None

    # --- HTTP ---------------------------------------------------------------------------------

    def _request(self, method: str, url: str, what: str, *, pass_400: bool = False, **kwargs: object) -> requests.Response:
        """Send one request (retried by the session) and turn every failure into StoreError.

        ``pass_400`` hands a 400 answer back to the caller, which knows what was invalid.
        """
        if self._session is None:
            raise StoreError(f"{self.location}: the store is closed")
        try:
            response = self._session.request(method, url, timeout=self.timeout, **kwargs)  # type: ignore[arg-type]
        except requests.RequestException as exc:
            raise StoreError(
                f"{url}: cannot reach the store server for {what}: {_unreachable_reason(exc, self.timeout)}"
            ) from exc
        status = response.status_code
        if status in (401, 403):
            raise StoreError(
                f"{url}: the server refused {what} (HTTP {status}: {_first_line(response)}); "
                f"{self.credentials.describe()}: {AUTH_HINT}"
            )
        if status >= 400 and not (pass_400 and status == 400):
            retried = f" after {self._retries + 1} attempts" if status in RETRY_STATUSES else ""
            raise StoreError(f"{url}: {what} failed{retried}: HTTP {status}: {_first_line(response)}")
        return response

    def _writable(self, what: str) -> Endpoints:
        if self.read_only:
            raise StoreError(f"{self.location}: the store is open read-only; {what} is refused")
        for name, value in (("store_update_url", self.endpoints.update), ("store_graph_url", self.endpoints.graph)):
            if value is None:
                raise StoreError(
                    f"{self.location}: {what} needs the server's update and graph store endpoints; "
                    f"set {name} (DEALGRAPH_{name.upper()})"
                )
        return self.endpoints

    def _update(self, text: str, what: str) -> None:
        endpoints = self._writable(what)
        self._request("POST", endpoints.update, what, data={"update": text.encode("utf-8")})

    def _post_query(self, sparql: str, accept: str, *, stream: bool = False) -> requests.Response:
        return self._request(
            "POST", self.endpoints.query, "a query", pass_400=True, headers={"Accept": accept}, stream=stream,
            data={"query": (PREFIX_LINE + sparql).encode("utf-8")},
        )  # fmt: skip

    def _solutions(self, sparql: str) -> list[ox.QuerySolution]:
        """The rows of one of dealgraph's own SELECT queries."""
        response = self._post_query(sparql, RESULTS_ACCEPT)
        if response.status_code == 400:  # our own queries are valid SPARQL 1.1
            raise StoreError(f"{self.endpoints.query}: the server rejected a SPARQL 1.1 query: {_first_line(response)}")
        found = self._results(response)
        if isinstance(found, ox.QueryBoolean):
            raise StoreError(f"{self.endpoints.query}: a SELECT query was answered with a boolean")
        return list(found)

    def _results(self, response: requests.Response) -> ox.QuerySolutions | ox.QueryBoolean:
        """A SELECT or ASK answer, read whole, so a broken one fails here as StoreError."""
        media = _media_type(response)
        results_format = ox.QueryResultsFormat.from_media_type(media) if media else None
        if results_format is None or results_format == ox.QueryResultsFormat.CSV:  # pyoxigraph cannot read CSV
            raise StoreError(f"{self.endpoints.query}: the server answered as {media or 'an unnamed type'}, "
                             "which is no SPARQL results format dealgraph reads")  # fmt: skip
        try:
            parsed = ox.parse_query_results(response.content, results_format)
            if isinstance(parsed, ox.QuerySolutions):
                for _ in parsed:
                    pass
                parsed = ox.parse_query_results(response.content, results_format)
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(
                f"{self.endpoints.query}: the server's {media} answer cannot be read: {str(exc).splitlines()[0]}"
            ) from exc
        return parsed

    def _count(self, sparql: str) -> int:
        rows = self._solutions(sparql)
        value = rows[0]["n"] if rows else None
        if not isinstance(value, ox.Literal):
            raise StoreError(f"{self.endpoints.query}: counting answered no number")
        return int(value.value)

    # --- reading ------------------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of quads in all named graphs (dealgraph writes nothing else)."""
        return self._count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")

    def graph_size(self, graph: str) -> int:
        """The number of triples in one named graph."""
        return self._count(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {_graph_iri(graph)} {{ ?s ?p ?o }} }}")

    def graphs(self) -> list[str]:
        """The names of all named graphs that hold triples."""
        rows = self._solutions("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(row["g"].value for row in rows if isinstance(row["g"], ox.NamedNode))

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL 1.1 query on the server; the default graph is the union of all graphs.

        The first query also checks that the server really makes the default graph the union
        of its named graphs.

        Raises:
            QueryError: for a query the server rejects as invalid (HTTP 400); a syntax error is
                reported with its line and column as the embedded store reports it.
            StoreError: when the server cannot be reached, fails, or does not make the default
                graph the union of the named graphs.
        """
        if not self._union_checked:
            self._check_union_default_graph()
        return self._query(sparql)

    def _query(self, sparql: str) -> QueryResult:
        found = _QUERY_FORM.match(sparql)
        form = found.group(1).upper() if found else ""
        accept = {"SELECT": RESULTS_ACCEPT, "ASK": RESULTS_ACCEPT, "CONSTRUCT": GRAPH_ACCEPT, "DESCRIBE": GRAPH_ACCEPT}
        response = self._post_query(sparql, accept.get(form, f"{RESULTS_ACCEPT}, {GRAPH_ACCEPT}"))
        if response.status_code == 400:
            raise QueryError(_invalid_query_message(sparql, _first_line(response)))
        media = _media_type(response)
        graph_format = ox.RdfFormat.from_media_type(media) if media else None
        results_format = ox.QueryResultsFormat.from_media_type(media) if media else None
        # application/json and text/plain name both an RDF syntax and a results format.
        if graph_format is None or (results_format is not None and form not in ("CONSTRUCT", "DESCRIBE")):
            parsed = self._results(response)
            return QueryResult("ask" if isinstance(parsed, ox.QueryBoolean) else "select", parsed)
        try:
            triples = [quad.triple for quad in ox.parse(response.content, graph_format)]
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(
                f"{self.endpoints.query}: the server's {media} answer cannot be read: {str(exc).splitlines()[0]}"
            ) from exc
        return QueryResult("graph", triples)

    def _check_union_default_graph(self) -> None:
        """Raise StoreError unless a triple of a named graph is visible in the default graph."""
        sample = self._solutions(
            "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(!isBlank(?s) && !isBlank(?o)) } LIMIT 1"
        )
        if sample:
            row = sample[0]
            seen = self._query(f"ASK {{ {row['s']} {row['p']} {row['o']} }}")
            if not seen.boolean:
                raise StoreError(
                    f"{self.location}: the server's default graph is not the union of its named graphs, "
                    f"so queries would not see the stored articles; {UNION_HINT}"
                )
        self._union_checked = True

    def _quads(self, fmt_keeps_graphs: bool) -> Iterator[ox.Quad | ox.Triple]:
        """Every stored quad (or, for graph formats, every distinct triple), streamed."""
        sparql = (
            "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
            if fmt_keeps_graphs
            else "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
        )
        response = self._post_query(sparql, RESULTS_ACCEPT, stream=True)
        with response:
            if response.status_code == 400:  # our own queries are valid SPARQL 1.1
                raise StoreError(f"{self.endpoints.query}: the server rejected the dump query: {_first_line(response)}")
            media = _media_type(response)
            results_format = ox.QueryResultsFormat.from_media_type(media) if media else None
            if results_format not in (ox.QueryResultsFormat.JSON, ox.QueryResultsFormat.XML, ox.QueryResultsFormat.TSV):
                raise StoreError(f"{self.endpoints.query}: the server answered the dump query as {media or 'an unnamed type'}")
            response.raw.decode_content = True  # undo gzip, which requests does only for .content
            for row in ox.parse_query_results(response.raw, results_format):
                if fmt_keeps_graphs:
                    yield ox.Quad(row["s"], row["p"], row["o"], row["g"])
                else:
                    yield ox.Triple(row["s"], row["p"], row["o"])

    def dump(self, fmt: str, output: BinaryIO | Path) -> None:
        """Write every triple of the named graphs to ``output`` (a binary file or a path), streaming.

        ``nq``, ``trig`` and ``jsonld`` keep each graph; ``nt`` and ``ttl`` write their union.

        Raises:
            StoreError: for an unknown format, or when the server or the writing fails.
        """
        if fmt not in DUMP_FORMATS:
            raise StoreError(f"cannot dump the store as {fmt!r}; choose one of {', '.join(DUMP_FORMATS)}")
        rdf_format = DUMP_FORMATS[fmt]
        target = str(output) if isinstance(output, Path) else output
        try:
            ox.serialize(self._quads(rdf_format.supports_datasets), target, rdf_format, prefixes=PREFIXES)
        except (OSError, SyntaxError, ValueError, urllib3.exceptions.HTTPError) as exc:
            raise StoreError(f"{self.location}: writing the store as {fmt} failed: {str(exc).splitlines()[0]}") from exc

    # --- writing ------------------------------------------------------------------------------

    def write(self, replace: Mapping[str, str], add: Mapping[str, str] | None = None, then: str = "") -> None:
        """Replace each graph of ``replace`` whole with its N-Triples, add the N-Triples of
        ``add`` to those graphs (keeping what they hold), then run the SPARQL Update ``then``,
        with the same outcome as the embedded store's write.

        Order of the requests: one SPARQL Update ``INSERT DATA`` with every graph of ``add``;
        a Graph Store Protocol ``PUT`` of each graph of ``replace`` that has triples, in the
        mapping's order, except the last; one SPARQL Update that drops the graphs of
        ``replace`` without triples (a PUT of nothing would leave an empty graph) and runs
        ``then``; finally the ``PUT`` of the last graph of ``replace``. An article's graph is
        so never stored before the shared triples it refers to, and its manifest record (the
        last graph) only once everything else is done.

        This is several requests, not one transaction: each is atomic on the server, the
        sequence is not. It is idempotent instead: a PUT sets a graph to exactly the given
        triples, INSERT DATA of triples without blank nodes (dealgraph mints IRIs for
        everything) adds nothing already there, and DROP SILENT of a dropped graph does
        nothing. Rerunning a write after a crash or a failed request redoes the same requests
        and ends where one uninterrupted write would; that is also why the session retries
        POST and PUT. What a crash can leave is a state between two requests: graphs either
        old or new, and ``then`` not yet run.

        Raises:
            StoreError: when the store is read-only or a request fails; the requests before
                the failing one have taken effect then.
        """
        add = add or {}
        names = ", ".join(replace) or ", ".join(add)
        endpoints = self._writable(f"writing graph {names}")
        blocks = [f"GRAPH {_graph_iri(name)} {{\n{text}\n}}" for name, text in add.items() if text.strip()]
        if blocks:
            self._update(f"INSERT DATA {{\n{chr(10).join(blocks)}\n}}", f"adding to graph {', '.join(add)}")
        items = list(replace.items())
        # The last graph of ``replace`` is written last, after ``then``: ingest puts an
        # article's manifest record there, so a crash anywhere before it leaves the source
        # unrecorded and the next run writes (and tidies) the article again.
        last = items.pop() if items and items[-1][1].strip() else None
        drops = []
        for name, text in items:
            iri = _graph_iri(name)
            if not text.strip():
                drops.append(f"DROP SILENT GRAPH {iri}")
                continue
            self._put_graph(endpoints, name, text)
        statements = drops + ([then] if then.strip() else [])
        if statements:
            self._update(" ;\n".join(statements), f"writing graph {names}")
        if last is not None:
            self._put_graph(endpoints, *last)
        logger.debug("%s: wrote graphs %s", self.location, names)

    def _put_graph(self, endpoints: Endpoints, name: str, text: str) -> None:
        # N-Triples is valid Turtle, and text/turtle is what every Graph Store server reads.
        self._request(
            "PUT", endpoints.graph, f"replacing graph {name}", params={"graph": name},
            data=text.encode("utf-8"), headers={"Content-Type": "text/turtle; charset=utf-8"},
        )  # fmt: skip

    def remove_graph(self, graph: str) -> None:
        """Drop one named graph and its triples (nothing happens when there is no such graph)."""
        self._update(f"DROP SILENT GRAPH {_graph_iri(graph)}", f"removing graph {graph}")

    def load(self, path: Path) -> int:
        """Add every quad of an N-Quads (``.nq``) or TriG (``.trig``) file in one SPARQL Update.

        The file is parsed here first, so invalid RDF changes nothing; the update itself is one
        request, which Oxigraph, Fuseki and GraphDB apply as one transaction.

        Returns:
            The number of quads the store gained.

        Raises:
            StoreError: for another file type, an unreadable file, invalid RDF, a read-only
                store or a failing request.
        """
        formats = {".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG}
        rdf_format = formats.get(path.suffix.lower())
        if rdf_format is None:
            raise StoreError(f"{path}: cannot load {path.suffix or 'a file without suffix'}; use a .nq or .trig dump")
        self._writable(f"loading {path}")
        graphs: dict[ox.NamedNode | None, list[ox.Triple]] = defaultdict(list)
        try:
            for quad in ox.parse(path=str(path), format=rdf_format):
                name = quad.graph_name if isinstance(quad.graph_name, ox.NamedNode) else None
                graphs[name].append(quad.triple)
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{path}: cannot load it: {str(exc).splitlines()[0]}") from exc
        if not graphs:
            return 0
        blocks = []
        for name, triples in graphs.items():
            text = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
            blocks.append(text if name is None else f"GRAPH {name} {{\n{text}}}")
        before = len(self)
        self._update("INSERT DATA {\n" + "\n".join(blocks) + "\n}", f"loading {path}")
        return len(self) - before


def _invalid_query_message(sparql: str, server_says: str) -> str:
    """The message of a QueryError for a query the server rejected with HTTP 400.

    A syntax error is reported from pyoxigraph's own parser, with the position in the query as
    the user wrote it (the server counts our prefix line too). Parsing needs an (empty,
    in-memory) store to run the query on, so a query with SERVICE, which would then call out,
    keeps the server's message.
    """
    if "service" not in sparql.lower():
        try:
            ox.Store().query(sparql, prefixes=PREFIXES)
        except SyntaxError as exc:
            return f"invalid SPARQL: {str(exc).splitlines()[0]}"
        except (OSError, ValueError, RuntimeError) as exc:
            logger.debug("checking the query locally failed: %s", exc)
    return f"invalid SPARQL: the server answered HTTP 400: {server_says}"
