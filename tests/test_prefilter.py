"""The sentence pre-filter: which sentences the models read, and that offsets survive it."""

from __future__ import annotations

import pytest

from pipeline.config import load_settings
from pipeline.errors import ConfigError
from pipeline.nlp import load_nlp
from pipeline.prefilter import blank_unlikely, filter_text, kept_sentences, split_sentences, states_figureless_fact
from pipeline.quantities import find_quantities

ARTICLE = (
    "Mistral AI is a Paris-based developer of language models.\n"
    "Its founders left Google DeepMind and Meta in 2023.\n"
    "The lab has released several open-weight models since then.\n"
    "Chief executive Arthur Mensch spoke at a conference in Berlin last week.\n"
    "He praised the city's food. The weather was cold.\n"
    "The company raised EUR 600 million in June, its largest round so far.\n"
    "General Catalyst led the round.\n"
    "Analysts praised the product roadmap.\n"
)


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_sentences_cover_the_text_exactly() -> None:
    assert "".join(sentences(ARTICLE)) == ARTICLE
    assert len(sentences(ARTICLE)) == 9


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia Corp. agreed to buy Mellanox for $6.9bn in 2019.",
        "J. P. Morgan led the round, the filing said.",
        "The U.S. regulator cleared the deal on Jan. 5 after a review.",
    ],
)
def test_abbreviations_and_initials_do_not_end_a_sentence(text: str) -> None:
    assert sentences(text) == [text]


def test_a_line_break_always_ends_a_sentence() -> None:
    assert sentences("Headline without a stop\nBody starts here.") == ["Headline without a stop\n", "Body starts here."]


def test_blanking_keeps_length_line_breaks_and_the_kept_sentences() -> None:
    blanked = blank_unlikely(ARTICLE)
    assert len(blanked) == len(ARTICLE)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == [i for i, c in enumerate(ARTICLE) if c == "\n"]
    kept = dict(zip(sentences(ARTICLE), kept_sentences(ARTICLE), strict=True))
    for sentence, keep in kept.items():
        start = ARTICLE.index(sentence)
        piece = blanked[start : start + len(sentence)]
        assert piece == (sentence if keep else "".join("\n" if c == "\n" else " " for c in sentence))


def test_which_sentences_are_kept() -> None:
    kept = [s.strip() for s, keep in zip(sentences(ARTICLE), kept_sentences(ARTICLE), strict=True) if keep]
    assert kept == [
        # the first three: they say what the article is about
        "Mistral AI is a Paris-based developer of language models.",
        "Its founders left Google DeepMind and Meta in 2023.",
        "The lab has released several open-weight models since then.",
        # "The weather was cold." is kept because the next sentence says "The company"
        "The weather was cold.",
        "The company raised EUR 600 million in June, its largest round so far.",
        "General Catalyst led the round.",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Broadcom agreed to buy VMware.", True),
        ("Thrive Capital led the round.", True),
        ("Sequoia and Accel also put money in.", True),
        ("SoftBank took part.", True),
        ("Fidelity and Mubadala also poured money in.", True),
        ("Sequoia and Smash Capital, which had backed the company before, added to their stakes.", True),
        ("Temasek, which first backed the bank in 2019, increased its holding, as did Tiger Global.", True),
        ("The company poured concrete for a new campus.", False),
        ("It named Fidelity and T. Rowe Price among its investors.", True),
        ("Anthropic named Google Cloud its preferred cloud provider.", True),
        ("Tencent and DST Global also returned.", True),
        ("Lightspeed and CRV also wrote cheques.", True),
        ("Accel supplied part of the cash.", True),
        ("Valar Ventures put in fresh money.", True),
        ("So did Suning Commerce Group.", True),
        ("Three investors are new to the company: Baillie Gifford and UC Investments.", True),
        ("The company returned to profit in March.", False),
        ("The company leads the market in GPUs.", False),
        ("Investors cheered the results.", False),
        ("Shares rose 4% in early trading.", False),
        ("Renesas Electronics now owns Dialog Semiconductor.", True),
        ("T-Mobile has completed its merger with Sprint.", True),
        ("Bain Capital Ventures led the Series B.", True),
        ("Fidelity and Lightspeed were co-leads.", True),
        ("Khosla Ventures and Temasek also participated.", True),
        ("La Famiglia and Headline came in from Germany.", True),
        ("The state-owned bank Bpifrance completes the list.", True),
        ("MGX and BlackRock are investing alongside it.", True),
        ("The Dutch lithography giant wrote by far the biggest cheque.", True),
        ("Two fund managers came in alongside it: Fidelity and BlackRock.", True),
        ("Results from the cloud unit came in below forecasts.", False),
        ("The one new name on the list is Nvidia.", True),
        ("Google joined, as did Salesforce Ventures.", True),
        ("Toyota took a stake in Uber itself in May.", True),
        ("The company made a strategic investment in Controlled Thermal Resources.", True),
        ("It took years to build the plant.", False),
        ("Atreides Management came in as co-lead, according to the company.", True),
        ("The company said it had signed a data center lease with Core42.", True),
        ("CoreWeave has taken up the last of the options in its hosting arrangement with Core Scientific.", True),
        ("The group's new name is Meta Platforms.", False),
    ],
)
def test_sentences_without_a_figure(sentence: str, expected: bool) -> None:
    assert states_figureless_fact(sentence) is expected


