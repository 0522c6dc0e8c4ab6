"""Deal details from a fact's evidence: status, announcement date, round, leads, stake, basis.

The relation rules (relations.py, consolidate.py) decide what a fact is: its kind, parties and
figure. This pass then reads each fact's evidence sentences again, and the sentence after each
where the text often goes on about the same deal ("ICONIQ led the round."), and fills
``Fact.details`` (model.DealDetails) with what they state:

- **status**: terminated ("called off", "abandoned", "blocked", "walked away"), completed
  ("completed its acquisition", "the deal closed"), announced ("agreed to buy", "will invest",
  "announced", "is to be acquired", "expected to close"); a plain past tense ("bought",
  "was acquired", "raised", "has invested") states a finished deal and counts as completed, for
  investments and acquisitions only, and below any explicit word: "Hess was acquired by Chevron
  … when it was announced" is announced. Valuations and revenue figures have no status.
- **announced**: an explicit calendar date (day, month and year, or month and year) tied to an
  announcement word ("agreed in May 2022 to buy", "announced on 3 March 2024"; for a round also
  "raised … in January 2023"). Relative dates ("on Monday", "last month") and bare years are
  left out: nothing is guessed from the article's own date.
- **round series**: "Series B", "Series C-1", "Series A extension", "seed round", "pre-seed",
  except a round that is planned or an earlier one ("a Series B is planned", "its previous
  Series C").
- **lead investors**: "led by X and Y", "X led the round", "X and Y co-led it", "X was the lead
  investor", "with X as lead investor". A lead must already be one of the fact's investors:
  this pass never changes who a fact's parties are (that is the relation rules' job, and what
  the corpus scores measure), so a lead the rules missed is logged and left out.
- **stake**: "a 49% stake", "a stake of about 11 per cent", "took 10 per cent", "for a 20%
  holding", for investments and acquisitions; a percentage that is no holding ("revenue grew
  40%", "shares rose 5 per cent") is none.
- **valuation basis and round**: a valuation "post-money" / "after the new money" or
  "pre-money" / "before the investment", and the round it was set in: an investment in the same
  company read from the same sentence, or from the sentence before when the valuation's
  sentence starts "The round values …".

Where a sentence holds several deals, each fact takes what stands in its own clause (split at
";", ", and", ", while", ", when" …), nearest its figure. Only the facts' evidence sentences and
their neighbours are read, with the parse the pipeline already made: no model runs again.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Iterable

from spacy.tokens import Doc

from pipeline.gazetteer import Gazetteer
from pipeline.model import Amount, Capacity, DealDetails, Evidence, Fact

logger = logging.getLogger(__name__)

DEAL_KINDS = ("Investment", "Acquisition", "ComputeCommitment", "CloudCommitment")
"""Facts that are deals, with a status; valuations and revenue figures are not."""
PAID_KINDS = ("Investment", "Acquisition")
"""Deals that close with a payment: a plain past tense completes them, a stake is bought."""
ROUND_WINDOW = 3  # sentences before "The round values …" where the round may stand
RANK = {"terminated": 4, "completed": 3, "announced": 2, "past": 1}

_DEAL_NOUN = (
    r"(?:acquisition|purchase|takeover|buy-?out|deal|transaction|merger|round|investment|sale|"
    r"financing|raise|fundrais(?:ing|e)|funding|[Ss]eries [A-Z]\b|tranche|offer|bid|agreement)"
)
TERMINATED = re.compile(
    r"\b(?:abandon(?:ed|s|ing)?|call(?:ed|s|ing)? off|terminat(?:ed|es|ing)|walk(?:ed|s|ing)? away"
    r"|pull(?:ed|s|ing)? out|scrap(?:ped|s)|collaps(?:ed|es)|fell through|blocked|cancell?ed"
    r"|withdr(?:ew|awn))\b",
    re.IGNORECASE,
)
# "nearly blocked", "sued to block", "threatened to walk away": no ending
NOT_ENDED = re.compile(
    r"\b(?:not|never|nearly|almost|threaten(?:ed|s)? to|tr(?:y|ied|ies) to|sought to|seek(?:s|ing)? to"
    r"|sued to|attempt\w* to|could|would|might|may|risk\w*|if|unless|before)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
COMPLETED = re.compile(
    r"\b(?:complet(?:ed|es|ing)|clos(?:ed|es|ing)|finali[sz](?:ed|es|ing)|wrapp(?:ed|ing) up"
    rf"|consummat(?:ed|es|ing))\s+(?:\S+\s+){{0,5}}?{_DEAL_NOUN}"
    rf"|\b{_DEAL_NOUN}\b[^;]{{0,70}}?\b(?:completed|closed|finali[sz]ed)\b",
    re.IGNORECASE,
)
NOT_YET = re.compile(
    r"\b(?:not|yet|before|until|once|if|unless|expected|due|set|scheduled|likely|will|would|to be|pending)\b",
    re.IGNORECASE,
)
ANNOUNCED = re.compile(
    r"\bagree(?:s|d|ing)? (?:(?:in|on|last|this|earlier|early|late) (?:\w+ ){1,2})?to\b|\bagreement to\b|\bdeal to (?:buy|acquire|invest)\b"
    r"|\bwill (?:\w+ )?(?:buy|acquire|invest|pay|purchase|take|put|spend|merge|pour|inject|provide|deploy|supply|commit)\b"
    r"|\b(?:is|are) (?:set |due )?to (?:be )?(?:buy|acquire|acquired|bought|purchased|taken over|merge|invest)\b"
    r"|\bannounc(?:ed|es|ing)\b|\bunveil(?:ed|s|ing)\b|\b(?:struck|signed|sign|inked) (?:a|an|the)\b"
    r"|\bexpected to (?:close|complete|be completed)\b|\b(?:subject to|pending) (?:\w+ ){0,3}(?:approv\w+|clearance|review|vote)"
    r"|\bwould (?:buy|acquire|invest|pay|take)\b|\bcommit(?:s|ted|ting)? to\b|\bpledg(?:ed|es|ing)\b"
    r"|\b(?:is|are) (?:buying|acquiring|investing|pouring|putting|taking|committing)\b",
    re.IGNORECASE,
)
PLAIN_PAST = re.compile(
    r"\b(?:acquired|bought|purchased|raised|invested|poured|paid|injected|snapped up|swallowed|absorbed"
    r"|took (?:a|an|over)|backed|led|pulled in|secured|landed|spent|sank|ploughed|plowed"
    r"|(?:has|have|had) put|put (?:US)?[$€£¥₹])\b",
    re.IGNORECASE,
)
NOT_PAST = re.compile(r"\b(?:to be|to|will|would|agreed to|could|might|may)\s+$", re.IGNORECASE)

# A sentence holding two deals states them in two clauses: each fact reads its own.
CLAUSE_BREAK = re.compile(
    r";|:\s|,\s(?:and|but|while|whereas|although|when|after|before|as|having)\s|\s(?:while|whereas)\s"
)

_MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),  # fmt: skip
        start=1,
    )
    for name in names
}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
DATE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)? (?P<m1>{_MONTH}),? (?P<y1>(?:19|20)\d{{2}})\b"
    rf"|\b(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y2>(?:19|20)\d{{2}})\b"
    rf"|\b(?P<m3>{_MONTH}),? (?P<y3>(?:19|20)\d{{2}})\b"
    r"|\b(?P<iso>(?:19|20)\d{2}-[01]\d-[0-3]\d)\b"
)
ANNOUNCE_CUE = re.compile(
    r"\b(?:announc\w*|agreed|agreeing|unveil\w*|struck|signed|disclosed|revealed|shook hands)\b", re.IGNORECASE
)
ROUND_CUE = re.compile(r"\b(?:raised|raises|invested|poured|closed|led|secured|pulled in|landed)\b", re.IGNORECASE)
# Words between a cue and a date that make the date another event's: the close, a founding …
OTHER_EVENT = re.compile(
    r"\b(?:complet\w*|clos(?:e|ed|ing)|finali[sz]\w*|found(?:ed|ing)|launch\w*|set up|establish\w*|since|until"
    r"|through|expected|due|ended|ending|before|after|by)\b",
    re.IGNORECASE,
)
EARLIER = re.compile(r"\b(?:last|previous(?:ly)?|earlier|prior|once)\s+$", re.IGNORECASE)
CUE_TO_DATE = 80  # characters between an announcement word and its date, date after the word
DATE_TO_CUE = 60  # and date before it ("In May 2022, Broadcom agreed …")

SERIES = re.compile(
    r"(?<!Xbox )\b[Ss]eries (?P<letter>[A-Z])(?:-?(?P<number>\d{1,2}))?(?![\w-])(?P<extension> extension)?"
    r"|\b(?P<preseed>[Pp]re-?seed)\b"
    r"|\b(?P<seed>[Ss]eed)(?:-stage)? (?:round|funding|financing|investment|capital|money|raise)\b"
)
EARLIER_OR_LATER = re.compile(
    r"\b(?:previous|earlier|last|prior|next|upcoming|future|planned|proposed|potential|possible|another)\b[^,;]{0,12}$",
    re.IGNORECASE,
)
NOT_YET_RAISED = re.compile(
    r"^[^,;]{0,15}\b(?:(?:is|are|was|were) (?:being )?(?:planned|expected|mooted|rumou?red|discussed|considered|in the works)"
    r"|would|could|may|might|will)\b",
    re.IGNORECASE,
)

_PERCENT = r"(\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent|percent)"  # the only group: the number
_HEDGE = r"(?:(?:about|around|roughly|nearly|almost|some|approximately|just (?:over|under)|more than|less than|a little (?:over|under)) )?"
_HOLDING = r"(?:stake|holding|shareholding|interest|ownership|equity|share)"
STAKE = re.compile(
    rf"{_PERCENT}(?:-| )(?:[a-z-]+ ){{0,2}}?{_HOLDING}\b"
    rf"|\b{_HOLDING} of {_HEDGE}{_PERCENT}"
    rf"|\b(?:t(?:ook|ake|akes|aking)|b(?:ought|uy|uys|uying)|acquir(?:e|es|ed|ing)|purchas(?:e|es|ed|ing)|for) {_HEDGE}{_PERCENT}(?! (?:of (?:its|the|their) (?:revenue|sales|profit|market)|premium|discount|higher|lower|more|less|increase|rise|drop|fall|growth|jump|gain|cut))",
    re.IGNORECASE,
)
STRICT_STAKE = re.compile(rf"{_PERCENT}(?:-| )(?:[a-z-]+ ){{0,2}}?(?:stake|holding)\b|\b(?:stake|holding) of {_HEDGE}{_PERCENT}", re.IGNORECASE)

POST_MONEY = re.compile(
    r"\bpost-?money\b|\bpost money\b|\bafter (?:the|its) (?:new )?(?:money|investment|cash|capital|round|funding|raise|fundraising)\b"
    r"|\bincluding the (?:new )?(?:money|cash|capital|investment|funds)\b|\bincludes the new (?:money|cash|capital)\b",
    re.IGNORECASE,
)
PRE_MONEY = re.compile(
    r"\bpre-?money\b|\bpre money\b|\bbefore the (?:new )?(?:money|investment|cash|capital|round|funding|raise)\b"
    r"|\bexcluding the (?:new )?(?:money|cash|capital|investment)\b",
    re.IGNORECASE,
)
# "Regulators blocked the deal", "Illumina walked away from the deal"
ENDS_THE_DEAL = re.compile(
    TERMINATED.pattern + r"\s+(?:\w+\s+){0,2}?(?:the|its|their|that|this) (?:\w+ ){0,2}?"
    r"(?:deal|acquisition|takeover|merger|purchase|agreement|transaction|bid|offer)\b",
    re.IGNORECASE,
)
LEADING_LINK = re.compile(r"^[;:,\s]*(?:(?:and|but|while|whereas|although|when|after|before|as)\s+)?")
# A sentence whose subject is the deal just described: "The deal closed on Monday."
ABOUT_THE_DEAL = re.compile(rf"^(?:The|That|This|Its) (?:[\w$€£.,-]+ ){{0,4}}?{_DEAL_NOUN}\b|^It\b")
# "The deal was first announced in January 2024", "The all-cash transaction, first announced in …"
WAS_ANNOUNCED = re.compile(
    rf"^(?:(?:The|That|This|Its) (?:[\w$€£.,-]+ ){{0,4}}?{_DEAL_NOUN}|It)\b[^;]{{0,30}}?"
    r"\b(?:(?:was|were|had been|has been),? )?(?:first |originally )?(?:announced|agreed|unveiled|struck)\b"
)
# "The round values xAI at $24bn": a valuation sentence about the round just described.
ABOUT_THE_ROUND = re.compile(
    r"^(?:The|That|This) (?:new )?(?:round|deal|money|investment|financing|funding|raise|fundraising|cash|capital|[Ss]eries [A-Z]\S*)\b"
)

_ROUND_OBJECT = (
    r"\s+(?:(?:the|a|an|its|their|this|that|[A-Z][\w&.' -]{0,40}?'s?)\s+)?(?:[^\s,;]+\s+){0,4}?"
    r"(?:round|raise|financing|funding|investment|fundrais(?:ing|e)|[Ss]eries [A-Z]|seed|tranche|deal|it|them)\b"
)
LEAD_VERB = re.compile(r"\b(?:(?:has|have|had|also|jointly) )?(?:co-?)?lead(?:s)?\b|\b(?:co-?)?led\b(?! by)", re.IGNORECASE)
LED_BY = re.compile(r"\b(?:co-?)?led by\s+", re.IGNORECASE)
# Where the list of names after "led by" ends: "with", a clause, an appositive ("…, the US
# venture firm"), anything after a comma or "and" that is not a name.
LED_BY_END = re.compile(
    r",?\s+with\b|;|,\s+(?=[a-z])|\s+and\s+(?=[a-z])|\s+(?:that|which|alongside|from|at|in|for|to)\s|\s\(",
)
LEAD_ROLE = re.compile(
    r"\b(?:was|were|is|are|acted as|served as|came in as|as)\s+(?:the |a |an |its |joint )?(?:co-?)?leads?\b(?:\s+(?:investors?|backers?))?",
    re.IGNORECASE,
)
WITH_AS_LEAD = re.compile(r"\bwith\s+(?P<names>.+?)\s+as\s+(?:the\s+|its\s+)?(?:co-?)?lead\b", re.IGNORECASE)
APPOSITIVE = re.compile(r",\s+(?:the|a|an|one|its|which|who|whose|best|long|now|itself)\b[^,]*(?:,|$)|\([^)]*\)")
CLAUSE_START = re.compile(r".*(?:;|:\s|,\s(?:and|but|while|when|after|as)\s|\s(?:when|while|after)\s)", re.DOTALL)
ANAPHORIC_ROUND = re.compile(
    r"^(?:[^,]{0,40}?,\s)?(?:The|That|This|It|Its) (?:new |latest |\S+ )?(?:round|raise|financing|funding|investment|deal|[Ss]eries [A-Z]\S*)\b|^It\b"
)
DEFINITE_OBJECT = re.compile(
    r"^\s+(?:it|them|the (?:new |latest )?(?:round|raise|financing|funding|investment|deal|fundraising|[Ss]eries [A-Z]\S*))\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------------------------------------
# Sentence-level readers: plain text in, one detail out. ``anchor`` is where the fact's figure
# (or else its main party) stands in the sentence; a detail in the same clause wins.


def clauses(text: str) -> list[tuple[int, int]]:
    """The character ranges of a sentence's clauses.

    >>> text = "Exxon completed its takeover of Pioneer, and Diamondback agreed to buy Endeavor."
    >>> [text[a:b] for a, b in clauses(text)]
    ['Exxon completed its takeover of Pioneer', ', and Diamondback agreed to buy Endeavor.']
    """
    bounds, start = [], 0
    for match in CLAUSE_BREAK.finditer(text):
        bounds.append((start, match.start()))
        start = match.start()
    bounds.append((start, len(text)))
    return [(a, b) for a, b in bounds if b > a]


def _clause_of(text: str, anchor: int | None) -> tuple[int, int]:
    if anchor is None:
        return 0, len(text)
    for start, end in clauses(text):
        if start <= anchor < end:
            return start, end
    return 0, len(text)


def _nearest(found: list[tuple[int, object]], text: str, anchor: int | None) -> object | None:
    """The value found nearest the anchor, preferring its clause; with no anchor, the only
    value (several different ones are ambiguous)."""
    if not found:
        return None
    if anchor is None:
        values = {value for _, value in found}
        return found[0][1] if len(values) == 1 else None
    start, end = _clause_of(text, anchor)
    inside = [item for item in found if start <= item[0] < end] or found
    return min(inside, key=lambda item: abs(item[0] - anchor))[1]


def status_in(text: str, kind: str, anchor: int | None = None) -> str | None:
    """How far the deal in ``text`` has gone, as one of "terminated", "completed", "announced",
    "past" (a plain past tense: completed unless another sentence says more), or None.

    >>> status_in("Amazon has agreed to buy Whole Foods for $13.7bn.", "Acquisition")
    'announced'
    >>> status_in("Cisco has completed its acquisition of Splunk.", "Acquisition")
    'completed'
    >>> status_in("The deal, valued at about $700m, closed on Monday.", "Acquisition")
    'completed'
    >>> status_in("Nvidia bought Mellanox for $6.9bn in 2020.", "Acquisition")
    'past'
    >>> status_in("The deal is expected to close next year.", "Acquisition")
    'announced'
    >>> status_in("Anthropic's run-rate revenue passed $5bn.", "Revenue") is None
    True
    """
    if kind not in DEAL_KINDS:
        return None
    start, end = _clause_of(text, anchor)
    clause = text[start:end]
    for match in TERMINATED.finditer(clause):
        around = clause[max(0, match.start() - 70) : match.end() + 70]
        if not NOT_ENDED.search(clause[: match.start()]) and re.search(_DEAL_NOUN, around, re.IGNORECASE):
            return "terminated"
    for match in COMPLETED.finditer(clause):
        if not NOT_YET.search(match.group(0)) and not NOT_YET.search(clause[max(0, match.start() - 20) : match.start()]):
            return "completed"
    if ANNOUNCED.search(clause):
        return "announced"
    if kind in PAID_KINDS:
        for match in PLAIN_PAST.finditer(clause):
            if not NOT_PAST.search(clause[: match.start()]):
                return "past"
    return None


def status_after(text: str) -> str | None:
    """What the sentence after a deal's says became of "the deal": "terminated", "completed"
    or None. Only a sentence about the deal itself counts ("The deal closed", "Regulators
    blocked the deal"), not one naming another.

    >>> status_after("The deal was called off in February after regulators objected.")
    'terminated'
    >>> status_after("The acquisition closed on Wednesday.")
    'completed'
    >>> status_after("The deal is expected to close next year.") is None
    True
    >>> status_after("Shares closed 3 per cent higher.") is None
    True
    >>> status_after("Illumina walked away from the deal in December.")
    'terminated'
    """
    for match in ENDS_THE_DEAL.finditer(text):
        if not NOT_ENDED.search(text[: match.start()]):
            return "terminated"
    if not ABOUT_THE_DEAL.match(text):
        return None
    found = status_in(text, "Acquisition")
    return found if found in ("terminated", "completed") else None


def _month_date(match: re.Match[str]) -> str | None:
    if match.group("iso"):
        day = match.group("iso")
        try:
            date.fromisoformat(day)
        except ValueError:
            return None
        return day
    for m, d, y in (("m1", "d1", "y1"), ("m2", "d2", "y2"), ("m3", None, "y3")):
        if match.group(m):
            month = _MONTHS[match.group(m).rstrip(".").lower()]
            year = int(match.group(y))
            if d is None:
                return f"{year:04d}-{month:02d}"
            try:
                return date(year, month, int(match.group(d))).isoformat()
            except ValueError:
                return None
    return None


def announced_in(text: str, kind: str) -> str | None:
    """The announcement date a sentence gives: "YYYY-MM-DD", "YYYY-MM" when it names only the
    month, or None. The date must stand by an announcement word (for a round, also by the
    raise), with no other event (a close, a founding) between them.

    >>> announced_in("IBM announced on 3 March 2024 that it would buy HashiCorp.", "Acquisition")
    '2024-03-03'
    >>> announced_in("Broadcom agreed to buy VMware in May 2022.", "Acquisition")
    '2022-05'
    >>> announced_in("Mistral AI raised €105m in June 2023.", "Investment")
    '2023-06'
    >>> announced_in("Exxon agreed to buy Pioneer in a deal that closed in May 2024.", "Acquisition") is None
    True
    >>> announced_in("Google agreed on Tuesday to buy Wiz.", "Acquisition") is None
    True
    >>> announced_in("It is worth double what it was when it last raised funds in June 2024.", "Investment") is None
    True
    """
    cues = [m.span() for m in ANNOUNCE_CUE.finditer(text)]
    if kind == "Investment":
        cues += [m.span() for m in ROUND_CUE.finditer(text)]
    # "when it last raised funds in June 2024": an earlier deal's date
    cues = [(a, b) for a, b in cues if not EARLIER.search(text[max(0, a - 16) : a])]
    best: tuple[int, str] | None = None
    for match in DATE.finditer(text):
        day = _month_date(match)
        if day is None:
            continue
        for cue_start, cue_end in cues:
            if cue_end <= match.start():
                gap, distance = text[cue_end : match.start()], match.start() - cue_end
                if distance > CUE_TO_DATE:
                    continue
            elif match.end() <= cue_start:
                gap, distance = text[match.end() : cue_start], cue_start - match.end()
                if distance > DATE_TO_CUE:
                    continue
            else:
                continue
            if ";" in gap or OTHER_EVENT.search(gap):
                continue
            if best is None or distance < best[0]:
                best = (distance, day)
    return best[1] if best else None


def round_series(text: str, anchor: int | None = None) -> str | None:
    """The name of the funding round a sentence states, as "Seed", "Pre-seed", "Series B",
    "Series C-1" or "Series A extension"; None for a planned or earlier round.

    >>> round_series("Anthropic has raised $13bn in a Series F round.")
    'Series F'
    >>> round_series("X-energy raised $500m in a Series C-1 funding round.")
    'Series C-1'
    >>> round_series("Paris start-up H raised a $220m seed round.")
    'Seed'
    >>> round_series("It raised $30m, and a Series B is planned for next year.") is None
    True
    """
    found: list[tuple[int, object]] = []
    for match in SERIES.finditer(text):
        if EARLIER_OR_LATER.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        if NOT_YET_RAISED.search(text[match.end() : match.end() + 40]):
            continue
        if match.group("letter"):
            name = f"Series {match.group('letter')}"
            if match.group("number"):
                name += f"-{match.group('number')}"
            if match.group("extension"):
                name += " extension"
        elif match.group("preseed"):
            name = "Pre-seed"
        else:
            name = "Seed"
        found.append((match.start(), name))
    value = _nearest(found, text, anchor)
    return value if isinstance(value, str) else None


def _percent(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if 0 < value <= 100 else None


def stake_percent(text: str, anchor: int | None = None, strict: bool = False) -> Decimal | None:
    """The share of a company a deal buys, in percent; ``strict`` accepts only "a N% stake" /
    "a stake of N%" (for a neighbouring sentence).

    >>> stake_percent("Meta paid $14.3bn for a 49 per cent stake in Scale AI.")
    Decimal('49')
    >>> stake_percent("ASML poured €1.3bn in, with a stake of about 11 per cent.")
    Decimal('11')
    >>> stake_percent("Intel Capital paid ₹1,894.50 crore for 0.39 per cent.")
    Decimal('0.39')
    >>> stake_percent("Revenue grew 40% to $2bn.") is None
    True
    """
    pattern = STRICT_STAKE if strict else STAKE
    found: list[tuple[int, object]] = []
    for match in pattern.finditer(text):
        value = _percent(next(group for group in match.groups() if group))
        if value is not None:
            found.append((match.start(), value))
    value = _nearest(found, text, anchor)
    return value if isinstance(value, Decimal) else None


def valuation_basis(text: str, anchor: int | None = None) -> str | None:
    """"post-money" or "pre-money" when a valuation's sentence says which.

    >>> valuation_basis("The round values xAI at $24bn on a post-money basis.")
    'post-money'
    >>> valuation_basis("It values the company at $183bn after the new money.")
    'post-money'
    >>> valuation_basis("Investors valued it at $10bn before the investment.")
    'pre-money'
    >>> valuation_basis("The deal values Scale at more than $29bn.") is None
    True
    """
    found: list[tuple[int, object]] = [(m.start(), "post-money") for m in POST_MONEY.finditer(text)]
    found += [(m.start(), "pre-money") for m in PRE_MONEY.finditer(text)]
    found.sort(key=lambda item: item[0])
    value = _nearest(found, text, anchor)
    return value if isinstance(value, str) else None


def lead_phrases(text: str, neighbour: bool = False, anchor: int | None = None) -> list[str]:
    """The stretches of a sentence that name a round's lead investors. In the sentence after
    the round's (``neighbour``), only those about "the round" or "it" count; with an ``anchor``
    (the fact's place in the sentence), only those of its clause.

    >>> lead_phrases("Mistral AI raised €600m in a round led by General Catalyst, with a16z also taking part.")
    ['General Catalyst']
    >>> lead_phrases("PSP Investments, the pension fund manager for Canada's public servants, led the round.")
    ['PSP Investments']
    >>> lead_phrases("Fidelity and Lightspeed were co-leads.", neighbour=True)
    ['Fidelity and Lightspeed']
    >>> lead_phrases("Sequoia led a $250m round in 2015.", neighbour=True)
    []
    >>> lead_phrases("The founders led by example.")
    ['example.']
    """
    phrases: list[tuple[int, str]] = []
    for match in LED_BY.finditer(text):
        if neighbour and not ANAPHORIC_ROUND.search(text[: match.start()]):
            continue
        rest = text[match.end() :]
        stop = LED_BY_END.search(rest)
        phrases.append((match.start(), rest[: stop.start()] if stop else rest))
    for match in LEAD_VERB.finditer(text):
        after = text[match.end() :]
        if not re.match(_ROUND_OBJECT, after) or (neighbour and not DEFINITE_OBJECT.match(after)):
            continue
        phrases.append((match.start(), _subject(text[: match.start()])))
    for match in LEAD_ROLE.finditer(text):
        before = text[: match.start()]
        if match.group(0).lower().startswith("as"):
            continue  # "with X as lead" below
        phrases.append((match.start(), _subject(before)))
    for match in WITH_AS_LEAD.finditer(text):
        phrases.append((match.start(), match.group("names")))
    start, end = _clause_of(text, anchor)
    return [p.strip() for at, p in sorted(phrases) if p.strip() and start <= at < end]


def _subject(before: str) -> str:
    """The subject of a verb: its clause up to the verb, without appositives."""
    start = CLAUSE_START.match(before)
    clause = before[start.end() :] if start else before
    return APPOSITIVE.sub(",", clause).strip(" ,")


# ---------------------------------------------------------------------------------------------
# The pass over an article's facts


@dataclass
class _Sentence:
    start: int
    end: int
    text: str


class _Text:
    """The doc's sentences, found by their start offset, and its figures by position."""

    def __init__(self, doc: Doc) -> None:
        self.sentences = [_Sentence(s.start_char, s.end_char, s.text) for s in doc.sents]
        self.index = {s.start: n for n, s in enumerate(self.sentences)}
        self.quantities = [(span.start_char, mention.quantity) for span, mention in (doc._.quantities or [])]

    def after(self, evidence: Evidence) -> _Sentence | None:
        n = self.index.get(evidence.start)
        if n is None or n + 1 >= len(self.sentences):
            return None
        return self.sentences[n + 1]

    def position(self, evidence: Evidence) -> int | None:
        return self.index.get(evidence.start)


def _anchor(fact: Fact, evidence: Evidence, text: _Text) -> int | None:
    """Where the fact stands in its evidence sentence: its figure, else its main party."""
    for start, quantity in text.quantities:
        if not evidence.start <= start < evidence.end:
            continue
        if isinstance(quantity, Amount) and fact.amount is not None and quantity.value == fact.amount.value:
            return start - evidence.start
        if isinstance(quantity, Capacity) and fact.capacity is not None and quantity.watts == fact.capacity.watts:
            return start - evidence.start
    for role in ("target", "investee", "company"):
        for org in fact.roles.get(role, ()):
            for name in (org.surface, org.name):
                found = evidence.sentence.find(name) if name else -1
                if found >= 0:
                    return found
    return None


def _names_of(fact: Fact, gazetteer: Gazetteer) -> dict[str, set[str]]:
    """Each investor's canonical name with the words that may name it in a lead phrase."""
    names: dict[str, set[str]] = {}
    for org in fact.roles.get("investor", ()):
        words = {org.name}
        if org.surface and (org.surface[:1].isupper() or " " in org.surface) and org.surface.lower() not in ("it", "its"):
            words.add(org.surface)
        entry = gazetteer.entry(org.name)
        if entry is not None:
            words |= set(entry.aliases)
        names[org.name] = {w for w in words if len(w) > 1}
    return names


def _named(phrase: str, names: dict[str, set[str]]) -> list[str]:
    return [
        name
        for name, words in names.items()
        if any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", phrase) for word in words)
    ]


def _leads(fact: Fact, sentences: list[tuple[str, bool, int | None]], gazetteer: Gazetteer) -> tuple[str, ...]:
    if fact.kind != "Investment" or not fact.roles.get("investor"):
        return ()
    names = _names_of(fact, gazetteer)
    leads: list[str] = []
    for sentence, neighbour, anchor in sentences:
        for phrase in lead_phrases(sentence, neighbour, anchor):
            found = _named(phrase, names)
            if not found and phrase[:1].isupper():
                logger.debug("lead %r is not among the investors of %s", phrase, fact.kind)
            leads += [name for name in found if name not in leads]
    return tuple(leads)


def _first(values: Iterable[object]) -> object | None:
    return next((v for v in values if v is not None), None)


def read_details(fact: Fact, text: _Text, gazetteer: Gazetteer) -> DealDetails:
    """The details one fact's evidence sentences, and the sentence after each, state."""
    evidence = sorted(fact.evidence, key=lambda e: e.start)
    anchors = [_anchor(fact, e, text) for e in evidence]
    starts = {e.start for e in evidence}
    after = [s for s in (text.after(e) for e in evidence) if s is not None and s.start not in starts]
    ranks = [status_in(e.sentence, fact.kind, a) for e, a in zip(evidence, anchors)]
    if fact.kind in PAID_KINDS:
        # "…, and the deal closed in March": a later clause, or the next sentence, on the deal
        ranks += [status_after(clause) for e, a in zip(evidence, anchors) for clause in _later_clauses(e.sentence, a)]
        ranks += [status_after(s.text) for s in after]
    best = max((r for r in ranks if r), key=RANK.__getitem__, default=None)
    status = "completed" if best == "past" else best
    announced = _first(announced_in(e.sentence, fact.kind) for e in evidence)
    if announced is None:  # "The deal was first announced in January 2024."
        announced = _first(announced_in(s.text, fact.kind) for s in after if WAS_ANNOUNCED.match(s.text))
    series = stake = None
    if fact.kind == "Investment":
        series = _first(round_series(e.sentence, a) for e, a in zip(evidence, anchors))
    if fact.kind in PAID_KINDS:
        stake = _first(stake_percent(e.sentence, a) for e, a in zip(evidence, anchors))
        if stake is None:
            stake = _first(stake_percent(s.text, strict=True) for s in after if not _has_figure(s, text))
    basis = None
    if fact.kind == "Valuation":
        basis = _first(valuation_basis(e.sentence, a) for e, a in zip(evidence, anchors))
    sentences = [(e.sentence, False, a) for e, a in zip(evidence, anchors)] + [(s.text, True, None) for s in after]
    return DealDetails(
        status=status,
        announced=announced if isinstance(announced, str) else None,
        round_series=series if isinstance(series, str) else None,
        leads=_leads(fact, sentences, gazetteer),
        stake_percent=stake if isinstance(stake, Decimal) else None,
        valuation_basis=basis if isinstance(basis, str) else None,
    )


def _later_clauses(text: str, anchor: int | None) -> list[str]:
    """The clauses after the fact's own, each as a sentence of its own."""
    if anchor is None:
        return []
    _, end = _clause_of(text, anchor)
    found = []
    for start, stop in clauses(text):
        if start >= end:
            clause = LEADING_LINK.sub("", text[start:stop])
            found.append(clause[:1].upper() + clause[1:])
    return found


def _has_figure(sentence: _Sentence, text: _Text) -> bool:
    return any(sentence.start <= start < sentence.end for start, _ in text.quantities)


def _round_of(valuation: Fact, facts: list[Fact], text: _Text) -> Fact | None:
    """The investment a valuation was set in: one in the same company, read from the same
    sentence, or the largest one read in the few sentences before one that starts "The round
    values …"."""
    company = set(valuation.role_names("company"))
    rounds = [f for f in facts if f.kind == "Investment" and company and set(f.role_names("investee")) == company]
    if not rounds:
        return None
    own = {e.start for e in valuation.evidence}
    same = [f for f in rounds if own & {e.start for e in f.evidence}]
    if len(same) == 1:
        return same[0]
    if same:
        # several rounds in one sentence: the one whose figure stands nearest the valuation's
        evidence = next(e for e in valuation.evidence if any(e.start in {x.start for x in f.evidence} for f in same))
        here = _anchor(valuation, evidence, text)
        if here is None:
            return None
        def distance(round_: Fact) -> int:
            there = _anchor(round_, evidence, text)
            return abs(there - here) if there is not None else len(evidence.sentence)

        return min(same, key=distance)
    before = set()
    for e in valuation.evidence:
        n = text.position(e)
        if n is not None and ABOUT_THE_ROUND.match(e.sentence):
            before |= {s.start for s in text.sentences[max(0, n - ROUND_WINDOW) : n]}
    previous = [f for f in rounds if before & {e.start for e in f.evidence}]
    # one investor's part of a round is smaller than the round (as in consolidate.py)
    return max(previous, key=lambda f: f.figure or 0) if previous else None


def add_details(facts: list[Fact], doc: Doc, gazetteer: Gazetteer) -> list[Fact]:
    """Give each fact the details its evidence states (``Fact.details``); returns ``facts``.

    Args:
        facts: an article's consolidated facts, their evidence offsets into ``doc``.
        doc: the parsed article, its sentences and ``doc._.quantities`` already set.
        gazetteer: the names and aliases by which lead investors are recognised.
    """
    if not facts:
        return facts
    text = _Text(doc)
    for fact in facts:
        fact.details = read_details(fact, text, gazetteer)
    for fact in facts:
        if fact.kind == "Valuation" and fact.details is not None:
            found = _round_of(fact, facts, text)
            if found is not None:
                fact.details = replace(fact.details, round=found)
    return facts
