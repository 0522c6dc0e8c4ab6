"""Store benchmark: load rate and example-query latency, embedded Oxigraph vs rdflib.

Generates synthetic deal graphs in dealgraph's vocabulary, in the layout and proportions
`dealgraph ingest` writes for corpus/dev (what a deal is, with its deal details and investors as
`rdf:Statement`s, in the shared deals graph; what each article says in its own graph, with
its extraction run, provenance, evidence sentences and their Web Annotation selectors;
organisations in the shared organisations graph, a few named far more often than the rest; a
manifest graph per source; one report in ten is a second article about a deal already
generated, and one such report in ten gives a figure of its own) of the sizes asked for,
loads each into a fresh embedded Oxigraph store (`Store.load`: bulk-loaded and compacted) and,
up to --rdflib-max triples, into an rdflib in-memory Dataset, and, up to --remote-max triples,
into an Oxigraph server on 127.0.0.1 (`oxigraph serve --union-default-graph`, from the dev
extras) used through dealgraph's remote store, then times every query in ontology/queries/ (or
--queries DIR; median of --runs runs, every row read; all see the union of all graphs as the
default graph). Usage:

    .venv/bin/python bench/store.py --sizes 100000 1000000 10000000
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

import rdflib
import requests

from pipeline.remote_store import RemoteStore
from pipeline.store import PREFIXES, Store

ROOT = Path(__file__).resolve().parent.parent
DG = "https://w3id.org/dealgraph/ontology#"
SCHEMA = "https://schema.org/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = f"{RDF}type"
XSD = "http://www.w3.org/2001/XMLSchema#"
OA = "http://www.w3.org/ns/oa#"
BASE = "https://w3id.org/dealgraph/"
KINDS = [
    ("Investment", ("investor", "investee")),
    ("Acquisition", ("acquirer", "target")),
    ("Valuation", ("company",)),
    ("CloudCommitment", ("company", "provider")),
    ("Revenue", ("company",)),
    ("ComputeCommitment", ("company", "provider")),
]
KIND_WEIGHTS = [63, 91, 31, 7, 26, 5]
"""Facts of each kind in a store ingested from corpus/dev (the mix the generator follows)."""

FACTS_PER_ARTICLE = [17, 25, 24, 25, 10, 9, 2]
"""Articles of corpus/dev with 0, 1, … 6 facts."""

SECOND_REPORTS = 0.1
"""Share of reports that are a second article about a deal already generated."""

CONFLICTS = 0.1
"""Share of second reports that give a figure of their own (a conflicting figure)."""

DETAILS = {
    "status": 0.65,  # of facts; of those, 70% completed, 29% announced, 1% terminated
    "announced": 0.044,  # of facts
    "stake": 0.035,  # of acquisitions and investments
    "series": 0.31,  # of investments
    "lead": 0.48,  # of investments
    "round": 0.65,  # of valuations, when the article reports an investment
    "basis": 0.14,  # of valuations
}
"""Shares of facts with each deal detail (an ``rdf:Statement`` with its provenance) in a store
ingested from corpus/dev: 558 statements for 523 facts."""

NAMED = ["Anthropic", "OpenAI", "Microsoft", "Nvidia", "Google", "Amazon", "SoftBank Group", "Mistral AI"]
"""The most often named organisations of corpus/dev, most named first; the generated ones
follow them in popularity, so the queries about Anthropic have rows to find."""


def _quad(s: str, p: str, o: str, g: str) -> str:
    return f"{s} <{p}> {o} <{g}> .\n"


def _decimal(value: int) -> str:
    return f'"{value}"^^<{XSD}decimal>'


def write_dataset(path: Path, triples: int, seed: int = 7) -> int:
    """Write about ``triples`` quads as N-Quads, in the layout and proportions `dealgraph
    ingest` writes for corpus/dev; returns the number written.

    Per article: its graph (the article, publisher, extraction run, text, and for each fact it
    reports its provenance and evidence with Web Annotation selectors) and its manifest
    graph; per new fact: types, roles and figure in the shared deals graph; organisations in
    the shared organisations graph, some much more often named than others (weight
    1/(rank + 3), which gives corpus/dev's shares: the first organisation in about 6% of the
    roles, the first twelve in about 37%).
    """
    rng = random.Random(seed)
    organisations = max(50, triples // 200)
    orgs_graph = f"{BASE}graph/organizations"
    deals_graph = f"{BASE}graph/deals"
    org_weights = list(itertools.accumulate(1 / (rank + 3) for rank in range(organisations)))
    recent: list[tuple[str, str, str]] = []  # (fact, kind, figure) of recent new facts
    written = 0

    def put(s: str, p: str, o: str, g: str) -> None:
        nonlocal written
        out.write(_quad(s, p, o, g))
        written += 1

    def org() -> str:
        return f"<{BASE}org/o{rng.choices(range(organisations), cum_weights=org_weights)[0]}>"

    def figure(node: str, kind: str, graph: str) -> None:
        if kind == "ComputeCommitment":
            put(node, RDF_TYPE, f"<{SCHEMA}QuantitativeValue>", graph)
            put(node, f"{SCHEMA}value", _decimal(rng.randint(1, 50) * 10**8), graph)
            put(node, f"{SCHEMA}unitCode", '"WTT"', graph)
        else:
            put(node, RDF_TYPE, f"<{SCHEMA}MonetaryAmount>", graph)
            put(node, f"{SCHEMA}value", _decimal(rng.randint(1, 500) * 10**8), graph)
            currency = "USD" if rng.random() < 0.91 else rng.choice(["EUR", "GBP", "INR"])
            put(node, f"{SCHEMA}currency", f'"{currency}"', graph)
        if rng.random() < 0.24:
            put(node, f"{DG}qualifier", f'"{rng.choice(["about", "about", "up to", "more than"])}"', graph)

    def detail(fact: str, predicate: str, value: str, article: str, graph: str, key: str = "") -> None:
        # one value of each detail per fact; an investor's statement is keyed by the investor
        statement = f"<{fact[1:-1]}/{'party/' + key if key else 'detail/' + predicate}>"
        put(fact, f"{DG}{predicate}", value, deals_graph)
        put(statement, RDF_TYPE, f"<{RDF}Statement>", deals_graph)
        put(statement, f"{RDF}subject", fact, deals_graph)
        put(statement, f"{RDF}predicate", f"<{DG}{predicate}>", deals_graph)
        put(statement, f"{RDF}object", value, deals_graph)
        put(statement, f"{PROV}wasDerivedFrom", article, graph)

    def details(fact: str, kind: str, parties: list[str], investment: str, article: str, graph: str) -> None:
        """A new fact's deal details, in corpus/dev's shares (``DETAILS``)."""
        if rng.random() < DETAILS["status"]:
            stage = rng.choices(["Completed", "Announced", "Terminated"], weights=[70, 29, 1])[0]
            detail(fact, "status", f"<{DG}Deal{stage}>", article, graph)
        if rng.random() < DETAILS["announced"]:
            detail(fact, "announced", f'"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}"^^<{XSD}gYearMonth>', article, graph)
        if kind in ("Acquisition", "Investment") and rng.random() < DETAILS["stake"]:
            detail(fact, "stakePercent", _decimal(rng.randint(1, 99)), article, graph)
        if kind == "Investment" and rng.random() < DETAILS["series"]:
            detail(fact, "roundSeries", f'"{rng.choice("ABCDEFG")}"', article, graph)
        if kind == "Investment" and rng.random() < DETAILS["lead"]:
            detail(fact, "leadInvestor", rng.choice(parties), article, graph)
        if kind == "Valuation" and investment and rng.random() < DETAILS["round"]:
            detail(fact, "round", investment, article, graph)
        if kind == "Valuation" and rng.random() < DETAILS["basis"]:
            detail(fact, "valuationBasis", f"<{DG}{rng.choice(['PostMoney', 'PreMoney'])}>", article, graph)

    with path.open("w", encoding="utf-8") as out:
        for n in range(organisations):
            node = f"<{BASE}org/o{n}>"
            name = NAMED[n] if n < len(NAMED) else f"Org {n}"
            put(node, RDF_TYPE, f"<{DG}Organization>", orgs_graph)
            put(node, f"{SKOS}prefLabel", f'"{name}"', orgs_graph)
            if rng.random() < 0.3:
                put(node, f"{SKOS}altLabel", f'"{name} Inc."', orgs_graph)
            if rng.random() < 0.18:
                put(node, f"{DG}sector", '"ai-lab"', orgs_graph)
        article = 0
        while written < triples:
            graph = f"{BASE}article/a{article}"
            node = f"<{graph}>"
            run, text = f"<{graph}/extraction>", f"<{graph}/text>"
            day = f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            put(node, RDF_TYPE, f"<{SCHEMA}NewsArticle>", graph)
            put(node, f"{SCHEMA}url", f'"https://news.example/{article}"^^<{XSD}anyURI>', graph)
            put(node, f"{SCHEMA}headline", f'"Headline of article {article}"', graph)
            put(node, f"{SCHEMA}datePublished", f'"{day}"^^<{XSD}date>', graph)
            put(node, f"{SCHEMA}publisher", f"<{graph}/publisher>", graph)
            put(f"<{graph}/publisher>", RDF_TYPE, f"<{SCHEMA}Organization>", graph)
            put(f"<{graph}/publisher>", f"{SCHEMA}name", f'"Publisher {article % 40}"', graph)
            put(run, RDF_TYPE, f"<{DG}Extraction>", graph)
            put(run, RDF_TYPE, f"<{PROV}Activity>", graph)
            put(run, f"{DG}softwareVersion", '"0.1.0"', graph)
            put(run, f"{DG}model", '"en_core_web_sm 3.8.0"', graph)
            put(run, f"{PROV}used", node, graph)
            put(run, f"{PROV}endedAtTime", f'"2026-11-25T19:02:00Z"^^<{XSD}dateTime>', graph)
            put(text, f"{PROV}wasDerivedFrom", node, graph)
            reports = rng.choices(range(len(FACTS_PER_ARTICLE)), weights=FACTS_PER_ARTICLE)[0]
            reported: list[tuple[str, str, str]] = []
            investment = ""  # the article's latest new investment, a valuation's round
            for f in range(reports):
                if recent and rng.random() < SECOND_REPORTS:
                    # Another article reporting a stored deal: its provenance and evidence, and
                    # now and then a figure of its own (a conflicting figure).
                    fact, kind, value = rng.choice(recent)
                    if rng.random() < CONFLICTS:
                        value = f"<{fact[1:-1]}/figure/a{article}>"
                        put(fact, f"{DG}capacity" if kind == "ComputeCommitment" else f"{DG}amount", value, deals_graph)
                        figure(value, kind, deals_graph)
                else:
                    kind = rng.choices(KINDS, weights=KIND_WEIGHTS)[0][0]
                    roles = dict(KINDS)[kind]
                    fact = f"<{BASE}fact/a{article}f{f}>"
                    put(fact, RDF_TYPE, f"<{DG}{kind}>", deals_graph)
                    put(fact, RDF_TYPE, f"<{DG}Fact>", deals_graph)
                    parties = []
                    for role in roles:
                        many = role == "investor" and rng.random() < 0.2
                        for _ in range(rng.randint(2, 5) if many else 1):
                            parties.append(org())
                            if role == "investor":  # with its statement, as graph.py writes it
                                detail(fact, role, parties[-1], node, graph, key=parties[-1][1:-1].rsplit("/", 1)[1])
                            else:
                                put(fact, f"{DG}{role}", parties[-1], deals_graph)
                    value = f"<{fact[1:-1]}/figure/a{article}>"
                    link = f"{DG}capacity" if kind == "ComputeCommitment" else f"{DG}amount"
                    if kind != "Acquisition" or rng.random() > 0.04:
                        put(fact, link, value, deals_graph)
                        figure(value, kind, deals_graph)
                    else:
                        value = ""
                    if kind == "Revenue" and rng.random() < 0.73:
                        put(fact, f"{DG}metric", f'"{rng.choice(["annual", "quarterly", "run-rate"])}"', deals_graph)
                    if kind == "CloudCommitment" and rng.random() < 0.57:
                        put(fact, f"{DG}duration", f'"P{rng.randint(3, 7)}Y"^^<{XSD}duration>', deals_graph)
                    if kind == "Investment" and rng.random() < 0.03:
                        for t in range(2):
                            tranche = f"<{fact[1:-1]}/tranche/{t}>"
                            put(fact, f"{DG}tranche", tranche, deals_graph)
                            put(tranche, RDF_TYPE, f"<{DG}Tranche>", deals_graph)
                            put(tranche, f"{DG}amount", f"<{tranche[1:-1]}/amount>", deals_graph)
                            figure(f"<{tranche[1:-1]}/amount>", kind, deals_graph)
                            put(tranche, f"{PROV}wasDerivedFrom", node, graph)
                    details(fact, kind, parties, investment, node, graph)
                    if kind == "Investment":
                        investment = fact
                    reported.append((fact, kind, value))
                put(fact, f"{PROV}wasDerivedFrom", node, graph)
                put(fact, f"{PROV}wasGeneratedBy", run, graph)
                if value:
                    put(value, f"{PROV}wasDerivedFrom", node, graph)
                for e in range(2 if rng.random() < 0.1 else 1):
                    start = (f * 2 + e) * 150 + rng.randint(0, 99)
                    end = start + rng.randint(40, 140)
                    evidence = f"<{graph}/evidence/{start}-{end}>"
                    sentence = f'"Sentence {f} of article {article}, about a deal."'
                    put(fact, f"{DG}evidence", evidence, graph)
                    put(evidence, RDF_TYPE, f"<{DG}Evidence>", graph)
                    put(evidence, f"{DG}sentence", sentence, graph)
                    put(evidence, f"{DG}startOffset", f'"{start}"^^<{XSD}integer>', graph)
                    put(evidence, f"{DG}endOffset", f'"{end}"^^<{XSD}integer>', graph)
                    position, quote = f"<{evidence[1:-1]}/position>", f"<{evidence[1:-1]}/quote>"
                    put(evidence, RDF_TYPE, f"<{OA}SpecificResource>", graph)
                    put(evidence, f"{OA}hasSource", text, graph)
                    put(evidence, f"{OA}hasSelector", position, graph)
                    put(evidence, f"{OA}hasSelector", quote, graph)
                    put(position, RDF_TYPE, f"<{OA}TextPositionSelector>", graph)
                    put(position, f"{OA}start", f'"{start}"^^<{XSD}integer>', graph)
                    put(position, f"{OA}end", f'"{end}"^^<{XSD}integer>', graph)
                    put(quote, RDF_TYPE, f"<{OA}TextQuoteSelector>", graph)
                    put(quote, f"{OA}exact", sentence, graph)
            record = f"{BASE}manifest/a{article}"
            put(f"<{record}>", RDF_TYPE, f"<{DG}IngestRecord>", record)
            put(f"<{record}>", f"{DG}source", f'"https://news.example/{article}"', record)
            put(f"<{record}>", f"{DG}ingestStatus", '"stored"', record)
            put(f"<{record}>", f"{DG}factCount", f'"{reports}"^^<{XSD}integer>', record)
            put(f"<{record}>", f"{DG}contentHash", f'"{article:064x}"', record)
            put(f"<{record}>", f"{DG}ingestedArticle", node, record)
            put(f"<{record}>", f"{PROV}generatedAtTime", f'"2026-11-25T19:02:00Z"^^<{XSD}dateTime>', record)
            recent = (recent + reported)[-50:]
            article += 1
    return written


def median_ms(run, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


@contextlib.contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """`oxigraph serve` (installed beside this Python) on a free port; yields its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    binary = str(Path(sys.executable).parent / "oxigraph")
    command = [binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}", "--union-default-graph"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(400):
            try:
                if requests.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.05)  # not listening yet
        else:
            raise RuntimeError(f"oxigraph serve did not answer on {url}")
        yield url
    finally:
        process.kill()
        process.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--rdflib-max",
        type=int,
        default=10_000,
        help="largest size also loaded into rdflib (which joins the queries' { SELECT } parts in nested loops: minutes a query at 10^5)",
    )
    parser.add_argument("--remote-max", type=int, default=100_000, help="largest size also loaded into oxigraph serve")
    parser.add_argument(
        "--queries", type=Path, default=ROOT / "ontology" / "queries", help="directory of .rq files to time (to compare versions)"
    )
    args = parser.parse_args()
    queries = sorted(args.queries.glob("*.rq"))
    header = "".join(f" {q.stem[:14]:>14}" for q in queries)
    print(f"{'store':<10} {'triples':>10} {'load s':>8} {'quads/s':>10}{header}   (median ms per query)")
    texts = {q: q.read_text() for q in queries}
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="dealgraph-bench-") as tmp:
            data = Path(tmp) / "data.nq"
            count = write_dataset(data, size)
            with Store(Path(tmp) / "store") as store:
                start = time.perf_counter()
                store.load(data)
                load_s = time.perf_counter() - start
                cells = "".join(
                    f" {median_ms(lambda q=q: list(store.query(texts[q]).rows()), args.runs):>14.1f}"
                    for q in queries
                )
                print(f"{'oxigraph':<10} {count:>10} {load_s:>8.1f} {count / load_s:>10.0f}{cells}", flush=True)
            if size <= args.remote_max:
                with oxigraph_server(Path(tmp) / "server") as url, RemoteStore(url, timeout=300) as remote:
                    start = time.perf_counter()
                    remote.load(data)
                    load_s = time.perf_counter() - start
                    cells = "".join(
                        f" {median_ms(lambda q=q: list(remote.query(texts[q]).rows()), args.runs):>14.1f}"
                        for q in queries
                    )
                    print(f"{'remote':<10} {count:>10} {load_s:>8.1f} {count / load_s:>10.0f}{cells}", flush=True)
            if size <= args.rdflib_max:
                dataset = rdflib.Dataset(default_union=True)
                start = time.perf_counter()
                dataset.parse(str(data), format="nquads")
                load_s = time.perf_counter() - start
                for prefix, namespace in PREFIXES.items():
                    dataset.bind(prefix, namespace)
                cells = "".join(
                    f" {median_ms(lambda q=q: list(dataset.query(texts[q], initNs=PREFIXES)), args.runs):>14.1f}"
                    for q in queries
                )
                print(f"{'rdflib':<10} {count:>10} {load_s:>8.1f} {count / load_s:>10.0f}{cells}", flush=True)


if __name__ == "__main__":
    main()
