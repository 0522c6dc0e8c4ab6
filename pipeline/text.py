"""From a page or a text file to an :class:`~pipeline.model.Article`.

HTML: the page is parsed once with lxml. Metadata comes from the page's own structured data
(:mod:`pipeline.pagemeta`: JSON-LD ``NewsArticle``, OpenGraph, ``<meta>``, canonical link);
the body from :mod:`pipeline.body` (trafilatura plus our filters, checked against JSON-LD
``articleBody``). When that finds no body, a slower beautifulsoup4 pass takes the
``<article>`` (or the densest block of paragraphs) after navigation, related-story rails,
newsletter boxes, captions, comments and footers are removed. A page that is a list of
links to other pages (a section front, a tag page) raises ``ExtractionError`` "no article".

Plain text: the first line is the headline, the rest the body; a trailing "Related …" or
"More from …" section (other stories) is cut off.
"""

from __future__ import annotations

import logging
import re

from bs4 import BeautifulSoup, Tag
from lxml import html as lxml_html

from pipeline.body import Block, all_links_chars, anchor_keys, extract_body_blocks, join_blocks, parse_page
from pipeline.charset import decode_html
from pipeline.errors import ExtractionError
from pipeline.language import article_language
from pipeline.model import Article
from pipeline.pagemeta import PageMeta, read_meta
from pipeline.pagemeta import clean_space as _clean_space
from pipeline.pagemeta import parse_date  # noqa: F401  (re-exported: callers date-parse with it)

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
_TRAILING_SECTION = re.compile(
    r"^\s*(related\b.*|more from\b.*|more stories\b.*|read (?:more|next)\b.*|recommended\b.*|"
    r"you may also like\b.*)\s*$",
    re.IGNORECASE,
)
MIN_BODY_CHARS = 80
# A plain-text "headline" longer than this is a body without its headline line.
MAX_HEADLINE_CHARS = 500
# Share of the body's characters that are link texts above which a page without declared
# article metadata is taken for an index of other pages.
INDEX_LINK_SHARE = 0.5
# A page with no article text but this many headline-length links is an index page.
INDEX_MIN_LINKS = 5


def _strip_noise(root: Tag) -> None:
    for tag in root.find_all(_DROP_TAGS):
        tag.decompose()
    # Tags inside a dropped one are skipped by way of their parent, not ``tag.decomposed``:
    # on a live tag that property searches the tag's whole subtree (bs4's ``__getattr__``),
    # which made deeply nested markup quadratic.
    dropped: set[int] = set()
    outermost: list[Tag] = []
    for tag in root.find_all(True):  # document order: a parent comes before its children
        if id(tag.parent) in dropped:
            dropped.add(id(tag))
            continue
        if tag.name in ("html", "body", "article", "main"):
            continue
        marker = " ".join([tag.get("id") or "", *(tag.get("class") or []), tag.get("role") or ""])
        if marker.strip() and _BOILERPLATE.search(marker):
            dropped.add(id(tag))
            outermost.append(tag)
    for tag in outermost:
        tag.decompose()


_BLOCKS = ("p", "div", "section", "li", "blockquote", "h2", "h3", "td", "pre", "dd")


def _leaf_blocks(root: Tag) -> list[Tag]:
    """Block elements under ``root`` with no block element inside: the page's paragraphs."""
    # One pass in document order, each tag noting the nearest block above it, instead of a
    # ``find`` under every block: that was quadratic in the depth of nested markup.
    nearest_block: dict[int, Tag | None] = {id(root): None}
    blocks: list[Tag] = []
    has_block_inside: set[int] = set()
    for tag in root.find_all(True):
        above = nearest_block.get(id(tag.parent))
        if tag.name in _BLOCKS:
            if above is not None:
                has_block_inside.add(id(above))
            blocks.append(tag)
            above = tag
        nearest_block[id(tag)] = above
    return [tag for tag in blocks if id(tag) not in has_block_inside]


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


def _outermost(tags: list[Tag]) -> list[Tag]:
    """The tags (in document order) that are not inside another of them.

    A candidate inside another has no more text than it, so the longest is always among
    these; measuring only them keeps nested candidates (``<article>`` in ``<article>`` ...)
    linear rather than quadratic in the nesting depth.
    """
    chosen = {id(tag) for tag in tags}
    covered: dict[int, bool] = {}  # element id: it is one of ``tags`` or inside one
    kept = []
    for tag in tags:
        path: list[int] = []
        node = tag.parent
        inside = False
        while node is not None:
            if id(node) in covered:
                inside = covered[id(node)]
                break
            if id(node) in chosen:
                inside = True
                break
            path.append(id(node))
            node = node.parent
        covered.update(dict.fromkeys(path, inside))
        if not inside:
            kept.append(tag)
    return kept


def _best_container(soup: BeautifulSoup) -> Tag | None:
    for selector in ("[itemprop=articleBody]", "article", "main", "[role=main]"):
        candidates = _outermost(soup.select(selector))
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


