"""A small on-disk cache of fetched pages, for conditional GETs on a re-crawl.

Each accepted page is stored with the validators its server sent (``ETag``,
``Last-Modified``). The next fetch of the same URL sends ``If-None-Match`` /
``If-Modified-Since``; a ``304 Not Modified`` answer costs no body download and the stored
page is used. Only pages that passed every check (type, size) are stored, so the cache never
holds what the fetcher would refuse. One SQLite file; the standard library's sqlite3.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import SourceError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    final_url TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    charset TEXT,
    body BLOB NOT NULL
)
"""


@dataclass(frozen=True)
class CachedPage:
    """A stored page and the validators to revalidate it with."""

    url: str
    final_url: str
    etag: str | None
    last_modified: str | None
    charset: str | None
    body: bytes

    def conditional_headers(self) -> dict[str, str]:
        """The request headers that ask the server to answer 304 if nothing changed."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class PageCache:
    """Pages by URL in one SQLite file.

    Args:
        path: the database file; its directory is created when missing.

    Raises:
        SourceError: when the file cannot be opened as a cache.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise SourceError(str(path), f"cannot open the HTTP cache: {exc}") from exc

    def get(self, url: str) -> CachedPage | None:
        """The stored page for ``url``, or None."""
        row = self._db.execute(
            "SELECT url, final_url, etag, last_modified, charset, body FROM pages WHERE url = ?", (url,)
        ).fetchone()
        return CachedPage(*row) if row else None

    def put(self, page: CachedPage) -> None:
        """Store or replace a page; pages without validators are not worth keeping."""
        if not (page.etag or page.last_modified):
            return
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)",
                (page.url, page.final_url, page.etag, page.last_modified, page.charset, page.body),
            )

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM pages").fetchone()[0])

    def close(self) -> None:
        self._db.close()
