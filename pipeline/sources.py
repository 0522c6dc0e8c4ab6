"""What a batch reads: sources collected from arguments, lists, feeds and sitemaps, and each read
as an :class:`~pipeline.model.Article`.

:func:`collect_sources` turns the user's inputs into a stream of :class:`Source` items (or
:class:`BadSource` for inputs that cannot even be listed), lazily: directories are walked one
directory at a time, JSON Lines files read one line at a time, feeds and sitemaps entry by
entry, so nothing holds the whole batch. :func:`read_source` reads one source; every way it can
fail is a ``SourceError`` or ``ExtractionError`` whose reason names what is wrong, so a batch
reports it in one line and goes on.

A JSON Lines file holds one article a line, as an object with ``url`` (required), ``headline``,
``published`` (ISO date or date-time), ``publisher``, and ``text`` (the body) or ``html`` (the
page). ``.jsonl.gz`` files are read the same way, decompressed as they are read.
"""

from __future__ import annotations

import codecs
import gzip
import hashlib
import json
import logging
import os
import stat
import unicodedata
import zlib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

from pipeline.config import Settings
from pipeline.discover import Found, read_feed, read_sitemap, read_url_list
from pipeline.errors import ExtractionError, SourceError
from pipeline.fetch import Fetcher, binary_signature, fetch_html
from pipeline.language import article_language, require_english
from pipeline.model import Article
from pipeline.pagemeta import parse_date
from pipeline.text import MIN_BODY_CHARS, article_from_text, decode_html, extract_article

logger = logging.getLogger(__name__)

PAGE_TYPES = (".html", ".htm", ".txt")
RECORD_TYPES = (".jsonl", ".jsonl.gz")
BINARY_SNIFF = 8192
# spaCy's default ``nlp.max_length``: its parser and entity recogniser need about 1 GB of
# memory per 100,000 characters, so a longer text is refused here rather than in a worker.
MAX_ARTICLE_CHARS = 1_000_000
RECORD_FIELDS = ("url", "headline", "published", "publisher", "text", "html")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True)
class Source:
    """One input to read as an article.

    Attributes:
        name: how reports name it: the URL, the path as given, or ``path/file.jsonl:LINE``
            for a JSON Lines record.
        kind: ``"url"``, ``"file"`` or ``"record"``.
        record: for a record, the parsed JSON object.
        listed_date: the date a feed or sitemap gave for the URL, if any; used when the page
            itself gives none.
    """

    name: str
    kind: str
    record: dict[str, Any] | None = field(default=None, hash=False)
    listed_date: date | None = None


@dataclass(frozen=True)
class BadSource:
    """An input that could not be listed at all (a missing path, an unreadable feed, a broken
    JSON Lines line), with one line saying why."""

    name: str
    reason: str


def is_url(text: str) -> bool:
    """True for an http(s) URL (as opposed to a path).

    >>> is_url("https://example.com/a"), is_url("corpus/dev"), is_url("ftp://example.com/a")
    (True, False, False)
    """
    return text.startswith(("http://", "https://"))


def _has_type(path: Path, types: tuple[str, ...]) -> bool:
    return path.name.lower().endswith(types)


# ---------------------------------------------------------------------------------------------
# Collecting


def collect_sources(
    arguments: Iterable[str],
    *,
    from_files: Iterable[str] = (),
    feeds: Iterable[str] = (),
    sitemaps: Iterable[str] = (),
    fetcher: Fetcher | None = None,
    max_bytes: int = Settings.max_bytes,
) -> Iterator[Source | BadSource]:
    """Every source of a batch, lazily, each URL or file once.

    Args:
        arguments: URLs, files and directories. Directories are searched recursively for
            .html, .htm, .txt and .jsonl(.gz) files (other files in them are passed over); a
            file named directly is always yielded, so a wrong type is reported when it is read.
        from_files: text files with one URL a line.
        feeds: RSS or Atom feeds (URLs or files).
        sitemaps: XML sitemaps or sitemap indexes (URLs or files).
        fetcher: reads remote feeds and sitemaps (robots.txt and rate limits apply).
        max_bytes: the longest JSON Lines line read; a longer one is a :class:`BadSource`.

    Yields:
        A :class:`Source` for each input to read, in the order given (arguments, then URL
        lists, feeds, sitemaps), and a :class:`BadSource` for each that cannot be listed: a
        missing path, an unreadable list, feed or sitemap, a broken JSON Lines line. The same
        URL, file or record URL given twice is yielded once.
    """
    seen: set[str] = set()
    streams: list[Iterator[Source | BadSource]] = [
        _from_arguments(arguments, max_bytes),
        *(_from_listing(name, read_url_list(name)) for name in from_files),
        *(_from_listing(name, read_feed(name, fetcher)) for name in feeds),
        *(_from_listing(name, read_sitemap(name, fetcher)) for name in sitemaps),
    ]
    for stream in streams:
        for item in stream:
            if isinstance(item, Source):
                key = _dedup_key(item)
                if key in seen:
                    logger.info("%s: given more than once; read once", item.name)
                    continue
                seen.add(key)
            yield item


