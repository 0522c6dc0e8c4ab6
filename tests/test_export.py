"""The deal network and its export formats, each read back with networkx or rdflib."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, Literal, URIRef

import pipeline
from pipeline.cli import main
from pipeline.config import Settings
from pipeline.errors import ConfigError, QueryError
from pipeline.export import FORMATS, export, query_dataframe
from pipeline.network import Selection, format_stats, graph_stats, parse_types, to_networkx
from pipeline.ingest import ingest
from pipeline.store import Store

from .conftest import CORPUS

# rdflib's own parsers call its deprecated ConjunctiveGraph and Dataset.default_context.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

ORG = "https://w3id.org/dealgraph/org/"
DG = "https://w3id.org/dealgraph/ontology#"
PAGES = ["microsoft-nvidia-anthropic-2025", "mistral-asml-2025", "anthropic-series-f-2025"]
SEAGEN = (
    "Pfizer agrees to buy Seagen\n\n"
    "Pfizer agreed to buy Seagen for $43 billion in cash, the drugmaker said on Monday, "
    "adding cancer treatments to its portfolio.\n"
)


@pytest.fixture(scope="module")
def deals(tmp_path_factory: pytest.TempPathFactory, nlp) -> Store:
    """Three corpus articles, and one short story reported by two sources (.txt pages)."""
    folder = tmp_path_factory.mktemp("deals")
    for name in ("wire-a.txt", "wire-b.txt"):
        (folder / name).write_text(SEAGEN, encoding="utf-8")
    sources = [str(CORPUS / "dev" / f"{page}.html") for page in PAGES] + [str(folder / "wire-a.txt"), str(folder / "wire-b.txt")]
    location = folder / "store"
    with Store(location) as opened:
        report = ingest(sources, opened, Settings(store=str(location)), nlp=nlp)
        assert not report.failed, report.failed
    with Store(location, read_only=True) as opened:
        yield opened


@pytest.fixture(scope="module")
def network(deals: Store) -> nx.MultiDiGraph:
    return to_networkx(deals)


def _edges(graph: nx.MultiDiGraph, source: str, target: str, kind: str) -> list[dict]:
    found = graph.get_edge_data(ORG + source, ORG + target, default={})
    return [attrs for attrs in found.values() if attrs["fact_type"] == kind]


def _term(term: object) -> object:
    """Literals by value and datatype: "5000000000.0" and "5000000000" are one decimal."""
    if isinstance(term, Literal):
        return ("literal", term.toPython(), term.datatype, term.language)
    return term


def _quads(dataset: Dataset) -> set[tuple]:
    return {(s, p, _term(o), g) for s, p, o, g in dataset.quads()}


# ---------------------------------------------------------------------------------------------
# the network view


def test_public_api_returns_the_network(deals: Store) -> None:
    graph = pipeline.to_networkx(deals)
    assert isinstance(graph, nx.MultiDiGraph)
    assert {ORG + "anthropic", ORG + "microsoft", ORG + "mistral-ai", ORG + "pfizer"} <= set(graph)


def test_organisations_are_nodes_with_names_identity_and_totals(network: nx.MultiDiGraph) -> None:
    anthropic = network.nodes[ORG + "anthropic"]
    assert anthropic["label"] == "Anthropic"
    assert anthropic["wikidata"] == "Q116758847"
    assert isinstance(anthropic["aliases"], list)
    # up to $5B (Microsoft) + up to $10B (Nvidia) + the $13B Series F
    assert anthropic["received_usd"] == 28e9
    assert anthropic["role"] == "several"  # receives investment, pledges cloud spending
    microsoft = network.nodes[ORG + "microsoft"]
    assert microsoft["invested_usd"] == 5e9
    assert microsoft["money_usd"] == 35e9  # and the $30B Azure pledge it receives
    assert set(microsoft["roles"]) == {"investor", "provider"}
    mistral = network.nodes[ORG + "mistral-ai"]
    assert mistral["received_usd"] == 0.0  # euros are not converted


def test_facts_are_edges_along_the_money(network: nx.MultiDiGraph) -> None:
    (investment,) = _edges(network, "microsoft", "anthropic", "Investment")
    assert investment["label"] == "up to $5B"
    assert investment["amount"] == 5e9 and investment["currency"] == "USD" and investment["amount_usd"] == 5e9
    assert investment["qualifier"] == "up to"
    assert investment["date"] == "2025-11-18"
    assert investment["status"] == "announced"  # "Microsoft will invest up to $5bn in Anthropic."
    assert investment["sources"] == 1
    assert investment["source_urls"] == ["https://www.ledgerline.example/technology/2025/11/18/microsoft-nvidia-anthropic-investment"]
    (pledge,) = _edges(network, "anthropic", "microsoft", "CloudCommitment")
    assert pledge["label"] == "$30B"
    (compute,) = _edges(network, "microsoft", "anthropic", "ComputeCommitment")
    assert compute["capacity_w"] == 1e9 and compute["label"] == "up to 1 GW"
    assert "amount" not in compute


def test_a_round_is_one_edge_per_investor_sharing_one_key(network: nx.MultiDiGraph) -> None:
    round_edges = [(u, k) for u, v, k, a in network.edges(keys=True, data=True)
                   if v == ORG + "mistral-ai" and a.get("label") == "€1.7B"]  # fmt: skip
    assert len(round_edges) == 8
    assert len({k for _, k in round_edges}) == 1
    assert ORG + "asml" in {u for u, _ in round_edges}
    assert all(network.edges[u, ORG + "mistral-ai", k]["co_investors"] == 8 for u, k in round_edges)


def test_one_organisation_facts_are_self_loops(network: nx.MultiDiGraph) -> None:
    (valuation,) = _edges(network, "mistral-ai", "mistral-ai", "Valuation")
    assert valuation["label"] == "valued €11.7B" and valuation["currency"] == "EUR"
    assert "amount_usd" not in valuation
    labels = {a["label"] for a in _edges(network, "anthropic", "anthropic", "Valuation")}
    assert "valued $183B" in labels


def test_the_same_fact_from_two_articles_is_one_edge(network: nx.MultiDiGraph) -> None:
    (deal,) = _edges(network, "pfizer", "seagen", "Acquisition")
    assert deal["label"] == "$43B"
    assert deal["sources"] == 2
    assert len(deal["source_urls"]) == 2 and len(deal["facts"]) == 1  # one fact in the store (resolve.py)
    assert all(url.endswith(("wire-a.txt", "wire-b.txt")) for url in deal["source_urls"])


# ---------------------------------------------------------------------------------------------
# filters


def test_filter_by_type(deals: Store) -> None:
    graph = to_networkx(deals, types=("Acquisition",))
    assert {a["fact_type"] for _, _, a in graph.edges(data=True)} == {"Acquisition"}
    assert set(graph) == {ORG + "pfizer", ORG + "seagen"}


def test_filter_by_dates_drops_undated_facts(deals: Store) -> None:
    graph = to_networkx(deals, since=date(2025, 9, 5), until=date(2025, 12, 31))
    assert {a["date"] for _, _, a in graph.edges(data=True)} == {"2025-11-18", "2025-09-09"}
    assert ORG + "seagen" not in graph  # the .txt pages have no date


def test_filter_by_usd_compares_only_dollars(deals: Store) -> None:
    graph = to_networkx(deals, min_usd=10e9)
    amounts = {a["amount_usd"] for _, _, a in graph.edges(data=True)}
    assert min(amounts) >= 10e9 and 43e9 in amounts
    assert ORG + "mistral-ai" not in graph


def test_company_neighbourhood_by_depth(deals: Store) -> None:
    alone = to_networkx(deals, company="anthropic PBC", depth=0)  # an alias, any case
    assert set(alone) == {ORG + "anthropic"}
    assert alone.number_of_edges() >= 3  # its valuations and revenue figures
    near = to_networkx(deals, company="Anthropic", depth=1)
    assert {ORG + "microsoft", ORG + "nvidia", ORG + "iconiq"} <= set(near)
    assert ORG + "mistral-ai" not in near
    far = to_networkx(deals, company="Anthropic", depth=2)
    assert ORG + "mistral-ai" in far  # through Nvidia and Lightspeed
    assert ORG + "pfizer" not in far
    # in the whole network's order, not a set's (which changes from run to run, and with it
    # every picture drawn of a neighbourhood)
    assert list(far) == [node for node in to_networkx(deals) if node in far]


def test_bad_filters_are_named(deals: Store) -> None:
    with pytest.raises(QueryError, match=r"no organisation named 'Anthropc' in the store; did you mean Anthropic\?"):
        to_networkx(deals, company="Anthropc")
    with pytest.raises(ConfigError, match="'Merger' is not a fact type; choose from Investment"):
        parse_types("Investment,Merger")
    with pytest.raises(ConfigError, match="since 2025-02-01 is after until 2025-01-01"):
        Selection(since=date(2025, 2, 1), until=date(2025, 1, 1))
    assert parse_types("investment, ACQUISITION") == ("Investment", "Acquisition")


# ---------------------------------------------------------------------------------------------
# network formats, read back


def _same_network(read: nx.MultiDiGraph, network: nx.MultiDiGraph) -> None:
    assert set(read) == set(network)
    assert set(read.edges(keys=True)) == set(network.edges(keys=True))
    for node, attrs in network.nodes(data=True):
        assert read.nodes[node]["label"] == attrs["label"]
        assert read.nodes[node]["received_usd"] == attrs["received_usd"]


def test_graphml_has_typed_keys(deals: Store, network: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "deals.graphml"
    export(deals, "graphml", path)
    read = nx.read_graphml(path)
    assert isinstance(read, nx.MultiDiGraph)
    _same_network(read, network)
    edge = next(a for u, v, a in read.edges(data=True) if (u, v) == (ORG + "microsoft", ORG + "anthropic") and a["fact_type"] == "Investment")
    assert edge["amount"] == 5e9 and isinstance(edge["sources"], int)
    assert edge["source_urls"].startswith("https://www.ledgerline.example/")
    text = path.read_text(encoding="utf-8")
    assert '<key id="amount" for="edge" attr.name="amount" attr.type="double"' in text
    assert '<key id="sources" for="edge" attr.name="sources" attr.type="long"' in text or \
        '<key id="sources" for="edge" attr.name="sources" attr.type="int"' in text


def test_gexf_opens_with_labels(deals: Store, network: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "deals.gexf"
    export(deals, "gexf", path)
    read = nx.read_gexf(path)
    _same_network(read, network)
    assert read.nodes[ORG + "anthropic"]["label"] == "Anthropic"
    pledge = next(a for u, v, a in read.edges(data=True) if a["fact_type"] == "CloudCommitment")
    assert pledge["label"] == "$30B" and pledge["amount"] == 30e9


def test_node_link_json_keeps_lists(deals: Store, network: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = tmp_path / "deals.json"
    export(deals, "json", path)
    read = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    _same_network(read, network)
    (deal,) = [a for _, _, a in read.edges(data=True) if a["fact_type"] == "Acquisition"]
    assert deal["sources"] == 2 and len(deal["source_urls"]) == 2


def test_csv_for_neo4j_import(deals: Store, network: nx.MultiDiGraph, tmp_path: Path) -> None:
    written = export(deals, "csv", tmp_path / "neo4j")
    assert [p.name for p in written] == ["nodes.csv", "edges.csv"]
    with written[0].open(encoding="utf-8") as handle:
        nodes = list(csv.DictReader(handle))
    with written[1].open(encoding="utf-8") as handle:
        edges = list(csv.DictReader(handle))
    assert list(nodes[0])[:3] == ["id:ID", ":LABEL", "name"]
    assert list(edges[0])[:3] == [":START_ID", ":END_ID", ":TYPE"]
    read = nx.MultiDiGraph()
    read.add_nodes_from((row["id:ID"], {"label": row["name"], "received_usd": float(row["received_usd:double"])}) for row in nodes)
    for row in edges:
        read.add_edge(row[":START_ID"], row[":END_ID"], key=row["facts:string[]"].split(";")[0])
    _same_network(read, network)
    assert {row[":LABEL"] for row in nodes} == {"Organization"}
    round_row = next(row for row in edges if row["co_investors:int"] == "8")
    assert round_row[":TYPE"] == "INVESTMENT" and round_row["amount:double"] == "1700000000"
    assert round_row["date:date"] == "2025-09-09"
    seagen = next(row for row in edges if row[":TYPE"] == "ACQUISITION")
    assert len(seagen["source_urls:string[]"].split(";")) == 2
    with pytest.raises(ConfigError, match="csv writes two files"):
        export(deals, "csv", io.BytesIO())


# ---------------------------------------------------------------------------------------------
# RDF formats, read back


@pytest.fixture(scope="module")
def stored_quads(deals: Store, tmp_path_factory: pytest.TempPathFactory) -> set[tuple]:
    path = tmp_path_factory.mktemp("nq") / "all.nq"
    export(deals, "nq", path)
    dataset = Dataset()
    dataset.parse(path, format="nquads")
    return _quads(dataset)


@pytest.mark.parametrize("fmt, parser", [("trig", "trig"), ("jsonld", "json-ld")])
def test_dataset_formats_keep_named_graphs(deals: Store, stored_quads: set, tmp_path: Path, fmt: str, parser: str) -> None:
    path = tmp_path / f"all.{fmt}"
    export(deals, fmt, path)
    dataset = Dataset()
    dataset.parse(path, format=parser)
    assert _quads(dataset) == stored_quads
    graphs = {g for *_, g in stored_quads}
    assert URIRef("https://w3id.org/dealgraph/graph/organizations") in graphs
    assert URIRef("https://w3id.org/dealgraph/graph/deals") in graphs
    assert len(graphs) == 2 + 5 + 5  # organisations, deals, and each article with its manifest record
    assert len(stored_quads) == len(deals)


def test_jsonld_has_a_context(deals: Store, tmp_path: Path) -> None:
    path = tmp_path / "all.jsonld"
    export(deals, "jsonld", path)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["@context"]["dg"] == DG
    text = path.read_text(encoding="utf-8")
    assert '"dg:investor"' in text and '"dg:Investment"' in text


@pytest.mark.parametrize("fmt, parser", [("ttl", "turtle"), ("nt", "nt")])
def test_triple_formats_hold_the_union(deals: Store, stored_quads: set, tmp_path: Path, fmt: str, parser: str) -> None:
    path = tmp_path / f"all.{fmt}"
    export(deals, fmt, path)
    graph = Graph()
    graph.parse(path, format=parser)
    assert {(s, p, o) for s, p, o, _ in _quads_of(graph)} == {(s, p, o) for s, p, o, _ in stored_quads}


def _quads_of(graph: Graph) -> set[tuple]:
    return {(s, p, _term(o), None) for s, p, o in graph}


@pytest.mark.parametrize("fmt, parser", [("nq", "nquads"), ("trig", "trig"), ("jsonld", "json-ld"), ("ttl", "turtle"), ("nt", "nt")])
def test_filtered_rdf_holds_only_the_kept_facts(deals: Store, stored_quads: set, tmp_path: Path, fmt: str, parser: str) -> None:
    path = tmp_path / f"valuations.{fmt}"
    export(deals, fmt, path, Selection(types=("Valuation",)))
    dataset = Dataset()
    dataset.parse(path, format=parser)
    quads = _quads(dataset)
    assert quads and {(s, p, o) for s, p, o, _ in quads} <= {(s, p, o) for s, p, o, _ in stored_quads}
    rdf_type = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    kinds = {o for s, p, o, _ in quads if p == rdf_type and str(o).startswith(DG) and "/fact/" in str(s)}
    assert kinds == {URIRef(DG + "Valuation"), URIRef(DG + "Fact")}
    labels = {o[1] for _, p, o, _ in quads if p == URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")}
    assert {"Anthropic", "Mistral AI"} <= labels and "Pfizer" not in labels
    assert any(p == URIRef(DG + "sentence") for _, p, _, _ in quads)  # the evidence comes along
    if fmt in ("nq", "trig", "jsonld"):
        assert URIRef("https://w3id.org/dealgraph/graph/organizations") in {g for *_, g in quads}


# ---------------------------------------------------------------------------------------------
# stats, data frames, the command line


def test_stats_count_facts_once_and_rank_by_dollars(network: nx.MultiDiGraph) -> None:
    stats = graph_stats(network, top=3)
    assert stats.facts["Investment"] == len({k for *_, k, a in network.edges(keys=True, data="fact_type") if a == "Investment"})
    assert stats.facts["Acquisition"] == 1
    assert stats.recipients[0] == ("Seagen", 43e9, 1)
    assert ("Anthropic", 28e9, 3) in stats.recipients  # Microsoft, Nvidia, the Series F
    text = format_stats(stats)
    assert "fact type" in text and "top investors" in text and "$43B" in text


def test_query_dataframe_types_columns(deals: Store) -> None:
    pandas = pytest.importorskip("pandas")
    frame = query_dataframe(deals, "SELECT ?name ?value ?day WHERE { ?f dg:amount/schema:value ?value ; "
                                   "prov:wasDerivedFrom/schema:datePublished ?day ; (dg:investee|dg:company)/skos:prefLabel ?name }")  # fmt: skip
    assert list(frame.columns) == ["name", "value", "day"]
    assert pandas.api.types.is_float_dtype(frame["value"])
    assert pandas.api.types.is_datetime64_any_dtype(frame["day"])
    assert 13e9 in set(frame.loc[frame["name"] == "Anthropic", "value"])
    with pytest.raises(QueryError, match="needs a SELECT query; this one is ASK"):
        query_dataframe(deals, "ASK { ?s ?p ?o }")


def test_query_dataframe_without_pandas_says_what_to_install(deals: Store, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ConfigError, match=r"pip install 'dealgraph\[pandas\]'"):
        query_dataframe(deals, "SELECT ?s WHERE { ?s ?p ?o }")


def test_cli_export_stats(deals: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    store = str(deals.location)
    result = runner.invoke(main, ["export", "--store", store, "--type", "investment", "-o", str(tmp_path / "i.graphml")])
    assert result.exit_code == 0, result.output
    assert {a["fact_type"] for *_, a in nx.read_graphml(tmp_path / "i.graphml").edges(data=True)} == {"Investment"}
    result = runner.invoke(main, ["export", "--store", store, "--format", "nt", "--company", "Pfizer"])
    assert result.exit_code == 0
    assert len(Graph().parse(data=result.stdout_bytes.decode(), format="nt")) > 10
    result = runner.invoke(main, ["export", "--store", store, "-o", str(tmp_path / "x.dat")])
    assert result.exit_code == 2 and "give --format" in result.output
    result = runner.invoke(main, ["export", "--store", store, "--format", "csv"])
    assert result.exit_code == 1 and "give -o DIRECTORY" in result.output
    result = runner.invoke(main, ["stats", "--store", store, "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["facts"]["Acquisition"] == 1
    result = runner.invoke(main, ["stats", "--store", store, "--company", "Nobody Inc"])
    assert result.exit_code == 1 and "no organisation named 'Nobody Inc'" in result.output


def test_every_format_is_offered() -> None:
    assert set(FORMATS) == {"graphml", "gexf", "json", "csv", "ttl", "nt", "nq", "trig", "jsonld"}


def test_filtered_rdf_keeps_the_provenance_of_deal_details(deals: Store, tmp_path: Path) -> None:
    path = tmp_path / "acquisitions.nq"
    export(deals, "nq", path, Selection(types=("Acquisition",)))
    dataset = Dataset()
    dataset.parse(path, format="nquads")
    quads = _quads(dataset)
    statuses = {(s, o) for s, p, o, _ in quads if p == URIRef(DG + "status")}
    assert statuses, "the corpus pages state a status for their acquisitions"
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    statements = {s for s, p, o, _ in quads if p == URIRef(rdf + "subject")}
    supported = {s for s, p, _, _ in quads if p == URIRef("http://www.w3.org/ns/prov#wasDerivedFrom") and s in statements}
    for fact, status in statuses:
        assert any(
            (st, URIRef(rdf + "subject"), fact) in {(s, p, o) for s, p, o, _ in quads}
            and (st, URIRef(rdf + "object"), status) in {(s, p, o) for s, p, o, _ in quads}
            for st in supported
        ), (fact, status)
