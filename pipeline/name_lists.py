"""The members of a list of names, read item by item rather than from the parse.

The small parser hangs the members of a long list anywhere: in "…, as did ARK Invest, the AI
researcher Andrej Karpathy, In-Q-Tel, G Squared and three of the hardware makers whose servers
fill Lambda's data halls: Pegatron, Supermicro and Wistron" it makes Karpathy an apposition
of "researcher" and Pegatron one of "halls". Read in order, a list is items split by commas,
semicolons, colons and "and". An item that ends in a name names a member ("the AI researcher
Andrej Karpathy", "Singapore's sovereign wealth fund GIC"); an item that is a description
("the former Google chief executive") or a clause ("who founded Zoom") names none.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.model import Org
from pipeline.orgs import RELATIVE_PRONOUNS, OrgMention

SEPARATORS = {",", ";", ":", "and", "or"}
# Words that open an item without belonging to it.
_OPENERS = ("as well as", "along with", "together with", "alongside", "plus", "including", "also", "and", "or", "with")
# Words that close an item without belonging to it.
_CLOSERS = {"all", "also", "both", "too", "each", "together"}
# Parts of speech a description before a name may have ("the AI researcher", "Singapore's").
_DESCRIPTION_POS = {"DET", "ADJ", "NOUN", "PROPN", "NUM", "PART", "ADV", "PUNCT"}


def listed_names(
    sent: Span, start: int, mentions: list[OrgMention], people: bool = True, end: int | None = None
) -> list[OrgMention]:
    """The names listed in ``sent`` from token ``start`` to ``end`` (the sentence's end by
    default), in order.

    ``mentions`` are the sentence's organisation mentions; with ``people``, a person the NER
    found closes an item too (a list of investors may name business angels). The list ends at
    the sentence's end or at an item that is a clause of its own ("…, and the round valued the
    company at $8bn")."""
    doc = sent.doc
    named: list[OrgMention] = []
    for item in _items(sent, start, sent.end if end is None else end, mentions):
        item = _trimmed(item)
        if not len(item):
            continue
        described = _name_then_participle(item, mentions)
        if described is not None:
            named.append(described)  # "the Defense Innovation Fund run on behalf of France's ministry"
            continue
        if _is_clause(item):
            if any(t.lower_ in RELATIVE_PRONOUNS | {"whose"} for t in item):
                continue  # "who founded Zoom", "the makers whose servers fill its halls"
            break
        mention = next((m for m in mentions if m.end == item.end and m.start >= item.start and not m.anaphoric), None)
        if mention is None and people:
            person = next((e for e in doc.ents if e.end == item.end and e.start >= item.start and e.label_ == "PERSON"), None)
            if person is not None:
                mention = OrgMention(person.start, person.end, Org(person.text, person.text), guessed=True, person=True)
        if mention is None or not all(t.pos_ in _DESCRIPTION_POS for t in doc[item.start : mention.start]):
            continue
        if doc[mention.end - 1].dep_ == "poss":
            continue  # "Lambda's data halls"
        named.append(mention)
    return named


def _items(sent: Span, start: int, end: int, mentions: list[OrgMention]) -> list[Span]:
    """The runs of tokens between separators, never splitting a name ("Procter and Gamble")."""
    doc = sent.doc
    inside = {i for m in mentions for i in range(m.start + 1, m.end)}
    items, begin = [], start
    for token in doc[start:end]:
        if token.i not in inside and token.lower_ in SEPARATORS:
            items.append(doc[begin : token.i])
            begin = token.i + 1
    items.append(doc[begin:end])
    return items


def _trimmed(item: Span) -> Span:
    """The item without the words that open it ("as well as") and the words, spaces and stops
    after its last name ("Absoluto Partners all took part")."""
    end = item.end
    while end > item.start and (item.doc[end - 1].is_space or item.doc[end - 1].is_punct or item.doc[end - 1].lower_ in _CLOSERS):
        end -= 1
    start, text = item.start, item.text.lower()
    for opener in _OPENERS:
        if text.startswith(opener + " "):
            start += len(opener.split())
            break
    return item.doc[start:end] if start < end else item.doc[start:start]


def _name_then_participle(item: Span, mentions: list[OrgMention]) -> OrgMention | None:
    """The name an item opens with when a participle describes it ("the Defense Innovation
    Fund run on behalf of France's armed forces ministry", "Eni Next, backed by …"), which the
    tagger may take for a verb in the past tense."""
    doc = item.doc
    first = next((m for m in mentions if m.start >= item.start and not m.anaphoric), None)
    if first is None or first.end >= item.end or not all(t.pos_ == "DET" for t in doc[item.start : first.start]):
        return None
    after = doc[first.end]
    # (an auxiliary before the name is the parser's: "as did the Fund run on behalf of …")
    if after.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "dobj") and c.i > first.start for c in after.children):
        return None
    return first


def _is_clause(item: Span) -> bool:
    """An item with a verb of its own in it ("who founded Zoom", "the round was led by Y"), or
    a participle naming someone else ("a partnership run by Nat Friedman and …", whose list
    goes on with the people who run it); not a description with a participle ("the Chicago
    firm best known for its work with Tesla")."""
    return any(
        _is_verb(t) and not (
            t.tag_ in ("VBN", "VBG")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "agent") for c in t.children)
        )
        for t in item
    )


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBD", "VBZ", "VBP", "MD")
