"""Rewrite the README's "Example queries" section from a store's real answers.

Run after ``make demo``::

    .venv/bin/python docs/readme_queries.py [--store .dealgraph/demo-store] [--rows 8]

Each query in ontology/queries/ gets its comment as a caption and the table ``dealgraph
query`` prints, cut to ``--rows`` rows and cells of at most 60 characters (the row count is
the whole answer's).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from pipeline.query import prefixed_name
from pipeline.store import QueryResult, Store

ROOT = Path(__file__).resolve().parent.parent
START = "## Example queries\n"
END = "## Quality and speed\n"
INTRO = """Each file in [ontology/queries/](ontology/queries/) starts with a comment saying what it
answers; `make demo` runs them all. Output below is from `make demo` on corpus/dev, written
into this file by `docs/readme_queries.py` (long answers are cut; the row count is the
whole answer's).
"""


WIDEST = 60  # characters of a cell shown; longer ones (lists of URLs) are cut with "…"


def _table(result: QueryResult, rows: int) -> tuple[list[str], str]:
    """The answer as `dealgraph query` prints it, with at most ``rows`` rows and cells cut
    to ``WIDEST`` characters; and the line giving the whole answer's row count."""
    header = result.variables()
    cells = [[_cut(prefixed_name(cell)) for cell in row] for row in result.rows()]
    count = f"({len(cells)} row{'s' if len(cells) != 1 else ''})"
    shown = cells[:rows]
    widths = [max([len(h), *(len(r[i]) for r in shown)]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip(), "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in shown]
    return lines + (["…"] if len(cells) > rows else []), count


def _cut(text: str) -> str:
    return text if len(text) <= WIDEST else text[: WIDEST - 1] + "…"


def section(store: Store, rows: int) -> str:
    parts = [START, "\n", INTRO]
    for path in sorted((ROOT / "ontology" / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        caption = " ".join(
            line[1:].strip() for line in text.splitlines() if line.startswith("#")
        )
        body, count = _table(store.query(text), rows)
        command = f"$ dealgraph query --store .dealgraph/demo-store --file ontology/queries/{path.name}"
        parts.append(f"\n[`{path.name}`](ontology/queries/{path.name}) — {caption}\n\n```\n{command}\n")
        parts.append("\n".join([*body, count]) + "\n```\n")
    return "".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=str(ROOT / ".dealgraph" / "demo-store"))
    parser.add_argument("--rows", type=int, default=8, help="rows shown per answer (default 8)")
    args = parser.parse_args()
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(START) + ".*?(?=" + re.escape(END) + ")", re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"{readme}: no '{START.strip()}' section followed by '{END.strip()}'")
    with Store(args.store, read_only=True) as store:
        new = section(store, args.rows)
    readme.write_text(pattern.sub(lambda _: new, text, count=1), encoding="utf-8")
    print(f"{readme}: example queries rewritten from {args.store}")


if __name__ == "__main__":
    main()
