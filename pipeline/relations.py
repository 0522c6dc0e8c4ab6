"""Deal facts from a parsed Doc: one reading per quantity mention, then consolidation.

For each money or power mention the rules ask three questions, in this order:

1. **What kind of fact is it?** The nearest cue word in the dependency tree decides
   (``valuation`` → Valuation, ``revenue`` → Revenue, ``acquire`` → Acquisition, ``invest`` /
   ``stake`` → Investment, ``spend`` → CloudCommitment; for power, ``compute``/``secure``/
   ``deploy`` → ComputeCommitment). Money that is a share price, a market value or far from any
   cue is no fact. Cues like "deal" or "bet" only confirm a figure already read elsewhere.
2. **Is it asserted?** Rumours, talks, plans, hypotheticals, denials, estimates and projections
   are dropped (:func:`is_asserted`).
3. **Who plays each role?** Subjects, objects, prepositions, possessives and compounds around
   the cue, with "it"/"the company" resolved by :mod:`pipeline.orgs`.

:mod:`pipeline.consolidate` then merges repeated mentions, finds tranches and fills roles an
article states only once.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.gazetteer import Gazetteer
from pipeline.model import Amount, Capacity, Duration, Evidence, Fact, Org, QuantityMention
from pipeline.name_lists import listed_names
from pipeline.org_names import NameMatcher, OrgGazetteer, mark_names
from pipeline.orgs import (
    GENERIC_NOUN,
    RAISING_VERBS,
    RELATIVE_PRONOUNS,
    Context,
    OrgMention,
    described_as_company,
    find_mentions,
    hyphenated,
    is_public_body,
    named_by_whose,
)

logger = logging.getLogger(__name__)

# Cue lemmas per reading of a money mention, with the furthest dependency distance they count at.
MONEY_CUES: dict[str, tuple[set[str], int]] = {
    "Valuation": ({"valuation", "value", "valuing", "post-money", "pre-money"}, 3),
    "Revenue": ({"revenue", "revenues", "sale", "sales", "turnover", "arr", "run-rate"}, 4),
    "Acquisition": (
        {"acquire", "acquisition", "buy", "purchase", "takeover", "buyout", "snap", "swallow",
         "merger", "merge", "absorb", "takeover", "sell", "sale"},
        4,
    ),
    "CloudCommitment": ({"spend", "spending", "pledge"}, 3),
    "Investment": (
        {"invest", "investment", "back", "pour", "inject", "fund", "funding", "finance",
         "financing", "round", "raise", "stake", "commit", "commitment", "plough", "plow",
         "sink", "bankroll", "infusion", "injection", "contribute", "lead", "co-lead",
         "participate", "tranche", "put", "capital", "hand"},
        4,
    ),
}  # fmt: skip
# Reading order when two cues are equally near: the more specific wins.
PRIORITY = ("Valuation", "Revenue", "Acquisition", "CloudCommitment", "Investment")
WEAK_CUES = {"deal", "bet", "agreement", "transaction", "worth", "contract", "partnership"}
# Words that make a power figure about computing rather than, say, a solar farm.
COMPUTE_CONTEXT = {
    "compute", "computing", "gpu", "gpus", "chip", "chips", "accelerator", "accelerators",
    "tpu", "tpus", "processor", "processors", "datacenter", "datacentre", "data-centre",
    "data-center", "cluster", "clusters", "supercomputer", "supercomputers", "server", "servers",
    "ai", "rack", "racks", "hosting", "colocation",
}  # fmt: skip
COMPUTE_CUES = {
    "compute", "capacity", "secure", "commit", "commitment", "deploy", "deployment", "supply",
    "provide", "deliver", "reserve", "contract", "agreement", "deal", "access", "gpu", "chip",
    "accelerator", "tpu", "purchase", "buy", "lease", "gain", "add", "obtain",
}  # fmt: skip
CLOUD_CONTEXT = {"compute", "cloud", "capacity", "infrastructure", "service", "services",
                 "server", "servers", "data", "azure", "gpu", "gpus", "chips"}  # fmt: skip
INVESTOR_PREPS = {"in", "into", "to", "behind", "for"}
MULTI_VALUED_ROLES = {"investor"}
LEAD_VERBS = {"lead", "co-lead", "colead", "join", "participate", "back", "fund", "anchor"}
FUNDING_NOUNS = {"money", "funds", "funding", "capital", "cash", "round", "financing", "equity", "investment"}
ROUND_NOUNS = {"round", "raise", "financing", "funding", "it", "investment", "deal"}
PROVIDER_PREPS = {"on", "with", "through", "from", "to", "via"}

# Words that make a clause not an assertion of a completed or agreed deal.
HEDGES = {
    "reportedly", "rumor", "rumour", "rumored", "rumoured", "rumors", "rumours",
    "speculation", "speculate", "allegedly", "hypothetically", "purportedly", "unsolicited",
}  # fmt: skip
NOT_ASSERTED_HEADS = {
    "talk", "talks", "consider", "weigh", "explore", "plan", "intend", "aim", "seek", "hope",
    "mull", "discuss", "negotiate", "deny", "target", "estimate", "forecast", "project",
    "predict", "expect", "could", "might", "may", "if", "unless", "would-be", "potential",
    "possible", "rumor", "rumour", "want", "eye", "float", "propose", "suggest", "believe",
    "anticipate", "envision", "imagine", "speculate", "reconsider", "abandon", "scrap",
    "schedule", "terminate", "cancel", "withdraw", "reject", "block", "collapse", "track",
    "drop", "unwind", "promise", "proposal",
    "hopes", "hoped", "hoping",  # which the lemmatizer reads as forms of "hop"
}  # fmt: skip
# Sentences that set up an example rather than report: "Suppose a company …", "Imagine that …".
HYPOTHETICAL_OPENING = re.compile(r"\s*(?:Suppose|Imagine|Picture|Assume|Say)\b(?! (?:it|that it) (?:has|had|was|did)\b)")
GENERIC_DETERMINERS = {"a", "an", "any", "every", "each"}


def _points_back_to_a_figure(root: Token, sent: Span) -> bool:
    """ "That $200 million is the pre-money valuation": a figure the text gave before, now
    explained, not a new fact."""
    first = min(t.i for t in root.subtree)
    before = root.doc[first - 1] if first > sent.start else None
    return before is not None and before.lower_ in ("that", "this", "those", "these") and (
        before.i == sent.start or before.dep_ in ("det", "mark")
    )


def _about_any_company(token: Token) -> bool:
    """Whether a clause is about a kind of company, not one: "A company valued at $1bn that
    raises …". Not "Zentra, a company that raised …", which describes a named one."""
    if any(t.pos_ == "PROPN" for t in token.subtree):
        return False  # "a group that included Andreessen Horowitz": the clause names its members
    described = [token.head] if token.dep_ in ("relcl", "acl") else []
    described += [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        noun.pos_ == "NOUN" and noun.dep_ != "appos"
        and GENERIC_NOUN.fullmatch(noun.lower_) is not None
        and any(d.dep_ == "det" and d.lower_ in GENERIC_DETERMINERS for d in noun.children)
        for noun in described
    )  # fmt: skip


# What a buying verb may be the topic of without a deal being done: "held talks about buying".
TALK_NOUNS = {"talk", "talks", "discussion", "negotiation", "conversation"}
# Phrases that undo a deal, wherever they stand in the sentence.
# Arithmetic asides and inverted conditionals ("Had Google bought X, …") state no deal.
ASIDE = re.compile(
    r"^\s*(?:Had|Were|Should)\s|\b(?:works? out (?:at|to)|spread evenly|equivalent to|on paper|adds? up to"
    r"|added up to|taken together)\b",
    re.IGNORECASE,
)
UNDONE = re.compile(
    r"\b(?:turn(?:s|ed)? down|walk(?:s|ed)? away|call(?:s|ed)? off|pull(?:s|ed)? out|fell through|"
    r"terminat\w+|abandon\w*|scrapp?\w*|rebuff\w*|trumped|outbid|gazumped|g(?:ive|ives|ave|iven|iving) up on)\b",
    re.IGNORECASE,
)
MODALS = {"could", "might", "may", "should", "would"}
NOT_YET_DONE = {
    "planned", "proposed", "mooted", "rumoured", "rumored", "potential", "possible", "prospective", "hoped-for",
    "preliminary", "indicative",
}  # fmt: skip
# Attribution formulas of unconfirmed reports ("people familiar with the matter said").
HEDGE_PHRASES = re.compile(
    r"\b(?:familiar with|reports? (?:(?:in|from|by|at|earlier|last) [\w ]{0,30}?)?(?:had |have )?(?:said|say|says|suggested|suggest|put|valued)"
    r"|letters? of intent|non-binding|framework agreement"
    r"|(?:was|were|been) reported|under (?:discussion|consideration)"
    r"|reported that|according to (?:an? |two |three |several )?(?:reports?|people|persons?|sources|media)|sources (?:said|say)"
    r"|people with knowledge|(?:newspaper|magazine|broadcaster|news outlet)\b[^.;]{0,40}?\b(?:said|says|reported|reports)\b"
    r"|(?:a|the) (?:[\w-]+ )?reports? that|the same (?:people|person|sources?) (?:said|say|says|added)|citing (?:[\w-]+ ){0,3}sources|(?:is|are|was|were) said to|on (?:track|course) to|(?:close|closing in|near) to (?:a|an) (?:deal|agreement)|nearing (?:a|an) (?:deal|agreement)"
    r"|(?:estimates?|forecasts?|projections?) (?:put|puts|suggest|suggests|show|shows))\b",
    re.IGNORECASE,
)
# What analysts expected: a hedge for the figure it is about, not for a reported figure it is
# compared with ("revenue climbed to $13.6bn, ahead of the $13.1bn that analysts had expected")
ANALYST_ESTIMATE = re.compile(
    r"\banalysts?\b[^.;]{0,40}?\b(?:estimate[sd]?|expect(?:s|ed)?|reckon(?:s|ed)?|believe[sd]?|say|said|pencil+ed in"
    r"|forecast|project(?:s|ed)?)\b",
    re.IGNORECASE,
)
# Words whose clause, wherever the figure sits under it, projects revenue rather than reports it.
PROJECTING = {"guide", "guidance", "forecast", "outlook", "projection", "target", "goal"}
UNFINISHED = {"raise", "seek", "negotiate", "discuss", "pursue"}  # "is raising": not closed yet
# No private company has been valued, no company bought and no stake bought at a trillion or
# more: such a figure is a listed company's market value.
MARKET_VALUE_FLOOR = 10**12
# Units of a currency to the US dollar, by order of magnitude: ¥6.2tn is a takeover's price,
# not a trillion-dollar market value.
UNITS_PER_DOLLAR = {
    "JPY": 150, "KRW": 1400, "INR": 85, "TWD": 30, "CNY": 7, "HKD": 8, "BRL": 5, "DKK": 7, "SEK": 10, "NOK": 10,
    "ZAR": 18, "SAR": 4, "AED": 4,
}  # fmt: skip
SMALLEST_DEAL = 10_000  # "$50 in cash", "$157 a share": prices, never a deal's size
REPORTING = {"announce", "say", "confirm", "agree", "disclose", "report", "state", "reveal"}
MARKET_VALUE = re.compile(
    r"\bmarket (?:value|valuation|cap|capitali[sz]ation|worth)\b|\bstock (?:market|price|exchange)\b"
    r"|\bvalued by (?:the )?(?:stock |public )?markets?\b"
    r"|\b(?:shares|stock) (?:in|of) [\w .&-]{1,40}? (?:were|was|rose|fell|jumped|slid|gained|dropped|climbed)\b",
    re.IGNORECASE,
)
LENDING = re.compile(
    r"\bfrom (?:\w+ ){0,3}(?:lenders|banks)\b|\bin (?:\w+ )?loans\b|\b(?:debt financing|credit (?:facility|line)"
    r"|(?:loan|financing|debt) facility|secured against|collateral|borrow\w*|bond (?:market|sale|issue)s?|rights issue|new debt|debt sales?"
    r"|through (?:a |an )?(?:mix|combination) of|(?:share|stock) (?:sale|offering)s?"
    r"|cash on hand|project financing|guarantee\w*|backstop)\b",
    re.IGNORECASE,
)
LOSSES = {"lose", "loss", "losses", "burn", "owe", "write-down", "writedown", "impairment", "fine", "penalty"}
HOLDINGS = {"stake", "holding", "share", "position", "interest"}
UNNAMED_NOT_ORGS = {"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT", "LAW", "LANGUAGE"}


# The role a reading's missing organisation fills from the text around it (consolidate fills
# it), and how many sentences later a text may first name the company an opening figure is of.
REQUIRED_ROLE = {"Investment": "investee", "Valuation": "company", "Revenue": "company"}
NAMED_LATER_WINDOW = 2


@dataclass
class Reading:
    """One fact as read from one sentence, before consolidation.

    Besides the six fact types, ``fact.kind`` may be "" (a figure with no cue word: only ever
    a tranche of an investment nearby, or the price of an acquisition stated elsewhere) or
    "Participants" (investors named in a clause without a figure).
    """

    fact: Fact
    sentence: int  # index of the sentence in the doc
    weak: bool = False  # only a confirmation of a figure read elsewhere
    guessed: bool = False  # some role came from word order or sentence context, not syntax
    figureless: bool = False  # an acquisition, or a choice of cloud provider, stated without a figure
    context: Org | None = None  # what "the company" meant at this point of the text
    mention_start: int = 0


def dep_distance(a: Token, b: Token) -> int:
    """Number of edges between two tokens of one sentence's dependency tree."""
    chain_a = [a, *a.ancestors]
    chain_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(chain_b)}
    for n, token in enumerate(chain_a):
        if token.i in index_b:
            return n + index_b[token.i]
    return 99


def _lemma(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_


def is_series(token: Token) -> bool:
    """Whether a word is the letter of a lettered round: the "H" of "the Series H"."""
    doc = token.doc
    return len(token.text) <= 2 and token.text[:1].isupper() and token.i > 0 and doc[token.i - 1].lower_ == "series"


def _cue_words(token: Token) -> set[str]:
    words = {_lemma(token), token.lower_}
    if is_series(token):
        words.add("round")  # "pulled in $1bn in a Series G led by Franklin Templeton"
    if "take" in words and any(c.lower_ == "private" for c in token.children):
        words.add("buyout")  # "agreed to take Zeal private"
    if "take" in words and any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children):
        # "The payments group took in $4.96bn in the fourth quarter"; but "it took in $500
        # million in a round led by …" is money raised
        raised = any(_lemma(o) in ROUND_NOUNS or is_series(o) for p in token.children if p.dep_ == "prep" for o in p.children)
        if not raised:
            words.add("revenue")
    if "take" in words and any(c.dep_ == "prt" and c.lower_ == "over" for c in token.children):
        words.add("takeover")  # "has agreed to be taken over by Sega Sammy"
    if "buy" in words and any(c.lower_ == "into" and c.dep_ in ("prep", "prt") for c in token.children):
        words = (words - {"buy", "bought", "buys", "buying"}) | {"invest"}  # "GM agreed to buy into Lithium Americas"
    return words


def _adjacent_noun(span: Span) -> Token | None:
    """The noun a figure modifies when written before it: "$8 billion Anthropic stake"."""
    doc = span.doc
    for token in doc[span.end : min(span.end + 3, span.sent.end)]:
        if token.pos_ == "NOUN" or token.lower_ in ("run-rate",):
            return token
        if token.pos_ not in ("PROPN", "ADJ", "NUM", "PUNCT") and token.lower_ not in ("-",):
            return None
    return None


def _cue_applies(token: Token, root: Token) -> bool:
    """ "put" is a cue only when money is what is put ("put $2.75bn into Anthropic"), not in
    "put a value of $61 billion on"."""
    if _in_clause_about(token, root):
        return False
    if token.pos_ == "PROPN" and token.ent_type_ == "ORG" and token.text[:1].isupper():
        return False  # the "Fund" of "Vision Fund", the "Invest" of "Premji Invest": a name
    if _lemma(token) == "put":
        if any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children):
            return False  # "the $33bn that investors put on the company": a value, not money in
        return any(c.dep_ == "dobj" and (c.i == root.i or _lemma(c) in FUNDING_NOUNS) for c in token.children)
    if _lemma(token) == "hand":
        return token.pos_ == "VERB"  # "handed OpenAI $1bn", not "shook hands"
    if _ranks_the_deal(token):
        return False
    return True


def _ranks_the_deal(token: Token) -> bool:
    """Whether a cue only ranks the deal: "…, making it Merck KGaA's largest purchase in four
    years" says how big the deal is among others, not what kind of deal the figure is of."""
    head = token.head
    return (
        any(c.tag_ == "JJS" for c in token.children)
        and _lemma(head) == "make" and token.dep_ in ("ccomp", "oprd", "xcomp", "attr", "dobj")
        and any(c.lower_ in ("it", "this", "that") for c in [*head.children, *token.children])
    )  # fmt: skip


def _in_clause_about(token: Token, root: Token) -> bool:
    """Whether ``token`` sits in a relative clause describing the "deal" the figure is the
    size of: "a $35.3bn deal that … hands the lender its own network" says what the deal
    does, not what kind of deal it is."""
    described = {a.i for a in list(root.ancestors)[:2] if _cue_words(a) & WEAK_CUES}
    return any(
        a.dep_ == "relcl" and a.head.i in described
        # "a deal that hands …" describes the deal; "a deal to buy capacity" is the deal
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS for c in a.children)
        for a in [token, *token.ancestors]
    )


def classify_money(root: Token, sent: Span, span: Span | None = None) -> tuple[str, Token] | None:
    """The fact type a money mention belongs to and the cue token that says so.

    A cue noun written right after the figure ("$380B valuation", "$8 billion Anthropic
    stake") wins outright: the small parser often attaches such noun phrases wrongly.
    """
    to = root.doc[span.start - 1] if span is not None and span.start > root.sent.start else root.head
    if to.lower_ == "to" and to.dep_ == "prep":
        # "lifting the company's post-money valuation to $38 billion", "its valuation rose to
        # $5bn": what the value changed to (the word before the figure: the parser may hang
        # the figure itself elsewhere)
        for c in to.head.children:
            if c.dep_ in ("dobj", "nsubj", "nsubjpass") and _cue_words(c) & MONEY_CUES["Valuation"][0]:
                return "Valuation", c
    valuing = _values_at(span) if span is not None else None
    if valuing is not None:
        return "Valuation", valuing
    noun = _adjacent_noun(span) if span is not None else None
    if noun is not None:
        for kind in PRIORITY:
            if _cue_words(noun) & MONEY_CUES[kind][0]:
                return kind, noun
        if _cue_words(noun) & WEAK_CUES:
            return None
    best: tuple[int, int, str, Token] | None = None
    for token in sent:
        words = _cue_words(token)
        for kind in PRIORITY:
            cues, limit = MONEY_CUES[kind]
            if kind == "Revenue" and _sale_of_a_company(token):
                continue
            if kind == "Acquisition" and _lemma(token) == "sell" and not any(
                c.dep_ in ("dobj", "nsubjpass", "dative") or c.lower_ == "to" for c in token.children
            ):
                continue  # "as its server processors sold strongly": selling goods
            if words & cues and _cue_applies(token, root):
                distance = dep_distance(root, token)
                if distance <= limit:
                    candidate = (distance, PRIORITY.index(kind), kind, token)
                    if best is None or candidate[:2] < best[:2]:
                        best = candidate
    if best is None:
        takings = _takings_verb(root, sent) or _compared_takings(root, sent)
        return ("Revenue", takings) if takings is not None else None
    return best[2], best[3]


EARLIER_PERIOD = re.compile(r"\b(?:same (?:period|quarter|months?)|a year (?:earlier|before|ago)|year-earlier|prior year)\b", re.I)


def _compared_takings(root: Token, sent: Span) -> Token | None:
    """The verb of "That compares with $3.45bn in the same period of 2021", after a sentence
    of revenue: the takings of an earlier period (a fact, as the corpus rules say)."""
    prep = root.head
    verb = prep.head
    if prep.lower_ not in ("with", "to") or _lemma(verb) != "compare" or not EARLIER_PERIOD.search(sent.text):
        return None
    return verb if any(c.dep_ == "nsubj" and c.lower_ in ("that", "this", "it") for c in verb.children) else None


# Verbs of taking money in over a period ("brought in a record $9.2bn in the three months to
# September"), and the periods that make them revenue rather than money raised.
TAKINGS_VERBS = {"bring", "take", "rake", "haul"}  # with "in"
BOOKING_VERBS = {"book"}  # "Salesforce booked $37.9bn in the fiscal year" (not "generate": products generate sales)
REPORTING_PERIOD = re.compile(
    r"\b(?:quarter|three months|six months|nine months|twelve months|fiscal|financial year|first half|second half|"
    r"full year|months to|year to|(?:in|during|for) (?:calendar |fiscal )?(?:19|20)\d\d(?! (?:round|funding|financing)))\b",
    re.I,
)


def _takings_verb(root: Token, sent: Span) -> Token | None:
    """The verb of "brought in $9.2bn in the quarter" or "booked $37.9bn in the fiscal year",
    a company's takings with no word for revenue."""
    noun = root.head if root.dep_ in ("nummod", "compound") and root.head.dep_ == "dobj" else root  # "a record $9.2bn"
    verb = noun.head if noun.dep_ == "dobj" else None
    if verb is None:
        return None
    taken_in = _lemma(verb) in TAKINGS_VERBS and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children)
    if not taken_in and _lemma(verb) not in BOOKING_VERBS:
        return None
    if any(_lemma(o) in ROUND_NOUNS or is_series(o) for p in verb.children if p.dep_ == "prep" for o in p.children):
        return None  # "it took in $500 million in a round led by …": money raised
    return verb if REPORTING_PERIOD.search(sent.text) else None


