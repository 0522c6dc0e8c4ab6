"""The benchmark scripts still run: each answers --help (which imports all it uses)."""

import subprocess
import sys

import pytest

from .conftest import ROOT

SCRIPTS = sorted((ROOT / "bench").glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_bench_script_answers_help(script) -> None:
    result = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "usage:" in result.stdout.lower()


def test_there_are_bench_scripts() -> None:
    assert {p.name for p in SCRIPTS} >= {"store.py", "throughput.py", "pipeline_speed.py", "export.py"}
