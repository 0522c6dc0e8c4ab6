"""dealgraph dump, load and remove from the command line."""

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.store import Store

from .conftest import CORPUS

PAGE = CORPUS / "dev" / "pfizer-seagen-2023.html"
URL = "https://www.meridianhealthmarkets.example/deals/2023/12/14/pfizer-closes-seagen-takeover"


def test_dump_load_remove(tmp_path, nlp) -> None:
    runner = CliRunner()
    original, copy = str(tmp_path / "a"), str(tmp_path / "b")
    assert runner.invoke(main, ["ingest", "--store", original, str(PAGE)]).exit_code == 0
    dumped = runner.invoke(main, ["dump", "--store", original, "--format", "nq"])
    assert dumped.exit_code == 0 and dumped.stdout_bytes.count(b"\n") > 10
    target = tmp_path / "dump.trig"
    assert runner.invoke(main, ["dump", "--store", original, "--format", "trig", "-o", str(target)]).exit_code == 0
    loaded = runner.invoke(main, ["load", "--store", copy, str(target)])
    assert loaded.exit_code == 0, loaded.output
    with Store(original, read_only=True) as a, Store(copy, read_only=True) as b:
        assert len(a) == len(b) > 0
    removed = runner.invoke(main, ["remove", "--store", copy, URL])
    assert removed.exit_code == 0 and removed.stdout.startswith(f"removed {URL}: ")
    again = runner.invoke(main, ["remove", "--store", copy, URL])
    assert again.exit_code == 1
    assert "no article with this URL is stored" in again.stderr