def parse_html(markup: str) -> lxml_html.HtmlElement | None:
    """The lxml tree of a page; None when there is no markup to parse."""
    if not markup.strip():
        return None
    tree = parse_page(markup)
    if tree is None:
        # trafilatura turns away markup that neither mentions "html" near its start nor parses
        # to more than one element: a bare fragment ("<p>...</p>") or garbage. Read it as the
        # body of a page, so a fragment gives its text and garbage a "no article text" reason.
        tree = parse_page(f"<html><body>{markup}</body></html>")
    return tree


def _fallback_paragraphs(markup: str) -> list[str]:
    """The slower beautifulsoup4 reading of the body, for pages trafilatura finds nothing in."""
    soup = BeautifulSoup(markup, "lxml")
    _strip_noise(soup)
    container = _best_container(soup)
    return _paragraphs(container) if container is not None else []


def _index_reason(meta: PageMeta, blocks: list[Block], anchors: set[str]) -> str | None:
    """Why the page looks like a list of other articles rather than one; None if it does not."""
    if meta.article_declared:
        return None
    if meta.index_declared:
        return "the page declares itself a collection of articles (schema.org CollectionPage/ItemList)"
    chars = sum(len(block.text) for block in blocks)
    # Every link of a block counts: trafilatura merges a run of <div><a>headline</a></div>
    # teasers into one long paragraph, in which only the longest link was measured.
    every_link = all_links_chars(blocks, anchors)
    linked = sum(max(block.link_chars, chars) for block, chars in zip(blocks, every_link, strict=True))
    if chars and linked / chars > INDEX_LINK_SHARE:
        return f"{linked / chars:.0%} of its text is links to other pages"
    return None


def extract_article(html: str | bytes, url: str | None = None, source: str | None = None) -> Article:
    """Read the article of a news page.

    Args:
        html: the page, as text or as undecoded bytes (decoded by :func:`decode_html`).
        url: where the page came from; the page's canonical URL wins when it declares one.
        source: the input as the user named it (defaults to ``url``).

    Returns:
        The article: ``text`` is the body, paragraphs separated by blank lines; ``language``
        is detected from the body (the page's declaration is used when the body is too short).

    Raises:
        ExtractionError: when the page holds no article text, or is an index of other pages.
    """
    markup = decode_html(html) if isinstance(html, bytes) else html
    name = source or url or "<page>"
    tree = parse_html(markup)
    if tree is None:
        problem = "it is empty" if not markup.strip() else "it cannot be parsed as HTML"
        raise ExtractionError(f"{name}: no article text found on the page ({problem})")
    meta = read_meta(tree)
    anchors = anchor_keys(tree)  # before extract_body_blocks prunes the tree
    blocks = extract_body_blocks(tree, meta, url)
    reason = _index_reason(meta, blocks, anchors)
    if reason:
        raise ExtractionError(f"{name}: no article: {reason}")
    text = join_blocks(blocks)
    if len(text) < MIN_BODY_CHARS:
        logger.debug("%s: markup body too short (%d chars); trying the container reader", name, len(text))
        text = "\n\n".join(_fallback_paragraphs(markup))
    if len(text) < MIN_BODY_CHARS:
        links = len(anchor_keys(tree))
        if not meta.article_declared and links >= INDEX_MIN_LINKS:
            raise ExtractionError(f"{name}: no article: the page is an index of {links} links to other pages")
        raise ExtractionError(f"{name}: no article text found on the page")
    page_url = meta.url or url or name
    return Article(
        text=strip_datelines(text),
        url=page_url,
        source=name,
        headline=meta.headline,
        published=meta.published,
        publisher=meta.publisher,
        authors=meta.authors,
        language=article_language(text, meta.language),
    )


# "WALTHAM, Mass., Dec. 8, 2021 - " or "SAN FRANCISCO, Oct 28 (Reuters) - " opening a paragraph.
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{2,}"
    r"(?:(?:,\s*[A-Z][\w.]*\.?(?:\s[A-Z0-9][\w.]*)*)+(?:,\s*\d{4})?(?:\s*\([^)]{1,30}\))?|\s*\([^)]{1,30}\))"
    r"\s*[-–—]+\s+",
    re.MULTILINE,
)


def strip_datelines(text: str) -> str:
    """Drop wire-service datelines from paragraph starts: they are not sentences.

    >>> strip_datelines("WALTHAM, Mass., Dec. 8, 2021 - Thermo Fisher has closed its purchase.")
    'Thermo Fisher has closed its purchase.'
    >>> strip_datelines("SAN FRANCISCO, Oct 28 (TNW) - Elon Musk has completed the deal.")
    'Elon Musk has completed the deal.'
    >>> strip_datelines("AI - a field in flux")
    'AI - a field in flux'
    """
    return _DATELINE.sub("", text)


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
        if len(headline) > MAX_HEADLINE_CHARS:
            raise ExtractionError(
                f"{source}: no article text after the headline line, which is {len(headline):,} characters "
                "long: the first line must be the headline and the body must follow it"
            )
        raise ExtractionError(f"{source}: no article text after the headline line")
    return Article(text=text, url=url, source=source, headline=headline or None)
