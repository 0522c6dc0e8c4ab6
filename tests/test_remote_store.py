"""The remote store's own concerns: credentials, retries, errors, other servers' endpoint layouts,
a server without a union default graph, and the CLI end to end against `oxigraph serve`.

Protocol details are checked against a real HTTP server on 127.0.0.1 (pytest-httpserver), not
by patching requests.
"""

from __future__ import annotations

import base64
import json
import time
from urllib.parse import parse_qs

import pytest
from click.testing import CliRunner
from werkzeug import Request, Response

from pipeline.cli import main
from pipeline.config import Settings
from pipeline.errors import ConfigError, StoreError
from pipeline.remote_store import Credentials, RemoteStore, credentials_from_env
from pipeline.store import open_store

from .conftest import CORPUS
from .test_store_contract import A1, ORGS, free_port, running_oxigraph

RESULTS = "application/sparql-results+json"
NO_GRAPHS = json.dumps({"head": {"vars": ["g"]}, "results": {"bindings": []}})
PAGE = CORPUS / "dev" / "pfizer-seagen-2023.html"
URL = "https://www.meridianhealthmarkets.example/deals/2023/12/14/pfizer-closes-seagen-takeover"


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch) -> None:
    for name in ("DEALGRAPH_STORE_USER", "DEALGRAPH_STORE_PASSWORD", "DEALGRAPH_STORE_TOKEN"):
        monkeypatch.delenv(name, raising=False)


def test_basic_credentials_are_sent(httpserver, monkeypatch) -> None:
    monkeypatch.setenv("DEALGRAPH_STORE_USER", "ann")
    monkeypatch.setenv("DEALGRAPH_STORE_PASSWORD", "s3cret pass")
    expected = "Basic " + base64.b64encode(b"ann:s3cret pass").decode("ascii")
    httpserver.expect_request("/query", method="POST", headers={"Authorization": expected}).respond_with_data(
        NO_GRAPHS, content_type=RESULTS
    )
    with open_store(httpserver.url_for("/"), read_only=True, settings=Settings(timeout=5)) as store:
        assert store.graphs() == []
    assert len(httpserver.log) == 2  # the first ASK {} and the query


def test_bearer_token_is_sent(httpserver, monkeypatch) -> None:
    monkeypatch.setenv("DEALGRAPH_STORE_TOKEN", "tok-123")
    httpserver.expect_request("/query", headers={"Authorization": "Bearer tok-123"}).respond_with_data(
        NO_GRAPHS, content_type=RESULTS
    )
    with open_store(httpserver.url_for("/"), read_only=True) as store:
        assert store.graphs() == []


def test_inconsistent_credential_variables() -> None:
    with pytest.raises(ConfigError, match="DEALGRAPH_STORE_USER is set but DEALGRAPH_STORE_PASSWORD is not"):
        credentials_from_env({"DEALGRAPH_STORE_USER": "ann"})
    with pytest.raises(ConfigError, match="either DEALGRAPH_STORE_TOKEN or"):
        credentials_from_env({"DEALGRAPH_STORE_TOKEN": "t", "DEALGRAPH_STORE_USER": "ann", "DEALGRAPH_STORE_PASSWORD": "p"})
    assert "hidden" not in repr(Credentials("ann", "hidden", None))


def test_refused_credentials_name_the_variables_and_hide_the_secret(httpserver) -> None:
    httpserver.expect_request("/query").respond_with_data("Unauthorized\nrealm=dealgraph", status=401)
    url = httpserver.url_for("/")
    with pytest.raises(StoreError) as caught:
        RemoteStore(url, credentials=Credentials("ann", "s3cret-pass"))
    message = str(caught.value)
    assert f"{url}query: the server refused a first query (HTTP 401: Unauthorized)" in message
    assert "user 'ann'" in message and "DEALGRAPH_STORE_USER and DEALGRAPH_STORE_PASSWORD" in message
    assert "DEALGRAPH_STORE_TOKEN" in message and "s3cret" not in message


def test_a_busy_server_is_asked_again(httpserver) -> None:
    httpserver.expect_oneshot_request("/query").respond_with_data("busy", status=503)
    httpserver.expect_request("/query").respond_with_data(NO_GRAPHS, content_type=RESULTS)
    with RemoteStore(httpserver.url_for("/")) as store:
        assert store.graphs() == []
    assert [entry[1].status_code for entry in httpserver.log] == [503, 200, 200]


def test_retries_end_with_the_servers_message(httpserver) -> None:
    httpserver.expect_request("/query").respond_with_data("overloaded, try later\nmore", status=503)
    with pytest.raises(StoreError, match=r"query: a first query failed after 2 attempts: HTTP 503: overloaded, try later$"):
        RemoteStore(httpserver.url_for("/"), retries=1)