# "… and values the business at" right before a figure, however the parser took "values".
VALUES_AT = re.compile(r"\bvalu(?:e|es|ed|ing)\s+(?:[\w'’.-]+\s+){0,5}at\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$", re.I)


def _values_at(span: Span) -> Token | None:
    """The verb of "a round that brings in Microsoft and values the business at $30bn", which
    the small parser may tag a plural noun and hang the figure elsewhere."""
    doc = span.doc
    before = doc[max(span.sent.start, span.start - 10) : span.start]
    match = VALUES_AT.search(before.text_with_ws if len(before) else "")
    if match is None:
        return None
    word = before.char_span(match.start(), match.start() + 5, alignment_mode="expand")
    token = word[0] if word is not None and len(word) else None
    if token is None or token.lower_.startswith("valuation"):
        return None
    return token if token.dep_ != "amod" else None  # ("a valued partner at …")


def _sale_of_a_company(token: Token) -> bool:
    """Whether "sale" is one company selling another, not takings: "approved the sale to HPE
    for $40 a share" (a sale "to" a buyer or "of" a company), unlike "sales of $3bn"."""
    return token.lower_ == "sale" and any(c.dep_ == "prep" and c.lower_ in ("to", "of") for c in token.children)


def _weak_cue(root: Token, sent: Span, span: Span) -> Token | None:
    """The nearest word such as "deal" or "bet" within three edges of the figure."""
    noun = _adjacent_noun(span)
    if noun is not None and _cue_words(noun) & WEAK_CUES:
        return noun
    near = [
        (dep_distance(root, token), token.i, token)
        for token in sent
        if _cue_words(token) & WEAK_CUES and (dep_distance(root, token) <= 3 or _price_of(token, root))
    ]
    return min(near)[2] if near else None


def _price_of(deal: Token, root: Token) -> bool:
    """Whether the figure is the price of the deal word: "putting the price of the transaction
    at 63 billion dollars", "set the value of the deal at $5bn"."""
    price = deal.head.head if deal.dep_ == "pobj" and deal.head.lower_ == "of" else None
    return price is not None and _lemma(price) in ("price", "value", "cost") and dep_distance(root, price) <= 3


def is_price_or_market_value(root: Token, span: Span, amount: Amount | None = None) -> bool:
    """Share prices ("$229 a share"), small sums, debt and market values are not deal figures."""
    doc = span.doc
    if amount is not None and amount.value < SMALLEST_DEAL:
        return True
    if _lemma(root.head) in LOSSES or (root.head.dep_ == "prep" and _lemma(root.head.head) in LOSSES):
        return True  # "Intel lost almost $19bn", "a loss of $5bn": no deal
    after = doc[span.end : min(span.end + 4, len(doc))]
    words = " ".join(t.lower_ for t in after)
    if words.startswith(("per share", "a share", "each share", "per cent", "a piece")):
        return True
    if re.match(r"(?:of|in) (?:net |new |existing )?(?:debt|bonds?|loans?|notes)\b", words):
        return True  # financing, not the deal
    sent = span.sent
    if root.dep_ in ("nummod", "compound", "nmod") and root.head.lower_ == "fund" and root.head.pos_ == "PROPN":
        return True  # "SoftBank's $93bn Vision Fund": the size of a fund, not a deal
    if any(t.dep_ == "nsubj" and t.head == sent.root and t.lemma_.lower() in ("stock", "share") for t in sent):
        return True  # "The stock remains below its peak, when Zoom was worth $160bn": market value
    window = doc[max(span.start - 4, span.sent.start) : min(span.end + 4, span.sent.end)]
    lowered = {t.lower_ for t in window}
    if "market" in lowered and lowered & {"value", "cap", "capitalisation", "capitalization", "valuation", "stock", "worth"}:
        return True
    return bool(lowered & {"shares", "stock"} and lowered & {"rose", "fell", "jumped", "climbed", "dropped", "surged", "slid", "closed", "traded"})


def _up_to_relative_clause(token: Token) -> list[Token]:
    """A token and its heads up to the verb of the relative clause it stands in: "analysts
    question whether Adobe can keep up with Salesforce, which agreed to pay $6.5bn for
    MuleSoft" asserts what the relative clause says, whatever the main clause doubts."""
    chain = [token]
    for ancestor in token.ancestors:
        chain.append(ancestor)
        if ancestor.dep_ == "relcl" and any(c.lower_ in ("which", "who") and c.dep_ in ("nsubj", "nsubjpass") for c in ancestor.children):
            break
    return chain


CONTRACT_NOUNS = {"contract", "agreement", "deal", "lease", "arrangement", "partnership"}


def is_asserted(cue: Token, root: Token, sent: Span, kind: str) -> bool:
    """Whether the clause states the fact, rather than a rumour, plan, denial or projection."""
    text = sent.text
    if any(t.lower_ in HEDGES for t in sent) or HEDGE_PHRASES.search(text) or _undone(sent, root) or ASIDE.search(text):
        return False
    if _estimated_by_analysts(root, sent):
        return False
    if HYPOTHETICAL_OPENING.match(text) or _points_back_to_a_figure(root, sent):
        return False  # "Suppose a company we will call Quillmark takes $50m"; "That $200m is …"
    chain = _up_to_relative_clause(cue) + _up_to_relative_clause(root)
    if any(_about_any_company(token) for token in chain):
        return False  # "A company valued at $1bn that raises at $600m has done a down round"
    seen: set[int] = set()
    for token in chain:
        if token.i in seen:
            continue
        seen.add(token.i)
        if token.pos_ != "PROPN" and (_lemma(token) in NOT_ASSERTED_HEADS or token.lower_ in NOT_ASSERTED_HEADS):
            return False  # (a PROPN "May" is the month)
        if any(c.dep_ == "amod" and c.lower_ in NOT_YET_DONE for c in token.children):
            return False  # "Gallagher's planned $3.57bn purchase of Willis Re"
        if token.dep_ == "pcomp" and token.head.lower_ in ("about", "over", "on") and any(
            c.dep_ == "dobj" and _lemma(c) in TALK_NOUNS for c in token.head.head.children
        ):
            return False  # "held talks earlier this year about buying Windsurf"
        if _lemma(token) in UNFINISHED and token.tag_ == "VBG" and not (
            token.dep_ == "pcomp" and token.head.lower_ in ("after", "since", "by", "following")
        ):
            return False  # "is raising"; but "valued at $1bn after raising $150m" is done
        for child in token.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "no"):
                return False
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether"):
                return False
            if child.dep_ == "aux" and child.lower_ in MODALS:
                # "Amazon said it would invest" reports a decision; "a venture they said
                # would invest" (a relative clause) describes an intention.
                governed_by_report = any(
                    _lemma(a) in REPORTING and a.dep_ not in ("relcl", "acl") for a in token.ancestors
                )
                # "contracts under which Core Scientific will host 200MW": the terms of a
                # contract the text reports as signed
                contract_terms = token.dep_ == "relcl" and _lemma(token.head) in CONTRACT_NOUNS
                if contract_terms and child.lower_ in ("will", "'ll", "would") and kind != "Revenue":
                    continue
                if child.lower_ != "would" or not governed_by_report:
                    return False
            if kind == "Revenue" and child.dep_ == "aux" and child.lower_ in ("will", "'ll", "would"):
                return False  # future revenue is a projection, even as reported ("said it would reach")
    if kind == "Revenue" and any(
        t.lower_ in ("target", "goal", "projected", "forecast", "guided", "guidance", "outlook", "peak", "sees")
        and (dep_distance(root, t) <= 4 or dep_distance(cue, t) <= 2)
        for t in sent
    ):
        return False  # (not "… ahead of the 28.6p the City had forecast", about earnings)
    if kind == "Revenue" and any(_lemma(a) in PROJECTING for a in root.ancestors):
        # "Hood guided to … revenue of $25.55bn to $25.85bn"; "its own forecast, which had
        # pointed to sales of between $806m and $811m"
        return False
    return True


def _estimated_by_analysts(root: Token, sent: Span) -> bool:
    """Whether an analysts' estimate in the sentence is about this figure: the estimate's
    clause holds the figure, or governs the clause that does ("analysts expect revenue of
    $5bn"); not "climbed to $13.6bn, ahead of the $13.1bn that analysts had expected"."""
    for match in ANALYST_ESTIMATE.finditer(sent.text):
        span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end(), alignment_mode="expand")
        if span is None:
            return True
        verbs = [t for t in span if t.pos_ in ("VERB", "AUX")] or [span.root]
        for verb in verbs:
            clause = verb
            while clause.dep_ in ("aux", "auxpass") and clause.head != clause:
                clause = clause.head
            if root == clause or clause in root.ancestors:
                return True
            described = clause.head if clause.dep_ in ("relcl", "acl") else None
            if described is not None and (
                described == root or described in root.ancestors
                or (root in described.subtree and described.i >= root.i)  # the figure parsed as its modifier
            ):
                return True  # "the $5bn analysts expected": the figure the clause describes
    return False


TEMPORAL_MARKS = {"after", "since", "following"}


def _earlier_event(root: Token) -> Token | None:
    """The clause of "after …" (or "since", "following") that holds ``root``, if any: it
    states what happened before the main clause, whatever the main clause says. Not when the
    figure is of a deal named before ("given up on its purchase of Kokusai after China's
    regulator failed to approve the $3.5bn deal"): that is the deal the main clause is about."""
    noun = root.head if root.dep_ in ("compound", "nummod", "nmod", "quantmod") else root
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in noun.children):
        return None
    for clause in [root, *root.ancestors]:
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in TEMPORAL_MARKS for c in clause.children):
            return clause
        if clause.dep_ in ("pcomp", "pobj") and clause.head.lower_ in TEMPORAL_MARKS:
            return clause.head
    return None


def _undone(sent: Span, root: Token) -> bool:
    """Whether the sentence says a deal was undone ("walked away", "called off"); not when the
    undoing is only a possibility ("a fight over whether he could walk away"), nor when the
    figure is in a clause of what happened before it ("The rebuff comes days after the two
    companies set out contracts under which Core Scientific will host 200MW")."""
    earlier = _earlier_event(root)
    for match in UNDONE.finditer(sent.text):
        start, end = sent.start_char + match.start(), sent.start_char + match.end()
        span = sent.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return True
        verb = span[0]
        if earlier is not None and not (earlier.left_edge.i <= verb.i <= earlier.right_edge.i):
            continue
        hypothetical = any(
            (c.dep_ == "aux" and c.lower_ in MODALS) or (c.dep_ == "mark" and c.lower_ in ("whether", "if"))
            for head in [verb, *list(verb.ancestors)[:2]]
            for c in head.children
        )
        if not hypothetical:
            return True
    return False


def _orgs_under(token: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Mentions inside the subtree of ``token``, in text order."""
    left, right = token.left_edge.i, token.right_edge.i
    return [m for m in mentions if left <= m.start and m.end - 1 <= right]


def _coordinated(token: Token) -> list[Token]:
    """A token with the members of its list: conjuncts and appositions, recursively
    ("DST Global, Andreessen Horowitz, Bpifrance and Nvidia")."""
    found, todo = [], [token]
    while todo:
        current = todo.pop()
        if current in found:
            continue
        found.append(current)
        todo += [c for c in current.children if c.dep_ in ("conj", "appos")]
        if current.dep_ == "appos":
            todo += _listed_after_description(current)
    return found


def _listed_after_description(appos: Token) -> list[Token]:
    """The next member of a list whose first member is described at length: in "led by Tiger
    Global, the New York firm that backs late-stage technology companies, and TCV", the small
    parser hangs "TCV" on "companies". A name after ", and" (or "; and") joined to a common
    noun of the description is the list's next member, not part of the description."""
    doc = appos.doc
    return [
        t for t in appos.subtree
        if t.dep_ == "conj" and t.pos_ == "PROPN" and t.head.pos_ == "NOUN" and t.head.i != appos.i
        and t.i >= 2 and doc[t.i - 1].lower_ == "and" and doc[t.i - 2].text in (",", ";")
    ]  # fmt: skip


def _direct_orgs(token: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Mentions that are ``token`` itself or its conjuncts/appositions, not deeper modifiers."""
    heads = _coordinated(token)
    # "Its book arm, HarperCollins, paid …": the unit's own name, not its owner's
    named_unit = any(m.covers(c) and not m.anaphoric for c in token.children if c.dep_ == "appos" for m in mentions)
    found = []
    for head in heads:
        for mention in mentions:
            if mention.covers(head) or (
                not named_unit
                and head.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "conj", "appos", "poss")
                and any(mention.covers(c) and c.dep_ in ("compound", "poss", "amod", "nmod") for c in head.children)
                and head.pos_ in ("NOUN",) and head.lower_ in ("unit", "arm", "subsidiary", "division", "fund", "group", "venture")
            ):
                if mention not in found:
                    found.append(mention)
    if any(not m.guessed for m in found):
        # "xAI, the company Elon Musk launched"; a list keeps its members ("Magnetar, Altimeter
        # Capital and …", where the NER called Magnetar a person)
        listed = _listed(token)
        found = [m for m in found if not m.guessed or any(m.covers(t) for t in listed)]
    elif any(not m.person for m in found):
        found = [m for m in found if not m.person]  # "SSI, the start-up Ilya Sutskever co-founded"
    return found


def _former_of(person: Token) -> bool:
    """Whether a person is described by a company they used to work for: "Eric Schmidt, the
    former chief executive of Google, also put money in" speaks for no company."""
    return person.ent_type_ == "PERSON" and any(
        c.dep_ == "appos" and any(a.lower_ in ("former", "ex") for a in c.children) for c in person.children
    )


def _listed(token: Token) -> list[Token]:
    """A token and its conjuncts (no appositions): the members of a list it heads."""
    return [token, *token.conjuncts] if any(c.dep_ == "conj" for c in token.children) else []


def _subject(verb: Token, mentions: list[OrgMention]) -> tuple[list[OrgMention], bool]:
    """Organisations that are the subject of ``verb`` (climbing xcomp/conj/advcl), and passivity.

    A passive verb whose subject sits higher ("Bungie is to be acquired by Sony") is passive
    too: its own auxpass says so."""
    passive_verb = any(c.dep_ == "auxpass" for c in verb.children)
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            break
        # the subject nearest the verb: "X, Y and Z return as the lawyers' copilot raises
        # $100m" can come out with two subjects on "raises"
        for child in reversed(list(current.children)):
            if child.dep_ in ("nsubj", "nsubjpass"):
                if current.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS:
                    passive_verb = passive_verb or child.dep_ == "nsubjpass"
                    break  # "Amazon, which has invested …": the subject is what "which" stands for
                # a person inside the subject ("the designer run by Jim Keller") is not it
                found = _direct_orgs(child, mentions)
                if not found and not _former_of(child):
                    # "Albert Bourla, Pfizer's chief executive, presented the purchase": Pfizer
                    found = [m for m in _orgs_under(child, mentions) if not m.person][:1]
                return found, child.dep_ == "nsubjpass" or passive_verb
        swallowed = [
            o for p in current.children if p.dep_ == "prep" and p.i < current.i and p.lower_ in ("in", "on", "at", "last", "this")
            for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN" and any(
                c.dep_ == "compound" and (c.ent_type_ == "DATE" or c.pos_ == "NOUN") for c in o.children
            )
        ]  # fmt: skip
        named = [m for o in swallowed for m in _direct_orgs(o, mentions) if not m.anaphoric]
        if named and current.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
            # "In December Hyundai Motor Group agreed to buy …", "At that price Sky … is valued
            # at £29.7bn", where the parser read the name into the opening phrase and left the
            # verb without a subject
            return named, passive_verb
        if current.pos_ in ("NOUN", "PROPN") and current is not verb:
            owners = _possessor(current, mentions)
            if owners:
                return owners, False  # "Anthropic's pledge to spend …"
        if (
            current.dep_ in ("relcl", "acl") and any(c.lower_ == "having" and c.dep_ == "aux" for c in current.children)
            and current.head.dep_ not in ("nsubj", "nsubjpass")
        ):
            # "… snapped up Tableau, the data group, for $15.7bn, having bought MuleSoft": a
            # participle clause hung on a noun that is not the subject is still the subject's
            verbs = [a for a in current.head.ancestors if a.pos_ in ("VERB", "AUX")]
            if verbs:
                current = verbs[0]
                continue
        if current.dep_ == "relcl":
            found = _direct_orgs(current.head, mentions)
            if not found and current.head.dep_ == "appos":
                # "Checkout.com, the payments processor, which was valued at $15bn"
                found = [m for m in _direct_orgs(current.head.head, mentions) if not m.anaphoric]
            if not found and current.head.dep_ == "attr":
                # "Nvidia became the first company to be valued at ...": the copula's subject
                return _subject(current.head.head, mentions)[0], False
            return found, passive_verb
        if (
            current.dep_ == "acl" and current.tag_ != "VBG" and any(c.dep_ == "dobj" for c in current.children)
            and not any(c.dep_ == "agent" for c in current.children)
        ):
            # "UBS, which reports in dollars, brought in revenue of $34.6bn", parsed as if
            # "brought" described UBS: a verb with an object and no "by" after a name is its
            # main verb (unlike "Bungie, acquired by Sony")
            named = _direct_orgs(current.head, mentions)
            if named:
                return named, passive_verb
        if current.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "pcomp") and current.head is not current:
            current = current.head
            if current.dep_ == "prep" and current.pos_ == "ADP":
                current = current.head  # "… has been valued at $1bn after raising $150m"
            continue
        break
    return [], False


def _subject_up(token: Token, mentions: list[OrgMention], other: list[OrgMention]) -> list[OrgMention]:
    """The subject of the nearest verb at or above ``token`` that names someone besides
    ``other`` (the other party): "X signed a contract to host 200MW for Y", "Z agreed to take
    168MW at W's site", where the subject sits on the verb that signed or agreed."""
    taken = {m.org.name for m in other}
    for head in [token, *token.ancestors]:
        if head.pos_ in ("VERB", "AUX"):
            found = [m for m in _subject(head, mentions)[0] if m.org.name not in taken]
            if found:
                return found
    return []


def _prep_orgs(token: Token, preps: set[str], mentions: list[OrgMention]) -> list[OrgMention]:
    found: list[OrgMention] = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lower_ in ("which", "whom") and token.dep_ == "relcl":
                    found += _direct_orgs(token.head, mentions)  # "the developer in which it invested"
                elif pobj.dep_ in ("pobj", "pcomp"):
                    found += (
                        _direct_orgs(pobj, mentions) or _group_members(pobj, mentions)
                        or _included(pobj, mentions)
                        # (not "Google" in "… including Eric Schmidt, the former chief executive of Google")
                        or [m for m in _orgs_under(pobj, mentions) if not _owner_in_description(pobj.doc[m.end - 1])][:1]
                    )  # fmt: skip
    return found


