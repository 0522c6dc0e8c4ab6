"""The article body of a page: trafilatura finds it, our filters take the page furniture out.

The page is parsed once (as trafilatura parses it) and pruned (:mod:`pipeline.prune`);
trafilatura (fast mode, recall-oriented, comments off; its default mode when the recall mode
runs the article together into one paragraph) then returns the body as XML, read
here as a sequence of blocks — paragraphs, headings, list items, quotes, table rows. Those
blocks still carry things no article sentence should come from: the headline and standfirst
repeated at the top, bylines, newsletter and sharing boxes, lists of links to other stories,
copyright lines, flattened menus. The filters below drop them using what each block is
(heading, list item), how much of it is the text of a link on the page, and the page's own
metadata (headline, description, authors); the JSON-LD ``articleBody`` then checks the result.
Each rule was kept only if it did not lower F1 on the article-extraction benchmark
(bench/article_extraction.py).
"""

from __future__ import annotations

import logging
import re
import warnings
from collections import Counter
from dataclasses import dataclass

import trafilatura
from lxml import etree
from lxml import html as lxml_html

from pipeline.pagemeta import PageMeta, clean_space
from pipeline.prune import prune_furniture

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Block:
    """One block of body text as trafilatura delimits it."""

    kind: str  # "p", "head", "item", "quote", "row", "code"
    text: str
    link_chars: int = 0

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    @property
    def words(self) -> int:
        return len(self.text.split())


_LEAVES = ("p", "head", "quote", "code")
_CONTAINERS = ("list", "table")
_NESTED = "p|head|quote|code|list|table"


def _inline_text(element: etree._Element) -> str:
    """Text of an element without nested blocks; ``<lb/>`` becomes a line break."""
    parts: list[str] = [element.text or ""]
    for child in element:
        parts.append("\n" if child.tag == "lb" else " " if child.tag == "cell" else "")
        parts.append(_inline_text(child) if child.tag != "lb" else "")
        parts.append(child.tail or "")
    return "\n".join(clean_space(line) for line in "".join(parts).split("\n")).strip()


def _loose(text: str | None, blocks: list[Block]) -> None:
    if text and text.strip():
        blocks.append(Block("p", clean_space(text)))


def _entry_blocks(entry: etree._Element, kind: str, blocks: list[Block]) -> None:
    """A list item or table row: one block, or its nested blocks when it holds some."""
    nested = entry.xpath(f".//*[self::{' or self::'.join(_NESTED.split('|'))}]")
    if not nested:
        text = _inline_text(entry)
        if text:
            blocks.append(Block(kind, text))
        return
    _loose(entry.text, blocks)
    _child_blocks(entry, blocks)


def _child_blocks(parent: etree._Element, blocks: list[Block]) -> None:
    for element in parent:
        if element.tag == "list":
            for item in element.iterchildren("item"):
                _entry_blocks(item, "item", blocks)
        elif element.tag == "table":
            for row in element.iter("row"):
                _entry_blocks(row, "row", blocks)
        elif element.tag in _LEAVES:
            text = _inline_text(element)
            if text:
                blocks.append(Block(element.tag, text))
        elif element.tag in ("cell", "item", "row", "div"):
            _loose(element.text, blocks)
            _child_blocks(element, blocks)
        else:
            _loose(_inline_text(element), blocks)
        _loose(element.tail, blocks)  # loose text between blocks is a paragraph


def _trafilatura_xml(page: str | lxml_html.HtmlElement, url: str | None, favor_recall: bool) -> etree._Element | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        xml = trafilatura.extract(
            page,
            url=url,
            output_format="xml",
            fast=True,
            favor_recall=favor_recall,
            include_comments=False,
            include_links=False,  # with links kept, trafilatura picks a different body
            include_tables=True,
            include_images=False,
            with_metadata=False,
        )
    return etree.fromstring(xml.encode("utf-8")) if xml else None


