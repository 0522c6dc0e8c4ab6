"""Organisation mentions in a sentence: names, epithets, and words that point back.

A mention is a token range of the sentence that names an organisation. Three kinds:

- names: ``ORG`` entities (gazetteer names and aliases, or the NER's own) resolved to canonical
  names through the gazetteer;
- epithets: a gazetteer's hidden labels such as "the ChatGPT maker";
- anaphora: "it", "its", "the company", "the startup", "the chipmaker" … resolved to the
  organisation the text is currently about (:class:`Context`), or to the subject of the
  sentence when "it" points inside it ("Amazon said it would invest").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from pipeline.gazetteer import Gazetteer
from pipeline.model import Org

# Words the NER likes to tag ORG that are never a party to a deal.
_NOT_ORGS = {
    "ai", "gpu", "gpus", "ceo", "cfo", "ipo", "sec", "llm", "api", "cloud", "series",
    "round", "nasdaq", "nyse", "tpu", "tpus", "q1", "q2", "q3", "q4", "ppa", "ppas",
    # Countries and unions the small NER model tags ORG: a place is never a deal's party.
    "us", "u.s", "usa", "u.s.a", "uk", "u.k", "eu", "e.u", "uae", "un", "european union",
    "wall street", "city of london", "city",
    # Months and days, which the NER tags ORG at the start of a sentence.
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
    # Diseases and drug classes, which the NER tags ORG in pharma coverage.
    "hiv", "aids", "covid", "covid-19", "sars-cov-2", "mrna", "glp-1", "car-t",
    # Lines of a results statement, which the NER tags ORG at the start of a sentence
    # ("Revenue reached $400.6 million").
    "revenue", "revenues", "sales", "turnover", "net income", "operating income", "net loss",
    # job titles the NER tags ORG ("Chief Executive Julia Hoggett said")
    "chief executive", "chief executive officer", "chief financial officer",
}  # fmt: skip

# Nouns that, after "the", point back to an organisation ("the company", "the lender").
GENERIC_NOUN = re.compile(
    r"company|firm|startup|start-up|lab|laboratory|group|developer|chipmaker|hyperscaler|giant|"
    r"major|insurer|lender|bank|drugmaker|buyer|acquirer|investor|backer|business|outfit|maker|"
    r"provider|operator|producer|retailer|conglomerate|owner|parent|biotech|specialist|carrier|"
    r"platform|unicorn|designer|miner|utility|carmaker|automaker|grocer|publisher|broadcaster|airline|app|studio"
)
# What a generic noun may point back to: sectors allowed (None = an organisation the
# gazetteer does not know). Nouns not listed may point to any organisation.
_NOUN_SECTORS: dict[str, set[str | None]] = {
    "chipmaker": {"chips"}, "chip maker": {"chips"}, "chip designer": {"chips"},
    "cloud provider": {"cloud"}, "cloud giant": {"cloud"}, "hyperscaler": {"cloud"}, "drugmaker": {"pharma"},
    "startup": {"ai-lab", None}, "start-up": {"ai-lab", None}, "lab": {"ai-lab", None},
    "laboratory": {"ai-lab", None}, "developer": {"ai-lab", None},
    "bank": {"bank", None}, "insurer": {None}, "biotech": {"pharma", None},
    "carmaker": {"autos"}, "automaker": {"autos"}, "car maker": {"autos"}, "car company": {"autos"},
    # what a company makes or does, before "company", "group", "maker" or "firm"
    **{
        f"{kind} {noun}": sectors
        for kinds, sectors in (
            (("software",), {"software", "cloud", None}),
            (("oil", "energy", "gas"), {"energy", None}),
            (("drug", "pharmaceutical", "pharma"), {"pharma", None}),
            (("chip", "semiconductor"), {"chips", "semiconductor-equipment", None}),
            (("cloud",), {"cloud"}),
        )
        for kind in kinds
        for noun in ("company", "group", "firm", "maker", "giant", "major")
    },
}  # fmt: skip
# Nouns that name the money side of a deal: they point back to an investor.
_INVESTOR_NOUNS = {"investor", "backer", "fund"}
# What a firm that invests is called: "the venture firm", "the private-equity group".
_INVESTING_KINDS = {"venture", "investment", "buyout", "private-equity", "equity", "vc"}
_INVESTING_VERBS = {"invest", "pour", "plough", "plow", "pump", "inject"}
_BUYING_VERBS = {"buy", "acquire", "pay", "purchase", "snap"}
# Verbs whose subject is the company that raised a round: "raised", "closed", "pulled in",
# "collected $410m in a Series B", "secured €40m from Bpifrance".
RAISING_VERBS = {
    "raise", "close", "secure", "complete", "land", "get", "pull", "bring", "collect", "receive",
    "obtain", "bag", "win", "take", "attract",
}  # fmt: skip
_TITLES = {"chief", "executive", "ceo", "cfo", "founder", "co-founder", "president", "chairman",
           "chairwoman", "director", "head", "minister", "analyst", "officer", "partner",
           "spokesperson", "spokesman", "spokeswoman"}  # fmt: skip
_PRONOUNS = {"it", "its", "it's"}
# What a company does and a place does not, in a relative clause about a name.
_BUSINESS_VERBS = {"sell", "make", "build", "develop", "design", "offer", "manufacture", "produce", "operate", "supply"}
# Words that end a company's formal name ("Marvell Technology Group", "Slack Technologies"),
# shared with consolidate.CORPORATE_WORDS.
LEGAL_NAME_WORDS = {
    "technology", "technologies", "holdings", "inc", "corp", "corporation", "co", "ltd", "limited",
    "plc", "llc", "ag", "sa", "se", "nv", "ab", "asa", "oyj", "spa", "gmbh",
}  # fmt: skip
# Of those and a few more, the words that are no name on their own: a run of them after a name
# belongs to it.
_NAME_SUFFIXES = LEGAL_NAME_WORDS | {
    "group", "systems", "industries", "international",
    # an investor's ("Bain Capital" + "Ventures", "Premji" + "Invest")
    "ventures", "capital", "partners", "invest", "investments", "management", "growth",
    "energy", "infrastructure",
    "kgaa",  # part of the name: Merck KGaA is not Merck & Co
}  # fmt: skip
# Words that end an investment firm's full name and that the text then drops ("Thrive Capital",
# then "Thrive"; "Vista Equity Partners", then "Vista"). Not a company's line of business
# ("Horizon Therapeutics" is not "Horizon"'s only possible meaning; "L'Oréal Luxe" is a division).
_FIRM_WORDS = {
    "capital", "partners", "ventures", "venture", "equity", "group", "management", "investment",
    "investments", "invest", "growth", "global", "fund", "funds", "asset", "advisors", "advisers",
}  # fmt: skip
RELATIVE_PRONOUNS = {"which", "who", "that", "whom"}
_SERIES = re.compile(r"^(?:the )?Series [A-Z](?:-?\d)?\.?(?: round| extension)?$", re.IGNORECASE)  # "Series C-1"
_MODEL_NUMBER = re.compile(r"^[A-Z]{1,4}-?\d{2,}[A-Za-z]{0,3}$")


@dataclass(frozen=True)
class OrgMention:
    """An organisation named or pointed to by tokens ``start``..``end`` of the doc."""

    start: int
    end: int
    org: Org
    anaphoric: bool = False
    guessed: bool = False  # the NER said PERSON or GPE: trusted only in a role's own slot
    person: bool = False  # the NER said PERSON or GPE: never what "the company" points back to

    def covers(self, token: Token) -> bool:
        return self.start <= token.i < self.end


RECENT_SENTENCES = 3  # how far back "the company" looks first
# Regulators, courts and governments are never what "the company" means.
_PUBLIC_BODY = re.compile(
    r"\b(?:Commission|Authority|Administration|Department|Ministry|Agency|Regulator|Court|"
    r"Tribunal|Government|Council|Parliament|Congress|Senate|Bureau|Office|Takeover Panel)\b"
)


def is_public_body(name: str) -> bool:
    """Whether a name is a regulator, court or government office ("Federal Trade
    Commission"); sovereign and public investors ("Qatar Investment Authority", "European
    Innovation Council Fund") are not."""
    return bool(_PUBLIC_BODY.search(name)) and not _INVESTING_NAME.search(name)


# Words in the names of public investors ("Qatar Investment Authority", "European Innovation
# Council Fund"): they take stakes, so they may be parties to a deal.
_INVESTING_NAME = re.compile(r"\b(?:Investments?|Fund|Funds|Ventures|Capital)\b")


class Context:
    """What the text is about so far: the organisation later "it" and "the company" mean.

    "it" means the most recent subject (:meth:`salient`); "the company" and a missing role
    mean the organisation :meth:`company` picks: the previous sentence's subject, else the one
    named most often among those named in the last few sentences; "the investor" means
    :meth:`investor`.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.recent: list[Org] = []  # most recent last
        self.counts: dict[str, int] = {}
        self.investors: list[str] = []  # organisations seen putting money in, most recent last
        self.acquirers: list[str] = []  # organisations seen buying another, most recent last
        self.acquired: list[str] = []  # organisations seen bought, most recent last
        self.investees: list[str] = []  # organisations seen raising money, most recent last
        self.parties: set[str] = set()  # organisations seen filling a role of a deal
        self.names: dict[str, str] = {}  # surface seen as a name -> canonical name
        self.history: list[set[str]] = []  # organisations named per sentence, in order
        self.last_subject: Org | None = None  # the previous sentence's subject, if an organisation
        self.last_owner = False  # whether that sentence said whose deal it was ("The deal is X's biggest bet")
        self.lead: Org | None = None  # the first sentence's subject organisation: what the article is about
        self.people: set[str] = set()  # names and surnames of people the text gave a job title
        # what the text called an organisation beside its name ("the German media group
        # Bertelsmann", "Honey, the coupon start-up"): a later "the group" means it
        self.described: dict[str, Org] = {}
        # the customer and the provider of the last capacity or cloud contract the text named:
        # what "The new contract covers 120 megawatts" is between
        self.contract: tuple[Org, Org] | None = None

    def note_people(self, sent: Span) -> None:
        """Remember the people a sentence names with a job title ("Alex Kendall, its chief
        executive"), so that a later "Kendall said", which the NER may call an organisation,
        is not one."""
        for ent in sent.ents:
            if ent.label_ == "PERSON" and len(ent) > 1 and (_titled(ent) or _title_before(ent)):
                self.people |= {ent.text, ent[-1].text}

    def is_person(self, mention: OrgMention, gazetteer: Gazetteer) -> bool:
        """Whether a name the NER called an organisation is a person the text named before
        (and no company the gazetteer knows)."""
        return (
            not (mention.anaphoric or mention.guessed or mention.person)
            and mention.org.surface in self.people
            and gazetteer.lookup(mention.org.surface) is None
        )

    def note_investors(self, names: list[str]) -> None:
        """Remember organisations the text showed investing: "the investor" may mean them,
        "the company" rarely does."""
        for name in names:
            if name in self.investors:
                self.investors.remove(name)
            self.investors.append(name)

    def note_investees(self, names: list[str]) -> None:
        """Remember organisations the text showed raising money: what "the financing values
        the company at" means."""
        self.investees = [n for n in self.investees if n not in names] + names

    def note_acquirers(self, names: list[str], targets: list[str]) -> None:
        """Remember organisations the text showed buying another ("the buyer" means them) and
        the ones bought."""
        self.acquirers = [n for n in self.acquirers if n not in names] + names
        self.acquired = [n for n in self.acquired if n not in targets] + targets

    def buyer(self) -> Org | None:
        """Whom "it" means as the subject of "agreed to buy" right after a sentence about a
        company being bought: "Ariad was acquired by the Japanese group last year. In January
        it agreed to buy TiGenix" is about the buyer, not Ariad."""
        recent = self.salient()
        if recent is None or recent.name not in self.acquired[-1:]:
            return None
        return self.acquirer()

    def acquirer(self) -> Org | None:
        """The organisation "the buyer" or "the acquirer" most likely means: the last one seen
        buying."""
        for name in reversed(self.acquirers):
            for org in reversed(self.recent):
                if org.name == name:
                    return org
        return None

    def investor(self, sectors: set[str | None] | None = None) -> Org | None:
        """The organisation "the investor" or "the backer" (of the given sectors: "the
        chipmaker") most likely means."""
        recent = [org for org in self.recent if self._fits(org, sectors)]
        for org in reversed(recent):
            if org.name in self.investors[-1:] or self.gazetteer.sector(org.name) == "investor":
                return org
        for org in reversed(recent):
            if org.name in self.investors:
                return org
        return None

    def company(self, sectors: set[str | None] | None = None, exclude: frozenset[str] = frozenset()) -> Org | None:
        """The organisation "the company" most likely means: of those named in the last few
        sentences, the one named most often in the text so far; never one the text has shown
        investing in someone else."""
        def usable(org: Org) -> bool:
            return (
                self._fits(org, sectors)
                and org.name not in self.investors
                and org.name not in exclude
                and not is_public_body(org.name)
            )

        def last_seen(org: Org) -> int:
            return max((n for n, names in enumerate(self.history) if org.name in names), default=-1)

        recent_names = set().union(*self.history[-RECENT_SENTENCES:]) if self.history else set()
        if self.lead is not None and all(
            self.counts.get(o.name, 0) < 2 for o in self.recent if o.name in recent_names and usable(o)
        ):
            # what the article is about stays in view, against a company named only in passing
            recent_names.add(self.lead.name)
        for pool in ([o for o in self.recent if o.name in recent_names], self.recent):
            candidates = [o for o in pool if usable(o)]
            if candidates:
                return max(candidates, key=lambda o: (self.counts.get(o.name, 0), last_seen(o)))
        return None

    def _fits(self, org: Org, sectors: set[str | None] | None) -> bool:
        return sectors is None or self.gazetteer.sector(org.name) in sectors

    def salient(self, sectors: set[str | None] | None = None) -> Org | None:
        """The most recent subject organisation (of the given sectors)."""
        for org in reversed(self.recent):
            if self._fits(org, sectors):
                return org
        return None

    def update(self, sent: Span, mentions: list[OrgMention]) -> None:
        """Remember the sentence's subject organisation, else its first named one."""
        for mention in mentions:
            if not mention.anaphoric and not mention.person:
                self.names.setdefault(sent.doc[mention.start : mention.end].text, mention.org.name)
        if any(t.lower_ == "citing" for t in sent):
            # "Sky News had reported, citing City sources, that …": the reporter is not what
            # the text is about
            reporters = {
                m.org.name for m in mentions
                if any(sent.doc[i].dep_ == "nsubj" and sent.doc[i].head == sent.root for i in range(m.start, m.end))
            }  # fmt: skip
            mentions = [m for m in mentions if m.org.name not in reporters]
        named = [m for m in mentions if not m.anaphoric and not m.person]
        if not any(t.pos_ in ("VERB", "AUX") for t in sent):
            return  # headings ("Feature Overview") say nothing about who the text is about
        self.history.append({m.org.name for m in mentions if not m.person})
        root_subjects = [
            m for m in mentions if not m.person and any(
                sent.doc[i].dep_ in ("nsubj", "nsubjpass") and sent.doc[i].head == sent.root for i in range(m.start, m.end)
            )
        ]
        if not root_subjects:
            # "Lyft's prospectus showed a commitment …": the sentence is about its subject's owner
            owners = [
                p for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"
                for p in c.children if p.dep_ == "poss"
            ]  # fmt: skip
            root_subjects = [m for m in mentions if not m.person and not m.anaphoric and any(m.covers(p) for p in owners)]
        self.last_subject = root_subjects[0].org if root_subjects else None
        if self.lead is None and not self.recent and named:
            self.lead = (root_subjects or named)[0].org
        owner = _deal_owner(sent, mentions) or _fronted_topic(sent, mentions)
        self.last_owner = owner is not None
        if owner is not None:
            self.last_subject = owner
        if not named:
            # "… a hunting ground for the Santa Clara group. It bought Mobileye": a sentence
            # that names no one still brings forward whom it points back to
            pointed_back = [m for m in mentions if m.anaphoric and not m.person]
            if pointed_back:
                chosen = pointed_back[0].org
                self.recent = [org for org in self.recent if org.name != chosen.name] + [chosen]
            return
        subjects = [
            m for m in named if sent.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
            or any(sent.doc[i].dep_ in ("nsubj", "nsubjpass") for i in range(m.start, m.end))
        ]
        for mention in mentions:
            if mention.person:
                continue
            self.counts[mention.org.name] = self.counts.get(mention.org.name, 0) + 1
            if mention.org.name not in {o.name for o in self.recent}:
                self.recent = self.recent[-15:] + [mention.org]
        pointed = [
            m for m in mentions if m.anaphoric and not m.person
            and any(sent.doc[i].dep_ == "nsubj" and sent.doc[i].head == sent.root for i in range(m.start, m.end))
        ]
        if owner is not None:
            chosen = owner  # "It is Salesforce's largest deal": the next sentence is about Salesforce
        elif pointed and not subjects:
            chosen = pointed[0].org  # "It has flown balloons under Project Loon": still about "it"
        else:
            chosen = (subjects or named)[0].org
        self.recent = [org for org in self.recent if org.name != chosen.name] + [chosen]


def _fronted_topic(sent: Span, mentions: list[OrgMention]) -> Org | None:
    """ "For Verizon, which booked $131.9bn of revenue, Tracfone is a modest bolt-on": the
    sentence, and what follows, is about Verizon."""
    first = sent[0]
    if first.lower_ != "for" or first.head != sent.root:
        return None
    return next(
        (m.org for o in first.children if o.dep_ == "pobj" for m in mentions if m.covers(o) and not m.anaphoric and not m.person),
        None,
    )


_DEAL_NOUNS = {"deal", "acquisition", "purchase", "takeover", "transaction", "merger", "investment", "bet", "round"}


def _deal_owner(sent: Span, mentions: list[OrgMention]) -> Org | None:
    """The organisation a "the deal is X's largest" sentence is about: "It is Salesforce's
    largest deal", "It is the largest acquisition in Oracle's history", "It is the group's
    biggest acquisition since …"."""
    root = sent.root
    if root.lemma_ != "be":
        return None
    for attr in (c for c in root.children if c.dep_ == "attr" and c.lemma_.lower() in _DEAL_NOUNS):
        owners = [c for c in attr.children if c.dep_ == "poss"]
        owners += [
            g for p in attr.children if p.dep_ == "prep" and p.lower_ == "in"
            for o in p.children if o.lemma_.lower() == "history" for g in o.children if g.dep_ == "poss"
        ]
        for owner in owners:
            for mention in mentions:
                if mention.covers(owner) and not mention.person:
                    return mention.org
    return None


def _coordinated_names(span: Span, gazetteer: Gazetteer) -> list[Span]:
    """The names of an ORG entity that is really a list: "Accel and Orbis Investments" →
    Accel, Orbis Investments; "Bpifrance, Eurazeo and General Catalyst" → three names. Not for
    one name with "and" in it that the gazetteer knows, nor when a side is not capitalised
    ("Research and Development"), nor for two single words joined by "and" neither of which
    the gazetteer knows, nor for a comma before a legal form ("Sony Group, Inc.")."""
    if gazetteer.lookup(span.text) is not None:
        return []
    joints = [t for t in span if t.lower_ == "and" and t.dep_ == "cc"]
    commas = [t for t in span if t.text == "," and span.start < t.i < span.end - 1]
    if len(joints) > 1 or not (joints or commas):
        return []
    if any(span.doc[c.i + 1].lower_.strip(".") in LEGAL_NAME_WORDS for c in commas):
        return []
    bounds = sorted([*joints, *commas], key=lambda t: t.i)
    parts, start = [], span.start
    for joint in bounds:
        parts.append(span.doc[start : joint.i])
        start = joint.i + 1
    parts.append(span.doc[start : span.end])
    parts = [p for p in parts if len(p)]  # the "and" after a serial comma
    if len(parts) < 2 or not all(p.text[0].isupper() and p[0].pos_ == "PROPN" and p[-1].pos_ == "PROPN" for p in parts):
        return []
    known = any(gazetteer.lookup(p.text) for p in parts)
    if not commas and all(len(p) == 1 for p in parts) and not known:
        return []  # "Procter and Gamble", "Marks and Spencer": one name more often than two
    return parts


def _bare(name: str) -> str:
    """A name lowercased, without a possessive or surrounding dots: "the US's" → "us"."""
    return re.sub(r"^the |['’]s$", "", name.lower().strip()).strip(" .")


def _trimmed(ent: Span) -> Span:
    """An entity without a list's joint the NER swept in ("Verde Asset Management and"), with
    the first word of its name the NER left out ("Wm" of "Wm Morrison Supermarkets": a proper
    noun in no entity, compounded to the name), and with the rest of a name joined by "&"
    ("BDT &" + "MSD Partners": a list joins its members with "and", a name with "&")."""
    doc = ent.doc
    start, end = ent.start, ent.end
    ampersand = end - 1 if doc[end - 1].text == "&" else end if end < ent.sent.end and doc[end].text == "&" else None
    if ampersand is not None and ampersand > start:
        rest = ampersand + 1
        while rest < ent.sent.end and doc[rest].pos_ == "PROPN" and doc[rest].text[:1].isupper():
            rest += 1
        if rest > ampersand + 1:
            return Span(doc, start, rest, label=ent.label, kb_id=ent.kb_id, span_id=ent.id)
    while end > start + 1 and doc[end - 1].lower_ in ("and", "&", ",", "or"):
        end -= 1
    while (
        start > ent.sent.start and ent.label_ in ("ORG", "PERSON", "GPE") and not ent.ent_id_
        and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" and not doc[start - 1].ent_type_
        and start <= doc[start - 1].head.i < end and doc[start - 1].lower_ not in _TITLES
        and doc[start - 1].text[:1].isupper()
    ):
        start -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(doc, start, end, label=ent.label, kb_id=ent.kb_id, span_id=ent.id)


def _name_mentions(sent: Span, gazetteer: Gazetteer) -> list[OrgMention]:
    mentions = []
    covered = sent.start  # an entity inside the one before it, which took in its "&"
    for ent in map(_trimmed, sent.ents):
        if ent.start < covered:
            continue
        covered = ent.end
        maker = ent.ent_id_ if ent.label_ == "PRODUCT" and ent.ent_id_ else gazetteer.maker(ent.text)
        if maker is not None:
            # "capacity for Claude": a product stands for its maker
            mentions.append(OrgMention(ent.start, ent.end, Org(maker, ent.text), anaphoric=True))
            continue
        after = sent.doc[ent.end : ent.end + 2]
        if len(after) == 2 and after[0].text == "-" and after[1].lower_ in ("based", "headquartered", "listed"):
            continue  # "the Toronto-based developer": a place describing the company
        known = gazetteer.lookup(ent.text)
        # The small NER model often calls a company a PERSON ("Activision Blizzard") or a
        # place; such names may fill a role only from that role's own syntactic slot.
        # NORP ("Swedish", "Japanese") is never a party itself.
        guessed = ent.label_ in ("PERSON", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "FAC") and known is None
        if guessed and ent.label_ == "LOC" and (ent.root.dep_ != "nsubj" or ent.root.pos_ == "VERB") and not _holding_in(ent.root):
            # a "place" may be a company only as the one who acts ("Mars has completed …") or
            # whose shares are held ("new shares in Galapagos"), and a name, not an imperative
            # the tagger still calls a verb ("Strip out the new cash")
            continue
        if ent.label_ != "ORG" and known is None and not guessed:
            continue
        if (guessed or (known is None and ent.label_ == "ORG" and len(ent) > 1)) and _titled(ent):
            continue  # "Albert Bourla, Pfizer's chief executive" is a person
        if _bare(ent.text) in _NOT_ORGS or (sum(c.isalpha() for c in ent.text) < 2 and known is None):
            continue  # nor a lone letter ("Series F" split by the NER), but "G42" is a company
        if (_MODEL_NUMBER.match(ent.text) and known is None) or _SERIES.match(ent.text):
            continue  # "MI450", "H100": a chip or product code (not "G42"); "Series C": a round
        if ent.label_ == "ORG" and not known and _owner_prefix(ent.text) != ent.text:
            name = gazetteer.canonical(_owner_prefix(ent.text))
        elif ent.label_ == "ORG" and ent.ent_id_:
            name = ent.ent_id_
        else:
            name = known.name if known else gazetteer.canonical(ent.text)
        start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
        previous = mentions[-1] if mentions else None
        if previous and previous.end == start and not previous.anaphoric and ent.label_ != "PRODUCT" or (
            previous and previous.end == start and guessed and not previous.anaphoric
        ):
            # the NER split one name in two ("DST" + "Global")
            joined_span = sent.doc[previous.start : ent.end]
            parts = _coordinated_names(joined_span, gazetteer)
            if parts:  # "AMD" + "Ventures and Export Development Canada": a list after all
                mentions[-1:] = [OrgMention(p.start, p.end, Org(gazetteer.canonical(p.text), p.text)) for p in parts]
                continue
            joined = gazetteer.canonical(_owner_prefix(joined_span.text))
            mentions[-1] = OrgMention(previous.start, ent.end, Org(joined, joined_span.text))
            continue
        parts = _coordinated_names(sent.doc[start : ent.end], gazetteer) if ent.label_ == "ORG" and not known else []
        if parts:
            # the NER read a list as one name ("Accel and Orbis Investments")
            mentions += [OrgMention(p.start, p.end, Org(gazetteer.canonical(p.text), p.text)) for p in parts]
            continue
        mentions.append(
            OrgMention(start, ent.end, Org(name, ent.text), guessed=guessed,
                       person=guessed and ent.label_ in ("PERSON", "GPE"))  # fmt: skip
        )
    return mentions


def _joined_suffixes(mentions: list[OrgMention], sent: Span, gazetteer: Gazetteer) -> list[OrgMention]:
    """Join a name to the words after it that are no name on their own, where the NER split
    them: "Marvell Technology" + "Group", "Bain Capital" + "Ventures", "Premji" + "Invest". The
    whole names another organisation when the gazetteer says so or when the words are not a
    legal form ("Bain Capital Ventures" is not "Bain Capital")."""
    joined: list[OrgMention] = []
    for mention in mentions:
        before = joined[-1] if joined else None
        words = [t.lower_.strip(".") for t in sent.doc[mention.start : mention.end]]
        if before is None or before.end != mention.start or before.anaphoric or mention.anaphoric or not all(
            w in _NAME_SUFFIXES for w in words
        ):
            joined.append(mention)
            continue
        whole = sent.doc[before.start : mention.end].text
        known = gazetteer.lookup(whole)
        if known is not None:
            org = Org(known.name, whole)
        elif all(w in LEGAL_NAME_WORDS | {"group"} for w in words):
            org = before.org
        else:
            org = Org(gazetteer.canonical(whole), whole)
        joined[-1] = replace(before, end=mention.end, org=org, guessed=before.guessed and mention.guessed)
    return joined


def _letter_suffixes(mentions: list[OrgMention], sent: Span, gazetteer: Gazetteer) -> list[OrgMention]:
    """Join a name to a lone capital letter or digit after it, which the NER leaves out:
    "Allianz X", "SoftBank Vision Fund 2"."""
    doc = sent.doc
    joined = []
    for mention in mentions:
        after = doc[mention.end] if mention.end < sent.end else None
        if (
            after is not None and not mention.anaphoric and not mention.person
            and re.fullmatch(r"[A-Z1-9]", after.text) and doc[mention.end - 1].whitespace_
            and not any(m.start <= after.i < m.end for m in mentions)
            and (after.i + 1 >= sent.end or doc[after.i + 1].is_punct or not doc[after.i + 1].text[:1].isupper())
        ):
            whole = doc[mention.start : after.i + 1].text
            known = gazetteer.lookup(whole)
            mention = replace(mention, end=after.i + 1, org=Org(known.name if known else gazetteer.canonical(whole), whole))
        joined.append(mention)
    return joined


# Last words of the name of a company's investing or broking arm: "Samsung Catalyst Fund".
_ARM_WORDS = {"fund", "ventures", "capital", "securities", "investments", "partners", "infrastructure", "climate"}


def _investment_arms(mentions: list[OrgMention], sent: Span, gazetteer: Gazetteer) -> list[OrgMention]:
    """A company's name followed by capitalised words that end in "Fund", "Ventures" …
    names its investing arm, another organisation: "The OpenAI Startup Fund", "Samsung
    Securities", "SoftBank Vision Fund". The gazetteer matched only the company's name."""
    doc = sent.doc
    extended: list[OrgMention] = []
    for mention in mentions:
        end = mention.end
        while end < min(mention.end + 3, sent.end) and doc[end].pos_ in ("PROPN", "NOUN") and doc[end].text[:1].isupper():
            end += 1
        arm = next((e for e in range(end, mention.end, -1) if doc[e - 1].lower_ in _ARM_WORDS), None)
        if mention.anaphoric or mention.guessed or arm is None or any(
            o is not mention and not o.guessed and o.start < arm and o.end > mention.end for o in mentions
        ):
            extended.append(mention)
            continue
        whole = doc[mention.start : arm].text
        known = gazetteer.lookup(whole)
        extended.append(replace(mention, end=arm, org=Org(known.name if known else gazetteer.canonical(whole), whole)))
    kept = [m for m in extended if not any(o is not m and o.start <= m.start and m.end <= o.end and m.guessed for o in extended)]
    return kept


def _owner_prefix(name: str) -> str:
    """A name without a possessive place in front: "Abu Dhabi's MGX" is MGX.

    >>> _owner_prefix("Abu Dhabi's MGX"), _owner_prefix("Ontario Teachers' Pension Plan")
    ('MGX', "Ontario Teachers' Pension Plan")
    """
    match = re.match(r"^(?:[A-Z][\w.]*\s?)+['’]s\s+(?P<rest>[A-Z].*)$", name)
    return match.group("rest") if match else name


def _titled(ent: Span) -> bool:
    """Whether a name is followed by a job title ("X, the chief executive")."""
    doc = ent.doc
    window = doc[ent.end : min(ent.end + 6, ent.sent.end)]
    if len(window) > 1 and window[0].lower_ == "as" and any(t.lower_ in _TITLES for t in window[1:4]):
        return True  # "with Sridhar Ramaswamy as chief executive"
    return bool(window) and window[0].text == "," and any(t.lower_ in _TITLES for t in window)


def _title_before(ent: Span) -> bool:
    """Whether a name follows a job title ("its chief executive, Dario Amodei")."""
    before = ent.doc[max(ent.sent.start, ent.start - 4) : ent.start]
    return any(t.lower_ in _TITLES for t in before)


def _char_mention(sent: Span, start: int, end: int, org: Org) -> OrgMention | None:
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    return OrgMention(span.start, span.end, org, anaphoric=True) if span is not None else None


def find_mentions(sent: Span, gazetteer: Gazetteer, context: Context) -> list[OrgMention]:
    """Every organisation mention of ``sent``, in text order."""
    context.note_people(sent)
    mentions = [m for m in _name_mentions(sent, gazetteer) if not context.is_person(m, gazetteer)]
    text = sent.text
    lowered = text.lower()

    def free_of(m: OrgMention, other: OrgMention) -> bool:
        return m.end <= other.start or m.start >= other.end

    def free(m: OrgMention) -> bool:
        return all(free_of(m, o) for o in mentions)

    for epithet, name in gazetteer.epithets.items():
        for match in re.finditer(re.escape(epithet), lowered):
            found = _char_mention(sent, match.start(), match.end(), Org(name, text[match.start():match.end()]))
            if found is None:
                continue
            # "the Claude developer" wins over the product name inside it
            mentions = [m for m in mentions if free_of(m, found) or not (m.anaphoric or m.guessed)]
            if free(found):
                mentions.append(found)
    for surface, name in context.names.items():
        for match in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
            span = sent.doc.char_span(sent.start_char + match.start(), sent.start_char + match.end())
            if span is not None:
                found = OrgMention(span.start, span.end, Org(name, surface))
                if free(found):
                    mentions.append(found)
    mentions += [found for found in _proper_noun_mentions(sent, gazetteer) if free(found)]
    mentions += [found for found in _first_word_names(sent, context) if free(found)]
    mentions = _joined_suffixes(sorted(mentions, key=lambda m: m.start), sent, gazetteer)
    mentions = _letter_suffixes(mentions, sent, gazetteer)
    mentions = _investment_arms(mentions, sent, gazetteer)
    mentions = [_short_form(_described_as_org(m, sent), sent, context, gazetteer) for m in mentions]
    mentions = [m for m in mentions if not _described_as_person(m, sent, gazetteer) and not _names_hardware(m, sent, gazetteer)]
    # "Harvey's first backer", which the NER calls a person, after Harvey raised money
    mentions = [replace(m, guessed=False, person=False) if m.org.name in context.parties else m for m in mentions]
    mentions.sort(key=lambda m: m.start)
    for span, noun in _generic_phrases(sent):
        named_after = next((
            m for m in mentions
            if m.start == span.end and not m.anaphoric
            and (sent.doc[m.end - 1].head == span.root or span.root.head.i in range(m.start, m.end))
        ), None)  # fmt: skip
        if named_after is not None:
            context.described[noun] = named_after.org
            continue  # "the email security group Proofpoint": the name the words describe
        found = OrgMention(span.start, span.end, Org("", span.text), True)
        # "the San Francisco-based company", "the Foster City company": the place inside is
        # not a party (a name the gazetteer knows, "the Microsoft-backed lab", stays)
        mentions = [
            m for m in mentions
            if free_of(m, found) or not (m.guessed or gazetteer.lookup(m.org.name) is None)
        ]
        if not free(found):
            continue
        # "Honey Science, the Los Angeles start-up behind …": the name it stands beside; "Silo AI
        # is the third AI software business AMD has bought": the subject it describes
        described = [span.root.head] if span.root.dep_ == "appos" else []
        doc = sent.doc
        if described and span.start >= 2 and doc[span.start - 1].text == "," and doc[span.start - 2] in described[0].conjuncts:
            # "backers including CapitalG and Hedosophia, the London investment firm": the
            # parser hangs the description on the list's first name, not the nearest
            described = [doc[span.start - 2]]
        if not described and sent.start < span.start - 1 and span.end < sent.end and (
            doc[span.start - 1].text == "," and doc[span.end].text == "," and doc[span.start - 2].text[:1].isupper()
        ):
            described = [doc[span.start - 2]]  # an apposition by its commas, which the parser missed
        if not described and span.start >= sent.start + 2 and doc[span.start - 1].text == "," and any(
            m.start == sent.start and m.end == span.start - 1 and not m.anaphoric and not m.guessed for m in mentions
        ):
            # "8VC, the firm run by Palantir co-founder Joe Lonsdale, increased its holding": the
            # name that opens the sentence, whatever the parser made of its description
            described = [doc[span.start - 2]]
        apposed = bool(described) and described[0].i < span.start
        if span.root.dep_ == "attr" and span.root.head.lemma_ == "be":
            described = [c for c in span.root.head.children if c.dep_ == "nsubj"]
        named = [m for m in mentions for d in described if m.covers(d) and not m.anaphoric]
        if not named and apposed and not any(m.covers(described[0]) for m in mentions):
            head = described[0]
            if head.text[:1].isupper() and head.pos_ in ("PROPN", "ADJ", "NOUN"):
                # "Disruptive, the Dallas investment firm, took part": a name the NER missed,
                # which its apposition says is an organisation
                start = min([head.i, *(c.i for c in head.children if c.dep_ == "compound" and c.i < head.i)])
                name = sent.doc[start : head.i + 1]
                mentions.append(OrgMention(name.start, name.end, Org(gazetteer.canonical(name.text), name.text)))
                mentions.sort(key=lambda m: m.start)
                continue
        if named and apposed:
            context.described[noun] = named[0].org  # "Bertelsmann, the German media group"
        target = named[0].org if named else _generic_target(span, noun, mentions, context)
        if target is not None:
            mentions.append(OrgMention(span.start, span.end, Org(target.name, span.text), True))
    for token in sent:
        if token.lower_ in ("his", "her") and token.dep_ == "poss":
            owner = _pronoun_target(token, mentions, people=True)
            if owner is not None:  # "Elon Musk has completed his takeover of Twitter"
                mentions.append(OrgMention(token.i, token.i + 1, Org(owner.name, token.text), True))
            continue
        if token.lower_ not in _PRONOUNS or token.dep_ in ("expl",) or token.text == "IT":
            continue  # ("critical IT load": information technology)
        # "Anthropic, the Claude developer in which it has invested": "it" is not the noun its
        # relative clause describes, nor the name that noun stands in apposition to
        own_heads = [a.head for a in token.ancestors if a.dep_ == "relcl"]
        described = {m.org.name for m in mentions for h in own_heads if m.covers(h)}
        named_before = [
            m for m in mentions
            if m.end <= token.i and not m.anaphoric and not m.person and m.org.name not in described
            and not _quoted(sent, m)
        ]
        buying = token.dep_ == "nsubj" and any(  # "it bought", "it agreed to buy"
            v.lemma_.lower() in _BUYING_VERBS for v in [token.head, *(c for c in token.head.children if c.dep_ == "xcomp")]
        )
        target = (
            _subject_before_colon(token, mentions)
            or _valued_by_its_round(token, mentions)
            or _round_owner(token, mentions, context)
            or (context.buyer() if buying and not named_before else None)
            # "The Terraform maker is IBM's largest purchase since it bought Red Hat": IBM
            or (_deal_owner(sent, mentions) if token.head != sent.root else None)
            or _not_own_subject(_pronoun_target(token, mentions), token, mentions)
            or (_not_own_subject(named_before[-1].org, token, mentions) if named_before and token.dep_ != "poss" else None)
            or context.salient()
        )
        if target is not None:
            mentions.append(OrgMention(token.i, token.i + 1, Org(target.name, token.text), True))
    return sorted((m for m in mentions if not _describes_people(sent.doc[m.end - 1])), key=lambda m: m.start)


_HOLDING_NOUNS = {"stake", "stakes", "share", "shares", "holding", "interest", "investment"}


def _holding_in(token: Token) -> bool:
    """Whether a word is what a holding is "in": "new shares in Galapagos", "a stake in X"."""
    return token.dep_ == "pobj" and token.head.lower_ == "in" and token.head.head.lower_ in _HOLDING_NOUNS


def _subject_before_colon(pronoun: Token, mentions: list[OrgMention]) -> Org | None:
    """ "The Silicon Valley venture firm has been with Cerebras from the start: it led the
    company's Series A": after a colon, "it" as a subject is the subject before the colon."""
    sent = pronoun.sent
    if pronoun.lower_ != "it" or pronoun.dep_ != "nsubj":
        return None
    colon = next((t for t in sent if t.text == ":" and t.i < pronoun.i), None)
    if colon is None or any(t.pos_ in ("VERB", "AUX") for t in sent.doc[colon.i + 1 : pronoun.i]):
        return None
    subjects = [t for t in sent.doc[sent.start : colon.i] if t.dep_ == "nsubj"][:1]
    found = [m for m in mentions if any(m.covers(s) for s in subjects) and not m.person]
    return found[0].org if found else None


# Verbs whose object is the one supplied: "Nvidia will supply it with 18,000 chips".
_SUPPLYING_VERBS = {"supply", "provide", "furnish", "equip"}


def _not_own_subject(target: Org | None, pronoun: Token, mentions: list[OrgMention]) -> Org | None:
    """The target, unless "it" is what the target put money "in" or "into", or whom the target
    supplies: in "Ford poured $500m into it" and "Nvidia will supply it with chips", "it" is
    not Ford or Nvidia (that would be "itself")."""
    if target is None or pronoun.lower_ != "it":
        return target
    supplied = pronoun.dep_ in ("dobj", "dative") and pronoun.head.lemma_.lower() in _SUPPLYING_VERBS
    if not supplied and (pronoun.dep_ != "pobj" or pronoun.head.lower_ not in ("in", "into")):
        return target
    verb = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return target
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(m.org.name == target.name and m.covers(s) for m in mentions for s in subjects):
        return None
    return target


# People named by where they work or worked: "two former Google DeepMind researchers".
_PEOPLE_NOUNS = {
    "researcher", "alumnus", "alumni", "employee", "engineer", "executive", "veteran", "scientist",
    "staffer", "worker", "official", "founder", "co-founder", "manager", "insider", "lawyer", "banker",
}  # fmt: skip


def _describes_people(token: Token) -> bool:
    """Whether a name only says where some people used to work ("two former Google DeepMind
    researchers", "DeepMind alumni"): that organisation is no party to what the sentence
    reports, and no referent for "it". ("Arm employees will be given …" is about Arm.)"""
    head = token.head
    if token.dep_ not in ("compound", "nmod", "amod") or head.i < token.i or head.lemma_.lower() not in _PEOPLE_NOUNS:
        return False
    return head.lower_ in ("alumni", "alumnus", "veteran", "veterans") or any(
        c.lower_ in ("former", "ex") for c in head.children
    )


# "the combined company", "the enlarged group": no organisation that exists yet
_NOT_YET_FORMED = {"combined", "merged", "enlarged", "joint"}
_MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "PUNCT", "NUM", "ADV", "X", "SYM"}


def hyphenated(token: Token) -> str:
    """The lowercased word a token ends, rejoined where the tokenizer split it at a hyphen:
    "start-up" for the "up" of "start", "-", "up"."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":
        return doc[token.i - 2 : token.i + 1].text.lower()
    return token.lower_


def _generic_phrases(sent: Span) -> list[tuple[Span, str]]:
    """Noun phrases such as "the company", "the Swedish buy-now, pay-later lender" or "the
    San Francisco-based start-up": "the", up to six modifiers, a noun of ``GENERIC_NOUN``.
    Read by word order and part of speech, which survive the parses the small model gets
    wrong on long modifier chains."""
    found = []
    for token in sent:
        noun, first = token.lower_, token.i
        if token.i + 1 < sent.end and f"{noun} {sent.doc[token.i + 1].lower_}" in _NOUN_SECTORS:
            continue  # "chip maker": the phrase ends at "maker"
        two = f"{sent.doc[token.i - 1].lower_} {noun}" if token.i > sent.start else ""
        if two in _NOUN_SECTORS:
            noun = two
        elif token.i - 2 >= sent.start and hyphenated(token) in ("start-up", "start-ups"):
            noun, first = "start-up", token.i - 2
        elif not GENERIC_NOUN.fullmatch(noun) or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ == "compound" and token.head.i > token.i and token.head.pos_ == "PROPN":
            continue  # "The OpenAI Startup Fund": part of a name
        for start in range(first - 1, max(sent.start, first - 10) - 1, -1):
            word = sent.doc[start]
            if word.lower_ in ("the", "this", "that") and word.pos_ in ("DET", "PRON", "SCONJ"):
                phrase = sent.doc[start : token.i + 1]
                if not any(t.lower_ in _NOT_YET_FORMED for t in phrase):
                    found.append((phrase, noun))
                break
            if word.text in ("'s", "’s") and start > sent.start and sent.doc[start - 1].ent_type_ == "PERSON":
                # "Masayoshi Son's group", "Elon Musk's rocket company": the company a person runs
                owner = start - 1
                while owner > sent.start and sent.doc[owner].ent_iob_ == "I":
                    owner -= 1
                found.append((sent.doc[owner : token.i + 1], noun))
                break
            # ("based" in "the New York-based company" is a participle; "the oil and gas company")
            modifier = (
                word.pos_ in _MODIFIER_POS
                or (word.dep_ == "amod" and word.tag_ in ("VBN", "VBG"))
                or (word.lower_ == "and" and start - 1 > sent.start and sent.doc[start - 1].pos_ in ("NOUN", "ADJ"))
            )
            if not modifier or word.lower_ in ("a", "an", "its", "their"):
                break
    return found


def _clause_subjects(span: Span, mentions: list[OrgMention]) -> set[str]:
    """Organisations that are the subject of the clause a phrase stands in."""
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return set()
    if (
        verb.dep_ == "xcomp" and verb.lemma_.lower() not in _BUYING_VERBS
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    ):
        # "Microsoft agreed to invest $5bn in the company", "Google has agreed to make a $1bn
        # investment in the Chicago-based company": who agreed to do it. (Not "agreed to buy
        # the Tokyo-based company": measured on corpus/dev, the company named most often
        # instead was as often the seller as the target.)
        verb = verb.head
    names = set()
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.i < span.start:
            if verb.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS:
                child = verb.head  # "Amazon, which has invested $8bn in the company"
            heads = [child, *child.conjuncts]
            names |= {m.org.name for m in mentions for h in heads if m.covers(h)}
    return names


def _generic_target(span: Span, noun: str, mentions: list[OrgMention], context: Context) -> Org | None:
    """What "the company" (or "the investor", "the chipmaker" …) points back to.

    An organisation named earlier in the same sentence comes first, unless it is the subject
    of the clause the phrase sits in ("Broadcom put a value on the software maker" is not
    about Broadcom); then what the text was about before.
    """
    if noun in _INVESTOR_NOUNS:
        return context.investor()
    if noun in ("firm", "house", "group") and any(t.lower_ in _INVESTING_KINDS for t in span) and context.investor() is not None:
        return context.investor()  # "The Silicon Valley venture firm", after a list of investors
    if noun in ("buyer", "acquirer") and context.acquirer() is not None:
        return context.acquirer()  # "The buyer is much bigger still"
    if span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in _INVESTING_VERBS:
        # "The company has poured $13bn into OpenAI": whoever invests is an investor; "the
        # chipmaker would invest £500m" is an investor that makes chips
        sectors = _NOUN_SECTORS.get(noun)
        investor = context.investor(sectors)
        if investor is None and sectors is not None:
            fitting = [m.org for m in mentions if m.end <= span.start and not m.anaphoric and context._fits(m.org, sectors)]
            investor = fitting[-1] if fitting else None
        if investor is not None:
            return investor
    reported = _reported_subject(span, mentions)
    if reported is not None:
        return reported  # "Cipher has signed AWS to a lease, the company said": Cipher
    previous = context.last_subject
    named_before = [m for m in mentions if m.end <= span.start and not m.anaphoric and not m.guessed]
    if span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in _BUYING_VERBS and not named_before:
        # "Last year the company paid $6.5bn for MuleSoft": whoever buys is a buyer. But "Shire
        # is itself the product of acquisitions. The rare-disease specialist snapped up
        # Baxalta": the company the previous sentence was about, when it was the subject
        # An investor is rarely "the company", unless the previous sentence said whose deal it
        # was: "The deal is Microsoft's biggest bet on AI. The company bought GitHub …"
        if previous is not None and not is_public_body(previous.name) and (
            previous.name not in context.investors or context.last_owner
        ):
            return previous
        acquirer = context.acquirer()
        if acquirer is not None:
            return acquirer
    described = _described_before(span, noun, context)
    if described is not None:
        return described
    valued = _raiser_of_valued(span, mentions) or _bought_in_valuing_deal(span, mentions)
    if valued is not None:
        return valued
    valuing = span.root.head
    if span.root.dep_ == "dobj" and valuing.lemma_.lower() == "value" and context.investees and any(
        # ("The Series D values the San Francisco company at $13.4bn")
        c.dep_ == "nsubj" and (c.lemma_.lower() in _ROUND_WORDS or _SERIES.match(span.doc[c.left_edge.i : c.i + 1].text))
        for c in valuing.children
    ):
        # "The financing values the company at roughly $2.6bn": whoever raised it
        raised = next((o for o in reversed(context.recent) if o.name == context.investees[-1]), None)
        if raised is not None:
            return raised
    sectors = _NOUN_SECTORS.get(noun)
    subject_like = span.root.dep_ in ("nsubj", "nsubjpass") or (
        span.root.dep_ == "poss" and span.root.head.dep_ in ("nsubj", "nsubjpass")  # "The company's record"
    )
    if subject_like and span.root.head.dep_ in ("advcl", "relcl", "ccomp", "conj"):
        # "For Blackstone the purchase extends a push that began when the firm snapped up QTS":
        # in a subordinate clause, a name earlier in the sentence comes before the last one
        clause_subjects = _clause_subjects(span, mentions)
        for mention in reversed(named_before):
            if mention.org.name not in clause_subjects and context._fits(mention.org, sectors) and not (
                is_public_body(mention.org.name)
            ):
                return mention.org
    if (
        subject_like
        and previous is not None
        and previous.name not in context.investors
        and not is_public_body(previous.name)
        and context._fits(previous, sectors)
    ):
        return previous  # "Mellanox … makes interconnects. The company reported revenue …"
    clause_subjects = _clause_subjects(span, mentions)
    # names, and epithets the gazetteer resolved ("The Claude developer committed …, and
    # Microsoft agreed to invest $5bn in the company"), not pronouns
    before = [m for m in mentions if m.end <= span.start and (not m.anaphoric or span.doc[m.start].lower_ == "the")]
    for mention in reversed(before):
        if mention.org.name in clause_subjects or mention.org.name in context.investors:
            continue
        if context._fits(mention.org, sectors):
            return mention.org
    return context.company(sectors, exclude=frozenset(clause_subjects))


def _described_before(span: Span, noun: str, context: Context) -> Org | None:
    """The organisation whose name holds a word the phrase describes it by ("Wm Morrison
    Supermarkets" … "the supermarket group"), or that the text earlier called by the
    phrase's bare noun ("the German media group Bertelsmann" … "The group"; but not "the chip
    equipment maker" after "Kokusai, the Japanese maker of wafer-processing equipment"). Not
    for "the company", which any company is."""
    if noun == "company":
        return None
    words = {t.lemma_.lower() for t in span if t.pos_ == "NOUN" and t.i != span.root.i}
    if words:
        for org in reversed(context.recent):
            if words & {w.lower().rstrip("s") for w in org.name.split()}:
                return org
        return None
    return context.described.get(noun) if len(span) == 2 else None


_REPORTING_VERBS = {"say", "announce", "confirm", "disclose", "report", "state"}


def _reported_subject(span: Span, mentions: list[OrgMention]) -> Org | None:
    """The subject of the clause a trailing "…, the company said" reports on."""
    verb = span.root.head
    if span.root.dep_ != "nsubj" or verb.lemma_.lower() not in _REPORTING_VERBS or verb.i < span.start:
        return None
    for clause in verb.children:
        if clause.dep_ == "ccomp" and clause.i < span.start:
            for child in clause.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    named = [m for m in mentions if m.covers(child) and not m.anaphoric and not m.person]
                    if named:
                        return named[0].org
    return None


def _bought_in_valuing_deal(span: Span, mentions: list[OrgMention]) -> Org | None:
    """What "the company" means in "88 per cent of AirTrunk was acquired by …, in a deal that
    valued the company at A$3bn": the company bought."""
    valuing = span.root.head
    if span.root.dep_ != "dobj" or valuing.lemma_.lower() != "value" or valuing.dep_ not in ("relcl", "acl"):
        return None
    for verb in span.sent:
        if verb.lemma_.lower() not in _BUYING_VERBS or verb.pos_ != "VERB":
            continue
        for bought in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
            inside = [m for m in mentions if bought.left_edge.i <= m.start and m.end <= bought.right_edge.i + 1]
            named = [m for m in inside if not m.anaphoric and not m.person]
            if named:
                return named[0].org
    return None


def _raiser_of_valued(span: Span, mentions: list[OrgMention]) -> Org | None:
    """What "the company" means in "Cohere raised $500m in a round led by PSP Investments,
    valuing the company at $5.5bn": whoever raised the money, not the investor named last."""
    valuing = span.root.head
    if span.root.dep_ != "dobj" or valuing.lemma_.lower() != "value" or valuing.tag_ != "VBG":
        return None
    if valuing.head.lemma_.lower() not in RAISING_VERBS:
        return None
    for child in valuing.head.children:
        if child.dep_ != "nsubj":
            continue
        if child.lower_ in _PRONOUNS:  # "Cohere said it had raised …"
            return _pronoun_target(child, mentions)
        return next((m.org for m in mentions if m.covers(child) and not m.person), None)
    return None


_NOT_NAME_POS = {"PRON", "DET", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "NUM", "VERB", "ADV"}


def _capitalised_name(token: Token) -> bool:
    """A capitalised word the NER left alone that may be part of a name: "Splunk" (which the
    tagger calls a noun), "MosaicML", "One" in "One Medical". A sentence's first word counts
    only as a proper noun, and an all-capitals dateline ("WALTHAM, Mass. —") not at all."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.like_num and token.whitespace_ and following is not None and following.lower_ in _NAME_SUFFIXES:
        return following.text[:1].isupper()  # "1789 Capital", which the NER calls a date
    if token.ent_type_ == "DATE" and not _misread_date(token):
        return False
    if token.ent_type_ not in ("", "CARDINAL", "DATE") or not token.text[:1].isupper() or not token.text[:1].isalpha():
        return False
    if re.fullmatch(r"[A-Z]{2,}s", token.text):
        return False  # a plural abbreviation: "PPAs", "GPUs", "CEOs"
    if token.is_stop or token.pos_ == "NUM":
        # "One Medical": a capitalised number or stop word may open a name; "In-Q-Tel" too
        if following is not None and following.text == "-" and not token.whitespace_:
            return True
        return bool(following is not None and following.text[:1].isupper() and not token.is_sent_start)
    if token.is_sent_start and token.is_upper and following is not None and following.text == ",":
        return False
    if token.is_sent_start or (token.i > 0 and token.doc[token.i - 1].text in ("\n", "\n\n", ":", '"', "“")):
        # "Poolside, a start-up building AI models, …": the tagger took the name for an adverb
        return token.pos_ == "PROPN" or described_as_company(token)
    return token.pos_ not in _NOT_NAME_POS


_DATE_WORD = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|spring|summer|autumn|fall|winter"
    r"|christmas|easter|today|yesterday|tomorrow|q[1-4]|h[12]|fy|the|this|last|next|early|late|mid|end|year|month|week|day|decade|quarter)",
    re.IGNORECASE,
)


def _misread_date(token: Token) -> bool:
    """Whether a word the NER called a date is a name: "TeraWulf, a bitcoin miner" has no
    digit and no date word, and capitals inside it or a description as a company."""
    if any(c.isdigit() for c in token.text) or _DATE_WORD.match(token.text):
        return False
    return any(c.isupper() for c in token.text[1:]) or described_as_company(token)


def _proper_noun_mentions(sent: Span, gazetteer: Gazetteer) -> list[OrgMention]:
    """Runs of proper nouns the NER left unlabelled ("Splunk", "Wiz"): possible
    organisations, trusted only in a role's own syntactic slot."""
    found = []
    run: list[Token] = []
    for token in [*sent, None]:
        if token is not None and _capitalised_name(token):
            run.append(token)
            continue
        if (
            token is not None and run and token.text == "-" and not run[-1].whitespace_
            and token.i + 1 < sent.end and sent.doc[token.i + 1].pos_ == "PROPN"
        ):
            run.append(token)  # "Metro-Goldwyn-Mayer"
            continue
        if run:
            text = sent.doc[run[0].i : run[-1].i + 1].text
            if (
                _bare(text) not in _NOT_ORGS
                and sum(c.isalpha() for c in text) >= 2
                and not _MODEL_NUMBER.match(text)
                and not _SERIES.match(text)
            ):
                found.append(OrgMention(run[0].i, run[-1].i + 1, Org(gazetteer.canonical(text), text), guessed=True))
        run = []
    return found


def described_as_company(token: Token) -> bool:
    """Whether the text calls a name a company in apposition: "DeepL, the company behind the
    translator", "Inphi, a Santa Clara designer of chips"."""
    if any(c.dep_ == "appos" and GENERIC_NOUN.fullmatch(c.lower_) for c in token.children):
        return True
    if any(
        c.dep_ == "relcl" and c.lemma_.lower() in _BUSINESS_VERBS
        and any(s.dep_ == "nsubj" and s.lower_ in ("which", "that") for s in c.children)
        for c in token.children
    ):
        return True  # "PayFit, which sells payroll software to small companies": no place sells
    # By word order, where the parse went wrong: "Poolside, a start-up building AI models"
    doc = token.doc
    if token.i + 2 >= len(doc) or doc[token.i + 1].text != "," or doc[token.i + 2].lower_ not in ("a", "an", "the"):
        return False
    words = [t.lower_ for t in doc[token.i + 3 : min(token.i + 9, len(doc))]]
    return any(GENERIC_NOUN.fullmatch(w) for w in words) or "start" in words[:4]


def _first_word_names(sent: Span, context: Context) -> list[OrgMention]:
    """A subject written with the first word of exactly one name the text gave in full:
    "Generation followed in December 2021" after "Generation Investment Management" (a word
    the tagger takes for a common noun at the start of a sentence)."""
    found = []
    for token in sent:
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if (
            token.dep_ not in ("nsubj", "nsubjpass") or not token.text[:1].isupper() or token.is_stop
            or (following is not None and following.text[:1].isupper())
        ):
            continue
        names = {name for surface, name in context.names.items() if surface.startswith(token.text + " ")}
        if len(names) == 1:
            found.append(OrgMention(token.i, token.i + 1, Org(names.pop(), token.text)))
    return found


def _described_as_org(mention: OrgMention, sent: Span) -> OrgMention:
    """A name the NER missed or called a person or place is an organisation when the text
    says so in apposition."""
    if not (mention.guessed or mention.person) or mention.anaphoric:
        return mention
    if described_as_company(sent.doc[mention.end - 1]):
        return replace(mention, guessed=False, person=False)
    return mention


# Jobs an apposition gives a person: "Guillaume Pousaz, the Swiss-born founder and chief executive".
_JOB_NOUNS = {
    "founder", "co-founder", "cofounder", "executive", "chairman", "chairwoman", "chairperson", "president",
    "ceo", "boss", "cto", "cfo", "chief",
}  # fmt: skip


def _described_as_person(mention: OrgMention, sent: Span, gazetteer: Gazetteer) -> bool:
    """Whether a name the gazetteer does not know is a person's, the text giving it a job in
    apposition, whatever the NER called it: "Guillaume Pousaz, the Swiss-born founder and chief
    executive, said …" (no organisation, so "the company" never points back to him)."""
    if mention.anaphoric or gazetteer.lookup(mention.org.name) is not None:
        return False
    last = sent.doc[mention.end - 1]
    while last.dep_ == "compound" and last.head.i > last.i and last.head.pos_ == "PROPN":
        last = last.head  # "Vlad" of "Vlad Tenev, the founder …", the NER having split the name
    jobs = [c for c in last.children if c.dep_ == "appos" and c.lemma_.lower() in _JOB_NOUNS]
    return bool(jobs) and not described_as_company(last)


# What a chip or system name the NER takes for a company names: "the Grace Blackwell systems".
_HARDWARE_NOUNS = {
    "chip", "chips", "superchip", "superchips", "system", "systems", "processor", "processors", "gpu", "gpus",
    "server", "servers", "accelerator", "accelerators", "rack", "racks", "cluster", "clusters", "supercomputer",
    "supercomputers",
}  # fmt: skip


def _names_hardware(mention: OrgMention, sent: Span, gazetteer: Gazetteer) -> bool:
    """Whether a name the gazetteer does not know only names hardware: "the Grace Blackwell
    systems will fill 40 megawatts", "18,000 Grace Blackwell superchips"."""
    if mention.anaphoric or gazetteer.lookup(mention.org.name) is not None:
        return False
    last = sent.doc[mention.end - 1]
    return last.dep_ == "compound" and last.head.i >= mention.end and last.head.lower_ in _HARDWARE_NOUNS


def _quoted(sent: Span, mention: OrgMention) -> bool:
    """ "a wave of "Zoombombing" incidents": a word in quotation marks is a coinage, not a party."""
    doc = sent.doc
    before = doc[mention.start - 1].text if mention.start > sent.start else ""
    after = doc[mention.end].text if mention.end < sent.end else ""
    return before in ('"', "“", "'", "‘") and after in ('"', "”", "'", "’")


def initials_of(short: str, name: str) -> bool:
    """Whether ``short`` is ``name`` by its initials, perhaps with a legal form's letter after
    them: "SSI" for "Safe Superintelligence" (Inc.), "TSMC" for "Taiwan Semiconductor
    Manufacturing Company"."""
    initials = "".join(word[0] for word in name.split() if word[:1].isalpha()).upper()
    if len(initials) < 2 or not short.isupper():
        return False
    return short == initials or (short[: len(initials)] == initials and short[len(initials) :] in ("I", "C", "L"))


def _short_form(mention: OrgMention, sent: Span, context: Context, gazetteer: Gazetteer) -> OrgMention:
    """A short name is the organisation the text named in full before: "Tableau" after
    "Tableau Software" (a one-word name the NER called a person or missed), "Vista" after
    "Vista Equity Partners", "Thrive" after "Thrive Capital" (a name the gazetteer does not
    know, the start of exactly one longer firm's name seen before), "SSI" after "Safe
    Superintelligence" (its initials)."""
    if mention.anaphoric:
        return mention
    text = sent.doc[mention.start : mention.end].text
    if (mention.guessed or mention.person) and mention.end - mention.start == 1:
        for surface, name in context.names.items():
            if surface.startswith(text + " "):
                return OrgMention(mention.start, mention.end, Org(name, text))
        if not text.isupper():
            return mention
    if mention.person or gazetteer.lookup(text) is not None or mention.org.name != text:
        return mention
    if text.isupper() and " " not in text:
        # "SSI" after "Safe Superintelligence": the one earlier name it abbreviates
        spelled = {name for name in context.names.values() if initials_of(text, name)}
        if len(spelled) == 1:
            return replace(mention, org=Org(spelled.pop(), text))
        return mention
    longer = {
        name for surface, name in context.names.items()
        if surface.startswith(text + " ")
        and all(w.lower() in _FIRM_WORDS for w in surface[len(text) + 1 :].split())
    }  # fmt: skip
    if len(longer) == 1:
        return replace(mention, org=Org(longer.pop(), text))
    return mention


_ROUND_WORDS = {"round", "investment", "funding", "financing", "raise"}


def _round_owner(pronoun: Token, mentions: list[OrgMention], context: Context) -> Org | None:
    """Whose round "its" means in "Tiger Global and Insight Partners led its largest round":
    not the investors leading it, but the previous sentence's subject."""
    noun = pronoun.head
    if pronoun.dep_ != "poss" or noun.lemma_.lower() not in _ROUND_WORDS or noun.dep_ != "dobj":
        return None
    leaders = {
        m.org.name for m in mentions for c in noun.head.children if c.dep_ == "nsubj"
        for t in [c, *c.conjuncts] if m.covers(t)
    }
    previous = context.last_subject  # "Run:ai was backed by venture investors. X and Y led its round"
    if not leaders or previous is None or previous.name in leaders:
        return None
    return previous


def named_by_whose(pronoun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Who "whose" means: the name just before it ("its rival Anduril, whose $1.48bn Series E
    valued it at $8.48bn"), wherever the parser hung the relative clause."""
    doc = pronoun.doc
    end = pronoun.i - 1 if pronoun.i > 0 and doc[pronoun.i - 1].text == "," else pronoun.i
    return [m for m in mentions if m.end == end and not m.anaphoric][:1]


def _valued_by_its_round(pronoun: Token, mentions: list[OrgMention]) -> Org | None:
    """What "it" means in "an investment in the company that valued it at $7bn": the
    company the round is in, not the investor that led it."""
    verb = pronoun.head
    if pronoun.dep_ != "dobj" or verb.lemma_.lower() != "value":
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    for subject in (c for c in subjects if c.lemma_.lower() in _ROUND_WORDS or any(g.lower_ == "series" for g in c.children)):
        # "Anduril, whose $1.48bn Series E valued it at $8.48bn": the round's owner
        whose = next((c for c in subject.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
        named = named_by_whose(whose, mentions) if whose is not None else []
        if named:
            return named[0].org
    if verb.dep_ != "relcl":
        return None
    for noun in [verb.head, *verb.head.ancestors]:
        if noun.lemma_.lower() not in _ROUND_WORDS:
            continue
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "for", "into"):
                for mention in mentions:
                    if any(mention.covers(o) for o in child.children if o.dep_ == "pobj"):
                        return mention.org
        # "it pulled in €385m in a round led by X, a deal that valued it at $2bn": whoever
        # raised the round
        raiser = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
        if raiser is not None:
            for child in raiser.children:
                if child.dep_ == "nsubj":
                    for mention in mentions:
                        if mention.covers(child) and not mention.person:
                            return mention.org
        return None
    return None


def _pronoun_target(pronoun: Token, mentions: list[OrgMention], people: bool = False) -> Org | None:
    """The subject organisation of a clause that governs the pronoun, if any.

    "Amazon said it would invest": "it" hangs under "invest", whose head "said" has the
    subject Amazon.
    """
    doc = pronoun.doc
    clause = next((a for a in pronoun.ancestors if a.pos_ in ("VERB", "AUX")), None)
    for head in pronoun.ancestors:
        # "It paid $1.4bn for K2M, and it closed a purchase of Entellus": the subject of the
        # first of two joined clauses is the second's, even when it is itself a pronoun
        # (and its "its": "It paid $11.9bn for Kite, and completed its takeover of Forty Seven")
        parallel = clause is not None and clause.dep_ == "conj" and clause.head == head and (
            pronoun.head == clause or not any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
        )
        for child in head.children:
            lo, hi = sorted((child.i, pronoun.i))
            if any(t.text == ";" for t in doc[lo:hi]):
                continue  # "In September it signed …; Nebius said …": another clause's subject
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != pronoun.i:
                for mention in mentions:
                    # a name, or a phrase already resolved ("the ChatGPT maker said it had
                    # raised …"), but not another pronoun
                    named = parallel or not mention.anaphoric or doc[mention.start].lower_ not in _PRONOUNS
                    # "Zimmer wrapped up its acquisition of Biomet": what "its" owns is no person,
                    # whatever the NER called the subject
                    owner = pronoun.lower_ == "its" and mention.guessed
                    if mention.covers(child) and named and (people or not mention.person or owner):
                        return mention.org
                # "The software company's previous record was …, and in 2016 it bought NetSuite":
                # the subject's owner
                owners = [g for g in child.children if g.dep_ == "poss" and g.lower_ not in _PRONOUNS]
                for mention in mentions:
                    if any(mention.covers(o) for o in owners) and not mention.person:
                        return mention.org
    return None
