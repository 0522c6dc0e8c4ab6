"""The ontology contract: what researchers' SPARQL can rely on (ontology/dealgraph.ttl)."""

from decimal import Decimal

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF

from pipeline.paths import ontology_dir
from pipeline.vocab import DG


def _rows(store, sparql: str) -> list[list[str | None]]:
    return list(store.query(sparql).rows())


def test_every_vocab_term_is_defined_in_the_ontology_and_back() -> None:
    graph = Graph().parse(ontology_dir() / "dealgraph.ttl")
    defined = {
        str(s)
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in graph.subjects(RDF.type, kind)
        if str(s).startswith(str(DG._NS))
    }
    in_code = {str(DG[name]) for name in DG.__annotations__}
    assert defined == in_code


def test_every_term_has_a_label_and_definition() -> None:
    graph = Graph().parse(ontology_dir() / "dealgraph.ttl")
    skos_definition = URIRef("http://www.w3.org/2004/02/skos/core#definition")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    for name in DG.__annotations__:
        assert graph.value(DG[name], label) is not None, name
        assert graph.value(DG[name], skos_definition) is not None, name


def test_misspelt_term_raises() -> None:
    with pytest.raises(AttributeError):
        DG.Investmnet  # noqa: B018


@pytest.mark.parametrize(
    ("fact_class", "roles"),
    [
        ("Investment", ("investor", "investee")),
        ("Acquisition", ("acquirer", "target")),
        ("Valuation", ("company",)),
        ("ComputeCommitment", ("company", "provider")),
        ("CloudCommitment", ("company", "provider")),
        ("Revenue", ("company",)),
    ],
)
def test_each_fact_class_has_its_roles_and_provenance(dev_store, fact_class: str, roles: tuple) -> None:
    role_patterns = " ".join(f"?fact dg:{r} [ a dg:Organization ; skos:prefLabel ?{r} ] ." for r in roles)
    rows = _rows(dev_store, f"""
        SELECT ?fact {' '.join('?' + r for r in roles)} ?url WHERE {{
          ?fact a dg:{fact_class}, dg:Fact .
          {role_patterns}
          ?fact prov:wasDerivedFrom ?article .
          ?article a schema:NewsArticle ; schema:url ?url .
        }}""")
    assert rows, f"no {fact_class} with all its roles in corpus/dev"
    assert all(row[-1].startswith("https://") for row in rows)


def test_amounts_are_monetary_amounts_in_whole_units(dev_store) -> None:
    rows = _rows(dev_store, """
        SELECT ?value ?currency (DATATYPE(?value) AS ?type) WHERE {
          ?fact dg:amount ?amount .
          ?amount a schema:MonetaryAmount ; schema:value ?value ; schema:currency ?currency }""")
    assert rows
    for value, currency, datatype in rows:
        assert datatype == "http://www.w3.org/2001/XMLSchema#decimal"
        assert Decimal(value) == Decimal(value).to_integral_value()
        assert len(currency) == 3 and currency.isupper()
    assert {r[1] for r in rows} >= {"USD", "EUR"}


def test_qualifiers_are_the_three_hedges(dev_store) -> None:
    found = {r[0] for r in _rows(dev_store, "SELECT DISTINCT ?q WHERE { ?x dg:qualifier ?q }")}
    assert found and found <= {"up to", "more than", "about"}


def test_capacity_is_watts(dev_store) -> None:
    rows = _rows(dev_store, """
        SELECT ?value ?unit WHERE {
          ?fact a dg:ComputeCommitment ; dg:capacity [ a schema:QuantitativeValue ;
                schema:value ?value ; schema:unitCode ?unit ] }""")
    assert {(Decimal(v), u) for v, u in rows} >= {(Decimal(6 * 10**9), "WTT"), (Decimal(10**9), "WTT")}


def test_cloud_commitment_duration_is_an_xsd_duration(dev_store) -> None:
    rows = _rows(dev_store, """
        SELECT ?duration (DATATYPE(?duration) AS ?type) WHERE { ?f a dg:CloudCommitment ; dg:duration ?duration }""")
    assert ("P5Y", "http://www.w3.org/2001/XMLSchema#duration") in [tuple(r) for r in rows]