def _merged(root: etree._Element) -> bool:
    """Whether trafilatura ran the page's paragraphs and headings together into one paragraph
    (a heading inside a <p>), as its recall-oriented mode does on some layouts."""
    return any(p.find(".//head") is not None for p in root.iter("p"))


def trafilatura_blocks(page: str | lxml_html.HtmlElement, url: str | None = None) -> list[Block]:
    """The body blocks trafilatura finds, in page order; empty when it finds none.

    Recall-oriented mode first; when it runs the article together into one paragraph, the
    default mode, which on such pages keeps the paragraphs apart (trafilatura does not change
    the tree it is given, so it can read it twice).
    """
    root = _trafilatura_xml(page, url, favor_recall=True)
    if root is None:
        return []
    if _merged(root):
        again = _trafilatura_xml(page, url, favor_recall=False)
        if again is not None and not _merged(again):
            root = again
    main = root.find("main")
    container = main if main is not None else root
    blocks: list[Block] = []
    _loose(container.text, blocks)
    _child_blocks(container, blocks)
    return blocks


# ---------------------------------------------------------------------------------------------
# Filters

_BOILERPLATE = re.compile(
    r"^(advertisement|advert|sponsored( content)?|ad|share( this( article| story)?)?( on \w+)?|"
    r"share (via|on)\b.*|print( article| this( article| page)?)?|order reprints|text size|"
    r"(see|read|view|show) more\b.*|more on this( story)?|read next|related( articles| stories| content)?|"
    r"recommended( for you)?|trending( now)?|most (read|popular|viewed)|you (may|might) also like\b.*|"
    r"don'?t miss\b.*|also on \S+\b.*|tags?|categor(y|ies)|topics?|filed under\b.*|"
    r"sign up\b.*|subscribe\b.*|thanks? (you )?for (signing up|subscribing)\b.*|"
    r"(get|join) (the|our) .{0,40}newsletters?\b.*|click here\b.*|(follow|like) us on\b.*|"
    r"(image|photo|picture|video) (source|credit)s?:.*|(photo|image|picture|file photo)( by)?:.*|"
    r"\(?(published|updated|posted)( on| at)? [^.]{0,40}\)?|copyright\b.*|©.*|.*all rights reserved\.?|"
    r"comments?|leave a (comment|reply)|loading( comments)?\W*|sorry!?|thank you|"
    r"there was an error processing your subscription\.?|keep an eye on your inbox\b.*|"
    r"this article (has been|was) sent to\b.*|an error has occurred\b.*|like this story\?.*|"
    r"this copy is for your personal, non-commercial use only\b.*)$",
    re.IGNORECASE,
)
_MAX_BOILERPLATE_WORDS = 30
# A heading like these after the article starts a rail of other stories: the body ends there.
_RAIL_HEADING = re.compile(
    r"^(related( \w+)?|more (from|on|in|stories|news)\b.*|top stories|latest( news| stories)?|"
    r"(read|what to read) next|recommended( for you| stories)?|you (may|might) (also )?like\b.*|"
    r"most (read|popular|viewed|shared)|trending( now| stories)?|partner (news|content)|"
    r"from (around|across) the web|sponsored (stories|links|content)|popular (stories|now)|"
    r"editor'?s picks|also read|see also|further reading)\W*$",
    re.IGNORECASE,
)
_END_PUNCTUATION = re.compile(r"[.!?…:;\"”’)\]。！？」』]$")


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def is_boilerplate(block: Block) -> bool:
    """Page furniture recognisable from its wording alone.

    >>> is_boilerplate(Block("p", "Sign up for our daily newsletter")), is_boilerplate(Block("p", "Advertisement"))
    (True, True)
    >>> is_boilerplate(Block("p", "Acme said it would sign up more customers."))
    False
    """
    text = block.text.strip(" -–—|•·*")
    return block.words <= _MAX_BOILERPLATE_WORDS and bool(_BOILERPLATE.match(text))


def is_link_list_entry(block: Block) -> bool:
    """A heading, list item or line that is mostly a link, not a sentence: a pointer to another page."""
    return (
        block.kind in ("item", "head", "p")
        and block.link_density > 0.5
        and block.words < 40
        and not _END_PUNCTUATION.search(block.text)
    )


