"""Deal facts from a parsed Doc: one reading per quantity mention, then consolidation.

For each money or power mention the rules ask three questions, in this order:

1. **What kind of fact is it?** The nearest cue word in the dependency tree decides
   (``valuation`` → Valuation, ``revenue`` → Revenue, ``acquire`` → Acquisition, ``invest`` /
   ``stake`` → Investment, ``spend`` → CloudCommitment; for power, ``compute``/``secure``/
   ``deploy`` → ComputeCommitment). Money that is a share price, a market value or far from any
   cue is no fact. Cues like "deal" or "bet" only confirm a figure already read elsewhere
   (:mod:`pipeline.cues`).
2. **Is it asserted?** Rumours, talks, plans, hypotheticals, denials, estimates and projections
   are dropped (:func:`pipeline.modality.is_asserted`).
3. **Who plays each role?** Subjects, objects, prepositions, possessives and compounds around
   the cue (:mod:`pipeline.roles`), with "it"/"the company" resolved by :mod:`pipeline.orgs`.
   Investors named in a clause without the figure are read by :mod:`pipeline.participants`.

:mod:`pipeline.consolidate` then merges repeated mentions, finds tranches and fills roles an
article states only once.

This module holds the readers of each fact type and :class:`DealRelations`, the spaCy
component that runs them over a Doc.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.cues import (
    CLOUD_CONTEXT,
    COMPUTE_CONTEXT,
    COMPUTE_CUES,
    FUNDING_NOUNS,
    HOLDINGS,
    INVESTOR_PREPS,
    INVESTOR_WORDS,
    LEAD_VERBS,
    LENDING,
    LOSSES,
    MARKET_VALUE,
    MARKET_VALUE_FLOOR,
    MONEY_CUES,
    MULTI_VALUED_ROLES,
    PRIORITY,
    PROVIDER_PREPS,
    ROUND_NOUNS,
    UNITS_PER_DOLLAR,
    WEAK_CUES,
    adjacent_noun,
    classify_money,
    cue_applies,
    cue_words,
    dep_distance,
    find_weak_cue,
    is_price_or_market_value,
    is_series,
    lemma_of,
)
from pipeline.gazetteer import Gazetteer
from pipeline.modality import (
    CONTRACT_NOUNS,
    MODALS,
    NOT_YET_DONE,
    is_asserted,
)
from pipeline.model import Amount, Capacity, Duration, Evidence, Fact, Org, QuantityMention, adding_up_to
from pipeline.name_lists import listed_names
from pipeline.org_names import NameMatcher, OrgGazetteer, mark_names
from pipeline.orgs import (
    GENERIC_NOUN,
    RAISING_VERBS,
    RELATIVE_PRONOUNS,
    Context,
    OrgMention,
    find_mentions,
    hyphenated,
    is_public_body,
)
from pipeline.participants import (
    among_the_investors,
    names_round,
    people_named,
    round_participants,
)
from pipeline.roles import (
    GROUP_NOUNS,
    RoleReader,
    agent_orgs,
    backing_from,
    compound_orgs,
    direct_orgs,
    joined_in_backing,
    money_from_investors,
    noun_chain,
    orgs_under,
    owner_in_description,
    possessor_orgs,
    prep_orgs,
    subject_orgs,
    subject_up,
)


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


def _investment(reader: RoleReader, cue: Token, root: Token) -> dict[str, list[OrgMention]]:
    lemma = lemma_of(cue)
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
            investee, _ = subject_orgs(cue, reader.mentions)
            investors = prep_orgs(cue, {"from"}, reader.mentions) + agent_orgs(cue, reader.mentions)
            for token in cue.subtree:
                # "raised $120 million in a round led by Northwind Ventures"
                if token != cue and (names_round(token) or token.dep_ == "dobj"):
                    investors += [m for m in agent_orgs(token, reader.mentions) if m not in investors]
                    if names_round(token):  # "raised $1bn in a round from Google and Fidelity"
                        investors += [m for m in prep_orgs(token, {"from"}, reader.mentions) if m not in investors]
                        investors += [m for m in _brought_in(token, reader.mentions) if m not in investors]
                split_co_led = token.dep_ == "conj" and token.i >= 2 and token.doc[token.i - 2].lower_ == "co"
                if token.head == cue and (token.dep_ == "advcl" or split_co_led) and lemma_of(token) in ("lead", "co-lead"):
                    # "raised $80m in a Series B co-led by X and Y", the tagger having split "co-led"
                    investors += [m for m in agent_orgs(token, reader.mentions) if m not in investors]
            investors += [m for m in among_the_investors(cue.sent, reader.mentions) if m not in investors]
            investors += [m for m in backing_from(cue, reader.mentions) if m not in investors]
            investors += [m for m in money_from_investors(cue, reader.mentions) if m not in investors]
            subordinate = any(c.dep_ == "mark" for c in cue.children) and any(c.dep_ == "nsubj" for c in cue.children)
            if not investee:
                investee = reader.bare_name_subject(cue)
            if not investee and not subordinate:
                # A misparse left "raised" without a subject ("DeepL, the company behind the
                # DeepL Write editor, has raised …"): whoever raises is named before the verb.
                # Not in a clause of its own whose subject names no one: "Sequoia returns as
                # the lawyers' copilot raises $100m".
                investee = reader._first_before(cue, investors)
            # "raised $800m from three of its existing shareholders": not from itself
            raisers = {m.org.name for m in investee}
            investors = [m for m in investors if m.org.name not in raisers]
            if investors:
                investors += _also_in_round(reader, cue, investors + investee)
            return {"investor": investors, "investee": investee}
        # "a $1.1bn funding round for CoreWeave": the roles hang from "round", not "funding"
        noun = cue.head if cue.dep_ == "compound" and lemma_of(cue.head) in ROUND_NOUNS else cue
        investors = agent_orgs(noun, reader.mentions) + prep_orgs(noun, {"from"}, reader.mentions)
        beside = noun.head if noun.dep_ == "appos" and lemma_of(noun.head) in ROUND_NOUNS else None
        if beside is not None and beside.dep_ == "nsubjpass" and lemma_of(beside.head) in LEAD_VERBS:
            # "Mistral AI's previous round, a €385m Series A, was led by Andreessen Horowitz"
            investors += [m for m in agent_orgs(beside.head, reader.mentions) if m not in investors]
        # "closed a $675m round with investment from X, Y and Z"
        investors += [m for m in backing_from(reader._verb_of(noun), reader.mentions) if m not in investors]
        investors += [m for m in _brought_in(noun, reader.mentions) if m not in investors]
        for other in cue.doc[noun.i + 1 : min(noun.i + 5, cue.sent.end)]:
            if not investors and lemma_of(other) == "round":
                # "$126m of seed funding, a round led by Redpoint", the apposition misparsed
                investors = agent_orgs(other, reader.mentions)
            if not investors and lemma_of(other) in ("lead", "co-lead") and other.pos_ == "VERB":
                # "a Series B co-led by Elad Gil and Kleiner Perkins", where the tagger split
                # "co-led" and hung "led" on the main verb
                investors = agent_orgs(other, reader.mentions)
        investee = (
            possessor_orgs(noun, reader.mentions)
            or prep_orgs(noun, {"for", "in", "into"}, reader.mentions)
            or _valued_by_round(noun, reader.mentions)
            or _stake_taken_by_the_round(noun, reader.mentions)
            or _raised_in_clause(noun, reader.mentions)
            # "Anduril's previous round, a $1.48bn Series E, was led by …": the round it stands beside
            or (possessor_orgs(noun.head, reader.mentions) if noun.dep_ == "appos" and lemma_of(noun.head) in ROUND_NOUNS else [])
        )
        among = _among_backers_of(noun, reader.mentions)
        if among:
            # "Nvidia was among the backers of the $500m Series B that Poolside raised"
            investors += [m for m in among if m not in investors and m not in investee]
        verb = reader._verb_of(noun.head if noun.pos_ == "VERB" else noun)
        subject, passive = subject_orgs(verb, reader.mentions)
        # "The chipmaker took part in the €385m Series A round that Andreessen Horowitz led,
        # alongside Lightspeed and General Catalyst": everyone named is an investor
        taking_part = lemma_of(verb) == "take" and any(c.lower_ == "part" for c in verb.children)
        if taking_part and not passive:
            investors += [m for m in subject if m not in investors and m not in investee]
            leading = [clause for clause in noun.children if clause.dep_ == "relcl" and lemma_of(clause) in ("lead", "co-lead")]
            investors += [m for clause in leading for m in subject_orgs(clause, reader.mentions)[0] if m not in investors]
            investors += [
                m for v in [verb, *leading] for p in v.children if p.lower_ == "alongside"
                for m in listed_names(cue.sent, p.i + 1, reader.mentions, people=False, end=p.right_edge.i + 1)
                if m not in investors
            ]  # fmt: skip
        elif not investee and (lemma_of(verb) in RAISING_VERBS or lemma_of(verb) == "announce"):
            investee = subject
        elif not investors and lemma_of(verb) in LEAD_VERBS and not passive:
            investors = [m for m in subject if m not in investee]
        if investors:
            investors += _also_in_round(reader, cue, investors + investee)
        return {"investor": investors, "investee": investee}
    led = _led_by(reader, cue)
    if led is None and lemma_of(cue) in ROUND_NOUNS:
        # "Cohere's $60m round was co-led by …", where the tagger may split "co-led" in three
        verb = reader._verb_of(cue)
        doc = cue.doc
        if verb.lower_ == "co" and verb.i + 2 < len(doc) and lemma_of(doc[verb.i + 2]) == "lead":
            led = _led_by(reader, doc[verb.i + 2], subject_of=verb)
        else:
            led = _led_by(reader, verb)
    if led is not None:
        return led
    agents, patients = reader.agent_patient(cue, INVESTOR_PREPS, noun_compound_is_patient=lemma == "stake")
    givers = prep_orgs(cue, {"from"}, reader.mentions) if cue.pos_ == "NOUN" else []
    if givers:  # "backed by a $10bn investment from Berkshire Hathaway": whom the money came from
        agents, patients = givers, [m for m in patients if m not in givers]
    if lemma in ("lead", "co-lead", "participate", "join") and not patients:
        for child in cue.children:
            if child.dep_ == "dobj":
                patients = possessor_orgs(child, reader.mentions) or prep_orgs(child, {"for", "in"}, reader.mentions)
    if not patients and cue.pos_ == "NOUN":
        # "has taken a stake in G42 … with a $1.5bn investment": the stake names the company
        verb = reader._verb_of(cue)
        for child in verb.children:
            if child.dep_ == "dobj" and lemma_of(child) in ("stake", "holding", "interest"):
                patients = [m for m in prep_orgs(child, {"in"}, reader.mentions) if m not in agents]
    if not patients and not _slot_holds_a_thing(cue, INVESTOR_PREPS, reader.mentions):
        patients = reader._first_after(cue, agents)
    if not agents:
        agents = reader._first_before(cue, patients)
    return {"investor": agents, "investee": patients}


def _raised_in_clause(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Who raised "the $500m Series B that Poolside raised", "the round Helsing closed"."""
    return [
        m for clause in noun.children if clause.dep_ == "relcl" and lemma_of(clause) in RAISING_VERBS
        for m in subject_orgs(clause, mentions)[0]
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
    return subject_orgs(verb, mentions)[0] if verb is not None else []


def _brought_in(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The investors of "a round that brings in Microsoft as a shareholder"."""
    return [
        m for clause in noun.children if clause.dep_ in ("relcl", "acl") and lemma_of(clause) in ("bring", "add")
        for o in clause.children if o.dep_ == "dobj" for m in direct_orgs(o, mentions)
    ]  # fmt: skip


def _stake_taken_by_the_round(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The company of "has taken a stake in X-energy … by anchoring a $500m funding round"."""
    for verb in [a for a in noun.ancestors if a.pos_ in ("VERB", "AUX")][:3]:
        for child in verb.children:
            if child.dep_ == "dobj" and lemma_of(child) in HOLDINGS:
                found = prep_orgs(child, {"in"}, mentions)
                if found:
                    return found
    return []


def _offer_values(cue: Token) -> bool:
    """Whether "valuing" hangs on a clause that makes an offer or bid: the value a bidder's
    price implies, not the company's valuation (a price agreed is read as the acquisition's)."""
    if cue.dep_ != "advcl" or cue.tag_ != "VBG":
        return False
    return any(c.dep_ == "dobj" and lemma_of(c) in OFFER_NOUNS for c in cue.head.children)


def _component_of_a_figure(root: Token) -> bool:
    """Whether a sum is a part of a figure just given: "up to €5bn, made up of €4.1bn in cash
    and as much as €900m in preference shares", "comprising $2bn in cash"."""
    for token in [root, *root.ancestors][:5]:
        if token.lower_ in ("comprising", "consisting"):
            return True
        if lemma_of(token) == "make" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
            return True
    return False


def _put_in_a_thing(verb: Token, mentions: list[OrgMention]) -> bool:
    """Whether a relative clause says the money went "in which" a thing, not a company: "the
    campus, in which it had already pledged to invest about £2bn"."""
    clause = next((a for a in [verb, *verb.ancestors] if a.dep_ == "relcl"), None)
    if clause is None or clause.head.pos_ != "NOUN" or any(m.covers(clause.head) for m in mentions):
        return False
    return any(
        p.lower_ in ("in", "into") and any(o.lower_ == "which" for o in p.children)
        for t in [verb, clause] for p in t.children
    )  # fmt: skip


def _slot_holds_a_thing(verb: Token, preps: set[str], mentions: list[OrgMention]) -> bool:
    """Whether the verb's own slot for the company is taken by a thing: "put an extra $100bn
    into American factories" names where the money goes; the next name in the sentence ("the
    Trump administration") is not it."""
    if any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP", "LOC") for c in verb.children):
        return True  # "its planned US investment": investment in a country
    if _put_in_a_thing(verb, mentions):
        return True
    return any(
        child.dep_ == "prep" and child.lower_ in preps and o.dep_ == "pobj" and o.pos_ == "NOUN"
        and not orgs_under(o, mentions)
        for child in verb.children for o in child.children
    )  # fmt: skip


def _valued_by_round(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The company "a $250m round that valued GitHub at $2bn" is in."""
    for clause in noun.children:
        if clause.dep_ in ("relcl", "acl") and lemma_of(clause) == "value":
            for child in clause.children:
                if child.dep_ == "dobj":
                    return direct_orgs(child, mentions)
    return []


def _led_by(reader: RoleReader, cue: Token, subject_of: Token | None = None) -> dict[str, list[OrgMention]] | None:
    """A round "led by" its investors: "Cohere has closed a $50m Series B led by Accel",
    "Cohere's $60m round was co-led by Accel and GV". The round's owner is its possessor or
    the subject of the verb whose object it is (``subject_of``: where the passive subject
    hangs, when not from ``cue``)."""
    if lemma_of(cue) not in ("lead", "co-lead", "colead") or not any(c.dep_ == "agent" for c in cue.children):
        return None
    investors = agent_orgs(cue, reader.mentions)
    if not investors:
        return None
    passive_of = subject_of if subject_of is not None else cue
    noun = cue.head if cue.dep_ == "acl" else next((c for c in passive_of.children if c.dep_ == "nsubjpass"), None)
    investee: list[OrgMention] = []
    if noun is not None:
        investee = possessor_orgs(noun, reader.mentions)
        if not investee and noun.dep_ == "dobj":
            investee, _ = subject_orgs(noun.head, reader.mentions)
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
        if owner_in_description(reader.sent.doc[mention.end - 1]):
            continue  # "Samsung Catalyst Fund, the venture arm of Samsung Electronics"
        names.add(mention.org.name)
        found.append(mention)
    return found


def _acquisition(reader: RoleReader, cue: Token) -> dict[str, list[OrgMention]]:
    lemma = lemma_of(cue)
    if lemma in ("sell", "sale"):
        sold = [m for c in cue.children if c.dep_ == "nsubjpass" for m in direct_orgs(c, reader.mentions)]
        buyers = prep_orgs(cue, {"to"}, reader.mentions)
        if sold and buyers:
            return {"acquirer": buyers[:1], "target": sold[:1]}  # "Westinghouse was sold to Brookfield"
        of = prep_orgs(cue, {"of"}, reader.mentions) if cue.pos_ == "NOUN" else []
        if of and buyers:
            return {"acquirer": buyers[:1], "target": of[:1]}  # "The sale of Vodafone Spain to Zegona"
        seller, buyer = reader.agent_patient(cue, {"to"}, noun_compound_is_patient=True)
        # "sell Speedway, its chain of fuel stations, to 7-Eleven", where the parser hangs "to"
        # on the apposition
        to_appos = [
            m for c in cue.children if c.dep_ == "dobj"
            for a in c.children if a.dep_ == "appos" for m in prep_orgs(a, {"to"}, reader.mentions)
        ]  # fmt: skip
        if to_appos and not prep_orgs(cue, {"to"}, reader.mentions):
            buyer = to_appos
        target, unit = [], False
        for child in cue.children:
            if child.dep_ == "dobj" and lemma_of(child) in BUSINESS_NOUNS:
                # "sold its Boost Mobile brand to Dish": the business by its name; "sell its
                # spreads division to KKR": a unit with no name, and the seller itself not sold
                # ("sell its IT services arm, Dell Services, to NTT Data": the name in apposition)
                names = [child, *(c for c in child.children if c.dep_ == "appos")]
                named = [m for m in reader.mentions if any(m.covers(n) for n in names)]
                named += compound_orgs(child, reader.mentions)
                target = [m for m in named if not m.anaphoric][:1]
                unit = True
            elif child.dep_ == "dobj":
                target = direct_orgs(child, reader.mentions) or orgs_under(child, reader.mentions)[:1]
        return {"acquirer": buyer, "target": target or ([] if unit else seller)}
    agents, patients = reader.agent_patient(cue, {"of", "for"}, noun_compound_is_patient=True)
    if not patients and cue.dep_ == "relcl" and (
        any(c.lower_ in ("which", "that") for c in cue.children) or not any(c.dep_ == "dobj" for c in cue.children)
    ):
        # "Juno Therapeutics, which it bought"; "the third business AMD has snapped up"
        patients = direct_orgs(cue.head, reader.mentions) or _antecedent(cue, reader.mentions)
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
        by = agent_orgs(cue, reader.mentions) or (agent_orgs(cue.head, reader.mentions) if cue.dep_ == "dobj" else [])
        agents = [m for m in by if m.org.name not in {p.org.name for p in patients}][:1] or agents
    if not agents:
        agents = reader._first_before(cue, patients)
    return {"acquirer": agents, "target": patients}


def _owned_by_main_clause(verb: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The object of "bought X" or "took control of X"."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if lemma_of(obj) == "control":
            return prep_orgs(obj, {"of"}, mentions) or prep_orgs(verb, {"of"}, mentions)
        if lemma_of(verb) in MONEY_CUES["Acquisition"][0]:
            return direct_orgs(obj, mentions)
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
    for noun in noun_chain(root):
        noun_providers += compound_orgs(noun, reader.mentions) + prep_orgs(noun, PROVIDER_PREPS | {"of"}, reader.mentions)
    # "route $100 billion in compute spending through AWS": the provider hangs off the verb
    verb_providers = prep_orgs(reader._verb_of(root), PROVIDER_PREPS, reader.mentions)
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
            if subject.dep_ in ("nsubj", "nsubjpass") and lemma_of(subject) in FILING_NOUNS:
                return possessor_orgs(subject, reader.mentions)
    return []


def _about_company(reader: RoleReader, cue: Token, root: Token) -> list[OrgMention]:
    """The organisation a valuation or revenue figure describes."""
    round_noun = cue.head if cue.dep_ in ("relcl", "acl") else None
    if (
        round_noun is not None and (lemma_of(round_noun) in ROUND_NOUNS or is_series(round_noun))
        and any(c.dep_ == "dobj" and c.lower_ == "it" for c in cue.children)
    ):
        # "raised $2.5bn in a round led by Founders Fund that valued it at $30.5bn", "led a
        # $639m investment in Klarna that valued it at $45.6bn": "it" is whoever raised the
        # round, not the investor named last
        verb = reader._verb_of(round_noun)
        raiser = prep_orgs(round_noun, {"in", "into", "for"}, reader.mentions)
        if not raiser and lemma_of(verb) in RAISING_VERBS:
            raiser, _ = subject_orgs(verb, reader.mentions)
        if raiser:
            return raiser[:1]
    given = _given_to(cue, reader.mentions)
    if given:
        return given[:1]
    event = cue.head.head if cue.head.dep_ == "prep" and cue.head.lower_ == "at" else None
    if event is not None and cue_words(event) & MONEY_CUES["Investment"][0] and lemma_of(event) not in RAISING_VERBS:
        # "Andreessen Horowitz, which had put $100m into the company at a $750m valuation":
        # the company invested in, not the investor
        invested = prep_orgs(event, {"in", "into"}, reader.mentions)
        if invested:
            return invested[:1]
    investors = event.head if event is not None and event.dep_ in ("relcl", "acl") else None
    if investors is not None and investors.dep_ == "pobj" and investors.head.lower_ == "from":
        # "SSI raised $1bn from a group that included X and Y, at a valuation of $5bn", the
        # valuation hung on the clause about the investors: the company that raised
        raising = investors.head.head
        if raising.pos_ == "VERB" and lemma_of(raising) in RAISING_VERBS:
            raiser, _ = subject_orgs(raising, reader.mentions)
            if raiser:
                return raiser[:1]
    if cue.lower_ in ("values", "valuing", "value", "valued"):
        # "values Mistral AI at €11.7bn": read by word order, which the parser often garbles
        after = [m for m in reader.mentions if cue.i < m.start <= cue.i + 2 and not m.person]
        if after and cue.lower_ != "valued":
            return after[:1]
    for noun in [cue, *noun_chain(root)]:
        found = possessor_orgs(noun, reader.mentions) or compound_orgs(noun, reader.mentions)
        if found:
            return found[:1]
        for child in noun.children:
            if child.dep_ == "relcl":  # "the $61.5 billion valuation the company secured"
                found = [m for c in child.children if c.dep_ in ("nsubj", "nsubjpass") for m in direct_orgs(c, reader.mentions)]
                if found:
                    return found[:1]
        found = prep_orgs(noun, {"of", "for", "at"}, reader.mentions) if lemma_of(noun) in ("valuation", "revenue", "revenues", "sales") else []
        if found:
            return found[:1]
    # "valued at", "valuing X at": the thing valued is the passive subject or the object
    verb = cue if cue.pos_ in ("VERB", "AUX") else reader._verb_of(cue)
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            found = direct_orgs(child, reader.mentions)
            if found:
                return found[:1]
    subject, _ = subject_orgs(verb, reader.mentions)
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
    if any(c.dep_ in ("compound", "amod") and lemma_of(c) in PART_REVENUE_WORDS for c in cue.children):
        return True  # "Product revenue … grew 34 per cent to $789.6m"
    if any(
        prep.dep_ == "prep" and prep.lower_ in ("at", "from", "of") and lemma_of(o) in SEGMENT_NOUNS
        for prep in cue.children for o in prep.children if o.dep_ == "pobj"
    ):
        return True  # "Revenue at Nvidia's data centre business rose to $30.8bn": a unit's
    verb = reader._verb_of(cue)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(
        lemma_of(s) in SEGMENT_NOUNS and any(c.dep_ in ("poss", "compound") for c in s.children) for s in subjects
    ):
        return True  # "Nvidia's data centre unit"; "the unit" alone may be a company being sold
    for mention in company:
        head = doc[mention.end - 1]
        if any(c.dep_ == "appos" and lemma_of(c) in PRODUCT_NOUNS for c in head.children):
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
    return cue.dep_ in ("compound", "amod") and lemma_of(cue.head) in NOT_EARNED


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
    if amount.qualifier is None and any(lemma_of(a) in ("surpass", "exceed", "top", "pass", "cross", "eclipse") for a in root.ancestors):
        return Amount(amount.value, amount.currency, "more than", amount.low)
    return amount


def _compute(reader: RoleReader, root: Token, sent: Span) -> dict[str, list[OrgMention]] | None:
    if any(a.lower_ == "with" and lemma_of(a.head) in ("start", "begin") for a in root.ancestors):
        return None  # "six gigawatts, starting with a one-gigawatt deployment": a first stage of it
    if any(
        lemma_of(t) == "capacity" and dep_distance(root, t) <= 3
        and any(a.dep_ == "amod" and a.lower_ in NOT_YET_DONE | {"expected", "targeted", "eventual"} for a in t.children)
        for t in sent
    ):  # fmt: skip
        return None  # "brings the project's planned capacity to nearly seven gigawatts"
    cue = None
    for token in sent:
        if cue_words(token) & (COMPUTE_CUES | GIVING_VERBS) and dep_distance(root, token) <= 5:
            cue = token
            break
    if cue is None:
        return None
    words = {t.lower_ for t in sent}
    if any(t.lower_ == "electricity" and dep_distance(root, t) <= 2 for t in sent):
        return None  # "500MW of electricity": power bought, not computing
    if POWER_PURCHASE.search(sent.text):
        return None  # "a 20-year power purchase agreement … that will feed its 835 megawatts into the grid"
    if _across_contracts(root):
        return None  # "has now contracted around 500MW to CoreWeave across a series of hosting contracts": a total
    if _power_not_computing(root) or _measure_of_a_generic_capacity(root):
        return None
    leased_at_site = bool({lemma_of(t) for t in sent} & {"lease", "take", "rent"}) and bool(words & {"campus", "site"})
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
    # (and the sentence's "signed X as the first tenant of its campus under a lease covering
    # 200MW", however far the parser hangs the figure from it)
    signing = [sent.root] if lemma_of(sent.root) == "sign" else []
    for verb in [*[root, *root.ancestors][:6], *signing]:
        if verb.pos_ == "VERB" and (lemma_of(verb) in GIVING_VERBS or lemma_of(verb) == "sign"):
            found = _customer_and_provider(verb, reader)
            if found is not None:
                return {"company": found[0], "provider": found[1]}
    leased = _hosting_contract(reader, sent) or _lease_at_own_site(reader, sent) or _lease_at_landlords_site(reader, root)
    if leased is not None:
        return leased
    subject_token = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # "A single hyperscale campus can draw several hundred megawatts": a generic statement,
    # even with a place named ("grid connections in Sydney")
    if subject_token is not None and all(m.guessed for m in reader.mentions):
        generic = {t.lower_ for t in subject_token.subtree}
        if generic & GENERIC_SUBJECT_WORDS:
            return None
    # … and whatever else the sentence names, when the figure's own clause has such a subject
    # ("A single large AI campus can draw 100MW or more, and PJM has warned …")
    clause = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    own_subject = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if own_subject is not None and not any(m.covers(own_subject) for m in reader.mentions) and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "each", "every", "any") for c in own_subject.children
    ) and any(c.lower_ in GENERIC_SUBJECT_WORDS - {"a", "an"} or c.lower_ in ("can", "could", "may") for c in [*own_subject.children, *clause.children]):
        return None
    explicit = [m for m in reader.mentions if not m.guessed]
    providers = [m for m in explicit if reader.gazetteer.sector(m.org.name) in ("cloud", "chips")]
    companies = [m for m in explicit if m not in providers]
    for token in sent:
        if token.lower_ == "from" and token.dep_ == "prep":
            from_orgs = orgs_under(token, explicit)
            if from_orgs:
                providers = from_orgs
                companies = [m for m in explicit if m.org.name not in {p.org.name for p in providers}]
    if not companies and len(providers) > 1:
        # two providers: the one receiving capacity is the subject of secure/get/buy,
        # or the object of supply/provide
        companies = providers[1:] if lemma_of(sent.root) in ("supply", "provide", "deliver") else providers[:1]
        providers = [p for p in providers if p not in companies]
    return {"company": companies[:1], "provider": providers[:1]}


GENERIC_SUBJECT_WORDS = {"a", "an", "typical", "average", "each", "every", "modern", "single"}
ENERGY_WORDS = {
    "solar", "wind", "nuclear", "renewable", "renewables", "electricity", "grid", "reactor", "reactors", "gas",
    "hydro", "geothermal", "battery", "batteries", "fusion", "turbine", "turbines",
}  # fmt: skip


POWER_PURCHASE = re.compile(r"\bpower[- ]purchase agreements?\b|\bPPAs?\b", re.IGNORECASE)


def _across_contracts(root: Token) -> bool:
    """Whether a figure is summed "across a series of hosting contracts" (or "across six
    contracts", "across several deals"): a running total, no contract of its own."""
    verb = next((a for a in root.ancestors if a.pos_ in ("VERB", "AUX")), root)
    return any(
        p.dep_ == "prep" and p.lower_ == "across"
        and any(
            lemma_of(o) in ("series", "number", "range") or (lemma_of(o) in CONTRACT_NOUNS and o.tag_ == "NNS")
            for o in p.children if o.dep_ == "pobj"
        )
        for t in (root, verb) for p in t.children
    )  # fmt: skip


def _power_not_computing(root: Token) -> bool:
    """ "it controls about 1.2GW of contracted power across its facilities": power, not
    computing ("5GW of computing power" is computing)."""
    return any(
        p.dep_ == "prep" and p.lower_ == "of" and lemma_of(o) in ("power", "electricity", "energy")
        and not any(m.lower_ in COMPUTE_CONTEXT | {"computing", "compute"} for m in o.children)
        for figure in [root, *(c for c in root.children if c.dep_ == "pobj")]  # ("about 1.2GW": "about" heads it)
        for p in figure.children for o in p.children if o.dep_ == "pobj"
    )  # fmt: skip


def _measure_of_a_generic_capacity(root: Token) -> bool:
    """ "the all-in cost of a gigawatt of AI computing": a unit priced, no one's capacity."""
    return (
        root.head.lower_ == "of" and lemma_of(root.head.head) in ("cost", "price", "output", "size", "equivalent")
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "each", "every", "per") for c in root.children)
    )  # fmt: skip


SITE_NOUNS = {"campus", "site", "facility", "facilities", "centre", "center", "park", "hub"}
# The gazetteer's sector of data-centre landlords (former bitcoin miners among them): in a
# lease or hosting contract they are the provider, whoever the other party is.
LANDLORDS = "data-centres"


def _hosting_contract(reader: RoleReader, sent: Span) -> dict[str, list[OrgMention]] | None:
    """ "CoreWeave has signed 12-year hosting contracts with Core Scientific, covering 500MW at
    six of its sites", "it had signed a data center lease with Core42": of the two parties to
    a hosting or colocation contract or a lease, a data-centre landlord hosts the other, and a
    GPU cloud is hosted by the other."""
    for noun in sent:
        lemma = lemma_of(noun)
        if lemma not in ("contract", "agreement", "deal", "arrangement", "lease") or not (
            lemma == "lease"
            or any(c.dep_ in ("amod", "compound") and c.lower_ in ("hosting", "colocation", "co-location") for c in noun.children)
        ):
            continue
        verb = reader._verb_of(noun)
        others = prep_orgs(noun, {"with"}, reader.mentions) or prep_orgs(verb, {"with"}, reader.mentions)
        signers = [m for m in subject_orgs(verb, reader.mentions)[0] if m not in others]
        if not others or not signers:
            return None
        sectors = [reader.gazetteer.sector(m.org.name) for m in (signers[0], others[0])]
        if sectors[1] == LANDLORDS and sectors[0] != LANDLORDS or sectors == ["cloud", None]:
            return {"company": signers[:1], "provider": others[:1]}
        if sectors[0] == LANDLORDS and sectors[1] != LANDLORDS or sectors == [None, "cloud"]:
            return {"company": others[:1], "provider": signers[:1]}
        return None
    return None


def _lease_at_own_site(reader: RoleReader, sent: Span) -> dict[str, list[OrgMention]] | None:
    """ "Hut 8 signed a 15-year lease with Fluidstack for 245MW at its River Bend campus":
    whoever leases out capacity at its own site is the provider, the other party the tenant."""
    if not any(t.lower_ in ("its", "their") and lemma_of(t.head) in SITE_NOUNS for t in sent):
        return None
    for noun in sent:
        if lemma_of(noun) not in ("lease", "contract", "agreement", "deal") or noun.pos_ != "NOUN":
            continue
        verb = reader._verb_of(noun)
        tenants = prep_orgs(noun, {"with"}, reader.mentions) or prep_orgs(verb, {"with"}, reader.mentions)
        landlords = [m for m in subject_orgs(verb, reader.mentions)[0] if m not in tenants]
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
        sites = [o for o in prep.children if o.dep_ == "pobj" and lemma_of(o) in SITE_NOUNS]
        # "at TeraWulf's Lake Mariner campus", "at Core Scientific sites"
        landlords = [m for site in sites for m in possessor_orgs(site, reader.mentions) or compound_orgs(site, reader.mentions)]
        if not landlords:
            continue
        tenants = subject_up(root, reader.mentions, landlords[:1])
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


def _parts_share_roles(readings: list[Reading]) -> None:
    """A sentence's investment that is the sum of its other investments ("an upfront $60m …
    a further $140m …, taking the airline's total investment to as much as $200m") is one deal
    with them: all take the roles of the first part read with two distinct parties."""
    investments = [r for r in readings if r.fact.kind == "Investment" and r.fact.amount is not None]
    for total in investments:
        parts = [r for r in investments if r is not total and r.fact.amount.value < total.fact.amount.value]
        if adding_up_to(parts, total.fact.amount.value, lambda r: r.fact.amount.value) is None:
            continue
        named = next(
            (r.fact.roles for r in investments if r.fact.roles.get("investor") and r.fact.roles.get("investee")
             and not set(r.fact.role_names("investor")) & set(r.fact.role_names("investee"))),
            None,
        )  # fmt: skip
        if named is not None:
            for reading in [total, *parts]:
                reading.fact.roles = dict(named)
        return


def _landlord_provides(roles: dict[str, tuple[Org, ...]], gazetteer: Gazetteer) -> dict[str, tuple[Org, ...]]:
    """A data-centre landlord read as the customer of someone who is not one is the provider:
    "all of its capacity will be taken by the AI cloud provider under a 25-year lease"."""
    company, provider = roles.get("company", ()), roles.get("provider", ())
    if company and provider and gazetteer.sector(company[0].name) == LANDLORDS and gazetteer.sector(provider[0].name) != LANDLORDS:
        return {**roles, "company": provider, "provider": company}
    return roles


def _people_who_led(readings: list[Reading], sent: Span, parties: list[OrgMention]) -> None:
    """A round with no investor named but a person who "led" it: "Its Series B, a $580 million
    round completed in April 2022, was led by Sam Bankman-Fried"."""
    rounds = [r for r in readings if r.fact.kind == "Investment" and not r.fact.roles.get("investor")]
    if len(rounds) != 1:
        return
    leaders = [
        m for m in people_named(sent, parties)
        if sent.doc[m.end - 1].dep_ == "pobj" and sent.doc[m.end - 1].head.dep_ == "agent"
        and lemma_of(sent.doc[m.end - 1].head.head) in ("lead", "co-lead", "back")
    ]  # fmt: skip
    if leaders:
        rounds[0].fact.roles["investor"] = tuple(m.org for m in leaders)


def _note_contract(context: Context, reader: RoleReader, sent: Span, readings: list[Reading]) -> None:
    """Remember the parties of the capacity or cloud contract a sentence names, from its facts
    or from a figure-less "CoreWeave has taken up … options in its hosting arrangement with
    Core Scientific"."""
    for reading in readings:
        roles = reading.fact.roles
        if reading.fact.kind in ("ComputeCommitment", "CloudCommitment") and roles.get("company") and roles.get("provider"):
            context.contract = (roles["company"][0], roles["provider"][0])
            return
    hosted = _hosting_contract(reader, sent) or _lease_at_landlords_campus(reader, sent)
    if hosted is not None and hosted["company"] and hosted["provider"]:
        context.contract = (hosted["company"][0].org, hosted["provider"][0].org)


def _lease_at_landlords_campus(reader: RoleReader, sent: Span) -> dict[str, list[OrgMention]] | None:
    """ "CoreWeave has spoken for every megawatt … at Galaxy Digital's Helios campus, after
    signing a second-phase lease": a lease signed for a landlord's site, its figures to come."""
    if not any(lemma_of(t) in ("lease", "contract", "agreement") and t.pos_ == "NOUN" for t in sent):
        return None
    landlords = [
        m for t in sent if lemma_of(t) in SITE_NOUNS for m in possessor_orgs(t, reader.mentions)
        if reader.gazetteer.sector(m.org.name) == LANDLORDS
    ]  # fmt: skip
    tenants = [
        m for verb in sent if verb.pos_ == "VERB" for m in subject_orgs(verb, reader.mentions)[0]
        if reader.gazetteer.sector(m.org.name) == "cloud" and m.org.name not in {l.org.name for l in landlords}
    ]  # fmt: skip
    return {"company": tenants[:1], "provider": landlords[:1]} if tenants and landlords else None


def _add_counterparty(readings: list[Reading], index: int, sent: Span, mentions: list[OrgMention]) -> None:
    """ "Microsoft has agreed to pay $6.2bn … for AI computing capacity in northern Norway. The
    contract … is with Nscale": the provider of the commitment just read, named on its own."""
    verb = next((t for t in sent if lemma_of(t) == "be" and _contract_subject(t)), None)
    if verb is None:
        return
    named = [m for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for m in orgs_under(p, mentions)]
    if not named:
        return
    for reading in reversed(readings):
        if index - reading.sentence > 2:
            return
        fact = reading.fact
        if fact.kind in ("CloudCommitment", "ComputeCommitment") and not fact.roles.get("provider"):
            if named[0].org.name not in fact.role_names("company"):
                fact.roles["provider"] = (named[0].org,)
            return


def _contract_is_subject(figure: Token) -> bool:
    """Whether the figure's clause is about a contract the text named before: "The new
    contract covers approximately 120 megawatts", "The agreement is for 1.5 gigawatts"."""
    verb = next((a for a in figure.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return verb is not None and _contract_subject(verb)


def _contract_subject(verb: Token) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and lemma_of(c) in CONTRACT_NOUNS
        and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that", "these", "those") for d in c.children)
        for c in verb.children
    )  # fmt: skip


# What a contract brings in: "those agreements would generate about $3.5bn", "The 12-year
# contract is worth about $2bn".
CONTRACT_VALUE_VERBS = {"generate", "bring", "be", "total", "carry"}


def _contract_value(figure: Token) -> bool:
    """Whether a sum is what a contract the text named before is worth."""
    verb = next((a for a in figure.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if verb is None or lemma_of(verb) not in CONTRACT_VALUE_VERBS or not _contract_subject(verb):
        return False
    return lemma_of(verb) != "be" or any(a.lower_ == "worth" for a in figure.ancestors)


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
                roles = _roles(found)
                named = {o.name for orgs in roles.values() for o in orgs}
                one_side = bool(roles.get("company")) and [o.name for o in roles["company"]] == [o.name for o in roles.get("provider", ())]
                if context.contract is not None and named <= {o.name for o in context.contract} and (
                    _contract_is_subject(root) or one_side  # ("the GPU cloud provider had exercised its option for 133MW")
                ):
                    # "The new contract covers approximately 120 megawatts", "The lease covers
                    # 60 megawatts, which TeraWulf will hand over": between the parties of the
                    # contract the text named before
                    roles = {"company": context.contract[:1], "provider": context.contract[1:]}
                roles = _landlord_provides(roles, gazetteer)
                landlord = any(gazetteer.sector(o.name) == LANDLORDS for o in roles.get("company", ()))
                if not (landlord and not roles.get("provider")):
                    # (not "TeraWulf … a 35-year agreement that gives it access to up to 750MW of
                    # infrastructure capacity": a landlord's own capacity is no one's commitment)
                    fact = Fact("ComputeCommitment", roles, capacity=mention.quantity)
        elif context.contract is not None and _contract_value(root) and is_asserted(root, root, sent, "CloudCommitment"):
            # "The miner said at the time that those agreements would generate about $3.5
            # billion in cumulative revenue": what a contract named before is worth
            roles = {"company": context.contract[:1], "provider": context.contract[1:]}
            fact = Fact("CloudCommitment", roles, amount=mention.quantity, duration=_duration_in(sent, quantities))
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
    readings = _respectively(_compared_revenue(readings, figures), sent)
    _people_who_led(readings, sent, parties)
    _parts_share_roles(readings)
    _note_contract(context, reader, sent, readings)
    # business angels: people named as taking part are investors too
    # (a place the NER found, which the mentions also flag as "person", stays a guess)
    people = [
        replace(m, person=False, guessed=False) if m.person and sent.doc[m.start].ent_type_ == "PERSON" else m
        for m in parties
    ] + people_named(sent, parties)
    angels = RoleReader(sent, sorted(people, key=lambda m: m.start), gazetteer,
                        frozenset(context.parties), frozenset(context.acquired))  # fmt: skip
    participants = round_participants(angels, sent, [span for span, _ in figures])
    if participants:
        fact = Fact("Participants", {"investor": tuple(m.org for m in participants)}, evidence=[evidence])
        readings.append(Reading(fact, index, mention_start=sent.start_char))
    if not any(r.mention_start != sent.start_char for r in readings):
        # no figure, or none that is a deal's ("for $23 a share in cash": a price per share)
        event = _acquisition_event(reader, sent)
        if event is not None:
            event.evidence.append(evidence)
            readings.append(Reading(event, index, figureless=True, mention_start=sent.start_char))
        choice = _provider_choice(reader, sent)
        if choice is not None:
            choice.evidence.append(evidence)
            readings.append(Reading(choice, index, figureless=True, mention_start=sent.start_char))
        stakes = _stake_events(reader, sent)
        if stakes:
            # "it has invested in Moonshot AI": stakes of their own, no round's participants
            readings = [r for r in readings if r.fact.kind != "Participants"]
        for stake in stakes:
            stake.evidence.append(evidence)
            readings.append(Reading(stake, index, figureless=True, mention_start=sent.start_char))
    cited = [m for m in mentions if m not in parties]
    return readings, sorted(reader.mentions + cited, key=lambda m: m.start)


COMPARING_WORDS = {"below", "above", "than", "from"}


def _compared_revenue(readings: list[Reading], figures: list[tuple[Span, QuantityMention]]) -> list[Reading]:
    """ "SAP reported revenue of €27.34bn for 2020, 1 per cent below the €27.55bn it recorded
    in 2019": a sum the sentence compares its revenue with is the same company's revenue of
    another period (a fact too, as the corpus rules say)."""
    revenue = [r for r in readings if r.fact.kind == "Revenue" and r.fact.amount is not None]
    if len(revenue) != 1:
        return readings
    compared = []
    for r in readings:
        if r.fact.kind != "" or r.fact.amount is None or r.fact.amount.currency != revenue[0].fact.amount.currency:
            compared.append(r)
            continue
        token = next((span.root for span, mention in figures if mention.start == r.mention_start), None)
        if token is not None and token.dep_ == "pobj" and token.head.lower_ in COMPARING_WORDS:
            compared.append(replace(r, fact=replace(revenue[0].fact, amount=r.fact.amount, evidence=list(r.fact.evidence))))
        else:
            compared.append(r)
    return compared


def _respectively(readings: list[Reading], sent: Span) -> list[Reading]:
    """ "General Atlantic and TPG put in ₹3,675 crore and ₹1,837.5 crore respectively": the
    n-th investor gave the n-th sum, as n investments."""
    if not any(t.lower_ == "respectively" for t in sent):
        return readings
    figures = sorted((r for r in readings if r.fact.amount is not None), key=lambda r: r.mention_start)
    lists = [r for r in figures if r.fact.kind == "Investment"]
    if (
        len(figures) < 2 or not lists or any(r.fact.kind not in ("", "Investment") for r in figures)
        or any(len(r.fact.roles.get("investor", ())) != len(figures) for r in lists)
        or len({r.fact.role_names("investor") for r in lists}) != 1
    ):
        return readings
    investors = sorted(lists[0].fact.roles["investor"], key=lambda org: sent.text.find(org.surface))
    shared = {role: orgs for role, orgs in lists[0].fact.roles.items() if role != "investor"}
    split = [
        replace(r, fact=replace(lists[0].fact, roles={**shared, "investor": (investor,)}, amount=r.fact.amount,
                                tranches=[], evidence=list(lists[0].fact.evidence)), weak=False)
        for r, investor in zip(figures, investors)
    ]  # fmt: skip
    return [r for r in readings if r not in figures] + split


def _revenue_owner(context: Context) -> Org | None:
    """Whose revenue a figure with no company is: "Lyft's prospectus showed …. Revenue
    reached $2.2bn" is the previous sentence's subject's, before the company named most."""
    subject = context.last_subject
    if subject is not None and subject.name not in context.investors and not is_public_body(subject.name):
        return subject
    return context.company()


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
        if token.pos_ != "VERB" or lemma_of(token) not in CHOOSING or not is_asserted(token, token, sent, "CloudCommitment"):
            continue
        providers = [m for c in token.children if c.dep_ in ("dobj", "nsubjpass") for m in direct_orgs(c, reader.mentions)]
        company, passive = subject_orgs(token, reader.mentions)
        if not company and token.dep_ == "acl":
            company = direct_orgs(token.head, reader.mentions)  # "the company named AWS …", misparsed
        if passive:
            providers, company = company, agent_orgs(token, reader.mentions)
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
        if verb.pos_ != "VERB" or lemma_of(verb) not in MOVING_VERBS:
            continue
        moved = [c for c in verb.children if c.dep_ == "dobj"]
        moved += [o for c in moved for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children]
        if not any(lemma_of(c) in MOVED_THINGS or c.lower_ in MOVED_THINGS for c in moved):
            continue  # ("shift much of its IT estate onto Google's cloud")
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children) or any(t.lower_ == "if" for t in sent):
            continue  # "said it would move its data to Oracle if the trial works"
        providers = [
            m for m in prep_orgs(verb, {"onto", "to", "on", "into"}, reader.mentions)
            if reader.gazetteer.sector(m.org.name) == "cloud"
        ]
        if not providers or not is_asserted(verb, verb, sent, "CloudCommitment"):
            continue
        company = subject_up(verb, reader.mentions, providers[:1])  # who moves, or signed the agreement
        if company:
            return Fact("CloudCommitment", _roles({"company": company, "provider": providers}))
    return None


# ("sell" with a buyer: "agreed to sell Power Solutions … to Brookfield Business Partners")
ACQUISITION_EVENT_CUES = {"acquire", "acquisition", "buy", "purchase", "takeover", "buyout", "snap", "swallow", "absorb", "sell"}


def _joint_venture(root: Token) -> bool:
    """Whether a figure is the size of a joint venture: "a $3.4bn joint venture with X"."""
    noun = adjacent_noun(root.doc[root.i : root.i + 1])
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
    if lemma_of(token) != "win" or token.pos_ != "VERB":
        return None
    for contest in (c for c in token.children if c.dep_ == "dobj" and lemma_of(c) in CONTEST_NOUNS):
        target = prep_orgs(contest, {"for"}, reader.mentions)
        buyer, passive = subject_orgs(token, reader.mentions)
        if target and buyer and not passive:
            return {"acquirer": buyer, "target": target}
    if BIDDING.search(token.sent.text) and not any(c.lower_ == "as" for c in token.children):
        # "Tata Sons won the airline in October through Talace, a subsidiary set up for the
        # bid": a company won in a sale (not "won Apple as a customer")
        target = [m for c in token.children if c.dep_ == "dobj" for m in direct_orgs(c, reader.mentions)]
        buyer, passive = subject_orgs(token, reader.mentions)
        if target and buyer and not passive:
            return {"acquirer": buyer, "target": target}
    return None


BIDDING = re.compile(r"\b(?:bid|bids|bidder|bidders|auction|tender|sale process)\b", re.IGNORECASE)


def _sells_a_unit(cue: Token) -> bool:
    """Whether a sale is of a business unit: "agreed to sell its spreads division"."""
    return lemma_of(cue) in ("sell", "sale") and any(c.dep_ == "dobj" and lemma_of(c) in BUSINESS_NOUNS for c in cue.children)


def _merger_with(reader: RoleReader, token: Token) -> dict[str, list[OrgMention]] | None:
    """ "T-Mobile US has completed its merger with Sprint": the company whose merger it is
    takes over the one it merges with (a merger "of equals" names no buyer)."""
    if lemma_of(token) != "merger" or token.pos_ != "NOUN":
        return None
    partner = prep_orgs(token, {"with"}, reader.mentions)
    owner = possessor_orgs(token, reader.mentions)
    if not owner and token.dep_ == "dobj":
        owner, _ = subject_orgs(token.head, reader.mentions)
    if not partner or not owner or {m.org.name for m in partner} & {m.org.name for m in owner}:
        return None
    return {"acquirer": owner[:1], "target": partner[:1]}


def _now_owns(reader: RoleReader, token: Token) -> dict[str, list[OrgMention]] | None:
    """ "Renesas Electronics now owns Dialog Semiconductor", "Dialog is now owned by Renesas":
    a takeover completed (owning without "now", or owning a share of a company, is a holding)."""
    if lemma_of(token) != "own" or token.pos_ != "VERB" or not any(c.lower_ == "now" for c in token.children):
        return None
    passive = any(c.dep_ == "auxpass" for c in token.children)
    owner = agent_orgs(token, reader.mentions) if passive else subject_orgs(token, reader.mentions)[0]
    owned = (
        subject_orgs(token, reader.mentions)[0] if passive
        else [m for c in token.children if c.dep_ == "dobj" for m in direct_orgs(c, reader.mentions)]
    )
    # ("now owns HBO, CNN and the Warner Bros studio": the assets a takeover brought)
    if not owner or len(owned) != 1 or owned[0].anaphoric:
        return None
    return {"acquirer": owner[:1], "target": owned[:1]}


# A deal whose figure the text says it does not give: "bought Titan for an undisclosed
# amount", "the sum was not disclosed", "neither company would say how much it paid".
UNDISCLOSED = re.compile(
    r"\bundisclosed\b|\b(?:not|never|n't|declined to|did not) (?:been )?(?:disclosed?|revealed?|given)\b"
    r"|\bwould(?: not|n't)? say how much\b",
    re.I,
)
# Verbs of taking a stake stated without its price: "took a stake in Uber", "made a strategic
# investment in Controlled Thermal Resources", "has invested in Moonshot AI".
STAKE_VERBS = {"take", "buy", "acquire", "purchase", "build", "make", "invest"}


def _stake_events(reader: RoleReader, sent: Span) -> list[Fact]:
    """Investments stated without a figure ("Hyundai Motor also took a stake in the company
    earlier this year, for an undisclosed sum"; "it has invested in Moonshot AI … and in
    MiniMax"): one per company invested in."""
    found: list[Fact] = []
    for verb in sent:
        lemma = lemma_of(verb)
        if lemma not in STAKE_VERBS or verb.pos_ != "VERB" or verb.tag_ == "VBG" or not is_asserted(verb, verb, sent, "Investment"):
            continue  # (not "with MGX taking a stake in the company": a round's participant)
        if lemma == "invest":
            holders = [verb]  # "has invested in Moonshot AI"
        else:
            holders = [
                c for c in verb.children
                if c.dep_ == "dobj" and (lemma_of(c) in ("stake", "holding") or (lemma_of(c) == "investment" and lemma == "make"))
                and not _controlling(c)
            ]  # fmt: skip
        # ("took a stake in Uber": the parser may hang "in" on the verb)
        preps = [p for h in {*holders, *([verb] if holders else [])} for p in h.children if p.dep_ == "prep" and p.lower_ == "in"]
        preps.sort(key=lambda p: p.i)
        # "in X, …, and in Y", however the parser hangs the second "in"
        preps += [t for t in verb.subtree if t.lower_ == "in" and t.dep_ == "conj" and t not in preps]
        # (not "Nvidia made its first investment in the company": a round's new investor, which
        # participants.round_participants reads)
        investees = [m for p in preps for m in orgs_under(p, reader.mentions)[:1] if not m.guessed and not m.anaphoric]
        investors = [m for m in subject_orgs(verb, reader.mentions)[0] if not m.guessed and not m.person]
        if _in_time_clause(verb) or not investors or not investees:
            continue
        for investee in investees:
            if investee.org.name not in {m.org.name for m in investors}:
                found.append(Fact("Investment", _roles({"investor": investors, "investee": [investee]})))
    return found


def _acquisition_event(reader: RoleReader, sent: Span) -> Fact | None:
    """ "Broadcom agreed to buy VMware": an acquisition stated without its price, which may
    be given in another sentence."""
    for token in sent:
        won = _won_contest(reader, token) or _merger_with(reader, token) or _now_owns(reader, token)
        if won is not None and is_asserted(token, token, sent, "Acquisition"):
            return Fact("Acquisition", _roles(won))
        if lemma_of(token) not in ACQUISITION_EVENT_CUES or not is_asserted(token, token, sent, "Acquisition"):
            continue
        controlled = [
            c for c in token.children
            if c.dep_ == "dobj" and lemma_of(c) in HOLDINGS and _controlling(c) and prep_orgs(c, {"in"}, reader.mentions)
        ]  # fmt: skip
        if controlled and lemma_of(token) in ("buy", "acquire", "purchase", "take"):
            # "agreed to buy a stake of about 80% in Boston Dynamics": buying control
            buyers, _ = subject_orgs(token, reader.mentions)
            company = prep_orgs(controlled[0], {"in"}, reader.mentions)
            if buyers and company:
                return Fact("Acquisition", _roles({"acquirer": buyers, "target": company}))
        if token.pos_ == "VERB" and any(
            c.dep_ == "dobj" and not direct_orgs(c, reader.mentions) for c in token.children
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
    if any(c.lower_ == "each" for c in root.children) and root.head.lower_ == "of" and lemma_of(root.head.head) in ("tranche", "instalment", "installment", "payment"):
        return None, False  # "in two equal tranches of $250 million each": the size of each part
    if _component_of_a_figure(root):
        return None, False  # "for up to €5bn, made up of €4.1bn in cash and as much as €900m in shares"
    noun = adjacent_noun(span)
    if noun is not None and lemma_of(noun) in ("deposit", "prepayment", "down-payment"):
        return None, False  # "it put down a $10 million deposit with Archer Aviation": an order's deposit
    if (
        lemma_of(root.head) in ("manage", "oversee", "administer") or _joint_venture(root) or _fund_size(span)
        or _share_of_results(root) or _losses(span) or _profit(root) or _value_of_new_entity(root)
        or (_running_total(root) and not _sum_of_parts(amount, span, sent, quantities))
    ):
        # "The Public Investment Fund, which manages more than $900bn": assets under
        # management; "formed a $3.4bn joint venture with Blue Owl": a venture, not a stake
        return None, False
    paid = (
        _paid_to_provider(reader, root, sent, amount, quantities)
        or _percentage_bought(reader, root, sent, amount)
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
    weak_cue = find_weak_cue(root, sent, span)
    values_org = classified is not None and classified[0] == "Valuation" and not _valued_thing_is_deal(classified[1], reader)
    adjacent = adjacent_noun(span)
    # Tokens are compared with == (same document, same index): spaCy makes a new Token object
    # on every access, so `is` would never hold.
    if classified is not None and weak_cue is not None and classified[1] != adjacent and not values_org:
        if dep_distance(root, weak_cue) < dep_distance(root, classified[1]) or weak_cue == adjacent:
            # "the $25B deal mirrors Amazon's $50B commitment to OpenAI": the figure belongs to
            # "deal", not to the commitment further away.
            classified = None
    if classified is None and weak_cue is not None:
        # "a $59.5bn all-stock deal": the deal is whatever event the sentence reports
        contract = _cloud_contract(reader, weak_cue, root, sent, amount, quantities) or _awarded_contract(
            reader, weak_cue, root, sent, amount, quantities
        )
        if contract is not None:
            return contract, False
        classified = _sentence_event(root, sent)
        if classified is not None:
            reader.guessed_position = True
    if classified is None and root.head.lower_ == "for":
        # "the purchase of NetSuite, a maker of …, which it completed in 2016 for $9.3bn": the
        # price of the purchase "which" stands for, however the parser hung the clause
        closing = root.head.head
        if lemma_of(closing) in ("complete", "close", "finalise", "finalize") and any(
            c.lower_ == "which" for c in closing.children
        ):
            nouns = [t for t in sent if t.i < closing.i and t.pos_ == "NOUN" and lemma_of(t) in ("purchase", "acquisition", "takeover", "buyout")]
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
    if kind == "Valuation" and _values_a_contract(cue, sent):
        # "contracts the miner valued at about $3.7bn", "The miner valued that contract at about
        # $3bn": a lease's value
        return Fact("", {}, amount=amount, duration=_duration_in(sent, quantities)), None
    if kind == "Valuation" and _offer_values(cue):
        return None, False  # "filed a hostile offer for the remaining shares at €18 apiece, valuing the whole company at €11.3bn"
    if kind == "Valuation" and _valued_is_no_company(cue, reader):
        return None, False  # "a private company valued at $1bn or more", "a contract valued at $10bn"
    if kind == "Valuation" and cue.head.lower_ == "for" and cue_words(cue.head.head) & MONEY_CUES["Acquisition"][0]:
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
        if SECONDARY_SALE.search(sent.text):
            return None, False  # "The tender offer, worth up to $100m, is being led by Sequoia": no money in
        if _money_held(cue, root, reader):
            return None, False  # "Cruise will have more than $3bn of fresh capital": money held, not put in
        found = _investment(reader, cue, root)
        if not found["investor"]:
            found["investor"] = joined_in_backing(cue, reader.mentions)
        providers = _provider_split(reader, found["investee"], found["investor"])
        pledged = lemma_of(cue) in ("commit", "commitment", "pledge") and not _provider_split(
            reader, found["investor"], []
        )
        # (not "it would invest $5bn in Intel": investing in a chipmaker buys no computing)
        invested = lemma_of(cue) in ("invest", "investment", "stake", "pour", "inject")
        if providers and (pledged or (_cloud_context(sent, root) and not invested)):
            return Fact("CloudCommitment", _roles({"company": found["investor"], "provider": providers}),
                        amount=amount, duration=_duration_in(sent, quantities)), False
        if (
            lemma_of(cue) == "raise" and not found["investor"] and found["investee"]
            and all(reader.gazetteer.sector(m.org.name) == "investor" for m in found["investee"])
        ):
            return None, False  # "Andreessen Horowitz said it had raised $7.2bn across new funds": a fund raised
        if not found["investee"] and _aggregate(cue):
            return None, False  # "venture funding in the region topped $4bn": a market total
        if not found["investee"] and _put_in_a_thing(cue, reader.mentions):
            return None, False  # "the campus, in which it had already pledged to invest about £2bn"
        if _raised_over_time(cue):
            return None, False  # "has now raised a little over $200m in total": the sum of its rounds
        holding = lemma_of(cue) in HOLDINGS or any(lemma_of(c) in HOLDINGS for c in cue.children if c.dep_ == "dobj") or any(
            # "putting $1bn into Nokia, acquiring a 2.9 per cent holding": a holding taken with it
            lemma_of(t) in HOLDINGS and t.dep_ == "dobj"
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
        stakes = [b for b in bought if lemma_of(b) in HOLDINGS and prep_orgs(b, {"in"}, reader.mentions)]
        if stakes:
            # "Nvidia bought a stake in Intel for $5bn": buying a minority stake is investing,
            # buying a majority stake is buying the company
            buyers, _ = subject_orgs(cue, reader.mentions)
            company = prep_orgs(stakes[0], {"in"}, reader.mentions)
            if _controlling(stakes[0]):
                return Fact("Acquisition", _roles({"acquirer": buyers, "target": company}), amount=amount), False
            return Fact("Investment", _roles({"investor": buyers, "investee": company}), amount=amount), False
        sold_stakes = [b for b in bought if lemma_of(b) in HOLDINGS and not prep_orgs(b, {"in", "of"}, reader.mentions)]
        if lemma_of(cue) == "sell" and sold_stakes and not any(c.dep_ == "poss" for c in sold_stakes[0].children):
            # "Intel, which sold a stake to SoftBank for $2bn": a company selling a stake in
            # itself takes the buyer's money (not "sold its stake", a holding in another)
            sellers, _ = subject_orgs(cue, reader.mentions)
            buyers = prep_orgs(cue, {"to"}, reader.mentions) + prep_orgs(sold_stakes[0], {"to"}, reader.mentions)
            if sellers and buyers:
                kind = "Acquisition" if _controlling(sold_stakes[0]) else "Investment"
                roles = ("acquirer", "target") if kind == "Acquisition" else ("investor", "investee")
                return Fact(kind, _roles(dict(zip(roles, (buyers, sellers)))), amount=amount), False
        shares = [
            o for b in bought if b.i == root.i for p in b.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children if lemma_of(o) in ("stock", "share", "shares")
        ]  # fmt: skip
        issuers = [
            m for o in shares
            for m in possessor_orgs(o, reader.mentions) + compound_orgs(o, reader.mentions) + prep_orgs(o, {"in"}, reader.mentions)
        ]  # fmt: skip
        if issuers:
            # "agreed to buy $5bn of Intel's common stock", "will buy €960m of new shares in
            # Galapagos": buying a company's shares is investing in it
            buyers, _ = subject_orgs(cue, reader.mentions)
            return Fact("Investment", _roles({"investor": buyers, "investee": issuers[:1]}), amount=amount), False
        included = [m for b in bought if lemma_of(b) in BUSINESS_NOUNS for m in prep_orgs(b, {"including"}, reader.mentions)]
        if included:
            # "is buying Sprint's prepaid brands, including Boost Mobile": the business named
            buyers, _ = subject_orgs(cue, reader.mentions)
            return Fact("Acquisition", _roles({"acquirer": buyers, "target": included[:1]}), amount=amount), False
        share = next((b for b in bought if _percentage(b) is not None and prep_orgs(b, {"of", "in"}, reader.mentions)), None)
        if share is not None:
            # "Tencent led a consortium that bought 84.3 per cent of Supercell … for $8.6bn":
            # most of a company is the company, less is a stake in it
            buyers = _buyers_of_clause(cue, reader.mentions)
            company = prep_orgs(share, {"of", "in"}, reader.mentions)[:1]
            if (_percentage(share) or 0) > 50:
                return Fact("Acquisition", _roles({"acquirer": buyers, "target": company}), amount=amount), False
            return Fact("Investment", _roles({"investor": buyers, "investee": company}), amount=amount), False
        owners = [m for b in bought if lemma_of(b) in SHAREHOLDER_NOUNS for m in prep_orgs(b, {"of", "in"}, reader.mentions)]
        if owners:
            # "agreed to buy out the minority shareholders of NTT Docomo": buying the rest of a company
            buyers, _ = subject_orgs(cue, reader.mentions)
            return Fact("Acquisition", _roles({"acquirer": buyers, "target": owners[:1]}), amount=amount), False
        if bought and not any(
            direct_orgs(b, reader.mentions) or reader.unnamed_org(b)
            # "sold Sprint's Boost Mobile prepaid brand to Dish": a business named by its name
            or (lemma_of(b) in BUSINESS_NOUNS and compound_orgs(b, reader.mentions))
            for b in bought
        ):
            # "commits to purchase $30bn of Azure compute capacity", "a $14bn deal to buy
            # computing capacity from CoreWeave"
            sellers = prep_orgs(bought[0], {"from"}, reader.mentions) + prep_orgs(cue, {"from"}, reader.mentions)
            # (not "paid $1.175bn to buy the anime streaming service from AT&T": a business)
            computing = bought[0].i == root.i or lemma_of(bought[0]) in BOUGHT_COMPUTING or bought[0].lower_ == "services"
            if (bought[0].i == root.i or sellers) and computing and _cloud_context(sent, root):
                found = _cloud(reader, cue, root)
                if not found.get("company") and cue.dep_ in ("relcl", "acl"):
                    # "Meta has signed a deal to buy …": who signed the deal
                    found["company"], _ = subject_orgs(reader._verb_of(cue.head), reader.mentions)
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
        bought = prep_orgs(cue, {"on"}, reader.mentions) if lemma_of(cue) == "spend" else []
        if bought and not _cloud_context(sent, root) and not any(reader.gazetteer.sector(m.org.name) == "cloud" for m in bought):
            # "it spent $1.5bn on Lynda.com": spending on a company is buying it
            buyer, _ = subject_orgs(cue, reader.mentions)
            return Fact("Acquisition", _roles({"acquirer": buyer, "target": bought[:1]}), amount=amount), False
        found = _cloud(reader, cue, root)
        # "spend $20bn on infrastructure in America": a place is no provider
        found["provider"] = [m for m in found.get("provider", []) if not reader.is_place(m)]
        if lemma_of(cue) == "spend" and not found.get("provider") and not _cloud_context(sent, root):
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


def _sum_of_parts(amount: Amount, span: Span, sent: Span, quantities: list[tuple[Span, QuantityMention]]) -> bool:
    """Whether a total is the sum of other sums in its sentence: "an upfront investment of $60m
    … a further $140m …, taking the airline's total investment to as much as $200m" is the
    deal itself, in parts (not "taking its total investment to $8bn", a running total)."""
    others = [
        m.quantity.value for s, m in quantities
        if sent.start <= s.start < sent.end and s.start != span.start
        and isinstance(m.quantity, Amount) and m.quantity.currency == amount.currency
    ]
    return adding_up_to(others, amount.value, lambda value: value) is not None


def _running_total(root: Token) -> bool:
    """Whether a figure is what a new deal brings a total to: "taking its total investment to
    $8bn", "bringing the total raised to $1.5bn"."""
    to = root.head
    if to.lower_ != "to" or to.dep_ != "prep":
        return False
    verb = to.head
    if verb.dep_ in ("acl", "relcl") and lemma_of(verb.head) in TOTAL_NOUNS:
        return True  # "bringing the total raised to $1.5bn", with "to" hung on "raised"
    return lemma_of(verb) in ("take", "bring", "lift", "raise", "push", "increase", "boost") and any(
        c.dep_ == "dobj" and lemma_of(c) in TOTAL_NOUNS for c in verb.children
    )


def _raised_over_time(cue: Token) -> bool:
    """Whether money raised is a running total: "in total", "so far", "to date", "in the three
    years before it"."""
    if lemma_of(cue) != "raise":
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
            # "has now raised about $1.8bn since 2019": everything raised over those years
            perfect = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in cue.children)
            if perfect and any(re.fullmatch(r"(?:19|20)\d\d", c.text) for c in child.children if c.dep_ == "pobj"):
                return True
        # "Counting the Saudi money, Reliance Retail has now raised ₹47,265 crore"
        if child.dep_ == "advcl" and child.lower_ in ("counting", "including") and child.i < cue.i:
            return True
        # "Including those earlier rounds, it has raised …"
        if child.dep_ == "prep" and child.lower_ == "including" and any(
            c.dep_ == "pobj" and c.lower_ in ("rounds", "raises", "financings") for c in child.children
        ):
            return True
    return False


PERCENTAGE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent|percent)")  # "a 60% stake", "1.28 per cent"


def _controlling(stake: Token) -> bool:
    """ "a majority stake", "a controlling interest", "a 60% stake": buying control is buying
    the company."""
    if any(child.lower_ in ("majority", "controlling") for child in stake.children):
        return True
    # "a 60% stake", "a 78 per cent stake" (which the NER may call money), "a stake of about 80%"
    doc = stake.doc
    of = [p for p in stake.children if p.dep_ == "prep" and p.lower_ == "of"]
    words = doc[stake.left_edge.i : (of[0].right_edge.i + 1) if of else stake.i].text
    share = PERCENTAGE.search(words)
    return share is not None and float(share.group(1)) > 50


HOLDING_VERBS = {"have", "hold", "keep", "need", "require", "spend"}


def _money_held(cue: Token, root: Token, reader: RoleReader) -> bool:
    """ "so that Cruise will have more than $3bn of fresh capital", "the funding it needs":
    money a company has or needs, not money put into it."""
    if root.dep_ == "dobj" and lemma_of(root.head) in HOLDING_VERBS and root.head.pos_ == "VERB":
        return True
    return cue.pos_ == "NOUN" and lemma_of(reader._verb_of(cue)) in HOLDING_VERBS


def _share_of_results(root: Token) -> bool:
    """ "The memory unit contributed about $2.8bn to Intel's revenue": a part of a company's
    results, not money put into it."""
    verb = root.head
    return lemma_of(verb) in ("contribute", "add") and any(
        c.lower_ == "to" and any(lemma_of(t) in MONEY_CUES["Revenue"][0] | {"profit", "earnings", "income"} for t in c.subtree)
        for c in [*verb.children, *root.children]
    )


PROFIT_WORDS = {"profit", "profits", "earnings", "ebitda", "income", "margin", "margins", "flow", "cashflow"}  # ("cash flow")


def _profit(root: Token) -> bool:
    """ "its net profit topped ¥1tn", "made a profit of $7.6bn", "$8.5bn of annual earnings
    before interest, tax …": a profit is neither revenue nor a deal."""
    return any(lemma_of(t) in PROFIT_WORDS and dep_distance(root, t) <= 2 for t in root.sent)


NEW_ENTITY_NOUNS = {"business", "company", "group", "giant", "champion", "entity", "firm", "leader", "producer"}


def _value_of_new_entity(root: Token) -> bool:
    """ "the combination would create a business with an enterprise value of about $60bn":
    the value of a company a merger will form, which does not exist yet."""
    for ancestor in list(root.ancestors)[:5]:
        if lemma_of(ancestor) in ("create", "form") and any(
            c.dep_ == "dobj" and lemma_of(c) in NEW_ENTITY_NOUNS for c in ancestor.children
        ):
            return True
    return False


def _losses(span: Span) -> bool:
    """ "agreed to absorb up to CHF 9bn of losses": losses carried, not a deal's size; "its
    pre-tax loss widened to £208m": a loss, not revenue; "his net worth has passed $400bn": a
    person's fortune."""
    if any((p.lower_ == "of" and any(lemma_of(o) in LOSSES for o in p.children)) for t in span for p in t.children):
        return True
    if any(t.head.lower_ == "of" and lemma_of(t.head.head) in LOSSES for t in span):
        return True
    verbs = [a for a in [span.root, *span.root.ancestors][:3] if a.pos_ in ("VERB", "AUX")][:1]
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (lemma_of(c) in LOSSES or (c.lower_ == "worth" and any(g.lower_ == "net" for g in c.children)))
        for verb in verbs for c in verb.children
    )


FUND_NOUNS = {"fund", "vehicle", "pool", "programme", "program"}


def _fund_size(span: Span) -> bool:
    """ "the $100bn technology investment vehicle run by SoftBank": the size of a fund."""
    noun = adjacent_noun(span)
    return noun is not None and lemma_of(noun.head if noun.dep_ == "compound" else noun) in FUND_NOUNS


def _value_of_no_company(cue: Token, reader: RoleReader) -> bool:
    """Whether a "value of …" is the value of something that is no company and no deal: "the
    value of the transactions it handled", "the value of its assets"."""
    if lemma_of(cue) != "value" or cue.pos_ != "NOUN":
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
        direct_orgs(o, reader.mentions) or possessor_orgs(o, reader.mentions) or compound_orgs(o, reader.mentions)
        or (lemma_of(o) in deal and o.tag_ != "NNS")
        for o in valued
    )


# "contracts the miner valued at", "a lease Cipher valued at": a contract's value
CONTRACT_VALUED = re.compile(r"\b(?:contracts?|leases?|agreements?)(?: that)?(?: the)? \S+(?: \S+)? valued$")
THING_NOUNS = {
    "contract", "order", "grant", "project", "programme", "program", "portfolio", "loan", "award", "alliance",
    "collaboration", "partnership",
}  # fmt: skip


VALUED_CONTRACTS = {"contract", "lease", "agreement"}


def _values_a_contract(cue: Token, sent: Span) -> bool:
    """Whether "valued" puts a figure on a contract, however parsed: "contracts the miner
    valued at about $3.7bn", "The miner valued that contract at about $3bn"."""
    if cue.lower_ != "valued":
        return False
    if CONTRACT_VALUED.search(sent.doc[max(cue.i - 5, sent.start) : cue.i + 1].text):
        return True
    return any(c.dep_ == "dobj" and lemma_of(c) in VALUED_CONTRACTS for c in cue.children)


def _valued_is_no_company(cue: Token, reader: RoleReader) -> bool:
    """Whether what is "valued at" a figure is no company: a kind of company ("a "unicorn", a
    private company valued at $1bn or more": a definition) or a thing ("awarded it a contract
    valued at about $10bn")."""
    if cue.pos_ != "VERB" or cue.dep_ not in ("acl", "relcl"):
        return False
    noun = cue.head
    if lemma_of(noun) in THING_NOUNS:
        return True  # also "a project it valued at €10bn"
    if cue.dep_ == "relcl":
        return False
    return (
        (bool(GENERIC_NOUN.fullmatch(noun.lower_)) or hyphenated(noun) in ("start-up", "start-ups"))
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every") for c in noun.children)
        and not any(noun.left_edge.i <= m.start and m.end <= noun.i + 1 for m in reader.mentions)
    )


def _values_what_is_paid_for(cue: Token) -> bool:
    """ "Pfizer will pay $229 a share for Seagen, valuing it at $43bn": what a price per share
    values the bought company at is the deal's price, not a valuation."""
    if lemma_of(cue.head) == "sell" and not any(c.dep_ == "dobj" for c in cue.head.children):
        return False  # "insiders sold at $112 a share, valuing the company at $210bn": a share sale
    return (
        bool(cue_words(cue) & {"value", "valuing"})
        and cue.pos_ == "VERB"
        and cue.dep_ in ("advcl", "xcomp", "conj")
        and (lemma_of(cue.head) in ("pay", "offer") or bool(cue_words(cue.head) & MONEY_CUES["Acquisition"][0]))
    )


def _acquisition_valuing_target(cue: Token, root: Token, sent: Span) -> bool:
    """ "Acceleron has agreed to be acquired by Merck …, a deal that values the Cambridge
    biotech at $11.5bn": what a takeover values its target at is the price. (An investment
    "in a deal that values Scale at $29bn" gives Scale's valuation.)"""
    if lemma_of(cue) != "value" or cue.dep_ not in ("relcl", "acl") or not (cue_words(cue.head) & WEAK_CUES):
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
    if lemma_of(verb) not in RAISING_VERBS - {"raise"} or LENDING.search(sent.text):
        return None
    investors = prep_orgs(verb, {"from"}, reader.mentions)
    # "OpenAI has pulled in $6.6bn from investors": the investors are named in sentences to come
    from_investors = any(
        c.lower_ == "from" and any(o.lower_ in INVESTOR_WORDS for o in c.children) for c in verb.children
    )
    if not (investors or from_investors) or not is_asserted(verb, root, sent, "Investment"):
        return None
    investee, _ = subject_orgs(verb, reader.mentions)
    return {"investor": investors, "investee": [m for m in investee if m not in investors]}


def _value_put_on(reader: RoleReader, root: Token, sent: Span) -> list[OrgMention] | None:
    """The company a figure is "put on" as its value: "the $33bn that investors put on the
    company in 2021", "investors put $33bn on Revolut"."""
    verbs = [c for c in root.children if c.dep_ == "relcl" and lemma_of(c) == "put"]
    if root.dep_ == "dobj" and lemma_of(root.head) == "put":
        verbs.append(root.head)
    value = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    if value is not None and lemma_of(value) == "value" and value.dep_ == "dobj" and lemma_of(value.head) == "put":
        # "put $2.25bn into Cruise in a deal that puts a value of $11.5bn on the unit": what an
        # investment values a company at (what a buyer puts on its target is the price)
        investing = [
            t for t in sent
            if cue_words(t) & MONEY_CUES["Investment"][0] and t.pos_ == "VERB" and t.i != value.head.i
        ]  # fmt: skip
        buying = any(cue_words(t) & MONEY_CUES["Acquisition"][0] for t in sent)
        if investing and not buying and is_asserted(value.head, root, sent, "Valuation"):
            on = prep_orgs(value.head, {"on"}, reader.mentions)
            if on:
                return on[:1]
            invested = _investment(reader, investing[0], investing[0])["investee"]  # "on the unit": the company invested in
            return invested[:1] or None
    for verb in verbs:
        if not is_asserted(verb, root, sent, "Valuation"):
            return None
        company = prep_orgs(verb, {"on"}, reader.mentions)
        if company:
            return company[:1]
    put = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "at" else None
    # (the parser may hang the clause on the round's last investor)
    if put is not None and lemma_of(put) == "put" and put.dep_ == "relcl" and any(names_round(a) for a in list(put.ancestors)[:4]) and any(
        c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in put.children
    ):
        # "raised $150m in a round led by Khosla Ventures, which put it at $7.65bn": the
        # company the round valued
        valued = [m for c in put.children if c.dep_ == "dobj" for m in direct_orgs(c, reader.mentions)]
        raising = next((a for a in put.ancestors if lemma_of(a) in RAISING_VERBS and a.pos_ == "VERB"), None)
        if valued and valued[0].anaphoric and raising is not None:
            valued = subject_orgs(raising, reader.mentions)[0] or valued  # "it": whoever raised the round
        if valued and is_asserted(put, root, sent, "Valuation"):
            return valued[:1]
    return None


def _values_a_holding(cue: Token) -> bool:
    """ "The foundation's stake is valued at $130bn": the worth of a holding, not of a company."""
    verb = cue if cue.pos_ == "VERB" else cue.head
    return any(c.dep_ in ("nsubjpass", "nsubj") and lemma_of(c) in HOLDINGS for c in verb.children)


LISTING_NOUNS = {"listing", "flotation", "ipo", "float", "debut", "offering"}
# Shares bought from staff or other holders: no money goes to the company (the valuation such
# a sale sets is still a fact).
SECONDARY_SALE = re.compile(
    r"\b(?:tender offer|secondary (?:share )?(?:sale|offering|transaction)|(?:employee|staff) share sale"
    r"|existing shares from)\b",
    re.IGNORECASE,
)


def _raises_something_else(cue: Token, root: Token) -> bool:
    """ "raised its forecast to $85 billion", "raised prices", "raised $9bn for new funds":
    raising is not a company's fundraising."""
    if lemma_of(cue) != "raise":
        return False
    if any(
        c.dep_ == "prep" and c.lower_ == "for"
        and any(lemma_of(t) in ("fund", "vehicle") and t.text.islower() for t in c.subtree)  # not "Founders Fund"
        for c in cue.children
    ):
        return True  # "raised $9bn for a new set of venture funds": an investor's own fund
    # "ahead of its listing, which raised about $12bn": money from the public market
    raiser = cue.head if cue.dep_ == "relcl" else next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if raiser is not None and (lemma_of(raiser) in LISTING_NOUNS or raiser.text in ("IPO", "IPOs")):
        return True
    objects = [c for c in cue.children if c.dep_ == "dobj"]
    money = range(root.left_edge.i, root.right_edge.i + 1)
    return bool(objects) and not any(o.i in money or lemma_of(o) in FUNDING_NOUNS for o in objects)


SUPPLY_VERBS = {"supply", "provide", "deliver"}
# "supply Meta with $14.2bn of computing power", "signed AWS to a 15-year lease worth $5.5bn"
SUPPLY_CONTEXT = CLOUD_CONTEXT | {"computing", "lease", "leases"}
# Verbs that hand capacity from a provider (the subject) to a customer (the indirect object):
# "sell Microsoft $17.4bn of GPU capacity", "hand the cloud group 200 megawatts".
GIVING_VERBS = SUPPLY_VERBS | {"hand", "give", "sell", "lease", "rent", "offer", "host"}


def _customer_and_provider(verb: Token, reader: RoleReader) -> tuple[list[OrgMention], list[OrgMention]] | None:
    """(customer, provider) of a verb of supplying, by syntax: "X will supply Meta with …",
    "X agreed to sell Microsoft $17.4bn of capacity", "X signed CoreWeave to two leases"."""
    lemma = lemma_of(verb)
    children = list(verb.children)
    objects = [c for c in children if c.dep_ in ("dative", "dobj")]
    if lemma == "sign":
        # "Applied Digital signed CoreWeave to two 15-year leases", "WhiteFiber has signed
        # Nscale as the first tenant of its campus"
        to_contract = any(
            c.dep_ == "prep" and c.lower_ == "to" and any(lemma_of(o) in ("lease", "contract", "deal", "agreement") for o in c.children)
            for c in children
        )
        as_tenant = any(
            c.dep_ == "prep" and c.lower_ == "as" and any(lemma_of(o) in ("tenant", "customer", "client", "anchor") for o in c.children)
            for c in [*children, *(g for o in objects for g in o.children)]
        )
        if not (to_contract or as_tenant):
            return None
    elif lemma not in GIVING_VERBS or _sells_a_unit(verb):
        return None  # ("sell its IT services arm, Dell Services, to NTT Data": a sale of a business)
    customers = [m for c in objects for m in direct_orgs(c, reader.mentions)]
    if lemma != "host" and not customers:
        # "sell capacity to Microsoft", "supply computing power to Meta"
        customers = prep_orgs(verb, {"to"}, reader.mentions)
    if lemma == "host" and not customers:
        # "will host about 200 megawatts of CoreWeave's GPU infrastructure", "host … for Fluidstack"
        customers = [
            m for c in objects for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
            for o in p.children for m in possessor_orgs(o, reader.mentions)
        ] or prep_orgs(verb, {"for"}, reader.mentions)  # fmt: skip
    deal = verb.head if verb.dep_ in ("acl", "relcl") and lemma_of(verb.head) in ("deal", "agreement", "contract") else None
    if not customers and deal is not None:
        # "struck a ten-year deal with Fluidstack to host 168MW of computing"
        customers = prep_orgs(deal, {"with"}, reader.mentions)
        objects.append(deal)
    if not customers:
        return None
    if lemma in SUPPLY_VERBS and len(objects) < 2 and not any(c.dep_ == "prep" and c.lower_ == "with" for c in children):
        return None  # "supply chips": no customer named as such
    providers = subject_up(verb, reader.mentions, customers)  # of the verb, or of the one that signed the contract
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
        if lemma_of(verb) not in GIVING_VERBS | {"sign"} or verb.pos_ != "VERB" or dep_distance(root, verb) > 4:
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
    if lemma_of(verb) != "pay" or root.dep_ not in ("dobj", "dative"):
        return None
    if any(c.dep_ in ("xcomp", "advcl") and lemma_of(c) in ("buy", "acquire", "purchase") for c in verb.children):
        return None  # "paid $1.175bn to buy the anime streaming service from AT&T": a purchase
    providers = [m for c in verb.children if c.dep_ in ("dative", "dobj") and c != root for m in direct_orgs(c, reader.mentions)]
    providers = providers or prep_orgs(verb, {"to"}, reader.mentions)
    providers = [m for m in providers if reader.gazetteer.sector(m.org.name) in ("cloud", "chips", LANDLORDS, None)]
    # "Microsoft has agreed to pay $6.2 billion over five years for AI computing capacity in
    # northern Norway": whom to, the next sentence may say ("The contract is with Nscale")
    for_capacity = any(
        p.lower_ == "for" and any(lemma_of(t) in COMPUTING_WORDS | {"capacity"} for t in p.subtree)
        for p in verb.children
    )  # fmt: skip
    if not (providers or for_capacity) or not _cloud_context(sent, root, words=COMPUTING_WORDS | {"hosting", "capacity"}, reach=5):
        return None
    if not is_asserted(verb, root, sent, "CloudCommitment"):
        return None
    company = [m for m in subject_orgs(verb, reader.mentions)[0] if m not in providers]
    return Fact("CloudCommitment", _roles({"company": company, "provider": providers}),
                amount=amount, duration=_duration_in(sent, quantities))  # fmt: skip


OFFER_NOUNS = {"offer", "bid", "proposal", "approach"}
ACCEPTING_VERBS = {"accept", "agree", "back", "approve", "recommend", "embrace", "take"}


def _accepted_offer(reader: RoleReader, root: Token, sent: Span, amount: Amount) -> Fact | None:
    """ "Actelion accepted an all-cash offer from the American group worth $30bn": the
    company that accepts a bid is bought by the bidder."""
    verb = next((a for a in root.ancestors if a.pos_ == "VERB"), None)
    if verb is None or lemma_of(verb) not in ACCEPTING_VERBS or dep_distance(root, verb) > 3:
        return None
    offers = [c for c in verb.children if c.dep_ == "dobj" and lemma_of(c) in OFFER_NOUNS]
    offers += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children if lemma_of(o) in OFFER_NOUNS]
    for offer in offers:
        # "accepted a £46bn offer from Takeda", with "from" on the offer or on the verb
        bidder = prep_orgs(offer, {"from", "by"}, reader.mentions) or prep_orgs(verb, {"from"}, reader.mentions)
        target, passive = subject_orgs(verb, reader.mentions)
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
            if lemma_of(t) in ("pay", "spend", "shell", "hand") and t.pos_ == "VERB"
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
            stakes = [o for o in objects if lemma_of(o) in ("stake", "share", "shares", "interest")]
            if stakes and _controlling(stakes[0]):
                # "paid $21.6bn for a 78 per cent stake in Sprint": buying control is buying it
                buyer, _ = subject_orgs(verb, reader.mentions)
                company = prep_orgs(stakes[0], {"in", "of"}, reader.mentions)
                return Fact("Acquisition", _roles({"acquirer": buyer, "target": company[:1]}), amount=amount) if company else None
            if stakes:
                return None  # a stake is an investment, read by the usual rules
            shares = [t for o in objects for t in o.subtree if lemma_of(t) in ("share", "stock")]
            if shares:
                # "paid €3bn for a block of newly issued Bayer shares": buying a company's
                # shares is investing in it
                issuer = [m for t in shares for m in compound_orgs(t, reader.mentions) + possessor_orgs(t, reader.mentions)]
                buyer, _ = subject_orgs(verb, reader.mentions)
                return Fact("Investment", _roles({"investor": buyer, "investee": issuer[:1]}), amount=amount) if issuer else None
            payees = [
                m for c in verb.children if c.dep_ in ("dobj", "dative") for m in direct_orgs(c, reader.mentions)
            ]
            if payees and any(o.lower_ in CLOUD_CONTEXT or lemma_of(o) in ("capacity", "compute") for o in objects):
                # "OpenAI will pay Oracle $30bn a year for data centre capacity": a cloud contract
                payer, _ = subject_orgs(verb, reader.mentions)
                return Fact("CloudCommitment", _roles({"company": payer, "provider": payees[:1]}), amount=amount)
            targets = [
                m for o in objects
                for m in (direct_orgs(o, reader.mentions) or orgs_under(o, reader.mentions)[:1] or reader.unnamed_org(o))
            ]  # fmt: skip
            buyer, _ = subject_orgs(verb, reader.mentions)
            if not buyer and verb.dep_ in ("acl", "relcl"):
                buyer = direct_orgs(verb.head, reader.mentions)  # "the $12.5 billion Google paid for …"
            # "handing AT&T $1.175bn for the business": the payee sold it; "UBS agreed to pay …
            # for its old rival": not itself
            others = {m.org.name for m in payees + buyer}
            targets = [m for m in targets if m.org.name not in others]
            if targets:
                return Fact("Acquisition", _roles({"acquirer": buyer, "target": targets}), amount=amount)
            if any(_names_the_bought(o) for o in objects):
                return Fact("", {}, amount=amount)  # the price of the purchase read elsewhere
    return None


STAKE_TAKING_VERBS = {"pay", "take", "buy", "acquire", "get", "receive", "allot", "purchase"}


def _buyers_of_clause(verb: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Who buys: the verb's subject, or, for "a consortium that bought …", the one who "led"
    the consortium."""
    buyers, _ = subject_orgs(verb, mentions)
    if buyers or verb.dep_ != "relcl" or lemma_of(verb.head) not in GROUP_NOUNS:
        return buyers
    leader = verb.head.head
    return subject_orgs(leader, mentions)[0] if verb.head.dep_ == "dobj" and lemma_of(leader) in ("lead", "head") else []


def _percentage(token: Token) -> float | None:
    """The percentage a noun phrase is ("1.28 per cent", "a 2% holding"), if it is one."""
    if not any(t.lower_ in ("cent", "percent", "%") for t in token.subtree):
        return None
    found = PERCENTAGE.search(token.doc[token.left_edge.i : token.right_edge.i + 1].text)
    return float(found.group(1)) if found else None


def _percentage_bought(reader: RoleReader, root: Token, sent: Span, amount: Amount) -> Fact | None:
    """A minority share bought for a sum, with no word for a stake: "KKR paid ₹5,550 crore for
    1.28 per cent", "Mubadala took 1.40 per cent for ₹6,247.5 crore", "GIC was allotted 1.22
    per cent for …". The company is the one the percentage is "of", or the one the text is about."""
    if root.dep_ == "dobj":
        verb = root.head
        shares = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    elif root.dep_ == "pobj" and root.head.lower_ == "for":
        verb = root.head.head
        shares = [c for c in verb.children if c.dep_ == "dobj"]
    else:
        return None
    if lemma_of(verb) not in STAKE_TAKING_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    percentages = [(share, _percentage(share)) for share in shares]
    percentages = [(share, value) for share, value in percentages if value is not None and 0 < value <= 50]
    if not percentages or not is_asserted(verb, root, sent, "Investment"):
        return None
    investor, _ = subject_orgs(verb, reader.mentions)
    investee = prep_orgs(percentages[0][0], {"of", "in"}, reader.mentions)
    return Fact("Investment", _roles({"investor": investor, "investee": investee[:1]}), amount=amount)


# What is bought when buying computing: "a $14bn deal to buy computing capacity from CoreWeave".
BOUGHT_COMPUTING = {"capacity", "compute", "computing", "power", "server", "servers", "gpu", "gpus", "chip", "chips", "infrastructure", "time"}


# What a purchase read elsewhere is called when its price is given: "for the business".
BOUGHT_NOUNS = SEGMENT_NOUNS | {"company", "firm", "rival", "lender", "assets", "deal", "purchase", "takeover"}


def _names_the_bought(noun: Token) -> bool:
    """Whether a noun refers back to what is bought: "handing AT&T $1.175bn for the business",
    "pay 3 billion francs for its old rival"; not "for a business of its own"."""
    return (lemma_of(noun) in BOUGHT_NOUNS or noun.lower_ in BOUGHT_NOUNS) and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in noun.children
    )


def _sentence_event(root: Token, sent: Span) -> tuple[str, Token] | None:
    """The acquisition or investment cue of a sentence whose figure hangs off "deal"."""
    found = []
    for token in sent:
        for kind in ("Acquisition", "Investment"):
            if cue_words(token) & MONEY_CUES[kind][0] and lemma_of(token) not in ("sale", "sell") and cue_applies(token, root):
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
    if lemma_of(noun) not in ("contract", "deal", "agreement", "worth"):
        return None
    heads = [noun]
    if lemma_of(noun) == "worth":
        # "signed a contract with X worth $Y": "worth" may hang off the verb; "a contract
        # worth $11.9bn with CoreWeave": "with" may hang off "worth"
        heads = [noun.head, *(c for c in noun.head.children if c.dep_ == "dobj"), noun]
    elif noun.dep_ == "dobj" and lemma_of(noun.head) == "sign":
        heads.append(noun.head)  # "signed a $10bn deal with Google": "with" may hang off the verb
    providers: list[OrgMention] = []
    head = noun
    for head in heads:
        # a provider the gazetteer knows sells computing; one it does not know does when the
        # contract says it is for computing ("a $6.2bn agreement with Nscale for AI computing
        # capacity")
        sectors = ("cloud", "chips", LANDLORDS, None) if _for_computing(head) else ("cloud", "chips")
        providers = [
            m for m in prep_orgs(head, {"with"}, reader.mentions)
            if reader.gazetteer.sector(m.org.name) in sectors
        ]
        if providers:
            break
    if not providers:
        providers = _capacity_used_from(reader, noun)
    subject = subject_orgs(reader._verb_of(head), reader.mentions)[0]
    customers = [m for h in heads for m in prep_orgs(h, {"with"}, reader.mentions) if m not in providers]
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


AWARDING_VERBS = {"award", "grant", "give", "hand"}
WINNING_VERBS = {"win", "secure", "land", "clinch", "bag"}


def _awarded_contract(
    reader: RoleReader,
    noun: Token,
    root: Token,
    sent: Span,
    amount: Amount,
    quantities: list[tuple[Span, QuantityMention]],
) -> Fact | None:
    """A computing contract a customer awards a provider: "The Defense Department awarded
    Microsoft the JEDI contract, a cloud-computing deal worth up to $10bn", "AWS has run a
    cloud for the CIA since winning a $600m contract from the agency"."""
    contract = noun.head if lemma_of(noun) == "worth" else noun
    if contract.dep_ == "appos":
        contract = contract.head
    if lemma_of(contract) not in ("contract", "deal", "agreement") or contract.dep_ != "dobj":
        return None
    verb = contract.head
    if lemma_of(verb) in AWARDING_VERBS:
        providers = [m for c in verb.children if c.dep_ == "dative" for m in direct_orgs(c, reader.mentions)]
        customers = subject_orgs(verb, reader.mentions)[0]
    elif lemma_of(verb) in WINNING_VERBS:
        providers = subject_orgs(verb, reader.mentions)[0]
        if not providers and verb.dep_ == "pcomp":  # "… since winning a contract": the clause's subject
            providers = subject_orgs(verb.head.head, reader.mentions)[0]
        customers = prep_orgs(verb, {"from"}, reader.mentions) + prep_orgs(contract, {"from"}, reader.mentions)
    else:
        return None
    computing = _for_computing(contract) or any(_for_computing(a) for a in contract.children if a.dep_ == "appos")
    if not providers or not customers or not (computing or _cloud_context(sent, root)):
        return None
    if not is_asserted(verb, root, sent, "CloudCommitment"):
        return None
    return Fact(
        "CloudCommitment",
        _roles({"company": [m for m in customers if m not in providers][:1], "provider": providers[:1]}),
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
        if clause.dep_ not in ("acl", "relcl") or lemma_of(clause) not in ("use", "rent", "access", "lease"):
            continue
        for thing in (c for c in clause.children if c.dep_ == "dobj"):
            if not any(t.lower_ in CLOUD_CONTEXT for t in thing.subtree):
                continue
            named = compound_orgs(thing, reader.mentions) + possessor_orgs(thing, reader.mentions)
            named += prep_orgs(thing, {"from"}, reader.mentions) + prep_orgs(clause, {"from"}, reader.mentions)
            providers = [m for m in named if reader.gazetteer.sector(m.org.name) in ("cloud", "chips")]
            if providers:
                return providers[:1]
    return []


def _valued_thing_is_deal(cue: Token, reader: RoleReader | None = None) -> bool:
    """ "The deal, valued at $43 billion" gives the deal's price, not a company's valuation;
    "the deal values Scale at $29 billion" is Scale's valuation; "Broadcom put a value of
    $61 billion on VMware" is a price one company put on another."""
    takeover_words = {"offer", "bid", "takeover", "acquisition", "purchase", "buyout", "merger"}
    if cue.pos_ == "VERB" and any(c.dep_ == "nsubj" and lemma_of(c) in takeover_words for c in cue.children):
        return True  # "the offer values Vantor at $12bn": the price of a takeover
    if reader is not None and cue.pos_ == "VERB" and any(
        c.dep_ == "nsubj" and lemma_of(c) in ("agreement", "deal", "transaction") for c in cue.children
    ) and any(m.org.name in reader.acquired for c in cue.children if c.dep_ == "dobj" for m in direct_orgs(c, reader.mentions)):
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
        priced = lemma_of(cue.head) in ("price", "bid", "offer")
        if (cue.lower_ in ("values", "valuing", "value") or (cue.lower_ == "valued" and not priced)) and any(
            cue.i < m.start <= cue.i + 2
            and not m.person
            # "a deal that values the company's equity at $1.3bn": the price, not a valuation
            and not any(t.lower_ == "equity" for t in doc[m.end : min(m.end + 3, len(doc))])
            for m in reader.mentions
        ):
            return False
        verb = reader._verb_of(cue)
        subject, _ = subject_orgs(verb, reader.mentions)
        valued = [
            m
            for t in verb.subtree
            if t.lower_ == "on" and t.dep_ == "prep"
            for m in prep_orgs(t.head, {"on"}, reader.mentions)
        ]
        if subject and valued and subject[0].org.name != valued[0].org.name:
            return True
    deal = cue.head
    if cue.dep_ == "relcl" and lemma_of(deal) in ("deal", "transaction") and deal.head.lower_ in ("in", "under") and (
        lemma_of(deal.head.head) in RAISING_VERBS
    ):
        return False  # "has raised $800m … in a deal that values the supplier at $7.8bn": the raiser's valuation
    deal_words = {"deal", "transaction", "acquisition", "takeover", "purchase", "offer", "merger", "agreement", "buyout"}
    if cue.pos_ == "VERB" or cue.lower_ == "value":
        # "a price that valued LinkedIn at $26.2bn", "raised the price …, lifting the value to
        # $44bn": the price
        deal_words |= {"price", "bid"}
    for token in [cue, *cue.ancestors][:3]:
        if lemma_of(token) in deal_words:
            return True
        for child in token.children:
            # ("its biggest, the 2018 takeover of RSP Permian, was valued at …": in apposition)
            named = [child, *(a for a in child.children if a.dep_ == "appos")]
            if child.dep_ in ("nsubjpass", "nsubj", "dobj") and any(lemma_of(n) in deal_words for n in named):
                return True
    if any(p.lower_ == "of" and any(lemma_of(o) in deal_words for o in p.children) for p in cue.children):
        return True  # "put the value of the transaction at $14.8bn": the deal's price
    return lemma_of(cue.head) in deal_words


# Words that say a company's worth was set by money it raised.
NEW_MONEY_WORDS = {"round", "funding", "financing", "raise", "cash", "investment", "money"}


START_UP_NOUNS = {"start-up", "startup", "unicorn"}


def _worth_with_new_money(reader: RoleReader, root: Token, sent: Span) -> list[OrgMention]:
    """The company whose worth a new round sets: "Databricks said it is now worth $100bn after
    the round", "Once the new cash is added, Physical Intelligence is worth roughly $2.4bn".
    Not a market value, which a listed company's shares set (no round named)."""
    worth = root.head
    if worth.lower_ != "worth" or lemma_of(worth.head) != "be" or worth.dep_ != "acomp":
        return []
    # the round may sit in a clause of its own: "The last time Plaid priced a round, it was worth …"
    subjects = [c for c in worth.head.children if c.dep_ == "nsubj"]
    # "Skild AI, a Pittsburgh start-up that …, is now worth $1.5bn": no start-up has a market value
    start_up = any(a.dep_ == "appos" and hyphenated(a) in START_UP_NOUNS for s in subjects for a in s.children)
    if not start_up and not any(lemma_of(t) in NEW_MONEY_WORDS for t in sent if t.i != root.i):
        return []
    if not is_asserted(worth.head, root, sent, "Valuation"):
        return []
    return [m for c in subjects for m in direct_orgs(c, reader.mentions)][:1]


def _priced_at(reader: RoleReader, root: Token, sent: Span) -> list[OrgMention]:
    """The company a round "priced at" a figure: "a $900m round led by Thrive priced it at
    $9.9bn", "Lyft was last priced privately at $15.1bn". Not shares, bonds or a listing priced
    at a figure: the priced thing must be the company."""
    at = root.head
    if at.lower_ != "at" or at.dep_ != "prep" or lemma_of(at.head) != "price" or at.head.pos_ != "VERB":
        return []
    verb = at.head
    if not is_asserted(verb, root, sent, "Valuation"):
        return []
    # "… priced it at $9.9bn"; "Lyft was last priced privately at $15.1bn"
    return [m for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for m in direct_orgs(c, reader.mentions)][:1]


def _given_to(cue: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Who a valuation is given to: "the deal gives xAI a valuation of $200bn"."""
    if cue.dep_ != "dobj" or lemma_of(cue.head) not in ("give", "hand", "award"):
        return []
    return [m for c in cue.head.children if c.dep_ in ("dative", "iobj") for m in direct_orgs(c, mentions)]


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
            _add_counterparty(readings, index, sent, mentions)
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

