"""A cheap pass that keeps the statistical models off sentences that cannot carry a fact.

A deal fact needs either a figure (money or power) or a deal word ("acquired", "led the
round", "backers") in its sentence. Most sentences of a news article have neither: quotes,
background, product descriptions. ``blank_unlikely`` finds the sentences that can carry a fact
with a regular-expression sentence splitter, the quantity parser and lists of deal words,
keeps them, the sentence before each one that says "it" or "the company" (it names whom
they mean; while that sentence itself opens with "It" or "The company", the one before it
too, up to three back), and the article's opening sentences (which name its subject), and
replaces every other character by a space. On the dev corpus this keeps 60% of the
sentences; its cost or gain in facts is measured in bench/README.md.

The text keeps its length and line breaks, so every character offset of a kept sentence
is the same as in the original, and the evidence stored with a fact points into the
article's real text. spaCy turns a run of spaces into one whitespace token, so the tagger,
parser and NER spend almost nothing on a blanked sentence.

``FilteringTokenizer`` applies the filter inside a spaCy pipeline; ``load_nlp`` installs it
unless the ``prefilter`` setting is off. ``doc.text`` is then the filtered text.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import Any

from spacy.tokens import Doc

from pipeline.model import Duration, QuantityMention
from pipeline.orgs import GENERIC_NOUN
from pipeline.quantities import find_quantities
from pipeline.relations import PROVIDER_CHOICE

# A sentence without a figure carries a fact only when it states an acquisition ("Broadcom
# agreed to buy VMware") or names investors apart from the amount ("Thrive led the round",
# "X and Y also put money in", "Z took part", "it named X among its backers") or a cloud
# provider ("named AWS its primary cloud provider"); see relations._acquisition_event,
# participants.round_participants and relations._provider_choice. Each needs one of these
# combinations of words, in the inflections news uses.
def _words(*forms: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(forms) + r")\b", re.IGNORECASE)


ACQUISITION_WORDS = _words(
    r"acquir(?:e|es|ed|ing)", r"acquisitions?", r"buy(?:s|ing)?", "bought", r"buy-?outs?",
    r"purchas(?:e|es|ed|ing)", r"take-?overs?", r"snap(?:s|ped|ping)?", r"swallow(?:s|ed|ing)?",
    r"absorb(?:s|ed|ing)?", r"w[oi]n(?:s|ning)?\s+the\s+(?:[\w-]+\s+){0,3}(?:battle|contest|fight|race|auction|tussle|war)\s+for",
    r"now\s+own(?:s|ed)",  # "Renesas now owns Dialog"
    r"merg(?:er|ers|e|es|ed|ing)",  # "has completed its merger with Sprint"
)
LEAD_WORDS = _words(
    r"(?:co-?)?(?:lead|leads|leading|led)", r"join(?:s|ed|ing)?", r"participat(?:e|es|ed|ing)",
    r"back(?:s|ed|ing)?", r"fund(?:s|ed|ing)?", r"anchor(?:s|ed|ing)?",
)
ROUND_WORDS = _words(
    r"rounds?", r"rais(?:e|es|ed|ing)", "financing", "funding", "it", r"investments?", r"deals?", "series",
)
PUT_IN_WORDS = _words(
    r"put(?:s|ting)?", r"invest(?:s|ed|ing)?", r"chip(?:s|ped|ping)?", r"pour(?:s|ed|ing)?", r"pump(?:s|ed|ing)?",
    r"plough(?:s|ed|ing)?",
)
ADDED_TO_STAKES = _words(
    r"add(?:s|ed|ing)?\s+to\s+(?:their|its|his|her)\s+(?:stakes?|holdings?|positions?)",
    # "The Qatar Investment Authority increased its holding, as did GIC"
    r"(?:increas|rais|lift|boost)(?:e|es|ed|ing|s)?\s+(?:their|its|his|her)\s+(?:stakes?|holdings?|positions?)",
)
# A capacity contract named without a figure, whose parties a later "The lease covers 60MW"
# means (relations._note_contract)
CONTRACT_NAMED = _words(
    r"(?:hosting|colocation|co-location)\s+(?:contract|agreement|deal|arrangement)s?", r"leases?\s+with",
)
# A stake stated without a figure (relations._stake_events): "Toyota took a stake in Uber",
# "it has invested in Moonshot AI", "made a strategic investment in X".
STAKE_TAKEN = _words(
    r"(?:t(?:ook|ake|akes|aken)|b(?:ought|uy|uys)|acquir(?:e|es|ed)|purchas(?:e|es|ed)|buil(?:t|d|ds))\s+(?:[\w%.-]+\s+){0,4}?(?:stake|holding)s?\s+in",
    r"invest(?:s|ed)?\s+in", r"ma(?:de|ke|kes)\s+(?:[\w-]+\s+){0,3}investments?\s+in",
)
ALSO_WORDS = _words("also", "too", "other", "others")
TAKE_PART = _words(r"(?:take|takes|took|taken|taking)\s+part")
# "X also returned", "Y wrote cheques", "Z supplied part of the cash", "So did W", "put in fresh money"
RETURNED = _words(r"return(?:s|ed|ing)?", r"c(?:ame|ome|omes|oming)\s+back")
OTHER_PARTICIPATION = _words(
    r"wr(?:ote|ite|ites|itten)\s+(?:\w+\s+){0,4}(?:cheques?|checks?)",
    r"(?:suppli|provid|contribut)(?:ed|es|e|ing)\s+(?:\w+\s+){0,3}(?:cash|money|funds|funding|capital)",
    r"(?:fresh|further|more|additional|extra)\s+(?:money|cash|capital|funds)", r"join(?:s|ed)\s+them", r"(?:were|was)\s+joined\b",
    r"ma(?:de|kes?|king)\s+(?:its|their|a|an)\s+(?:[\w,-]+\s+){0,3}investment", r"c(?:ame|ome|omes)\s+back\s+for\s+more",
    r"bought\s+(?:notes|shares|into)", r"among\s+the\s+(?:investors|backers)",
    # "Amazon put in more", "Google also bought in", "Saab is back"
    r"put(?:s|ting)?\s+in\s+more", r"b(?:ought|uys?|uying)\s+in", r"(?:is|are|was|were)\s+(?:also\s+)?back",
    # "X and Y came in from Germany", "Bpifrance completes the list", "put money in alongside X"
    r"c(?:ame|ome|omes|oming)\s+in\s*(?:from\b|too\b|as\s+well\b|alongside\b|as\b|[.,;])", r"(?:complet|round)(?:e|es|ed|ing|s)?\s+(?:out\s+)?the\s+(?:list|roster|line-?up|syndicate)",
    r"(?:put|puts|putting|invest\w*)\s+(?:\w+\s+){0,3}alongside",
    r"(?:were|was|are|is)\s+(?:the\s+|both\s+|joint\s+)?co-?leads?", r"new\s+names?\s+(?:includ|on\s+the\s+(?:list|roster|register))",
)
# Words for investors that also mean other things ("Two asset managers … came in alongside it:
# X and Y"), with a verb of joining, before a colon.
INVESTING_NOUNS = _words(r"managers?", r"funds?", r"firms?", r"institutions?")
JOINING_VERBS = _words(r"c(?:ame|ome|omes)", r"join(?:s|ed)?", r"participat(?:e|es|ed)", r"invest(?:s|ed)?", r"t(?:ook|ake|akes)")
# "T. Rowe Price again led.", "Fidelity and Coatue returned", "Thrive came back, as did X"
CLAUSE_ENDS_AFTER = re.compile(
    r"\b(?:(?:co-?)?led|return(?:s|ed)?|c(?:ame|ome|omes)\s+back|participated|invested|joined)\s*(?:[.,;]|$|as\s+did\b|too\b)",
    re.IGNORECASE,
)
NEW_INVESTOR = _words(r"first\s+time", "new", "fresh")
SO_DID = re.compile(r"^\s*(?:So|As) did\b")
INVESTOR_WORDS = _words(r"investors?", r"backers?", r"participants?", r"shareholders?")
NAMING_WORDS = _words(
    r"c(?:ome|omes|ame|oming)", r"join(?:s|ed|ing)?", r"sign(?:s|ed|ing)?", r"nam(?:e|es|ed|ing)",
    r"list(?:s|ed|ing)?", r"includ(?:e|es|ed|ing)", r"count(?:s|ed|ing)?",
    r"were", r"are",  # "The other backers were Dell, Blue Owl and Point72"
)


# Words that point back to an organisation named before: the sentence before is kept with a
# marked sentence that has one ("It raised $2bn", "the San Francisco start-up").
ANAPHORA = re.compile(
    r"\b(?:it|its|it's|they|their|them)\b|\b(?:the|this|that)\b(?:\s+[\w,-]+){0,6}?\s+(?:"
    + GENERIC_NOUN.pattern
    + r")s?\b",
    re.IGNORECASE,
)


# A sentence whose subject points back: it names no one the sentence after it could mean.
OPENS_WITH_ANAPHORA = re.compile(r"\s*(?:It|Its|They|Their|The (?:[\w-]+ ){0,3}(?:" + GENERIC_NOUN.pattern + r"))\b")
CHAIN_LIMIT = 3  # sentences back, at most, through such subjects


def states_figureless_fact(sentence: str) -> bool:
    """Whether a sentence without a figure has the words a figure-less fact needs."""
    return bool(
        ACQUISITION_WORDS.search(sentence)
        or (LEAD_WORDS.search(sentence) and ROUND_WORDS.search(sentence))
        or (PUT_IN_WORDS.search(sentence) and ALSO_WORDS.search(sentence))
        or TAKE_PART.search(sentence)
        or OTHER_PARTICIPATION.search(sentence)
        or CLAUSE_ENDS_AFTER.search(sentence)
        or (RETURNED.search(sentence) and ALSO_WORDS.search(sentence))
        or SO_DID.search(sentence)
        or (INVESTOR_WORDS.search(sentence) and ":" in sentence)
        or (":" in sentence and INVESTING_NOUNS.search(sentence) and JOINING_VERBS.search(sentence))
        or ADDED_TO_STAKES.search(sentence)
        or (INVESTOR_WORDS.search(sentence) and (NAMING_WORDS.search(sentence) or NEW_INVESTOR.search(sentence)))
        or PROVIDER_CHOICE.search(sentence)
        or CONTRACT_NAMED.search(sentence)
        or STAKE_TAKEN.search(sentence)
    )


# A sentence ends at ., ! or ? (and any closing quotes or brackets) followed by space, unless
# the word before the stop is an abbreviation or an initial; a line break always ends one.
_STOP = re.compile(r"[.!?][\"'”’)\]]*[ \t]+|\n")
_ABBREVIATIONS = {
    "inc", "corp", "co", "ltd", "llc", "plc", "mr", "mrs", "ms", "dr", "st", "jr", "sr",
    "no", "vs", "approx", "est", "dept", "gov", "sen", "rep", "u.s", "u.k", "e.g", "i.e",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}  # fmt: skip
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")

LEAD_SENTENCES = 3
"""Opening sentences always kept: the headline and lede name the article's subject."""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans that cover ``text`` exactly, one per sentence (whitespace after a
    sentence belongs to it)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _STOP.finditer(text):
        if match.group() != "\n":
            before = _WORD_BEFORE.search(text, max(start, match.start() - 20), match.start() + 1)
            if before and (before.group(1).lower() in _ABBREVIATIONS or len(before.group(1)) == 1):
                continue
        end = match.end()
        if text[start:end].strip():
            spans.append((start, end))
            start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def _has_figure(mentions: list[QuantityMention], spans: list[tuple[int, int]]) -> list[bool]:
    """For each span, whether a money or power figure of ``mentions`` starts in it."""
    starts = sorted(m.start for m in mentions if not isinstance(m.quantity, Duration))
    found = [False] * len(spans)
    index = 0
    for start in starts:
        while index < len(spans) and spans[index][1] <= start:
            index += 1
        if index < len(spans):
            found[index] = True
    return found


