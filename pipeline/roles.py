"""Who plays each role (step 3 of :mod:`pipeline.relations`): the organisations around a cue
word — its subject, objects, prepositions, possessives, compounds and the lists they head — and
:class:`RoleReader`, which reads them for one sentence with "it" and "the company" resolved by
:mod:`pipeline.orgs`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.cues import (
    FUNDING_NOUNS,
    ROUND_NOUNS,
    UNNAMED_NOT_ORGS,
    lemma_of,
)
from pipeline.gazetteer import Gazetteer
from pipeline.model import Org
from pipeline.name_lists import listed_names
from pipeline.orgs import (
    RELATIVE_PRONOUNS,
    OrgMention,
    described_as_company,
    named_by_whose,
)


def orgs_under(token: Token, mentions: list[OrgMention]) -> list[OrgMention]:
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
            todo += listed_after_description(current)
    return found


def listed_after_description(appos: Token) -> list[Token]:
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


def direct_orgs(token: Token, mentions: list[OrgMention]) -> list[OrgMention]:
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


def subject_orgs(verb: Token, mentions: list[OrgMention]) -> tuple[list[OrgMention], bool]:
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
                found = direct_orgs(child, mentions)
                if not found and not _former_of(child):
                    # "Albert Bourla, Pfizer's chief executive, presented the purchase": Pfizer
                    found = [m for m in orgs_under(child, mentions) if not m.person][:1]
                return found, child.dep_ == "nsubjpass" or passive_verb
        swallowed = [
            o for p in current.children if p.dep_ == "prep" and p.i < current.i and p.lower_ in ("in", "on", "at", "last", "this")
            for o in p.children if o.dep_ == "pobj" and o.pos_ == "PROPN" and any(
                c.dep_ == "compound" and (c.ent_type_ == "DATE" or c.pos_ == "NOUN") for c in o.children
            )
        ]  # fmt: skip
        named = [m for o in swallowed for m in direct_orgs(o, mentions) if not m.anaphoric]
        if named and current.pos_ in ("VERB", "AUX") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in current.children):
            # "In December Hyundai Motor Group agreed to buy …", "At that price Sky … is valued
            # at £29.7bn", where the parser read the name into the opening phrase and left the
            # verb without a subject
            return named, passive_verb
        if current.pos_ in ("NOUN", "PROPN") and current is not verb:
            owners = possessor_orgs(current, mentions)
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
            found = direct_orgs(current.head, mentions)
            if not found and current.head.dep_ == "appos":
                # "Checkout.com, the payments processor, which was valued at $15bn"
                found = [m for m in direct_orgs(current.head.head, mentions) if not m.anaphoric]
            if not found and current.head.dep_ == "attr":
                # "Nvidia became the first company to be valued at ...": the copula's subject
                return subject_orgs(current.head.head, mentions)[0], False
            return found, passive_verb
        if (
            current.dep_ == "acl" and current.tag_ != "VBG" and any(c.dep_ == "dobj" for c in current.children)
            and not any(c.dep_ == "agent" for c in current.children)
        ):
            # "UBS, which reports in dollars, brought in revenue of $34.6bn", parsed as if
            # "brought" described UBS: a verb with an object and no "by" after a name is its
            # main verb (unlike "Bungie, acquired by Sony")
            named = direct_orgs(current.head, mentions)
            if named:
                return named, passive_verb
        if current.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "pcomp") and current.head is not current:
            current = current.head
            if current.dep_ == "prep" and current.pos_ == "ADP":
                current = current.head  # "… has been valued at $1bn after raising $150m"
            continue
        break
    return [], False


def subject_up(token: Token, mentions: list[OrgMention], other: list[OrgMention]) -> list[OrgMention]:
    """The subject of the nearest verb at or above ``token`` that names someone besides
    ``other`` (the other party): "X signed a contract to host 200MW for Y", "Z agreed to take
    168MW at W's site", where the subject sits on the verb that signed or agreed."""
    taken = {m.org.name for m in other}
    for head in [token, *token.ancestors]:
        if head.pos_ in ("VERB", "AUX"):
            found = [m for m in subject_orgs(head, mentions)[0] if m.org.name not in taken]
            if found:
                return found
    return []


