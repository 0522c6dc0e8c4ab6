"""Deal details (pipeline/deal_details.py): what each sentence yields through the whole
pipeline, where the details are stored, and that removing an article takes its details away.

Each sentence is written for this test, one per pattern, with negatives beside them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyshacl import validate
from rdflib import RDF, Graph
from rdflib.namespace import SKOS

from pipeline.cli import main
from pipeline.config import Settings
from pipeline.evaluate import DETAIL_FIELDS, evaluate, format_evaluation
from pipeline.graph import BASIS_CONCEPTS, STATUS_CONCEPTS
from pipeline.ingest import ingest
from pipeline.model import DealDetails, Fact
from pipeline.network import to_networkx
from pipeline.paths import ontology_dir
from pipeline.store import Store
from pipeline.vocab import DEALS_GRAPH, article_iri

from .conftest import CORPUS
from .test_shapes import PREFIXES, VALID

DG = "https://w3id.org/dealgraph/ontology#"


def _facts(nlp, text: str) -> list[Fact]:
    return list(nlp(text)._.relations)


def _only(nlp, text: str, kind: str) -> DealDetails:
    found = [f for f in _facts(nlp, text) if f.kind == kind]
    assert len(found) == 1, [(f.kind, f.roles, f.figure) for f in _facts(nlp, text)]
    assert found[0].details is not None
    return found[0].details


# ---------------------------------------------------------------------------------------------
# sentence by sentence


@pytest.mark.parametrize(
    "text, series",
    [
        ("Anthropic raised $300m in a Series C-1 round led by Spark Capital.", "Series C-1"),
        ("Glean raised $260m in a Series E round. Altimeter Capital led the round.", "Series E"),
        ("Mistral AI raised €105m in a seed round led by Lightspeed Venture Partners.", "Seed"),
        ("Mistral AI raised €2m in pre-seed funding from Lightspeed Venture Partners.", "Pre-seed"),
        ("Anthropic has raised $2.5bn in a Series F extension from ICONIQ.", "Series F extension"),
        # a round that is still to come is not this one
        ("Mistral AI raised €105m in a seed round from Lightspeed Venture Partners, and a Series A is planned for next year.", "Seed"),
        ("Anthropic raised $13bn from ICONIQ.", None),
    ],
)
def test_round_series(nlp, text: str, series: str | None) -> None:
    assert _only(nlp, text, "Investment").round_series == series


@pytest.mark.parametrize(
    "text, leads",
    [
        ("Mistral AI raised €105m in a seed round led by Lightspeed Venture Partners.", ("Lightspeed Venture Partners",)),
        # the lead named in the next sentence
        ("Glean raised $260m in a Series E round. Altimeter Capital led the round.", ("Altimeter Capital",)),
        ("Anthropic raised $2bn in a round co-led by Lightspeed Venture Partners and Menlo Ventures.",
         ("Lightspeed Venture Partners", "Menlo Ventures")),
        ("Anthropic raised $2bn from Lightspeed Venture Partners and Menlo Ventures. "
         "Lightspeed Venture Partners and Menlo Ventures co-led it.", ("Lightspeed Venture Partners", "Menlo Ventures")),
        # "led by example" leads no round; an investor is no lead unless the text says so
        ("Anthropic, whose founders led by example, raised $450m from Spark Capital.", ()),
        ("Anthropic raised $13bn from ICONIQ.", ()),
    ],
)
def test_lead_investors_are_among_the_investors(nlp, text: str, leads: tuple[str, ...]) -> None:
    (fact,) = [f for f in _facts(nlp, text) if f.kind == "Investment"]
    assert fact.details is not None and fact.details.leads == leads
    assert set(leads) <= set(fact.role_names("investor"))


@pytest.mark.parametrize(
    "text, kind, stake",
    [
        ("Meta Platforms paid $14.3bn for a 49% stake in Scale AI.", "Investment", Decimal(49)),
        ("SoftBank took a 10 per cent stake in Uber for $9bn.", "Investment", Decimal(10)),
        ("Saudi Aramco agreed to pay $69bn for a 70% holding in Sabic.", "Acquisition", Decimal(70)),
        # percentages that are not holdings
        ("Snowflake agreed to buy Neeva for $185m; Neeva's revenue grew 40% last year.", "Acquisition", None),
        ("Alphabet invested $2bn in Anthropic as its shares rose 5 per cent.", "Investment", None),
    ],
)
def test_stake_percent(nlp, text: str, kind: str, stake: Decimal | None) -> None:
    assert _only(nlp, text, kind).stake_percent == stake


@pytest.mark.parametrize(
    "text, status",
    [
        ("Amazon has agreed to buy iRobot for $1.7bn.", "announced"),
        ("Cisco will acquire Splunk for $28bn in cash.", "announced"),
        ("Adobe announced a $20bn deal to acquire Figma.", "announced"),
        ("Sony is to acquire Bungie for $3.6bn, pending regulatory approval.", "announced"),
        ("Amazon has completed its $8.45bn acquisition of MGM.", "completed"),
        ("Emerson closed its $8.2bn purchase of National Instruments on Wednesday.", "completed"),
        ("Broadcom has finalised its $69bn acquisition of VMware.", "completed"),
        ("Microsoft agreed to acquire Nuance for $19.7bn, and the deal closed in March 2022.", "completed"),
        # a plain past tense states a finished deal
        ("Nvidia bought Mellanox for $6.9bn.", "completed"),
        # the deal undone in the next sentence
        ("Adobe agreed to buy Figma for $20bn. The deal was abandoned in December after objections from regulators.", "terminated"),
        ("Nvidia agreed to buy Arm for $40bn in 2020. The deal was called off in February 2022.", "terminated"),
        ("Microsoft agreed to buy Activision Blizzard for $68.7bn. Regulators blocked the deal.", "terminated"),
        ("Intel agreed to buy Tower Semiconductor for $5.4bn. The deal was terminated last week.", "terminated"),
        ("Illumina agreed to buy Grail for $7.1bn. Illumina walked away from the deal in December.", "terminated"),
    ],
)
def test_acquisition_status(nlp, text: str, status: str) -> None:
    assert _only(nlp, text, "Acquisition").status == status


@pytest.mark.parametrize(
    "text, status",
    [
        ("Amazon is pouring $4bn into Anthropic.", "announced"),
        ("Anthropic raised $13bn from ICONIQ.", "completed"),
    ],
)
def test_investment_status(nlp, text: str, status: str) -> None:
    assert _only(nlp, text, "Investment").status == status


def test_exxon_and_diamondback_each_take_their_own_clause(nlp) -> None:
    text = "Exxon completed its $59.5bn takeover of Pioneer in May, and Diamondback agreed to buy Endeavor for $26bn."
    statuses = {f.role_names("target")[0]: f.details.status for f in _facts(nlp, text) if f.details}
    assert statuses == {"Pioneer Natural Resources": "completed", "Endeavor": "announced"}


@pytest.mark.parametrize(
    "text, kind, announced",
    [
        ("Microsoft announced on 18 January 2022 that it would buy Activision Blizzard for $68.7bn.", "Acquisition", "2022-01-18"),
        ("Broadcom agreed in May 2022 to buy VMware for $61bn.", "Acquisition", "2022-05"),
        ("Mistral AI raised €600m in January 2024 from General Catalyst.", "Investment", "2024-01"),
        # a relative date is not resolved against the article's date, and a close is no announcement
        ("Google agreed on Tuesday to buy Wiz for $32bn.", "Acquisition", None),
        ("Microsoft agreed to acquire Nuance for $19.7bn, and the deal closed in March 2022.", "Acquisition", None),
    ],
)
def test_announcement_date(nlp, text: str, kind: str, announced: str | None) -> None:
    assert _only(nlp, text, kind).announced == announced


@pytest.mark.parametrize(
    "text, basis, round_figure",
    [
        ("OpenAI raised $6.6bn from Thrive Capital in a round that values it at $157bn post-money.",
         "post-money", Decimal("6.6e9")),
        ("Klarna raised $800m from Sequoia Capital at a pre-money valuation of $6bn.", "pre-money", Decimal("8e8")),
        ("Anthropic raised $3.5bn from Lightspeed Venture Partners. The round values Anthropic at $61.5bn after the new money.",
         "post-money", Decimal("3.5e9")),
    ],
)
def test_valuation_basis_and_round(nlp, text: str, basis: str, round_figure: Decimal) -> None:
    details = _only(nlp, text, "Valuation")
    assert details.valuation_basis == basis
    assert details.round is not None and details.round.kind == "Investment"
    assert details.round.figure == round_figure


def test_valuations_and_revenue_have_no_status(nlp) -> None:
    for fact in _facts(nlp, "OpenAI raised $6.6bn from Thrive Capital in a round that values it at $157bn post-money."):
        if fact.kind == "Valuation":
            assert fact.details is not None and fact.details.status is None


# ---------------------------------------------------------------------------------------------
# in the store

GAMES = " The publisher makes Call of Duty and Candy Crush, and its games reach hundreds of millions of players."
RECORDS = [
    {"url": "https://wire.example/2022/01/18/microsoft-activision", "headline": "Microsoft to buy Activision Blizzard",
     "published": "2022-01-18",
     "text": "Microsoft announced on 18 January 2022 that it would buy Activision Blizzard for $68.7bn in cash." + GAMES},
    {"url": "https://wire.example/2023/10/13/microsoft-activision-closes", "headline": "Microsoft closes Activision deal",
     "published": "2023-10-13",
     "text": "Microsoft has completed its $68.7bn acquisition of Activision Blizzard." + GAMES},
    {"url": "https://wire.example/2024/05/02/glean-series-e", "headline": "Glean raises $260m",
     "published": "2024-05-02",
     "text": "Glean raised $260m in a Series E round from Altimeter Capital and Kleiner Perkins. Altimeter Capital led the "
             "round. The company sells search software that finds documents across a business's applications."},
]


def _rows(store: Store, sparql: str) -> list[tuple]:
    return [tuple(row) for row in store.query(sparql).rows()]


@pytest.fixture
def details_store(tmp_path: Path, nlp) -> Path:
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    location = tmp_path / "store"
    with Store(location) as store:
        report = ingest([str(source)], store, Settings(store=str(location)), nlp=nlp)
        assert not report.failed, report.failed
    return location


def _statuses(store: Store) -> set[tuple[str, str]]:
    """(status, article URL) for every status statement."""
    return {
        (status.rsplit("#", 1)[1], url)
        for status, url in _rows(store, """
            SELECT ?status ?url WHERE {
              ?st a rdf:Statement ; rdf:subject ?f ; rdf:predicate dg:status ; rdf:object ?status ;
                  prov:wasDerivedFrom ?article .
              ?f dg:status ?status .
              ?article schema:url ?url }""")
    }


def test_details_are_deal_triples_with_each_article_s_support_in_its_graph(details_store: Path) -> None:
    announced, completed, glean = (r["url"] for r in RECORDS)
    with Store(details_store, read_only=True) as store:
        # one deal, two reports: each status with the article that gives it
        assert _statuses(store) == {("DealAnnounced", announced), ("DealCompleted", completed), ("DealCompleted", glean)}
        # the detail triples and their statements live once, in the shared deals graph …
        graphs = {g for (g,) in _rows(store, """SELECT DISTINCT ?g WHERE { GRAPH ?g {
            { ?f dg:status|dg:announced|dg:roundSeries|dg:leadInvestor ?o } UNION { ?st a rdf:Statement } } }""")}
        assert graphs == {str(DEALS_GRAPH)}
        # … and what each article says of them in the article's own graph
        support = _rows(store, """SELECT ?g WHERE {
            ?st rdf:subject ?f ; rdf:predicate dg:announced ; rdf:object ?day .
            GRAPH ?g { ?st prov:wasDerivedFrom ?article }
            FILTER(?day = "2022-01-18"^^xsd:date) }""")
        assert support == [(str(article_iri(announced)),)]
        (row,) = _rows(store, """SELECT ?series ?lead WHERE {
            ?f dg:roundSeries ?series ; dg:leadInvestor/skos:prefLabel ?lead ; dg:investor ?o }
            GROUP BY ?series ?lead""")
        assert row == ("Series E", "Altimeter Capital")
        twice = _rows(store, "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?s ?p ?o HAVING (COUNT(?g) > 1)")
        assert twice == []
        # the network shows the deal as its latest article reports it
        network = to_networkx(store)
        (edge,) = [a for _, _, a in network.edges(data=True) if a["fact_type"] == "Acquisition"]
        assert edge["status"] == "completed"


def test_dealgraph_remove_takes_an_article_s_details_with_it(details_store: Path) -> None:
    announced, completed, glean = (r["url"] for r in RECORDS)
    runner = CliRunner()
    removed = runner.invoke(main, ["remove", "--store", str(details_store), completed])
    assert removed.exit_code == 0, removed.output
    with Store(details_store, read_only=True) as store:
        assert _statuses(store) == {("DealAnnounced", announced), ("DealCompleted", glean)}
        (edge,) = [a for _, _, a in to_networkx(store).edges(data=True) if a["fact_type"] == "Acquisition"]
        assert edge["status"] == "announced"
    for url in (announced, glean):
        assert runner.invoke(main, ["remove", "--store", str(details_store), url]).exit_code == 0
    with Store(details_store, read_only=True) as store:
        left = _rows(store, """SELECT ?s ?p ?o WHERE { { ?s a rdf:Statement ; ?p ?o }
            UNION { ?s ?p ?o FILTER(?p IN (dg:status, dg:announced, dg:roundSeries, dg:leadInvestor,
                                          dg:stakePercent, dg:valuationBasis, dg:round)) } }""")
        assert left == []


def test_reingesting_an_article_replaces_only_its_details(details_store: Path, nlp) -> None:
    announced, completed, glean = (r["url"] for r in RECORDS)
    source = details_store.parent / "news.jsonl"
    settings = Settings(store=str(details_store))
    text = RECORDS[1]["text"].replace(GAMES, " The deal was announced in January 2022." + GAMES)
    with Store(details_store) as store:
        before = _statuses(store)
        source.write_text(json.dumps(dict(RECORDS[1], text=text)) + "\n", encoding="utf-8")
        assert not ingest([str(source)], store, settings, nlp=nlp).failed
        days = _rows(store, """SELECT ?day ?url WHERE { ?st rdf:subject ?f ; rdf:predicate dg:announced ;
            rdf:object ?day ; prov:wasDerivedFrom/schema:url ?url }""")
        assert sorted(days) == [("2022-01", completed), ("2022-01-18", announced)]
        assert _statuses(store) == before
        # the sentence taken out again: the month goes, the other article's day stays
        source.write_text(json.dumps(RECORDS[1]) + "\n", encoding="utf-8")
        assert not ingest([str(source)], store, settings, nlp=nlp).failed
        assert _rows(store, "SELECT ?day WHERE { ?f dg:announced ?day }") == [("2022-01-18",)]
        assert _statuses(store) == before


def test_no_article_gives_a_dev_deal_two_values_of_one_field(dev_store: Store) -> None:
    """The deal fields are functional per article (the union may hold several reports); a
    fact's lead investors and investors are lists."""
    counts = dict(_rows(dev_store, """SELECT ?p (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st rdf:predicate ?p } GROUP BY ?p"""))
    for term in ("status", "roundSeries", "leadInvestor", "stakePercent", "valuationBasis", "round", "announced"):
        assert int(counts.get(DG + term, 0)) > 0, term  # so the check below is not vacuous
    clashes = _rows(dev_store, """
        SELECT ?f ?p ?article WHERE {
          ?a rdf:subject ?f ; rdf:predicate ?p ; rdf:object ?x ; prov:wasDerivedFrom ?article .
          ?b rdf:subject ?f ; rdf:predicate ?p ; rdf:object ?y ; prov:wasDerivedFrom ?article .
          FILTER(?p NOT IN (dg:leadInvestor, dg:investor) && ?x != ?y) }""")
    assert clashes == []


