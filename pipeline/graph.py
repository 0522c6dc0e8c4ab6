"""Facts and their article as RDF, in the vocabulary of ontology/dealgraph.ttl.

Three sets of triples come out of one article:

- the **article graph** (named by the article's IRI): the ``schema:NewsArticle``, the
  extraction run, and what the article says about each fact: ``prov:wasDerivedFrom`` the
  article on the fact and on each figure it gives, ``prov:wasGeneratedBy`` the run, and the
  evidence sentences. Re-ingesting the article replaces this graph whole; removing it drops it.
- the **deal triples**, added to the shared graph ``DEALS_GRAPH``: each fact's types, roles,
  figures (named by their content), tranches, duration and metric, and the deal details the
  article states (deal_details.py: ``dg:status``, ``dg:announced``, ``dg:roundSeries``,
  ``dg:leadInvestor``, ``dg:stakePercent``, ``dg:valuationBasis``, ``dg:round``). A deal that
  several articles report (resolve.py) is one fact there, stated once; after an article is
  written or removed, ``prune_deals`` drops what no article supports any more.
- the **organisation triples**, written to the shared graph ``ORGANIZATIONS_GRAPH``: each
  organisation's type, ``skos:prefLabel``, ``skos:altLabel`` per name seen, and from the
  gazetteer its Wikidata ``owl:sameAs``, parent and sector. Keeping them in one shared graph
  means a union-graph query sees each organisation triple once, however many articles name it.

Why shared graphs: Oxigraph's union default graph returns a triple once per graph holding it,
so a triple written by two articles would be counted twice by every SELECT.

Details are attached the way figures are. A figure is a node named by its content, and the
article graph says which articles give it (``prov:wasDerivedFrom``). A detail is one triple
about the fact (``<fact> dg:status dg:DealCompleted``), so the node that carries its
provenance is the triple's ``rdf:Statement``, also named by its content
(``<fact>/detail/<hash>``, with ``rdf:subject``, ``rdf:predicate`` and ``rdf:object``), in
the deals graph. Each article that states the detail adds ``<statement> prov:wasDerivedFrom
<article>`` to its own graph. Reports that disagree (one article has the deal announced, a
later one completed) keep both values, each with its articles, as conflicting figures do.
A round's investors are attached the same way (``<fact>/party/<hash>``): reports of one round
may each name some of them (resolve.py), and the fact has every investor that some article
still names.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.term import Node
from rdflib.namespace import OWL, SKOS

from pipeline.gazetteer import Gazetteer
from pipeline.model import LISTED_ROLES, Amount, Capacity, DealDetails, Evidence, Fact
from pipeline.vocab import DEALS_GRAPH, DG, OA, ORG, PROV, SCHEMA, article_iri, fact_iri, org_iri

ROLE_TERMS = {
    "investor": DG.investor,
    "investee": DG.investee,
    "acquirer": DG.acquirer,
    "target": DG.target,
    "company": DG.company,
    "provider": DG.provider,
}

# Concepts of the dg:DealStatus and dg:ValuationBasis schemes. They are individuals, not terms
# of the closed DG namespace (vocab.py); tests/test_deal_details.py checks that the ontology
# defines each.
STATUS_CONCEPTS = {
    "announced": DG._NS["DealAnnounced"],
    "completed": DG._NS["DealCompleted"],
    "terminated": DG._NS["DealTerminated"],
}
BASIS_CONCEPTS = {"pre-money": DG._NS["PreMoney"], "post-money": DG._NS["PostMoney"]}
DETAIL_TERMS = (DG.status, DG.announced, DG.roundSeries, DG.leadInvestor, DG.stakePercent, DG.valuationBasis, DG.round)


@dataclass(frozen=True)
class ArticleGraphs:
    """The RDF of one ingested article."""

    iri: URIRef
    article: Graph
    organizations: Graph
    deals: Graph  # added to the shared DEALS_GRAPH
    facts: tuple[URIRef, ...] = ()


def _decimal(value: Decimal) -> Literal:
    return Literal(format(value, "f"), datatype=XSD.decimal)


def _graph() -> Graph:
    # The graphs are written as N-Triples, so no prefixes are bound (binding them was 4% of
    # ingest time).
    return Graph(bind_namespaces="none")


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


def _figure_iri(fact: URIRef, kind: str, figure: Amount | Capacity) -> URIRef:
    digest = hashlib.sha256(repr(figure).encode("utf-8")).hexdigest()[:12]
    return URIRef(f"{fact}/{kind}/{digest}")


def _add_selectors(graph: Graph, node: URIRef, text: URIRef, evidence: Evidence) -> None:
    """The evidence as a W3C Web Annotation specific resource: a quote and a position
    selector into the article text."""
    position, quote = URIRef(f"{node}/position"), URIRef(f"{node}/quote")
    graph.add((node, RDF.type, OA.SpecificResource))
    graph.add((node, OA.hasSource, text))
    graph.add((node, OA.hasSelector, position))
    graph.add((node, OA.hasSelector, quote))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(evidence.sentence)))


def _detail_triples(details: DealDetails, fact_nodes: dict[int, URIRef]) -> list[tuple[URIRef, Node]]:
    """The (predicate, object) pairs a fact's details are written as."""
    found: list[tuple[URIRef, Node]] = []
    if details.status in STATUS_CONCEPTS:
        found.append((DG.status, STATUS_CONCEPTS[details.status]))
    if details.announced:
        # "2024-03-03" is a day; "2023-01" says only the month
        datatype = XSD.date if len(details.announced) == 10 else XSD.gYearMonth
        found.append((DG.announced, Literal(details.announced, datatype=datatype)))
    if details.round_series:
        found.append((DG.roundSeries, Literal(details.round_series)))
    found += [(DG.leadInvestor, org_iri(name)) for name in details.leads]
    if details.stake_percent is not None:
        found.append((DG.stakePercent, _decimal(details.stake_percent)))
    if details.valuation_basis in BASIS_CONCEPTS:
        found.append((DG.valuationBasis, BASIS_CONCEPTS[details.valuation_basis]))
    if details.round is not None and id(details.round) in fact_nodes:
        found.append((DG.round, fact_nodes[id(details.round)]))
    return found


