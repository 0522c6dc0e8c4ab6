"""The deal network for analysts: a networkx view of the store, and writers for it.

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

The same fact reported by several articles is one edge with several sources. Writers turn the
graph into GraphML, GEXF, node-link JSON and Neo4j CSV; ``export`` also writes the RDF itself.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import logging
import warnings
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO, Iterable

import networkx as nx
from rdflib import Dataset, Graph
from rdflib.query import Result

from pipeline.errors import ConfigError, QueryError
from pipeline.model import FACT_TYPES
from pipeline.store import PREFIXES, Store

logger = logging.getLogger(__name__)

NETWORK_FORMATS = ("graphml", "gexf", "json", "csv")
RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
FORMATS = NETWORK_FORMATS + RDF_FORMATS

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
LIST_SEPARATOR = ";"  # Neo4j's default array delimiter, used in every flat format
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def _load_query(name: str) -> str:
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
    url: str | None = None
    published: str | None = None

    def merge_key(self) -> tuple[object, ...]:
        roles = tuple(sorted((role, tuple(sorted(orgs))) for role, orgs in self.roles.items()))
        return (self.fact_type, roles, self.amount, self.currency, self.qualifier, self.low,
                self.watts, self.duration, self.metric)  # fmt: skip


def _read_facts(store: Store) -> list[_Fact]:
    result = store.query(_load_query("network-facts.rq"))
    names = result.variables()
    facts: dict[str, _Fact] = {}
    for values in result.rows():
        row = dict(zip(names, values))
        fact = facts.get(row["fact"] or "")
        if fact is None:
            fact = facts[row["fact"] or ""] = _Fact(row["fact"] or "", row["type"] or "")
            for name in ("amount", "low", "watts"):
                if row[name] is not None:
                    setattr(fact, name, Decimal(row[name]))
            for name in ("currency", "qualifier", "duration", "metric", "url", "published"):
                setattr(fact, name, row[name])
        fact.roles.setdefault(row["role"] or "", set()).add(row["org"] or "")
    return list(facts.values())


def _read_organizations(store: Store) -> dict[str, dict[str, Any]]:
    result = store.query(_load_query("network-organizations.rq"))
    names = result.variables()
    orgs: dict[str, dict[str, Any]] = {}
    for values in result.rows():
        row = dict(zip(names, values))
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
    urls = sorted({f.url for f in group if f.url})
    dates = sorted(f.published for f in group if f.published)
    attrs: dict[str, Any] = {
        "fact_type": first.fact_type,
        "label": _edge_label(first),
        "status": "reported",
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
        graph = graph.subgraph(near).copy()
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


# ---------------------------------------------------------------------------------------------
# Writers


def _flat(value: Any) -> Any:
    return LIST_SEPARATOR.join(value) if isinstance(value, list) else value


def flat_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose list attributes are joined with ``;``, for formats of scalar attributes."""
    flat = nx.MultiDiGraph(**graph.graph)
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **{k: _flat(v) for k, v in attrs.items()})
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key, **{k: _flat(v) for k, v in attrs.items()})
    return flat


def write_graphml(graph: nx.MultiDiGraph, output: BinaryIO) -> None:
    """GraphML with typed keys named after the attributes (Gephi, Cytoscape, yEd)."""
    nx.write_graphml(flat_copy(graph), output, named_key_ids=True)


def write_gexf(graph: nx.MultiDiGraph, output: BinaryIO) -> None:
    """GEXF 1.2, Gephi's own format; node and edge ``label`` become GEXF labels."""
    flat = flat_copy(graph)
    flat.graph.pop("name", None)  # GEXF has no graph name; networkx would write it as "mode"
    nx.write_gexf(flat, output)


def write_node_link(graph: nx.MultiDiGraph, output: BinaryIO) -> None:
    """networkx node-link JSON (``nodes`` and ``edges``); lists stay JSON arrays."""
    data = nx.node_link_data(graph, edges="edges")
    output.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


NODE_COLUMNS = (
    ("id:ID", None), (":LABEL", None), ("name", "label"), ("aliases:string[]", "aliases"),
    ("wikidata", "wikidata"), ("sector", "sector"), ("parent", "parent"),
    ("roles:string[]", "roles"), ("role", "role"), ("invested_usd:double", "invested_usd"),
    ("received_usd:double", "received_usd"), ("money_usd:double", "money_usd"),
)  # fmt: skip
EDGE_COLUMNS = (
    (":START_ID", None), (":END_ID", None), (":TYPE", None), ("fact_type", "fact_type"),
    ("label", "label"), ("amount:double", "amount"), ("currency", "currency"),
    ("qualifier", "qualifier"), ("range_low:double", "range_low"),
    ("amount_usd:double", "amount_usd"), ("capacity_w:double", "capacity_w"),
    ("duration", "duration"), ("metric", "metric"), ("date:date", "date"), ("status", "status"),
    ("sources:int", "sources"), ("co_investors:int", "co_investors"),
    ("source_urls:string[]", "source_urls"), ("facts:string[]", "facts"),
)  # fmt: skip


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value) if not value.is_integer() else str(int(value))
    return str(_flat(value))


