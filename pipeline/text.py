"""From a page or a text file to an :class:`~pipeline.model.Article`.

HTML: metadata comes from the page's own structured data — JSON-LD ``NewsArticle``,
OpenGraph and ``<meta>`` tags, ``<link rel="canonical">`` — and the body from JSON-LD
``articleBody`` when the page gives one, else from the paragraphs of the ``<article>`` (or the
densest block of paragraphs) after navigation, related-story rails, newsletter boxes,
captions, comments and footers are removed.

Plain text: the first line is the headline, the rest the body; a trailing "Related …" or
"More from …" section (other stories) is cut off.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import date, datetime

from bs4 import BeautifulSoup, Tag
from bs4.dammit import UnicodeDammit

from pipeline.errors import ExtractionError
from pipeline.model import Article

logger = logging.getLogger(__name__)

_DROP_TAGS = (
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure",
    "figcaption", "iframe", "button", "svg", "template", "dialog", "menu", "select", "input",
)  # fmt: skip
_BOILERPLATE = re.compile(
    r"related|newsletter|subscribe|sign-?up|comment|share|social|promo|advert|\bads?\b|"
    r"sidebar|footer|\bnav|menu|breadcrumb|caption|byline|author|tags?\b|recirc|more-stories|"
    r"trending|popular|cookie|read-?more|recommend|outbrain|taboola|paywall|dateline|"
    r"timestamp|meta\b|toolbar|masthead|banner|widget|rail",
    re.IGNORECASE,
)
_ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                  "BlogPosting", "TechArticle", "Report"}  # fmt: skip
_TRAILING_SECTION = re.compile(
    r"^\s*(related\b.*|more from\b.*|more stories\b.*|read (?:more|next)\b.*|recommended\b.*|"
    r"you may also like\b.*)\s*$",
    re.IGNORECASE,
)
MIN_BODY_CHARS = 80


def decode_html(raw: bytes, declared: str | None = None) -> str:
    """Bytes of a page to text: the declared charset, else ``<meta>``, else a guess."""
    candidates = [declared] if declared else []
    dammit = UnicodeDammit(raw, candidates, is_html=True)
    if dammit.unicode_markup is None:
        return raw.decode("utf-8", errors="replace")
    return dammit.unicode_markup


def parse_date(value: str | None) -> date | None:
    """An ISO date or date-time as a date; None when it is not one.

    >>> parse_date("2023-09-25T08:00:00Z"), parse_date("soon")
    (datetime.date(2023, 9, 25), None)
    """
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    for parse in (datetime.fromisoformat, date.fromisoformat):
        try:
            parsed = parse(text)
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, datetime) else parsed
    match = re.match(r"(\d{4}-\d{2}-\d{2})", text)
    return date.fromisoformat(match.group(1)) if match else None


def _json_ld_articles(soup: BeautifulSoup) -> list[dict]:
    found: list[dict] = []
    for script in soup.find_all("script", type="application/ld+json"):
        try:
            data = json.loads(script.string or "")
        except json.JSONDecodeError as exc:
            logger.debug("ignoring unreadable JSON-LD: %s", exc)
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if not isinstance(item, dict):
                continue
            stack += item.get("@graph", []) if isinstance(item.get("@graph"), list) else []
            kinds = item.get("@type", [])
            kinds = {kinds} if isinstance(kinds, str) else set(kinds)
            if kinds & _ARTICLE_TYPES:
                found.append(item)
    return found


def _names(value: object) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        if isinstance(item, dict) and item.get("name"):
            names.append(str(item["name"]).strip())
        elif isinstance(item, str) and item.strip():
            names.append(item.strip())
    return tuple(names)


def _meta(soup: BeautifulSoup, *keys: str) -> str | None:
    for key in keys:
        tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
        if tag and tag.get("content", "").strip():
            return tag["content"].strip()
    return None


def _clean_space(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _strip_noise(root: Tag) -> None:
    for tag in root.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in root.find_all(True):
        if tag.decomposed or tag.name in ("html", "body", "article", "main"):
            continue
        marker = " ".join([tag.get("id") or "", *(tag.get("class") or []), tag.get("role") or ""])
        if marker.strip() and _BOILERPLATE.search(marker):
            tag.decompose()


_BLOCKS = ("p", "div", "section", "li", "blockquote", "h2", "h3", "td", "pre", "dd")


def _leaf_blocks(root: Tag) -> list[Tag]:
    """Block elements under ``root`` with no block element inside: the page's paragraphs."""
    return [tag for tag in root.find_all(_BLOCKS) if tag.find(_BLOCKS) is None]


