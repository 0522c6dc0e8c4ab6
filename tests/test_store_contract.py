"""One contract, two stores: every test runs on the embedded store and on a real `oxigraph serve`.

The remote store talks to an Oxigraph server started on 127.0.0.1 for this module (from the
`oxigraph` package of the dev extras) and emptied before each test.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
import requests

from pipeline.errors import QueryError, StoreError
from pipeline.query import run_query
from pipeline.remote_store import RemoteStore
from pipeline.store import Store

BASE = "https://w3id.org/dealgraph/"
DG = "https://w3id.org/dealgraph/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ORGS = f"{BASE}graph/organizations"
A1, A2 = f"{BASE}article/a1", f"{BASE}article/a2"


def org(n: str, label: str) -> str:
    return f'<{BASE}org/{n}> <{RDF_TYPE}> <{DG}Organization> .\n<{BASE}org/{n}> <{SKOS}prefLabel> "{label}" .\n'


def investment(graph: str, investor: str, investee: str, amount: int) -> str:
    fact = f"<{graph}/fact/0>"
    return (
        f"{fact} <{RDF_TYPE}> <{DG}Investment> .\n"
        f"{fact} <{DG}investor> <{BASE}org/{investor}> .\n"
        f"{fact} <{DG}investee> <{BASE}org/{investee}> .\n"
        f'{fact} <{DG}note> "up to ${amount}bn, \\"reported\\"\\n"@en .\n'
    )


# --- the Oxigraph server --------------------------------------------------------------------


def oxigraph_binary() -> str:
    """The `oxigraph` command installed beside this Python (the dev extras), else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if found is None:
        raise RuntimeError("the oxigraph server is not installed: pip install -e '.[dev]'")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running_oxigraph(location: Path, *, union_default_graph: bool = True) -> Iterator[str]:
    """`oxigraph serve` on a free port of 127.0.0.1 until the block ends; yields its base URL."""
    port = free_port()
    command = [oxigraph_binary(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    if union_default_graph:
        command.append("--union-default-graph")
    log_path = location.parent / f"{location.name}.log"
    url = f"http://127.0.0.1:{port}"
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with {process.returncode}: {log_path.read_text()}")
            try:
                if requests.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1).ok:
                    break
            except requests.ConnectionError:
                pass  # not listening yet: the loop polls until the deadline
            if time.monotonic() > deadline:
                raise RuntimeError(f"oxigraph serve did not answer on {url} within 20 s: {log_path.read_text()}")
            time.sleep(0.05)
        yield url
    finally:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_oxigraph(tmp_path_factory.mktemp("oxigraph") / "db") as url:
        yield url


# --- the two stores ---------------------------------------------------------------------------


@dataclass
class Backend:
    """Opens stores of one kind: a directory for the embedded store, a server for the remote one."""

    kind: str
    location: str

    def open(self, *, read_only: bool = False) -> Store | RemoteStore:
        if self.kind == "embedded":
            return Store(self.location, read_only=read_only)
        return RemoteStore(self.location, read_only=read_only, timeout=10)


@pytest.fixture(params=["embedded", "remote"])
def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    if request.param == "embedded":
        return Backend("embedded", str(tmp_path / "store"))
    url = request.getfixturevalue("oxigraph_url")
    requests.post(f"{url}/update", data={"update": "DROP ALL"}, timeout=10).raise_for_status()
    return Backend("remote", url)


@pytest.fixture
def any_store(backend: Backend) -> Iterator[Store | RemoteStore]:
    with backend.open() as opened:
        yield opened


def quads(store: Store | RemoteStore) -> set[str]:
    rows = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }").serialize("tsv").decode("utf-8")
    return set(rows.splitlines()[1:])


def fill(store: Store | RemoteStore) -> None:
    store.write({A1: investment(A1, "amazon", "anthropic", 8)}, {ORGS: org("amazon", "Amazon") + org("anthropic", "Anthropic")})
    store.write({A2: investment(A2, "google", "anthropic", 2)}, {ORGS: org("google", "Google") + org("anthropic", "Anthropic")})


# --- the contract -------------------------------------------------------------------------------


def test_rewriting_a_graph_is_idempotent_and_replaces_it(any_store) -> None:
    fill(any_store)
    count = len(any_store)
    assert count == 4 + 4 + 6  # two articles of four triples, three organisations of two
    fill(any_store)
    assert len(any_store) == count and any_store.graph_size(A1) == 4
    any_store.write({A1: f"<{A1}/fact/0> <{RDF_TYPE}> <{DG}Acquisition> .\n"})
    assert any_store.graph_size(A1) == 1  # replaced whole, not merged
    assert len(any_store) == count - 3


def test_flush_and_reopen_keep_everything(any_store) -> None:
    fill(any_store)
    before = quads(any_store)
    any_store.flush()
    assert quads(any_store) == before
    any_store.reopen()  # a long batch reopens the store every FLUSH_EVERY articles
    assert quads(any_store) == before
    any_store.write({A1: ""})  # and goes on writing through the new handle
    assert any_store.graphs() == sorted([A2, ORGS])


