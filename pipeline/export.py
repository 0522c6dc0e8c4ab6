"""Writers for the deal network and the stored RDF: what ``dealgraph export`` produces.

Network formats (GraphML, GEXF, node-link JSON, Neo4j CSV) are written from the networkx view
of ``pipeline.network``; RDF formats (Turtle, N-Triples, N-Quads, TriG, JSON-LD) are written by
Oxigraph from the store, whole or only the selected facts. ``query_dataframe`` turns SPARQL
answers into pandas DataFrames when pandas is installed.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, BinaryIO, Iterable

import networkx as nx

from pipeline.errors import ConfigError, QueryError
from pipeline.network import Selection, load_query, to_networkx
from pipeline.store import PREFIXES, Store

logger = logging.getLogger(__name__)

NETWORK_FORMATS = ("graphml", "gexf", "json", "csv")
RDF_FORMATS = ("ttl", "nt", "nq", "trig", "jsonld")
FORMATS = NETWORK_FORMATS + RDF_FORMATS
LIST_SEPARATOR = ";"  # Neo4j's default array delimiter, used in every flat format
_PLAIN_IRI = re.compile(r"[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]+")


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
    ("figures:string[]", "figures"),
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


QUAD_QUERIES = ("fact-quads.rq", "fact-linked-quads.rq", "fact-organization-quads.rq")
INSERT_BATCH = 500  # graphs per update of the scratch store


def _write_rdf_subset(store: Store, facts: set[str], fmt: str, output: BinaryIO) -> None:
    """The quads describing ``facts``, copied into a scratch store and written by Oxigraph."""
    # The fact IRIs come from the store itself; each is checked to be a plain IRI before it
    # goes into the queries' trailing VALUES block, which restricts them to the kept facts.
    bad = next((iri for iri in facts if not _PLAIN_IRI.fullmatch(iri)), None)
    if bad is not None:
        raise QueryError(f"cannot select fact {bad!r}: not an IRI")
    values = "VALUES ?fact {\n" + "\n".join(f"<{iri}>" for iri in sorted(facts)) + "\n}"
    graphs: dict[str, set[str]] = defaultdict(set)
    for query in QUAD_QUERIES:
        # W3C TSV results write each term in SPARQL/Turtle syntax, so a row's terms go
        # straight back into an INSERT DATA block: no term is rebuilt from text.
        table = store.query(load_query(query) + values).serialize("tsv").decode("utf-8")
        for line in table.splitlines()[1:]:
            subject, predicate, value, graph = line.split("\t")
            graphs[graph[1:-1]].add(f"{subject} {predicate} {value} .")
    names = sorted(graphs)
    with tempfile.TemporaryDirectory(prefix="dealgraph-export-") as scratch:
        with Store(Path(scratch) / "store") as subset:
            for start in range(0, len(names), INSERT_BATCH):
                batch = {name: "\n".join(sorted(graphs[name])) for name in names[start : start + INSERT_BATCH]}
                subset.write(batch)
            if fmt == "jsonld":
                buffer = io.BytesIO()
                subset.dump("jsonld", buffer)
                output.write(jsonld_with_context(buffer.getvalue()))
            else:
                subset.dump(fmt, output)


def write_rdf(store: Store, fmt: str, output: BinaryIO, facts: Iterable[str] | None = None) -> None:
    """The stored RDF in ``fmt`` (ttl, nt, nq, trig or jsonld).

    Args:
        facts: the IRIs of the facts to write, with their figures, evidence, articles and
            organisations; None writes the whole store. Either way Oxigraph writes the RDF.

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

