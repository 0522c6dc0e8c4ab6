"""Cross-article consolidation: the same deal from several articles is one fact with several
sources; figures that disagree are kept, each with its source; removing an article takes back
only what it said. Facts are written through the real ingest writer into a store on disk."""

from datetime import date
from decimal import Decimal

from pipeline.ingest import remove_article, write_article
from pipeline.model import Amount, Article, Evidence, Fact, Org
from pipeline.paths import ontology_dir
from pipeline.store import Store
from pipeline.vocab import ORGANIZATIONS_GRAPH

B = Decimal(10) ** 9


def _article(url: str, day: date | None) -> Article:
    return Article(text="(text)", url=url, source=url, headline=url.rsplit("/", 1)[-1], published=day)


def _fact(kind: str, roles: dict[str, str], value: str) -> Fact:
    parties = " and ".join(roles.values())
    return Fact(
        kind,
        {role: (Org(name, name),) for role, name in roles.items()},
        amount=Amount(Decimal(value) * B, "USD"),
        evidence=[Evidence(f"{kind} of ${value}bn between {parties}.", 0, 30)],
    )


def _acquisition(value: str, acquirer: str = "Broadcom", target: str = "VMware") -> Fact:
    return _fact("Acquisition", {"acquirer": acquirer, "target": target}, value)


def _investment(value: str, investor: str = "Amazon", investee: str = "Anthropic") -> Fact:
    return _fact("Investment", {"investor": investor, "investee": investee}, value)


def _round(value: str, *investors: str, investee: str = "Anthropic") -> Fact:
    """An investment with any number of investors, none included."""
    return Fact(
        "Investment",
        {"investor": tuple(Org(name, name) for name in investors), "investee": (Org(investee, investee),)},
        amount=Amount(Decimal(value) * B, "USD"),
        evidence=[Evidence(f"{investee} raised ${value}bn.", 0, 20)],
    )


def _put(store: Store, url: str, day: date | None, *facts: Fact) -> None:
    write_article(store, url, _article(url, day), list(facts), "test-model", digest=url)


def _facts(store: Store) -> dict[str, set[str]]:
    """Fact IRI → the URLs of the articles it was derived from."""
    rows = store.query("SELECT ?f ?url WHERE { ?f a dg:Fact ; prov:wasDerivedFrom/schema:url ?url }").rows()
    found: dict[str, set[str]] = {}
    for fact, url in rows:
        found.setdefault(fact, set()).add(url)
    return found


def _quads(store: Store) -> set[tuple[str, ...]]:
    rows = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?p != prov:endedAtTime && ?p != prov:generatedAtTime) }").rows()
    return {tuple(str(v) for v in row) for row in rows}


A, B_URL, C = "https://a.example/1", "https://b.example/2", "https://c.example/3"


def test_one_deal_in_two_articles_is_one_fact_with_two_sources(store) -> None:
    _put(store, A, date(2023, 11, 22), _acquisition("61"))
    _put(store, B_URL, date(2023, 11, 23), _acquisition("61"))
    assert list(_facts(store).values()) == [{A, B_URL}]
    amounts = list(store.query("SELECT ?v WHERE { ?f dg:amount/schema:value ?v }").rows())
    assert amounts == [["61000000000"]]  # the agreed figure once, not once per article


def test_conflicting_figures_are_kept_with_their_sources(store) -> None:
    _put(store, A, date(2023, 11, 22), _acquisition("61"))
    _put(store, B_URL, date(2023, 11, 23), _acquisition("69"))
    assert len(_facts(store)) == 1
    result = store.query(load_query_file("conflicting-figures.rq"))
    figure, url = (result.variables().index(name) for name in ("figure", "url"))
    by_url = {row[url]: row[figure] for row in result.rows()}
    assert by_url == {A: "61000000000", B_URL: "69000000000"}


def test_different_deals_between_the_same_parties_stay_apart(store) -> None:
    _put(store, A, date(2023, 9, 25), _investment("4"))
    _put(store, B_URL, date(2023, 10, 1), _investment("8"))  # twice the figure: another deal
    _put(store, C, date(2025, 9, 1), _investment("4"))  # two years later: another deal
    assert len(_facts(store)) == 3


def test_close_figures_within_the_window_are_one_deal(store) -> None:
    _put(store, A, date(2024, 3, 27), _investment("4"))
    _put(store, B_URL, date(2024, 4, 2), _investment("4.5"))
    assert list(_facts(store).values()) == [{A, B_URL}]


def test_each_fact_of_an_article_takes_its_closest_stored_fact(store) -> None:
    _put(store, A, date(2026, 11, 1), _investment("25"), _investment("8"))
    first = set(_facts(store))
    assert len(first) == 2
    _put(store, B_URL, date(2026, 11, 2), _investment("8"), _investment("24"))
    facts = _facts(store)
    assert len(facts) == 2 and all(urls == {A, B_URL} for urls in facts.values())
    assert set(facts) == first


def test_removing_an_article_takes_back_only_what_it_said(store) -> None:
    _put(store, A, date(2023, 11, 22), _acquisition("61"))
    alone = _quads(store)
    _put(store, B_URL, date(2023, 11, 23), _acquisition("69"))
    remove_article(B_URL, store)
    assert _quads(store) == alone