def test_added_triples_join_a_shared_graph(any_store) -> None:
    fill(any_store)
    assert any_store.graphs() == sorted([A1, A2, ORGS])
    assert any_store.graph_size(ORGS) == 6  # Anthropic, added twice, is there once
    assert any_store.graph_size(f"{BASE}article/none") == 0


def test_remove_graph_and_empty_replacement(any_store) -> None:
    fill(any_store)
    any_store.remove_graph(A1)
    assert any_store.graphs() == sorted([A2, ORGS]) and len(any_store) == 10
    any_store.remove_graph(A1)  # gone already: nothing happens
    any_store.write({A2: ""})
    assert any_store.graphs() == [ORGS]


def test_queries_see_the_union_of_graphs_with_undeclared_prefixes(any_store) -> None:
    fill(any_store)
    result = any_store.query(
        "SELECT ?investor ?note WHERE { ?f a dg:Investment ; dg:investor/skos:prefLabel ?investor ; dg:note ?note } "
        "ORDER BY ?investor"
    )
    assert result.kind == "select" and result.variables() == ["investor", "note"]
    assert list(result.rows()) == [["Amazon", 'up to $8bn, "reported"\n'], ["Google", 'up to $2bn, "reported"\n']]
    table = run_query(any_store, "SELECT ?name WHERE { ?o a dg:Organization ; skos:prefLabel ?name } ORDER BY ?name", "csv")
    assert table == "name\r\nAmazon\r\nAnthropic\r\nGoogle\r\n"
    assert '"boolean":true' in run_query(any_store, "ASK { ?f dg:investee ?o }", "json").replace(" ", "")
    # a query may still declare a prefix of its own, even one of ours
    declared = any_store.query(f"PREFIX dg: <{DG}>\nSELECT (COUNT(*) AS ?n) WHERE {{ ?f a dg:Investment }}")
    assert list(declared.rows()) == [["2"]]


def test_ask_and_construct(any_store) -> None:
    fill(any_store)
    yes, no = any_store.query("ASK { ?f a dg:Investment }"), any_store.query("ASK { ?f a dg:Acquisition }")
    assert (yes.kind, yes.boolean, no.boolean) == ("ask", True, False)
    built = any_store.query("CONSTRUCT { ?o skos:altLabel ?l } WHERE { ?o skos:prefLabel ?l }")
    assert built.kind == "graph"
    assert built.ntriples().count(b"\n") == 3
    turtle = run_query(any_store, "# the names\nDESCRIBE <https://w3id.org/dealgraph/org/google>")
    assert "skos:prefLabel" in turtle and '"Google"' in turtle


def test_invalid_sparql_is_a_query_error_with_its_position(any_store) -> None:
    with pytest.raises(QueryError, match=r"^invalid SPARQL: error at 1:\d+"):
        any_store.query("SELEC ?x WHERE { ?x ?p ?o }")
    with pytest.raises(QueryError, match=r"^invalid SPARQL: error at 2:"):
        any_store.query("SELECT ?x\nWHERE { ?x nope:p ?o }")


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_dump_then_load_into_an_empty_store_recreates_it(any_store, tmp_path, fmt) -> None:
    fill(any_store)
    expected, count = quads(any_store), len(any_store)
    any_store.dump(fmt, tmp_path / f"dump.{fmt}")
    for graph in any_store.graphs():
        any_store.remove_graph(graph)
    assert len(any_store) == 0
    assert any_store.load(tmp_path / f"dump.{fmt}") == count
    assert quads(any_store) == expected
    assert any_store.load(tmp_path / f"dump.{fmt}") == 0  # loading twice adds nothing


def test_dump_of_the_union_and_bad_loads(any_store, tmp_path) -> None:
    fill(any_store)
    any_store.dump("nt", tmp_path / "all.nt")
    assert len((tmp_path / "all.nt").read_text().splitlines()) == len(any_store)  # no triple is in two graphs
    with pytest.raises(StoreError, match="use a .nq or .trig dump"):
        any_store.load(tmp_path / "all.nt")
    broken = tmp_path / "broken.nq"
    broken.write_text("<a> <b> .\n")
    with pytest.raises(StoreError, match="broken.nq: cannot load it"):
        any_store.load(broken)
    with pytest.raises(StoreError, match="cannot dump the store as 'xml'"):
        any_store.dump("xml", tmp_path / "x")


def test_a_read_only_store_refuses_writes(backend, tmp_path) -> None:
    with backend.open() as writer:
        fill(writer)
        count = len(writer)
    (tmp_path / "more.nq").write_text(f"<{BASE}s> <{BASE}p> <{BASE}o> <{A1}> .\n")
    with backend.open(read_only=True) as reader:
        with pytest.raises(StoreError, match=f"read-only; writing graph {A1} is refused"):
            reader.write({A1: ""})
        with pytest.raises(StoreError, match="read-only; removing graph"):
            reader.remove_graph(A1)
        with pytest.raises(StoreError, match="read-only; loading"):
            reader.load(tmp_path / "more.nq")
        assert len(reader) == count and reader.query("ASK { ?s ?p ?o }").boolean
