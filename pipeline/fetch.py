"""URL to page: polite, bounded HTTP GETs with requests.

One :class:`Fetcher` serves a whole crawl: one ``requests.Session`` (connection reuse),
robots.txt read once per site, at most one request per second to each host, retries with
exponential back-off on connection failures, 429 and 5xx (a ``Retry-After`` is honoured),
redirects followed one hop at a time (so loops, non-http targets and robots rules are checked
on every hop), HTML/XHTML only, and a body limit enforced while the body streams in. With a
cache file, re-fetches are conditional GETs and unchanged pages are not downloaded again.

Every failure is a :class:`~pipeline.errors.FetchError` naming the URL, the reason and the
HTTP status when there was one.
"""

from __future__ import annotations

import email.utils
import logging
import socket
import time
from dataclasses import dataclass, replace
from http import HTTPStatus
from typing import Callable
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import NameResolutionError

from pipeline.config import Settings
from pipeline.errors import FetchError
from pipeline.httpcache import CachedPage, PageCache
from pipeline.politeness import HostThrottle, RobotsRules

logger = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_REDIRECTS = 10
REDIRECT_CODES = (301, 302, 303, 307, 308)
_SNIFF_BYTES = 1024
# Signatures of common binary formats that servers mislabel as HTML.
_BINARY_MAGIC = {
    b"%PDF": "PDF", b"PK\x03\x04": "ZIP", b"\x89PNG": "PNG", b"GIF8": "GIF", b"\xff\xd8\xff": "JPEG",
    b"\x1f\x8b": "gzip", b"RIFF": "RIFF media", b"\x00\x00\x01\x00": "icon",
}  # fmt: skip


@dataclass(frozen=True)
class FetchOptions:
    """How a :class:`Fetcher` behaves. ``from_settings`` takes the user's settings.

    Attributes:
        user_agent: the User-Agent header; its product token is matched in robots.txt.
        connect_timeout, read_timeout: seconds to wait for a connection, and between bytes.
        max_bytes: largest body accepted; checked while reading.
        max_redirects: redirect hops followed before giving up.
        retries: extra attempts after a connection failure, 429 or 5xx.
        backoff: seconds before the first retry; doubled for each further retry.
        max_retry_wait: longest ``Retry-After`` honoured; a longer one fails the fetch at once.
        min_interval: seconds between two requests to the same host.
        obey_robots: check robots.txt before every request.
        cache_path: SQLite file for conditional GETs; None disables the cache.
    """

    user_agent: str = Settings.user_agent
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    max_bytes: int = 10_000_000
    max_redirects: int = MAX_REDIRECTS
    retries: int = 3
    backoff: float = 1.0
    max_retry_wait: float = 120.0
    min_interval: float = 1.0
    obey_robots: bool = True
    cache_path: str | None = None

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> FetchOptions:
        """Options from the user's settings (User-Agent, timeout, size limit), plus ``overrides``."""
        base = cls(
            user_agent=settings.user_agent,
            connect_timeout=settings.timeout,
            read_timeout=settings.timeout,
            max_bytes=settings.max_bytes,
        )
        return replace(base, **overrides)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Page:
    """A fetched page: its final URL, body bytes and the charset the server declared."""

    url: str
    html: bytes
    charset: str | None
    status: int = 200
    from_cache: bool = False


