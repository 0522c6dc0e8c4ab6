"""The embedded store: idempotent re-ingest, one writer, union default graph."""

import os
import subprocess
import sys

import pytest

from pipeline.config import Settings
from pipeline.errors import QueryError, StoreError
from pipeline.ingest import ingest
from pipeline.store import Store

from .conftest import CORPUS

PAGE = CORPUS / "dev" / "microsoft-nvidia-anthropic-2025.html"


def _fact_count(store) -> int:
    return int(next(store.query("SELECT (COUNT(?f) AS ?n) WHERE { ?f a dg:Fact }").rows())[0])


def test_reingest_replaces_an_articles_facts(store, nlp, settings) -> None:
    ingest([str(PAGE)], store, settings, nlp=nlp)
    triples, facts = len(store), _fact_count(store)
    assert facts == 4
    ingest([str(PAGE)], store, settings, nlp=nlp)
    assert (len(store), _fact_count(store)) == (triples, facts)


def test_two_articles_share_organisation_nodes(store, nlp, settings) -> None:
    ingest([str(PAGE), str(CORPUS / "dev" / "anthropic-series-f-2025.html")], store, settings, nlp=nlp)
    labels = [r[0] for r in store.query('SELECT ?l WHERE { ?o skos:prefLabel ?l FILTER(?l = "Anthropic") }').rows()]
    assert labels == ["Anthropic"]  # once, although both articles name it


def test_store_survives_reopening(tmp_path, nlp, settings) -> None:
    with Store(tmp_path / "s") as first:
        ingest([str(PAGE)], first, settings, nlp=nlp)
        count = len(first)
    with Store(tmp_path / "s", read_only=True) as again:
        assert len(again) == count


def test_second_writer_is_refused_with_the_holders_pid(tmp_path) -> None:
    with Store(tmp_path / "s"):
        with pytest.raises(StoreError, match=rf"in use by PID {os.getpid()}\b"):
            Store(tmp_path / "s")
    Store(tmp_path / "s").close()  # released on close


def test_reopening_keeps_the_writers_lock(tmp_path) -> None:
    with Store(tmp_path / "s") as store:
        store.reopen()
        with pytest.raises(StoreError, match=rf"in use by PID {os.getpid()}\b"):
            Store(tmp_path / "s")


def test_reopening_refuses_while_a_result_still_reads_the_old_handle(tmp_path) -> None:
    """Why ingest reopens only between articles: RocksDB will not open a store twice."""
    with Store(tmp_path / "s") as store:
        store.write({"https://example.org/g": "<https://example.org/a> <https://example.org/b> 1 .\n"})
        pending = store._store.quads_for_pattern(None, None, None)  # keeps the old handle alive
        with pytest.raises(StoreError, match="reopening the store failed"):
            store.reopen()
        del pending


def test_a_writer_in_another_process_is_named(tmp_path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from pipeline.store import Store; "
         f"s = Store({str(tmp_path / 's')!r}); print('open', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError, match=rf"in use by PID {holder.pid}\b"):
            Store(tmp_path / "s")
    finally:
        holder.kill()  # SIGKILL: the lock must go with the process
        holder.wait()
    with Store(tmp_path / "s") as reopened:
        assert len(reopened) == 0


def test_reading_a_store_that_does_not_exist(tmp_path) -> None:
    with pytest.raises(StoreError, match="no store here yet"):
        Store(tmp_path / "missing", read_only=True)


def test_syntax_error_names_the_position(store) -> None:
    with pytest.raises(QueryError, match=r"invalid SPARQL: error at 1:\d+"):
        store.query("SELEC ?x WHERE { ?x ?p ?o }")


def test_remove_article_takes_its_facts_and_manifest_record(store, nlp, settings) -> None:
    from pipeline.ingest import remove_article
    from pipeline.manifest import read_records

    report = ingest([str(PAGE)], store, settings, nlp=nlp)
    graphs = [g for g in store.graphs() if "/article/" in g]
    assert len(graphs) == 1 and len(list(read_records(store))) == 1
    remove_article(report.results[0].url, store)
    assert _fact_count(store) == 0
    assert [g for g in store.graphs() if "/article/" in g or "/manifest/" in g] == []


def test_default_store_path_follows_xdg(monkeypatch, tmp_path) -> None:
    from pipeline.config import load_settings

    monkeypatch.delenv("DEALGRAPH_STORE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert load_settings().store == str(tmp_path / "dealgraph" / "store")
    monkeypatch.setenv("DEALGRAPH_STORE", "/elsewhere")
    assert load_settings().store == "/elsewhere"
    assert load_settings({"store": "/flag"}).store == "/flag"


def test_settings_are_frozen() -> None:
    with pytest.raises(AttributeError):
        Settings().store = "x"  # type: ignore[misc]
