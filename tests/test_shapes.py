"""The stored graph keeps the SHACL shapes of ontology/shapes.ttl, checked with pyshacl."""

from __future__ import annotations

import pytest
from pyshacl import validate
from rdflib import Graph, Namespace, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query

from pipeline.config import Settings
from pipeline.ingest import ingest
from pipeline.paths import ontology_dir
from pipeline.store import Store
from pipeline.vocab import DG, PROV, SCHEMA

from .conftest import CORPUS

SH = Namespace("http://www.w3.org/ns/shacl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
UNION = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"

class _ParsedOnce(Graph):
    """A graph that parses each distinct SPARQL text once. pyshacl runs a SPARQL constraint
    once per focus node with the same text (binding $this), and rdflib would parse it every
    time: on the whole corpus that parsing took nine-tenths of the validation."""

    def __init__(self) -> None:
        super().__init__()
        self._prepared: dict[str, Query] = {}

    def query(self, query_object, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        if isinstance(query_object, str):
            if query_object not in self._prepared:
                self._prepared[query_object] = prepareQuery(query_object)
            query_object = self._prepared[query_object]
        return super().query(query_object, *args, **kwargs)


def _validate(data: Graph, shapes: Graph) -> tuple[bool, Graph, str]:
    if not isinstance(data, _ParsedOnce):
        data = _ParsedOnce() + data
    conforms, results, text = validate(data, shacl_graph=shapes, inference="none", advanced=False)
    return conforms, results, text


def _union(store: Store) -> Graph:
    return _ParsedOnce().parse(data=store.query(UNION).ntriples().decode("utf-8"), format="nt")


def _violations(data: Graph, results: Graph) -> set[tuple[str, str, str]]:
    """Each result as (article URL or focus node, result path or "", constraint component)."""
    found = set()
    for result in results.objects(None, SH.result):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        component = str(results.value(result, SH.sourceConstraintComponent)).rpartition("#")[2]
        url = data.value(data.value(focus, PROV.wasDerivedFrom), SCHEMA.url)
        found.add((str(url or focus), str(path or ""), component))
    return found


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ontology_dir() / "shapes.ttl")


@pytest.fixture(scope="module")
def corpus_graph(dev_store: Store, nlp, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    """Every triple of corpus/ as stored: the shared corpus/dev store plus corpus/test here.

    Organisation triples only accumulate in their shared graph, so the union of the two stores
    is the union one store holding the whole corpus would give.
    """
    location = tmp_path_factory.mktemp("shapes") / "store"
    with Store(location) as store:
        report = ingest([str(CORPUS / "test")], store, Settings(store=str(location)), nlp=nlp)
        assert not report.failed, report.failed
        graph = _union(store)
    graph += _union(dev_store)
    return graph


@pytest.fixture(scope="module")
def corpus_report(corpus_graph: Graph, shapes: Graph) -> tuple[bool, Graph, str]:
    return _validate(corpus_graph, shapes)


def test_the_corpus_graph_has_every_kind_of_node_the_shapes_check(corpus_graph: Graph) -> None:
    """So that conforming is not vacuous."""
    types = set(corpus_graph.objects(None, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")))
    assert types >= {
        DG.Investment, DG.Acquisition, DG.Valuation, DG.ComputeCommitment, DG.CloudCommitment,
        DG.Revenue, DG.Tranche, DG.Evidence, DG.Organization, DG.Extraction,
        SCHEMA.MonetaryAmount, SCHEMA.QuantitativeValue, SCHEMA.NewsArticle,
    }


def test_the_stored_corpus_conforms_to_the_shapes(corpus_report: tuple[bool, Graph, str]) -> None:
    conforms, _, text = corpus_report
    assert conforms, text


VALID = """
@prefix dg: <https://w3id.org/dealgraph/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix dgo: <https://w3id.org/dealgraph/org/> .
@prefix a: <https://w3id.org/dealgraph/article/a/> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://w3id.org/dealgraph/article/a> a schema:NewsArticle ;
    schema:url "https://news.example/a"^^xsd:anyURI ; schema:headline "Amazon backs Anthropic" ;
    schema:datePublished "2025-01-02"^^xsd:date .
a:extraction a dg:Extraction, prov:Activity ; prov:used <https://w3id.org/dealgraph/article/a> ;
    dg:softwareVersion "0.1.0" ; dg:model "core_web_sm 3.8.0" ;
    prov:endedAtTime "2025-01-02T00:00:00Z"^^xsd:dateTime .

a:fact-1 a dg:Investment, dg:Fact ;
    prov:wasDerivedFrom <https://w3id.org/dealgraph/article/a> ; prov:wasGeneratedBy a:extraction ;
    dg:investor dgo:amazon ; dg:investee dgo:anthropic ; dg:amount a:fact-1-amount ;
    dg:evidence a:evidence-1 .
a:fact-1-investor a rdf:Statement ; rdf:subject a:fact-1 ; rdf:predicate dg:investor ;
    rdf:object dgo:amazon ; prov:wasDerivedFrom <https://w3id.org/dealgraph/article/a> .
a:fact-1-amount a schema:MonetaryAmount ;
    schema:value "4000000000"^^xsd:decimal ; schema:currency "USD" ; dg:qualifier "up to" .
a:evidence-1 a dg:Evidence ; dg:sentence "Amazon will invest up to $4bn in Anthropic." ;
    dg:startOffset "0"^^xsd:nonNegativeInteger ; dg:endOffset "43"^^xsd:nonNegativeInteger .

a:fact-2 a dg:ComputeCommitment, dg:Fact ;
    prov:wasDerivedFrom <https://w3id.org/dealgraph/article/a> ; prov:wasGeneratedBy a:extraction ;
    dg:company dgo:anthropic ; dg:provider dgo:google ; dg:capacity a:fact-2-capacity ;
    dg:evidence a:evidence-2 .
a:fact-2-capacity a schema:QuantitativeValue ;
    schema:value "1000000000"^^xsd:decimal ; schema:unitCode "WTT" .
a:evidence-2 a dg:Evidence ; dg:sentence "Anthropic secured 1 GW of compute from Google." ;
    dg:startOffset 44 ; dg:endOffset 90 .

dgo:amazon a dg:Organization ; skos:prefLabel "Amazon" ; skos:altLabel "Amazon.com" .
dgo:amazon-web-services a dg:Organization ; skos:prefLabel "Amazon Web Services" ;
    org:subOrganizationOf dgo:amazon .
dgo:anthropic a dg:Organization ; skos:prefLabel "Anthropic" .
dgo:google a dg:Organization ; skos:prefLabel "Google" .
"""
PREFIXES = """
PREFIX dg: <https://w3id.org/dealgraph/ontology#>
PREFIX dgo: <https://w3id.org/dealgraph/org/>
PREFIX a: <https://w3id.org/dealgraph/article/a/>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def test_a_well_formed_graph_conforms(shapes: Graph) -> None:
    conforms, _, text = _validate(Graph().parse(data=VALID, format="turtle"), shapes)
    assert conforms, text


@pytest.mark.parametrize(
    ("update", "path", "component"),
    [
        pytest.param("DELETE DATA { a:fact-1 dg:investee dgo:anthropic }",
                     DG.investee, "MinCount", id="investment-without-investee"),
        pytest.param("INSERT DATA { a:fact-1 dg:investee dgo:google }",
                     DG.investee, "MaxCount", id="two-investees"),
        pytest.param("INSERT DATA { a:fact-1 dg:investor dgo:anthropic }",
                     DG.investee, "Disjoint", id="investee-invests-in-itself"),
        pytest.param("INSERT DATA { a:fact-1 dg:investor dgo:amazon-web-services }",
                     None, "SPARQL", id="parent-and-child-as-parties"),
        pytest.param("DELETE DATA { a:fact-1-investor prov:wasDerivedFrom <https://w3id.org/dealgraph/article/a> }",
                     None, "SPARQL", id="investor-stated-by-no-article"),
        pytest.param("DELETE DATA { dgo:anthropic a dg:Organization }",
                     DG.investee, "Class", id="investee-not-an-organization"),
        pytest.param("INSERT DATA { a:fact-2 dg:investee dgo:anthropic }",
                     None, "Class", id="investee-on-a-compute-commitment"),
        pytest.param("INSERT DATA { a:fact-1 a dg:Acquisition }",
                     None, "Xone", id="fact-of-two-kinds"),
        pytest.param("DELETE DATA { a:fact-1 prov:wasGeneratedBy a:extraction }",
                     PROV.wasGeneratedBy, "MinCount", id="fact-without-extraction-run"),
        pytest.param('DELETE DATA { a:fact-1-amount schema:currency "USD" } ;'
                     'INSERT DATA { a:fact-1-amount schema:currency "usd" }',
                     SCHEMA.currency, "Pattern", id="lower-case-currency"),
        pytest.param('DELETE DATA { a:fact-1-amount schema:value "4000000000"^^xsd:decimal } ;'
                     'INSERT DATA { a:fact-1-amount schema:value "4000000000.5"^^xsd:decimal }',
                     SCHEMA.value, "Pattern", id="amount-not-in-whole-units"),
        pytest.param('DELETE DATA { a:fact-1-amount dg:qualifier "up to" } ;'
                     'INSERT DATA { a:fact-1-amount dg:qualifier "roughly" }',
                     DG.qualifier, "In", id="unknown-qualifier"),
        pytest.param('DELETE DATA { a:fact-2-capacity schema:unitCode "WTT" } ;'
                     'INSERT DATA { a:fact-2-capacity schema:unitCode "MWT" }',
                     SCHEMA.unitCode, "In", id="capacity-not-in-watts"),
        pytest.param("DELETE DATA { a:evidence-2 dg:startOffset 44 } ;"
                     "INSERT DATA { a:evidence-2 dg:startOffset 90 }",
                     DG.startOffset, "LessThan", id="evidence-ends-before-it-starts"),
        pytest.param("DELETE DATA { a:evidence-2 dg:endOffset 90 } ;"
                     "INSERT DATA { a:evidence-2 dg:endOffset 80 }",
                     None, "SPARQL", id="offsets-do-not-span-the-sentence"),
        pytest.param('INSERT DATA { dgo:google skos:prefLabel "Alphabet" }',
                     SKOS.prefLabel, "MaxCount", id="two-pref-labels"),
        pytest.param('DELETE DATA { <https://w3id.org/dealgraph/article/a> schema:url'
                     ' "https://news.example/a"^^xsd:anyURI }',
                     SCHEMA.url, "MinCount", id="article-without-url"),
    ],
)
def test_the_shapes_catch_a_broken_graph(shapes: Graph, update: str, path: URIRef | None, component: str) -> None:
    data = Graph().parse(data=VALID, format="turtle")
    data.update(PREFIXES + update)
    conforms, results, text = _validate(data, shapes)
    assert not conforms
    found = {(p, c) for _, p, c in _violations(data, results)}
    assert (str(path or ""), f"{component}ConstraintComponent") in found, text
