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
_SECTOR_NOUNS = {"chipmaker": "chips", "chip maker": "chips", "chip designer": "chips",
                 "cloud provider": "cloud", "hyperscaler": "cloud"}  # fmt: skip
_PRONOUNS = {"it", "its", "it's"}


@dataclass(frozen=True)
class OrgMention:
    """An organisation named or pointed to by tokens ``start``..``end`` of the doc."""

    start: int
    end: int
    org: Org
    anaphoric: bool = False

    def covers(self, token: Token) -> bool:
        return self.start <= token.i < self.end


class Context:
    """What the text is about so far: the organisation later "it" and "the company" mean."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.recent: list[Org] = []  # most recent last

    def salient(self, sector: str | None = None) -> Org | None:
        for org in reversed(self.recent):
            if sector is None or self.gazetteer.sector(org.name) == sector:
                return org
        return None

    def update(self, sent: Span, mentions: list[OrgMention]) -> None:
        """Remember the sentence's subject organisation, else its first named one."""
        named = [m for m in mentions if not m.anaphoric]
        if not named or not any(t.pos_ in ("VERB", "AUX") for t in sent):
            return  # headings ("Feature Overview") say nothing about who the text is about
        subjects = [
            m for m in named if sent.doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
            or any(sent.doc[i].dep_ in ("nsubj", "nsubjpass") for i in range(m.start, m.end))
        ]
        chosen = (subjects or named)[0].org
        self.recent = [org for org in self.recent if org.name != chosen.name][-8:] + [chosen]


def _name_mentions(sent: Span, gazetteer: Gazetteer) -> list[OrgMention]:
    mentions = []
    for ent in sent.ents:
        maker = gazetteer.maker(ent.text)
        if maker is not None:
            # "capacity for Claude": a product stands for its maker
            mentions.append(OrgMention(ent.start, ent.end, Org(maker, ent.text), anaphoric=True))
            continue
        known = gazetteer.lookup(ent.text)
        if ent.label_ != "ORG" and known is None:
            continue
        if ent.text.lower().strip(" .'’s") in _NOT_ORGS or not any(c.isalpha() for c in ent.text):
            continue
        if ent.label_ == "ORG" and ent.ent_id_:
            name = ent.ent_id_
        else:
            name = known.name if known else gazetteer.canonical(ent.text)
        start = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
        mentions.append(OrgMention(start, ent.end, Org(name, ent.text)))
    return mentions


def _char_mention(sent: Span, start: int, end: int, org: Org) -> OrgMention | None:
    span = sent.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    return OrgMention(span.start, span.end, org, anaphoric=True) if span is not None else None


def find_mentions(sent: Span, gazetteer: Gazetteer, context: Context) -> list[OrgMention]:
    """Every organisation mention of ``sent``, in text order."""
    mentions = _name_mentions(sent, gazetteer)
    text = sent.text
    lowered = text.lower()

    def free(m: OrgMention) -> bool:
        return all(m.end <= o.start or m.start >= o.end for o in mentions)

    for epithet, name in gazetteer.epithets.items():
        for match in re.finditer(re.escape(epithet), lowered):
            found = _char_mention(sent, match.start(), match.end(), Org(name, text[match.start():match.end()]))
            if found and free(found):
                mentions.append(found)
    for match in _GENERIC.finditer(text):
        target = context.salient(_SECTOR_NOUNS.get(match.group("noun").lower()))
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
