"""The RDF terms dealgraph writes: our ontology as a closed namespace, and the IRIs we mint.

``DG.Investmnet`` raises instead of minting a misspelt IRI; a test checks that every term here
is defined in ontology/dealgraph.ttl and the other way round.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/dealgraph/"
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
WIKIDATA = Namespace("http://www.wikidata.org/entity/")

ORGANIZATIONS_GRAPH = URIRef(BASE + "graph/organizations")
"""Named graph holding organisation nodes, shared by every article (see graph.py)."""

DEALS_GRAPH = URIRef(BASE + "graph/deals")
"""Named graph holding what each fact is (types, roles, figures), shared by the articles that
report it (see graph.py)."""


class DG(DefinedNamespace):
    """Terms of ontology/dealgraph.ttl."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Organization: URIRef
    Fact: URIRef
    Investment: URIRef
    Acquisition: URIRef
    Valuation: URIRef
    ComputeCommitment: URIRef
    CloudCommitment: URIRef
    Revenue: URIRef
    Tranche: URIRef
    Evidence: URIRef
    Extraction: URIRef
    # roles
    investor: URIRef
    investee: URIRef
    acquirer: URIRef
    target: URIRef
    company: URIRef
    provider: URIRef
    # figures
    amount: URIRef
    capacity: URIRef
    qualifier: URIRef
    tranche: URIRef
    duration: URIRef
    metric: URIRef
    # evidence and runs
    evidence: URIRef
    sentence: URIRef
    startOffset: URIRef
    endOffset: URIRef
    softwareVersion: URIRef
    model: URIRef
    # gazetteer
    sector: URIRef
    # deal record fields (deal_details.py reads them, graph.py writes them)
    announced: URIRef
    status: URIRef
    roundSeries: URIRef
    leadInvestor: URIRef
    stakePercent: URIRef
    valuationBasis: URIRef
    round: URIRef
    # the ingest manifest (manifest.py)
    IngestRecord: URIRef
    source: URIRef
    ingestStatus: URIRef
    reason: URIRef
    contentHash: URIRef
    factCount: URIRef
    ingestedArticle: URIRef


def slug(name: str) -> str:
    """A lowercase ASCII slug for IRIs.

    >>> slug("Fidelity Management & Research")
    'fidelity-management-research'
    >>> slug("Société Générale")
    'societe-generale'
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "unnamed"


def org_iri(canonical_name: str) -> URIRef:
    """The stable IRI of an organisation, minted from its canonical name."""
    return URIRef(f"{BASE}org/{slug(canonical_name)}")


def article_iri(url: str) -> URIRef:
    """The IRI of an article, which is also the name of the graph holding its facts."""
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:24]
    return URIRef(f"{BASE}article/{digest}")


def fact_iri(article_url: str, key: str) -> URIRef:
    """The IRI of a fact first reported by the article at ``article_url``; ``key`` tells the
    article's facts apart. Stable across re-ingests of the same text; later articles about
    the same deal reuse it (see resolve.py)."""
    digest = hashlib.sha256(f"{article_url}\n{key}".encode("utf-8")).hexdigest()[:20]
    return URIRef(f"{BASE}fact/{digest}")
