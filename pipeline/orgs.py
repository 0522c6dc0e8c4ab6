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
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.gazetteer import Gazetteer
from pipeline.model import Org

# Words the NER likes to tag ORG that are never a party to a deal.
_NOT_ORGS = {
    "ai", "gpu", "gpus", "ceo", "cfo", "ipo", "sec", "llm", "api", "cloud", "series",
    "round", "nasdaq", "nyse", "tpu", "tpus", "q1", "q2", "q3", "q4",
}  # fmt: skip

# Generic noun phrases that point back to an organisation, with the sector they require.
_GENERIC = re.compile(
    r"\b(?:the|that|this)\s+(?:(?:ai|artificial intelligence|san francisco|us|u\.s\.|paris|"
    r"french|dutch|british|american|chinese|german|japanese|canadian|chip|cloud|software|"
    r"tech|technology|energy|oil|drug|pharmaceutical|pharma|biotech|media|gaming|payments|"
    r"private|public|young|new)[\s-]+)*"
    r"(?P<noun>company|firm|startup|start-up|lab|laboratory|group|developer|chipmaker|"
    r"chip maker|chip designer|cloud provider|hyperscaler|giant|major|insurer|lender|bank|"
    r"drugmaker|buyer|acquirer|investor|business|outfit|maker|provider|operator|producer)\b",
    re.IGNORECASE,
)
# What a generic noun may point back to: sectors allowed (None = an organisation the
# gazetteer does not know). Nouns not listed may point to any organisation.
_NOUN_SECTORS: dict[str, set[str | None]] = {
    "chipmaker": {"chips"}, "chip maker": {"chips"}, "chip designer": {"chips"},
    "cloud provider": {"cloud"}, "hyperscaler": {"cloud"}, "drugmaker": {"pharma"},
    "startup": {"ai-lab", None}, "start-up": {"ai-lab", None}, "lab": {"ai-lab", None},
    "laboratory": {"ai-lab", None}, "developer": {"ai-lab", None},
    "bank": {"bank"}, "lender": {"bank"}, "insurer": {None},
}  # fmt: skip
_TITLES = {"chief", "executive", "ceo", "cfo", "founder", "co-founder", "president", "chairman",
           "chairwoman", "director", "head", "minister", "analyst", "officer", "partner",
           "spokesperson", "spokesman", "spokeswoman"}  # fmt: skip
_PRONOUNS = {"it", "its", "it's"}
_MODEL_NUMBER = re.compile(r"^[A-Z]{1,4}-?\d{2,}[A-Za-z]{0,3}$")


@dataclass(frozen=True)
class OrgMention:
    """An organisation named or pointed to by tokens ``start``..``end`` of the doc."""

    start: int
    end: int
    org: Org
    anaphoric: bool = False
    guessed: bool = False  # the NER said PERSON or GPE: trusted only in a role's own slot

    def covers(self, token: Token) -> bool:
        return self.start <= token.i < self.end


class Context:
    """What the text is about so far: the organisation later "it" and "the company" mean.

    "it" means the most recent subject (:meth:`salient`); "the company" and a missing role
    mean the organisation named most often so far (:meth:`topic`), the article's subject.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.recent: list[Org] = []  # most recent last
        self.counts: dict[str, int] = {}

    def _fits(self, org: Org, sectors: set[str | None] | None) -> bool:
        return sectors is None or self.gazetteer.sector(org.name) in sectors

    def salient(self, sectors: set[str | None] | None = None) -> Org | None:
        """The most recent subject organisation (of the given sectors)."""
        for org in reversed(self.recent):
            if self._fits(org, sectors):
                return org
        return None

    def topic(self, sectors: set[str | None] | None = None) -> Org | None:
        """The organisation named most often so far (of the given sectors); ties go to the
        more recent one."""
        ranked = sorted(
            (org for org in self.recent if self._fits(org, sectors)),
            key=lambda org: (self.counts.get(org.name, 0), self.recent.index(org)),
        )
        return ranked[-1] if ranked else None

    def update(self, sent: Span, mentions: list[OrgMention]) -> None:
        """Remember the sentence's subject organisation, else its first named one."""
        named = [m for m in mentions if not m.anaphoric and not m.guessed]
        if not named or not any(t.pos_ in ("VERB", "AUX") for t in sent):
            return  # headings ("Feature Overview") say nothing about who the text is about
        subjects = [
            m for m in named if sent.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
            or any(sent.doc[i].dep_ in ("nsubj", "nsubjpass") for i in range(m.start, m.end))
        ]
        for mention in mentions:
            if mention.guessed:
                continue
            self.counts[mention.org.name] = self.counts.get(mention.org.name, 0) + 1
            if mention.org.name not in {o.name for o in self.recent}:
                self.recent = self.recent[-15:] + [mention.org]
        chosen = (subjects or named)[0].org
        self.recent = [org for org in self.recent if org.name != chosen.name] + [chosen]


