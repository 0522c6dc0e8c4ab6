"""Batch ingestion: the manifest (skip unchanged, replace changed, retry failed), atomic
writes that survive SIGKILL, Ctrl-C, worker processes, a Dask cluster, progress and report."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.config import Settings
from pipeline.ingest import BatchOptions, ingest
from pipeline.store import Store

from .conftest import CORPUS

PAGES = sorted((CORPUS / "dev").glob("*.html"))[:10]
DEALGRAPH = [sys.executable, "-m", "pipeline"]


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    """Ten corpus pages in a directory of their own."""
    directory = tmp_path / "batch"
    directory.mkdir()
    for page in PAGES:
        shutil.copy(page, directory)
    return directory


def quads(location: Path) -> set[tuple[str, ...]]:
    """Every quad of a store, leaving out the times at which things were written."""
    with Store(location, read_only=True) as store:
        rows = store.query(
            "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            "FILTER(?p NOT IN (prov:endedAtTime, prov:generatedAtTime)) }"
        ).rows()
        return {tuple(str(v) for v in row) for row in rows}


def statuses(report) -> dict[str, str]:
    return {Path(r.source).name: r.status for r in report.results}


def test_a_second_run_skips_unchanged_articles_and_replaces_changed_ones(batch, tmp_path, nlp) -> None:
    settings = Settings(store=str(tmp_path / "s"))
    with Store(settings.store) as store:
        first = ingest([str(batch)], store, settings, nlp=nlp)
        assert first.counts["stored"] == len(PAGES) and not first.failed
        size = len(store)
        again = ingest([str(batch)], store, settings, nlp=nlp)
        assert set(statuses(again).values()) == {"unchanged"}
        assert len(store) == size
        changed = batch / PAGES[0].name
        html = changed.read_text(encoding="utf-8")
        body_start = html.index("<p", html.index("<h1"))
        html = html[:body_start] + "<p>Correction: an earlier version of this story misstated a date.</p>" + html[body_start:]
        changed.write_text(html, encoding="utf-8")
        third = ingest([str(batch)], store, settings, nlp=nlp)
    assert statuses(third)[PAGES[0].name] == "stored"
    assert list(statuses(third).values()).count("unchanged") == len(PAGES) - 1


def test_failed_sources_are_skipped_until_retried(tmp_path, nlp) -> None:
    settings = Settings(store=str(tmp_path / "s"))
    broken = tmp_path / "late.html"
    broken.write_text("", encoding="utf-8")
    with Store(settings.store) as store:
        first = ingest([str(broken)], store, settings, nlp=nlp)
        assert [r.reason for r in first.failed] == ["empty file"]
        shutil.copy(PAGES[0], broken)
        second = ingest([str(broken)], store, settings, nlp=nlp)
        assert [r.status for r in second.results] == ["skipped"]
        assert "failed before (empty file); use --retry-failed" in second.results[0].reason
        third = ingest([str(broken)], store, settings, nlp=nlp, options=BatchOptions(retry_failed=True))
    assert [r.status for r in third.results] == ["stored"]


def test_status_summarises_the_manifest(tmp_path, nlp) -> None:
    location = str(tmp_path / "s")
    empty = tmp_path / "empty.html"
    empty.write_text("", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["ingest", "--store", location, "--quiet", str(PAGES[0]), str(empty)])
    assert result.exit_code == 1
    status = runner.invoke(main, ["status", "--store", location, "--failed"])
    assert status.exit_code == 0, status.output
    assert "sources: 2 (1 failed, 1 stored)" in status.output
    assert f"failed: {empty.resolve().as_uri()}: empty file" in status.output
    retried = runner.invoke(main, ["ingest", "--store", location, "--retry-failed", "--quiet"])
    assert "failed: " in retried.output and retried.exit_code == 1  # still empty, tried again


def test_report_has_one_line_per_source(batch, tmp_path, nlp) -> None:
    report = tmp_path / "report.jsonl"
    (batch / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["ingest", "--store", str(tmp_path / "s"), "--quiet", "--report", str(report), str(batch)]
    )
    assert result.exit_code == 1
    lines = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == len(PAGES) + 1
    assert {line["status"] for line in lines} == {"stored", "failed"}
    assert [line["reason"] for line in lines if line["status"] == "failed"] == ["empty file"]
    assert all(line["facts"] >= 0 and set(line) == {"source", "status", "reason", "url", "facts"} for line in lines)


def test_progress_lines_when_stderr_is_not_a_terminal(batch, tmp_path, nlp) -> None:
    from pipeline.progress import Progress

    class Log(list):
        def write(self, text: str) -> None:
            self.append(text)

        def flush(self) -> None:
            pass

        def isatty(self) -> bool:
            return False

    log = Log()
    progress = Progress(total=20, stream=log)  # type: ignore[arg-type]
    progress.started -= 100.0
    progress._last_line -= 100.0
    from pipeline.ingest import SourceResult

    progress(SourceResult("a", "stored"))
    assert log and log[0].startswith("progress: 1/20 sources (0 failed), ")
    assert "ETA" in log[0]


def _run(location: Path, *arguments: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [*DEALGRAPH, "ingest", "--store", str(location), *arguments],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs,
    )  # fmt: skip


def _wait_for_lines(path: Path, count: int, process: subprocess.Popen, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and len(path.read_text(encoding="utf-8").splitlines()) >= count:
            return
        if process.poll() is not None:
            pytest.fail(f"ingest ended before {count} sources were done: {process.stderr.read()}")
        time.sleep(0.05)
    pytest.fail(f"no {count} report lines within {timeout} s")


def test_sigkill_at_any_moment_then_rerun_gives_the_uninterrupted_graph(batch, tmp_path) -> None:
    whole = tmp_path / "whole"
    assert _run(whole, "--quiet", str(batch)).wait() == 0

    killed = tmp_path / "killed"
    report = tmp_path / "report.jsonl"
    process = _run(killed, "--quiet", "--report", str(report), str(batch))
    _wait_for_lines(report, 3, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done = len(report.read_text(encoding="utf-8").splitlines())
    assert done < len(PAGES), "the batch finished before it could be killed"

    rerun = _run(killed, "--quiet", "--report", str(report), str(batch))
    out, err = rerun.communicate()
    assert rerun.returncode == 0, err
    assert f"{len(PAGES) - done} article" in out or "articles" in out
    assert quads(killed) == quads(whole)


def test_ctrl_c_stops_after_the_current_article(batch, tmp_path) -> None:
    report = tmp_path / "report.jsonl"
    process = _run(tmp_path / "s", "--quiet", "--report", str(report), str(batch))
    _wait_for_lines(report, 1, process)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "interrupted: run the same command again to finish" in out
    stored = len(report.read_text(encoding="utf-8").splitlines())
    assert stored < len(PAGES)
    again = _run(tmp_path / "s", "--quiet", str(batch))
    out, err = again.communicate()
    assert again.returncode == 0, err
    assert f"{stored} unchanged" in out


def test_a_second_writer_is_told_the_pid(tmp_path) -> None:
    with Store(tmp_path / "s"):
        result = CliRunner().invoke(main, ["ingest", "--store", str(tmp_path / "s"), str(PAGES[0])])
    assert result.exit_code == 1
    assert f"the store is in use by PID {os.getpid()}" in result.output


def test_two_workers_store_what_one_process_stores(batch, tmp_path, nlp) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for location, workers in ((one, 1), (two, 2)):
        settings = Settings(store=str(location))
        with Store(location) as store:
            report = ingest([str(batch)], store, settings, nlp=nlp, options=BatchOptions(workers=workers))
        assert report.counts["stored"] == len(PAGES), report.failed
    assert quads(two) == quads(one)


def test_a_dask_cluster_stores_what_one_process_stores(batch, tmp_path, nlp) -> None:
    distributed = pytest.importorskip("distributed")
    here, cluster_store = tmp_path / "here", tmp_path / "dask"
    with Store(here) as store:
        ingest([str(batch)], store, Settings(store=str(here)), nlp=nlp)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        settings = Settings(store=str(cluster_store))
        with Store(cluster_store) as store:
            report = ingest([str(batch)], store, settings, options=BatchOptions(dask=cluster.scheduler_address))
    assert report.counts["stored"] == len(PAGES), report.failed
    assert quads(cluster_store) == quads(here)
