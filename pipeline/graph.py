"""Facts and their article as RDF, in the vocabulary of ontology/dealgraph.ttl.

Two graphs come out of one article:

- the **article graph** (named by the article's IRI): the ``schema:NewsArticle``, the
  extraction run, every fact with its figures, tranches and evidence. Re-ingesting the article
  replaces this graph whole; removing the article drops it.
- the **organisation triples**, written to the shared graph ``ORGANIZATIONS_GRAPH``: each
  organisation's type, ``skos:prefLabel``, ``skos:altLabel`` per name seen, and from the
  gazetteer its Wikidata ``owl:sameAs``, parent and sector. Keeping them in one shared graph
  means a union-graph query sees each organisation triple once, however many articles name it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, SKOS

from pipeline.gazetteer import Gazetteer
from pipeline.model import Amount, Capacity, Fact
from pipeline.vocab import DG, ORG, PROV, SCHEMA, article_iri, fact_iri, org_iri

ROLE_TERMS = {
    "investor": DG.investor,
    "investee": DG.investee,
    "acquirer": DG.acquirer,
    "target": DG.target,
    "company": DG.company,
    "provider": DG.provider,
}


@dataclass(frozen=True)
class ArticleGraphs:
    """The RDF of one ingested article."""

    iri: URIRef
    article: Graph
    organizations: Graph


def _decimal(value: Decimal) -> Literal:
    return Literal(format(value, "f"), datatype=XSD.decimal)


def _bind(graph: Graph) -> Graph:
    graph.bind("dg", DG._NS)
    graph.bind("schema", SCHEMA)
    graph.bind("skos", SKOS)
    graph.bind("prov", PROV)
    return graph


def fact_key(fact: Fact) -> str:
    """What identifies a fact within its article: kind, roles and figure."""
    roles = ";".join(f"{role}={','.join(fact.role_names(role))}" for role in sorted(fact.roles))
    return f"{fact.kind}|{roles}|{fact.figure}"


def _add_amount(graph: Graph, node: URIRef, amount: Amount) -> None:
    graph.add((node, RDF.type, SCHEMA.MonetaryAmount))
    graph.add((node, SCHEMA.value, _decimal(amount.value)))
    graph.add((node, SCHEMA.currency, Literal(amount.currency)))
    if amount.qualifier:
        graph.add((node, DG.qualifier, Literal(amount.qualifier)))
    if amount.low is not None:
        graph.add((node, SCHEMA.minValue, _decimal(amount.low)))
        graph.add((node, SCHEMA.maxValue, _decimal(amount.value)))


def _add_capacity(graph: Graph, node: URIRef, capacity: Capacity) -> None:
    graph.add((node, RDF.type, SCHEMA.QuantitativeValue))
    graph.add((node, SCHEMA.value, _decimal(capacity.watts)))
    graph.add((node, SCHEMA.unitCode, Literal("WTT")))
    if capacity.qualifier:
        graph.add((node, DG.qualifier, Literal(capacity.qualifier)))
    if capacity.low is not None:
        graph.add((node, SCHEMA.minValue, _decimal(capacity.low)))
        graph.add((node, SCHEMA.maxValue, _decimal(capacity.watts)))


def _add_organization(graph: Graph, name: str, surfaces: set[str], gazetteer: Gazetteer) -> URIRef:
    node = org_iri(name)
    graph.add((node, RDF.type, DG.Organization))
    graph.add((node, SKOS.prefLabel, Literal(name)))
    entry = gazetteer.entry(name)
    aliases = set(surfaces) | (set(entry.aliases) if entry else set())
    for alias in sorted(aliases - {name}):
        graph.add((node, SKOS.altLabel, Literal(alias)))
    if entry is not None:
        if entry.wikidata:
            graph.add((node, OWL.sameAs, URIRef(entry.wikidata)))
        if entry.parent:
            graph.add((node, ORG.subOrganizationOf, org_iri(entry.parent)))
            _add_organization(graph, entry.parent, set(), gazetteer)
        if entry.sector:
            graph.add((node, DG.sector, Literal(entry.sector)))
    return node


def build_graphs(
    article_url: str,
    headline: str | None,
    published: object,
    publisher: str | None,
    facts: list[Fact],
    gazetteer: Gazetteer,
    software_version: str,
    model: str,
) -> ArticleGraphs:
    """The RDF for one article and its facts.

    Args:
        article_url: the article's URL (canonical when the page declared one).
        headline, published, publisher: what the page said about itself; None when unknown.
        facts: the article's facts.
        gazetteer: gives known organisations their Wikidata identity, parent and sector.
        software_version, model: recorded on the extraction run.
    """
    iri = article_iri(article_url)
    article = _bind(Graph())
    organizations = _bind(Graph())
    article.add((iri, RDF.type, SCHEMA.NewsArticle))
    article.add((iri, SCHEMA.url, Literal(article_url, datatype=XSD.anyURI)))
    if headline:
        article.add((iri, SCHEMA.headline, Literal(headline)))
    if published is not None:
        article.add((iri, SCHEMA.datePublished, Literal(published, datatype=XSD.date)))
    if publisher:
        publisher_node = URIRef(f"{iri}/publisher")
        article.add((iri, SCHEMA.publisher, publisher_node))
        article.add((publisher_node, RDF.type, SCHEMA.Organization))
        article.add((publisher_node, SCHEMA.name, Literal(publisher)))
    run = URIRef(f"{iri}/extraction")
    article.add((run, RDF.type, DG.Extraction))
    article.add((run, RDF.type, PROV.Activity))
    article.add((run, DG.softwareVersion, Literal(software_version)))
    article.add((run, DG.model, Literal(model)))
    article.add((run, PROV.used, iri))
    now = datetime.now(timezone.utc).replace(microsecond=0)
    article.add((run, PROV.endedAtTime, Literal(now, datatype=XSD.dateTime)))

    surfaces: dict[str, set[str]] = {}
    for fact in facts:
        for orgs in fact.roles.values():
            for org in orgs:
                surfaces.setdefault(org.name, set()).add(org.surface)
    for name, seen in surfaces.items():
        # Only real names become altLabels, not "it" or "the company".
        names = {s for s in seen if s[:1].isupper() and not s.lower().startswith(("the ", "it"))}
        _add_organization(organizations, name, names, gazetteer)

    for fact in facts:
        node = fact_iri(iri, fact_key(fact))
        article.add((node, RDF.type, DG[fact.kind]))
        article.add((node, RDF.type, DG.Fact))
        article.add((node, PROV.wasDerivedFrom, iri))
        article.add((node, PROV.wasGeneratedBy, run))
        for role, orgs in fact.roles.items():
            for org in orgs:
                article.add((node, ROLE_TERMS[role], org_iri(org.name)))
        if fact.amount is not None:
            amount_node = URIRef(f"{node}/amount")
            article.add((node, DG.amount, amount_node))
            _add_amount(article, amount_node, fact.amount)
        if fact.capacity is not None:
            capacity_node = URIRef(f"{node}/capacity")
            article.add((node, DG.capacity, capacity_node))
            _add_capacity(article, capacity_node, fact.capacity)
        if fact.duration is not None:
            article.add((node, DG.duration, Literal(fact.duration.iso, datatype=XSD.duration)))
        if fact.metric:
            article.add((node, DG.metric, Literal(fact.metric)))
        for n, tranche in enumerate(fact.tranches, start=1):
            tranche_node = URIRef(f"{node}/tranche/{n}")
            article.add((node, DG.tranche, tranche_node))
            article.add((tranche_node, RDF.type, DG.Tranche))
            article.add((tranche_node, DG.amount, URIRef(f"{tranche_node}/amount")))
            _add_amount(article, URIRef(f"{tranche_node}/amount"), tranche)
        for evidence in fact.evidence:
            evidence_node = URIRef(f"{iri}/evidence/{evidence.start}-{evidence.end}")
            article.add((node, DG.evidence, evidence_node))
            article.add((evidence_node, RDF.type, DG.Evidence))
            article.add((evidence_node, DG.sentence, Literal(evidence.sentence)))
            article.add((evidence_node, DG.startOffset, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
            article.add((evidence_node, DG.endOffset, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
    return ArticleGraphs(iri, article, organizations)
