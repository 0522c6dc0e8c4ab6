"""The deal network: a networkx view of the store, its filters and a summary of it.

``to_networkx`` reads the store with SPARQL (the .rq files in ``pipeline/queries``) and returns
a ``MultiDiGraph``:

- **nodes** are organisations, keyed by IRI: ``label``, ``aliases``, ``wikidata``, ``sector``,
  ``parent``, the ``roles`` they play, a one-word ``role`` summary, and the USD totals
  ``invested_usd``, ``received_usd`` and ``money_usd``.
- **edges** are facts, keyed by fact: ``fact_type``, ``label`` ("$25B", "5 GW"), ``amount``,
  ``currency``, ``qualifier``, ``amount_usd``, ``capacity_w``, ``date``, ``status``,
  ``sources``, ``source_urls``. Money flows along an edge (investor → investee, acquirer →
  target, pledging company → cloud provider) and compute capacity too (provider → company).
  A fact with one organisation (a valuation or revenue figure) is a self-loop on it.

The same deal reported by several articles is one fact in the store (pipeline/resolve.py) and
one edge here with several sources; when the reports disagree on the figure the edge carries
the largest and lists them all in ``figures``. ``date`` is the earliest
``schema:datePublished`` of the articles. ``status`` is the deal's stage as its latest article
with one reports it (``"announced"``, ``"completed"`` or ``"terminated"``, read by
pipeline/deal_details.py; on one day the most advanced wins), and ``"reported"`` when no article
says. Dollar totals and ``--min-usd`` count USD amounts only: other currencies are kept as
written and never converted.
"""

from __future__ import annotations

import csv
import difflib
import io
import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any, Iterator

import networkx as nx

from pipeline.errors import ConfigError, QueryError
from pipeline.model import FACT_TYPES, STATUSES
from pipeline.store import Store

logger = logging.getLogger(__name__)

# Which role sends and which receives along a fact's edge; the rest are self-loops.
DIRECTION = {
    "Investment": ("investor", "investee"),
    "Acquisition": ("acquirer", "target"),
    "CloudCommitment": ("company", "provider"),
    "ComputeCommitment": ("provider", "company"),
    "Valuation": ("company", "company"),
    "Revenue": ("company", "company"),
}
# Facts whose amount changes hands: they count in invested_usd / received_usd.
PAYMENTS = ("Investment", "Acquisition")
# Stock figures, not flows: they do not count in money_usd.
FIGURES = ("Valuation", "Revenue")
ROLE_GROUPS = {
    "investor": "investor",
    "acquirer": "investor",
    "investee": "recipient",
    "target": "recipient",
    "provider": "provider",
}
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def load_query(name: str) -> str:
    """The text of one of the package's SPARQL files, ``pipeline/queries/NAME``."""
    return resources.files("pipeline").joinpath("queries", name).read_text(encoding="utf-8")


def short_money(value: float, currency: str | None = None) -> str:
    """A sum as people write it in a headline.

    >>> short_money(25_000_000_000, "USD")
    '$25B'
    >>> short_money(1_700_000_000, "EUR")
    '€1.7B'
    >>> short_money(450_000_000, "CHF")
    '450M CHF'
    """
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            number = f"{value / size:.1f}".removesuffix(".0") + suffix
            break
    else:
        number = f"{value:g}"
    sign = CURRENCY_SIGNS.get(currency or "")
    if sign:
        return sign + number
    return f"{number} {currency}" if currency else number


def short_power(watts: float) -> str:
    """Electrical power with the largest unit that keeps a leading digit.

    >>> short_power(5e9)
    '5 GW'
    >>> short_power(1.5e8)
    '150 MW'
    """
    for size, unit in ((1e12, "TW"), (1e9, "GW"), (1e6, "MW"), (1e3, "kW")):
        if watts >= size:
            return f"{watts / size:.1f}".removesuffix(".0") + " " + unit
    return f"{watts:g} W"


