"""What an open embedded store costs in memory, by the store's size.

For each size, a graph generated as bench/store.py generates it is bulk-loaded into a fresh
Oxigraph store in a temporary directory and the store is closed. Then the store is opened
again and every quad is read once, together with two queries over types and literals, so
that RocksDB loads what reading needs. The process's VmRSS (after ``malloc_trim``, so freed
memory is not counted) is printed before opening and after reading. The difference is what
the open store holds for its size: its block cache and the index and filter blocks of its
table files. The ingest writer keeps that much while it has the store open, however often it
reopens it (bench/README.md).

    .venv/bin/python bench/store_memory.py --sizes 100000 300000 1000000
"""

from __future__ import annotations

import argparse
import ctypes
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store import write_dataset  # noqa: E402  (a sibling script, not a package)
from throughput import vm_rss_mib  # noqa: E402

READS = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "SELECT ?s WHERE { ?s a ?c } LIMIT 100000",
    "SELECT ?o WHERE { ?s ?p ?o FILTER(isLiteral(?o)) } LIMIT 100000",
)


def trimmed_rss_mib() -> float:
    """VmRSS after handing freed heap memory back to the system."""
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    return vm_rss_mib()


def measure(size: int, directory: Path) -> None:
    dump, location = directory / f"{size}.nq", directory / f"store-{size}"
    write_dataset(dump, size)
    store = ox.Store(str(location))
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store  # closes it
    before = trimmed_rss_mib()
    store = ox.Store(str(location))
    quads = sum(1 for _ in store.quads_for_pattern(None, None, None))
    for query in READS:
        for _ in store.query(query):  # type: ignore[union-attr]
            pass
    after = trimmed_rss_mib()
    on_disk = sum(path.stat().st_size for path in location.iterdir()) / 2**20
    print(f"| {quads:,} | {on_disk:,.0f} | {before:,.0f} | {after:,.0f} | {after - before:+,.0f} |", flush=True)
    del store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000, 1_000_000],
                        help="quads to generate, one store per size")
    args = parser.parse_args()
    print("| quads | on disk MiB | VmRSS MiB before opening | after reading all | held by the open store |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory(prefix="dealgraph-store-memory-") as tmp:
        for size in args.sizes:
            measure(size, Path(tmp))


if __name__ == "__main__":
    main()
