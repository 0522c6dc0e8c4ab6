"""How long does `dealgraph export` take, and how much memory, on a store of 10^6 triples?

The store is made from real extractions: corpus/ is ingested once, and its article graphs are
copied with fresh article and organisation IRIs (copy 7 of Anthropic is
``…/org/anthropic-c7``) until the store holds --triples triples, so the network grows as a
real one would: more organisations, more facts, the same shape. Each export then runs in a
fresh process, whose wall time and peak resident memory (the Rust store included) are
reported. Usage:

    .venv/bin/python bench/export.py [--triples 1000000] [--store DIR] [--formats graphml,nq,...]

--store keeps the generated store for later runs (it is reused when it is already big enough).
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from pipeline.config import Settings
from pipeline.store import Store
from pipeline.vocab import ORGANIZATIONS_GRAPH

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = re.compile(r"(<https://w3id\.org/dealgraph/article/[0-9a-f]+)")
ORG = re.compile(r"(<https://w3id\.org/dealgraph/org/[a-z0-9-]+)>")
FORMATS = ["graphml", "gexf", "json", "csv", "ttl", "nt", "nq", "trig", "jsonld"]
FILTERED = [("nq", ["--type", "Investment"]), ("graphml", ["--type", "Investment"])]


def _seed_quads(workdir: Path) -> dict[str, list[str]]:
    """corpus/ ingested once, as N-Quads lines grouped by graph."""
    from pipeline.ingest import ingest

    location = workdir / "seed"
    with Store(location) as store:
        report = ingest([str(ROOT / "corpus")], store, Settings(store=str(location)))
        if report.failed:
            raise SystemExit(f"ingesting corpus/ failed: {[f.source for f in report.failed]}")
        buffer = io.BytesIO()
        store.dump("nq", buffer)
    graphs: dict[str, list[str]] = defaultdict(list)
    for line in buffer.getvalue().decode("utf-8").splitlines():
        graph = line.rsplit(" ", 2)[-2]  # "<s> <p> <o> <g> ." -> "<g>"
        graphs[graph.strip("<>")].append(line[: -len(graph) - 3] + " .")
    return graphs


def build_store(location: Path, triples: int, workdir: Path) -> int:
    """Fill ``location`` with copies of corpus/ until it holds ``triples`` triples."""
    if (location / "CURRENT").exists():
        with Store(location, read_only=True) as store:
            if len(store) >= triples:
                return len(store)
    graphs = _seed_quads(workdir)
    organizations = "\n".join(graphs.pop(str(ORGANIZATIONS_GRAPH)))
    start = time.perf_counter()
    with Store(location) as store:
        copy = 0
        while len(store) < triples:
            def rename(text: str) -> str:
                return ORG.sub(rf"\1-c{copy}>", ARTICLE.sub(rf"\1c{copy}", text))

            merged = {str(ORGANIZATIONS_GRAPH): rename(organizations)}
            for graph, lines in graphs.items():
                store.write({rename(f"<{graph}>").strip("<>"): rename("\n".join(lines))}, merged)
                merged = {}
            copy += 1
        size = len(store)
    print(f"built {location}: {size:,} triples in {copy} copies of corpus/ ({time.perf_counter() - start:.0f} s)")
    return size


# Runs one command and reports the process's own peak resident memory (VmHWM: per address
# space, so unlike ru_maxrss it does not inherit the bench process's size across fork/exec).
RUNNER = """
import atexit, sys
def report():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            sys.stderr.write("peak-kib " + line.split()[1] + "\\n")
atexit.register(report)
from pipeline.cli import main
main(sys.argv[1:], prog_name="dealgraph")
"""


def measure(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one dealgraph command in a fresh process."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", RUNNER, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"dealgraph {' '.join(args)} failed ({result.returncode}): {result.stderr.strip()}")
    peak = next(line.split()[1] for line in result.stderr.splitlines() if line.startswith("peak-kib "))
    return elapsed, int(peak) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000, help="store size to export")
    parser.add_argument("--store", type=Path, help="keep the generated store here (reused when big enough)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated formats")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dealgraph-bench-") as tmp:
        workdir = Path(tmp)
        location = args.store or workdir / "store"
        size = build_store(location, args.triples, workdir)
        baseline = measure(["stats", "--store", str(location), "--top", "1"])
        print(f"\nstore: {size:,} triples; `dealgraph stats` (reads the network, no writing): "
              f"{baseline[0]:.1f} s, {baseline[1]:.0f} MiB peak\n")  # fmt: skip
        print("| format | filter | seconds | peak MiB | output MiB |")
        print("| --- | --- | ---: | ---: | ---: |")
        runs = [(fmt, []) for fmt in args.formats.split(",")] + FILTERED
        for fmt, extra in runs:
            target = workdir / ("csv" if fmt == "csv" else f"out.{fmt}")
            seconds, peak = measure(["export", "--store", str(location), "--format", fmt, "-o", str(target), *extra])
            files = list(target.iterdir()) if target.is_dir() else [target]
            written = sum(f.stat().st_size for f in files) / 2**20
            print(f"| {fmt} | {' '.join(extra) or '-'} | {seconds:.1f} | {peak:.0f} | {written:.0f} |")
            for f in files:
                f.unlink()


if __name__ == "__main__":
    main()