def write_csv(graph: nx.MultiDiGraph, directory: Path) -> list[Path]:
    """``nodes.csv`` and ``edges.csv`` with the headers of ``neo4j-admin database import``.

    Nodes get the label ``Organization``; relationship types are the fact types in upper
    case (``INVESTMENT``); list columns use ``;``, Neo4j's default array delimiter.

    Raises:
        ConfigError: when ``directory`` is an existing file.
    """
    if directory.exists() and not directory.is_dir():
        raise ConfigError(f"{directory}: csv writes nodes.csv and edges.csv; give a directory, not a file")
    directory.mkdir(parents=True, exist_ok=True)
    nodes_path, edges_path = directory / "nodes.csv", directory / "edges.csv"
    with nodes_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([header for header, _ in NODE_COLUMNS])
        for node, attrs in graph.nodes(data=True):
            fixed = {"id:ID": node, ":LABEL": "Organization"}
            writer.writerow([fixed.get(h) or _csv_value(attrs.get(name or "")) for h, name in NODE_COLUMNS])
    with edges_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow([header for header, _ in EDGE_COLUMNS])
        for source, target, attrs in graph.edges(data=True):
            fixed = {":START_ID": source, ":END_ID": target, ":TYPE": attrs["fact_type"].upper()}
            writer.writerow([fixed.get(h) or _csv_value(attrs.get(name or "")) for h, name in EDGE_COLUMNS])
    return [nodes_path, edges_path]


# ---------------------------------------------------------------------------------------------
# RDF