def is_byline(block: Block, authors: tuple[str, ...]) -> bool:
    """A short line that names the author ("By Ada Lee, Houston", "Ada Lee | May 17, 2024").

    >>> is_byline(Block("p", "By Ada Lee, Houston"), ()), is_byline(Block("p", "Ada Lee | May 17"), ("Ada Lee",))
    (True, True)
    >>> is_byline(Block("p", "Ada Lee, the chief executive, said the deal would close in May."), ("Ada Lee",))
    False
    """
    if block.words > 12 or _END_PUNCTUATION.search(block.text) and block.text.endswith("."):
        return False
    if re.match(r"(?i)(written |words |reporting )?by\s+\S", block.text):
        return True
    return any(author and author in block.text for author in authors)


def is_menu(block: Block) -> bool:
    """A long run of words without a single sentence mark: a navigation menu flattened.

    >>> is_menu(Block("p", " ".join(["Home", "News", "Sport", "Weather", "Contact"] * 8)))
    True
    """
    return (
        block.kind == "p"
        and block.words >= 30
        and "\n" not in block.text
        and not re.search(r"[.!?;:。！？]", block.text)
    )


def _is_prose(block: Block) -> bool:
    return block.kind in ("p", "quote") and len(block.text) >= 40 and bool(_END_PUNCTUATION.search(block.text))


def anchor_keys(tree: lxml_html.HtmlElement) -> set[str]:
    """The page's link texts (normalised), long enough to name another page."""
    return {key for anchor in tree.iter("a") if len(key := _key(anchor.text_content())) >= 12}


def with_link_share(blocks: list[Block], anchors: set[str]) -> list[Block]:
    """Blocks with ``link_chars`` set to the longest link text of the page they contain."""
    marked = []
    for block in blocks:
        key = _key(block.text)
        if block.kind in ("item", "head", "p") and block.words < 40 and key:
            covered = max((len(anchor) for anchor in anchors if anchor in key), default=0)
            block = Block(block.kind, block.text, round(covered * len(block.text) / len(key)))
        marked.append(block)
    return marked


def all_links_chars(blocks: list[Block], anchors: set[str]) -> list[int]:
    """For each block, its characters that are the texts of the page's links, every link it
    holds counted (``with_link_share`` counts only the longest, and only in short blocks).

    Each link text is looked for only in the blocks holding its rarest word, so a page of
    thousands of links and paragraphs costs about one pass over its words.

    >>> all_links_chars([Block("p", "acme buys widget rival raises cash and other words"), Block("p", "no links")],
    ...                 {"acme buys widget", "rival raises cash"})
    [33, 0]
    """
    frequency = Counter(word for anchor in anchors for word in set(anchor.split()))
    by_rarest_word: dict[str, list[str]] = {}
    for anchor in anchors:
        by_rarest_word.setdefault(min(anchor.split(), key=frequency.__getitem__), []).append(anchor)
    counts = []
    for block in blocks:
        key = _key(block.text)
        candidates = (anchor for word in set(key.split()) for anchor in by_rarest_word.get(word, ()))
        covered = min(len(key), sum(len(anchor) for anchor in candidates if anchor in key))
        counts.append(round(covered * len(block.text) / len(key)) if key else 0)
    return counts


def filter_blocks(blocks: list[Block], meta: PageMeta) -> list[Block]:
    """Drop the headline, standfirst, boxes, link lists and trailing furniture."""
    headline = _key(meta.headline or "")
    description = _key(meta.description or "")
    kept: list[Block] = []
    seen_prose = False
    for block in blocks:
        key = _key(block.text)
        if not key:
            continue
        if not seen_prose and headline and (key == headline or (block.kind == "head" and key in headline)):
            continue
        if not seen_prose and description and key == description and block.kind == "head":
            continue
        if seen_prose and block.kind in ("head", "p") and _RAIL_HEADING.match(block.text.strip(" :-–—|")):
            break
        if is_boilerplate(block) or is_link_list_entry(block) or is_menu(block):
            continue
        if not seen_prose and block.kind != "head" and block.words <= 3 and not _is_prose(block):
            continue  # a section label or kicker above the article
        if is_byline(block, meta.authors):
            continue
        seen_prose = seen_prose or _is_prose(block)
        kept.append(block)
    # After the last paragraph of prose, headings and short lines are the page's footer.
    while kept and not _is_prose(kept[-1]) and len(kept[-1].text) < 80:
        kept.pop()
    return kept