def test_an_unreachable_server_is_named(tmp_path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(StoreError, match=rf"^{url}/query: cannot reach the store server .*Connection refused"):
        RemoteStore(url, retries=0)


def test_a_silent_server_times_out(httpserver) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.0)
        return Response(NO_GRAPHS, content_type=RESULTS)

    httpserver.expect_request("/query").respond_with_handler(slow)
    with pytest.raises(StoreError, match=r"query: cannot reach the store server for a first query: no answer within 0.3 s"):
        RemoteStore(httpserver.url_for("/"), timeout=0.3, retries=0)
    deadline = time.monotonic() + 5
    while not httpserver.log and time.monotonic() < deadline:
        time.sleep(0.05)  # let the slow answer finish, so that it is not logged in the next test


def test_urls_with_credentials_are_refused() -> None:
    with pytest.raises(StoreError, match="carries credentials") as caught:
        RemoteStore("http://ann:s3cret@127.0.0.1:9/")
    assert "s3cret" not in str(caught.value)
    with pytest.raises(StoreError, match="is not an http"):
        RemoteStore("ftp://127.0.0.1/", update_url="http://127.0.0.1:9/u")


def test_explicit_endpoints_of_another_server(httpserver) -> None:
    """Fuseki's layout: /ds/sparql, /ds/update and /ds/data, set through the settings."""
    updates: list[str] = []

    def update(request: Request) -> Response:
        updates.append(parse_qs(request.get_data(as_text=True))["update"][0])
        return Response(status=204)

    httpserver.expect_request("/ds/sparql", method="POST").respond_with_data(NO_GRAPHS, content_type=RESULTS)
    httpserver.expect_request("/ds/update", method="POST").respond_with_handler(update)
    httpserver.expect_request("/ds/data", method="PUT", query_string={"graph": A1},
                              headers={"Content-Type": "text/turtle; charset=utf-8"}).respond_with_data("", status=201)  # fmt: skip
    settings = Settings(
        store=httpserver.url_for("/ds/sparql"), store_update_url=httpserver.url_for("/ds/update"),
        store_graph_url=httpserver.url_for("/ds/data"),
    )  # fmt: skip
    with open_store(settings=settings) as store:
        store.write({A1: "<http://e/s> <http://e/p> <http://e/o> ."}, {ORGS: "<http://e/o> <http://e/p> \"O\" ."})
    paths = [entry[0].path for entry in httpserver.log]
    assert paths == ["/ds/sparql", "/ds/update", "/ds/data"]  # shared triples first, then the PUT
    assert updates == [f'INSERT DATA {{\nGRAPH <{ORGS}> {{\n<http://e/o> <http://e/p> "O" .\n}}\n}}']
    assert httpserver.log[2][0].get_data(as_text=True) == "<http://e/s> <http://e/p> <http://e/o> ."


def test_a_query_endpoint_alone_can_only_read(httpserver) -> None:
    httpserver.expect_request("/sparql").respond_with_data(NO_GRAPHS, content_type=RESULTS)
    with RemoteStore(httpserver.url_for("/sparql"), update_url=httpserver.url_for("/update")) as store:
        with pytest.raises(StoreError, match=r"set store_graph_url \(DEALGRAPH_STORE_GRAPH_URL\)"):
            store.write({A1: "<http://e/s> <http://e/p> <http://e/o> ."})


def test_a_server_without_a_union_default_graph_is_named(tmp_path) -> None:
    with running_oxigraph(tmp_path / "db", union_default_graph=False) as url, RemoteStore(url) as store:
        store.write({A1: "<http://e/s> <http://e/p> <http://e/o> ."})
        with pytest.raises(StoreError, match="not the union of its named graphs.*--union-default-graph"):
            store.query("SELECT * WHERE { ?s ?p ?o }")


def test_ingest_and_query_a_remote_store_from_the_command_line(tmp_path, nlp) -> None:
    runner = CliRunner()
    with running_oxigraph(tmp_path / "db") as url:
        ingested = runner.invoke(main, ["ingest", "--store", url, str(PAGE)])
        assert ingested.exit_code == 0, ingested.output
        again = runner.invoke(main, ["ingest", "--store", url, str(PAGE)])
        assert again.exit_code == 0, again.output
        query = "SELECT ?acquirer ?target WHERE { ?f a dg:Acquisition ; dg:acquirer/skos:prefLabel ?acquirer ; dg:target/skos:prefLabel ?target }"
        answered = runner.invoke(main, ["query", "--store", url, "--format", "csv", query])
        assert answered.exit_code == 0, answered.output
        assert answered.stdout.splitlines() == ["acquirer,target", "Pfizer,Seagen"]
        bad = runner.invoke(main, ["query", "--store", url, "SELECT ?x WHERE { ?x ?p }"])
        assert bad.exit_code == 1 and "Error: invalid SPARQL: error at 1:" in bad.stderr
        dumped = runner.invoke(main, ["dump", "--store", url, "--format", "nq"])
        assert dumped.exit_code == 0 and b"pfizer" in dumped.stdout_bytes.lower()
        removed = runner.invoke(main, ["remove", "--store", url, URL])
        assert removed.exit_code == 0, removed.output
        after = runner.invoke(main, ["query", "--store", url, "--format", "csv", query])
        assert after.stdout.splitlines() == ["acquirer,target"]
        served = runner.invoke(main, ["serve", "--store", url])
        assert served.exit_code == 1 and "serve the remote server itself" in served.stderr
