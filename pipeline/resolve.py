"""Which stored fact is this? Cross-article identity of deals.

Articles about one deal each yield a fact of their own. Before an article is written, each of
its facts is looked up in the store; when a stored fact reports the same deal, the new fact
takes that fact's IRI, so the deal is one node with one ``prov:wasDerivedFrom`` per article.
The article's statements about it stay in the article's own named graph, so re-ingesting or
removing the article changes only what it said.

A stored fact is the same deal as a new one when all of these hold:

- the same fact type and the same organisations in every role (names are already canonical,
  so "AWS" and "Amazon Web Services" agree), except lists of investors: articles name a
  round's investors partly ("led by ICONIQ"; "ICONIQ, Fidelity and Lightspeed"; "sovereign
  funds GIC and QIA joined"). Lists that share a name, or of which one is empty, need a figure
  within ``SAME_DEAL_SPREAD``; lists that share none need the same figure (within
  ``DISJOINT_SPREAD``) from articles at most ``DISJOINT_DAYS`` apart. The stored fact then has
  every investor some article names, each with its articles (graph.py), and removing an
  article takes back the investors only it named;
- an article reporting the stored fact was published within ``WINDOW_DAYS[type]`` of the new
  article (skipped when either date is unknown): deals are covered from announcement to close,
  valuations and revenue figures are snapshots and go stale quickly;
- the figures are close: within ``SAME_DEAL_SPREAD`` of each other (an acquisition's price may
  differ more between reports; it is one deal whatever figure each report gives), the same
  currency or unit, and for revenue the same metric. A fact without a figure agrees with any.

Figures that agree within 1% are the same figure; wider differences are kept side by side as
conflicting figures, each with the articles that give it (``ontology/queries/conflicting-figures.rq``).
When several stored facts qualify, the closest figure wins, then the same parties, then the
nearest date; one stored fact takes at most one fact of each article.

New facts get an IRI minted from the article URL and the fact's content, so re-ingesting an
unchanged article reuses the same IRIs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from rdflib import URIRef

from pipeline.model import LISTED_ROLES, Fact
from pipeline.store import Queryable
from pipeline.vocab import DG, fact_iri, org_iri

WINDOW_DAYS = {
    "Acquisition": 3 * 365,
    "Investment": 180,
    "ComputeCommitment": 365,
    "CloudCommitment": 365,
    "Valuation": 45,
    "Revenue": 45,
}
SAME_DEAL_SPREAD = Decimal("0.25")
# Reports naming none of the same investors are one round only when they give the same figure
# (within 1%) within a month of each other.
DISJOINT_SPREAD = Decimal("0.01")
DISJOINT_DAYS = 31
ANY_FIGURE = ("Acquisition",)
ROLE_PREDICATES = ("investor", "investee", "acquirer", "target", "company", "provider")


@dataclass
class StoredFact:
    """A fact already in the store, as far as identity needs it."""

    iri: str
    roles: dict[str, set[str]] = field(default_factory=dict)
    figures: set[tuple[Decimal, str]] = field(default_factory=set)  # (value, currency or "W")
    metrics: set[str] = field(default_factory=set)
    dates: set[date] = field(default_factory=set)


def _role_iris(fact: Fact) -> dict[str, set[str]]:
    return {role: {str(org_iri(org.name)) for org in orgs} for role, orgs in fact.roles.items() if orgs}


def _figure(fact: Fact) -> tuple[Decimal, str] | None:
    if fact.amount is not None:
        return fact.amount.value, fact.amount.currency
    if fact.capacity is not None:
        return fact.capacity.watts, "W"
    return None


def _anchor(fact: Fact) -> tuple[str, str] | None:
    """The role and organisation IRI a fact is looked up by: its first role's first name."""
    roles = _role_iris(fact)
    if not roles:
        return None
    role = sorted(roles)[0]
    return role, sorted(roles[role])[0]


