"""Store benchmark: load rate and example-query latency, embedded Oxigraph vs rdflib.

Generates synthetic deal graphs in dealgraph's vocabulary (the layout `dealgraph ingest`
writes: what a deal is in the shared deals graph, what each article says in its own graph,
organisations in the shared graph; one report in ten is a second article about a deal
already generated) of the sizes asked for,
loads each into a fresh embedded Oxigraph store and, up to --rdflib-max triples, into an
rdflib in-memory Dataset, and, up to --remote-max triples, into an Oxigraph server on
127.0.0.1 (`oxigraph serve --union-default-graph`, from the dev extras) used through
dealgraph's remote store, then times every query in ontology/queries/ (median of --runs runs;
all see the union of all graphs as the default graph). Usage:

    .venv/bin/python bench/store.py --sizes 100000 1000000 10000000
"""

from __future__ import annotations

import argparse
import contextlib
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
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
BASE = "https://w3id.org/dealgraph/"
KINDS = [
    ("Investment", ("investor", "investee")),
    ("Acquisition", ("acquirer", "target")),
    ("Valuation", ("company",)),
    ("CloudCommitment", ("company", "provider")),
    ("Revenue", ("company",)),
    ("ComputeCommitment", ("company", "provider")),
]


SECOND_REPORTS = 0.1
"""Share of reports that are a second article about a deal already generated."""


def _quad(s: str, p: str, o: str, g: str) -> str:
    return f"{s} <{p}> {o} <{g}> .\n"


def write_dataset(path: Path, triples: int, seed: int = 7) -> int:
    """Write about ``triples`` quads as N-Quads; returns the number written."""
    rng = random.Random(seed)
    organisations = max(50, triples // 200)
    orgs_graph = f"{BASE}graph/organizations"
    deals_graph = f"{BASE}graph/deals"
    recent: list[tuple[str, str]] = []
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for n in range(organisations):
            org = f"<{BASE}org/o{n}>"
            out.write(_quad(org, RDF_TYPE, f"<{DG}Organization>", orgs_graph))
            out.write(_quad(org, f"{SKOS}prefLabel", f'"Org {n}"', orgs_graph))
            written += 2
        article = 0
        while written < triples:
            graph = f"{BASE}article/a{article}"
            node = f"<{graph}>"
            out.write(_quad(node, RDF_TYPE, f"<{SCHEMA}NewsArticle>", graph))
            out.write(_quad(node, f"{SCHEMA}url", f'"https://news.example/{article}"^^<{XSD}anyURI>', graph))
            day = f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            out.write(_quad(node, f"{SCHEMA}datePublished", f'"{day}"^^<{XSD}date>', graph))
            written += 3
            for f in range(3):
                if recent and rng.random() < SECOND_REPORTS:
                    # Another article reporting a stored deal: its provenance only, and now
                    # and then a figure of its own (a conflicting figure).
                    fact, value = rng.choice(recent)
                    out.write(_quad(fact, f"{PROV}wasDerivedFrom", node, graph))
                    out.write(_quad(f"<{value}>", f"{PROV}wasDerivedFrom", node, graph))
                    written += 2
                    continue
                kind, roles = rng.choice(KINDS)
                fact = f"<{BASE}fact/a{article}f{f}>"
                out.write(_quad(fact, RDF_TYPE, f"<{DG}{kind}>", deals_graph))
                out.write(_quad(fact, RDF_TYPE, f"<{DG}Fact>", deals_graph))
                out.write(_quad(fact, f"{PROV}wasDerivedFrom", node, graph))
                written += 3
                for role in roles:
                    out.write(_quad(fact, f"{DG}{role}", f"<{BASE}org/o{rng.randrange(organisations)}>", deals_graph))
                    written += 1
                value = f"{BASE}fact/a{article}f{f}/figure"
                if kind == "ComputeCommitment":
                    out.write(_quad(fact, f"{DG}capacity", f"<{value}>", deals_graph))
                else:
                    out.write(_quad(fact, f"{DG}amount", f"<{value}>", deals_graph))
                    out.write(_quad(f"<{value}>", f"{SCHEMA}currency", '"USD"', deals_graph))
                    written += 1
                amount = rng.randint(1, 500) * 10**8
                out.write(_quad(f"<{value}>", f"{SCHEMA}value", f'"{amount}"^^<{XSD}decimal>', deals_graph))
                out.write(_quad(f"<{value}>", f"{PROV}wasDerivedFrom", node, graph))
                written += 2
                recent = (recent + [(fact, value)])[-50:]
                evidence = f"<{graph}/evidence/{f}>"
                out.write(_quad(fact, f"{DG}evidence", evidence, graph))
                out.write(_quad(evidence, f"{DG}sentence", f'"Sentence {f} of article {article}."', graph))
                out.write(_quad(evidence, f"{DG}startOffset", f'"{f * 100}"^^<{XSD}nonNegativeInteger>', graph))
                out.write(_quad(evidence, f"{DG}endOffset", f'"{f * 100 + 90}"^^<{XSD}nonNegativeInteger>', graph))
                written += 6
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
    parser.add_argument("--rdflib-max", type=int, default=1_000_000, help="largest size also loaded into rdflib")
    parser.add_argument("--remote-max", type=int, default=100_000, help="largest size also loaded into oxigraph serve")
    args = parser.parse_args()
    queries = sorted((ROOT / "ontology" / "queries").glob("*.rq"))
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