def _joined_in_backing(cue: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Who "joined Microsoft in backing Inflection AI's $1.3bn raise": the one who joined and
    the one joined."""
    for verb in [cue, *cue.ancestors][:4]:
        if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and _lemma(verb.head.head) == "join":
            join = verb.head.head
            joined = [m for c in join.children if c.dep_ == "dobj" for m in _direct_orgs(c, mentions)]
            return _subject(join, mentions)[0] + joined
    return []


def _included(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The members of "backers including CapitalG and Hedosophia", "a group of new investors
    including Jane Street and Sequoia"."""
    nouns = [noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")]
    return [
        m for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ == "including"
        for o in p.children if o.dep_ == "pobj" for m in _direct_orgs(o, mentions)
    ]  # fmt: skip


GROUP_NOUNS = {"group", "consortium", "syndicate", "clutch", "band", "slate", "roster"}
# What investors give besides money, named with where it came from: "with backing from X".
BACKING_NOUNS = {"backing", "investment", "participation", "funding", "support", "contribution", "contributions"}


def _from_investors(verb: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The investors of "raised $6.5bn at a $50bn valuation from investors including Thrive
    Capital and General Catalyst", where the parser hangs "from" on the valuation."""
    return [
        m
        for prep in verb.subtree if prep.dep_ == "prep" and prep.lower_ == "from" and prep.head != verb
        for noun in prep.children if noun.dep_ == "pobj" and _lemma(noun) in ("investor", "backer")
        for m in _orgs_under(noun, mentions) if not m.anaphoric and not m.person
    ]  # fmt: skip


def _backing_from(token: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The investors named as where a round's backing came from: "raised $13bn with backing
    from Fidelity and Lightspeed", "closed a round at a $2.6bn valuation with investment from
    Microsoft and Nvidia" (where the parser hangs "with" on the valuation)."""
    found: list[OrgMention] = []
    for child in token.subtree:
        if child.dep_ == "prep" and child.lower_ == "with":
            for noun in child.children:
                if noun.dep_ == "pobj" and _lemma(noun) in BACKING_NOUNS:
                    found += [m for m in _prep_orgs(noun, {"from"}, mentions) if m not in found]
    return found


def _group_members(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The members of "a group that included Axa and Fidelity"."""
    if _lemma(noun) not in GROUP_NOUNS:
        return []
    return [
        m for clause in noun.children if clause.dep_ == "relcl" and _lemma(clause) in ("include", "comprise")
        for o in clause.children if o.dep_ == "dobj" for m in _direct_orgs(o, mentions)
    ]  # fmt: skip


def _agent_orgs(token: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Organisations in a "by X" phrase under ``token`` (passive agents, "a round led by X")."""
    found: list[OrgMention] = []
    for child in token.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            for pobj in child.children:
                found += _direct_orgs(pobj, mentions) or _orgs_under(pobj, mentions)[:1]
        if child.dep_ in ("acl", "relcl") and _lemma(child) in ("lead", "co-lead", "back", "join"):
            found += _agent_orgs(child, mentions)
    return found


def _possessor(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    for child in noun.children:
        if child.dep_ == "poss":
            if child.lower_ == "whose":
                return named_by_whose(child, mentions)
            return _direct_orgs(child, mentions) or _orgs_under(child, mentions)[:1]
    return []


def _compound_orgs(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    return [
        m
        for child in noun.children
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod")
        for m in mentions
        if m.covers(child)
    ]


def _noun_chain(root: Token) -> list[Token]:
    """The money's head noun and the nouns that govern it through "of"/"in" phrases."""
    chain = []
    for token in [root, *root.ancestors][:4]:
        if token.pos_ in ("NOUN", "PROPN"):
            chain.append(token)
    return chain


class RoleReader:
    """Reads the organisations playing each role around one cue token."""

    def __init__(
        self,
        sent: Span,
        mentions: list[OrgMention],
        gazetteer: Gazetteer,
        parties: frozenset[str] = frozenset(),
        acquired: frozenset[str] = frozenset(),
    ) -> None:
        self.sent = sent
        self.mentions = mentions
        self.gazetteer = gazetteer
        self.parties = parties  # names the text has already shown taking part in a deal
        self.acquired = acquired  # names the text has already shown being bought
        self.guessed_position = False  # a role was filled by word order, not syntax

    def _verb_of(self, token: Token) -> Token:
        """The clause verb a noun cue hangs from ("made an investment" → made)."""
        for ancestor in [token, *token.ancestors]:
            if ancestor.pos_ in ("VERB", "AUX"):
                return ancestor
        return token.sent.root

    def is_place(self, mention: OrgMention) -> bool:
        """Whether the NER called the mention a place and the gazetteer does not know it."""
        doc = self.sent.doc
        if not (mention.guessed and doc[mention.start].ent_type_ in ("GPE", "LOC")):
            return False
        if self.gazetteer.lookup(mention.org.name) is not None or mention.org.name in self.parties:
            return False  # "Nubank raised $400m. … invested $50m in Nubank": no place
        # "Databricks, the data and AI software company": a place is not described as a company
        head = doc[mention.end - 1]
        return not described_as_company(head)

    def unnamed_org(self, token: Token) -> list[OrgMention]:
        """A proper noun in a role's own slot that the NER missed ("bought Run:ai"): an
        organisation recognised from context. Not when it is a person, place, date or sum."""
        described = described_as_company(token)
        # "DirecTV", which the tagger took for a verb: capitals inside a word make it a name
        camel = any(c.isupper() for c in token.text[1:]) and any(c.islower() for c in token.text)
        if not (token.pos_ == "PROPN" or camel) or (
            token.ent_type_ in UNNAMED_NOT_ORGS
            # "buy Inphi, a Santa Clara designer of chips", where the NER said nationality
            and not (described and token.ent_type_ in ("NORP", "GPE", "LOC"))
        ):
            return []
        if any(m.covers(token) for m in self.mentions):
            return []
        parts = [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < token.i]
        start = min([token.i, *(c.i for c in parts)])
        span = token.doc[start : token.i + 1]
        if span.text.lower() in ("series", "inc", "ltd") or not span.text[:1].isupper():
            return []
        return self._named(start, token.i + 1)

    def _named(self, start: int, end: int) -> list[OrgMention]:
        """A name the models missed, from token ``start`` to ``end``, now one of the mentions."""
        text = self.sent.doc[start:end].text
        mention = OrgMention(start, end, Org(self.gazetteer.canonical(text), text))
        self.mentions.append(mention)
        self.mentions.sort(key=lambda m: m.start)
        return [mention]

    def bare_name_subject(self, verb: Token) -> list[OrgMention]:
        """The subject of a verb when it is a capitalised singular noun with no article, which
        only a name can be: "Harvey raised $200m", where the tagger took the unknown name for a
        common noun and the NER missed it."""
        for child in verb.children:
            if (
                child.dep_ == "nsubj" and child.tag_ == "NN" and child.text[:1].isupper() and not child.is_stop
                and _lemma(child) not in FUNDING_NOUNS | ROUND_NOUNS | {"revenue", "sales", "company"}
                and not any(c.dep_ in ("det", "poss", "compound", "amod") for c in child.children)
                and not any(m.covers(child) for m in self.mentions)
            ):
                return self._named(child.i, child.i + 1)
        return []

    def name_after(self, verb: Token) -> list[OrgMention]:
        """The word right after a verb (and its particle) when it is a name nobody recognised:
        "Databricks snapped up MosaicML for $1.3bn", where the tagger called "MosaicML"
        punctuation. A name has capitals inside it or is tagged a proper noun."""
        doc = verb.doc
        after = verb.i + 1
        while after < verb.sent.end and doc[after].dep_ == "prt":
            after += 1
        if after >= verb.sent.end:
            return []
        word = doc[after]
        camel = any(c.isupper() for c in word.text[1:]) and any(c.islower() for c in word.text)
        if not (word.text[:1].isupper() and (camel or word.pos_ == "PROPN")) or word.ent_type_ in UNNAMED_NOT_ORGS:
            return []
        covering = [m for m in self.mentions if m.covers(word)]
        if covering:
            # a name found only as a guess is one in this slot, unless it is a person
            return [] if covering[0].person or covering[0].anaphoric else covering[:1]
        return self._named(after, after + 1)

    def _first_after(self, token: Token, exclude: list[OrgMention]) -> list[OrgMention]:
        names = {m.org.name for m in exclude}
        for mention in self.mentions:
            if mention.start > token.i and mention.org.name not in names and not mention.guessed:
                self.guessed_position = True
                return [mention]
        return []

    def _first_before(self, token: Token, exclude: list[OrgMention]) -> list[OrgMention]:
        names = {m.org.name for m in exclude}
        for mention in reversed(self.mentions):
            if mention.end <= token.i and mention.org.name not in names and not mention.guessed:
                self.guessed_position = True
                return [mention]
        return []

    def agent_patient(
        self, cue: Token, patient_preps: set[str], noun_compound_is_patient: bool
    ) -> tuple[list[OrgMention], list[OrgMention]]:
        """(agents, patients) around a cue: investor/investee, acquirer/target, company/provider."""
        mentions = self.mentions
        if cue.pos_ in ("NOUN", "PROPN", "ADJ") or cue.dep_ in ("compound", "amod"):
            noun = cue.head if cue.dep_ == "compound" else cue
            agents = _possessor(noun, mentions) or _agent_orgs(noun, mentions)
            patients = _prep_orgs(noun, patient_preps | {"of"}, mentions)
            compounds = [m for m in _compound_orgs(noun, mentions) if m not in agents + patients]
            if noun_compound_is_patient:
                patients = patients or compounds
            else:
                agents = agents or compounds
            if not agents:
                verb = self._verb_of(noun)
                subject, passive = _subject(verb, mentions)
                if not passive:
                    agents = [m for m in subject if m not in patients]
            return agents, patients
        subject, passive = _subject(cue, mentions)
        if not subject and not passive:
            # "Lyft has signed up to spend $300m with AWS", the tagger taking "Lyft" for a noun
            governing = [cue, cue.head] if cue.dep_ in ("xcomp", "conj") else [cue]
            subject = next((found for verb in governing if (found := self.bare_name_subject(verb))), [])
        objects = []
        direct_objects = [c for c in cue.children if c.dep_ in ("dobj", "attr")]
        for child in direct_objects:
            objects += _direct_orgs(child, mentions)
        if not objects:
            # "bought the maker of X": an organisation inside the object. Not when another
            # object names one: "buy Immunomedics …, a deal that gives the drugmaker …"
            for child in direct_objects:
                objects += _orgs_under(child, mentions)[:1] or self.unnamed_org(child)
        prep_objects = _prep_orgs(cue, patient_preps, mentions)
        if passive and not subject:
            # "DirecTV, the satellite broadcaster, was acquired by AT&T": a name the NER missed
            subject = [m for c in cue.children if c.dep_ == "nsubjpass" for m in self.unnamed_org(c)]
        if passive:
            return _agent_orgs(cue, self.mentions), subject
        return subject, prep_objects or objects


def _investment(reader: RoleReader, cue: Token, root: Token) -> dict[str, list[OrgMention]]:
    lemma = _lemma(cue)
    # the tagger sometimes calls "round" an adjective ("closed a $500m round led by …")
    noun_like = cue.pos_ == "NOUN" or cue.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") or (
        cue.dep_ == "appos" and is_series(cue)  # "Mistral AI's previous round, a €385m Series A, …"
    )
    if is_series(cue):
        lemma = "round"
    if cue.lower_ in ("funding", "financing") and noun_like:
        lemma = cue.lower_  # "led an $800m funding round", where the tagger made "funding" a verb
    if lemma == "raise" or (lemma in ("round", "funding", "financing") and noun_like):
        # "Anthropic raised $13 billion from X" / "a $13 billion round led by X"
        if lemma == "raise":
            investee, _ = _subject(cue, reader.mentions)
            investors = _prep_orgs(cue, {"from"}, reader.mentions) + _agent_orgs(cue, reader.mentions)
            for token in cue.subtree:
                # "raised $120 million in a round led by Northwind Ventures"
                if token != cue and (_names_round(token) or token.dep_ == "dobj"):
                    investors += [m for m in _agent_orgs(token, reader.mentions) if m not in investors]
                    if _names_round(token):  # "raised $1bn in a round from Google and Fidelity"
                        investors += [m for m in _prep_orgs(token, {"from"}, reader.mentions) if m not in investors]
                        investors += [m for m in _brought_in(token, reader.mentions) if m not in investors]
                if token.head == cue and token.dep_ == "advcl" and _lemma(token) in ("lead", "co-lead"):
                    # "raised $80m in a Series B co-led by X and Y", the tagger having split "co-led"
                    investors += [m for m in _agent_orgs(token, reader.mentions) if m not in investors]
            investors += [m for m in _among_the_investors(cue.sent, reader.mentions) if m not in investors]
            investors += [m for m in _backing_from(cue, reader.mentions) if m not in investors]
            investors += [m for m in _from_investors(cue, reader.mentions) if m not in investors]
            subordinate = any(c.dep_ == "mark" for c in cue.children) and any(c.dep_ == "nsubj" for c in cue.children)
            if not investee:
                investee = reader.bare_name_subject(cue)
            if not investee and not subordinate:
                # A misparse left "raised" without a subject ("DeepL, the company behind the
                # DeepL Write editor, has raised …"): whoever raises is named before the verb.
                # Not in a clause of its own whose subject names no one: "Sequoia returns as
                # the lawyers' copilot raises $100m".
                investee = reader._first_before(cue, investors)
            if investors:
                investors += _also_in_round(reader, cue, investors + investee)
            return {"investor": investors, "investee": investee}
        # "a $1.1bn funding round for CoreWeave": the roles hang from "round", not "funding"
        noun = cue.head if cue.dep_ == "compound" and _lemma(cue.head) in ROUND_NOUNS else cue
        investors = _agent_orgs(noun, reader.mentions) + _prep_orgs(noun, {"from"}, reader.mentions)
        beside = noun.head if noun.dep_ == "appos" and _lemma(noun.head) in ROUND_NOUNS else None
        if beside is not None and beside.dep_ == "nsubjpass" and _lemma(beside.head) in LEAD_VERBS:
            # "Mistral AI's previous round, a €385m Series A, was led by Andreessen Horowitz"
            investors += [m for m in _agent_orgs(beside.head, reader.mentions) if m not in investors]
        # "closed a $675m round with investment from X, Y and Z"
        investors += [m for m in _backing_from(reader._verb_of(noun), reader.mentions) if m not in investors]
        investors += [m for m in _brought_in(noun, reader.mentions) if m not in investors]
        for other in cue.doc[noun.i + 1 : min(noun.i + 5, cue.sent.end)]:
            if not investors and _lemma(other) == "round":
                # "$126m of seed funding, a round led by Redpoint", the apposition misparsed
                investors = _agent_orgs(other, reader.mentions)
            if not investors and _lemma(other) in ("lead", "co-lead") and other.pos_ == "VERB":
                # "a Series B co-led by Elad Gil and Kleiner Perkins", where the tagger split
                # "co-led" and hung "led" on the main verb
                investors = _agent_orgs(other, reader.mentions)
        investee = (
            _possessor(noun, reader.mentions)
            or _prep_orgs(noun, {"for", "in", "into"}, reader.mentions)
            or _valued_by_round(noun, reader.mentions)
            or _stake_taken_by_the_round(noun, reader.mentions)
            or _raised_in_clause(noun, reader.mentions)
            # "Anduril's previous round, a $1.48bn Series E, was led by …": the round it stands beside
            or (_possessor(noun.head, reader.mentions) if noun.dep_ == "appos" and _lemma(noun.head) in ROUND_NOUNS else [])
        )
        among = _among_backers_of(noun, reader.mentions)
        if among:
            # "Nvidia was among the backers of the $500m Series B that Poolside raised"
            investors += [m for m in among if m not in investors and m not in investee]
        verb = reader._verb_of(noun.head if noun.pos_ == "VERB" else noun)
        subject, passive = _subject(verb, reader.mentions)
        if not investee and (_lemma(verb) in RAISING_VERBS or _lemma(verb) == "announce"):
            investee = subject
        elif not investors and _lemma(verb) in LEAD_VERBS and not passive:
            investors = [m for m in subject if m not in investee]
        if investors:
            investors += _also_in_round(reader, cue, investors + investee)
        return {"investor": investors, "investee": investee}
    led = _led_by(reader, cue)
    if led is None and _lemma(cue) in ROUND_NOUNS:
        # "Cohere's $60m round was co-led by …", where the tagger may split "co-led" in three
        verb = reader._verb_of(cue)
        doc = cue.doc
        if verb.lower_ == "co" and verb.i + 2 < len(doc) and _lemma(doc[verb.i + 2]) == "lead":
            led = _led_by(reader, doc[verb.i + 2], subject_of=verb)
        else:
            led = _led_by(reader, verb)
    if led is not None:
        return led
    agents, patients = reader.agent_patient(cue, INVESTOR_PREPS, noun_compound_is_patient=lemma == "stake")
    givers = _prep_orgs(cue, {"from"}, reader.mentions) if cue.pos_ == "NOUN" else []
    if givers:  # "backed by a $10bn investment from Berkshire Hathaway": whom the money came from
        agents, patients = givers, [m for m in patients if m not in givers]
    if lemma in ("lead", "co-lead", "participate", "join") and not patients:
        for child in cue.children:
            if child.dep_ == "dobj":
                patients = _possessor(child, reader.mentions) or _prep_orgs(child, {"for", "in"}, reader.mentions)
    if not patients and cue.pos_ == "NOUN":
        # "has taken a stake in G42 … with a $1.5bn investment": the stake names the company
        verb = reader._verb_of(cue)
        for child in verb.children:
            if child.dep_ == "dobj" and _lemma(child) in ("stake", "holding", "interest"):
                patients = [m for m in _prep_orgs(child, {"in"}, reader.mentions) if m not in agents]
    if not patients and not _slot_holds_a_thing(cue, INVESTOR_PREPS, reader.mentions):
        patients = reader._first_after(cue, agents)
    if not agents:
        agents = reader._first_before(cue, patients)
    return {"investor": agents, "investee": patients}


def _raised_in_clause(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Who raised "the $500m Series B that Poolside raised", "the round Helsing closed"."""
    return [
        m for clause in noun.children if clause.dep_ == "relcl" and _lemma(clause) in RAISING_VERBS
        for m in _subject(clause, mentions)[0]
    ]  # fmt: skip


def _among_backers_of(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The subject of "X was among the backers of <round>", "X is one of the investors in <round>"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("of", "in"):
        return []
    backers = prep.head
    if backers.lower_ not in INVESTOR_WORDS:
        return []
    verb = next((a for a in backers.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return _subject(verb, mentions)[0] if verb is not None else []


def _brought_in(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The investors of "a round that brings in Microsoft as a shareholder"."""
    return [
        m for clause in noun.children if clause.dep_ in ("relcl", "acl") and _lemma(clause) in ("bring", "add")
        for o in clause.children if o.dep_ == "dobj" for m in _direct_orgs(o, mentions)
    ]  # fmt: skip


def _stake_taken_by_the_round(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The company of "has taken a stake in X-energy … by anchoring a $500m funding round"."""
    for verb in [a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")][:3]:
        for child in verb.children:
            if child.dep_ == "dobj" and _lemma(child) in HOLDINGS:
                found = _prep_orgs(child, {"in"}, mentions)
                if found:
                    return found
    return []


def _slot_holds_a_thing(verb: Token, preps: set[str], mentions: list[OrgMention]) -> bool:
    """Whether the verb's own slot for the company is taken by a thing: "put an extra $100bn
    into American factories" names where the money goes; the next name in the sentence ("the
    Trump administration") is not it."""
    if any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "LOC") for c in verb.children):
        return True  # "its planned US investment": investment in a country
    return any(
        child.dep_ == "prep" and child.lower_ in preps and o.dep_ == "pobj" and o.pos_ == "NOUN"
        and not _orgs_under(o, mentions)
        for child in verb.children for o in child.children
    )  # fmt: skip


def _valued_by_round(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The company "a $250m round that valued GitHub at $2bn" is in."""
    for clause in noun.children:
        if clause.dep_ in ("relcl", "acl") and _lemma(clause) == "value":
            for child in clause.children:
                if child.dep_ == "dobj":
                    return _direct_orgs(child, mentions)
    return []


def _led_by(reader: RoleReader, cue: Token, subject_of: Token | None = None) -> dict[str, list[OrgMention]] | None:
    """A round "led by" its investors: "Cohere has closed a $50m Series B led by Accel",
    "Cohere's $60m round was co-led by Accel and GV". The round's owner is its possessor or
    the subject of the verb whose object it is (``subject_of``: where the passive subject
    hangs, when not from ``cue``)."""
    if _lemma(cue) not in ("lead", "co-lead", "colead") or not any(c.dep_ == "agent" for c in cue.children):
        return None
    investors = _agent_orgs(cue, reader.mentions)
    if not investors:
        return None
    passive_of = subject_of if subject_of is not None else cue
    noun = cue.head if cue.dep_ == "acl" else next((c for c in passive_of.children if c.dep_ == "nsubjpass"), None)
    investee: list[OrgMention] = []
    if noun is not None:
        investee = _possessor(noun, reader.mentions)
        if not investee and noun.dep_ == "dobj":
            investee, _ = _subject(noun.head, reader.mentions)
    investee = [m for m in investee if m not in investors]
    return {"investor": investors + _also_in_round(reader, cue, investors + investee), "investee": investee}


def _also_in_round(reader: RoleReader, cue: Token, known: list[OrgMention]) -> list[OrgMention]:
    """The other investors of a round named after its first ones in the same sentence: "led
    by X, with participation from Y and Z", "from X and Y, with Z also taking part". Once one
    investor is known, the names that follow in a funding sentence are its co-investors."""
    names = {m.org.name for m in known}
    first = min((m.start for m in known if m.start > cue.i), default=None)
    if first is None:
        return []
    found = []
    for mention in reader.mentions:
        if mention.start <= first or mention.start >= cue.sent.end or mention.org.name in names:
            continue
        if mention.anaphoric or mention.person or mention.guessed:
            continue
        if any(a.dep_ == "relcl" for a in reader.sent.doc[mention.start].ancestors):
            continue  # "for CoreWeave, the company that rents out Nvidia GPUs": a description
        if _owner_in_description(reader.sent.doc[mention.end - 1]):
            continue  # "Samsung Catalyst Fund, the venture arm of Samsung Electronics"
        names.add(mention.org.name)
        found.append(mention)
    return found


def _acquisition(reader: RoleReader, cue: Token) -> dict[str, list[OrgMention]]:
    lemma = _lemma(cue)
    if lemma in ("sell", "sale"):
        sold = [m for c in cue.children if c.dep_ == "nsubjpass" for m in _direct_orgs(c, reader.mentions)]
        buyers = _prep_orgs(cue, {"to"}, reader.mentions)
        if sold and buyers:
            return {"acquirer": buyers[:1], "target": sold[:1]}  # "Westinghouse was sold to Brookfield"
        seller, buyer = reader.agent_patient(cue, {"to"}, noun_compound_is_patient=True)
        # "sell Speedway, its chain of fuel stations, to 7-Eleven", where the parser hangs "to"
        # on the apposition
        to_appos = [
            m for c in cue.children if c.dep_ == "dobj"
            for a in c.children if a.dep_ == "appos" for m in _prep_orgs(a, {"to"}, reader.mentions)
        ]  # fmt: skip
        if to_appos and not _prep_orgs(cue, {"to"}, reader.mentions):
            buyer = to_appos
        target, unit = [], False
        for child in cue.children:
            if child.dep_ == "dobj" and _lemma(child) in BUSINESS_NOUNS:
                # "sold its Boost Mobile brand to Dish": the business by its name; "sell its
                # spreads division to KKR": a unit with no name, and the seller itself not sold
                # ("sell its IT services arm, Dell Services, to NTT Data": the name in apposition)
                names = [child, *(c for c in child.children if c.dep_ == "appos")]
                named = [m for m in reader.mentions if any(m.covers(n) for n in names)]
                named += _compound_orgs(child, reader.mentions)
                target = [m for m in named if not m.anaphoric][:1]
                unit = True
            elif child.dep_ == "dobj":
                target = _direct_orgs(child, reader.mentions) or _orgs_under(child, reader.mentions)[:1]
        return {"acquirer": buyer, "target": target or ([] if unit else seller)}
    agents, patients = reader.agent_patient(cue, {"of", "for"}, noun_compound_is_patient=True)
    if not patients and cue.dep_ == "relcl" and (
        any(c.lower_ in ("which", "that") for c in cue.children) or not any(c.dep_ == "dobj" for c in cue.children)
    ):
        # "Juno Therapeutics, which it bought"; "the third business AMD has snapped up"
        patients = _direct_orgs(cue.head, reader.mentions) or _antecedent(cue, reader.mentions)
    if not patients and cue.pos_ == "VERB":
        patients = reader.name_after(cue)
    if not patients and cue.dep_ == "dobj" and cue.head.dep_ == "advcl" and cue.head.tag_ == "VBG":
        # "Broadcom took control of VMware, closing its $69bn takeover": what the main clause
        # took (or bought) is what the participle's takeover was of
        patients = _owned_by_main_clause(cue.head.head, reader.mentions)
    if not patients:
        patients = reader._first_after(cue, agents)
    if cue.pos_ == "NOUN" and (not agents or {a.org.name for a in agents} & {p.org.name for p in patients}):
        # "the takeover of the industrial group by a consortium led by Japan Industrial Partners"
        # (the parser may hang "by" on the verb of "completing the takeover … by")
        by = _agent_orgs(cue, reader.mentions) or (_agent_orgs(cue.head, reader.mentions) if cue.dep_ == "dobj" else [])
        agents = [m for m in by if m.org.name not in {p.org.name for p in patients}][:1] or agents
    if not agents:
        agents = reader._first_before(cue, patients)
    return {"acquirer": agents, "target": patients}


def _owned_by_main_clause(verb: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The object of "bought X" or "took control of X"."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if _lemma(obj) == "control":
            return _prep_orgs(obj, {"of"}, mentions) or _prep_orgs(verb, {"of"}, mentions)
        if _lemma(verb) in MONEY_CUES["Acquisition"][0]:
            return _direct_orgs(obj, mentions)
    return []


def _antecedent(clause: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The name a relative clause is about when the parser hangs it on the wrong noun:
    "Magento, an e-commerce platform used by online shops, which Adobe snapped up" (on
    "shops"). The last name before the pronoun that a comma closes, with only a description
    (no finite verb) between them."""
    doc = clause.doc
    pronoun = next((c for c in clause.children if c.lower_ in ("which", "that") and c.i < clause.i), None)
    if pronoun is None:
        return []
    for mention in sorted(mentions, key=lambda m: -m.end):
        if mention.end > pronoun.i or mention.anaphoric or mention.person:
            continue
        between = doc[mention.end : pronoun.i]
        if not len(between) or between[0].text != "," or any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in between):
            return []
        return [mention]
    return []


def _provider_split(
    reader: RoleReader, orgs: list[OrgMention], company: list[OrgMention]
) -> list[OrgMention]:
    """The cloud or chip companies among ``orgs`` that are not the company; names before
    anaphora, and one organisation only once."""
    found: list[OrgMention] = []
    taken = {m.org.name for m in company}
    for mention in sorted(orgs, key=lambda m: m.anaphoric):
        if mention.org.name in taken or reader.gazetteer.sector(mention.org.name) not in ("cloud", "chips"):
            continue
        found.append(mention)
        taken.add(mention.org.name)
    return found


def _cloud(reader: RoleReader, cue: Token, root: Token) -> dict[str, list[OrgMention]]:
    company, providers = reader.agent_patient(cue, PROVIDER_PREPS, noun_compound_is_patient=True)
    noun_providers = []
    for noun in _noun_chain(root):
        noun_providers += _compound_orgs(noun, reader.mentions) + _prep_orgs(noun, PROVIDER_PREPS | {"of"}, reader.mentions)
    # "route $100 billion in compute spending through AWS": the provider hangs off the verb
    verb_providers = _prep_orgs(reader._verb_of(root), PROVIDER_PREPS, reader.mentions)
    providers = (
        providers
        or noun_providers
        or verb_providers
        or _provider_split(reader, reader.mentions, company)[:1]
    )
    company = [m for m in company if m not in providers] or _filer(reader, cue)
    return {"company": company, "provider": providers}


FILING_NOUNS = {"prospectus", "filing", "statement", "report", "s-1", "registration", "accounts", "10-k"}


def _filer(reader: RoleReader, cue: Token) -> list[OrgMention]:
    """ "Lyft's prospectus showed a commitment to spend $300m with AWS": whose filing it is."""
    for verb in cue.ancestors:
        for subject in verb.children:
            if subject.dep_ in ("nsubj", "nsubjpass") and _lemma(subject) in FILING_NOUNS:
                return _possessor(subject, reader.mentions)
    return []


def _about_company(reader: RoleReader, cue: Token, root: Token) -> list[OrgMention]:
    """The organisation a valuation or revenue figure describes."""
    round_noun = cue.head if cue.dep_ in ("relcl", "acl") else None
    if (
        round_noun is not None and (_lemma(round_noun) in ROUND_NOUNS or is_series(round_noun))
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in cue.children)
    ):
        # "raised $2.5bn in a round led by Founders Fund that valued it at $30.5bn", "led a
        # $639m investment in Klarna that valued it at $45.6bn": "it" is whoever raised the
        # round, not the investor named last
        verb = reader._verb_of(round_noun)
        raiser = _prep_orgs(round_noun, {"in", "into", "for"}, reader.mentions)
        if not raiser and _lemma(verb) in RAISING_VERBS:
            raiser, _ = _subject(verb, reader.mentions)
        if raiser:
            return raiser[:1]
    given = _given_to(cue, reader.mentions)
    if given:
        return given[:1]
    event = cue.head.head if cue.head.dep_ == "prep" and cue.head.lower_ == "at" else None
    if event is not None and _cue_words(event) & MONEY_CUES["Investment"][0] and _lemma(event) not in RAISING_VERBS:
        # "Andreessen Horowitz, which had put $100m into the company at a $750m valuation":
        # the company invested in, not the investor
        invested = _prep_orgs(event, {"in", "into"}, reader.mentions)
        if invested:
            return invested[:1]
    investors = event.head if event is not None and event.dep_ in ("relcl", "acl") else None
    if investors is not None and investors.dep_ == "pobj" and investors.head.lower_ == "from":
        # "SSI raised $1bn from a group that included X and Y, at a valuation of $5bn", the
        # valuation hung on the clause about the investors: the company that raised
        raising = investors.head.head
        if raising.pos_ == "VERB" and _lemma(raising) in RAISING_VERBS:
            raiser, _ = _subject(raising, reader.mentions)
            if raiser:
                return raiser[:1]
    if cue.lower_ in ("values", "valuing", "value", "valued"):
        # "values Mistral AI at €11.7bn": read by word order, which the parser often garbles
        after = [m for m in reader.mentions if cue.i < m.start <= cue.i + 2 and not m.person]
        if after and cue.lower_ != "valued":
            return after[:1]
    for noun in [cue, *_noun_chain(root)]:
        found = _possessor(noun, reader.mentions) or _compound_orgs(noun, reader.mentions)
        if found:
            return found[:1]
        for child in noun.children:
            if child.dep_ == "relcl":  # "the $61.5 billion valuation the company secured"
                found = [m for c in child.children if c.dep_ in ("nsubj", "nsubjpass") for m in _direct_orgs(c, reader.mentions)]
                if found:
                    return found[:1]
        found = _prep_orgs(noun, {"of", "for", "at"}, reader.mentions) if _lemma(noun) in ("valuation", "revenue", "revenues", "sales") else []
        if found:
            return found[:1]
    # "valued at", "valuing X at": the thing valued is the passive subject or the object
    verb = cue if cue.pos_ in ("VERB", "AUX") else reader._verb_of(cue)
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found = _direct_orgs(child, reader.mentions)
            if found:
                return found[:1]
    subject, _ = _subject(verb, reader.mentions)
    return subject[:1]


SHAREHOLDER_NOUNS = {"shareholder", "shareholders", "minority", "rest", "remainder", "holders"}
BUSINESS_NOUNS = {"brand", "business", "unit", "division", "arm", "subsidiary", "operation", "operations", "chain", "label"}
SEGMENT_NOUNS = {"unit", "division", "segment", "business", "arm", "subsidiary", "operation", "operations"}
# Kinds of revenue that are a part of the whole: "product revenue", "advertising sales"
PART_REVENUE_WORDS = {"product", "subscription", "service", "services", "advertising", "ad", "licence", "license",
                      "hardware", "segment"}  # fmt: skip
PRODUCT_NOUNS = {"drug", "medicine", "treatment", "therapy", "vaccine", "product", "brand", "game", "app", "device"}


def _part_of_revenue(reader: RoleReader, cue: Token, company: list[OrgMention]) -> bool:
    """Whether a revenue figure is a part of a company's revenue, which is no fact: a unit's
    ("Nvidia's data centre unit reported revenue of $26bn"), a region's ("its sales in China
    fell to $3bn") or a product's ("Keytruda, Merck's cancer drug, generated sales of $25bn")."""
    doc = cue.doc
    for noun in [cue, *cue.ancestors][:3]:
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "in" and any(
                o.ent_type_ in ("GPE", "LOC") for o in prep.children if o.dep_ == "pobj"
            ):
                return True
    if any(c.dep_ in ("compound", "amod") and _lemma(c) in PART_REVENUE_WORDS for c in cue.children):
        return True  # "Product revenue … grew 34 per cent to $789.6m"
    if any(
        prep.dep_ == "prep" and prep.lower_ in ("at", "from", "of") and _lemma(o) in SEGMENT_NOUNS
        for prep in cue.children for o in prep.children if o.dep_ == "pobj"
    ):
        return True  # "Revenue at Nvidia's data centre business rose to $30.8bn": a unit's
    verb = reader._verb_of(cue)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(
        _lemma(s) in SEGMENT_NOUNS and any(c.dep_ in ("poss", "compound") for c in s.children) for s in subjects
    ):
        return True  # "Nvidia's data centre unit"; "the unit" alone may be a company being sold
    for mention in company:
        head = doc[mention.end - 1]
        if any(c.dep_ == "appos" and _lemma(c) in PRODUCT_NOUNS for c in head.children):
            return True
    return False


# What "revenue" may qualify that is no revenue earned: "a revenue backlog of $30bn"
NOT_EARNED = {"backlog", "guidance", "target", "goal", "forecast", "estimate", "multiple", "share", "pipeline"}


# Revenue contracted but not earned yet: a backlog.
NOT_RECOGNISED = {"obligation", "obligations", "backlog", "bookings", "recognised", "recognized"}


def _not_recognised(root: Token, cue: Token) -> bool:
    """Whether the figure is a backlog: "the remaining performance obligation, revenue that
    has been contracted but not yet recognised, climbed to $298bn"."""
    return any(
        t.lower_ in NOT_RECOGNISED and (dep_distance(root, t) <= 3 or dep_distance(cue, t) <= 2) for t in root.sent
    )
def _revenue_kind_of(cue: Token) -> bool:
    """Whether "revenue" names a kind of something else: "a revenue backlog of $30.1bn"."""
    return cue.dep_ in ("compound", "amod") and _lemma(cue.head) in NOT_EARNED


def _revenue_metric(sent: Span) -> str | None:
    words = {t.lower_ for t in sent} | {t.lemma_.lower() for t in sent}
    if words & {"run-rate", "annualized", "annualised", "arr", "run"}:
        return "run-rate"
    if words & {"quarterly", "quarter"}:
        return "quarterly"
    if words & {"annual", "yearly", "full-year", "fiscal", "year"}:
        return "annual"
    return None


def _revenue_qualifier(amount: Amount, root: Token) -> Amount:
    if amount.qualifier is None and any(_lemma(a) in ("surpass", "exceed", "top", "pass", "cross", "eclipse") for a in root.ancestors):
        return Amount(amount.value, amount.currency, "more than", amount.low)
    return amount


def _compute(reader: RoleReader, root: Token, sent: Span) -> dict[str, list[OrgMention]] | None:
    if any(a.lower_ == "with" and _lemma(a.head) in ("start", "begin") for a in root.ancestors):
        return None  # "six gigawatts, starting with a one-gigawatt deployment": a first stage of it
    if any(
        _lemma(t) == "capacity" and dep_distance(root, t) <= 3
        and any(a.dep_ == "amod" and a.lower_ in NOT_YET_DONE | {"expected", "targeted", "eventual"} for a in t.children)
        for t in sent
    ):  # fmt: skip
        return None  # "brings the project's planned capacity to nearly seven gigawatts"
    cue = None
    for token in sent:
        if _cue_words(token) & (COMPUTE_CUES | GIVING_VERBS) and dep_distance(root, token) <= 5:
            cue = token
            break
    if cue is None:
        return None
    words = {t.lower_ for t in sent}
    if any(t.lower_ == "electricity" and dep_distance(root, t) <= 2 for t in sent):
        return None  # "500MW of electricity": power bought, not computing
    if _power_not_computing(root) or _measure_of_a_generic_capacity(root):
        return None
    leased_at_site = bool({_lemma(t) for t in sent} & {"lease", "take", "rent"}) and bool(words & {"campus", "site"})
    # "Oracle agreed to develop up to 4.5 gigawatts of additional US capacity for OpenAI": a
    # cloud company's capacity is computing (not "solar capacity", whoever buys it)
    cloud_capacity = "capacity" in words and not words & ENERGY_WORDS and any(
        reader.gazetteer.sector(m.org.name) == "cloud" and sent.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
        for m in reader.mentions if not m.guessed
    )
    if not words & COMPUTE_CONTEXT and not ("data" in words and words & {"centre", "center", "centres", "centers"}) and not (
        "it load" in sent.text.lower()  # "200 megawatts of critical IT load": a data centre's measure
    ) and not leased_at_site and not cloud_capacity:  # "agreed to take 168MW at Cipher Mining's Barber Lake site"
        if not any(reader.gazetteer.maker(e.text) for e in sent.ents):
            return None
    for verb in [root, *root.ancestors][:6]:
        if verb.pos_ == "VERB" and (_lemma(verb) in GIVING_VERBS or _lemma(verb) == "sign"):
            found = _customer_and_provider(verb, reader)
            if found is not None:
                return {"company": found[0], "provider": found[1]}
    leased = _lease_at_own_site(reader, sent) or _lease_at_landlords_site(reader, root)
    if leased is not None:
        return leased
    subject_token = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "A single hyperscale campus can draw several hundred megawatts": a generic statement,
    # even with a place named ("grid connections in Sydney")
    if subject_token is not None and all(m.guessed for m in reader.mentions):
        generic = {t.lower_ for t in subject_token.subtree}
        if generic & {"a", "an", "typical", "average", "each", "every", "modern", "single"}:
            return None
    explicit = [m for m in reader.mentions if not m.guessed]
    providers = [m for m in explicit if reader.gazetteer.sector(m.org.name) in ("cloud", "chips")]
    companies = [m for m in explicit if m not in providers]
    for token in sent:
        if token.lower_ == "from" and token.dep_ == "prep":
            from_orgs = _orgs_under(token, explicit)
            if from_orgs:
                providers = from_orgs
                companies = [m for m in explicit if m.org.name not in {p.org.name for p in providers}]
    if not companies and len(providers) > 1:
        # two providers: the one receiving capacity is the subject of secure/get/buy,
        # or the object of supply/provide
        companies = providers[1:] if _lemma(sent.root) in ("supply", "provide", "deliver") else providers[:1]
        providers = [p for p in providers if p not in companies]
    return {"company": companies[:1], "provider": providers[:1]}


ENERGY_WORDS = {
    "solar", "wind", "nuclear", "renewable", "renewables", "electricity", "grid", "reactor", "reactors", "gas",
    "hydro", "geothermal", "battery", "batteries", "fusion", "turbine", "turbines",
}  # fmt: skip


def _power_not_computing(root: Token) -> bool:
    """ "it controls about 1.2GW of contracted power across its facilities": power, not
    computing ("5GW of computing power" is computing)."""
    return any(
        p.dep_ == "prep" and p.lower_ == "of" and _lemma(o) in ("power", "electricity", "energy")
        and not any(m.lower_ in COMPUTE_CONTEXT | {"computing", "compute"} for m in o.children)
        for figure in [root, *(c for c in root.children if c.dep_ == "pobj")]  # ("about 1.2GW": "about" heads it)
        for p in figure.children for o in p.children if o.dep_ == "pobj"
    )  # fmt: skip


def _measure_of_a_generic_capacity(root: Token) -> bool:
    """ "the all-in cost of a gigawatt of AI computing": a unit priced, no one's capacity."""
    return (
        root.head.lower_ == "of" and _lemma(root.head.head) in ("cost", "price", "output", "size", "equivalent")
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "each", "every", "per") for c in root.children)
    )  # fmt: skip


SITE_NOUNS = {"campus", "site", "facility", "facilities", "centre", "center", "park", "hub"}


def _lease_at_own_site(reader: RoleReader, sent: Span) -> dict[str, list[OrgMention]] | None:
    """ "Hut 8 signed a 15-year lease with Fluidstack for 245MW at its River Bend campus":
    whoever leases out capacity at its own site is the provider, the other party the tenant."""
    if not any(t.lower_ in ("its", "their") and _lemma(t.head) in SITE_NOUNS for t in sent):
        return None
    for noun in sent:
        if _lemma(noun) not in ("lease", "contract", "agreement", "deal") or noun.pos_ != "NOUN":
            continue
        verb = reader._verb_of(noun)
        tenants = _prep_orgs(noun, {"with"}, reader.mentions) or _prep_orgs(verb, {"with"}, reader.mentions)
        landlords = [m for m in _subject(verb, reader.mentions)[0] if m not in tenants]
        if tenants and landlords:
            return {"company": tenants[:1], "provider": landlords[:1]}
    return None


def _lease_at_landlords_site(reader: RoleReader, root: Token) -> dict[str, list[OrgMention]] | None:
    """ "Fluidstack signed agreements to lease more than 200MW at TeraWulf's Lake Mariner
    campus", "it agreed to take 168MW at Cipher Mining's Barber Lake site": the site's owner
    is the provider, whoever leases or takes the capacity the tenant."""
    verb = next((t for t in root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    for prep in [*root.subtree, *(verb.children if verb is not None else ())]:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "on"):
            continue
        sites = [o for o in prep.children if o.dep_ == "pobj" and _lemma(o) in SITE_NOUNS]
        landlords = [m for site in sites for m in _possessor(site, reader.mentions)]
        if not landlords:
            continue
        tenants = _subject_up(root, reader.mentions, landlords[:1])
        if tenants:
            return {"company": tenants[:1], "provider": landlords[:1]}
    return None


def _roles(found: dict[str, list[OrgMention]]) -> dict[str, tuple[Org, ...]]:
    """Role fillers without repeats; only a round has several investors, every other role
    takes the first organisation read for it."""
    roles: dict[str, tuple[Org, ...]] = {}
    for role, mentions in found.items():
        orgs: list[Org] = []
        for mention in mentions:
            if mention.org.name not in {o.name for o in orgs}:
                orgs.append(mention.org)
        if orgs:
            roles[role] = tuple(orgs) if role in MULTI_VALUED_ROLES else (orgs[0],)
    return roles


def _duration_in(sent: Span, quantities: list[tuple[Span, QuantityMention]]) -> Duration | None:
    for span, mention in quantities:
        if isinstance(mention.quantity, Duration) and sent.start <= span.start < sent.end:
            return mention.quantity
    return None


# What may stand between a figure and the same figure in another currency: "€706m (about
# US$776m)", "¥104bn, or about US$776 million".
CONVERSION_WORDS = {"(", ",", "or", "about", "roughly", "around", "some", "approximately", "nearly", "almost", "—", "–", "-"}


def _converts_previous_figure(span: Span, mention: QuantityMention, figures: list[tuple[Span, QuantityMention]]) -> bool:
    """Whether an amount only restates the amount just before it (among the sentence's
    figures) in another currency."""
    if not isinstance(mention.quantity, Amount):
        return False
    for other, other_mention in figures:
        between = span.doc[other.end : span.start]
        if (
            isinstance(other_mention.quantity, Amount)
            and other_mention.quantity.currency != mention.quantity.currency
            and 0 < len(between) <= 4
            and all(t.lower_ in CONVERSION_WORDS for t in between)
            and any(t.lower_ in ("(", "or") for t in between)
        ):
            return True
    return False


def _cited_source(token: Token) -> bool:
    """Whether a name stands in an "according to …" phrase."""
    return any(a.lower_ == "according" for a in token.ancestors)


def read_sentence(
    sent: Span,
    index: int,
    quantities: list[tuple[Span, QuantityMention]],
    gazetteer: Gazetteer,
    context: Context,
) -> tuple[list[Reading], list[OrgMention]]:
    """Every fact reading of one sentence, and its organisation mentions."""
    mentions = find_mentions(sent, gazetteer, context)
    # "…, according to the Association for Private Capital Investment": a source, not a party
    parties = [m for m in mentions if not _cited_source(sent.doc[m.end - 1])]
    reader = RoleReader(sent, parties, gazetteer, frozenset(context.parties), frozenset(context.acquired))
    evidence = Evidence(sent.text, sent.start_char, sent.end_char)
    readings: list[Reading] = []
    figures = [(span, m) for span, m in quantities if sent.start <= span.start < sent.end and not isinstance(m.quantity, Duration)]
    for span, mention in figures:
        if _converts_previous_figure(span, mention, figures):
            continue
        root = span.root
        fact: Fact | None = None
        weak: bool | None = False
        reader.guessed_position = False
        if isinstance(mention.quantity, Capacity):
            found = _compute(reader, root, sent)
            if found is not None and is_asserted(root, root, sent, "ComputeCommitment"):
                fact = Fact("ComputeCommitment", _roles(found), capacity=mention.quantity)
        elif not is_price_or_market_value(root, span, mention.quantity):
            fact, weak = _read_money(reader, sent, span, mention, quantities)
        if fact is not None:
            fact.evidence.append(evidence)
            readings.append(
                Reading(
                    fact,
                    index,
                    weak=bool(weak),
                    guessed=reader.guessed_position,
                    context=_revenue_owner(context) if fact.kind == "Revenue" else context.company(),
                    mention_start=mention.start,
                )
            )
    # business angels: people named as taking part are investors too
    # (a place the NER found, which the mentions also flag as "person", stays a guess)
    people = [
        replace(m, person=False, guessed=False) if m.person and sent.doc[m.start].ent_type_ == "PERSON" else m
        for m in parties
    ] + _people(sent, parties)
    angels = RoleReader(sent, sorted(people, key=lambda m: m.start), gazetteer,
                        frozenset(context.parties), frozenset(context.acquired))  # fmt: skip
    participants = _round_participants(angels, sent, [span for span, _ in figures])
    if participants:
        fact = Fact("Participants", {"investor": tuple(m.org for m in participants)}, evidence=[evidence])
        readings.append(Reading(fact, index, mention_start=sent.start_char))
    if not figures:
        event = _acquisition_event(reader, sent)
        if event is not None:
            event.evidence.append(evidence)
            readings.append(Reading(event, index, figureless=True, mention_start=sent.start_char))
        choice = _provider_choice(reader, sent)
        if choice is not None:
            choice.evidence.append(evidence)
            readings.append(Reading(choice, index, figureless=True, mention_start=sent.start_char))
    cited = [m for m in mentions if m not in parties]
    return readings, sorted(reader.mentions + cited, key=lambda m: m.start)


def _revenue_owner(context: Context) -> Org | None:
    """Whose revenue a figure with no company is: "Lyft's prospectus showed …. Revenue
    reached $2.2bn" is the previous sentence's subject's, before the company named most."""
    subject = context.last_subject
    if subject is not None and subject.name not in context.investors and not is_public_body(subject.name):
        return subject
    return context.company()


INVESTOR_WORDS = {"investor", "investors", "backer", "backers", "participant", "participants", "shareholder", "shareholders"}


def _people(sent: Span, mentions: list[OrgMention]) -> list[OrgMention]:
    """People the NER names in a sentence and no organisation mention covers, as parties:
    "Marc Benioff, the Salesforce chief executive, wrote a personal cheque"."""
    return [
        OrgMention(ent.start, ent.end, Org(ent.text, ent.text))
        for ent in sent.ents
        if ent.label_ == "PERSON" and len(ent) >= 2
        and not any(m.start < ent.end and ent.start < m.end for m in mentions)
    ]  # fmt: skip


def _owner_in_description(token: Token) -> bool:
    """Whether a name is the owner in a description of another ("Teachers' Venture Growth,
    the venture arm of the Ontario Teachers' Pension Plan"; "Former Google boss Eric
    Schmidt"): the owner is not in the list."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "appos":
        return True
    if token.ent_type_ != "PERSON":
        head = token
        while head.dep_ in ("compound", "nmod", "amod") and head.head != head:
            head = head.head
        if head != token and head.ent_type_ == "PERSON":
            return True
    # "PSP Investments, the pension fund manager for Canada's public servants"
    return any(a.dep_ == "appos" and a.pos_ == "NOUN" for a in token.ancestors)


def _round_participants(reader: RoleReader, sent: Span, figures: Sequence[Span] = ()) -> list[OrgMention]:
    """Investors named apart from a round's figure, in a clause with no money in it:
    "ICONIQ led the round", "The round was led by X, with Y also taking part",
    "X, Y and Z co-led it", "X came in as a new investor", "It named X and Y among the backers".
    With ``figures``, only from clauses that hold none of them ("Microsoft came back for
    more; it had already put about $13bn into OpenAI")."""
    found: list[OrgMention] = []

    def add(mentions: list[OrgMention]) -> None:
        found.extend(m for m in mentions if m.org.name not in {f.org.name for f in found})

    def named_before(verb: Token) -> list[OrgMention]:
        """Every organisation named in the clause before its verb: lists of investors are
        where the small parser most often loses conjuncts."""
        return [
            m for m in reader.mentions
            if verb.left_edge.i <= m.start and m.end <= verb.i and not m.anaphoric
            and not _owner_in_description(reader.sent.doc[m.end - 1])
            # "the Edinburgh fund manager Baillie Gifford": a place describing an investor
            and not (reader.is_place(m) and reader.sent.doc[m.end - 1].dep_ in ("compound", "amod", "nmod"))
            # "Nvidia, whose processors Wayve uses, came in": not the names of a relative clause
            and not any(
                a.dep_ == "relcl" and a != verb and a not in verb.ancestors
                for a in reader.sent.doc[m.end - 1].ancestors
            )
        ]

    for token in sent:
        if token.pos_ not in ("VERB", "AUX") or not is_asserted(token, token, sent, "Investment"):
            continue
        if any(token.left_edge.i <= f.start <= token.right_edge.i for f in figures):
            continue
        lemma = _lemma(token)
        if lemma == "be" and LEAD_PREDICATE.match(sent.doc[token.i + 1 : sent.end].text):
            add(_subject(token, reader.mentions)[0] + named_before(token))  # "Fidelity and Lightspeed were co-leads"
            continue
        if lemma == "be" and _investors_named_as_predicate(token):
            add(listed_names(sent, token.i + 1, reader.mentions))  # "The other backers were Dell, Blue Owl and …"
            continue
        if lemma == "be" and _back_or_new_investor(token, reader.mentions):
            add(_subject(token, reader.mentions)[0] + named_before(token))  # "Saab is back", "X is a new investor"
            continue
        if token.pos_ == "AUX" and lemma != "do":
            continue
        related = [c for c in token.children if c.dep_ in ("dobj", "prep", "nsubjpass")]
        # "The financing was co-led by X", where the tagger took "co" for an auxiliary and
        # hung the subject on "was"
        if any(c.dep_ == "auxpass" for c in token.children):
            related += [t for t in token.doc[token.left_edge.i : token.i] if t.dep_ in ("nsubj", "nsubjpass")]
        about_round = any(_names_round(o) or any(_names_round(g) for g in o.children) for o in related)
        subject, passive = _subject(token, reader.mentions)
        passive = passive or any(c.dep_ == "auxpass" for c in token.children)
        objects = [c for c in token.children if c.dep_ in ("dobj", "prep", "dative")]
        if lemma in LEAD_VERBS and (about_round or (lemma in ("lead", "co-lead", "colead") and not objects and not passive)):
            # "ICONIQ led the round", "T. Rowe Price again led"; "co-led the deal with Coatue";
            # "Plural joined the round, as did Elad Gil"
            add(_agent_orgs(token, reader.mentions) if passive else subject + named_before(token))
            co_led = lemma in ("co-lead", "colead") or (token.i >= 2 and token.doc[token.i - 2].lower_ == "co")
            # "co-led the deal with Coatue", "led the round with Lux Capital" (however "with" hangs)
            partners = [token] + [c for c in token.children if c.dep_ == "dobj"] if co_led or lemma == "lead" else [token]
            add([m for t in partners for m in _prep_orgs(t, {"with"}, reader.mentions)] + _as_did(token, reader.mentions))
        elif lemma in ("put", "invest", "chip", "pour", "pump", "plough") and (
            any(_lemma(c) in FUNDING_NOUNS for c in token.children if c.dep_ == "dobj")
            or any(c.lower_ in ("in", "also") for c in token.children)
        ) and (
            any(t.lower_ in ("also", "too", "other", "others") for t in sent)
            or _fresh_money(token)
            or any(c.lower_ == "more" and c.dep_ in ("dobj", "advmod", "pobj") for t in [token, *token.children] for c in t.children)
        ):
            # "X, Y and Z also put money in", "X put in fresh money", "put in more", "…, as did Z"
            add(subject + named_before(token) + _as_did(token, reader.mentions))
        elif lemma in ("put", "provide", "supply") and passive and any(
            _lemma(t) in FUNDING_NOUNS for c in token.children if c.dep_ == "nsubjpass" for t in c.subtree
        ):
            # "The bulk of the money is being put up by Passion Capital"
            add(_agent_orgs(token, reader.mentions))
        elif lemma in ("put", "invest") and any(c.lower_ == "alongside" for c in token.children):
            # "The Amazon founder put money in alongside Thrive Capital and Lux Capital": the
            # names it went in alongside (the subject may be a person described by a company)
            add(_prep_orgs(token, {"alongside"}, reader.mentions))
        elif lemma in ("supply", "provide", "contribute") and any(_is_money_share(c) for c in token.children if c.dep_ == "dobj"):
            add(subject + named_before(token))  # "Accel supplied part of the cash"
        elif lemma == "write" and any(_lemma(c) in ("cheque", "check") for c in token.children if c.dep_ == "dobj"):
            # "Lightspeed, Sequoia and CRV also wrote cheques"; "…, as did Reid Hoffman"
            add(subject + named_before(token) + _as_did(token, reader.mentions))
        elif (lemma == "return" or (lemma == "come" and any(c.lower_ == "back" for c in token.children))) and (
            any(t.lower_ in ("also", "too") for t in sent) or "for more" in sent.text
            or not [c for c in token.children if c.dep_ in ("dobj", "prep")]
        ):
            # "Tencent and DST Global also returned", "X came back for more", "Fidelity and
            # Coatue returned", "Thrive came back, as did Andreessen Horowitz"
            add(subject + named_before(token) + _as_did(token, reader.mentions))
        elif lemma in ("complete", "round") and any(
            c.dep_ == "dobj" and _lemma(c) in ("list", "roster", "line-up", "lineup", "syndicate") for c in token.children
        ):
            add(subject + named_before(token))  # "Bpifrance completes the list", "SV Angel rounds out the list of investors"
        elif lemma == "come" and any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children) and not any(
            c.dep_ == "dobj" or (c.dep_ in ("prep", "advmod", "acomp") and c.lower_ not in ("from", "too", "also", "as"))
            for c in token.children
        ):
            # "La Famiglia and Headline came in from Germany" (not "results from Google Cloud
            # came in below forecasts": only the names that are the subject)
            subjects = [m for c in token.children if c.dep_ == "nsubj" for m in _direct_orgs(c, reader.mentions)]
            add(subjects + (named_before(token) if subjects else []) + _as_did(token, reader.mentions))
        elif lemma == "make" and any(c.dep_ == "dobj" and _lemma(c) == "investment" for c in token.children):
            add(subject)  # "Nvidia made its first investment in the company"
        elif lemma == "buy" and (
            any(c.dep_ == "dobj" and _lemma(c) in ("note", "share", "stock") for c in token.children)
            or any(c.lower_ == "into" and any(_names_round(o) for o in c.children) for c in token.children)
        ) and any(t.lower_ in ("also", "too") for t in sent):
            add(subject + named_before(token) + _as_did(token, reader.mentions))  # "X and Y also bought notes, as did Z"
        elif lemma == "buy" and any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children) and not any(
            m.covers(c) for c in token.children if c.dep_ in ("dobj", "prep") for m in reader.mentions
        ):
            # "Google also bought in", "…, an interesting hedge" (which the parser may take for
            # the object)
            add(subject + named_before(token) + _as_did(token, reader.mentions))
        elif lemma == "join" and JOINED_REGISTER.match(sent.doc[token.i + 1 : sent.end].text):
            add(subject + named_before(token))  # "X and Y join the shareholder register", "the cap table"
        elif lemma == "join" and passive:
            agents = _agent_orgs(token, reader.mentions)
            newcomers = [
                o for c in token.children if c.dep_ == "agent" for o in c.children
                if o.dep_ == "pobj" and (o.lower_ in INVESTOR_WORDS or _lemma(o) == "newcomer")
            ]  # fmt: skip
            if not agents and newcomers:
                # "The pension fund was joined by two other newcomers to the share register,
                # Fidelity International and Schroders": the names that follow
                agents = listed_names(sent, newcomers[0].i + 1, reader.mentions)
            add(subject + agents)  # "X and Y were joined … by Z and by W"
        elif lemma == "join" and any(c.dep_ == "dobj" and c.lower_ == "them" for c in token.children):
            # "X and Y also put in more money, and Z, the Silicon Valley investor, joined them":
            # the names since the last "and", which the parser may hang elsewhere
            since = max((t.i for t in sent if t.i < token.i and t.dep_ == "cc"), default=sent.start)
            add([
                m for m in reader.mentions
                if since < m.start and m.end <= token.i and not m.anaphoric
                and not _owner_in_description(sent.doc[m.end - 1])  # "NVentures, the investment unit of Nvidia"
            ] or subject)  # fmt: skip
        elif lemma == "do" and token.i == sent.start + 1 and sent[0].lower_ in ("so", "as"):
            # "So did Suning Commerce Group", after a sentence of investors; "So did Citi, along
            # with two prominent individuals: Eric Schmidt, …, and Eric Yuan"
            add(subject + listed_names(sent, token.i + 1, reader.mentions))
        elif lemma in ("invest", "participate") and not [c for c in token.children if c.dep_ in ("dobj", "prep", "dative")] and subject:
            # "Andreessen Horowitz, Sequoia Capital and SV Angel invested, as did NFDG",
            # "Lightspeed also participated"
            add(subject + named_before(token) + _as_did(token, reader.mentions))
        elif lemma == "take" and any(c.lower_ == "part" for c in token.children):
            # "Google, Amazon and IBM all took part, as did Sound Ventures"
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            named = [m for c in subjects for m in _direct_orgs(c, reader.mentions)]
            # "Funds managed by T. Rowe Price took part": whoever manages them
            named += [
                m for c in subjects if _lemma(c) in ("fund", "funds", "account", "accounts", "vehicle", "vehicles")
                for a in c.children if a.dep_ == "acl" and _lemma(a) in ("manage", "advise", "run")
                for m in _agent_orgs(a, reader.mentions)
            ]  # fmt: skip
            # ", along with Fidelity and Perry Creek Capital"
            named += [
                m for p in token.children if p.lower_ == "along" for w in p.children if w.lower_ == "with"
                for m in listed_names(sent, w.i + 1, reader.mentions, people=False, end=w.right_edge.i + 1)
            ]  # fmt: skip
            if named:
                # "Sands Capital, the Canada Pension Plan Investment Board, MSA Capital, Verde
                # Asset Management and Absoluto Partners all took part": the list the parse cut
                begin = min(c.left_edge.i for c in subjects)
                named += listed_names(sent, begin, reader.mentions, people=False, end=token.i)
            if not named and any(c.pos_ == "NOUN" for c in subjects):
                subject = []  # "the company's earlier backers also took part": no one named
            add((named or subject) + _as_did(token, reader.mentions))
        elif lemma == "add" and any(
            c.lower_ == "to" and any(_lemma(o) in HOLDINGS for o in c.children) for c in token.children
        ):
            add(subject + named_before(token))  # "Sequoia and Smash Capital added to their stakes"
        elif lemma in ("come", "join", "sign") and any(
            c.lower_ == "as" and any(g.lower_ in INVESTOR_WORDS for g in c.subtree) for c in token.children
        ):
            add(subject + named_before(token))  # "X and Y came in as new investors"
        elif lemma in ("name", "list", "include", "count") and any(t.lower_ in INVESTOR_WORDS for t in sent):
            for child in token.children:
                if child.dep_ in ("dobj", "attr"):
                    add(_direct_orgs(child, reader.mentions))
    if not figures:
        add(_listed_after_colon(reader, sent))
        add(_among_the_investors(sent, reader.mentions))
    return found


# What investors join: "join the shareholder register", "joined its cap table".
JOINED_REGISTER = re.compile(r"(?:the|its|their) (?:\w+ )?(?:register|cap table|capitalisation table|roster)\b", re.IGNORECASE)
# What investors who led a round are called after "were": "co-leads", "the lead investors".
LEAD_PREDICATE = re.compile(
    r"(?:(?:also|both|the|joint|its|his|their)\s+)*(?:co-?\s?-?\s?leads?|lead (?:investors?|backers?))\b", re.IGNORECASE
)


def _investors_named_as_predicate(verb: Token) -> bool:
    """Whether "be" names a round's investors after it: "The other backers named by the
    company were Dell, …", "New investors are X and Y" (but not "Its investors are …", which
    may be anyone who has ever backed the company)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in INVESTOR_WORDS]
    return bool(subjects) and (
        verb.tag_ == "VBD"
        or any(a.lower_ in ("other", "new", "additional", "remaining", "further") for s in subjects for a in s.children)
    )


def _among_the_investors(sent: Span, mentions: list[OrgMention]) -> list[OrgMention]:
    """Organisations named "among the investors": "Google is among the investors", "…, with
    Thrive Capital, Andreessen Horowitz and General Catalyst among the investors"."""
    found: list[OrgMention] = []
    for token in sent:
        if token.lower_ != "among" or not any(o.lower_ in INVESTOR_WORDS for o in token.children):
            continue
        if token.head.lemma_ == "be":
            found += [m for s in token.head.children if s.dep_ == "nsubj" for m in _direct_orgs(s, mentions)]
            continue
        within = next((a for a in token.ancestors if a.dep_ == "prep" and a.lower_ == "with"), None)
        if within is None:  # "led that financing, with Nvidia and Oracle among the other investors"
            within = next((t for t in reversed(sent.doc[sent.start : token.i]) if t.lower_ == "with"), None)
        if within is not None:
            found += [m for o in within.children if o.dep_ == "pobj" for m in _direct_orgs(o, mentions)]
            found += listed_names(sent, within.i + 1, mentions, people=False, end=token.i)
    return found


def _fresh_money(verb: Token) -> bool:
    """ "put in fresh money": more money from an investor the round already had."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for c in verb.children if c.lower_ == "in" for o in c.children if o.dep_ == "pobj"]  # "put in fresh money"
    return any(
        _lemma(o) in FUNDING_NOUNS and any(a.lower_ in ("fresh", "more", "new", "additional", "further") for a in o.children)
        for o in objects
    )


def _is_money_share(noun: Token) -> bool:
    """ "the cash", "part of the money", "the rest of the funding"."""
    if _lemma(noun) in FUNDING_NOUNS:
        return True
    return _lemma(noun) in ("part", "some", "rest", "bulk", "most", "half", "share") and any(
        _lemma(o) in FUNDING_NOUNS for p in noun.children if p.lower_ == "of" for o in p.children
    )


def _listed_after_colon(reader: RoleReader, sent: Span) -> list[OrgMention]:
    """Investors listed after a colon that follows a word for investors: "Three more
    investors are new to the company: Baillie Gifford; UC Investments, which …; and
    ClearBridge Investments", "brought in three strategic backers: AWS, CapitalG and …"."""
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None:
        return []
    before = sent.doc[sent.start : colon.i]
    if not any(t.lower_ in INVESTOR_WORDS for t in before) and not (
        # "Two asset managers that had not owned Plaid shares came in alongside it: X and Y"
        any(_lemma(t) in INVESTING_NOUNS for t in before)
        and any(_lemma(t) in PARTICIPATING_VERBS and t.pos_ == "VERB" for t in before)
    ) and not (
        # "Two defence manufacturers co-led the round: X and Y"
        # (not "led the financing, … said in a post that named its co-founders: X, Y and Z")
        colon.i > sent.start + 1 and _names_round(sent.doc[colon.i - 1]) and sent.doc[colon.i - 1].pos_ == "NOUN"
        and any(_lemma(t) in LEAD_VERBS or t.lower_.startswith("co-") for t in before if t.pos_ == "VERB")
    ):
        return []
    doc = sent.doc
    return [
        m for m in reader.mentions
        if m.start > colon.i and not m.anaphoric
        # "Baillie Gifford, the Edinburgh fund manager", which the NER calls a person
        and (not (m.person or m.guessed) or _described_as_investor(doc[m.end - 1]))
        and (_after_semicolon(doc, m.start) or not any(
            a.dep_ in ("relcl", "acl") or (
                a.dep_ == "appos" and doc[m.end - 1] not in _listed_after_description(a)
                # ("backers: Amazon Web Services, Alphabet's growth fund CapitalG and …", where
                # the parser makes the rest of the list conjuncts of the first name)
                and not any(n.covers(a) and not n.anaphoric for n in reader.mentions)
            )
            for a in doc[m.end - 1].ancestors if a.i > colon.i
        ))
        and doc[m.end - 1].dep_ != "poss" and not _owner_in_description(doc[m.end - 1])
    ]  # fmt: skip


def _after_semicolon(doc: Doc, start: int) -> bool:
    """Whether a name opens an item of a list split by semicolons ("…; and ClearBridge")."""
    before = [t.text for t in doc[max(0, start - 2) : start]]
    return before[-1:] == [";"] or before == [";", "and"]


# Words for investors that also mean other things, and what they do when they invest.
INVESTING_NOUNS = {"manager", "fund", "firm", "institution", "name"}
PARTICIPATING_VERBS = {"come", "join", "participate", "invest", "take"}
INVESTOR_DESCRIPTIONS = {"fund", "investor", "firm", "manager", "group", "insurer", "bank", "arm", "vehicle", "company"}


def _described_as_investor(token: Token) -> bool:
    """ "Baillie Gifford, the Edinburgh fund manager", "Elad Gil, the Silicon Valley investor"."""
    return any(c.dep_ == "appos" and _lemma(c) in INVESTOR_DESCRIPTIONS for c in token.children)


def _back_or_new_investor(verb: Token, mentions: list[OrgMention]) -> bool:
    """ "Saab is back this time", "Nvidia is an investor for the first time", "X is a new
    backer": a "be" that says its subject takes part in the round. Not "X is an investor in
    Y", which names another company."""
    if any(c.dep_ == "advmod" and c.lower_ == "back" for c in verb.children):
        return True
    for attr in (c for c in verb.children if c.dep_ == "attr" and c.lower_ in INVESTOR_WORDS):
        if any(p.lower_ == "in" and _orgs_under(p, mentions) for p in attr.children):
            return False
        first_time = "first time" in verb.sent.text
        return first_time or any(a.lower_ in ("new", "also", "fresh") for t in (attr, verb) for a in t.children)
    return False


def _names_round(token: Token) -> bool:
    """Whether a word names a funding round: "the round", "the financing", "the Series H"."""
    return _lemma(token) in ROUND_NOUNS or is_series(token)


def _as_did(verb: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The organisations of an "as did X" (or ", and so did X") clause after a verb of taking part."""
    found = []
    for clause in verb.children:
        if (clause.dep_ == "advcl" and any(g.lower_ == "as" for g in clause.children)) or (
            clause.dep_ == "conj" and clause.lemma_ == "do" and any(g.lower_ == "so" for g in clause.children)
        ):
            found += [m for c in clause.children if c.dep_ == "nsubj" for m in _direct_orgs(c, mentions)]
            found += listed_names(verb.sent, clause.i + 1, mentions)  # the list the parse loses
    doc = verb.doc
    return [
        m for m in found
        if not _employer_of_person(m, doc)
        # "as did DST Global, Yuri Milner's growth fund": the fund's owner is no investor here
        and not (doc[m.end - 1].dep_ == "poss" and _owner_in_description(doc[m.end - 1]))
    ]  # fmt: skip


JOB_WORDS = {"founder", "co-founder", "co", "cofounder", "chief", "boss", "executive", "ceo", "chairman", "president", "cto", "cfo", "head"}


def _employer_of_person(mention: OrgMention, doc: Doc) -> bool:
    """Whether a name only says whom a person works for: "LinkedIn co-founder Reid Hoffman",
    "Google chief scientist Jeff Dean" (however the parser hangs it)."""
    after = doc[mention.end : min(mention.end + 4, len(doc))]
    return any(t.lower_ in JOB_WORDS for t in after[:2]) and any(t.ent_type_ == "PERSON" for t in after)


PROVIDER_CHOICE = re.compile(
    r"\b(?:primary|preferred|main|principal|exclusive|lead)\s+(?:cloud(?:\s+computing)?|training|compute)\s+"
    r"(?:provider|partner|supplier)\b",
    re.IGNORECASE,
)
CHOOSING = {"name", "choose", "select", "pick", "designate", "appoint", "make", "tap"}


def _provider_choice(reader: RoleReader, sent: Span) -> Fact | None:
    """ "Anthropic named AWS its primary cloud provider": a cloud commitment without a figure."""
    moved = _moved_onto_cloud(reader, sent)
    if moved is not None:
        return moved
    if not PROVIDER_CHOICE.search(sent.text) and not CHOSEN_TO_SUPPLY.search(sent.text):
        return None
    for token in sent:
        if token.pos_ != "VERB" or _lemma(token) not in CHOOSING or not is_asserted(token, token, sent, "CloudCommitment"):
            continue
        providers = [m for c in token.children if c.dep_ in ("dobj", "nsubjpass") for m in _direct_orgs(c, reader.mentions)]
        company, passive = _subject(token, reader.mentions)
        if not company and token.dep_ == "acl":
            company = _direct_orgs(token.head, reader.mentions)  # "the company named AWS …", misparsed
        if passive:
            providers, company = company, _agent_orgs(token, reader.mentions)
        providers = [m for m in providers if reader.gazetteer.sector(m.org.name) in ("cloud", "chips")]
        company = [m for m in company if m.org.name not in {p.org.name for p in providers}]
        if providers and company:
            return Fact("CloudCommitment", _roles({"company": company, "provider": providers}))
    return None


# "has chosen Oracle Cloud Infrastructure to supply it with extra computing capacity"
CHOSEN_TO_SUPPLY = re.compile(
    r"\b(?:chose|chosen|picked|selected|tapped)\b[^.;]{0,60}\bto (?:supply|provide|run|host|absorb)\b[^.;]{0,60}"
    r"\b(?:comput\w*|capacity|workloads?|cloud)\b",
    re.IGNORECASE,
)
MOVING_VERBS = {"move", "shift", "migrate", "transfer", "run", "put"}
# What a company moves onto a provider's cloud: "its technology infrastructure", "its IT estate"
MOVED_THINGS = {"infrastructure", "estate", "services", "systems", "workloads", "operations", "data", "applications", "platform", "technology"}


def _moved_onto_cloud(reader: RoleReader, sent: Span) -> Fact | None:
    """ "CME Group has signed a ten-year agreement to move its technology infrastructure onto
    Google Cloud", "the lab has agreed to move its services onto Azure": a cloud commitment
    with no figure (and the agreement's term, when it has one)."""
    for verb in sent:
        if verb.pos_ != "VERB" or _lemma(verb) not in MOVING_VERBS:
            continue
        moved = [c for c in verb.children if c.dep_ == "dobj"]
        moved += [o for c in moved for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        if not any(_lemma(c) in MOVED_THINGS or c.lower_ in MOVED_THINGS for c in moved):
            continue  # ("shift much of its IT estate onto Google's cloud")
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children) or any(t.lower_ == "if" for t in sent):
            continue  # "said it would move its data to Oracle if the trial works"
        providers = [
            m for m in _prep_orgs(verb, {"onto", "to", "on", "into"}, reader.mentions)
            if reader.gazetteer.sector(m.org.name) == "cloud"
        ]
        if not providers or not is_asserted(verb, verb, sent, "CloudCommitment"):
            continue
        company = _subject_up(verb, reader.mentions, providers[:1])  # who moves, or signed the agreement
        if company:
            return Fact("CloudCommitment", _roles({"company": company, "provider": providers}))
    return None


# ("sell" with a buyer: "agreed to sell Power Solutions … to Brookfield Business Partners")
ACQUISITION_EVENT_CUES = {"acquire", "acquisition", "buy", "purchase", "takeover", "buyout", "snap", "swallow", "absorb", "sell"}


def _joint_venture(root: Token) -> bool:
    """Whether a figure is the size of a joint venture: "a $3.4bn joint venture with X"."""
    noun = _adjacent_noun(root.doc[root.i : root.i + 1])
    return noun is not None and noun.lower_ == "venture" and noun.i > 0 and noun.doc[noun.i - 1].lower_ == "joint"


def _in_time_clause(token: Token) -> bool:
    """Whether a word stands in a clause of a time to come or a condition ("once …", "until …",
    "if …"); not "when it acquired Neeva", which reports a past deal."""
    return any(
        a.dep_ == "advcl" and any(c.lower_ in ("once", "until", "before", "if", "unless") for c in a.children)
        for a in [token, *token.ancestors]
    )


CONTEST_NOUNS = {"battle", "contest", "fight", "race", "auction", "tussle", "war"}


def _won_contest(reader: RoleReader, token: Token) -> dict[str, list[OrgMention]] | None:
    """ "CD&R has won the battle for Morrisons": the winner of a contest for a company buys it."""
    if _lemma(token) != "win" or token.pos_ != "VERB":
        return None
    for contest in (c for c in token.children if c.dep_ == "dobj" and _lemma(c) in CONTEST_NOUNS):
        target = _prep_orgs(contest, {"for"}, reader.mentions)
        buyer, passive = _subject(token, reader.mentions)
        if target and buyer and not passive:
            return {"acquirer": buyer, "target": target}
    return None


def _sells_a_unit(cue: Token) -> bool:
    """Whether a sale is of a business unit: "agreed to sell its spreads division"."""
    return _lemma(cue) in ("sell", "sale") and any(c.dep_ == "dobj" and _lemma(c) in BUSINESS_NOUNS for c in cue.children)


def _merger_with(reader: RoleReader, token: Token) -> dict[str, list[OrgMention]] | None:
    """ "T-Mobile US has completed its merger with Sprint": the company whose merger it is
    takes over the one it merges with (a merger "of equals" names no buyer)."""
    if _lemma(token) != "merger" or token.pos_ != "NOUN":
        return None
    partner = _prep_orgs(token, {"with"}, reader.mentions)
    owner = _possessor(token, reader.mentions)
    if not owner and token.dep_ == "dobj":
        owner, _ = _subject(token.head, reader.mentions)
    if not partner or not owner or {m.org.name for m in partner} & {m.org.name for m in owner}:
        return None
    return {"acquirer": owner[:1], "target": partner[:1]}


def _now_owns(reader: RoleReader, token: Token) -> dict[str, list[OrgMention]] | None:
    """ "Renesas Electronics now owns Dialog Semiconductor", "Dialog is now owned by Renesas":
    a takeover completed (owning without "now", or owning a share of a company, is a holding)."""
    if _lemma(token) != "own" or token.pos_ != "VERB" or not any(c.lower_ == "now" for c in token.children):
        return None
    passive = any(c.dep_ == "auxpass" for c in token.children)
    owner = _agent_orgs(token, reader.mentions) if passive else _subject(token, reader.mentions)[0]
    owned = (
        _subject(token, reader.mentions)[0] if passive
        else [m for c in token.children if c.dep_ == "dobj" for m in _direct_orgs(c, reader.mentions)]
    )
    # ("now owns HBO, CNN and the Warner Bros studio": the assets a takeover brought)
    if not owner or len(owned) != 1 or owned[0].anaphoric:
        return None
    return {"acquirer": owner[:1], "target": owned[:1]}


def _acquisition_event(reader: RoleReader, sent: Span) -> Fact | None:
    """ "Broadcom agreed to buy VMware": an acquisition stated without its price, which may
    be given in another sentence."""
    for token in sent:
        won = _won_contest(reader, token) or _merger_with(reader, token) or _now_owns(reader, token)
        if won is not None and is_asserted(token, token, sent, "Acquisition"):
            return Fact("Acquisition", _roles(won))
        if _lemma(token) not in ACQUISITION_EVENT_CUES or not is_asserted(token, token, sent, "Acquisition"):
            continue
        controlled = [
            c for c in token.children
            if c.dep_ == "dobj" and _lemma(c) in HOLDINGS and _controlling(c) and _prep_orgs(c, {"in"}, reader.mentions)
        ]  # fmt: skip
        if controlled and _lemma(token) in ("buy", "acquire", "purchase", "take"):
            # "agreed to buy a stake of about 80% in Boston Dynamics": buying control
            buyers, _ = _subject(token, reader.mentions)
            company = _prep_orgs(controlled[0], {"in"}, reader.mentions)
            if buyers and company:
                return Fact("Acquisition", _roles({"acquirer": buyers, "target": company}))
        if token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and not _direct_orgs(c, reader.mentions) for c in token.children
        ):
            continue  # "agreed to buy power from Kairos": no company is bought
        if _in_time_clause(token):
            continue  # "… will hand over the money once the Anadarko takeover closes": who buys is not said
        reader.guessed_position = False
        found = _acquisition(reader, token)
        if reader.guessed_position or not found["acquirer"] or not found["target"]:
            continue
        if any(m.guessed for m in found["acquirer"]) and any(m.guessed for m in found["target"]):
            continue
        return Fact("Acquisition", _roles(found))
    return None


def _read_money(
    reader: RoleReader,
    sent: Span,
    span: Span,
    mention: QuantityMention,
    quantities: list[tuple[Span, QuantityMention]],
) -> tuple[Fact | None, bool | None]:
    """A money mention's fact; the flag is False for a reading, True for a confirmation of a
    figure read elsewhere, None for a figure with no cue (a tranche candidate only)."""
    root = span.root
    amount = mention.quantity
    assert isinstance(amount, Amount)
    after = sent.doc[span.end : min(span.end + 2, sent.end)]
    if len(after) == 2 and after[0].lower_ == "of" and after[1].lower_ in ("it", "that", "which"):
        # "agreed to invest up to $5bn …; the first $900m of it is earmarked for Ellendale": a
        # part of a figure just given (a tranche candidate), not a deal of its own
        return Fact("", {}, amount=amount), None
    if (
        _lemma(root.head) in ("manage", "oversee", "administer") or _joint_venture(root) or _fund_size(span)
        or _share_of_results(root) or _losses(span) or _profit(root) or _value_of_new_entity(root)
        or _running_total(root)
    ):
        # "The Public Investment Fund, which manages more than $900bn": assets under
        # management; "formed a $3.4bn joint venture with Blue Owl": a venture, not a stake
        return None, False
    paid = (
        _paid_to_provider(reader, root, sent, amount, quantities)
        or _paid_for(reader, root, sent, amount)
        or _supply_contract(reader, root, sent, amount, quantities)
        or _accepted_offer(reader, root, sent, amount)
    )
    if paid is not None:
        return paid, not paid.kind  # a price with no kind confirms a purchase read elsewhere
    valued = _value_put_on(reader, root, sent) or _worth_with_new_money(reader, root, sent) or _priced_at(reader, root, sent)
    if valued:
        return Fact("Valuation", _roles({"company": valued}), amount=amount), False
    raised = _secured_from(reader, root, sent)
    if raised is not None:
        return Fact("Investment", _roles(raised), amount=amount), False
    classified = classify_money(root, sent, span)
    weak_cue = _weak_cue(root, sent, span)
    values_org = classified is not None and classified[0] == "Valuation" and not _valued_thing_is_deal(classified[1], reader)
    adjacent = _adjacent_noun(span)
    # Tokens are compared with == (same document, same index): spaCy makes a new Token object
    # on every access, so `is` would never hold.
    if classified is not None and weak_cue is not None and classified[1] != adjacent and not values_org:
        if dep_distance(root, weak_cue) < dep_distance(root, classified[1]) or weak_cue == adjacent:
            # "the $25B deal mirrors Amazon's $50B commitment to OpenAI": the figure belongs to
            # "deal", not to the commitment further away.
            classified = None
    if classified is None and weak_cue is not None:
        # "a $59.5bn all-stock deal": the deal is whatever event the sentence reports
        contract = _cloud_contract(reader, weak_cue, root, sent, amount, quantities)
        if contract is not None:
            return contract, False
        classified = _sentence_event(root, sent)
        if classified is not None:
            reader.guessed_position = True
    if classified is None and root.head.lower_ == "for":
        # "the purchase of NetSuite, a maker of …, which it completed in 2016 for $9.3bn": the
        # price of the purchase "which" stands for, however the parser hung the clause
        closing = root.head.head
        if _lemma(closing) in ("complete", "close", "finalise", "finalize") and any(
            c.lower_ == "which" for c in closing.children
        ):
            nouns = [t for t in sent if t.i < closing.i and t.pos_ == "NOUN" and _lemma(t) in ("purchase", "acquisition", "takeover", "buyout")]
            if nouns:
                classified = ("Acquisition", nouns[-1])
    if classified is None and weak_cue is None and root.head.lower_ == "for":
        # "snapped up MosaicML, a start-up that …, for $1.3bn": the price of the sentence's deal
        event = _sentence_event(root, sent)
        if event is not None and event[0] == "Acquisition" and event[1].pos_ == "VERB":
            classified = event
            reader.guessed_position = True
    if classified is None:
        weak = weak_cue
        if weak is None or not is_asserted(weak, root, sent, "Investment"):
            # A figure with no cue at all ("An additional $20 billion is unlockable") is kept
            # only as a possible tranche of an investment nearby, or the value of a lease
            # ("the leases should bring in roughly $3.7bn over ten years").
            return Fact("", {}, amount=amount, duration=_duration_in(sent, quantities)), None
        # A bare "the $25 billion deal": kind and roles come from a stronger reading.
        return Fact("", {}, amount=amount), True
    kind, cue = classified
    if kind == "Valuation" and _value_of_no_company(cue, reader):
        return None, False  # "payment volume, the value of the transactions it handled"
    if kind == "Valuation" and cue.lower_ == "valued" and CONTRACT_VALUED.search(sent.doc[max(cue.i - 5, sent.start) : cue.i + 1].text):
        # "contracts the miner valued at about $3.7bn", however parsed: a lease's value
        return Fact("", {}, amount=amount, duration=_duration_in(sent, quantities)), None
    if kind == "Valuation" and _valued_is_no_company(cue, reader):
        return None, False  # "a private company valued at $1bn or more", "a contract valued at $10bn"
    if kind == "Valuation" and cue.head.lower_ == "for" and _cue_words(cue.head.head) & MONEY_CUES["Acquisition"][0]:
        kind, cue = "Acquisition", cue.head.head  # "buy Cypress for an enterprise value of €9bn": the price
    if kind == "Valuation" and _values_what_is_paid_for(cue):
        return Fact("", {}, amount=amount), True  # the price of the deal the sentence reports
    if kind == "Valuation" and _acquisition_valuing_target(cue, root, sent):
        kind, cue = _sentence_event(root, sent) or classified
    elif kind == "Valuation" and _valued_thing_is_deal(cue, reader):
        classified = _sentence_event(root, sent)
        if classified is None:
            return Fact("", {}, amount=amount), True
        kind, cue = classified
    if kind in ("Valuation", "Acquisition", "Investment") and amount.value >= MARKET_VALUE_FLOOR * UNITS_PER_DOLLAR.get(amount.currency, 1):
        return None, False
    if not is_asserted(cue, root, sent, kind):
        return None, False
    if kind == "Valuation" and (MARKET_VALUE.search(sent.text) or _values_a_holding(cue)):
        return None, False  # a listed company's market value, or what a stake is worth
    if kind == "Investment":
        if _raises_something_else(cue, root) or LENDING.search(sent.text):
            return None, False  # "raised $2.3bn from lenders": borrowing is not investment
        if _money_held(cue, root, reader):
            return None, False  # "Cruise will have more than $3bn of fresh capital": money held, not put in
        found = _investment(reader, cue, root)
        if not found["investor"]:
            found["investor"] = _joined_in_backing(cue, reader.mentions)
        providers = _provider_split(reader, found["investee"], found["investor"])
        pledged = _lemma(cue) in ("commit", "commitment", "pledge") and not _provider_split(
            reader, found["investor"], []
        )
        # (not "it would invest $5bn in Intel": investing in a chipmaker buys no computing)
        invested = _lemma(cue) in ("invest", "investment", "stake", "pour", "inject")
        if providers and (pledged or (_cloud_context(sent, root) and not invested)):
            return Fact("CloudCommitment", _roles({"company": found["investor"], "provider": providers}),
                        amount=amount, duration=_duration_in(sent, quantities)), False
        if (
            _lemma(cue) == "raise" and not found["investor"] and found["investee"]
            and all(reader.gazetteer.sector(m.org.name) == "investor" for m in found["investee"])
        ):
            return None, False  # "Andreessen Horowitz said it had raised $7.2bn across new funds": a fund raised
        if not found["investee"] and _aggregate(cue):
            return None, False  # "venture funding in the region topped $4bn": a market total
        if _raised_over_time(cue):
            return None, False  # "has now raised a little over $200m in total": the sum of its rounds
        holding = _lemma(cue) in HOLDINGS or any(_lemma(c) in HOLDINGS for c in cue.children if c.dep_ == "dobj") or any(
            # "putting $1bn into Nokia, acquiring a 2.9 per cent holding": a holding taken with it
            _lemma(t) in HOLDINGS and t.dep_ == "dobj"
            for c in cue.children if c.dep_ in ("advcl", "conj", "xcomp") for t in c.subtree
        )
        if found["investee"] and all(reader.is_place(m) for m in found["investee"]) and not holding:
            # "invest $7bn in Iowa": spending in a place; but a stake is always in a company
            # ("a 7% stake in Nokia", which the NER calls a place)
            return None, False
        return Fact("Investment", _roles(found), amount=amount), False
    if kind == "Acquisition":
        # "Magento, which Adobe snapped up": what "which" stands for is read by _acquisition
        bought = [c for c in cue.children if c.dep_ == "dobj" and c.lower_ not in RELATIVE_PRONOUNS]
        stakes = [b for b in bought if _lemma(b) in HOLDINGS and _prep_orgs(b, {"in"}, reader.mentions)]
        if stakes:
            # "Nvidia bought a stake in Intel for $5bn": buying a minority stake is investing,
            # buying a majority stake is buying the company
            buyers, _ = _subject(cue, reader.mentions)
            company = _prep_orgs(stakes[0], {"in"}, reader.mentions)
            if _controlling(stakes[0]):
                return Fact("Acquisition", _roles({"acquirer": buyers, "target": company}), amount=amount), False
            return Fact("Investment", _roles({"investor": buyers, "investee": company}), amount=amount), False
        sold_stakes = [b for b in bought if _lemma(b) in HOLDINGS and not _prep_orgs(b, {"in", "of"}, reader.mentions)]
        if _lemma(cue) == "sell" and sold_stakes and not any(c.dep_ == "poss" for c in sold_stakes[0].children):
            # "Intel, which sold a stake to SoftBank for $2bn": a company selling a stake in
            # itself takes the buyer's money (not "sold its stake", a holding in another)
            sellers, _ = _subject(cue, reader.mentions)
            buyers = _prep_orgs(cue, {"to"}, reader.mentions) + _prep_orgs(sold_stakes[0], {"to"}, reader.mentions)
            if sellers and buyers:
                kind = "Acquisition" if _controlling(sold_stakes[0]) else "Investment"
                roles = ("acquirer", "target") if kind == "Acquisition" else ("investor", "investee")
                return Fact(kind, _roles(dict(zip(roles, (buyers, sellers)))), amount=amount), False
        shares = [
            o for b in bought if b.i == root.i for p in b.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if _lemma(o) in ("stock", "share", "shares")
        ]  # fmt: skip
        issuers = [m for o in shares for m in _possessor(o, reader.mentions) + _compound_orgs(o, reader.mentions)]
        if issuers:
            # "agreed to buy $5bn of Intel's common stock": buying a company's shares is investing in it
            buyers, _ = _subject(cue, reader.mentions)
            return Fact("Investment", _roles({"investor": buyers, "investee": issuers[:1]}), amount=amount), False
        included = [m for b in bought if _lemma(b) in BUSINESS_NOUNS for m in _prep_orgs(b, {"including"}, reader.mentions)]
        if included:
            # "is buying Sprint's prepaid brands, including Boost Mobile": the business named
            buyers, _ = _subject(cue, reader.mentions)
            return Fact("Acquisition", _roles({"acquirer": buyers, "target": included[:1]}), amount=amount), False
        owners = [m for b in bought if _lemma(b) in SHAREHOLDER_NOUNS for m in _prep_orgs(b, {"of", "in"}, reader.mentions)]
        if owners:
            # "agreed to buy out the minority shareholders of NTT Docomo": buying the rest of a company
            buyers, _ = _subject(cue, reader.mentions)
            return Fact("Acquisition", _roles({"acquirer": buyers, "target": owners[:1]}), amount=amount), False
        if bought and not any(
            _direct_orgs(b, reader.mentions) or reader.unnamed_org(b)
            # "sold Sprint's Boost Mobile prepaid brand to Dish": a business named by its name
            or (_lemma(b) in BUSINESS_NOUNS and _compound_orgs(b, reader.mentions))
            for b in bought
        ):
            # "commits to purchase $30bn of Azure compute capacity", "a $14bn deal to buy
            # computing capacity from CoreWeave"
            sellers = _prep_orgs(bought[0], {"from"}, reader.mentions) + _prep_orgs(cue, {"from"}, reader.mentions)
            if (bought[0].i == root.i or sellers) and _cloud_context(sent, root):
                found = _cloud(reader, cue, root)
                if not found.get("company") and cue.dep_ in ("relcl", "acl"):
                    # "Meta has signed a deal to buy …": who signed the deal
                    found["company"], _ = _subject(reader._verb_of(cue.head), reader.mentions)
                return Fact("CloudCommitment", _roles(found), amount=amount,
                            duration=_duration_in(sent, quantities)), False
            return None, False  # "$25 billion buys preferred access": no company is bought
        found = _acquisition(reader, cue)
        if (
            cue.pos_ == "NOUN" and found["acquirer"] and found["acquirer"][0].person
            and reader.gazetteer.lookup(found["acquirer"][0].org.name) is None
        ):
            # "Chief executive Doug McMillon has spent two years rebuilding Walmart's e-commerce
            # operation, starting with the purchase of Jet.com": the company the person runs
            targets = {m.org.name for m in found["target"]}
            owners = [
                m for m in reader.mentions
                if not m.person and m.org.name not in targets and reader.sent.doc[m.end - 1].dep_ == "poss"
            ]  # fmt: skip
            found["acquirer"] = owners[:1] or found["acquirer"]
        if not found["target"] and _sells_a_unit(cue):
            return None, False  # "sold its benefits arm to Blackstone": a unit the text does not name
        holder = root.head.head if root.head.lower_ == "for" else None
        if holder is not None and holder.dep_ == "conj" and holder.head == cue and holder.pos_ == "PROPN":
            # "bought Cavium for $6bn, and Aquantia … for $452m": the second price is the second
            # company's, the verb left out
            named = [m for m in reader.mentions if m.covers(holder)] or reader.unnamed_org(holder)
            if named:
                found["target"] = named[:1]
        if len(found["target"]) > 1:
            # "bought PeopleSoft for $10.3bn and NetSuite for $9.3bn": each figure goes with
            # the company written nearest to it
            found["target"] = [min(found["target"], key=lambda m: min(abs(m.start - root.i), abs(m.end - 1 - root.i)))]
        return Fact("Acquisition", _roles(found), amount=amount), False
    if kind == "CloudCommitment":
        if LENDING.search(sent.text):
            return None, False  # "will take on roughly $8bn of Noble's borrowings": debt, not a pledge
        bought = _prep_orgs(cue, {"on"}, reader.mentions) if _lemma(cue) == "spend" else []
        if bought and not _cloud_context(sent, root) and not any(reader.gazetteer.sector(m.org.name) == "cloud" for m in bought):
            # "it spent $1.5bn on Lynda.com": spending on a company is buying it
            buyer, _ = _subject(cue, reader.mentions)
            return Fact("Acquisition", _roles({"acquirer": buyer, "target": bought[:1]}), amount=amount), False
        found = _cloud(reader, cue, root)
        # "spend $20bn on infrastructure in America": a place is no provider
        found["provider"] = [m for m in found.get("provider", []) if not reader.is_place(m)]
        if _lemma(cue) == "spend" and not found.get("provider") and not _cloud_context(sent, root):
            return None, False  # "spent $14bn on capital projects": spending, not a pledge to anyone
        return Fact("CloudCommitment", _roles(found), amount=amount, duration=_duration_in(sent, quantities)), False
    company = {"company": _about_company(reader, cue, root)}
    if kind == "Revenue" and (
        _part_of_revenue(reader, cue, company["company"]) or _revenue_kind_of(cue) or _not_recognised(root, cue)
    ):
        return None, False
    if kind == "Valuation":
        # "Every investor, from Passion down to a customer, is buying shares at a pre-money
        # valuation of £24m": an investor named as one is not what is valued
        company["company"] = [
            m for m in company["company"] if not any(a.lower_ in INVESTOR_WORDS for a in sent.doc[m.end - 1].ancestors)
        ]
    if kind == "Revenue":
        return Fact("Revenue", _roles(company), amount=_revenue_qualifier(amount, root), metric=_revenue_metric(sent)), False
    return Fact("Valuation", _roles(company), amount=amount), False


AGGREGATE_NOUNS = {
    "region", "sector", "industry", "market", "country", "world", "space", "field",
    "start-ups", "startups", "companies", "firms", "businesses",
}  # fmt: skip


def _aggregate(cue: Token) -> bool:
    """Whether money is counted over a whole market: "funding in the region", "funding in
    Latin America", "money into Latin American start-ups"."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "into", "across")
        and any(hyphenated(o) in AGGREGATE_NOUNS or o.ent_type_ in ("GPE", "LOC") for o in c.children if o.dep_ == "pobj")
        for c in cue.children
    )


# What a running total is the total of: "taking its total investment to $8bn".
TOTAL_NOUNS = {"total", "tally", "sum", "investment", "funding", "commitment", "backing", "financing"}


def _running_total(root: Token) -> bool:
    """Whether a figure is what a new deal brings a total to: "taking its total investment to
    $8bn", "bringing the total raised to $1.5bn"."""
    to = root.head
    if to.lower_ != "to" or to.dep_ != "prep":
        return False
    verb = to.head
    if verb.dep_ in ("acl", "relcl") and _lemma(verb.head) in TOTAL_NOUNS:
        return True  # "bringing the total raised to $1.5bn", with "to" hung on "raised"
    return _lemma(verb) in ("take", "bring", "lift", "raise", "push", "increase", "boost") and any(
        c.dep_ == "dobj" and _lemma(c) in TOTAL_NOUNS for c in verb.children
    )


def _raised_over_time(cue: Token) -> bool:
    """Whether money raised is a running total: "in total", "so far", "to date", "in the three
    years before it"."""
    if _lemma(cue) != "raise":
        return False
    for child in cue.children:
        words = [t.lower_ for t in child.subtree]
        if child.dep_ == "prep" and child.lower_ in ("in", "over") and (
            words[1:2] == ["total"] or words[1:2] == ["all"]
            or any(w in ("years", "decades") for w in words) and any(t.like_num for t in child.subtree)
        ):
            return True
        if child.dep_ == "advmod" and " ".join(words) in ("so far", "to date", "altogether", "cumulatively", "in total"):
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and words[1:2] == ["date"]:
            return True
        # "has raised more than $2bn since its founding", "since it was founded in 2016"
        if child.dep_ in ("prep", "advcl") and child.lower_ == "since" or (
            child.dep_ == "advcl" and any(m.lower_ == "since" and m.dep_ == "mark" for m in child.children)
        ):
            if any(t.lemma_.lower() in ("found", "founding", "launch", "inception", "start") for t in child.subtree):
                return True
    return False


def _controlling(stake: Token) -> bool:
    """ "a majority stake", "a controlling interest", "a 60% stake": buying control is buying
    the company."""
    if any(child.lower_ in ("majority", "controlling") for child in stake.children):
        return True
    # "a 60% stake", "a 78 per cent stake" (which the NER may call money), "a stake of about 80%"
    doc = stake.doc
    of = [p for p in stake.children if p.dep_ == "prep" and p.lower_ == "of"]
    words = doc[stake.left_edge.i : (of[0].right_edge.i + 1) if of else stake.i].text
    share = re.search(r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent)", words)
    return share is not None and float(share.group(1)) > 50


HOLDING_VERBS = {"have", "hold", "keep", "need", "require", "spend"}


def _money_held(cue: Token, root: Token, reader: RoleReader) -> bool:
    """ "so that Cruise will have more than $3bn of fresh capital", "the funding it needs":
    money a company has or needs, not money put into it."""
    if root.dep_ == "dobj" and _lemma(root.head) in HOLDING_VERBS and root.head.pos_ == "VERB":
        return True
    return cue.pos_ == "NOUN" and _lemma(reader._verb_of(cue)) in HOLDING_VERBS


def _share_of_results(root: Token) -> bool:
    """ "The memory unit contributed about $2.8bn to Intel's revenue": a part of a company's
    results, not money put into it."""
    verb = root.head
    return _lemma(verb) in ("contribute", "add") and any(
        c.lower_ == "to" and any(_lemma(t) in MONEY_CUES["Revenue"][0] | {"profit", "earnings", "income"} for t in c.subtree)
        for c in [*verb.children, *root.children]
    )


PROFIT_WORDS = {"profit", "profits", "earnings", "ebitda", "income", "margin", "margins"}


def _profit(root: Token) -> bool:
    """ "its net profit topped ¥1tn", "made a profit of $7.6bn", "$8.5bn of annual earnings
    before interest, tax …": a profit is neither revenue nor a deal."""
    return any(_lemma(t) in PROFIT_WORDS and dep_distance(root, t) <= 2 for t in root.sent)


NEW_ENTITY_NOUNS = {"business", "company", "group", "giant", "champion", "entity", "firm", "leader", "producer"}


def _value_of_new_entity(root: Token) -> bool:
    """ "the combination would create a business with an enterprise value of about $60bn":
    the value of a company a merger will form, which does not exist yet."""
    for ancestor in list(root.ancestors)[:5]:
        if _lemma(ancestor) in ("create", "form") and any(
            c.dep_ == "dobj" and _lemma(c) in NEW_ENTITY_NOUNS for c in ancestor.children
        ):
            return True
    return False


def _losses(span: Span) -> bool:
    """ "agreed to absorb up to CHF 9bn of losses": losses carried, not a deal's size; "its
    pre-tax loss widened to £208m": a loss, not revenue; "his net worth has passed $400bn": a
    person's fortune."""
    if any((p.lower_ == "of" and any(_lemma(o) in LOSSES for o in p.children)) for t in span for p in t.children):
        return True
    if any(t.head.lower_ == "of" and _lemma(t.head.head) in LOSSES for t in span):
        return True
    verbs = [a for a in [span.root, *span.root.ancestors][:3] if a.pos_ in ("VERB", "AUX")][:1]
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (_lemma(c) in LOSSES or (c.lower_ == "worth" and any(g.lower_ == "net" for g in c.children)))
        for verb in verbs for c in verb.children
    )


FUND_NOUNS = {"fund", "vehicle", "pool", "programme", "program"}


def _fund_size(span: Span) -> bool:
    """ "the $100bn technology investment vehicle run by SoftBank": the size of a fund."""
    noun = _adjacent_noun(span)
    return noun is not None and _lemma(noun.head if noun.dep_ == "compound" else noun) in FUND_NOUNS


def _value_of_no_company(cue: Token, reader: RoleReader) -> bool:
    """Whether a "value of …" is the value of something that is no company and no deal: "the
    value of the transactions it handled", "the value of its assets"."""
    if _lemma(cue) != "value" or cue.pos_ != "NOUN":
        return False
    valued = [
        o for p in cue.children if p.dep_ == "prep" and p.lower_ == "of"
        for o in p.children if o.dep_ == "pobj" and not o.ent_type_ and not o.like_num  # "a value of $5bn"
    ]  # fmt: skip
    deal = {
        "deal", "transaction", "acquisition", "takeover", "offer", "purchase", "merger", "company", "business",
        "target",  # "puts the equity value of the target at roughly $8bn"
    }  # fmt: skip
    return bool(valued) and not any(
        _direct_orgs(o, reader.mentions) or _possessor(o, reader.mentions) or _compound_orgs(o, reader.mentions)
        or (_lemma(o) in deal and o.tag_ != "NNS")
        for o in valued
    )


# "contracts the miner valued at", "a lease Cipher valued at": a contract's value
CONTRACT_VALUED = re.compile(r"\b(?:contracts?|leases?|agreements?)(?: that)?(?: the)? \S+(?: \S+)? valued$")
THING_NOUNS = {"contract", "order", "grant", "project", "programme", "program", "portfolio", "loan", "award"}


def _valued_is_no_company(cue: Token, reader: RoleReader) -> bool:
    """Whether what is "valued at" a figure is no company: a kind of company ("a "unicorn", a
    private company valued at $1bn or more": a definition) or a thing ("awarded it a contract
    valued at about $10bn")."""
    if cue.pos_ != "VERB" or cue.dep_ != "acl":
        return False
    noun = cue.head
    if _lemma(noun) in THING_NOUNS:
        return True
    return (
        (bool(GENERIC_NOUN.fullmatch(noun.lower_)) or hyphenated(noun) in ("start-up", "start-ups"))
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every") for c in noun.children)
        and not any(noun.left_edge.i <= m.start and m.end <= noun.i + 1 for m in reader.mentions)
    )


def _values_what_is_paid_for(cue: Token) -> bool:
    """ "Pfizer will pay $229 a share for Seagen, valuing it at $43bn": what a price per share
    values the bought company at is the deal's price, not a valuation."""
    if _lemma(cue.head) == "sell" and not any(c.dep_ == "dobj" for c in cue.head.children):
        return False  # "insiders sold at $112 a share, valuing the company at $210bn": a share sale
    return (
        bool(_cue_words(cue) & {"value", "valuing"})
        and cue.pos_ == "VERB"
        and cue.dep_ in ("advcl", "xcomp", "conj")
        and (_lemma(cue.head) in ("pay", "offer") or bool(_cue_words(cue.head) & MONEY_CUES["Acquisition"][0]))
    )


def _acquisition_valuing_target(cue: Token, root: Token, sent: Span) -> bool:
    """ "Acceleron has agreed to be acquired by Merck …, a deal that values the Cambridge
    biotech at $11.5bn": what a takeover values its target at is the price. (An investment
    "in a deal that values Scale at $29bn" gives Scale's valuation.)"""
    if _lemma(cue) != "value" or cue.dep_ not in ("relcl", "acl") or not (_cue_words(cue.head) & WEAK_CUES):
        return False  # "a deal that values …", "a deal valuing …"
    event = _sentence_event(root, sent)
    if event is None or event[0] != "Acquisition" or event[1].pos_ != "VERB":
        return False
    # "88 per cent of AirTrunk was acquired …, in a deal that valued the company at A$3bn":
    # what buying part of a company values it at is its valuation
    bought = [c for c in event[1].children if c.dep_ in ("dobj", "nsubjpass")]
    part = re.compile(r"\d\s*(?:%|per ?cent)", re.IGNORECASE)  # the NER sometimes calls "88 per cent" money
    return not any(part.search(sent.doc[b.left_edge.i : b.right_edge.i + 1].text) for b in bought)


def _secured_from(reader: RoleReader, root: Token, sent: Span) -> dict[str, list[OrgMention]] | None:
    """Money a company got from named organisations is their investment: "Cohere secured
    €40m from Bpifrance and Eurazeo". Not a loan ("secured $2bn from lenders")."""
    verb = root.head
    if root.dep_ == "pobj" and verb.dep_ == "prt":
        verb = verb.head  # "pulled in $6.6bn", the parser taking "in" for a preposition
    elif root.dep_ not in ("dobj", "npadvmod"):
        return None
    if _lemma(verb) not in RAISING_VERBS - {"raise"} or LENDING.search(sent.text):
        return None
    investors = _prep_orgs(verb, {"from"}, reader.mentions)
    # "OpenAI has pulled in $6.6bn from investors": the investors are named in sentences to come
    from_investors = any(
        c.lower_ == "from" and any(o.lower_ in INVESTOR_WORDS for o in c.children) for c in verb.children
    )
    if not (investors or from_investors) or not is_asserted(verb, root, sent, "Investment"):
        return None
    investee, _ = _subject(verb, reader.mentions)
    return {"investor": investors, "investee": [m for m in investee if m not in investors]}


def _value_put_on(reader: RoleReader, root: Token, sent: Span) -> list[OrgMention] | None:
    """The company a figure is "put on" as its value: "the $33bn that investors put on the
    company in 2021", "investors put $33bn on Revolut"."""
    verbs = [c for c in root.children if c.dep_ == "relcl" and _lemma(c) == "put"]
    if root.dep_ == "dobj" and _lemma(root.head) == "put":
        verbs.append(root.head)
    value = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    if value is not None and _lemma(value) == "value" and value.dep_ == "dobj" and _lemma(value.head) == "put":
        # "put $2.25bn into Cruise in a deal that puts a value of $11.5bn on the unit": what an
        # investment values a company at (what a buyer puts on its target is the price)
        investing = [
            t for t in sent
            if _cue_words(t) & MONEY_CUES["Investment"][0] and t.pos_ == "VERB" and t.i != value.head.i
        ]  # fmt: skip
        buying = any(_cue_words(t) & MONEY_CUES["Acquisition"][0] for t in sent)
        if investing and not buying and is_asserted(value.head, root, sent, "Valuation"):
            on = _prep_orgs(value.head, {"on"}, reader.mentions)
            if on:
                return on[:1]
            invested = _investment(reader, investing[0], investing[0])["investee"]  # "on the unit": the company invested in
            return invested[:1] or None
    for verb in verbs:
        if not is_asserted(verb, root, sent, "Valuation"):
            return None
        company = _prep_orgs(verb, {"on"}, reader.mentions)
        if company:
            return company[:1]
    return None


def _values_a_holding(cue: Token) -> bool:
    """ "The foundation's stake is valued at $130bn": the worth of a holding, not of a company."""
    verb = cue if cue.pos_ == "VERB" else cue.head
    return any(c.dep_ in ("nsubjpass", "nsubj") and _lemma(c) in HOLDINGS for c in verb.children)


def _raises_something_else(cue: Token, root: Token) -> bool:
    """ "raised its forecast to $85 billion", "raised prices", "raised $9bn for new funds":
    raising is not a company's fundraising."""
    if _lemma(cue) != "raise":
        return False
    if any(
        c.dep_ == "prep" and c.lower_ == "for"
        and any(_lemma(t) in ("fund", "vehicle") and t.text.islower() for t in c.subtree)  # not "Founders Fund"
        for c in cue.children
    ):
        return True  # "raised $9bn for a new set of venture funds": an investor's own fund
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    money = range(root.left_edge.i, root.right_edge.i + 1)
    return bool(objects) and not any(o.i in money or _lemma(o) in FUNDING_NOUNS for o in objects)


SUPPLY_VERBS = {"supply", "provide", "deliver"}
# "supply Meta with $14.2bn of computing power", "signed AWS to a 15-year lease worth $5.5bn"
SUPPLY_CONTEXT = CLOUD_CONTEXT | {"computing", "lease", "leases"}
# Verbs that hand capacity from a provider (the subject) to a customer (the indirect object):
# "sell Microsoft $17.4bn of GPU capacity", "hand the cloud group 200 megawatts".
GIVING_VERBS = SUPPLY_VERBS | {"hand", "give", "sell", "lease", "rent", "offer", "host"}


def _customer_and_provider(verb: Token, reader: RoleReader) -> tuple[list[OrgMention], list[OrgMention]] | None:
    """(customer, provider) of a verb of supplying, by syntax: "X will supply Meta with …",
    "X agreed to sell Microsoft $17.4bn of capacity", "X signed CoreWeave to two leases"."""
    lemma = _lemma(verb)
    children = list(verb.children)
    objects = [c for c in children if c.dep_ in ("dative", "dobj")]
    if lemma == "sign":
        # "Applied Digital signed CoreWeave to two 15-year leases"
        if not any(c.dep_ == "prep" and c.lower_ == "to" and any(_lemma(o) in ("lease", "contract", "deal", "agreement") for o in c.children) for c in children):
            return None
    elif lemma not in GIVING_VERBS or _sells_a_unit(verb):
        return None  # ("sell its IT services arm, Dell Services, to NTT Data": a sale of a business)
    customers = [m for c in objects for m in _direct_orgs(c, reader.mentions)]
    if lemma != "host" and not customers:
        # "sell capacity to Microsoft", "supply computing power to Meta"
        customers = _prep_orgs(verb, {"to"}, reader.mentions)
    if lemma == "host" and not customers:
        # "will host about 200 megawatts of CoreWeave's GPU infrastructure", "host … for Fluidstack"
        customers = [
            m for c in objects for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children for m in _possessor(o, reader.mentions)
        ] or _prep_orgs(verb, {"for"}, reader.mentions)  # fmt: skip
    deal = verb.head if verb.dep_ in ("acl", "relcl") and _lemma(verb.head) in ("deal", "agreement", "contract") else None
    if not customers and deal is not None:
        # "struck a ten-year deal with Fluidstack to host 168MW of computing"
        customers = _prep_orgs(deal, {"with"}, reader.mentions)
        objects.append(deal)
    if not customers:
        return None
    if lemma in SUPPLY_VERBS and len(objects) < 2 and not any(c.dep_ == "prep" and c.lower_ == "with" for c in children):
        return None  # "supply chips": no customer named as such
    providers = _subject_up(verb, reader.mentions, customers)  # of the verb, or of the one that signed the contract
    return (customers[:1], providers[:1]) if providers else None


def _supply_contract(
    reader: RoleReader, root: Token, sent: Span, amount: Amount, quantities: list[tuple[Span, QuantityMention]]
) -> Fact | None:
    """A provider's contract to supply a customer with computing: "CoreWeave has agreed to
    supply Meta with $14.2bn of computing power", "IREN has signed a contract worth $9.7bn to
    provide Microsoft with computing capacity". The customer's cloud commitment."""
    # computing one edge further than other cues: "signed a $14.2bn deal to supply Meta with
    # computing power" goes through the deal and the verb to what is supplied
    if not (_cloud_context(sent, root, words=SUPPLY_CONTEXT) or _cloud_context(sent, root, words=COMPUTING_WORDS, reach=5)):
        return None
    for verb in sent:
        if _lemma(verb) not in GIVING_VERBS | {"sign"} or verb.pos_ != "VERB" or dep_distance(root, verb) > 4:
            continue
        found = _customer_and_provider(verb, reader)
        if found is not None and is_asserted(verb, root, sent, "CloudCommitment"):
            customers, suppliers = found
            return Fact("CloudCommitment", _roles({"company": customers, "provider": suppliers}),
                        amount=amount, duration=_duration_in(sent, quantities))  # fmt: skip
    return None


def _paid_to_provider(
    reader: RoleReader, root: Token, sent: Span, amount: Amount, quantities: list[tuple[Span, QuantityMention]]
) -> Fact | None:
    """ "Slack will pay Amazon Web Services $250 million over five years for computing power":
    what a customer pays a provider for computing is its cloud commitment."""
    verb = root.head
    if _lemma(verb) != "pay" or root.dep_ not in ("dobj", "dative"):
        return None
    providers = [m for c in verb.children if c.dep_ in ("dative", "dobj") and c != root for m in _direct_orgs(c, reader.mentions)]
    providers = providers or _prep_orgs(verb, {"to"}, reader.mentions)
    providers = [m for m in providers if reader.gazetteer.sector(m.org.name) in ("cloud", "chips", None)]
    if not providers or not _cloud_context(sent, root, words=COMPUTING_WORDS | {"hosting", "capacity"}, reach=5):
        return None
    if not is_asserted(verb, root, sent, "CloudCommitment"):
        return None
    company = [m for m in _subject(verb, reader.mentions)[0] if m not in providers]
    return Fact("CloudCommitment", _roles({"company": company, "provider": providers}),
                amount=amount, duration=_duration_in(sent, quantities))  # fmt: skip


OFFER_NOUNS = {"offer", "bid", "proposal", "approach"}
ACCEPTING_VERBS = {"accept", "agree", "back", "approve", "recommend", "embrace", "take"}


def _accepted_offer(reader: RoleReader, root: Token, sent: Span, amount: Amount) -> Fact | None:
    """ "Actelion accepted an all-cash offer from the American group worth $30bn": the
    company that accepts a bid is bought by the bidder."""
    verb = next((a for a in root.ancestors if a.pos_ == "VERB"), None)
    if verb is None or _lemma(verb) not in ACCEPTING_VERBS or dep_distance(root, verb) > 3:
        return None
    offers = [c for c in verb.children if c.dep_ == "dobj" and _lemma(c) in OFFER_NOUNS]
    offers += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if _lemma(o) in OFFER_NOUNS]
    for offer in offers:
        # "accepted a £46bn offer from Takeda", with "from" on the offer or on the verb
        bidder = _prep_orgs(offer, {"from", "by"}, reader.mentions) or _prep_orgs(verb, {"from"}, reader.mentions)
        target, passive = _subject(verb, reader.mentions)
        if bidder and target and bidder[0].anaphoric and target[0].anaphoric:
            continue  # "it accepted an offer from the American group": who is who is a guess
        if bidder and target and not passive and is_asserted(verb, root, sent, "Acquisition"):
            return Fact("Acquisition", _roles({"acquirer": bidder[:1], "target": target[:1]}), amount=amount)
    return None


def _paid_for(reader: RoleReader, root: Token, sent: Span, amount: Amount) -> Fact | None:
    """ "the $13.7 billion it paid for Whole Foods Market": paying for a company is buying it."""
    verb = next(
        (
            t for t in sent
            if _lemma(t) in ("pay", "spend", "shell", "hand") and t.pos_ == "VERB"
            # "pay $171 per share in stock, or about $53bn in total, for Hess": the total
            # coordinated with the way of paying is one edge further
            and dep_distance(root, t) <= (3 if root.dep_ == "conj" else 2)
        ),
        None,
    )
    if verb is None or not is_asserted(verb, root, sent, "Acquisition"):
        return None
    # "agreed to pay $6.5bn for MuleSoft", where the parser hangs "for" on the sum
    paid = [g for c in verb.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "prep"]
    if verb.dep_ == "ccomp" and verb.head.i > verb.i:
        # "Smucker paid about $5.8bn, debt included, for Big Heart Pet Brands", where the
        # parser makes the aside the main clause and hangs "for" on it
        paid += [c for c in verb.head.children if c.dep_ == "prep" and c.i > verb.head.i]
    for child in [*verb.children, *paid]:
        if child.dep_ in ("prep", "dative") and child.lower_ == "for":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            stakes = [o for o in objects if _lemma(o) in ("stake", "share", "shares", "interest")]
            if stakes and _controlling(stakes[0]):
                # "paid $21.6bn for a 78 per cent stake in Sprint": buying control is buying it
                buyer, _ = _subject(verb, reader.mentions)
                company = _prep_orgs(stakes[0], {"in", "of"}, reader.mentions)
                return Fact("Acquisition", _roles({"acquirer": buyer, "target": company[:1]}), amount=amount) if company else None
            if stakes:
                return None  # a stake is an investment, read by the usual rules
            shares = [t for o in objects for t in o.subtree if _lemma(t) in ("share", "stock")]
            if shares:
                # "paid €3bn for a block of newly issued Bayer shares": buying a company's
                # shares is investing in it
                issuer = [m for t in shares for m in _compound_orgs(t, reader.mentions) + _possessor(t, reader.mentions)]
                buyer, _ = _subject(verb, reader.mentions)
                return Fact("Investment", _roles({"investor": buyer, "investee": issuer[:1]}), amount=amount) if issuer else None
            payees = [
                m for c in verb.children if c.dep_ in ("dobj", "dative") for m in _direct_orgs(c, reader.mentions)
            ]
            if payees and any(o.lower_ in CLOUD_CONTEXT or _lemma(o) in ("capacity", "compute") for o in objects):
                # "OpenAI will pay Oracle $30bn a year for data centre capacity": a cloud contract
                payer, _ = _subject(verb, reader.mentions)
                return Fact("CloudCommitment", _roles({"company": payer, "provider": payees[:1]}), amount=amount)
            targets = [
                m for o in objects
                for m in (_direct_orgs(o, reader.mentions) or _orgs_under(o, reader.mentions)[:1] or reader.unnamed_org(o))
            ]  # fmt: skip
            buyer, _ = _subject(verb, reader.mentions)
            if not buyer and verb.dep_ in ("acl", "relcl"):
                buyer = _direct_orgs(verb.head, reader.mentions)  # "the $12.5 billion Google paid for …"
            # "handing AT&T $1.175bn for the business": the payee sold it; "UBS agreed to pay …
            # for its old rival": not itself
            others = {m.org.name for m in payees + buyer}
            targets = [m for m in targets if m.org.name not in others]
            if targets:
                return Fact("Acquisition", _roles({"acquirer": buyer, "target": targets}), amount=amount)
            if any(_names_the_bought(o) for o in objects):
                return Fact("", {}, amount=amount)  # the price of the purchase read elsewhere
    return None


# What a purchase read elsewhere is called when its price is given: "for the business".
BOUGHT_NOUNS = SEGMENT_NOUNS | {"company", "firm", "rival", "lender", "assets", "deal", "purchase", "takeover"}


def _names_the_bought(noun: Token) -> bool:
    """Whether a noun refers back to what is bought: "handing AT&T $1.175bn for the business",
    "pay 3 billion francs for its old rival"; not "for a business of its own"."""
    return (_lemma(noun) in BOUGHT_NOUNS or noun.lower_ in BOUGHT_NOUNS) and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in noun.children
    )


def _sentence_event(root: Token, sent: Span) -> tuple[str, Token] | None:
    """The acquisition or investment cue of a sentence whose figure hangs off "deal"."""
    found = []
    for token in sent:
        for kind in ("Acquisition", "Investment"):
            if _cue_words(token) & MONEY_CUES[kind][0] and _lemma(token) not in ("sale", "sell") and _cue_applies(token, root):
                found.append((dep_distance(root, token), PRIORITY.index(kind), kind, token))
    return min(found, key=lambda f: f[:2])[2:] if found else None  # type: ignore[return-value]


def _cloud_contract(
    reader: RoleReader,
    noun: Token,
    root: Token,
    sent: Span,
    amount: Amount,
    quantities: list[tuple[Span, QuantityMention]],
) -> Fact | None:
    """ "signed a contract with CoreWeave worth $11.9 billion": a spending pledge to a provider."""
    if _lemma(noun) not in ("contract", "deal", "agreement", "worth"):
        return None
    heads = [noun]
    if _lemma(noun) == "worth":
        # "signed a contract with X worth $Y": "worth" may hang off the verb; "a contract
        # worth $11.9bn with CoreWeave": "with" may hang off "worth"
        heads = [noun.head, *(c for c in noun.head.children if c.dep_ == "dobj"), noun]
    elif noun.dep_ == "dobj" and _lemma(noun.head) == "sign":
        heads.append(noun.head)  # "signed a $10bn deal with Google": "with" may hang off the verb
    providers: list[OrgMention] = []
    head = noun
    for head in heads:
        # a provider the gazetteer knows sells computing; one it does not know does when the
        # contract says it is for computing ("a $6.2bn agreement with Nscale for AI computing
        # capacity")
        sectors = ("cloud", "chips", None) if _for_computing(head) else ("cloud", "chips")
        providers = [
            m for m in _prep_orgs(head, {"with"}, reader.mentions)
            if reader.gazetteer.sector(m.org.name) in sectors
        ]
        if providers:
            break
    if not providers:
        providers = _capacity_used_from(reader, noun)
    subject = _subject(reader._verb_of(head), reader.mentions)[0]
    customers = [m for h in heads for m in _prep_orgs(h, {"with"}, reader.mentions) if m not in providers]
    if not providers and customers and _for_computing(noun) and any(
        reader.gazetteer.sector(m.org.name) == "cloud" for m in subject
    ):
        # "Oracle signed a $30bn cloud contract with OpenAI": the cloud company signing is the
        # provider, the one it signed with the customer
        providers, subject = subject[:1], customers[:1]
    if not providers or not is_asserted(head, root, sent, "CloudCommitment"):
        return None
    company = [m for m in subject if m not in providers]
    return Fact(
        "CloudCommitment",
        _roles({"company": company, "provider": providers}),
        amount=amount,
        duration=_duration_in(sent, quantities),
    )


COMPUTING_WORDS = {"compute", "computing", "cloud", "gpu", "gpus", "server", "servers", "accelerators"}


def _for_computing(contract: Token) -> bool:
    """Whether a contract is for computing: "an agreement with Nscale for AI computing
    capacity", "a $10bn cloud computing deal"."""
    return any(
        t.lower_ in COMPUTING_WORDS
        for part in contract.children
        if (part.dep_ == "prep" and part.lower_ == "for") or part.dep_ in ("compound", "amod", "nmod")
        for t in part.subtree
    )  # fmt: skip


def _capacity_used_from(reader: RoleReader, noun: Token) -> list[OrgMention]:
    """The provider in "an agreement to use Microsoft Azure capacity" or "a deal to rent
    GPUs from CoreWeave": a cloud or chip company whose computing the contract buys."""
    for clause in noun.children:
        if clause.dep_ not in ("acl", "relcl") or _lemma(clause) not in ("use", "rent", "access", "lease"):
            continue
        for thing in (c for c in clause.children if c.dep_ == "dobj"):
            if not any(t.lower_ in CLOUD_CONTEXT for t in thing.subtree):
                continue
            named = _compound_orgs(thing, reader.mentions) + _possessor(thing, reader.mentions)
            named += _prep_orgs(thing, {"from"}, reader.mentions) + _prep_orgs(clause, {"from"}, reader.mentions)
            providers = [m for m in named if reader.gazetteer.sector(m.org.name) in ("cloud", "chips")]
            if providers:
                return providers[:1]
    return []


def _valued_thing_is_deal(cue: Token, reader: RoleReader | None = None) -> bool:
    """ "The deal, valued at $43 billion" gives the deal's price, not a company's valuation;
    "the deal values Scale at $29 billion" is Scale's valuation; "Broadcom put a value of
    $61 billion on VMware" is a price one company put on another."""
    takeover_words = {"offer", "bid", "takeover", "acquisition", "purchase", "buyout", "merger"}
    if cue.pos_ == "VERB" and any(c.dep_ == "nsubj" and _lemma(c) in takeover_words for c in cue.children):
        return True  # "the offer values Vantor at $12bn": the price of a takeover
    if reader is not None and cue.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and _lemma(c) in ("agreement", "deal", "transaction") for c in cue.children
    ) and any(m.org.name in reader.acquired for c in cue.children if c.dep_ == "dobj" for m in _direct_orgs(c, reader.mentions)):
        return True  # "Union Pacific agreed to buy Norfolk Southern. The agreement values Norfolk Southern at $85bn"
    if reader is not None and cue.pos_ == "VERB" and any(
        c.dep_ == "nsubjpass" and any(m.covers(c) for m in reader.mentions) for c in cue.children
    ):
        return False  # "when it was valued at $2bn after a $100m round": the company's valuation
    if reader is not None and _given_to(cue, reader.mentions):
        return False  # "the deal gives xAI a valuation of $200bn": xAI's valuation
    if reader is not None:
        doc = cue.doc
        # "a deal that valued it at $2bn" too; "a price that valued LinkedIn at …" is the price
        priced = _lemma(cue.head) in ("price", "bid", "offer")
        if (cue.lower_ in ("values", "valuing", "value") or (cue.lower_ == "valued" and not priced)) and any(
            cue.i < m.start <= cue.i + 2
            and not m.person
            # "a deal that values the company's equity at $1.3bn": the price, not a valuation
            and not any(t.lower_ == "equity" for t in doc[m.end : min(m.end + 3, len(doc))])
            for m in reader.mentions
        ):
            return False
        verb = reader._verb_of(cue)
        subject, _ = _subject(verb, reader.mentions)
        valued = [
            m
            for t in verb.subtree
            if t.lower_ == "on" and t.dep_ == "prep"
            for m in _prep_orgs(t.head, {"on"}, reader.mentions)
        ]
        if subject and valued and subject[0].org.name != valued[0].org.name:
            return True
    deal_words = {"deal", "transaction", "acquisition", "takeover", "purchase", "offer", "merger", "agreement", "buyout"}
    if cue.pos_ == "VERB" or cue.lower_ == "value":
        # "a price that valued LinkedIn at $26.2bn", "raised the price …, lifting the value to
        # $44bn": the price
        deal_words |= {"price", "bid"}
    for token in [cue, *cue.ancestors][:3]:
        if _lemma(token) in deal_words:
            return True
        for child in token.children:
            # ("its biggest, the 2018 takeover of RSP Permian, was valued at …": in apposition)
            named = [child, *(a for a in child.children if a.dep_ == "appos")]
            if child.dep_ in ("nsubjpass", "nsubj", "dobj") and any(_lemma(n) in deal_words for n in named):
                return True
    if any(p.lower_ == "of" and any(_lemma(o) in deal_words for o in p.children) for p in cue.children):
        return True  # "put the value of the transaction at $14.8bn": the deal's price
    return _lemma(cue.head) in deal_words


