"""Shared fixtures: one spaCy pipeline per session, real stores on disk, the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.nlp import load_nlp
from pipeline.store import Store

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT.parent / "shared" / "seed" / "amazon-anthropic-2026.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--network", action="store_true", help="run tests that need the internet")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--network"):
        return
    skip = pytest.mark.skip(reason="needs the internet; run with --network")
    for item in items:
        if "network" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def nlp():
    """The full dealgraph pipeline, loaded once."""
    return load_nlp("en_core_web_sm")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store=str(tmp_path / "store"), timeout=2.0)


@pytest.fixture
def store(tmp_path: Path):
    """A fresh embedded store on disk."""
    with Store(tmp_path / "store") as opened:
        yield opened


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip(f"the seed article is not beside this checkout ({SEED})")
    return SEED


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, nlp):
    """A store holding only the seed article, shared by the read-only seed tests."""
    from pipeline.ingest import ingest

    location = tmp_path_factory.mktemp("seed") / "store"
    with Store(location) as opened:
        report = ingest([str(seed_path)], opened, Settings(store=str(location)), nlp=nlp)
        assert not report.failed, report.failed
        yield opened


@pytest.fixture(scope="session")
def dev_store(tmp_path_factory: pytest.TempPathFactory, nlp):
    """A store holding corpus/dev, shared by the read-only contract tests."""
    from pipeline.ingest import ingest

    location = tmp_path_factory.mktemp("dev") / "store"
    with Store(location) as opened:
        report = ingest([str(CORPUS / "dev")], opened, Settings(store=str(location)), nlp=nlp)
        assert not report.failed, report.failed
        yield opened