def _status_reason(response: requests.Response) -> str:
    if response.reason:
        return response.reason
    try:
        return HTTPStatus(response.status_code).phrase
    except ValueError:
        return "error"


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds a ``Retry-After`` header asks to wait: delta-seconds or an HTTP date.

    >>> retry_after_seconds("3"), retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0)
    (3.0, 10.0)
    >>> retry_after_seconds("soon")
    """
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


def _is_dns_failure(exc: BaseException) -> bool:
    seen: set[int] = set()
    stack: list[BaseException | object] = [exc]
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, (NameResolutionError, socket.gaierror)):
            return True
        stack.extend([item.__cause__, item.__context__, getattr(item, "reason", None), *item.args])
    return False


def binary_signature(head: bytes) -> str | None:
    """The format a body that is not text starts like; None for text.

    >>> binary_signature(b"%PDF-1.7 ..."), binary_signature(b"<!doctype html><p>hi"), binary_signature(b"ab\\x00cd")
    ('PDF', None, 'binary data')
    """
    for magic, name in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return name
    if b"\x00" in head[:_SNIFF_BYTES] and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"
    return None


class Fetcher:
    """Fetches pages politely; use one per crawl, as a context manager.

    Args:
        options: timeouts, limits, politeness and cache settings.
        session: a session to use instead of a new one (it is then not closed here).
        sleep: how to wait between retries and for the rate limit (real sleep by default).
    """

    def __init__(
        self,
        options: FetchOptions | None = None,
        session: requests.Session | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options or FetchOptions()
        self._own_session = session is None
        self.session = session or requests.Session()
        self.session.max_redirects = self.options.max_redirects
        self._sleep = sleep
        self.throttle = HostThrottle(self.options.min_interval, sleep=sleep)
        self.robots = RobotsRules(self.session, self.options.user_agent, self._timeout[1])
        self.cache = PageCache(self.options.cache_path) if self.options.cache_path else None

    @property
    def _timeout(self) -> tuple[float, float]:
        return (self.options.connect_timeout, self.options.read_timeout)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the session (when this fetcher opened it) and the cache."""
        if self._own_session:
            self.session.close()
        if self.cache is not None:
            self.cache.close()

    def fetch(self, url: str, media_types: tuple[str, ...] = HTML_TYPES) -> Page:
        """Fetch one HTML page (or a document of another of ``media_types``), following redirects.

        Raises:
            FetchError: for a non-http(s) URL, robots.txt disallowing it, a DNS failure, a
                connection failure or timeout (after retries), a redirect loop or too many
                redirects, an HTTP error status, a non-HTML content type, a binary body or a
                body over the size limit.
        """
        current = url
        visited = [url]
        for _ in range(self.options.max_redirects + 1):
            self._check_url(url, current)
            cached = self.cache.get(current) if self.cache is not None else None
            response = self._send(url, current, cached)
            with response:
                if response.status_code in REDIRECT_CODES and response.headers.get("Location"):
                    target = urljoin(current, response.headers["Location"])
                    if target in visited:
                        chain = " -> ".join([*visited[visited.index(target) :], target])
                        raise FetchError(url, f"redirect loop: {chain}", status=response.status_code)
                    logger.debug("%s: HTTP %d redirect to %s", current, response.status_code, target)
                    visited.append(target)
                    current = target
                    continue
                if response.status_code == 304 and cached is not None:
                    logger.info("%s: not modified since the cached copy", current)
                    return Page(cached.final_url, cached.body, cached.charset, status=304, from_cache=True)
                return self._accept(url, current, response, media_types)
        raise FetchError(url, f"more than {self.options.max_redirects} redirects (redirect loop?)")

    def _check_url(self, url: str, current: str) -> None:
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            where = "" if current == url else f" (redirected to {current})"
            raise FetchError(url, f"only http and https URLs can be fetched{where}")
        if self.options.obey_robots:
            try:
                verdict = self.robots.verdict(current)
            except requests.RequestException as exc:
                raise self._unreachable(url, current, exc, attempts=1) from exc
            if not verdict.allowed:
                raise FetchError(url, f"robots.txt: {verdict.reason}" if current == url else
                                 f"robots.txt: redirected to {current}, {verdict.reason}")

    def _unreachable(self, url: str, current: str, exc: requests.RequestException, attempts: int) -> FetchError:
        """The FetchError for a request that got no response."""
        host = urlsplit(current).hostname
        if isinstance(exc, requests.exceptions.ReadTimeout):
            return FetchError(url, f"timed out after {self.options.read_timeout:g} s")
        if _is_dns_failure(exc):
            return FetchError(url, f"DNS lookup failed: no address for host {host}")
        tries = f" (after {attempts} attempts)" if attempts > 1 else ""
        if isinstance(exc, requests.exceptions.ConnectTimeout):
            return FetchError(url, f"timed out connecting to {host} after {self.options.connect_timeout:g} s{tries}")
        return FetchError(url, f"cannot connect to {host}: {exc.__class__.__name__}{tries}")

    def _send(self, url: str, current: str, cached: CachedPage | None) -> requests.Response:
        """One request with retries; the response is returned unread (streaming)."""
        headers = {"User-Agent": self.options.user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"}
        if cached is not None:
            headers.update(cached.conditional_headers())
        delay = self.robots.crawl_delay(current) if self.options.obey_robots else None
        attempts = self.options.retries + 1
        for attempt in range(1, attempts + 1):
            self.throttle.wait(current, delay)
            try:
                response = self.session.get(
                    current, headers=headers, timeout=self._timeout, stream=True, allow_redirects=False
                )
            except requests.exceptions.ReadTimeout as exc:
                raise self._unreachable(url, current, exc, attempt) from exc
            except requests.exceptions.ConnectionError as exc:
                if attempt < attempts and not _is_dns_failure(exc):
                    wait = self.options.backoff * 2 ** (attempt - 1)
                    logger.info("%s: %s (attempt %d of %d); retrying in %.1f s", current, exc, attempt, attempts, wait)
                    self._sleep(wait)
                    continue
                raise self._unreachable(url, current, exc, attempt) from exc
            except requests.RequestException as exc:
                raise FetchError(url, f"request failed: {exc}") from exc
            status = response.status_code
            if status == 429 or status >= 500:
                reason = _status_reason(response)
                response.close()
                asked = retry_after_seconds(response.headers.get("Retry-After"))
                if asked is not None and asked > self.options.max_retry_wait:
                    raise FetchError(url, f"{reason}; the server asks to retry after {asked:.0f} s", status=status)
                if attempt < attempts:
                    wait = asked if asked is not None else self.options.backoff * 2 ** (attempt - 1)
                    logger.info("%s: HTTP %d (attempt %d of %d); retrying in %.1f s", current, status, attempt, attempts, wait)
                    self._sleep(wait)
                    continue
                raise FetchError(url, f"{reason} (after {attempts} attempts)", status=status)
            if status >= 400 or (300 <= status < 400 and status not in REDIRECT_CODES and status != 304):
                response.close()
                raise FetchError(url, _status_reason(response), status=status)
            return response
        raise AssertionError("unreachable: the loop returns or raises")

    def _accept(self, url: str, current: str, response: requests.Response, media_types: tuple[str, ...]) -> Page:
        """Check type and size of a 2xx response and read its body."""
        content_type = response.headers.get("Content-Type", "")
        media_type = content_type.split(";")[0].strip().lower()
        if media_type and media_type not in media_types:
            wanted = "an HTML page" if media_types == HTML_TYPES else f"one of {', '.join(media_types)}"
            raise FetchError(url, f"not {wanted} (Content-Type {media_type})", status=response.status_code)
        limit = self.options.max_bytes
        declared_length = response.headers.get("Content-Length", "")
        if declared_length.isdigit() and int(declared_length) > limit:
            raise FetchError(url, f"page larger than {limit} bytes (Content-Length {declared_length})")
        body = bytearray()
        try:
            for chunk in response.iter_content(chunk_size=65536):
                body += chunk
                if len(body) > limit:
                    raise FetchError(url, f"page larger than {limit} bytes")
        except requests.RequestException as exc:
            raise FetchError(url, f"timed out or cut off while reading the page ({exc.__class__.__name__})") from exc
        kind = binary_signature(bytes(body[:_SNIFF_BYTES]))
        if kind:
            shown = media_type or "no Content-Type"
            raise FetchError(url, f"binary content: the body is {kind} although it is served as {shown}")
        charset = None
        if "charset=" in content_type.lower():
            charset = content_type.lower().split("charset=")[-1].split(";")[0].strip().strip("\"'") or None
        page = Page(url=current, html=bytes(body), charset=charset, status=response.status_code)
        if self.cache is not None:
            self.cache.put(CachedPage(current, current, response.headers.get("ETag"),
                                      response.headers.get("Last-Modified"), charset, page.html))
        return page


def fetch_html(url: str, settings: Settings, session: requests.Session | None = None) -> Page:
    """Fetch one HTML page with a fetcher made for this one call (see :class:`Fetcher`).

    For many pages, keep one :class:`Fetcher` so robots.txt is read once per site and the
    per-host rate limit applies across pages.

    Raises:
        FetchError: as :meth:`Fetcher.fetch`.
    """
    with Fetcher(FetchOptions.from_settings(settings), session=session) as fetcher:
        return fetcher.fetch(url)