# Words that say a company's worth was set by money it raised.
NEW_MONEY_WORDS = {"round", "funding", "financing", "raise", "cash", "investment", "money"}


START_UP_NOUNS = {"start-up", "startup", "unicorn"}


def _worth_with_new_money(reader: RoleReader, root: Token, sent: Span) -> list[OrgMention]:
    """The company whose worth a new round sets: "Databricks said it is now worth $100bn after
    the round", "Once the new cash is added, Physical Intelligence is worth roughly $2.4bn".
    Not a market value, which a listed company's shares set (no round named)."""
    worth = root.head
    if worth.lower_ != "worth" or _lemma(worth.head) != "be" or worth.dep_ != "acomp":
        return []
    # the round may sit in a clause of its own: "The last time Plaid priced a round, it was worth …"
    subjects = [c for c in worth.head.children if c.dep_ == "nsubj"]
    # "Skild AI, a Pittsburgh start-up that …, is now worth $1.5bn": no start-up has a market value
    start_up = any(a.dep_ == "appos" and hyphenated(a) in START_UP_NOUNS for s in subjects for a in s.children)
    if not start_up and not any(_lemma(t) in NEW_MONEY_WORDS for t in sent if t.i != root.i):
        return []
    if not is_asserted(worth.head, root, sent, "Valuation"):
        return []
    return [m for c in subjects for m in _direct_orgs(c, reader.mentions)][:1]


