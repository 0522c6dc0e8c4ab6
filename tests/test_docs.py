"""Docs that match the code: README covers settings, commands and example queries."""

import dataclasses
import re

from pipeline.cli import main
from pipeline.config import Settings

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_documents_every_setting() -> None:
    for field in dataclasses.fields(Settings):
        assert f"`{field.name}`" in README, field.name
        assert f"DEALGRAPH_{field.name.upper()}" in README, field.name


def test_readme_documents_every_command() -> None:
    for name in main.commands:
        assert f"dealgraph {name}" in README, name


def test_readme_gives_the_two_commands() -> None:
    assert "make demo" in README and "make test" in README


def test_every_example_query_says_what_it_answers() -> None:
    for query in sorted((ROOT / "ontology" / "queries").glob("*.rq")):
        first = query.read_text(encoding="utf-8").splitlines()[0]
        assert re.match(r"# \w", first), query.name
        assert query.stem in README, f"README does not show {query.name}"
