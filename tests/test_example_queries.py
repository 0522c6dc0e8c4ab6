"""The example queries (ontology/queries/) on a store of corpus/dev.

The example queries are written for Oxigraph's planner ({ SELECT } parts, FILTER … IN, the
first 25 chosen before anything else is read; bench/README.md says why). These tests check
that the fast forms answer what a plain form of the same question answers.
"""

from decimal import Decimal

import pytest

from pipeline.paths import ontology_dir

QUERIES = sorted((ontology_dir() / "queries").glob("*.rq"))
ROLES = "dg:investor, dg:investee, dg:acquirer, dg:target, dg:company, dg:provider"


def _answer(store, name: str) -> list[dict[str, str | None]]:
    result = store.query((ontology_dir() / "queries" / name).read_text(encoding="utf-8"))
    names = result.variables()
    return [dict(zip(names, row)) for row in result.rows()]


@pytest.mark.parametrize("path", QUERIES, ids=[q.stem for q in QUERIES])
def test_every_example_query_has_an_answer_on_corpus_dev(dev_store, path) -> None:
    assert _answer(dev_store, path.name), f"{path.name} answers nothing on corpus/dev"


@pytest.mark.parametrize(
    ("name", "fact_class", "column"),
    [
        ("acquisitions.rq", "Acquisition", "amount"),
        ("investments.rq", "Investment", "amount"),
        ("valuations.rq", "Valuation", "valuation"),
        ("revenue.rq", "Revenue", "amount"),
    ],
)
def test_a_top_25_list_holds_the_25_largest_dollar_figures(dev_store, name, fact_class, column) -> None:
    plain = dev_store.query(f"""
        SELECT ?fact (MAX(?value) AS ?largest) WHERE {{
          ?fact a dg:{fact_class} ; dg:amount ?money .
          ?money schema:value ?value ; schema:currency "USD" .
        }} GROUP BY ?fact""").rows()
    expected = sorted((Decimal(row[1]) for row in plain), reverse=True)[:25]
    shown = [Decimal(row[column]) for row in _answer(dev_store, name)]
    assert len(expected) == 25  # corpus/dev has more than 25 of each, so the cut is tested
    assert shown == expected


def _anthropic_facts_by_date(store) -> dict[str, str]:
    rows = store.query(f"""
        SELECT ?fact (MAX(?date) AS ?published) WHERE {{
          ?company skos:prefLabel "Anthropic" .
          ?fact ?role ?company ; prov:wasDerivedFrom/schema:datePublished ?date .
          FILTER(?role IN ({ROLES}))
        }} GROUP BY ?fact""").rows()
    return {fact: published for fact, published in rows}


@pytest.mark.parametrize("name", ["company-anthropic.rq", "deal-details.rq"])
def test_a_company_page_shows_its_latest_facts_newest_first(dev_store, name) -> None:
    dates = sorted(_anthropic_facts_by_date(dev_store).values(), reverse=True)
    shown = [row["published"] for row in _answer(dev_store, name)]
    assert shown == sorted(shown, reverse=True)
    assert set(shown) == set(dates[:25])


def test_evidence_quotes_the_sentences_of_the_companys_latest_facts(dev_store) -> None:
    latest = sorted(_anthropic_facts_by_date(dev_store).items(), key=lambda item: item[1], reverse=True)[:25]
    sentences = {
        " ".join(row[0].split())
        for fact, _ in latest
        for row in dev_store.query(f"SELECT ?s WHERE {{ <{fact}> dg:evidence/dg:sentence ?s }}").rows()
    }
    rows = _answer(dev_store, "evidence.rq")
    assert {" ".join(row["sentence"].split()) for row in rows} == sentences
    assert all(int(row["start"]) < int(row["end"]) for row in rows)


def test_several_sources_lists_each_source_of_the_most_reported_deals(dev_store) -> None:
    counts = dev_store.query("""
        SELECT ?fact (COUNT(?article) AS ?sources) WHERE { ?fact a dg:Fact ; prov:wasDerivedFrom ?article }
        GROUP BY ?fact HAVING (COUNT(?article) > 1)""").rows()
    expected = sorted((int(row[1]) for row in counts), reverse=True)[:25]
    rows = _answer(dev_store, "several-sources.rq")
    assert [int(row["sources"]) for row in rows] == expected
    assert all(len(row["urls"].split()) == int(row["sources"]) for row in rows)


def test_conflicting_figures_shows_only_deals_whose_figures_differ(dev_store) -> None:
    by_deal: dict[tuple[str, str], set[Decimal]] = {}
    for row in _answer(dev_store, "conflicting-figures.rq"):
        by_deal.setdefault((row["type"], row["parties"]), set()).add(Decimal(row["figure"]))
    assert by_deal
    assert all(max(figures) > Decimal("1.01") * min(figures) for figures in by_deal.values())
