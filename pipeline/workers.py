"""Where reading and extraction run: in this process, in N worker processes, or on a Dask
cluster. The single writer (ingest.py) sees the same thing from each: chunks of
:class:`Outcome`, in the order the tasks were given, with a bounded number of chunks in flight,
so memory stays flat however long the batch.

Each worker loads the spaCy pipeline once and runs a chunk's texts through ``nlp.pipe``.
Workers do not touch the store: resolving facts against stored deals and writing happen in the
writer, one article at a time.
"""

from __future__ import annotations

import gc
import itertools
import logging
import os
import signal
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from spacy.language import Language

from pipeline.config import Settings
from pipeline.errors import ConfigError, PipelineError, SourceError
from pipeline.fetch import Fetcher, FetchOptions
from pipeline.model import Article, Fact
from pipeline.nlp import load_nlp, model_label
from pipeline.sources import Source, content_hash, read_source

logger = logging.getLogger(__name__)

CHUNK = 8
"""Sources per task: enough for nlp.pipe to batch, few enough to keep the pipeline busy."""


@dataclass(frozen=True)
class Task:
    """One source to read and extract, with what the manifest knows of it."""

    source: Source
    key: str
    stored_hash: str | None = None  # skip extraction when the content still hashes to this
    stored_article: str | None = None  # the article an earlier ingest stored from this source


@dataclass
class Outcome:
    """What reading and extracting one source gave."""

    task: Task
    article: Article | None = None
    facts: list[Fact] = field(default_factory=list)
    content_hash: str | None = None
    unchanged: bool = False
    reason: str = ""  # set when it failed
    model: str = ""


def _reason(name: str, exc: PipelineError) -> str:
    if isinstance(exc, SourceError):
        return exc.reason
    text = str(exc)
    return text[len(name) + 2 :] if text.startswith(f"{name}: ") else text


def process(tasks: list[Task], nlp: Language, fetcher: Fetcher, settings: Settings) -> list[Outcome]:
    """Read every task's source, then extract the changed ones in one ``nlp.pipe`` batch."""
    outcomes = [Outcome(task) for task in tasks]
    pending: list[Outcome] = []
    for outcome in outcomes:
        name = outcome.task.source.name
        try:
            article = read_source(outcome.task.source, settings, fetcher)
        except PipelineError as exc:
            logger.warning("%s: %s", name, exc)
            outcome.reason = _reason(name, exc)
            continue
        except Exception as exc:  # one bad item must not end the batch; the log keeps the trace
            logger.exception("%s: unexpected failure while reading", name)
            outcome.reason = f"internal error: {exc!r}"
            continue
        outcome.article = article
        outcome.content_hash = content_hash(outcome.task.source, article)
        if outcome.content_hash == outcome.task.stored_hash:
            outcome.unchanged = True
        else:
            pending.append(outcome)
    label = model_label(nlp)
    texts = (outcome.article.text for outcome in pending if outcome.article is not None)
    try:
        for outcome, doc in zip(pending, nlp.pipe(texts), strict=True):
            outcome.facts = list(doc._.relations)
            outcome.model = label
    except Exception:  # a text that breaks the batch: retry one by one to name it
        logger.exception("extraction of a batch failed; retrying its articles one at a time")
        for outcome in pending:
            _extract_one(outcome, nlp, label)
    return outcomes


def _extract_one(outcome: Outcome, nlp: Language, label: str) -> None:
    assert outcome.article is not None
    try:
        outcome.facts = list(nlp(outcome.article.text)._.relations)
        outcome.model = label
    except Exception as exc:  # recorded as this source's failure; the batch goes on
        logger.exception("%s: extraction failed", outcome.task.source.name)
        outcome.article = None
        outcome.reason = f"internal error during extraction: {exc!r}"


def chunked(tasks: Iterable[Task], size: int = CHUNK) -> Iterator[list[Task]]:
    iterator = iter(tasks)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


# ---------------------------------------------------------------------------------------------
# Runners: each yields the outcome lists of the chunks in order.


def run_here(chunks: Iterable[list[Task]], nlp: Language, fetcher: Fetcher, settings: Settings) -> Iterator[list[Outcome]]:
    """Everything in this process, one chunk at a time."""
    for chunk in chunks:
        yield process(chunk, nlp, fetcher, settings)


_worker: dict[str, Any] = {}


def _start_worker(settings: Settings) -> None:
    """Load the pipeline once per worker process; Ctrl-C is the writer's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker["settings"] = settings
    _worker["nlp"] = load_nlp(settings.model, prefilter=settings.prefilter)
    _worker["fetcher"] = Fetcher(FetchOptions.from_settings(settings))


def _process_in_worker(chunk: list[Task]) -> list[Outcome]:
    return process(chunk, _worker["nlp"], _worker["fetcher"], _worker["settings"])


def _in_order(submit: Callable[[list[Task]], Future[list[Outcome]]], chunks: Iterable[list[Task]], window: int) -> Iterator[list[Outcome]]:
    """Submit chunks keeping at most ``window`` in flight; yield their results in order."""
    in_flight: deque[Future[list[Outcome]]] = deque()
    for chunk in chunks:
        in_flight.append(submit(chunk))
        if len(in_flight) >= window:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()


def run_processes(chunks: Iterable[list[Task]], settings: Settings, workers: int) -> Iterator[list[Outcome]]:
    """Reading and extraction in ``workers`` processes (each with its own fetcher, so the
    per-host rate limit applies per worker)."""
    context = _process_context()
    if context.get_start_method() == "fork":
        # Loaded here once (a ModelError surfaces before any worker starts) and shared by the
        # forked workers copy-on-write; the frozen objects are left out of their collections,
        # which would otherwise walk, and so copy, the whole pipeline.
        load_nlp(settings.model, prefilter=settings.prefilter)
        gc.freeze()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(settings,)) as pool:
        try:
            yield from _in_order(lambda chunk: pool.submit(_process_in_worker, chunk), chunks, window=2 * workers)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            gc.unfreeze()


def _process_context() -> Any:
    import multiprocessing

    # fork starts workers in milliseconds and shares the imported modules; spawn is the safe
    # default elsewhere (macOS, threads in the parent).
    method = "fork" if os.name == "posix" and "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def _process_on_dask(chunk: list[Task], settings: Settings) -> list[Outcome]:
    """Runs on a Dask worker: the pipeline and fetcher are loaded on first use and kept."""
    key = f"dealgraph:{settings.model}"
    if _worker.get("key") != key:
        _worker.update(key=key, settings=settings, nlp=load_nlp(settings.model, prefilter=settings.prefilter),
                       fetcher=Fetcher(FetchOptions.from_settings(settings)))  # fmt: skip
    return process(chunk, _worker["nlp"], _worker["fetcher"], settings)


def run_dask(chunks: Iterable[list[Task]], settings: Settings, address: str) -> Iterator[list[Outcome]]:
    """Reading and extraction on an existing Dask cluster at ``address``; results stream back
    to this process, the single writer.

    Raises:
        ConfigError: when dask.distributed is not installed or the scheduler is unreachable.
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise ConfigError("--dask needs dask.distributed: pip install 'dealgraph[dask]'") from exc
    try:
        client = Client(address, timeout=settings.timeout)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"--dask {address}: cannot reach the Dask scheduler: {exc}") from exc
    with client:
        window = 2 * max(1, sum(client.nthreads().values()))
        yield from _in_order(
            lambda chunk: client.submit(_process_on_dask, chunk, settings, pure=False), chunks, window
        )