def _compact_iri(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(iri) > len(namespace) and not iri[len(namespace):].startswith("//"):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def _compact(node: Any) -> Any:
    """Expanded JSON-LD with its IRIs written as prefixed names of ``PREFIXES``."""
    if isinstance(node, list):
        return [_compact(item) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in ("@id", "@type") and isinstance(value, str):
            out[key] = _compact_iri(value)
        elif key == "@type" and isinstance(value, list):
            out[key] = [_compact_iri(v) for v in value]
        elif key == PREFIXES["rdf"] + "type" and isinstance(value, list) and all("@id" in v for v in value):
            out["@type"] = [_compact_iri(v["@id"]) for v in value]
        elif key.startswith("@"):
            out[key] = _compact(value)
        else:
            out[_compact_iri(key)] = _compact(value)
    return out


def jsonld_with_context(expanded: bytes) -> bytes:
    """Expanded JSON-LD in, the same data with an ``@context`` of dealgraph's prefixes out.

    >>> jsonld_with_context(b'[{"@id": "https://schema.org/x", "https://schema.org/name": [{"@value": "X"}]}]')[:40]
    b'{"@context": {"dg": "https://w3id.org/de'
    """
    document = {"@context": dict(PREFIXES), "@graph": _compact(json.loads(expanded))}
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _fact_quads(store: Store, facts: set[str]) -> Dataset:
    raw = store.query(_load_query("fact-quads.rq")).serialize("json")
    dataset = Dataset()
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    for row in Result.parse(io.BytesIO(raw), format="json"):
        if str(row["fact"]) in facts:
            dataset.graph(row["g"]).add((row["s"], row["p"], row["o"]))
    return dataset


def _write_rdf_subset(store: Store, facts: set[str], fmt: str, output: BinaryIO) -> None:
    with warnings.catch_warnings():
        # rdflib's own TriG, N-Quads and JSON-LD serialisers call its deprecated
        # Dataset.contexts/default_context; the warning is about rdflib, not this code.
        warnings.filterwarnings("ignore", category=DeprecationWarning, module=r"rdflib\.")
        _serialize_subset(_fact_quads(store, facts), fmt, output)


def _serialize_subset(dataset: Dataset, fmt: str, output: BinaryIO) -> None:
    if fmt in ("nq", "trig"):
        output.write(dataset.serialize(format="nquads" if fmt == "nq" else "trig", encoding="utf-8"))
        return
    if fmt == "jsonld":
        output.write(jsonld_with_context(dataset.serialize(format="json-ld", encoding="utf-8")))
        return
    union = Graph()
    for prefix, namespace in PREFIXES.items():
        union.bind(prefix, namespace)
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    output.write(union.serialize(format="nt" if fmt == "nt" else "turtle", encoding="utf-8"))


def write_rdf(store: Store, fmt: str, output: BinaryIO, facts: Iterable[str] | None = None) -> None:
    """The stored RDF in ``fmt`` (ttl, nt, nq, trig or jsonld).

    Args:
        facts: the IRIs of the facts to write, with their figures, evidence, articles and
            organisations; None writes the whole store (streamed by Oxigraph).

    ``nq``, ``trig`` and ``jsonld`` keep each article's named graph; ``ttl`` and ``nt`` write
    the union of the graphs.
    """
    if fmt not in RDF_FORMATS:
        raise ConfigError(f"{fmt!r} is not an RDF format; choose one of {', '.join(RDF_FORMATS)}")
    if facts is not None:
        _write_rdf_subset(store, set(facts), fmt, output)
    elif fmt == "jsonld":
        buffer = io.BytesIO()
        store.dump("jsonld", buffer)
        output.write(jsonld_with_context(buffer.getvalue()))
    else:
        store.dump(fmt, output)


def export(store: Store, fmt: str, output: BinaryIO | Path | None, selection: Selection | None = None) -> list[Path]:
    """Write the deal network or its RDF in ``fmt``; the one function behind ``dealgraph export``.

    Args:
        store: an open store.
        fmt: one of ``FORMATS``.
        output: a binary stream, or a path (a directory for ``csv``); None is only allowed
            for formats other than csv and means the caller passes a stream instead.
        selection: filters; None keeps everything.

    Returns:
        The files written (empty when writing to a stream).

    Raises:
        ConfigError: for an unknown format, or csv without a directory.
        QueryError: when reading the store fails or the company is unknown.
        StoreError: when dumping the store fails.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    selection = selection or Selection()
    if fmt == "csv":
        if not isinstance(output, Path):
            raise ConfigError("csv writes two files, nodes.csv and edges.csv: give -o DIRECTORY")
        return write_csv(to_networkx(store, selection), output)
    if output is None:
        raise ConfigError(f"no output given for {fmt}")
    if isinstance(output, Path):
        output.parent.mkdir(parents=True, exist_ok=True)
        with output.open("wb") as handle:
            export(store, fmt, handle, selection)
        return [output]
    if fmt in RDF_FORMATS:
        facts = None
        if selection != Selection():
            graph = to_networkx(store, selection)
            facts = {iri for _, _, found in graph.edges(data="facts") for iri in found}
        write_rdf(store, fmt, output, facts)
        return []
    writer = {"graphml": write_graphml, "gexf": write_gexf, "json": write_node_link}[fmt]
    writer(to_networkx(store, selection), output)
    return []


# ---------------------------------------------------------------------------------------------
# Summaries and tables


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


def query_dataframe(store: Store, sparql: str) -> Any:
    """A SELECT query's answer as a pandas DataFrame, one column per variable.

    Numbers become numbers (``xsd:integer`` as int, ``xsd:decimal``/``double`` as float),
    ``xsd:date``/``dateTime`` become pandas timestamps, everything else text; unbound is NA.

    Raises:
        ConfigError: when pandas is not installed (``pip install 'dealgraph[pandas]'``).
        QueryError: for an invalid query or one that is not a SELECT.
    """
    try:
        import pandas
    except ImportError as exc:
        raise ConfigError("query_dataframe needs pandas: pip install 'dealgraph[pandas]'") from exc
    result = store.query(sparql)
    if result.kind != "select":
        raise QueryError(f"query_dataframe needs a SELECT query; this one is {result.kind.upper()}")
    data = json.loads(result.serialize("json"))
    columns = data["head"]["vars"]
    xsd = PREFIXES["xsd"]
    kinds: dict[str, set[str]] = defaultdict(set)
    records = []
    for binding in data["results"]["bindings"]:
        record: dict[str, Any] = {}
        for name in columns:
            term = binding.get(name)
            if term is None:
                continue
            datatype = term.get("datatype", "")
            kinds[name].add(datatype)
            record[name] = term["value"]
        records.append(record)
    frame = pandas.DataFrame.from_records(records, columns=columns)
    for name in columns:
        types = kinds[name]
        if types == {xsd + "integer"}:
            frame[name] = pandas.to_numeric(frame[name]).astype("Int64")
        elif types and types <= {xsd + t for t in ("integer", "decimal", "double", "float")}:
            frame[name] = pandas.to_numeric(frame[name]).astype(float)
        elif types and types <= {xsd + "date", xsd + "dateTime"}:
            frame[name] = pandas.to_datetime(frame[name])
    return frame

