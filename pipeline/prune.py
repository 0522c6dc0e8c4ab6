"""Take page furniture out of a parsed page before its body is looked for.

trafilatura already drops navigation, footers and much else; what still slips through is
furniture it cannot recognise by tag name: photo captions in plain ``<div>``s beside the
picture, newsletter panels built around an e-mail sign-up form, and related-story rails,
comment threads, bylines, kickers and tickers whose class names say what they are. Pruning
works on the lxml tree in place.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

# Class or id words (split at "-", "_", spaces and case changes) that name furniture.
# Measured on the benchmark's real pages, "sidebar", "rail", "advertisement", "paywall",
# "social" and "by" also name wrappers of whole article bodies ("has-sidebar",
# "paywall-article"), so they are not here.
FURNITURE_WORDS = frozenset({
    "related", "relatedstories", "recirc", "recirculation", "morestories", "readmore",
    "mostread", "popular", "trending", "outbrain", "taboola", "newsletter", "newsletters",
    "subscribe", "subscription", "signup", "comments", "comment", "commentlist", "disqus",
    "caption", "captions", "figcaption", "credit", "credits", "promo", "promos", "cookie",
    "cookies", "breadcrumb", "breadcrumbs", "sharing", "sharebar", "byline", "bylines",
    "dateline", "kicker", "eyebrow", "readtime", "standfirst", "dek", "strapline", "strap",
    "tagline", "ticker", "disclaimer", "discuss", "discussion",
})  # fmt: skip
_ANY_WORD = re.compile("|".join(sorted(FURNITURE_WORDS)))  # cheap pre-check before splitting
_SPLIT = re.compile(r"[\s_\-:./]+|(?<=[a-z])(?=[A-Z])")
_KEEP = {"html", "body", "article", "main"}
_MEDIA = ("img", "picture", "video", "svg")
_TEXT_BLOCKS = ("div", "span", "p", "small", "figcaption", "em", "cite")
MAX_CAPTION_WORDS = 60
MAX_PANEL_WORDS = 60


def marker_words(element: lxml_html.HtmlElement) -> set[str]:
    """The words of an element's class and id, lower-cased.

    >>> sorted(marker_words(lxml_html.fromstring('<div class="side-panel relatedStories" id="x_1">')))
    ['1', 'panel', 'related', 'side', 'stories', 'x']
    """
    raw = f"{element.get('class') or ''} {element.get('id') or ''}"
    return {word.lower() for word in _SPLIT.split(raw) if word}


def _words(element: lxml_html.HtmlElement) -> int:
    return len(element.text_content().split())


def _drop(element: lxml_html.HtmlElement) -> None:
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()  # keeps the tail text, which belongs to the parent


def _is_signup(form: lxml_html.HtmlElement) -> bool:
    """A small form asking for an e-mail address: a newsletter or registration box."""
    if _words(form) > MAX_PANEL_WORDS:
        return False  # some sites wrap the whole page in one form
    for field in form.iter("input"):
        described = " ".join(field.get(key) or "" for key in ("type", "name", "placeholder", "id")).lower()
        if "mail" in described:
            return True
    return False


def prune_furniture(tree: lxml_html.HtmlElement) -> None:
    """Remove captions, sign-up panels and elements whose class or id names furniture."""
    for element in tree.xpath("//*[@class or @id]"):
        if element.tag in _KEEP or element.getparent() is None:
            continue
        marker = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
        if _ANY_WORD.search(marker) and marker_words(element) & FURNITURE_WORDS:
            _drop(element)
    for form in list(tree.iter("form")):
        if not _is_signup(form):
            continue
        panel = form.getparent()
        # the panel around a sign-up form: its heading and blurb go with it
        if panel is not None and panel.tag not in _KEEP and _words(panel) <= MAX_PANEL_WORDS:
            _drop(panel)
        else:
            _drop(form)
    for media in list(tree.iter(*_MEDIA)):
        holder = media.getparent()
        while holder is not None and holder.tag in ("a", "picture") and holder.getparent() is not None:
            holder = holder.getparent()
        if holder is None or holder.tag in _KEEP or len(holder) > 3:
            continue
        # a short text beside a picture, in a small box of its own, is its caption
        for sibling in holder:
            if sibling.tag in _TEXT_BLOCKS and next(sibling.iter(*_MEDIA), None) is None and 0 < _words(sibling) <= MAX_CAPTION_WORDS:
                _drop(sibling)