# ---------------------------------------------------------------------------------------------
# vocabulary and shapes


def test_status_and_basis_concepts_are_defined_in_the_ontology() -> None:
    ontology = Graph().parse(ontology_dir() / "dealgraph.ttl")
    for concept in [*STATUS_CONCEPTS.values(), *BASIS_CONCEPTS.values()]:
        assert (concept, RDF.type, SKOS.Concept) in ontology, concept


STATED = """
INSERT DATA {
  a:fact-1 dg:status dg:DealCompleted .
  a:st-1 a rdf:Statement ; rdf:subject a:fact-1 ; rdf:predicate dg:status ; rdf:object dg:DealCompleted ;
      prov:wasDerivedFrom <https://w3id.org/dealgraph/article/a> .
}"""


def _shaped(update: str) -> tuple[bool, str]:
    data = Graph().parse(data=VALID, format="turtle")
    data.update(PREFIXES + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n" + update)
    shapes = Graph().parse(ontology_dir() / "shapes.ttl")
    conforms, _, text = validate(data, shacl_graph=shapes, inference="none", advanced=False)
    return conforms, text


def test_a_stated_detail_conforms() -> None:
    conforms, text = _shaped(STATED)
    assert conforms, text


@pytest.mark.parametrize(
    "update, message",
    [
        pytest.param("INSERT DATA { a:fact-1 dg:status dg:DealAnnounced }", "is stated by no article", id="detail-without-statement"),
        pytest.param(STATED + """; INSERT DATA { a:fact-1 dg:status dg:DealAnnounced .
            a:st-2 a rdf:Statement ; rdf:subject a:fact-1 ; rdf:predicate dg:status ; rdf:object dg:DealAnnounced ;
                prov:wasDerivedFrom <https://w3id.org/dealgraph/article/a> }""",
                     "gives https://w3id.org/dealgraph/ontology#status two values", id="one-article-two-statuses"),
        pytest.param(STATED + "; DELETE DATA { a:fact-1 dg:status dg:DealCompleted }", "is not in the data",
                     id="statement-of-a-missing-triple"),
        pytest.param("INSERT DATA { a:fact-1 dg:stakePercent 120.0 . a:st-3 a rdf:Statement ; rdf:subject a:fact-1 ;"
                     " rdf:predicate dg:stakePercent ; rdf:object 120.0 ; prov:wasDerivedFrom <https://w3id.org/dealgraph/article/a> }",
                     "MaxInclusive", id="stake-above-100"),
    ],
)
def test_the_shapes_catch_broken_details(update: str, message: str) -> None:
    conforms, text = _shaped(update)
    assert not conforms
    assert message in text, text


# ---------------------------------------------------------------------------------------------
# gold details and their score


def test_gold_details_are_well_formed() -> None:
    annotated = 0
    for path in sorted((CORPUS / "dev").glob("*.json")):
        for fact in json.loads(path.read_text(encoding="utf-8"))["facts"]:
            if "details" not in fact:
                continue
            annotated += 1
            details = fact["details"]
            assert set(details) <= set(DETAIL_FIELDS.values()), path
            assert details.get("status", "announced") in ("announced", "completed", "terminated"), path
            assert details.get("valuation_basis", "post-money") in ("pre-money", "post-money"), path
            assert isinstance(details.get("leads", []), list), path
            if fact["type"] in ("Valuation", "Revenue"):
                assert "status" not in details, path
            if "announced" in details:
                assert len(details["announced"]) in (7, 10), path
    assert annotated >= 30


def test_details_are_scored_apart_from_the_facts(tmp_path: Path, nlp) -> None:
    page = "klarna-down-round-2022"
    for suffix in (".html", ".json"):
        (tmp_path / (page + suffix)).write_bytes((CORPUS / "dev" / (page + suffix)).read_bytes())
    gold = json.loads((tmp_path / f"{page}.json").read_text(encoding="utf-8"))
    scored = evaluate(tmp_path, Settings(), nlp=nlp)
    for fact in gold["facts"]:
        fact.pop("details")
    (tmp_path / f"{page}.json").write_text(json.dumps(gold), encoding="utf-8")
    plain = evaluate(tmp_path, Settings(), nlp=nlp)
    assert (scored.overall.tp, scored.overall.fp, scored.overall.fn) == (plain.overall.tp, plain.overall.fp, plain.overall.fn)
    # status and lead of the round, basis and round of the valuation
    assert (scored.details.tp, scored.details.fp, scored.details.fn) == (4, 0, 0)
    assert "\ndetails " in format_evaluation(scored) and "details" not in format_evaluation(plain)
    assert scored.as_dict()["details"]["facts"] == 3 and "details" not in plain.as_dict()