@dataclass
class _Fact:
    """One fact as read from the store, before facts repeated across articles are merged."""

    iri: str
    fact_type: str
    roles: dict[str, set[str]] = field(default_factory=dict)
    amount: Decimal | None = None
    currency: str | None = None
    qualifier: str | None = None
    low: Decimal | None = None
    watts: Decimal | None = None
    duration: str | None = None
    metric: str | None = None
    urls: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    figures: set[Decimal] = field(default_factory=set)
    statuses: set[tuple[str, str]] = field(default_factory=set)  # (article's date or "", status)

    def merge_key(self) -> tuple[object, ...]:
        roles = tuple(sorted((role, tuple(sorted(orgs))) for role, orgs in self.roles.items()))
        return (self.fact_type, roles, self.amount, self.currency, self.qualifier, self.low,
                self.watts, self.duration, self.metric)  # fmt: skip


def _rows(store: Store, query: str) -> Iterator[dict[str, str | None]]:
    """The rows of one of the package's SELECT queries as plain text, None where unbound."""
    # The W3C CSV results format writes plain values, and the csv module reads them in C:
    # several times faster than converting result terms one by one on a large store.
    text = store.query(load_query(query)).serialize("csv").decode("utf-8")
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader)
    for values in reader:
        yield {name: value if value != "" else None for name, value in zip(header, values)}


def _read_facts(store: Store) -> list[_Fact]:
    """Every fact once. A fact reported by several articles has one row per article and
    figure; its sources are all the articles, its figure the largest one reported (the
    others are listed in ``figures``)."""
    facts: dict[str, _Fact] = {}
    for row in _rows(store, "network-facts.rq"):
        iri = row["fact"] or ""
        fact = facts.get(iri)
        if fact is None:
            fact = facts[iri] = _Fact(iri, row["type"] or "")
        figure = row["amount"] or row["watts"]
        if figure is not None:
            fact.figures.add(Decimal(figure))
        if figure is not None and Decimal(figure) >= max(fact.figures):
            for name in ("amount", "low", "watts"):
                setattr(fact, name, Decimal(row[name]) if row[name] is not None else None)
            fact.currency, fact.qualifier = row["currency"], row["qualifier"]
        for name in ("duration", "metric"):
            setattr(fact, name, getattr(fact, name) or row[name])
        if row["url"]:
            fact.urls.add(row["url"])
        if row["published"]:
            fact.dates.add(row["published"])
    for row in _rows(store, "network-roles.rq"):
        fact = facts.get(row["fact"] or "")
        if fact is not None:
            fact.roles.setdefault(row["role"] or "", set()).add(row["org"] or "")
    for row in _rows(store, "network-status.rq"):
        fact = facts.get(row["fact"] or "")
        if fact is not None and row["status"] in STATUSES:
            fact.statuses.add((row["published"] or "", row["status"] or ""))
    return list(facts.values())


def _status(group: list[_Fact]) -> str:
    """The deal's latest reported stage: the status of its latest article that gives one (the
    most advanced on the same day), else "reported".

    >>> _status([_Fact("f", "Acquisition", statuses={("2022-01-18", "announced"), ("2023-10-13", "completed")})])
    'completed'
    >>> _status([_Fact("f", "Revenue")])
    'reported'
    """
    reported = set().union(*(f.statuses for f in group))
    if not reported:
        return "reported"
    return max(reported, key=lambda item: (item[0], STATUSES.index(item[1])))[1]


def _read_organizations(store: Store) -> dict[str, dict[str, Any]]:
    orgs: dict[str, dict[str, Any]] = {}
    for row in _rows(store, "network-organizations.rq"):
        attrs = orgs.setdefault(row["org"] or "", {"label": row["label"], "aliases": []})
        if row["alias"] and row["alias"] not in attrs["aliases"]:
            attrs["aliases"].append(row["alias"])
        if row["wikidata"]:
            attrs["wikidata"] = row["wikidata"].rsplit("/", 1)[-1]
        for name in ("sector", "parent"):
            if row[name]:
                attrs[name] = row[name]
    for attrs in orgs.values():
        attrs["aliases"].sort()
    return orgs


