"""Investors named apart from a round's figure, in a clause with no money in it: "ICONIQ led the
round", "X and Y also took part", "It named X among its backers". :mod:`pipeline.relations`
turns them into "Participants" readings, which :mod:`pipeline.consolidate` joins to the round.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from pipeline.cues import (
    FUNDING_NOUNS,
    HOLDINGS,
    INVESTOR_WORDS,
    LEAD_VERBS,
    REPORTING,
    ROUND_NOUNS,
    is_series,
    lemma_of,
)
from pipeline.modality import (
    is_asserted,
)
from pipeline.model import Org
from pipeline.name_lists import listed_names
from pipeline.orgs import (
    OrgMention,
)
from pipeline.roles import (
    RoleReader,
    agent_orgs,
    direct_orgs,
    listed_after_description,
    orgs_under,
    owner_in_description,
    prep_orgs,
    subject_orgs,
)


def _holds_figure(verb: Token, figure: Span) -> bool:
    """Whether a figure is in a verb's clause, other than as the round's valuation ("with
    Magnetar taking part, at a valuation of $19 billion")."""
    if not verb.left_edge.i <= figure.start <= verb.right_edge.i:
        return False
    return not any(
        c.dep_ == "prep" and c.lower_ == "at" and c.left_edge.i <= figure.start <= c.right_edge.i
        and any(o.lower_ in ("valuation", "value") for o in c.children)
        for c in verb.children
    )


def people_named(sent: Span, mentions: list[OrgMention]) -> list[OrgMention]:
    """People the NER names in a sentence and no organisation mention covers, as parties:
    "Marc Benioff, the Salesforce chief executive, wrote a personal cheque"."""
    return [
        OrgMention(ent.start, ent.end, Org(ent.text, ent.text))
        for ent in sent.ents
        if ent.label_ == "PERSON" and len(ent) >= 2
        and not any(m.start < ent.end and ent.start < m.end for m in mentions)
    ]  # fmt: skip


def round_participants(reader: RoleReader, sent: Span, figures: Sequence[Span] = ()) -> list[OrgMention]:
    """Investors named apart from a round's figure, in a clause with no money in it:
    "ICONIQ led the round", "The round was led by X, with Y also taking part",
    "X, Y and Z co-led it", "X came in as a new investor", "It named X and Y among the backers".
    With ``figures``, only from clauses that hold none of them ("Microsoft came back for
    more; it had already put about $13bn into OpenAI")."""
    found: list[OrgMention] = []

    doc = sent.doc

    def add(mentions: list[OrgMention]) -> None:
        found.extend(
            m for m in mentions
            if m.org.name not in {f.org.name for f in found}
            # "Pasqal's existing shareholders also came back": whose shareholders they are is no
            # investor; "Bpifrance, through its Large Venture fund": nor is the fund it invests
            # through
            and not (doc[m.end - 1].dep_ == "poss" and doc[m.end - 1].head.lower_ in INVESTOR_WORDS)
            and not any(a.lower_ == "through" for a in doc[m.end - 1].ancestors if a.i > m.start - 4)
        )

    def named_before(verb: Token) -> list[OrgMention]:
        """Every organisation named in the clause before its verb: lists of investors are
        where the small parser most often loses conjuncts."""
        return [
            m for m in reader.mentions
            if verb.left_edge.i <= m.start and m.end <= verb.i and not m.anaphoric
            and not owner_in_description(reader.sent.doc[m.end - 1])
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
        if any(_holds_figure(token, f) for f in figures):
            continue
        lemma = lemma_of(token)
        if lemma == "be" and LEAD_PREDICATE.match(sent.doc[token.i + 1 : sent.end].text):
            add(subject_orgs(token, reader.mentions)[0] + named_before(token))  # "Fidelity and Lightspeed were co-leads"
            continue
        if lemma == "be" and _investors_named_as_predicate(token):
            add(listed_names(sent, token.i + 1, reader.mentions))  # "The other backers were Dell, Blue Owl and …"
            continue
        if lemma == "be" and _back_or_new_investor(token, reader.mentions):
            add(subject_orgs(token, reader.mentions)[0] + named_before(token))  # "Saab is back", "X is a new investor"
            continue
        if token.pos_ == "AUX" and lemma != "do":
            continue
        related = [c for c in token.children if c.dep_ in ("dobj", "prep", "nsubjpass")]
        # "The financing was co-led by X", where the tagger took "co" for an auxiliary and
        # hung the subject on "was"
        if any(c.dep_ == "auxpass" for c in token.children):
            related += [t for t in token.doc[token.left_edge.i : token.i] if t.dep_ in ("nsubj", "nsubjpass")]
        about_round = any(names_round(o) or any(names_round(g) for g in o.children) for o in related)
        subject, passive = subject_orgs(token, reader.mentions)
        passive = passive or any(c.dep_ == "auxpass" for c in token.children)
        objects = [c for c in token.children if c.dep_ in ("dobj", "prep", "dative")]
        if lemma == "join" and not passive and any(
            p.dep_ == "prep" and p.lower_ == "in" and any(names_round(o) for o in p.children)
            for c in [token, *(c for c in token.children if c.dep_ == "dobj")] for p in c.children
        ):
            # "AMD Ventures joined existing backers Andreessen Horowitz, Amplify Partners and
            # Matrix Partners in the round": the one who joined and the ones joined
            joined = [
                m for c in token.children if c.dep_ == "dobj"
                # "joined existing backers X and Y", the names hung on "backers"
                for m in direct_orgs(c, reader.mentions) or (orgs_under(c, reader.mentions) if c.lower_ in INVESTOR_WORDS else [])
            ]  # fmt: skip
            # (not the owner in "AMD Ventures, the chipmaker's investment arm")
            joiners = [m for m in subject if not owner_in_description(sent.doc[m.end - 1])]
            add(joiners + named_before(token) + joined + listed_names(sent, token.i + 1, reader.mentions))
        elif lemma in LEAD_VERBS and (about_round or (lemma in ("lead", "co-lead", "colead") and not objects and not passive)):
            # "ICONIQ led the round", "T. Rowe Price again led"; "co-led the deal with Coatue";
            # "Plural joined the round, as did Elad Gil"
            if passive:
                add(agent_orgs(token, reader.mentions) or _named_after_counted_agent(token, reader.mentions))
            else:
                # (not "Skype" in "Skype co-founder Jaan Tallinn led that round")
                add([m for m in subject + named_before(token) if not _employer_of_person(m, sent.doc)])
                add(_drew_money_from(token, reader.mentions))
            co_led = lemma in ("co-lead", "colead") or (token.i >= 2 and token.doc[token.i - 2].lower_ == "co")
            # "co-led the deal with Coatue", "led the round with Lux Capital" (however "with" hangs)
            partners = [token] + [c for c in token.children if c.dep_ == "dobj"] if co_led or lemma == "lead" else [token]
            add([m for t in partners for m in prep_orgs(t, {"with"}, reader.mentions)] + _as_did(token, reader.mentions))
        elif lemma in ("put", "invest", "chip", "pour", "pump", "plough") and (
            any(lemma_of(c) in FUNDING_NOUNS for c in token.children if c.dep_ == "dobj")
            or any(c.lower_ in ("in", "also") for c in token.children)
        ) and (
            any(t.lower_ in ("also", "too", "other", "others", "again") for t in sent)
            or _fresh_money(token)
            or any(c.lower_ == "more" and c.dep_ in ("dobj", "advmod", "pobj") for t in [token, *token.children] for c in t.children)
        ):
            # "X, Y and Z also put money in", "X put in fresh money", "put in more", "…, as did Z"
            add(subject + named_before(token) + _as_did(token, reader.mentions))
        elif lemma in ("put", "provide", "supply") and passive and any(
            lemma_of(t) in FUNDING_NOUNS for c in token.children if c.dep_ == "nsubjpass" for t in c.subtree
        ):
            # "The bulk of the money is being put up by Passion Capital"
            add(agent_orgs(token, reader.mentions))
        elif lemma in ("put", "invest") and any(c.lower_ == "alongside" for c in token.children):
            # "The Amazon founder put money in alongside Thrive Capital and Lux Capital": the
            # names it went in alongside (the subject may be a person described by a company)
            alongside = [p for p in token.children if p.lower_ == "alongside"]
            backers = [o for p in alongside for o in p.children if o.dep_ == "pobj" and lemma_of(o) in INVESTOR_WORDS]
            colon = next((t for t in sent if t.text == ":" and backers and t.i > backers[0].i), None)
            named = [m for c in token.children if c.dep_ == "nsubj" for m in direct_orgs(c, reader.mentions)]
            if not named and token.dep_ == "acl" and any(m.covers(token.head) for m in reader.mentions):
                # the subjects, which the parser took for names the verb describes
                named = listed_names(sent, sent.start, reader.mentions, people=False, end=token.i)
            # "Neuberger Berman and Type One Ventures invested alongside corporate backers: X, Y
            # and Z": the subjects and the list after the colon
            add(
                (named + named_before(token) if named else [])
                + prep_orgs(token, {"alongside"}, reader.mentions)
                + (listed_names(sent, colon.i + 1, reader.mentions) if colon is not None else [])
            )
        elif lemma in ("supply", "provide", "contribute") and any(_is_money_share(c) for c in token.children if c.dep_ == "dobj"):
            add(subject + named_before(token))  # "Accel supplied part of the cash"
        elif lemma == "write" and any(lemma_of(c) in ("cheque", "check") for c in token.children if c.dep_ == "dobj"):
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
            c.dep_ == "dobj" and lemma_of(c) in ("list", "roster", "line-up", "lineup", "syndicate") for c in token.children
        ):
            add(subject + named_before(token))  # "Bpifrance completes the list", "SV Angel rounds out the list of investors"
        elif lemma == "come" and any(c.dep_ == "prt" and c.lower_ == "in" for c in token.children) and not any(
            c.dep_ == "dobj" or (c.dep_ in ("prep", "advmod", "acomp") and c.lower_ not in ("from", "too", "also", "as"))
            for c in token.children
        ):
            # "La Famiglia and Headline came in from Germany" (not "results from Google Cloud
            # came in below forecasts": only the names that are the subject)
            subjects = [m for c in token.children if c.dep_ == "nsubj" for m in direct_orgs(c, reader.mentions)]
            add(subjects + (named_before(token) if subjects else []) + _as_did(token, reader.mentions))
        elif lemma in ("increase", "raise", "lift", "top", "boost") and any(
            c.dep_ == "dobj" and lemma_of(c) in HOLDINGS and any(g.dep_ == "poss" for g in c.children)
            for c in token.children
        ) and not [c for c in token.children if c.dep_ == "prep" and c.lower_ == "to"]:
            # "The Qatar Investment Authority increased its holding, as did GIC" (not "raised its
            # stake to 30%", a purchase of its own)
            add(subject + _as_did(token, reader.mentions))
        elif lemma == "make" and any(c.dep_ == "dobj" and lemma_of(c) == "investment" for c in token.children):
            add(subject)  # "Nvidia made its first investment in the company"
        elif lemma == "buy" and (
            any(c.dep_ == "dobj" and lemma_of(c) in ("note", "share", "stock") for c in token.children)
            or any(c.lower_ == "into" and any(names_round(o) for o in c.children) for c in token.children)
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
            agents = agent_orgs(token, reader.mentions)
            newcomers = [
                o for c in token.children if c.dep_ == "agent" for o in c.children
                if o.dep_ == "pobj" and (o.lower_ in INVESTOR_WORDS or lemma_of(o) == "newcomer")
            ]  # fmt: skip
            if not agents and newcomers:
                # "The pension fund was joined by two other newcomers to the share register,
                # Fidelity International and Schroders": the names that follow
                agents = listed_names(sent, newcomers[0].i + 1, reader.mentions)
            agents = agents or _named_after_counted_agent(token, reader.mentions)
            add(subject + agents)  # "X and Y were joined … by Z and by W"
        elif lemma == "join" and any(c.dep_ == "dobj" and c.lower_ == "them" for c in token.children):
            # "X and Y also put in more money, and Z, the Silicon Valley investor, joined them":
            # the names since the last "and", which the parser may hang elsewhere
            since = max((t.i for t in sent if t.i < token.i and t.dep_ == "cc"), default=sent.start)
            add([
                m for m in reader.mentions
                if since < m.start and m.end <= token.i and not m.anaphoric
                and not owner_in_description(sent.doc[m.end - 1])  # "NVentures, the investment unit of Nvidia"
            ] or subject)  # fmt: skip
        elif lemma == "do" and token.i == sent.start + 1 and sent[0].lower_ in ("so", "as"):
            # "So did Suning Commerce Group", after a sentence of investors; "So did Citi, along
            # with two prominent individuals: Eric Schmidt, …, and Eric Yuan"
            add(subject + listed_names(sent, token.i + 1, reader.mentions))
        elif lemma in ("invest", "participate", "join") and not [c for c in token.children if c.dep_ in ("dobj", "prep", "dative")] and subject and (
            lemma != "join" or _as_did(token, reader.mentions) or any(t.lower_ in ("also", "too") for t in sent)
        ):
            # "Andreessen Horowitz, Sequoia Capital and SV Angel invested, as did NFDG",
            # "Lightspeed also participated", "Google joined, as did Salesforce Ventures"
            add(subject + named_before(token) + _as_did(token, reader.mentions))
        elif lemma == "take" and any(c.lower_ == "part" for c in token.children):
            # "Google, Amazon and IBM all took part, as did Sound Ventures"
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            named = [m for c in subjects for m in direct_orgs(c, reader.mentions)]
            # "Funds managed by T. Rowe Price took part": whoever manages them
            named += [
                m for c in subjects if lemma_of(c) in ("fund", "funds", "account", "accounts", "vehicle", "vehicles")
                for a in c.children if a.dep_ == "acl" and lemma_of(a) in ("manage", "advise", "run")
                for m in agent_orgs(a, reader.mentions)
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
            c.lower_ == "to" and any(lemma_of(o) in HOLDINGS for o in c.children) for c in token.children
        ):
            add(subject + named_before(token))  # "Sequoia and Smash Capital added to their stakes"
        elif lemma in ("come", "join", "sign") and any(
            c.lower_ == "as" and (
                any(g.lower_ in INVESTOR_WORDS for g in c.subtree) or LEAD_PREDICATE.match(sent.doc[c.i + 1 : c.right_edge.i + 1].text)
            )
            for c in token.children
        ):
            add(subject + named_before(token))  # "X and Y came in as new investors", "X came in as co-lead"
        elif lemma in ("name", "list", "include", "count") and any(t.lower_ in INVESTOR_WORDS for t in sent):
            for child in token.children:
                if child.dep_ in ("dobj", "attr"):
                    add(direct_orgs(child, reader.mentions))
    if not figures:
        add(_listed_after_colon(reader, sent))
        add(among_the_investors(sent, reader.mentions))
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
    if any(
        c.dep_ == "nsubj" and lemma_of(c) == "name" and any(a.lower_ == "new" for a in c.children)
        and any(p.lower_ == "on" and any(lemma_of(o) in ("list", "roster", "register") for o in p.children) for p in c.children)
        for c in verb.children
    ):
        return True  # "The one new name on the list is Nvidia" (not "Its new name is Meta")
    return bool(subjects) and (
        verb.tag_ == "VBD"
        or any(a.lower_ in ("other", "new", "additional", "remaining", "further") for s in subjects for a in s.children)
    )


def among_the_investors(sent: Span, mentions: list[OrgMention]) -> list[OrgMention]:
    """Organisations named "among the investors": "Google is among the investors", "…, with
    Thrive Capital, Andreessen Horowitz and General Catalyst among the investors"."""
    found: list[OrgMention] = []
    for token in sent:
        if token.lower_ != "among" or not any(o.lower_ in INVESTOR_WORDS for o in token.children):
            continue
        if token.head.lemma_ == "be":
            found += [m for s in token.head.children if s.dep_ == "nsubj" for m in direct_orgs(s, mentions)]
            continue
        within = next((a for a in token.ancestors if a.dep_ == "prep" and a.lower_ == "with"), None)
        if within is None:  # "led that financing, with Nvidia and Oracle among the other investors"
            within = next((t for t in reversed(sent.doc[sent.start : token.i]) if t.lower_ == "with"), None)
        if within is not None:
            found += [m for o in within.children if o.dep_ == "pobj" for m in direct_orgs(o, mentions)]
            found += listed_names(sent, within.i + 1, mentions, people=False, end=token.i)
    return found


def _drew_money_from(verb: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Who else a round "drew money from": "X led that round, which also drew money from
    Facebook co-founder Dustin Moskovitz and from former Google chief executive Eric Schmidt"."""
    found = []
    for noun in (c for c in verb.children if c.dep_ == "dobj" and names_round(c)):
        for clause in noun.children:
            if clause.dep_ == "relcl" and any(lemma_of(o) in FUNDING_NOUNS for o in clause.children if o.dep_ == "dobj"):
                for p in (c for c in clause.subtree if c.dep_ in ("prep", "conj") and c.lower_ == "from"):
                    found += listed_names(verb.sent, p.i + 1, mentions, end=p.right_edge.i + 1)
    return [m for m in found if not _employer_of_person(m, verb.doc)]


def _named_after_counted_agent(verb: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The names after a colon, when a passive verb's agent counts people or investors without
    naming them: "It was joined by three of the best-connected people in the industry: Reid
    Hoffman, …; Bill Gates; and Eric Schmidt, …"."""
    sent = verb.sent
    colon = next((t for t in sent if t.text == ":" and t.i > verb.i), None)
    counted = any(
        o.dep_ == "pobj" and (o.pos_ == "NUM" or lemma_of(o) in ("handful", "group", "trio", "pair", "people", "names"))
        for a in verb.children if a.dep_ == "agent" for o in a.children
    )  # fmt: skip
    return listed_names(sent, colon.i + 1, mentions) if counted and colon is not None else []


def _fresh_money(verb: Token) -> bool:
    """ "put in fresh money": more money from an investor the round already had."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for c in verb.children if c.lower_ == "in" for o in c.children if o.dep_ == "pobj"]  # "put in fresh money"
    return any(
        lemma_of(o) in FUNDING_NOUNS and any(a.lower_ in ("fresh", "more", "new", "additional", "further") for a in o.children)
        for o in objects
    )


def _is_money_share(noun: Token) -> bool:
    """ "the cash", "part of the money", "the rest of the funding"."""
    if lemma_of(noun) in FUNDING_NOUNS:
        return True
    return lemma_of(noun) in ("part", "some", "rest", "bulk", "most", "half", "share") and any(
        lemma_of(o) in FUNDING_NOUNS for p in noun.children if p.lower_ == "of" for o in p.children
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
        any(lemma_of(t) in INVESTING_NOUNS for t in before)
        and any(lemma_of(t) in PARTICIPATING_VERBS and t.pos_ == "VERB" for t in before)
    ) and not (
        # "Two defence manufacturers co-led the round: X and Y"
        # (not "led the financing, … said in a post that named its co-founders: X, Y and Z")
        colon.i > sent.start + 1 and names_round(sent.doc[colon.i - 1]) and sent.doc[colon.i - 1].pos_ == "NOUN"
        and any(lemma_of(t) in LEAD_VERBS or t.lower_.startswith("co-") for t in before if t.pos_ == "VERB")
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
                a.dep_ == "appos" and doc[m.end - 1] not in listed_after_description(a)
                # ("backers: Amazon Web Services, Alphabet's growth fund CapitalG and …", where
                # the parser makes the rest of the list conjuncts of the first name)
                and not any(n.covers(a) and not n.anaphoric for n in reader.mentions)
            )
            for a in doc[m.end - 1].ancestors if a.i > colon.i
        ))
        and doc[m.end - 1].dep_ != "poss" and not owner_in_description(doc[m.end - 1])
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
    return any(c.dep_ == "appos" and lemma_of(c) in INVESTOR_DESCRIPTIONS for c in token.children)


def _back_or_new_investor(verb: Token, mentions: list[OrgMention]) -> bool:
    """ "Saab is back this time", "Nvidia is an investor for the first time", "X is a new
    backer": a "be" that says its subject takes part in the round. Not "X is an investor in
    Y", which names another company."""
    if any(c.dep_ == "advmod" and c.lower_ == "back" for c in verb.children):
        return True
    for attr in (c for c in verb.children if c.dep_ == "attr" and c.lower_ in INVESTOR_WORDS):
        if any(p.lower_ == "in" and orgs_under(p, mentions) for p in attr.children):
            return False
        first_time = "first time" in verb.sent.text
        return first_time or any(a.lower_ in ("new", "also", "fresh") for t in (attr, verb) for a in t.children)
    return False


def names_round(token: Token) -> bool:
    """Whether a word names a funding round: "the round", "the financing", "the Series H"."""
    return lemma_of(token) in ROUND_NOUNS or is_series(token)


def _as_did(verb: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The organisations of an "as did X" (or ", and so did X") clause after a verb of taking part."""
    found = []
    clauses = list(verb.children)
    if verb.dep_ == "ccomp" and lemma_of(verb.head) in REPORTING:
        clauses += verb.head.children  # "X increased its holding, the company said, as did Y"
    for clause in clauses:
        if (
            (clause.dep_ == "advcl" or (clause.dep_ == "ccomp" and clause.lemma_ == "do"))
            and any(g.lower_ == "as" for g in clause.children)
        ) or (
            clause.dep_ == "conj" and clause.lemma_ == "do" and any(g.lower_ == "so" for g in clause.children)
        ):
            found += [m for c in clause.children if c.dep_ == "nsubj" for m in direct_orgs(c, mentions)]
            found += listed_names(verb.sent, clause.i + 1, mentions)  # the list the parse loses
    doc = verb.doc
    if not found:
        # "…, took part, and so did Zoom Ventures, whose parent …", the parser having made
        # "did" an auxiliary of the relative clause's verb
        did = next((t for t in doc[verb.i + 1 : verb.sent.end] if t.lower_ == "did" and doc[t.i - 1].lower_ in ("so", "as")), None)
        if did is not None and all(t.lower_ in (",", "and", "so", "as") for t in doc[verb.right_edge.i + 1 : did.i] if t.i > verb.i):
            found = listed_names(verb.sent, did.i + 1, mentions)
    return [
        m for m in found
        if not _employer_of_person(m, doc)
        # "as did DST Global, Yuri Milner's growth fund": the fund's owner is no investor here
        and not (doc[m.end - 1].dep_ == "poss" and owner_in_description(doc[m.end - 1]))
    ]  # fmt: skip


JOB_WORDS = {"founder", "co-founder", "co", "cofounder", "chief", "boss", "executive", "ceo", "chairman", "president", "cto", "cfo", "head"}


def _employer_of_person(mention: OrgMention, doc: Doc) -> bool:
    """Whether a name only says whom a person works for: "LinkedIn co-founder Reid Hoffman",
    "Google chief scientist Jeff Dean" (however the parser hangs it)."""
    after = doc[mention.end : min(mention.end + 4, len(doc))]
    return any(t.lower_ in JOB_WORDS for t in after[:2]) and any(t.ent_type_ == "PERSON" for t in after)