def test_tranches_have_their_own_amounts(dev_store) -> None:
    rows = _rows(dev_store, """
        SELECT ?total (SUM(?part) AS ?sum) WHERE {
          ?fact a dg:Investment ; dg:amount/schema:value ?total ;
                dg:tranche [ a dg:Tranche ; dg:amount/schema:value ?part ] }
        GROUP BY ?fact ?total""")
    assert rows
    for total, parts in rows:
        assert abs(Decimal(total) - Decimal(parts)) <= Decimal("0.01") * Decimal(total)


def test_organizations_have_exactly_one_pref_label(dev_store) -> None:
    rows = _rows(dev_store, """
        SELECT ?org (COUNT(?label) AS ?n) WHERE { ?org a dg:Organization ; skos:prefLabel ?label }
        GROUP BY ?org HAVING (COUNT(?label) != 1)""")
    assert rows == []


def test_aliases_seen_are_alt_labels_and_wikidata_is_linked(dev_store) -> None:
    rows = _rows(dev_store, """
        SELECT ?alt ?wd WHERE { ?org skos:prefLabel "Microsoft" ; skos:altLabel ?alt ; owl:sameAs ?wd }""")
    assert ("Microsoft Azure", "http://www.wikidata.org/entity/Q2283") in [tuple(r) for r in rows]
    parents = _rows(dev_store, """
        SELECT ?parent WHERE { ?org skos:prefLabel "Google" ; org:subOrganizationOf/skos:prefLabel ?parent }""")
    assert parents == [["Alphabet"]]


def test_articles_carry_headline_and_date(dev_store) -> None:
    rows = _rows(dev_store, """
        SELECT ?url ?headline ?date WHERE {
          ?a a schema:NewsArticle ; schema:url ?url ; schema:headline ?headline ; schema:datePublished ?date }""")
    assert len(rows) == len(list((__import__("tests.conftest").conftest.CORPUS / "dev").glob("*.html")))


def test_evidence_offsets_slice_the_article_text(dev_store, nlp) -> None:
    """The stored sentence is exactly the article text between its offsets."""
    from pipeline.config import Settings
    from pipeline.ingest import read_article

    from .conftest import CORPUS

    page = CORPUS / "dev" / "pfizer-seagen-2023.html"
    article = read_article(str(page), Settings())
    rows = _rows(dev_store, f"""
        SELECT ?sentence ?start ?end WHERE {{
          ?fact prov:wasDerivedFrom/schema:url "{article.url}"^^xsd:anyURI ; dg:evidence ?e .
          ?e dg:sentence ?sentence ; dg:startOffset ?start ; dg:endOffset ?end }}""")
    assert rows
    for sentence, start, end in rows:
        assert article.text[int(start) : int(end)] == sentence


def test_what_an_article_says_lives_in_its_named_graph(dev_store) -> None:
    rows = _rows(dev_store, """
        SELECT ?g (COUNT(?fact) AS ?n) WHERE { GRAPH ?g { ?fact prov:wasGeneratedBy ?run ; prov:wasDerivedFrom ?g } }
        GROUP BY ?g""")
    assert len(rows) > 40 and all(int(n) > 0 for _, n in rows)
    stray = _rows(dev_store, """
        SELECT ?fact WHERE { GRAPH ?g { ?fact prov:wasGeneratedBy ?run ; prov:wasDerivedFrom ?a } FILTER(?g != ?a) }""")
    assert stray == []


def test_what_a_deal_is_lives_once_in_the_deals_graph(dev_store) -> None:
    outside = _rows(dev_store, """
        SELECT ?fact ?g WHERE { GRAPH ?g { ?fact a dg:Fact } FILTER(?g != <https://w3id.org/dealgraph/graph/deals>) }""")
    assert outside == []
    unsupported = _rows(dev_store, """
        SELECT ?fact WHERE { ?fact a dg:Fact FILTER NOT EXISTS { ?fact prov:wasDerivedFrom ?article } }""")
    assert unsupported == []
    twice = _rows(dev_store, """
        SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?s ?p ?o HAVING (COUNT(?g) > 1)""")
    assert twice == []  # the union default graph would show such a triple twice


def test_extraction_run_is_recorded(dev_store) -> None:
    rows = _rows(dev_store, """
        SELECT DISTINCT ?version ?model WHERE {
          ?fact prov:wasGeneratedBy ?run . ?run a dg:Extraction ; dg:softwareVersion ?version ; dg:model ?model }""")
    assert len(rows) == 1
    assert "core_web_sm" in rows[0][1]