def _dedup_key(source: Source) -> str:
    if source.kind == "record" and source.record is not None:
        return str(source.record["url"])
    if source.kind == "file":
        return Path(source.name).resolve().as_uri()
    return source.name


def _from_arguments(arguments: Iterable[str], max_bytes: int) -> Iterator[Source | BadSource]:
    for argument in arguments:
        if is_url(argument):
            yield Source(argument, "url")
            continue
        if "://" in argument:
            yield BadSource(argument, "unsupported URL scheme; use http(s) URLs or local files")
            continue
        path = Path(argument)
        if path.is_dir():
            yield from _walk(path, max_bytes)
        elif not path.exists():
            yield BadSource(argument, "no such file or directory")
        elif _has_type(path, RECORD_TYPES):
            yield from read_records(argument, max_bytes)
        else:
            yield Source(argument, "file")


def _walk(root: Path, max_bytes: int) -> Iterator[Source | BadSource]:
    """The article files under ``root`` in path order (as ``sorted(root.rglob("*"))``), with
    one sorted directory listing held per level of depth rather than the whole tree."""
    stack = [iter(_listing(root))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if isinstance(entry, BadSource):
            yield entry
            continue
        path = Path(entry.path)
        # Symlinked directories are not followed: a link back up the tree would loop.
        if entry.is_dir(follow_symlinks=False):
            stack.append(iter(_listing(path)))
        elif not entry.is_file():
            continue  # pipes, sockets, devices
        elif _has_type(path, RECORD_TYPES):
            yield from read_records(str(path), max_bytes)
        elif _has_type(path, PAGE_TYPES):
            yield Source(str(path), "file")


def _listing(directory: Path) -> list[os.DirEntry[str] | BadSource]:
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        return [BadSource(str(directory), f"cannot list the directory: {exc.strerror or exc}")]


def _from_listing(name: str, found: Iterator[Found]) -> Iterator[Source | BadSource]:
    """URLs of a URL list, feed or sitemap; one that cannot be read becomes a BadSource."""
    try:
        for item in found:
            if is_url(item.url):
                yield Source(item.url, "url", listed_date=item.published)
            else:
                where = item.source if item.source.startswith(f"{name}:") else name
                yield BadSource(item.url, f"listed in {where}, but not an http(s) URL")
    except SourceError as exc:
        # For a sitemap index the failing child sitemap is named; else the list itself.
        yield BadSource(exc.source or name, exc.reason)


def count_sources(arguments: Iterable[str], from_files: Iterable[str] = ()) -> int | None:
    """How many sources a batch of these arguments and URL lists holds, counted cheaply for a
    progress bar's ETA (files by name, records and listed URLs by line); None when a list
    cannot be read. Feeds and sitemaps cannot be counted before they are read."""
    total = 0
    for argument in arguments:
        path = Path(argument)
        if is_url(argument) or not path.exists():
            total += 1
        elif path.is_dir():
            total += sum(_count_file(p) for p in path.rglob("*") if p.is_file() and _has_type(p, PAGE_TYPES + RECORD_TYPES))
        else:
            total += _count_file(path)
    for listing in from_files:
        try:
            with open(listing, encoding="utf-8", errors="replace") as handle:
                total += sum(1 for line in handle if line.strip() and not line.lstrip().startswith("#"))
        except OSError:
            return None
    return total


def _count_file(path: Path) -> int:
    """1 for a page, the number of non-blank lines for a JSON Lines file."""
    if not _has_type(path, RECORD_TYPES):
        return 1
    try:
        with _open_records(str(path)) as handle:
            return sum(1 for line in handle if line.strip())
    except (OSError, EOFError, gzip.BadGzipFile):
        return 1  # read_records will name the problem


# ---------------------------------------------------------------------------------------------
# JSON Lines


def _open_records(path: str) -> IO[bytes] | gzip.GzipFile:
    if path.lower().endswith(".gz"):
        return gzip.GzipFile(path, "rb")
    return open(path, "rb")


def read_records(path: str, max_bytes: int = Settings.max_bytes) -> Iterator[Source | BadSource]:
    """One :class:`Source` per line of a JSON Lines file, read line by line.

    Blank lines are skipped; a line that is not a usable record (invalid JSON, not an object,
    no ``url``, neither ``text`` nor ``html``, longer than ``max_bytes``) is a
    :class:`BadSource` named ``path:LINE``, and reading goes on with the next line.
    """
    try:
        handle = _open_records(path)
    except OSError as exc:
        yield BadSource(path, f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        number = 0
        try:
            while True:
                line = handle.readline(max_bytes + 1)
                if not line:
                    break
                number += 1
                name = f"{path}:{number}"
                if len(line) > max_bytes and not line.endswith(b"\n"):
                    _skip_rest_of_line(handle)
                    yield BadSource(name, f"line longer than the limit of {max_bytes:,} bytes (max_bytes)")
                    continue
                if not line.strip():
                    continue
                try:
                    yield Source(name, "record", record=parse_record(line, name))
                except SourceError as exc:
                    yield BadSource(name, exc.reason)
        except (OSError, EOFError, zlib.error) as exc:  # a cut-off or corrupt .gz
            yield BadSource(f"{path}:{number + 1}", f"cannot read further: {exc}")


def _skip_rest_of_line(handle: IO[bytes] | gzip.GzipFile) -> None:
    while chunk := handle.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return


def parse_record(line: bytes | str, name: str = "<record>") -> dict[str, Any]:
    """The JSON object of one JSON Lines line, checked to be a usable article record.

    >>> parse_record('{"url": "https://a.example/1", "text": "Body."}')["url"]
    'https://a.example/1'

    Raises:
        SourceError: naming ``name`` (``file.jsonl:LINE``) and what is wrong with the line.
    """
    try:
        value = json.loads(line.rstrip(b"\r\n") if isinstance(line, bytes) else line.rstrip("\r\n"))
    except UnicodeDecodeError as exc:
        raise SourceError(name, f"invalid JSON: the line is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise SourceError(name, f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}") from exc
    except RecursionError as exc:
        raise SourceError(name, "invalid JSON: nested too deeply to read") from exc
    if not isinstance(value, dict):
        raise SourceError(name, f"not a JSON object but {_json_type(value)}; each line must be one record")
    url = value.get("url")
    if url is None or url == "":
        raise SourceError(name, "record has no url")
    if not isinstance(url, str) or not is_url(url):
        raise SourceError(name, f"record url is not an http(s) URL: {url!r}")
    for key in ("headline", "publisher", "text", "html", "published"):
        if value.get(key) is not None and not isinstance(value[key], str):
            raise SourceError(name, f"record {key} must be a string, not {_json_type(value[key])}")
    if not (value.get("text") or "").strip() and not (value.get("html") or "").strip():
        raise SourceError(name, "record has neither text nor html")
    if value.get("published") and parse_date(value["published"]) is None:
        raise SourceError(name, f"record published is not an ISO date: {value['published']!r}")
    return value


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


# ---------------------------------------------------------------------------------------------
# Reading


def read_source(source: Source, settings: Settings, fetcher: Fetcher | None = None) -> Article:
    """Read one source as an article.

    Args:
        source: a URL, file or JSON Lines record from :func:`collect_sources`.
        settings: fetching settings (User-Agent, timeout, size limit ``max_bytes``).
        fetcher: the crawl's fetcher, so robots.txt and the per-host rate limit are shared
            across sources; a fetcher for this one source is made when None.

    Returns:
        The article; when the page gives no date, the date its feed or sitemap listed.

    Raises:
        SourceError: for a missing, empty, binary, too large or unsupported file, or a failed
            fetch (``FetchError``).
        ExtractionError: when the source holds no article text, is an index of other articles
            ("no article"), is not in English, or is too long for the NLP stage.
    """
    if source.kind == "record":
        article = _read_record(source)
    elif source.kind == "url" or is_url(source.name):
        page = fetcher.fetch(source.name) if fetcher is not None else fetch_html(source.name, settings)
        article = extract_article(decode_html(page.html, page.charset), url=page.url, source=source.name)
    elif source.kind == "file":
        article = _read_file(source.name, settings)
    else:
        raise SourceError(source.name, f"unknown kind of source {source.kind!r}")
    if article.published is None and source.listed_date is not None:
        article = replace(article, published=source.listed_date)
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise ExtractionError(
            f"{source.name}: article text too long: {len(article.text):,} characters, over the "
            f"{MAX_ARTICLE_CHARS:,} the NLP stage reads at once; split it into articles"
        )
    return require_english(article)


def _read_file(name: str, settings: Settings) -> Article:
    if "://" in name:
        raise SourceError(name, "unsupported URL scheme; use http(s) URLs or local files")
    path = Path(name)
    try:
        status = path.stat()
    except FileNotFoundError as exc:
        raise SourceError(name, "no such file or directory") from exc
    except OSError as exc:
        raise SourceError(name, f"cannot read: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(status.st_mode):
        raise SourceError(name, "is a directory; give it as an argument to read the files in it")
    if not _has_type(path, PAGE_TYPES):
        shown = path.suffix or "(none)"
        raise SourceError(name, f"unsupported file type {shown!r}; expected .html, .htm, .txt or .jsonl")
    if not stat.S_ISREG(status.st_mode):
        # A named pipe or device would block the batch or never end.
        raise SourceError(name, "not a regular file (a pipe, socket or device)")
    # Checked before reading, so a huge file costs no memory.
    if status.st_size > settings.max_bytes:
        raise _too_large(name, f"{status.st_size:,} bytes", settings.max_bytes)
    try:
        with path.open("rb") as handle:
            raw = handle.read(settings.max_bytes + 1)  # the file may have grown since stat
    except OSError as exc:
        raise SourceError(name, f"cannot read: {exc.strerror or exc}") from exc
    if len(raw) > settings.max_bytes:
        raise _too_large(name, "more bytes", settings.max_bytes)
    if not raw.strip():
        raise SourceError(name, "empty file")
    kind = _binary_kind(raw[:BINARY_SNIFF])
    if kind:
        raise SourceError(name, f"binary file, not text or HTML ({kind})")
    url = path.resolve().as_uri()
    if path.suffix.lower() == ".txt":
        return article_from_text(_decode_text(raw), url=url, source=name)
    return extract_article(raw, url=url, source=name)


def _too_large(name: str, size: str, limit: int) -> SourceError:
    reason = f"file too large: {size}, over the limit of {limit:,} bytes (setting max_bytes, DEALGRAPH_MAX_BYTES)"
    return SourceError(name, reason)


def _binary_kind(head: bytes) -> str | None:
    """What a file's first bytes look like when they are not text; None for text."""
    kind = binary_signature(head)
    if kind is None and b"\x00" in head and not head.startswith(_UTF16_BOMS):
        kind = "binary data"
    if kind is None:
        return None
    return "it contains NUL bytes" if kind == "binary data" else f"it starts like a {kind} file"


def _decode_text(raw: bytes) -> str:
    """Plain text: UTF-8 (with or without a byte-order mark, or UTF-16 with one), else
    windows-1252, which also reads Latin-1."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if raw.startswith(_UTF16_BOMS):
        return raw.decode("utf-16", errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read_record(source: Source) -> Article:
    record = source.record
    if record is None:
        raise SourceError(source.name, "a record source carries no record")
    url = record["url"]
    headline = record.get("headline") or None
    publisher = record.get("publisher") or None
    published = parse_date(record.get("published"))
    text = (record.get("text") or "").strip()
    if text:
        # Given text is taken as the body as it is; html is read only when there is no text.
        if len(text) < MIN_BODY_CHARS:
            raise ExtractionError(f"{source.name}: no article text: the record's text is only {len(text)} characters")
        return Article(
            text=text, url=url, source=source.name, headline=headline, published=published,
            publisher=publisher, language=article_language(text, None),
        )  # fmt: skip
    article = extract_article(record.get("html") or "", url=url, source=source.name)
    return replace(
        article,
        url=url,  # the record's URL names the article, whatever canonical URL the page declares
        headline=headline or article.headline,
        published=published or article.published,
        publisher=publisher or article.publisher,
    )


# ---------------------------------------------------------------------------------------------
# Change detection


def content_hash(source: Source, article: Article) -> str:
    """A SHA-256 hex digest of what an article would store: the same article read again gives
    the same digest, and any change to its text, headline, date, publisher or URL changes it.

    Whitespace runs and Unicode forms are normalised first, so a page re-served with other
    line breaks or indentation counts as unchanged. ``source`` is not part of the digest: the
    same article from another input is the same content.

    >>> a = Article(text="Acme  buys\\nWidget.", url="https://a.example/1", source="x")
    >>> content_hash(Source("x", "url"), a) == content_hash(Source("y", "url"), replace(a, text="Acme buys Widget."))
    True
    """
    fields = (
        "dealgraph-content-v1",
        article.url,
        article.headline or "",
        article.published.isoformat() if article.published else "",
        article.publisher or "",
        article.text,
    )
    normalised = "\x1f".join(" ".join(unicodedata.normalize("NFC", value).split()) for value in fields)
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
