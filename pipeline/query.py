"""SPARQL in, formatted answers out: tables for people, W3C result formats for programs."""

from __future__ import annotations

from rdflib import Graph

from pipeline.errors import QueryError
from pipeline.store import PREFIXES, QueryResult, Store

FORMATS = ("table", "csv", "tsv", "json", "xml")


def prefixed_name(value: str | None) -> str:
    """An IRI as a prefixed name when one of the default prefixes fits; "" for None.

    >>> prefixed_name("https://w3id.org/dealgraph/ontology#Investment")
    'dg:Investment'
    >>> prefixed_name("https://example.com/x")
    'https://example.com/x'
    """
    if value is None:
        return ""
    for prefix, namespace in PREFIXES.items():
        if value.startswith(namespace) and len(value) > len(namespace):
            return f"{prefix}:{value[len(namespace):]}"
    return value


def format_table(result: QueryResult) -> str:
    """SELECT rows as an aligned text table; IRIs of known namespaces written as prefixed names."""
    header = result.variables()
    rows = [[prefixed_name(cell) for cell in row] for row in result.rows()]
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _turtle(result: QueryResult) -> str:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    graph.parse(data=result.ntriples().decode("utf-8"), format="nt")
    return graph.serialize(format="turtle")


def run_query(store: Store, sparql: str, fmt: str = "table") -> str:
    """Run ``sparql`` on ``store`` and format the answer.

    SELECT and ASK answers come as ``fmt``: ``table``, or the W3C SPARQL 1.1 results formats
    ``json``, ``xml``, ``csv`` and ``tsv``. CONSTRUCT and DESCRIBE answers are Turtle whatever
    ``fmt`` says.

    Raises:
        QueryError: for an invalid query, an unknown format, or a failure while running.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    result = store.query(sparql)
    if result.kind == "graph":
        return _turtle(result)
    if fmt == "table":
        if result.kind == "ask":
            return "true\n" if result.boolean else "false\n"
        return format_table(result)
    return result.serialize(fmt).decode("utf-8")