def _edge_label(fact: _Fact) -> str:
    if fact.amount is not None:
        text = short_money(float(fact.amount), fact.currency)
        if fact.low is not None:
            text = short_money(float(fact.low), fact.currency) + "–" + text.lstrip("$€£¥")
    elif fact.watts is not None:
        text = short_power(float(fact.watts))
    else:
        text = fact.fact_type
    if fact.qualifier:
        text = f"{fact.qualifier} {text}"
    if fact.fact_type == "Valuation":
        text = f"valued {text}"
    elif fact.fact_type == "Revenue":
        text = f"revenue {text}"
    return text


def _edge_attributes(group: list[_Fact]) -> dict[str, Any]:
    first = group[0]
    urls = sorted(set().union(*(f.urls for f in group)))
    dates = sorted(set().union(*(f.dates for f in group)))
    figures = sorted(set().union(*(f.figures for f in group)))
    attrs: dict[str, Any] = {
        "fact_type": first.fact_type,
        "label": _edge_label(first),
        "status": _status(group),
        "sources": len(urls) or len(group),
        "source_urls": urls,
        "facts": sorted(f.iri for f in group),
    }
    if first.amount is not None:
        attrs["amount"] = float(first.amount)
        attrs["currency"] = first.currency or ""
        if first.currency == "USD":
            attrs["amount_usd"] = float(first.amount)
    if first.watts is not None:
        attrs["capacity_w"] = float(first.watts)
    if first.low is not None:
        attrs["range_low"] = float(first.low)
    for name in ("qualifier", "duration", "metric"):
        if getattr(first, name):
            attrs[name] = getattr(first, name)
    if dates:
        attrs["date"] = dates[0]
    if len(figures) > 1:
        attrs["figures"] = [format(f.normalize(), "f") for f in figures]  # the reports disagree
    return attrs


def _add_edges(graph: nx.MultiDiGraph, group: list[_Fact]) -> None:
    first = group[0]
    attrs = _edge_attributes(group)
    source_role, target_role = DIRECTION.get(first.fact_type, ("company", "company"))
    sources = sorted(first.roles.get(source_role, ()))
    targets = sorted(first.roles.get(target_role, ()))
    # A fact missing one side (a compute deal with no named provider) describes the other.
    sources = sources or targets
    targets = targets or sources
    if len(sources) > 1:
        attrs["co_investors"] = len(sources)
    for source in sources:
        for target in targets:
            graph.add_edge(source, target, key=attrs["facts"][0], **attrs)


def _role_summary(roles: set[str]) -> str:
    groups = {ROLE_GROUPS.get(role, "company") for role in roles}
    return groups.pop() if len(groups) == 1 else "several"


def _node_totals(graph: nx.MultiDiGraph) -> None:
    for node, attrs in graph.nodes(data=True):
        attrs.setdefault("label", node.rsplit("/", 1)[-1])
        attrs.setdefault("aliases", [])
        attrs.update(invested_usd=0.0, received_usd=0.0, money_usd=0.0)
    roles: dict[str, set[str]] = defaultdict(set)
    counted: set[tuple[str, str, str]] = set()  # (node, fact, total): a round with eight
    # investors is eight edges but one sum received

    def add(node: str, fact: str, total: str, usd: float) -> None:
        if (node, fact, total) not in counted:
            counted.add((node, fact, total))
            graph.nodes[node][total] += usd

    for source, target, key, attrs in graph.edges(keys=True, data=True):
        usd = attrs.get("amount_usd", 0.0)
        kind = attrs["fact_type"]
        sender, receiver = DIRECTION.get(kind, ("company", "company"))
        roles[source].add(sender)
        roles[target].add(receiver)
        if kind in PAYMENTS:
            add(source, key, "invested_usd", usd)
            add(target, key, "received_usd", usd)
        if kind not in FIGURES:
            add(source, key, "money_usd", usd)
            add(target, key, "money_usd", usd)
    for node, attrs in graph.nodes(data=True):
        attrs["roles"] = sorted(roles[node])
        attrs["role"] = _role_summary(roles[node])