def prep_orgs(token: Token, preps: set[str], mentions: list[OrgMention]) -> list[OrgMention]:
    found: list[OrgMention] = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.lower_ in ("which", "whom") and token.dep_ == "relcl":
                    found += direct_orgs(token.head, mentions)  # "the developer in which it invested"
                elif pobj.dep_ in ("pobj", "pcomp"):
                    found += (
                        direct_orgs(pobj, mentions) or _group_members(pobj, mentions)
                        or _included(pobj, mentions)
                        # (not "Google" in "… including Eric Schmidt, the former chief executive of Google")
                        or [m for m in orgs_under(pobj, mentions) if not owner_in_description(pobj.doc[m.end - 1])][:1]
                    )  # fmt: skip
    return found


def joined_in_backing(cue: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Who "joined Microsoft in backing Inflection AI's $1.3bn raise": the one who joined and
    the one joined."""
    for verb in [cue, *cue.ancestors][:4]:
        if verb.dep_ == "pcomp" and verb.head.lower_ == "in" and lemma_of(verb.head.head) == "join":
            join = verb.head.head
            joined = [m for c in join.children if c.dep_ == "dobj" for m in direct_orgs(c, mentions)]
            return subject_orgs(join, mentions)[0] + joined
    return []


def _included(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The members of "backers including CapitalG and Hedosophia", "a group of new investors
    including Jane Street and Sequoia"."""
    nouns = [noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj")]
    found: list[OrgMention] = []
    for p in (p for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ == "including"):
        named = [m for o in p.children if o.dep_ == "pobj" for m in direct_orgs(o, mentions)]
        if named:
            # "investors including Eric Schmidt, the former chief executive of Google, the trading
            # firm Jane Street, Sequoia and …": the list read item by item, which the parse cuts
            listed = listed_names(noun.sent, p.i + 1, mentions)
            found += named + [m for m in listed if m not in named]
    return found


GROUP_NOUNS = {"group", "consortium", "syndicate", "clutch", "band", "slate", "roster"}
# What investors give besides money, named with where it came from: "with backing from X".
BACKING_NOUNS = {"backing", "investment", "participation", "funding", "support", "contribution", "contributions"}


def money_from_investors(verb: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The investors of "raised $6.5bn at a $50bn valuation from investors including Thrive
    Capital and General Catalyst", where the parser hangs "from" on the valuation."""
    return [
        m
        for prep in verb.subtree if prep.dep_ == "prep" and prep.lower_ == "from" and prep.head != verb
        for noun in prep.children if noun.dep_ == "pobj" and lemma_of(noun) in ("investor", "backer")
        for m in orgs_under(noun, mentions) if not m.anaphoric and not m.person
    ]  # fmt: skip


def backing_from(token: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The investors named as where a round's backing came from: "raised $13bn with backing
    from Fidelity and Lightspeed", "closed a round at a $2.6bn valuation with investment from
    Microsoft and Nvidia" (where the parser hangs "with" on the valuation)."""
    found: list[OrgMention] = []
    for child in token.subtree:
        if child.dep_ == "prep" and child.lower_ == "with":
            for noun in child.children:
                if noun.dep_ == "pobj" and lemma_of(noun) in BACKING_NOUNS:
                    found += [m for m in prep_orgs(noun, {"from"}, mentions) if m not in found]
    return found


def _group_members(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """The members of "a group that included Axa and Fidelity"."""
    if lemma_of(noun) not in GROUP_NOUNS:
        return []
    return [
        m for clause in noun.children if clause.dep_ == "relcl" and lemma_of(clause) in ("include", "comprise")
        for o in clause.children if o.dep_ == "dobj" for m in direct_orgs(o, mentions)
    ]  # fmt: skip


def agent_orgs(token: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    """Organisations in a "by X" phrase under ``token`` (passive agents, "a round led by X")."""
    found: list[OrgMention] = []
    for child in token.children:
        # ("funded by X, the fund manager …, and by Y", the parser hanging "and by" on the verb)
        if child.dep_ == "agent" or (child.dep_ in ("prep", "conj") and child.lower_ == "by"):
            for pobj in child.children:
                found += direct_orgs(pobj, mentions) or orgs_under(pobj, mentions)[:1]
        if child.dep_ in ("acl", "relcl") and lemma_of(child) in ("lead", "co-lead", "back", "join"):
            found += agent_orgs(child, mentions)
    return found


def possessor_orgs(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    for child in noun.children:
        if child.dep_ == "poss":
            if child.lower_ == "whose":
                return named_by_whose(child, mentions)
            return direct_orgs(child, mentions) or orgs_under(child, mentions)[:1]
    return []


def compound_orgs(noun: Token, mentions: list[OrgMention]) -> list[OrgMention]:
    return [
        m
        for child in noun.children
        if child.dep_ in ("compound", "amod", "nmod", "npadvmod")
        for m in mentions
        if m.covers(child)
    ]


def noun_chain(root: Token) -> list[Token]:
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
                and lemma_of(child) not in FUNDING_NOUNS | ROUND_NOUNS | {"revenue", "sales", "company"}
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
            agents = possessor_orgs(noun, mentions) or agent_orgs(noun, mentions)
            patients = prep_orgs(noun, patient_preps | {"of"}, mentions)
            compounds = [m for m in compound_orgs(noun, mentions) if m not in agents + patients]
            if noun_compound_is_patient:
                patients = patients or compounds
            else:
                agents = agents or compounds
            if not agents:
                verb = self._verb_of(noun)
                subject, passive = subject_orgs(verb, mentions)
                if not passive:
                    agents = [m for m in subject if m not in patients]
            return agents, patients
        subject, passive = subject_orgs(cue, mentions)
        if not subject and not passive:
            # "Lyft has signed up to spend $300m with AWS", the tagger taking "Lyft" for a noun
            governing = [cue, cue.head] if cue.dep_ in ("xcomp", "conj") else [cue]
            subject = next((found for verb in governing if (found := self.bare_name_subject(verb))), [])
        objects = []
        direct_objects = [c for c in cue.children if c.dep_ in ("dobj", "attr")]
        for child in direct_objects:
            objects += direct_orgs(child, mentions)
        if not objects:
            # "bought the maker of X": an organisation inside the object. Not when another
            # object names one: "buy Immunomedics …, a deal that gives the drugmaker …"
            for child in direct_objects:
                objects += orgs_under(child, mentions)[:1] or self.unnamed_org(child)
        prep_objects = prep_orgs(cue, patient_preps, mentions)
        if passive and not subject:
            # "DirecTV, the satellite broadcaster, was acquired by AT&T": a name the NER missed
            subject = [m for c in cue.children if c.dep_ == "nsubjpass" for m in self.unnamed_org(c)]
        if passive:
            return agent_orgs(cue, self.mentions), subject
        return subject, prep_objects or objects


def owner_in_description(token: Token) -> bool:
    """Whether a name is the owner in a description of another ("Teachers' Venture Growth,
    the venture arm of the Ontario Teachers' Pension Plan"; "Former Google boss Eric
    Schmidt"): the owner is not in the list."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "appos":
        return True
    if token.ent_type_ != "PERSON":
        head = token
        while head.dep_ in ("compound", "nmod", "amod") and head.head != head:
            head = head.head
        # (not "Altimeter Capital and Alpha Wave Global both chipped in", a list the parser
        # hung on its last name, which the NER took for a person)
        if head != token and head.ent_type_ == "PERSON" and not any(c.dep_ in ("cc", "conj") for c in token.children):
            return True
    # "PSP Investments, the pension fund manager for Canada's public servants"
    return any(a.dep_ == "appos" and a.pos_ == "NOUN" for a in token.ancestors)