def _add_stated(
    deals: Graph, article: Graph, iri: URIRef, node: URIRef, triples: list[tuple[URIRef, Node]], kind: str
) -> None:
    """Each triple about a fact in the deals graph, with its rdf:Statement
    (``<fact>/<kind>/<hash>``); the article's support for it in the article's graph."""
    for predicate, value in triples:
        digest = hashlib.sha256(f"{predicate} {value.n3()}".encode("utf-8")).hexdigest()[:12]
        statement = URIRef(f"{node}/{kind}/{digest}")
        deals.add((node, predicate, value))
        deals.add((statement, RDF.type, RDF.Statement))
        deals.add((statement, RDF.subject, node))
        deals.add((statement, RDF.predicate, predicate))
        deals.add((statement, RDF.object, value))
        article.add((statement, PROV.wasDerivedFrom, iri))


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
    fact_iris: list[URIRef] | None = None,
) -> ArticleGraphs:
    """The RDF for one article and its facts.

    Args:
        article_url: the article's URL (canonical when the page declared one).
        headline, published, publisher: what the page said about itself; None when unknown.
        facts: the article's facts.
        gazetteer: gives known organisations their Wikidata identity, parent and sector.
        software_version, model: recorded on the extraction run.
        fact_iris: the IRI of each fact, one per fact (see resolve.resolve_fact_iris: a fact
            reported by an earlier article keeps that fact's IRI); minted from this article
            when None.
    """
    iri = article_iri(article_url)
    article = _graph()
    organizations = _graph()
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

    # The text the evidence offsets count in: the article as dealgraph extracted it.
    text_node = URIRef(f"{iri}/text")
    article.add((text_node, PROV.wasDerivedFrom, iri))

    surfaces: dict[str, set[str]] = {}
    for fact in facts:
        for orgs in fact.roles.values():
            for org in orgs:
                surfaces.setdefault(org.name, set()).add(org.surface)
    for name, seen in surfaces.items():
        # Only real names become altLabels, not "it" or "the company".
        names = {s for s in seen if s[:1].isupper() and not s.lower().startswith(("the ", "it"))}
        _add_organization(organizations, name, names, gazetteer)

    if fact_iris is None:
        fact_iris = [fact_iri(article_url, fact_key(fact)) for fact in facts]
    deals = _graph()
    fact_nodes = {id(fact): node for fact, node in zip(facts, fact_iris, strict=True)}
    for fact, node in zip(facts, fact_iris, strict=True):
        # What the deal is goes to the shared deals graph; that this article reports it, and
        # with which figures and sentences, stays in the article's graph.
        deals.add((node, RDF.type, DG[fact.kind]))
        deals.add((node, RDF.type, DG.Fact))
        article.add((node, PROV.wasDerivedFrom, iri))
        article.add((node, PROV.wasGeneratedBy, run))
        for role, orgs in fact.roles.items():
            parties = [(ROLE_TERMS[role], org_iri(org.name)) for org in orgs]
            if role in LISTED_ROLES:
                _add_stated(deals, article, iri, node, parties, "party")
            else:
                for predicate, party in parties:
                    deals.add((node, predicate, party))
        # Figures are named by their content: articles agreeing on a figure share its node,
        # and a figure names each article that gives it (conflicting-figures.rq).
        if fact.amount is not None:
            amount_node = _figure_iri(node, "amount", fact.amount)
            deals.add((node, DG.amount, amount_node))
            article.add((amount_node, PROV.wasDerivedFrom, iri))
            _add_amount(deals, amount_node, fact.amount)
        if fact.capacity is not None:
            capacity_node = _figure_iri(node, "capacity", fact.capacity)
            deals.add((node, DG.capacity, capacity_node))
            article.add((capacity_node, PROV.wasDerivedFrom, iri))
            _add_capacity(deals, capacity_node, fact.capacity)
        if fact.duration is not None:
            deals.add((node, DG.duration, Literal(fact.duration.iso, datatype=XSD.duration)))
        if fact.metric:
            deals.add((node, DG.metric, Literal(fact.metric)))
        for tranche in fact.tranches:
            tranche_node = _figure_iri(node, "tranche", tranche)
            deals.add((node, DG.tranche, tranche_node))
            article.add((tranche_node, PROV.wasDerivedFrom, iri))
            deals.add((tranche_node, RDF.type, DG.Tranche))
            deals.add((tranche_node, DG.amount, URIRef(f"{tranche_node}/amount")))
            _add_amount(deals, URIRef(f"{tranche_node}/amount"), tranche)
        for evidence in fact.evidence:
            evidence_node = URIRef(f"{iri}/evidence/{evidence.start}-{evidence.end}")
            article.add((node, DG.evidence, evidence_node))
            article.add((evidence_node, RDF.type, DG.Evidence))
            article.add((evidence_node, DG.sentence, Literal(evidence.sentence)))
            article.add((evidence_node, DG.startOffset, Literal(evidence.start, datatype=XSD.nonNegativeInteger)))
            article.add((evidence_node, DG.endOffset, Literal(evidence.end, datatype=XSD.nonNegativeInteger)))
            _add_selectors(article, evidence_node, text_node, evidence)
        if fact.details:
            _add_stated(deals, article, iri, node, _detail_triples(fact.details, fact_nodes), "detail")
    return ArticleGraphs(iri, article, organizations, deals, tuple(fact_iris))


