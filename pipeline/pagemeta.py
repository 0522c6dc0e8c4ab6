"""What a page says about itself: JSON-LD, OpenGraph, ``<meta>`` and ``<link>`` tags.

Read from the parsed lxml tree that body extraction uses too, so a page is parsed once:
beautifulsoup4 on the whole page would cost more than the rest of extraction together.
A JSON-LD article object (``NewsArticle``, ``Article``, ``BlogPosting``…) wins over
OpenGraph, which wins over plain ``<meta>`` names and the page's own ``<h1>``/``<title>``.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterator

from lxml import html as lxml_html

logger = logging.getLogger(__name__)

ARTICLE_TYPES = frozenset({
    "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "BlogPosting",
    "TechArticle", "ScholarlyArticle", "Report", "LiveBlogPosting", "SocialMediaPosting",
})  # fmt: skip
# Types that say the page is a listing, not one article.
INDEX_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "WebSite"})

_DATE_META = (
    "article:published_time", "og:article:published_time", "datePublished", "date", "pubdate",
    "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.date",
    "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime",
)  # fmt: skip
_AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl")


@dataclass(frozen=True)
class PageMeta:
    """Metadata a page declares about itself; every field may be missing."""

    url: str | None = None
    headline: str | None = None
    description: str | None = None
    published: date | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    language: str | None = None
    body: str | None = None  # JSON-LD articleBody
    og_type: str | None = None
    article_declared: bool = False  # JSON-LD article object or og:type article
    index_declared: bool = False  # JSON-LD CollectionPage/ItemList and no article object


def parse_date(value: str | None) -> date | None:
    """An ISO 8601 date or date-time (also with a time zone) as a date; None otherwise.

    >>> parse_date("2023-09-25T08:00:00Z"), parse_date("20190118"), parse_date("soon")
    (datetime.date(2023, 9, 25), datetime.date(2019, 1, 18), None)
    """
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        match = re.match(r"(\d{4})-?(\d{2})-?(\d{2})(?!\d)", text)
        if not match:
            return None
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    return parsed.date()


def clean_space(text: str) -> str:
    """Runs of white space as one space, trimmed.

    >>> clean_space("  a\\n\\t b ")
    'a b'
    """
    return re.sub(r"\s+", " ", text).strip()


def _json_ld_objects(tree: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        source = (script.text or "").strip()
        if not source:
            continue
        try:
            data = json.loads(source, strict=False)  # raw newlines inside strings are common
        except json.JSONDecodeError as exc:
            logger.debug("ignoring unreadable JSON-LD block: %s", exc)
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
                if isinstance(item.get("mainEntity"), (dict, list)):
                    stack.append(item["mainEntity"])


def _types(item: dict[str, Any]) -> set[str]:
    kinds = item.get("@type", [])
    kinds = [kinds] if isinstance(kinds, str) else kinds
    return {str(kind).rsplit("/", 1)[-1] for kind in kinds if isinstance(kind, str)}


def _string(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or value.get("@id") or value.get("url")
    if isinstance(value, (str, int, float)) and str(value).strip():
        return clean_space(str(value))
    return None


def _names(value: object) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not name.strip().startswith("http"):
            if clean_space(name) not in names:
                names.append(clean_space(name))
    return tuple(names)


def _meta_tags(tree: lxml_html.HtmlElement) -> dict[str, str]:
    """``<meta>`` contents by lower-cased property/name/itemprop; the first one wins."""
    found: dict[str, str] = {}
    for tag in tree.iterfind(".//meta"):
        content = tag.get("content")
        if content is None or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (tag.get(attribute) or "").strip().lower()
            if key and key not in found:
                found[key] = content.strip()
    return found


def _first(meta: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        if meta.get(key.lower()):
            return meta[key.lower()]
    return None


def _body_text(value: object) -> str | None:
    """articleBody as plain text; some sites put HTML in it."""
    if not isinstance(value, str) or not value.strip():
        return None
    if re.search(r"<(p|br|div|a|em|strong)\b", value, re.IGNORECASE):
        fragment = lxml_html.fragment_fromstring(value, create_parent="div")
        for block in fragment.iter("p", "br", "div", "li", "h2", "h3"):
            block.tail = "\n\n" + (block.tail or "")
        value = fragment.text_content()
    return value.strip()


def _link(tree: lxml_html.HtmlElement, rel: str) -> str | None:
    for link in tree.iterfind(".//link"):
        if rel in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            return link.get("href").strip()
    return None


def _text_of(tree: lxml_html.HtmlElement, path: str) -> str | None:
    element = tree.find(path)
    if element is None:
        return None
    text = clean_space(element.text_content())
    return text or None


def read_meta(tree: lxml_html.HtmlElement) -> PageMeta:
    """Read the metadata a parsed page declares."""
    objects = list(_json_ld_objects(tree))
    articles = [item for item in objects if _types(item) & ARTICLE_TYPES]
    # Prefer the article object that carries a body, then the first one.
    ld = max(articles, key=lambda item: isinstance(item.get("articleBody"), str)) if articles else {}
    meta = _meta_tags(tree)
    canonical = _link(tree, "canonical")
    url = (
        (canonical if canonical and canonical.startswith("http") else None)
        or _first(meta, "og:url")
        or _string(ld.get("url"))
        or _string(ld.get("mainEntityOfPage"))
    )
    headline = (
        _string(ld.get("headline"))
        or _first(meta, "og:title", "twitter:title")
        or _text_of(tree, ".//h1")
        or _text_of(tree, ".//title")
    )
    published = parse_date(_string(ld.get("datePublished"))) or parse_date(_first(meta, *_DATE_META))
    if published is None:
        stamp = tree.find(".//time[@datetime]")
        published = parse_date(stamp.get("datetime")) if stamp is not None else None
    authors = _names(ld.get("author")) or _names(
        [value for value in (_first(meta, key) for key in _AUTHOR_META) if value][:1]
    )
    publisher = (_names(ld.get("publisher")) or (None,))[0] or _first(meta, "og:site_name", "application-name")
    root = tree.getroottree().getroot()
    language = (
        _string(ld.get("inLanguage"))
        or root.get("lang")
        or root.get("{http://www.w3.org/XML/1998/namespace}lang")
        or _first(meta, "og:locale", "content-language", "language", "dc.language")
    )
    og_type = (_first(meta, "og:type") or "").lower() or None
    index = any(_types(item) & INDEX_TYPES - {"WebSite"} for item in objects)
    return PageMeta(
        url=url,
        headline=clean_space(headline) if headline else None,
        description=_first(meta, "og:description", "description", "twitter:description")
        or _string(ld.get("description")),
        published=published,
        authors=authors,
        publisher=publisher,
        language=normalise_language(language),
        body=_body_text(ld.get("articleBody")),
        og_type=og_type,
        article_declared=bool(articles) or og_type == "article",
        index_declared=index and not articles,
    )


def normalise_language(value: str | None) -> str | None:
    """The primary language subtag, lower-cased: ``en-GB`` and ``en_US`` are ``en``.

    >>> normalise_language("en_US"), normalise_language(" PT-br "), normalise_language("")
    ('en', 'pt', None)
    """
    if not value or not value.strip():
        return None
    return re.split(r"[-_]", value.strip())[0].lower() or None
