"""dealgraph serve: the SPARQL 1.1 Protocol over real HTTP, on a real store."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
import requests
from click.testing import CliRunner
from rdflib import Graph

from pipeline.cli import main
from pipeline.config import Settings
from pipeline.errors import ConfigError, StoreError
from pipeline.ingest import ingest
from pipeline.serve import SparqlServer
from pipeline.store import Store

from .conftest import CORPUS

# rdflib's JSON-LD parser calls its own deprecated APIs.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

PAGES = ["microsoft-nvidia-anthropic-2025.html", "pfizer-seagen-2023.html"]
# Undeclared prefixes and no GRAPH clause: the facts sit in named graphs, queries see their union.
NAMES = "SELECT ?name WHERE { ?o a dg:Organization ; skos:prefLabel ?name } ORDER BY ?name"
LABELS = "CONSTRUCT { ?o skos:prefLabel ?name } WHERE { ?o a dg:Organization ; skos:prefLabel ?name }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# A cross join over every triple four times over: hours of work on any store worth the name.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
ORGS = {"Anthropic", "Microsoft", "Nvidia", "Pfizer", "Seagen"}


@pytest.fixture(scope="module")
def location(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    """A store holding two corpus articles, closed again so that servers open it read-only."""
    path = tmp_path_factory.mktemp("serve") / "store"
    with Store(path) as opened:
        report = ingest([str(CORPUS / "dev" / page) for page in PAGES], opened, Settings(store=str(path)), nlp=nlp)
        assert not report.failed, report.failed
    return path


@contextmanager
def running(server: SparqlServer) -> Iterator[SparqlServer]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.close()
        thread.join(5)
        assert not thread.is_alive()


@pytest.fixture(scope="module")
def server(location: Path) -> Iterator[SparqlServer]:
    with running(SparqlServer(location, "127.0.0.1", 0, timeout=10)) as started:
        yield started


@pytest.fixture
def endpoint(server: SparqlServer) -> str:
    return server.url + "sparql"


def _count(endpoint: str) -> int:
    answer = requests.get(endpoint, params={"query": COUNT}, timeout=10)
    assert answer.status_code == 200, answer.text
    return int(answer.json()["results"]["bindings"][0]["n"]["value"])


def _names(answer: requests.Response) -> set[str]:
    return {row["name"]["value"] for row in answer.json()["results"]["bindings"]}


def test_get_answers_w3c_json_by_default(endpoint) -> None:
    answer = requests.get(endpoint, params={"query": NAMES}, timeout=10)
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "application/sparql-results+json"
    data = answer.json()
    assert data["head"]["vars"] == ["name"]
    assert ORGS <= _names(answer)
    assert {"type": "literal", "value": "Anthropic"} in [row["name"] for row in data["results"]["bindings"]]


def test_post_form_and_post_query_body_answer_alike(endpoint) -> None:
    expected = _names(requests.get(endpoint, params={"query": NAMES}, timeout=10))
    form = requests.post(endpoint, data={"query": NAMES}, timeout=10)
    body = requests.post(
        endpoint, data=NAMES.encode("utf-8"), headers={"Content-Type": "application/sparql-query"}, timeout=10
    )
    assert form.status_code == body.status_code == 200
    assert _names(form) == _names(body) == expected


def test_xml_results(endpoint) -> None:
    answer = requests.get(endpoint, params={"query": NAMES}, headers={"Accept": "application/sparql-results+xml"}, timeout=10)
    assert answer.headers["Content-Type"] == "application/sparql-results+xml"
    ns = {"r": "http://www.w3.org/2005/sparql-results#"}
    root = ET.fromstring(answer.content)
    assert [v.get("name") for v in root.findall("r:head/r:variable", ns)] == ["name"]
    assert ORGS <= {literal.text for literal in root.iterfind(".//r:literal", ns)}


def test_csv_and_tsv_results(endpoint) -> None:
    answer = requests.post(endpoint, data={"query": NAMES}, headers={"Accept": "text/csv"}, timeout=10)
    assert answer.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(answer.text)))
    assert rows[0] == ["name"] and ORGS <= {row[0] for row in rows[1:]}
    answer = requests.post(endpoint, data={"query": NAMES}, headers={"Accept": "text/tab-separated-values"}, timeout=10)
    lines = answer.text.splitlines()
    assert answer.headers["Content-Type"].startswith("text/tab-separated-values")
    assert lines[0] == "?name" and '"Anthropic"' in lines


def test_accept_weights_and_the_format_parameter(endpoint) -> None:
    weighted = requests.get(endpoint, params={"query": NAMES}, headers={"Accept": "application/json;q=0.5, text/csv"}, timeout=10)
    assert weighted.headers["Content-Type"].startswith("text/csv")
    chosen = requests.get(endpoint, params={"query": NAMES, "format": "tsv"}, headers={"Accept": "text/csv"}, timeout=10)
    assert chosen.text.startswith("?name\n")
    unusable = requests.get(endpoint, params={"query": NAMES}, headers={"Accept": "text/turtle"}, timeout=10)
    assert unusable.status_code == 406
    assert unusable.text.startswith("not acceptable: a SELECT query answers as one of") and "application/sparql-results+json" in unusable.text


def test_ask(endpoint) -> None:
    answer = requests.get(endpoint, params={"query": "ASK { ?f a dg:Acquisition }"}, timeout=10)
    assert answer.json() == {"head": {}, "boolean": True}


def test_construct_as_turtle_ntriples_and_jsonld(endpoint) -> None:
    turtle = requests.get(endpoint, params={"query": LABELS}, timeout=10)
    assert turtle.headers["Content-Type"].startswith("text/turtle")
    assert "@prefix skos:" in turtle.text
    graphs = {"turtle": Graph().parse(data=turtle.text, format="turtle")}
    for media_type, rdf_format in [("application/n-triples", "nt"), ("application/ld+json", "json-ld")]:
        answer = requests.post(endpoint, data={"query": LABELS}, headers={"Accept": media_type}, timeout=10)
        assert answer.status_code == 200
        assert answer.headers["Content-Type"].startswith(media_type)
        graphs[rdf_format] = Graph().parse(data=answer.text, format=rdf_format)
    assert "@context" in json.loads(answer.text)
    triples = [set(graph) for graph in graphs.values()]
    assert len(triples[0]) >= len(ORGS)
    assert triples[0] == triples[1] == triples[2]


def test_query_page(server) -> None:
    page = requests.get(server.url, timeout=10)
    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    html = page.text
    assert '<form method="post" action="/">' in html and '<textarea name="query"' in html
    assert "investments</a>" in html  # the example queries, as links
    # Self-contained: no scripts, stylesheets or images from anywhere.
    assert "<script" not in html and "src=" not in html and "<link" not in html
    ran = requests.post(server.url, data={"query": NAMES}, timeout=10)
    assert ran.status_code == 200
    assert "<th>name</th>" in ran.text and ">Anthropic</span></td>" in ran.text
    assert "rows, " in ran.text
    linked = requests.get(server.url, params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
    assert '<p class="boolean">true</p>' in linked.text
    broken = requests.post(server.url, data={"query": "SELECT ?x WHERE { ?x ?p }"}, timeout=10)
    assert broken.status_code == 400
    assert "invalid SPARQL: error at 1:" in broken.text
    assert "SELECT ?x WHERE { ?x ?p }</textarea>" in broken.text  # the query stays in the form


def test_syntax_error_is_400_with_one_line(endpoint) -> None:
    answer = requests.get(endpoint, params={"query": "SELECT ?x WHERE { ?x ?p }"}, timeout=10)
    assert answer.status_code == 400
    assert answer.text.count("\n") == 1
    assert answer.text.startswith("invalid SPARQL: error at 1:")


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"data": {"update": "DROP ALL"}},
        {"data": b"DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
        {"params": {"update": "CLEAR DEFAULT"}},
        {"data": {"query": "PREFIX ex: <http://example.org/>\nINSERT DATA { ex:a ex:b ex:c }"}},
    ],
    ids=["form", "sparql-update", "get", "update-as-query"],
)
def test_updates_are_refused_and_change_nothing(endpoint, location, request_kwargs) -> None:
    before = _count(endpoint)
    method = requests.get if "params" in request_kwargs else requests.post
    answer = method(endpoint, timeout=10, **request_kwargs)
    assert answer.status_code == 403
    assert answer.text.startswith("SPARQL Update is not allowed")
    assert _count(endpoint) == before
    with Store(location, read_only=True) as opened:
        assert len(opened) == before


def test_service_is_refused_without_fetching(endpoint, httpserver) -> None:
    query = f"SELECT * WHERE {{ SERVICE <{httpserver.url_for('/sparql')}> {{ ?s ?p ?o }} }}"
    answer = requests.get(endpoint, params={"query": query}, timeout=10)
    assert answer.status_code == 403
    assert "SERVICE is not allowed" in answer.text
    assert httpserver.log == []


def test_a_slow_query_times_out_and_the_server_goes_on(location) -> None:
    with running(SparqlServer(location, "127.0.0.1", 0, timeout=0.2)) as quick:
        started = time.monotonic()
        slow = requests.get(quick.url + "sparql", params={"query": SLOW}, timeout=30)
        assert slow.status_code == 503
        assert slow.text.startswith("query timed out: it ran longer than this server's limit of 0.2 s")
        assert time.monotonic() - started < 5
        assert quick.runner.running == 0  # the query process was killed, not left running
        after = requests.get(quick.url + "sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30)
        assert after.status_code == 200 and after.json()["boolean"] is True


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "text"),
    [
        ("get", "sparql", {}, 400, "no query"),
        ("get", "sparql", {"params": {"query": NAMES, "default-graph-uri": "http://x"}}, 400, "default-graph-uri"),
        ("get", "sparql", {"params": {"query": NAMES, "format": "yaml"}}, 400, "format='yaml' is unknown"),
        ("get", "nowhere", {}, 404, "the SPARQL endpoint is /sparql"),
        ("put", "sparql", {"data": b"x"}, 405, "read-only"),
        ("post", "sparql", {"data": b"x", "headers": {"Content-Type": "text/plain"}}, 415, "application/sparql-query"),
    ],
)
def test_bad_requests_say_what_is_wrong(server, method, path, kwargs, status, text) -> None:
    answer = requests.request(method, server.url + path, timeout=10, **kwargs)
    assert answer.status_code == status
    assert text in answer.text


def test_startup_errors(tmp_path, location, server) -> None:
    with pytest.raises(StoreError, match="no store here yet"):
        SparqlServer(tmp_path / "none", "127.0.0.1", 0)
    with pytest.raises(ConfigError, match="cannot listen on 127.0.0.1:.*choose another --bind"):
        SparqlServer(location, "127.0.0.1", server.port)
    result = CliRunner().invoke(main, ["serve", "--store", str(location), "--bind", "localhost"])
    assert result.exit_code == 1 and "expected HOST:PORT" in result.stderr


def test_the_command_prints_its_url_and_stops_on_ctrl_c(location) -> None:
    command = [sys.executable, "-m", "pipeline", "serve", "--store", str(location), "--bind", "127.0.0.1:0"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert line.startswith(f"serving {location} read-only at http://127.0.0.1:"), line
        url = line.split(" at ")[1].split()[0]
        answer = requests.get(url + "sparql", params={"query": NAMES}, timeout=10)
        assert ORGS <= _names(answer)
        process.send_signal(signal.SIGINT)
        assert process.wait(10) == 0
        assert "stopped" in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