def _is_prose(text: str) -> bool:
    return len(text) >= 40 and bool(re.search(r"[.!?…:;\"”’)]$", text))


def _paragraphs(container: Tag) -> list[str]:
    texts = []
    for block in _leaf_blocks(container):
        text = _clean_space(block.get_text(" "))
        if block.name in ("h2", "h3", "li", "td", "dd", "div") and not _is_prose(text):
            continue  # subheadings, link lists and labels carry no facts
        if text:
            texts.append(text)
    return texts


def _best_container(soup: BeautifulSoup) -> Tag | None:
    for selector in ("[itemprop=articleBody]", "article", "main", "[role=main]"):
        candidates = soup.select(selector)
        if candidates:
            return max(candidates, key=lambda t: len(t.get_text(" ")))
    # No semantic markup: the element whose child paragraphs hold the most prose.
    scores: dict[int, tuple[int, Tag]] = {}
    for block in _leaf_blocks(soup):
        text = _clean_space(block.get_text(" "))
        parent = block.parent
        if parent is not None and _is_prose(text):
            score, _ = scores.get(id(parent), (0, parent))
            scores[id(parent)] = (score + len(text), parent)
    if not scores:
        return soup.body
    return max(scores.values(), key=lambda item: item[0])[1]


def extract_article(html: str | bytes, url: str | None = None, source: str | None = None) -> Article:
    """Read the article of a news page.

    Args:
        html: the page, as text or as undecoded bytes.
        url: where the page came from; the page's canonical URL wins when it declares one.
        source: the input as the user named it (defaults to ``url``).

    Raises:
        ExtractionError: when the page holds no article text.
    """
    markup = decode_html(html) if isinstance(html, bytes) else html
    soup = BeautifulSoup(markup, "lxml")
    ld = _json_ld_articles(soup)
    first = ld[0] if ld else {}
    canonical = soup.find("link", rel="canonical")
    page_url = (
        (canonical.get("href") if canonical else None)
        or _meta(soup, "og:url")
        or (first.get("url") if isinstance(first.get("url"), str) else None)
        or url
    )
    headline = (
        (first.get("headline") if isinstance(first.get("headline"), str) else None)
        or _meta(soup, "og:title", "twitter:title")
        or (soup.h1.get_text(" ", strip=True) if soup.h1 else None)
        or (soup.title.get_text(strip=True) if soup.title else None)
    )
    published = parse_date(
        first.get("datePublished") if isinstance(first.get("datePublished"), str) else None
    ) or parse_date(_meta(soup, "article:published_time", "date", "pubdate", "dc.date"))
    publisher = (_names(first.get("publisher")) or (None,))[0] or _meta(soup, "og:site_name")
    authors = _names(first.get("author")) or tuple(
        a for a in [_meta(soup, "author", "article:author")] if a
    )
    html_tag = soup.find("html")
    language = (
        (first.get("inLanguage") if isinstance(first.get("inLanguage"), str) else None)
        or (html_tag.get("lang") if html_tag else None)
        or _meta(soup, "og:locale")
    )
    body = first.get("articleBody") if isinstance(first.get("articleBody"), str) else None
    if body and len(body) >= MIN_BODY_CHARS:
        paragraphs = [_clean_space(p) for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
    else:
        _strip_noise(soup)
        container = _best_container(soup)
        paragraphs = _paragraphs(container) if container is not None else []
    text = "\n\n".join(paragraphs)
    name = source or url or page_url or "<page>"
    if len(text) < MIN_BODY_CHARS:
        raise ExtractionError(f"{name}: no article text found on the page")
    return Article(
        text=text,
        url=page_url or name,
        source=name,
        headline=_clean_space(headline) if headline else None,
        published=published,
        publisher=publisher,
        authors=authors,
        language=language.split("-")[0].split("_")[0].lower() if language else None,
    )


def article_from_text(content: str, url: str, source: str) -> Article:
    """An article from plain text whose first non-empty line is the headline.

    Raises:
        ExtractionError: when there is no body after the headline.
    """
    lines = content.replace("\r\n", "\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    headline = lines[0].strip() if lines else ""
    body_lines = lines[1:]
    for n, line in enumerate(body_lines):
        if _TRAILING_SECTION.match(line) and n > len(body_lines) // 2:
            body_lines = body_lines[:n]
            break
    text = "\n".join(line.rstrip() for line in body_lines).strip()
    if len(text) < MIN_BODY_CHARS:
        raise ExtractionError(f"{source}: no article text after the headline line")
    return Article(text=text, url=url, source=source, headline=headline or None)