@dataclass(frozen=True)
class Selection:
    """Which facts to keep: every field left at its default keeps everything.

    Args:
        company: an organisation's name or alias (any case): keep its neighbourhood.
        depth: how many hops from ``company`` to keep (1: its own deals).
        types: fact types to keep, such as ``("Investment", "Acquisition")``.
        since, until: keep facts whose article is dated within these days (inclusive).
        min_usd: keep facts of at least this many US dollars. Amounts in other currencies are
            not converted, so they (and facts without an amount) are dropped.
    """

    company: str | None = None
    depth: int = 1
    types: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    min_usd: float | None = None

    def __post_init__(self) -> None:
        unknown = [t for t in self.types if t not in FACT_TYPES]
        if unknown:
            raise ConfigError(f"unknown fact type {', '.join(unknown)}; choose from {', '.join(FACT_TYPES)}")
        if self.depth < 0:
            raise ConfigError(f"depth {self.depth} is negative; give 0 or more hops")
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"since {self.since} is after until {self.until}; no fact can match")

    @property
    def filters_facts(self) -> bool:
        return bool(self.types or self.since or self.until or self.min_usd is not None)

    def keeps(self, attrs: dict[str, Any]) -> bool:
        """Whether an edge's fact passes the type, date and money filters."""
        if self.types and attrs["fact_type"] not in self.types:
            return False
        day = attrs.get("date")
        if self.since and (day is None or day < self.since.isoformat()):
            return False
        if self.until and (day is None or day > self.until.isoformat()):
            return False
        if self.min_usd is not None and attrs.get("amount_usd", -1.0) < self.min_usd:
            return False
        return True


def parse_types(text: str | None) -> tuple[str, ...]:
    """Fact types from a comma-separated list, matched without regard to case.

    >>> parse_types("investment, Acquisition")
    ('Investment', 'Acquisition')

    Raises:
        ConfigError: naming a type that does not exist.
    """
    if not text:
        return ()
    known = {name.lower(): name for name in FACT_TYPES}
    chosen = []
    for part in text.split(","):
        name = part.strip()
        if name.lower() not in known:
            raise ConfigError(f"--type {name!r} is not a fact type; choose from {', '.join(FACT_TYPES)}")
        chosen.append(known[name.lower()])
    return tuple(chosen)


def find_organization(graph: nx.MultiDiGraph, name: str) -> str:
    """The node of the organisation called ``name`` (its label or an alias, any case).

    Raises:
        QueryError: when no organisation has that name; the message lists close names.
    """
    wanted = name.strip().casefold()
    for node, attrs in graph.nodes(data=True):
        names = [attrs.get("label", ""), *attrs.get("aliases", [])]
        if any(n.casefold() == wanted for n in names):
            return node
    labels = {a.get("label", "").casefold(): a.get("label", "") for _, a in graph.nodes(data=True)}
    close = [labels[c] for c in difflib.get_close_matches(wanted, labels, n=5, cutoff=0.75)]
    close += sorted(label for key, label in labels.items() if wanted in key and label not in close)
    hint = f"; did you mean {', '.join(close[:5])}?" if close else "; list them with: dealgraph query 'SELECT ?name WHERE { ?o skos:prefLabel ?name }'"
    raise QueryError(f"no organisation named {name!r} in the store{hint}")


def _select(graph: nx.MultiDiGraph, selection: Selection) -> nx.MultiDiGraph:
    if selection.filters_facts:
        dropped = [(u, v, k) for u, v, k, attrs in graph.edges(keys=True, data=True) if not selection.keeps(attrs)]
        graph.remove_edges_from(dropped)
    if selection.company is not None:
        centre = find_organization(graph, selection.company)
        near = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=selection.depth)
        # not graph.subgraph(near): its nodes come in the order of a set of strings, which
        # changes from run to run, and so would every layout drawn from it
        graph.remove_nodes_from([n for n in list(graph) if n not in near])
    if selection.filters_facts or selection.company is not None:
        keep = {selection.company and find_organization(graph, selection.company)}
        graph.remove_nodes_from([n for n in list(graph) if graph.degree(n) == 0 and n not in keep])
    return graph


