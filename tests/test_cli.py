"""The command-line contract: dealgraph ingest / query / article / evaluate."""

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner
from rdflib import Graph

from pipeline.cli import main
from pipeline.store import Store

from .conftest import CORPUS, FIXTURES

PAGE = CORPUS / "dev" / "microsoft-nvidia-anthropic-2025.html"
NAMES = "SELECT ?name WHERE { ?o a dg:Organization ; skos:prefLabel ?name } ORDER BY ?name"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def loaded(runner, tmp_path, nlp) -> str:
    """A store directory holding one ingested article."""
    location = str(tmp_path / "store")
    result = runner.invoke(main, ["ingest", "--store", location, str(PAGE)])
    assert result.exit_code == 0, result.output
    return location


def _count(location: str) -> int:
    with Store(location, read_only=True) as store:
        return len(store)


@pytest.mark.parametrize("command", [[], *([name] for name in main.commands)])
def test_every_command_has_help(runner, command) -> None:
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert len(result.output.splitlines()) > 5


def test_ingest_prints_a_summary(runner, tmp_path, nlp) -> None:
    result = runner.invoke(main, ["ingest", "--store", str(tmp_path / "s"), str(PAGE)])
    assert result.exit_code == 0
    assert result.stdout.startswith("ingested 1 article: 4 facts, ")
    assert f"store {tmp_path / 's'} holds" in result.stdout


def test_ingest_a_directory_skips_gold_json(runner, tmp_path, nlp) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for suffix in (".html", ".json"):
        shutil.copy(PAGE.with_suffix(suffix), corpus)
    result = runner.invoke(main, ["ingest", "--store", str(tmp_path / "s"), str(corpus)])
    assert result.exit_code == 0
    assert result.stdout.startswith("ingested 1 article")


def test_store_from_environment(runner, tmp_path, nlp, monkeypatch) -> None:
    monkeypatch.setenv("DEALGRAPH_STORE", str(tmp_path / "env-store"))
    assert runner.invoke(main, ["ingest", str(PAGE)]).exit_code == 0
    result = runner.invoke(main, ["query", NAMES])
    assert "Anthropic" in result.stdout


def test_bad_inputs_are_named_and_the_rest_is_stored(runner, tmp_path, loaded) -> None:
    before = _count(loaded)
    empty = tmp_path / "empty.html"
    empty.write_text("")
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    missing = tmp_path / "missing.html"
    other = CORPUS / "dev" / "pfizer-seagen-2023.html"
    result = runner.invoke(
        main, ["ingest", "--store", loaded, str(missing), str(empty), str(binary), str(pdf), str(other)]
    )
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert f"failed: {missing}: no such file or directory" in errors
    assert f"failed: {empty}: empty file" in errors
    assert f"failed: {binary}: binary file, not text or HTML (it starts like a PNG file)" in errors
    assert any(line.startswith(f"failed: {pdf}: unsupported file type '.pdf'") for line in errors)
    assert "ingested 1 article" in result.stdout
    assert _count(loaded) > before  # the good page went in, nothing was lost


def test_only_bad_inputs_exit_1_and_leave_the_store_alone(runner, tmp_path, loaded) -> None:
    before = _count(loaded)
    result = runner.invoke(main, ["ingest", "--store", loaded, str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert _count(loaded) == before


def test_query_table(runner, loaded) -> None:
    result = runner.invoke(main, ["query", "--store", loaded, NAMES])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "name"
    assert "Anthropic" in lines and "Microsoft" in lines and "Nvidia" in lines
    assert lines[-1] == "(3 rows)"


def test_query_json_is_w3c_results(runner, loaded) -> None:
    result = runner.invoke(main, ["query", "--store", loaded, "--format", "json", NAMES])
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["name"]
    assert {"type": "literal", "value": "Anthropic"} in [b["name"] for b in data["results"]["bindings"]]


def test_query_csv_and_tsv(runner, loaded) -> None:
    rows = list(csv.reader(io.StringIO(runner.invoke(main, ["query", "--store", loaded, "--format", "csv", NAMES]).stdout)))
    assert rows[0] == ["name"] and ["Anthropic"] in rows
    tsv = runner.invoke(main, ["query", "--store", loaded, "--format", "tsv", NAMES]).stdout.splitlines()
    assert tsv[0] == "?name" and '"Anthropic"' in tsv


def test_query_from_file_and_ask(runner, loaded, tmp_path) -> None:
    query = tmp_path / "q.rq"
    query.write_text("ASK { ?f a dg:CloudCommitment }")
    result = runner.invoke(main, ["query", "--store", loaded, "--file", str(query)])
    assert (result.exit_code, result.stdout) == (0, "true\n")


def test_construct_prints_turtle(runner, loaded) -> None:
    result = runner.invoke(
        main, ["query", "--store", loaded, "CONSTRUCT { ?o skos:prefLabel ?l } WHERE { ?o skos:prefLabel ?l }"]
    )
    assert result.exit_code == 0
    graph = Graph().parse(data=result.stdout, format="turtle")
    assert len(graph) == 3
    assert "@prefix skos:" in result.stdout


def test_invalid_sparql_is_one_line_with_position(runner, loaded) -> None:
    before = _count(loaded)
    result = runner.invoke(main, ["query", "--store", loaded, "SELECT ?x WHERE { ?x ?p }"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("Error: invalid SPARQL: error at 1:")
    assert _count(loaded) == before


def test_query_needs_exactly_one_source(runner, loaded) -> None:
    assert runner.invoke(main, ["query", "--store", loaded]).exit_code == 2


def test_query_on_a_missing_store(runner, tmp_path) -> None:
    result = runner.invoke(main, ["query", "--store", str(tmp_path / "none"), NAMES])
    assert result.exit_code == 1
    assert "no store here yet" in result.stderr


def test_article_command(runner) -> None:
    page = FIXTURES / "html" / "tidewater.example.article-markup.html"
    text = runner.invoke(main, ["article", str(page)])
    assert text.exit_code == 0
    assert text.stdout.startswith("# Harbour Robotics lands $120m from Northwind Ventures\n")
    record = json.loads(runner.invoke(main, ["article", "--format", "json", str(page)]).stdout)
    assert record["published"] == "2024-05-14"
    assert "Quayside" not in record["text"]


def test_evaluate_command(runner, tmp_path, nlp) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    for suffix in (".html", ".json"):
        shutil.copy(PAGE.with_suffix(suffix), corpus)
    result = runner.invoke(main, ["evaluate", "--format", "json", str(corpus)])
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["articles"] == 1
    assert scores["overall"]["tp"] == 4 and scores["overall"]["fp"] == 0
