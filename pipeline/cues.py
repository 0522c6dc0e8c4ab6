"""What kind of fact a figure is: the cue words of each fact type, and the reading of a money
mention from its nearest cue in the dependency tree (step 1 of :mod:`pipeline.relations`).

Also the checks that keep a figure from being a deal's size at all: a share price, a market
value, a price per unit.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from pipeline.model import Amount
from pipeline.orgs import (
    RELATIVE_PRONOUNS,
)


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
    r"|through (?:a |an )?(?:mix|combination) of|(?:share|stock) (?:sale|offering)s?|(?:sale|offering) of (?:new )?(?:shares|stock)"
    r"|cash on hand|project financing|guarantee\w*|backstop)\b",
    re.IGNORECASE,
)
LOSSES = {"lose", "loss", "losses", "burn", "owe", "write-down", "writedown", "impairment", "fine", "penalty"}
HOLDINGS = {"stake", "holding", "share", "position", "interest"}
UNNAMED_NOT_ORGS = {"PERSON", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT", "LAW", "LANGUAGE"}


def dep_distance(a: Token, b: Token) -> int:
    """Number of edges between two tokens of one sentence's dependency tree."""
    chain_a = [a, *a.ancestors]
    chain_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(chain_b)}
    for n, token in enumerate(chain_a):
        if token.i in index_b:
            return n + index_b[token.i]
    return 99


def lemma_of(token: Token) -> str:
    return token.lemma_.lower() if token.lemma_ else token.lower_


def is_series(token: Token) -> bool:
    """Whether a word is the letter of a lettered round: the "H" of "the Series H"."""
    doc = token.doc
    return len(token.text) <= 2 and token.text[:1].isupper() and token.i > 0 and doc[token.i - 1].lower_ == "series"


def cue_words(token: Token) -> set[str]:
    words = {lemma_of(token), token.lower_}
    if is_series(token):
        words.add("round")  # "pulled in $1bn in a Series G led by Franklin Templeton"
    if "take" in words and any(c.lower_ == "private" for c in token.children):
        words.add("buyout")  # "agreed to take Zeal private"
    if "take" in words and any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children):
        # "The payments group took in $4.96bn in the fourth quarter"; but "it took in $500
        # million in a round led by …" is money raised
        raised = any(lemma_of(o) in ROUND_NOUNS or is_series(o) for p in token.children if p.dep_ == "prep" for o in p.children)
        if not raised:
            words.add("revenue")
    if "take" in words and any(c.dep_ == "prt" and c.lower_ == "over" for c in token.children):
        words.add("takeover")  # "has agreed to be taken over by Sega Sammy"
    if "buy" in words and any(c.lower_ == "into" and c.dep_ in ("prep", "prt") for c in token.children):
        words = (words - {"buy", "bought", "buys", "buying"}) | {"invest"}  # "GM agreed to buy into Lithium Americas"
    return words


def adjacent_noun(span: Span) -> Token | None:
    """The noun a figure modifies when written before it: "$8 billion Anthropic stake"."""
    doc = span.doc
    for token in doc[span.end : min(span.end + 3, span.sent.end)]:
        if token.pos_ == "NOUN" or token.lower_ in ("run-rate",):
            return token
        if token.pos_ not in ("PROPN", "ADJ", "NUM", "PUNCT") and token.lower_ not in ("-",):
            return None
    return None


def cue_applies(token: Token, root: Token) -> bool:
    """ "put" is a cue only when money is what is put ("put $2.75bn into Anthropic"), not in
    "put a value of $61 billion on"."""
    if _in_clause_about(token, root):
        return False
    if token.pos_ == "PROPN" and token.ent_type_ == "ORG" and token.text[:1].isupper():
        return False  # the "Fund" of "Vision Fund", the "Invest" of "Premji Invest": a name
    if lemma_of(token) == "put":
        if any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children):
            return False  # "the $33bn that investors put on the company": a value, not money in
        return any(c.dep_ == "dobj" and (c.i == root.i or lemma_of(c) in FUNDING_NOUNS) for c in token.children)
    if lemma_of(token) == "hand":
        return token.pos_ == "VERB"  # "handed OpenAI $1bn", not "shook hands"
    if _ranks_the_deal(token):
        return False
    # "twice the $3.3bn set in January, when the company raised $180m": a verb whose own
    # object is another sum is no cue for a figure outside its clause
    for verb in [token, *token.ancestors]:
        if verb.left_edge.i <= root.i <= verb.right_edge.i:
            break
        if verb.pos_ == "VERB" and any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in verb.children):
            return False  # (nor is its "round" or "co-led": "… raised $425m in a Series E round")
    return True