def to_networkx(store: Store, selection: Selection | None = None, **filters: Any) -> nx.MultiDiGraph:
    """The deal network of ``store``: organisations as nodes, facts as edges.

    Args:
        store: an open store.
        selection: which facts to keep; or give its fields as keywords
            (``to_networkx(store, company="Anthropic", depth=2, types=("Investment",))``).

    Returns:
        A ``networkx.MultiDiGraph`` as described in the module docstring. With no filter it
        holds every organisation in the store; with one, the organisations of the kept facts.

    Raises:
        QueryError: when reading the store fails or ``company`` names no organisation.
        ConfigError: for an unknown fact type or impossible filter.
    """
    if selection is None:
        selection = Selection(**filters)
    elif filters:
        raise ConfigError("give either a Selection or filter keywords, not both")
    graph = nx.MultiDiGraph(name="dealgraph", source=str(store.location))
    for node, attrs in _read_organizations(store).items():
        graph.add_node(node, **attrs)
    groups: dict[tuple[object, ...], list[_Fact]] = defaultdict(list)
    for fact in _read_facts(store):
        groups[fact.merge_key()].append(fact)
    for group in groups.values():
        _add_edges(graph, group)
    _node_totals(graph)
    selected = _select(graph, selection)
    logger.info("network: %d organisations, %d fact edges", selected.number_of_nodes(), selected.number_of_edges())
    return selected


@dataclass(frozen=True)
class Stats:
    """Counts by fact type and the biggest investors and recipients, in US dollars."""

    organizations: int
    facts: dict[str, int]
    investors: list[tuple[str, float, int]]  # (name, invested_usd, deals)
    recipients: list[tuple[str, float, int]]  # (name, received_usd, deals)

    def as_dict(self) -> dict[str, Any]:
        return {
            "organizations": self.organizations,
            "facts": self.facts,
            "top_investors": [{"name": n, "invested_usd": v, "deals": d} for n, v, d in self.investors],
            "top_recipients": [{"name": n, "received_usd": v, "deals": d} for n, v, d in self.recipients],
        }


def graph_stats(graph: nx.MultiDiGraph, top: int = 10) -> Stats:
    """Facts by type and the top ``top`` investors and recipients by their USD totals
    (Investment and Acquisition facts). A fact with several investors counts once."""
    facts: dict[str, set[str]] = {name: set() for name in FACT_TYPES}
    deals_out: dict[str, set[str]] = defaultdict(set)
    deals_in: dict[str, set[str]] = defaultdict(set)
    for source, target, key, kind in graph.edges(keys=True, data="fact_type"):
        facts[kind].add(key)
        if kind in PAYMENTS:
            deals_out[source].add(key)
            deals_in[target].add(key)

    def ranking(total: str, deals: dict[str, set[str]]) -> list[tuple[str, float, int]]:
        ranked = [(a["label"], a[total], len(deals[n])) for n, a in graph.nodes(data=True) if deals[n]]
        return sorted(ranked, key=lambda r: (-r[1], -r[2], r[0]))[:top]

    return Stats(
        organizations=graph.number_of_nodes(),
        facts={name: len(found) for name, found in facts.items()},
        investors=ranking("invested_usd", deals_out),
        recipients=ranking("received_usd", deals_in),
    )


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> list[str]:
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def format_stats(stats: Stats) -> str:
    """Stats as aligned text tables."""
    counts = [[k, str(v)] for k, v in stats.facts.items()] + [["total", str(sum(stats.facts.values()))]]
    lines = _table(["fact type", "facts"], counts, {1})
    lines.append(f"({stats.organizations} organisations)")
    for title, rows in (("top investors", stats.investors), ("top recipients", stats.recipients)):
        lines.append("")
        body = [[name, short_money(usd, "USD"), str(deals)] for name, usd, deals in rows]
        lines += _table([title, "USD", "deals"], body, {1, 2})
    return "\n".join(lines) + "\n"