def kept_sentences(
    text: str, spans: list[tuple[int, int]] | None = None, mentions: list[QuantityMention] | None = None
) -> list[bool]:
    """For each sentence of ``split_sentences(text)``, whether the models should read it
    (``mentions``: ``find_quantities(text)``, when already found)."""
    spans = split_sentences(text) if spans is None else spans
    mentions = find_quantities(text) if mentions is None else mentions
    marked = [
        figure or states_figureless_fact(text[start:end])
        for figure, (start, end) in zip(_has_figure(mentions, spans), spans, strict=True)
    ]
    keep = [index < LEAD_SENTENCES for index in range(len(spans))]
    for index, is_marked in enumerate(marked):
        if is_marked:
            keep[index] = True
            back = index
            # the sentence before one that says "it"; and while that one opens with "It" or
            # "The company" itself, the one before it ("Databricks was founded in 2013 … It
            # sells software … It has snapped up Redash")
            while back > 0 and index - back < CHAIN_LIMIT and ANAPHORA.search(text, *spans[back]):
                back -= 1
                keep[back] = True
                if not OPENS_WITH_ANAPHORA.match(text, spans[back][0]):
                    break
    return keep


_NOT_NEWLINE = re.compile(r"[^\n]")


def filter_text(text: str) -> tuple[str, list[QuantityMention]]:
    """``text`` with every sentence that cannot carry a fact, and is not next to one,
    replaced by spaces (line breaks kept), so offsets are unchanged; and the quantity
    mentions of the sentences kept."""
    pieces = []
    spans = split_sentences(text)
    mentions = find_quantities(text)
    keep = kept_sentences(text, spans, mentions)
    for (start, end), kept in zip(spans, keep, strict=True):
        piece = text[start:end]
        pieces.append(piece if kept else _NOT_NEWLINE.sub(" ", piece))
    kept_spans = [span for span, kept in zip(spans, keep, strict=True) if kept]
    return "".join(pieces), [m for m in mentions if _within(m, kept_spans)]


def _within(mention: QuantityMention, spans: list[tuple[int, int]]) -> bool:
    """Whether ``mention`` lies inside one of ``spans`` (sorted, not overlapping)."""
    index = bisect.bisect_right(spans, (mention.start, math.inf)) - 1
    return index >= 0 and mention.end <= spans[index][1]


def blank_unlikely(text: str) -> str:
    """``text`` with the sentences that cannot carry a fact blanked (see ``filter_text``)."""
    return filter_text(text)[0]


Doc.set_extension("prefound_quantities", default=None, force=True)


class FilteringTokenizer:
    """A tokenizer that blanks unlikely sentences (see ``filter_text``) before the wrapped
    spaCy tokenizer runs, and leaves the quantity mentions it found in
    ``doc._.prefound_quantities`` for the quantity tagger; every other attribute is the
    wrapped tokenizer's."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        blanked, mentions = filter_text(text)
        doc = self.tokenizer(blanked)
        doc._.prefound_quantities = mentions
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)