def _ranks_the_deal(token: Token) -> bool:
    """Whether a cue only ranks the deal: "…, making it Merck KGaA's largest purchase in four
    years" says how big the deal is among others, not what kind of deal the figure is of."""
    head = token.head
    return (
        any(c.tag_ == "JJS" for c in token.children)
        and lemma_of(head) == "make" and token.dep_ in ("ccomp", "oprd", "xcomp", "attr", "dobj")
        and any(c.lower_ in ("it", "this", "that") for c in [*head.children, *token.children])
    )  # fmt: skip


def _in_clause_about(token: Token, root: Token) -> bool:
    """Whether ``token`` sits in a relative clause describing the "deal" the figure is the
    size of: "a $35.3bn deal that … hands the lender its own network" says what the deal
    does, not what kind of deal it is."""
    described = {a.i for a in list(root.ancestors)[:2] if cue_words(a) & WEAK_CUES}
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
            if c.dep_ in ("dobj", "nsubj", "nsubjpass") and cue_words(c) & MONEY_CUES["Valuation"][0]:
                return "Valuation", c
    valuing = _values_at(span) if span is not None else None
    if valuing is not None:
        return "Valuation", valuing
    noun = adjacent_noun(span) if span is not None else None
    if noun is not None:
        for kind in PRIORITY:
            if cue_words(noun) & MONEY_CUES[kind][0]:
                return kind, noun
        if cue_words(noun) & WEAK_CUES:
            return None
    best: tuple[int, int, str, Token] | None = None
    for token in sent:
        words = cue_words(token)
        for kind in PRIORITY:
            cues, limit = MONEY_CUES[kind]
            if kind == "Revenue" and _sale_of_a_company(token):
                continue
            if kind == "Acquisition" and lemma_of(token) == "sell" and not any(
                c.dep_ in ("dobj", "nsubjpass", "dative") or c.lower_ == "to" for c in token.children
            ):
                continue  # "as its server processors sold strongly": selling goods
            if words & cues and cue_applies(token, root):
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
    if prep.lower_ not in ("with", "to") or lemma_of(verb) != "compare" or not EARLIER_PERIOD.search(sent.text):
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
    taken_in = lemma_of(verb) in TAKINGS_VERBS and any(c.dep_ == "prt" and c.lower_ == "in" for c in verb.children)
    if not taken_in and lemma_of(verb) not in BOOKING_VERBS:
        return None
    if any(lemma_of(o) in ROUND_NOUNS or is_series(o) for p in verb.children if p.dep_ == "prep" for o in p.children):
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


def find_weak_cue(root: Token, sent: Span, span: Span) -> Token | None:
    """The nearest word such as "deal" or "bet" within three edges of the figure."""
    noun = adjacent_noun(span)
    if noun is not None and cue_words(noun) & WEAK_CUES:
        return noun
    near = [
        (dep_distance(root, token), token.i, token)
        for token in sent
        if cue_words(token) & WEAK_CUES and (dep_distance(root, token) <= 3 or _price_of(token, root))
    ]
    return min(near)[2] if near else None


def _price_of(deal: Token, root: Token) -> bool:
    """Whether the figure is the price of the deal word: "putting the price of the transaction
    at 63 billion dollars", "set the value of the deal at $5bn"."""
    price = deal.head.head if deal.dep_ == "pobj" and deal.head.lower_ == "of" else None
    return price is not None and lemma_of(price) in ("price", "value", "cost") and dep_distance(root, price) <= 3


def is_price_or_market_value(root: Token, span: Span, amount: Amount | None = None) -> bool:
    """Share prices ("$229 a share"), small sums, debt and market values are not deal figures."""
    doc = span.doc
    if amount is not None and amount.value < SMALLEST_DEAL:
        return True
    if lemma_of(root.head) in LOSSES or (root.head.dep_ == "prep" and lemma_of(root.head.head) in LOSSES):
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


INVESTOR_WORDS = {"investor", "investors", "backer", "backers", "participant", "participants", "shareholder", "shareholders"}
