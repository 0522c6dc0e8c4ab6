"""Where batch crawls get their URLs: RSS/Atom feeds, XML and news sitemaps, URL lists.

Each source yields :class:`Found` records, an article URL with the date its feed or sitemap
gives (``None`` when it gives none). Feeds are read with feedparser; sitemaps with lxml,
following a sitemap index into its child sitemaps (once each, to a bounded depth); a URL list
is a text file with one URL a line, ``#`` comments and blank lines ignored. Remote feeds and
sitemaps are fetched through a :class:`~pipeline.fetch.Fetcher`, so robots.txt, the rate
limit and the size limit apply to them too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from pipeline.errors import SourceError
from pipeline.fetch import Fetcher
from pipeline.pagemeta import parse_date

logger = logging.getLogger(__name__)

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
MAX_SITEMAP_DEPTH = 3
XML_TYPES = ("application/xml", "text/xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", *XML_TYPES)


@dataclass(frozen=True)
class Found:
    """An article URL discovered in a feed, sitemap or list, with the date given there."""

    url: str
    published: date | None = None
    source: str = ""


def _read(location: str, fetcher: Fetcher | None, media_types: tuple[str, ...]) -> bytes:
    """The bytes of a local file or a remote document."""
    if location.startswith(("http://", "https://")):
        if fetcher is None:
            raise SourceError(location, "a Fetcher is needed to read a remote feed or sitemap")
        return fetcher.fetch(location, media_types=media_types).html
    path = Path(location)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(location, f"cannot read: {exc.strerror or exc}") from exc


def _is_http(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https") and bool(urlsplit(url).hostname)


def read_feed(location: str, fetcher: Fetcher | None = None) -> Iterator[Found]:
    """Article URLs of an RSS or Atom feed (a URL or a file), with their entry dates.

    Raises:
        SourceError: when the feed cannot be read or is not a feed (FetchError for URLs).
    """
    yield from _feed_entries(_read(location, fetcher, FEED_TYPES), location)


def _feed_entries(raw: bytes, location: str) -> Iterator[Found]:
    parsed = feedparser.parse(raw)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        raise SourceError(location, f"not an RSS or Atom feed ({problem or 'no entries'})")
    for entry in parsed.entries:
        link = entry.get("link") or next(
            (item.get("href") for item in entry.get("links", []) if item.get("rel", "alternate") == "alternate"), None
        )
        if not link:
            logger.info("%s: feed entry %r has no link; skipped", location, entry.get("title", "?"))
            continue
        link = urljoin(location, link) if _is_http(location) else link
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        yield Found(link, published, location)


def read_sitemap(location: str, fetcher: Fetcher | None = None, _depth: int = 0, _seen: set[str] | None = None) -> Iterator[Found]:
    """Article URLs of an XML sitemap or news sitemap; a sitemap index is followed.

    The date is the news sitemap's ``<news:publication_date>``, else ``<lastmod>``.

    Raises:
        SourceError: when the sitemap cannot be read or is not sitemap XML.
    """
    seen = _seen if _seen is not None else set()
    seen.add(location)
    yield from _sitemap_entries(_read(location, fetcher, XML_TYPES), location, fetcher, _depth, seen)


def _sitemap_entries(raw: bytes, location: str, fetcher: Fetcher | None, depth: int, seen: set[str]) -> Iterator[Found]:
    try:
        root = etree.fromstring(raw, parser=etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    except etree.XMLSyntaxError as exc:
        raise SourceError(location, f"not sitemap XML: {exc}") from exc
    tag = etree.QName(root).localname
    if tag == "sitemapindex":
        if depth >= MAX_SITEMAP_DEPTH:
            logger.warning("%s: sitemap index nested deeper than %d; not followed", location, MAX_SITEMAP_DEPTH)
            return
        for child in root.iter(f"{{{SITEMAP_NS}}}loc"):
            target = (child.text or "").strip()
            if target and target not in seen:
                yield from read_sitemap(target, fetcher, depth + 1, seen)
        return
    if tag != "urlset":
        raise SourceError(location, f"not a sitemap: the root element is <{tag}>, not <urlset> or <sitemapindex>")
    for entry in root.iter(f"{{{SITEMAP_NS}}}url"):
        loc = (entry.findtext(f"{{{SITEMAP_NS}}}loc") or "").strip()
        if not loc:
            continue
        stamp = entry.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication_date") or entry.findtext(
            f"{{{SITEMAP_NS}}}lastmod"
        )
        yield Found(loc, parse_date(stamp), location)


def read_url_list(path: str) -> Iterator[Found]:
    """URLs from a text file, one a line, read line by line; blank lines and ``#`` comments
    are skipped. A line that is not an http(s) URL is passed on as it is, with
    ``source`` naming its line (``urls.txt:7``), for the caller to report; the lines after it
    are still read.

    Raises:
        SourceError: when the file cannot be opened or read.
    """
    try:
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                text = line.strip()
                if text and not text.startswith("#"):
                    yield Found(text, None, f"{path}:{number}")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(path, f"cannot read the URL list: {exc}") from exc


def discover(location: str, fetcher: Fetcher | None = None) -> Iterator[Found]:
    """Article URLs from a feed, a sitemap or a URL list, recognised by its content.

    Raises:
        SourceError: when the location cannot be read or is none of these.
    """
    if not location.startswith(("http://", "https://")) and Path(location).suffix.lower() in (".txt", ".list", ""):
        yield from read_url_list(location)
        return
    raw = _read(location, fetcher, FEED_TYPES)
    head = raw[:2048].lower()
    if b"<urlset" in head or b"<sitemapindex" in head:
        yield from _sitemap_entries(raw, location, fetcher, 0, {location})
    else:
        yield from _feed_entries(raw, location)