def _priced_at(reader: RoleReader, root: Token, sent: Span) -> list[OrgMention]:
    """The company a round "priced at" a figure: "a $900m round led by Thrive priced it at
    $9.9bn", "Lyft was last priced privately at $15.1bn". Not shares, bonds or a listing priced
    at a figure: the priced thing must be the company."""
    at = root.head
    if at.lower_ != "at" or at.dep_ != "prep" or _lemma(at.head) != "price" or at.head.pos_ != "VERB":
        return []
    verb = at.head
    if not is_asserted(verb, root, sent, "Valuation"):
        return []
    # "… priced it at $9.9bn"; "Lyft was last priced privately at $15.1bn"
    return [m for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for m in _direct_orgs(c, reader.mentions)][:1]


def _given_to(cue: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Who a valuation is given to: "the deal gives xAI a valuation of $200bn"."""
    if cue.dep_ != "dobj" or _lemma(cue.head) not in ("give", "hand", "award"):
        return []
    return [m for c in cue.head.children if c.dep_ in ("dative", "iobj") for m in _direct_orgs(c, mentions)]


def _cloud_context(sent: Span, root: Token, words: set[str] = CLOUD_CONTEXT, reach: int = 4) -> bool:
    return any(t.lower_ in words and dep_distance(root, t) <= reach for t in sent)


class DealRelations:
    """The ``deal_relations`` spaCy component: sets ``doc._.relations`` to a list of facts.

    In a pipeline without dealgraph's ``org_gazetteer`` component (someone else's), it marks the
    gazetteer's names itself, so "Pfizer" is an organisation even where the NER missed it.
    """

    def __init__(self, gazetteer: Gazetteer, nlp: Language | None = None) -> None:
        self.gazetteer = gazetteer
        self.nlp = nlp
        self.names: NameMatcher | None = None  # built on first need: not in dealgraph's own pipeline

    def _mark_names(self, doc: Doc) -> None:
        if self.nlp is None or any(isinstance(component, OrgGazetteer) for _, component in self.nlp.pipeline):
            return  # no vocabulary to match with, or dealgraph's own org_gazetteer has run
        if self.names is None:
            self.names = NameMatcher(self.gazetteer, self.nlp)
        mark_names(doc, self.names.spans(doc))

    def __call__(self, doc: Doc) -> Doc:
        from pipeline.consolidate import consolidate, one_party
        from pipeline.deal_details import add_details
        from pipeline.nlp import QuantityTagger

        self._mark_names(doc)
        if doc._.quantities is None:
            QuantityTagger()(doc)
        context = Context(self.gazetteer)
        readings: list[Reading] = []
        unnamed: list[Reading] = []  # readings from before the text named any company
        for index, sent in enumerate(doc.sents):
            found, mentions = read_sentence(sent, index, doc._.quantities, self.gazetteer, context)
            readings += found
            # A name the NER called a person or place that fills a deal role is an organisation
            # from here on: "Berkshire Hathaway has taken a stake in Nubank" makes "it" and "the
            # lender" able to mean Nubank later.
            parties = {o.name for r in found for orgs in r.fact.roles.values() for o in orgs}
            context.parties |= parties
            mentions = [
                replace(m, person=False, guessed=False) if m.person and m.org.name in parties else m for m in mentions
            ]
            # A reading that names one company on both sides ("The carrier will hand over $3bn
            # in cash and the same amount in its own shares") is dropped later, and says
            # nothing of who invests
            investing = [
                r.fact for r in found
                if r.fact.kind in ("Investment", "Participants") and not one_party(r.fact, self.gazetteer)
            ]  # fmt: skip
            context.note_investors([o.name for f in investing for o in f.roles.get("investor", ())])
            context.note_investees([o.name for f in investing for o in f.roles.get("investee", ())])
            bought = [r.fact for r in found if r.fact.kind == "Acquisition"]
            context.note_acquirers(
                [o.name for f in bought for o in f.roles.get("acquirer", ())],
                [o.name for f in bought for o in f.roles.get("target", ())],
            )
            context.update(sent, mentions)
            for reading in found:
                if reading.context is None and reading.fact.kind in ("Revenue", "Valuation"):
                    # a company's own figure in the article's first sentence about a company
                    # ("GSK raised its ambition after … helped turnover reach £30.3bn")
                    reading.context = context.company()
            unnamed += [r for r in found if r.context is None and r.fact.kind in REQUIRED_ROLE]
            subject = context.last_subject
            if (
                subject is not None and subject.name not in context.investors
                and self.gazetteer.sector(subject.name) != "investor"
            ):
                # "A Paris company … has raised €105 million. … Mistral AI confirmed the
                # financing on Tuesday": the company the text goes on to name
                for reading in unnamed:
                    if index - reading.sentence <= NAMED_LATER_WINDOW:
                        reading.context = subject
                unnamed = []
        doc._.relations = add_details(consolidate(readings, self.gazetteer), doc, self.gazetteer)
        return doc
