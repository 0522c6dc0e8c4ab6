"""Progress of a batch on stderr: a tqdm bar on a terminal, a plain line every so often when
stderr is a file or a pipe (CI logs, cron mail), nothing with ``--quiet``."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from tqdm import tqdm

from pipeline.ingest import FAILED, SourceResult

PLAIN_EVERY_SECONDS = 10.0


class Progress:
    """Counts sources as their results arrive.

    Args:
        total: how many sources the batch has, when known (for the ETA).
        quiet: print nothing.
        stream: where to write; stderr by default.
    """

    def __init__(self, total: int | None = None, *, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.total = total
        self.quiet = quiet
        self.done = 0
        self.failed = 0
        self.started = time.monotonic()
        self._last_line = self.started
        self._bar = None
        if not quiet and self.stream.isatty():
            self._bar = tqdm(total=total, unit="article", file=self.stream, dynamic_ncols=True, smoothing=0.1)

    def __call__(self, result: SourceResult) -> None:
        self.done += 1
        self.failed += result.status == FAILED
        if self._bar is not None:
            self._bar.set_postfix(failed=self.failed, refresh=False)
            self._bar.update(1)
            return
        now = time.monotonic()
        if not self.quiet and now - self._last_line >= PLAIN_EVERY_SECONDS:
            self._last_line = now
            print(self.line(now), file=self.stream, flush=True)

    def line(self, now: float | None = None) -> str:
        """``progress: 120/1,000 sources (3 failed), 4.2/s, ETA 3m29s``."""
        elapsed = max((now or time.monotonic()) - self.started, 1e-9)
        rate = self.done / elapsed
        count = f"{self.done:,}/{self.total:,}" if self.total else f"{self.done:,}"
        text = f"progress: {count} sources ({self.failed} failed), {rate:.1f}/s"
        if self.total and rate > 0:
            left = max(self.total - self.done, 0) / rate
            text += f", ETA {int(left // 60)}m{int(left % 60):02d}s"
        return text

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
