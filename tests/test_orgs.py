"""Organisation mentions on parses the small model gets wrong.

The relation tests run sentences through the whole pipeline, so they can only pin rules on
parses the model happens to produce for them. These cases build the parse by hand, as the
model produced it for an article, to pin what the mention rules do with it."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from pipeline.gazetteer import load_gazetteer
from pipeline.orgs import Context, described_as_company, find_mentions


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer("")


VOCAB = spacy.blank("en").vocab  # English lexical attributes ("lower_"), no model


def parsed(tokens: list[tuple[str, str, str, int, str]], ents: list[str] | None = None) -> Doc:
    """A document from (word, part of speech, dependency, head index, lemma) rows."""
    words = [t[0] for t in tokens]
    return Doc(
        VOCAB,
        words=words,
        spaces=[i + 1 < len(words) and words[i + 1] not in (",", ".") for i in range(len(words))],
        pos=[t[1] for t in tokens],
        deps=[t[2] for t in tokens],
        heads=[t[3] for t in tokens],
        lemmas=[t[4] for t in tokens],
        ents=ents or ["O"] * len(words),
    )


def test_a_name_described_by_commas_is_an_organisation(gazetteer) -> None:
    """ "Disruptive, the Dallas investment firm, took part": the parser made "firm" the
    subject and "Disruptive" an adjective of it. The phrase between the commas describes the
    name before it; it does not point back to another organisation."""
    doc = parsed(
        [
            ("Disruptive", "ADJ", "amod", 5, "disruptive"),
            (",", "PUNCT", "punct", 5, ","),
            ("the", "DET", "det", 5, "the"),
            ("Dallas", "PROPN", "compound", 5, "Dallas"),
            ("investment", "NOUN", "compound", 5, "investment"),
            ("firm", "NOUN", "nsubj", 7, "firm"),
            (",", "PUNCT", "punct", 7, ","),
            ("took", "VERB", "ROOT", 7, "take"),
            ("part", "NOUN", "dobj", 7, "part"),
            (".", "PUNCT", "punct", 7, "."),
        ],
        ents=["O", "O", "O", "B-GPE", "O", "O", "O", "O", "O", "O"],
    )
    before = parsed(
        [("Nvidia", "PROPN", "nsubj", 1, "Nvidia"), ("led", "VERB", "ROOT", 1, "lead"), (".", "PUNCT", "punct", 1, ".")],
        ents=["B-ORG", "O", "O"],
    )
    context = Context(gazetteer)
    context.update(before[:], find_mentions(before[:], gazetteer, context))  # a firm the phrase could mean
    mentions = find_mentions(doc[:], gazetteer, context)
    assert {m.org.name for m in mentions if not m.guessed} == {"Disruptive"}
    assert any(not m.anaphoric for m in mentions if m.org.name == "Disruptive")


def test_a_name_that_sells_things_is_no_place() -> None:
    """ "PayFit, which sells payroll software, raised …", where the NER called PayFit a place."""
    doc = parsed(
        [
            ("PayFit", "PROPN", "nsubj", 6, "PayFit"),
            (",", "PUNCT", "punct", 0, ","),
            ("which", "PRON", "nsubj", 3, "which"),
            ("sells", "VERB", "relcl", 0, "sell"),
            ("software", "NOUN", "dobj", 3, "software"),
            (",", "PUNCT", "punct", 0, ","),
            ("raised", "VERB", "ROOT", 6, "raise"),
            ("money", "NOUN", "dobj", 6, "money"),
            (".", "PUNCT", "punct", 6, "."),
        ],
        ents=["B-GPE", "O", "O", "O", "O", "O", "O", "O", "O"],
    )
    assert described_as_company(doc[0])
    place = parsed(
        [
            ("Iowa", "PROPN", "nsubj", 4, "Iowa"),
            (",", "PUNCT", "punct", 0, ","),
            ("which", "PRON", "nsubj", 3, "which"),
            ("borders", "VERB", "relcl", 0, "border"),
            ("won", "VERB", "ROOT", 4, "win"),
            (".", "PUNCT", "punct", 4, "."),
        ],
        ents=["B-GPE", "O", "O", "O", "O", "O"],
    )
    assert not described_as_company(place[0])


def test_a_lettered_round_is_no_organisation(gazetteer) -> None:
    """The NER sometimes tags a round's name ORG: "Series C-1" and "Series B extension" are
    rounds, like "Series C"; "Amazon" beside them is still a company."""
    for words in (["Series", "C-1"], ["Series", "B", "extension"]):
        head = len(words) + 2  # the round's last word, after "Amazon anchored the"
        doc = parsed(
            [("Amazon", "PROPN", "nsubj", 1, "Amazon"), ("anchored", "VERB", "ROOT", 1, "anchor"), ("the", "DET", "det", head, "the")]
            + [(w, "PROPN", "compound", head, w) for w in words[:-1]]
            + [(words[-1], "PROPN", "dobj", 1, words[-1]), (".", "PUNCT", "punct", 1, ".")],
            ents=["B-ORG", "O", "O", "B-ORG"] + ["I-ORG"] * (len(words) - 1) + ["O"],
        )
        mentions = find_mentions(doc[:], gazetteer, Context(gazetteer))
        assert [m.org.name for m in mentions] == ["Amazon"], words