def prune_deals(facts: list[str]) -> str:
    """A SPARQL Update that drops, for these facts, the deal triples no article supports:
    details and investors (with their statements), figures and tranches that no article gives any more, and
    facts no article reports."""
    if not facts:
        return ""
    values = "VALUES ?f { " + " ".join(f"<{f}>" for f in sorted(set(facts))) + " }"
    graph = f"<{DEALS_GRAPH}>"
    amount, capacity, tranche, derived = (f"<{term}>" for term in (DG.amount, DG.capacity, DG.tranche, PROV.wasDerivedFrom))
    unsupported = f"FILTER NOT EXISTS {{ GRAPH ?any {{ %s {derived} ?source }} }}"
    subject, predicate, obj = (f"<{term}>" for term in (RDF.subject, RDF.predicate, RDF.object))
    return f"""DELETE {{ GRAPH {graph} {{ ?st ?q ?r . ?f ?p ?o }} }} WHERE {{
  {values} GRAPH {graph} {{ ?st {subject} ?f ; {predicate} ?p ; {obj} ?o . ?st ?q ?r }} {unsupported % "?st"} }} ;
DELETE {{ GRAPH {graph} {{ ?m ?q ?r }} }} WHERE {{
  {values} GRAPH {graph} {{ ?f {tranche} ?n . ?n {amount} ?m . ?m ?q ?r }} {unsupported % "?n"} }} ;
DELETE {{ GRAPH {graph} {{ ?f ?link ?n . ?n ?p ?o }} }} WHERE {{
  {values} VALUES ?link {{ {amount} {capacity} {tranche} }}
  GRAPH {graph} {{ ?f ?link ?n . ?n ?p ?o }} {unsupported % "?n"} }} ;
DELETE {{ GRAPH {graph} {{ ?f ?p ?o }} }} WHERE {{
  {values} GRAPH {graph} {{ ?f ?p ?o }} {unsupported % "?f"} }}"""

