"""Where the ontology files are, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def ontology_dir() -> Path:
    """The ontology/ directory: bundled in the wheel, or beside the package in a checkout."""
    bundled = _PACKAGE / "ontology"
    return bundled if bundled.is_dir() else _PACKAGE.parent / "ontology"