def _name_mentions(sent: Span, gazetteer: Gazetteer) -> list[OrgMention]:
    mentions = []
    for ent in sent.ents:
        maker = ent.kb_id_ if ent.label_ == "PRODUCT" and ent.kb_id_ else gazetteer.maker(ent.text)
        if maker is not None:
            # "capacity for Claude": a product stands for its maker
            mentions.append(OrgMention(ent.start, ent.end, Org(maker, ent.text), anaphoric=True))
            continue
        known = gazetteer.lookup(ent.text)
        # The small NER model often calls a company a PERSON ("Activision Blizzard") or a
        # place; such names may fill a role only from that role's own syntactic slot.
        guessed = ent.label_ in ("PERSON", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC") and known is None
        if ent.label_ != "ORG" and known is None and not guessed:
            continue
        if guessed and _titled(ent):
            continue  # "Albert Bourla, Pfizer's chief executive" is a person
        if ent.text.lower().strip(" .'’s") in _NOT_ORGS or not any(c.isalpha() for c in ent.text):
            continue
        if _MODEL_NUMBER.match(ent.text):
            continue  # "MI450", "H100": a chip or product code
        if ent.label_ == "ORG" and (ent.ent_id_ or ent.kb_id_):
            name = ent.ent_id_ or ent.kb_id_
        else:
            name = known.name if known else gazetteer.canonical(ent.text)
        start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
        previous = mentions[-1] if mentions else None
        if previous and previous.end == start and not previous.anaphoric and ent.label_ != "PRODUCT" or (
            previous and previous.end == start and guessed and not previous.anaphoric
        ):
            # the NER split one name in two ("DST" + "Global")
            surface = sent.doc[previous.start : ent.end].text
            joined = gazetteer.canonical(surface)
            mentions[-1] = OrgMention(previous.start, ent.end, Org(joined, surface))
            continue
        mentions.append(OrgMention(start, ent.end, Org(name, ent.text), guessed=guessed))
    return mentions


def _titled(ent: Span) -> bool:
    """Whether a name is followed by a job title ("X, the chief executive")."""
    doc = ent.doc
    window = doc[ent.end : min(ent.end + 6, ent.sent.end)]
    return bool(window) and window[0].text == "," and any(t.lower_ in _TITLES for t in window)


def _char_mention(sent: Span, start: int, end: int, org: Org) -> OrgMention | None:
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    return OrgMention(span.start, span.end, org, anaphoric=True) if span is not None else None


def find_mentions(sent: Span, gazetteer: Gazetteer, context: Context) -> list[OrgMention]:
    """Every organisation mention of ``sent``, in text order."""
    mentions = _name_mentions(sent, gazetteer)
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
    for match in _GENERIC.finditer(text):
        target = context.topic(_NOUN_SECTORS.get(match.group("noun").lower()))
        if target is None:
            continue
        found = _char_mention(sent, match.start(), match.end(), Org(target.name, match.group(0)))
        if found and free(found):
            mentions.append(found)
    for token in sent:
        if token.lower_ not in _PRONOUNS or token.dep_ not in ("nsubj", "nsubjpass", "poss"):
            continue
        target = _pronoun_target(token, mentions) or context.salient()
        if target is not None:
            mentions.append(OrgMention(token.i, token.i + 1, Org(target.name, token.text), True))
    return sorted(mentions, key=lambda m: m.start)


def _pronoun_target(pronoun: Token, mentions: list[OrgMention]) -> Org | None:
    """The subject organisation of a clause that governs the pronoun, if any.

    "Amazon said it would invest": "it" hangs under "invest", whose head "said" has the
    subject Amazon.
    """
    for head in pronoun.ancestors:
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i != pronoun.i:
                for mention in mentions:
                    if mention.covers(child) and not mention.anaphoric:
                        return mention.org
    return None