def test_it_is_followed_back_through_sentences_that_open_with_it() -> None:
    """ "Databricks was founded … It sells software … It has snapped up Redash": the name is
    two sentences back, behind a sentence that only says "it"."""
    text = (
        "Lumo makes payroll software.\nSales are growing.\nThe weather was cold.\n"
        "Databricks was founded in 2013 by academics.\nIt sells software for data.\n"
        "It has snapped up Redash, a dashboard maker.\nShares rose.\n"
    )
    kept = [s.strip() for s, keep in zip(sentences(text), kept_sentences(text), strict=True) if keep]
    assert kept[3:] == [
        "Databricks was founded in 2013 by academics.",
        "It sells software for data.",
        "It has snapped up Redash, a dashboard maker.",
    ]


def test_facts_and_offsets_are_the_same_with_and_without_the_filter() -> None:
    filtered = load_nlp("en_core_web_sm", prefilter=True)
    unfiltered = load_nlp("en_core_web_sm", prefilter=False)
    doc = filtered(ARTICLE)
    assert len(doc.text) == len(ARTICLE)
    assert "Berlin" not in doc.text  # the models never saw it
    facts = doc._.relations
    assert [(f.kind, f.amount.value if f.amount else None) for f in facts] == [
        (f.kind, f.amount.value if f.amount else None) for f in unfiltered(ARTICLE)._.relations
    ]
    investment = next(f for f in facts if f.kind == "Investment")
    assert [o.name for o in investment.roles["investee"]] == ["Mistral AI"]
    assert [o.name for o in investment.roles["investor"]] == ["General Catalyst"]
    for evidence in investment.evidence:
        assert ARTICLE[evidence.start : evidence.end] == evidence.sentence


def test_the_quantities_found_while_filtering_are_those_of_the_kept_text() -> None:
    """The tagger reuses the filter's quantity pass instead of parsing the text again."""
    text = ARTICLE.replace("He praised the city's food.", "He paid $40 for lunch. Fine food.") + (
        "Its data centres draw 300 MW. The weather cost 5 GW of nothing, said nobody.\n"
    )
    blanked, mentions = filter_text(text)
    assert blanked == blank_unlikely(text)
    assert [(m.start, m.end, m.quantity) for m in mentions] == [
        (m.start, m.end, m.quantity) for m in find_quantities(blanked)
    ]
    assert {m.text for m in mentions} >= {"EUR 600 million", "$40", "300 MW"}
    doc = load_nlp("en_core_web_sm", prefilter=True)(text)
    assert [(span.start_char, mention) for span, mention in doc._.quantities] == [
        (span.start_char, mention) for span, mention in load_nlp("en_core_web_sm", prefilter=False)(blanked)._.quantities
    ]


def test_the_setting_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEALGRAPH_PREFILTER", "off")
    assert load_settings().prefilter is False
    monkeypatch.setenv("DEALGRAPH_PREFILTER", "maybe")
    with pytest.raises(ConfigError, match="DEALGRAPH_PREFILTER: prefilter must be true or false, got 'maybe'"):
        load_settings()
