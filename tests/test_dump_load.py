"""Dump and load round-trip a store exactly; remove drops one article's contribution."""

import pytest

from pipeline.errors import SourceError, StoreError
from pipeline.ingest import ingest, remove_article
from pipeline.store import Store

from .conftest import CORPUS

PAGES = [str(CORPUS / "dev" / "pfizer-seagen-2023.html"), str(CORPUS / "dev" / "microsoft-nvidia-anthropic-2025.html")]


def _quads(store: Store) -> set[str]:
    rows = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return {"|".join(str(cell) for cell in row) for row in rows.rows()}


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_dump_then_load_recreates_the_store(tmp_path, nlp, settings, fmt) -> None:
    with Store(tmp_path / "a") as original:
        ingest(PAGES, original, settings, nlp=nlp)
        original.dump(fmt, tmp_path / f"dump.{fmt}")
        expected, count = _quads(original), len(original)
    with Store(tmp_path / "b") as copy:
        assert copy.load(tmp_path / f"dump.{fmt}") == count
        assert _quads(copy) == expected
        assert copy.load(tmp_path / f"dump.{fmt}") == 0  # loading twice adds nothing


def test_load_refuses_other_files_and_bad_rdf(tmp_path, store) -> None:
    with pytest.raises(StoreError, match="use a .nq or .trig dump"):
        store.load(tmp_path / "x.ttl")
    broken = tmp_path / "broken.nq"
    broken.write_text("<a> <b> .\n")
    with pytest.raises(StoreError, match="broken.nq: cannot load it"):
        store.load(broken)
    assert len(store) == 0


@pytest.mark.parametrize("empty", [True, False], ids=["into an empty store", "into a filled store"])
def test_a_dump_broken_half_way_loads_nothing(tmp_path, store, empty) -> None:
    if not empty:
        store.write(replace={"https://a.example/g": '<https://a.example/s> <https://a.example/p> "1" .'})
    before = _quads(store)
    good = "".join(f'<https://a.example/s{n}> <https://a.example/p> "{n}" <https://a.example/g> .\n' for n in range(20_000))
    broken = tmp_path / "half.nq"
    broken.write_text(good + "<https://a.example/s> <https://a.example/p> .\n")
    with pytest.raises(StoreError, match="half.nq: cannot load it"):
        store.load(broken)
    assert _quads(store) == before


def test_remove_drops_only_that_article(store, nlp, settings) -> None:
    report = ingest(PAGES, store, settings, nlp=nlp)
    first, second = (r.url for r in report.results)
    facts = "SELECT (COUNT(?f) AS ?n) WHERE { ?f a dg:Fact }"
    assert next(store.query(facts).rows())[0] == "5"
    assert remove_article(first, store) > 0
    assert next(store.query(facts).rows())[0] == "4"
    urls = {r[0] for r in store.query("SELECT ?u WHERE { ?a a schema:NewsArticle ; schema:url ?u }").rows()}
    assert urls == {second}
    with pytest.raises(SourceError, match="no article with this URL is stored"):
        remove_article(first, store)