def join_blocks(blocks: list[Block]) -> str:
    """Body text: paragraphs separated by blank lines, list items and rows by line breaks."""
    parts: list[str] = []
    for previous, block in zip([None, *blocks], blocks):
        if previous is not None:
            same_run = previous.kind == block.kind and block.kind in ("item", "row")
            parts.append("\n" if same_run else "\n\n")
        parts.append(block.text)
    return "".join(parts)


def shingle_set(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Word n-grams of ``text``: a cheap fingerprint for comparing two versions of a body."""
    words = re.findall(r"\w+", text.casefold())
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def containment(part: str, whole: str | Counter[tuple[str, ...]]) -> float:
    """How much of ``part``'s word 4-grams occur in ``whole`` (text or its shingles), 0 to 1.

    >>> containment("the cat sat on the mat", "yes the cat sat on the mat today")
    1.0
    """
    mine = shingle_set(part)
    if not mine:
        return 0.0
    theirs = shingle_set(whole) if isinstance(whole, str) else whole
    return sum((mine & theirs).values()) / sum(mine.values())


def paragraphs_of(text: str) -> list[Block]:
    """Plain text (JSON-LD ``articleBody``) as paragraph blocks, one per non-empty line."""
    return [Block("p", clean_space(line)) for line in text.splitlines() if line.strip()]


def combine_with_structured_body(blocks: list[Block], declared: str | None) -> list[Block]:
    """Use the page's JSON-LD ``articleBody`` to check the body found in the markup.

    The declared body is often a teaser or carries captions, so it does not simply win: it
    replaces the markup body when that is empty or a fraction of it (a truncated or
    script-rendered page) or when both hold the same text but only the declared one keeps the
    paragraph breaks; when it covers the markup body it vetoes the blocks it lacks.
    """
    if not declared or len(declared) < MIN_DECLARED_CHARS:
        return blocks
    found = join_blocks(blocks)
    if not found.strip():
        return paragraphs_of(declared)
    declared_shingles = shingle_set(declared)
    covered = containment(found, declared_shingles)
    if covered >= 0.9 and len(declared) >= 1.5 * len(found):
        return paragraphs_of(declared)
    declared_blocks = paragraphs_of(declared)
    if covered >= 0.9 and len(declared_blocks) > len(blocks) and containment(declared, shingle_set(found)) >= 0.9:
        return declared_blocks  # the same text, with the paragraph breaks the markup lost
    if covered >= 0.8:
        return [b for b in blocks if not shingle_set(b.text) or containment(b.text, declared_shingles) >= 0.2]
    return blocks


MIN_DECLARED_CHARS = 200


def parse_page(markup: str) -> lxml_html.HtmlElement | None:
    """Parse a page the way trafilatura does (same parser settings, same repairs)."""
    return trafilatura.load_html(markup)


def extract_body_blocks(tree: lxml_html.HtmlElement, meta: PageMeta, url: str | None = None) -> list[Block]:
    """The article body of a page parsed by :func:`parse_page`, as blocks; empty when none.

    The tree is pruned in place (captions, sign-up panels, furniture named by class).

    Args:
        tree: the parsed page; read its metadata before calling this.
        meta: what the page declares about itself (headline, description, articleBody).
        url: the page's address, passed on to trafilatura.
    """
    anchors = anchor_keys(tree)
    prune_furniture(tree)
    blocks = with_link_share(trafilatura_blocks(tree, url), anchors)
    return combine_with_structured_body(filter_blocks(blocks, meta), meta.body)