def _candidates(store: Queryable, fact: Fact) -> list[StoredFact]:
    """Stored facts of the same type that name the fact's first organisation in the same role."""
    found_anchor = _anchor(fact)
    if found_anchor is None:
        return []
    anchor_role, anchor = found_anchor
    # Written with variables, not blank nodes or paths: Oxigraph then starts from the anchor
    # organisation instead of scanning every amount in the store (25-50x faster at 10^5 quads).
    sparql = f"""
SELECT ?fact ?role ?org ?value ?unit ?metric ?published WHERE {{
  ?fact dg:{anchor_role} <{anchor}> ; a <{DG[fact.kind]}> .
  {{ ?fact ?role ?org FILTER(?role IN ({", ".join(f"dg:{r}" for r in ROLE_PREDICATES)})) }}
  UNION {{ ?fact dg:amount ?money . ?money schema:value ?value ; schema:currency ?unit }}
  UNION {{ ?fact dg:capacity ?power . ?power schema:value ?value BIND("W" AS ?unit) }}
  UNION {{ ?fact dg:metric ?metric }}
  UNION {{ ?fact prov:wasDerivedFrom ?article . ?article schema:datePublished ?published }}
}}"""
    found: dict[str, StoredFact] = {}
    for iri, role, org, value, unit, metric, published in store.query(sparql).rows():
        stored = found.setdefault(iri or "", StoredFact(iri or ""))
        if role and org:
            stored.roles.setdefault(role.rsplit("#", 1)[-1], set()).add(org)
        if value is not None and unit is not None:
            stored.figures.add((Decimal(value), unit))
        if metric:
            stored.metrics.add(metric)
        if published:
            stored.dates.add(date.fromisoformat(published[:10]))
    return list(found.values())


SAME, PARTIAL, DISJOINT = 0, 1, 2  # how far apart two facts' lists of investors are


def _parties(new: dict[str, set[str]], stored: dict[str, set[str]]) -> int | None:
    """``SAME`` when two facts name the same organisations in every role; ``PARTIAL`` when only
    their lists of investors differ but share a name (or one is empty); ``DISJOINT`` when the
    lists share nothing; None when another role differs."""
    roles = set(new) | set(stored)
    if any(new.get(role) != stored.get(role) for role in roles - set(LISTED_ROLES)):
        return None
    found = SAME
    for role in LISTED_ROLES:
        ours, theirs = new.get(role, set()), stored.get(role, set())
        if ours != theirs:
            found = max(found, DISJOINT if ours and theirs and not ours & theirs else PARTIAL)
    return found


def _distance(fact: Fact, published: date | None, stored: StoredFact) -> tuple[Decimal, int, int] | None:
    """How far apart a new and a stored fact are (figures, then parties, then days), or None
    when they are different deals."""
    parties = _parties(_role_iris(fact), stored.roles)
    if parties is None:
        return None
    days = 0
    if published is not None and stored.dates:
        days = min(abs((published - other).days) for other in stored.dates)
        if days > WINDOW_DAYS[fact.kind]:
            return None
    if parties == DISJOINT and (published is None or not stored.dates or days > DISJOINT_DAYS):
        return None
    if fact.metric and stored.metrics and fact.metric not in stored.metrics:
        return None
    figure = _figure(fact)
    if figure is None or not stored.figures:
        # other investors are only the same round when the figures say so
        return (Decimal(0), parties, days) if parties == SAME else None
    spreads = [
        abs(value - figure[0]) / max(value, figure[0], Decimal(1))
        for value, unit in stored.figures
        if unit == figure[1]
    ]
    if not spreads:
        return None
    spread = min(spreads)
    if parties == DISJOINT and spread > DISJOINT_SPREAD:
        return None
    if spread > SAME_DEAL_SPREAD and (fact.kind not in ANY_FIGURE or parties != SAME):
        return None
    return spread, parties, days


def resolve_fact_iris(
    store: Queryable, article_url: str, published: date | None, facts: list[Fact], keys: list[str]
) -> list[URIRef]:
    """The IRI each fact of one article is written under: a stored fact's for the same deal,
    else a new one.

    Args:
        store: where earlier articles' facts are.
        article_url, published: the article being written.
        facts: its facts; ``keys`` tells them apart within the article (see graph.fact_key).
    """
    pairs: list[tuple[tuple[Decimal, int, int], int, str]] = []
    cache: dict[tuple[str, tuple[str, str] | None], list[StoredFact]] = {}
    for index, fact in enumerate(facts):
        anchor = (fact.kind, _anchor(fact))
        if anchor not in cache:
            cache[anchor] = _candidates(store, fact)
        for stored in cache[anchor]:
            distance = _distance(fact, published, stored)
            if distance is not None:
                pairs.append((distance, index, stored.iri))
    chosen: dict[int, URIRef] = {}
    taken: set[str] = set()
    for _, index, iri in sorted(pairs):
        if index not in chosen and iri not in taken:
            chosen[index] = URIRef(iri)
            taken.add(iri)
    return [chosen.get(i) or fact_iri(article_url, keys[i]) for i in range(len(facts))]