def test_reingesting_in_any_order_keeps_the_same_triples(store) -> None:
    _put(store, A, date(2023, 11, 22), _acquisition("61"))
    _put(store, B_URL, date(2023, 11, 23), _acquisition("69"))
    before = _quads(store)
    _put(store, A, date(2023, 11, 22), _acquisition("61"))
    _put(store, B_URL, date(2023, 11, 23), _acquisition("69"))
    assert _quads(store) == before


def test_other_parties_are_other_deals(store) -> None:
    _put(store, A, date(2023, 11, 22), _acquisition("61"))
    _put(store, B_URL, date(2023, 11, 23), _acquisition("61", target="Splunk"))
    assert len(_facts(store)) == 2


def load_query_file(name: str) -> str:
    return (ontology_dir() / "queries" / name).read_text(encoding="utf-8")


def test_a_corrected_figure_replaces_the_articles_old_one_only(store) -> None:
    _put(store, A, date(2023, 11, 22), _acquisition("61"))
    _put(store, B_URL, date(2023, 11, 23), _acquisition("69"))
    _put(store, A, date(2023, 11, 22), _acquisition("62"))
    values = sorted(row[0] for row in store.query("SELECT ?v WHERE { ?f dg:amount/schema:value ?v }").rows())
    assert values == ["62000000000", "69000000000"]


def test_no_triple_is_stored_twice_across_graphs(store) -> None:
    _put(store, A, date(2023, 11, 22), _acquisition("61"))
    _put(store, B_URL, date(2023, 11, 23), _acquisition("61"))
    rows = list(store.query("SELECT ?s ?p ?o (COUNT(?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?s ?p ?o HAVING (COUNT(?g) > 1)").rows())
    assert rows == []  # the union default graph would count such a triple twice


def _investors(store: Store) -> dict[str, set[str]]:
    """Fact IRI → the names of its investors."""
    found: dict[str, set[str]] = {}
    for fact, name in store.query("SELECT ?f ?name WHERE { ?f dg:investor/skos:prefLabel ?name }").rows():
        found.setdefault(fact, set()).add(name)
    return found


def test_reports_naming_part_of_a_round_s_investors_are_one_fact_with_all_of_them(store) -> None:
    _put(store, A, date(2025, 9, 2), _round("13", "ICONIQ"))
    alone = _quads(store)
    _put(store, B_URL, date(2025, 9, 3), _round("13", "ICONIQ", "Fidelity", "Lightspeed"))
    _put(store, C, date(2025, 9, 4), _round("13"))  # names no investor at all
    assert list(_facts(store).values()) == [{A, B_URL, C}]
    assert list(_investors(store).values()) == [{"ICONIQ", "Fidelity", "Lightspeed"}]
    # the investors only the second article named go with it; the first article's stay
    remove_article(C, store)
    remove_article(B_URL, store)
    assert list(_investors(store).values()) == [{"ICONIQ"}]
    # (organisation nodes stay in the shared organisations graph, as after any removal)
    organizations = str(ORGANIZATIONS_GRAPH)
    assert {q for q in _quads(store) if q[3] != organizations} == {q for q in alone if q[3] != organizations}


def test_an_investor_named_by_two_reports_stays_while_either_does(store) -> None:
    _put(store, A, date(2025, 9, 2), _round("13", "ICONIQ", "Fidelity"))
    _put(store, B_URL, date(2025, 9, 3), _round("13", "ICONIQ", "Lightspeed"))
    remove_article(A, store)
    assert list(_investors(store).values()) == [{"ICONIQ", "Lightspeed"}]
    assert list(_facts(store).values()) == [{B_URL}]


def test_reports_naming_other_investors_are_one_round_only_with_the_same_figure_that_month(store) -> None:
    _put(store, A, date(2025, 9, 2), _round("13", "ICONIQ", "Fidelity"))
    _put(store, B_URL, date(2025, 9, 3), _round("13", "GIC", "Qatar Investment Authority"))
    assert list(_investors(store).values()) == [{"ICONIQ", "Fidelity", "GIC", "Qatar Investment Authority"}]


def test_rounds_whose_investors_differ_stay_apart_when_figure_or_month_differ(store) -> None:
    _put(store, A, date(2023, 10, 1), _round("4", "Amazon"))
    _put(store, B_URL, date(2023, 10, 27), _round("4.1", "Google"))  # 2.5% more
    _put(store, C, date(2023, 12, 15), _round("4", "Salesforce"))  # ten weeks later
    _put(store, "https://d.example/4", date(2023, 10, 2), _round("6", "Google", "Zoom"))  # half as much again
    assert sorted(map(sorted, _investors(store).values())) == [
        ["Amazon"], ["Google"], ["Google", "Zoom"], ["Salesforce"]
    ]


def test_the_same_investors_win_over_a_partial_list(store) -> None:
    _put(store, A, date(2025, 9, 2), _round("13", "ICONIQ"))
    _put(store, B_URL, date(2025, 9, 2), _round("13", "ICONIQ", "Fidelity"), _round("13", "ICONIQ"))
    # both of the article's rounds could be the stored one; "ICONIQ" alone takes it
    facts, investors = _facts(store), _investors(store)
    assert sorted((sorted(facts[f]), sorted(investors[f])) for f in facts) == [
        ([A, B_URL], ["ICONIQ"]),
        ([B_URL], ["Fidelity", "ICONIQ"]),
    ]
