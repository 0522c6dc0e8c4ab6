"""Sentence-level relation rules: what one sentence yields through the whole pipeline.

Each case is a sentence written for this test; the expectation is the list of facts as
(type, roles, figure). The corpus tests measure the rules in bulk; these pin behaviours."""

from decimal import Decimal

import pytest

B = Decimal(10) ** 9


def facts(nlp, text: str) -> list[tuple[str, dict[str, list[str]], Decimal | None]]:
    return [
        (f.kind, {role: sorted(o.name for o in orgs) for role, orgs in f.roles.items()}, f.figure)
        for f in nlp(text)._.relations
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (   # a passive verb whose subject sits higher up
            "Bungie, the studio behind Destiny, is to be acquired by Sony for $3.6bn.",
            [("Acquisition", {"acquirer": ["Sony"], "target": ["Bungie"]}, Decimal("3.6") * B)],
        ),
        (   # spending on a company is buying it
            "LinkedIn has been a buyer too: it spent $1.5bn on Lynda.com, the online training company, last year.",
            [("Acquisition", {"acquirer": ["LinkedIn"], "target": ["Lynda.com"]}, Decimal("1.5") * B)],
        ),
        (   # a list the NER reads as one name, and a co-investor named after it
            "Nebius raised $700m from Accel and Orbis Investments, with Nvidia also taking part.",
            [("Investment", {"investor": ["Accel", "Nvidia", "Orbis Investments"], "investee": ["Nebius"]},
              Decimal("0.7") * B)],
        ),
        (   # "paid … for" marks the bought company, even where the parser calls "for" a dative
            "Gilead paid $11.9bn for Kite Pharma, a cell therapy specialist, in 2017.",
            [("Acquisition", {"acquirer": ["Gilead"], "target": ["Kite Pharma"]}, Decimal("11.9") * B)],
        ),
        (   # a company name with a colon is one token, and one organisation
            "Nvidia bought Run:ai for $700m.",
            [("Acquisition", {"acquirer": ["Nvidia"], "target": ["Run:ai"]}, Decimal("0.7") * B)],
        ),
        (   # "shook hands" is not "handed": the earlier price is no investment
            "Broadcom completed its purchase of VMware. When the two companies first shook hands in May 2022, "
            "the price was put at $61 billion.",
            [("Acquisition", {"acquirer": ["Broadcom"], "target": ["VMware"]}, None)],
        ),
        (   # a place is never the target, even where the NER calls it an organisation
            "Amazon has agreed to buy Whole Foods Market for $13.7bn, a move that sends a shiver through the US grocery industry.",
            [("Acquisition", {"acquirer": ["Amazon"], "target": ["Whole Foods Market"]}, Decimal("13.7") * B)],
        ),
        (   # "which" in a relative clause stands for the organisation before it
            "Mistral AI released a new model on Monday. Microsoft, which has invested EUR 15m in the company, "
            "remains a small shareholder.",
            [("Investment", {"investor": ["Microsoft"], "investee": ["Mistral AI"]}, Decimal("15") * 10**6)],
        ),
        (   # a loss is no deal, even with "poured money into" beside it
            "Boeing lost almost $12bn in 2024 as it poured money into new factories and lost ground to Airbus.",
            [],
        ),
        (   # the formal name and the short one are one company; the acquirer comes from the
            # sentence that names it
            "Adobe has completed its purchase of Figma Technologies, wrapping up a $20bn deal. "
            "Investors had doubted the price for months. Figma was acquired by Adobe after a long review.",
            [("Acquisition", {"acquirer": ["Adobe"], "target": ["Figma"]}, Decimal("20") * B)],
        ),
        (   # a name the NER calls a place is a company when the text calls it one
            "Investors have poured $10bn into Databricks, the data and AI software company, in a Series J round.",
            [("Investment", {"investee": ["Databricks"]}, Decimal("10") * B)],
        ),
        (   # a chief executive is a person, even where the NER calls the name an organisation;
            # "the company" then stays the company
            "Snowflake's revenue rose 33 per cent, in its first quarter with Sridhar Ramaswamy as chief executive. "
            "The stock has fallen this year. For the full year, the company brought in $2.8bn in revenue.",
            [("Revenue", {"company": ["Snowflake"]}, Decimal("2.8") * B)],
        ),
        (   # investors named apart from the figure: "X and Y invested, as did Z"
            "Mistral AI has raised EUR 600m in new funding. General Catalyst, Lightspeed Venture Partners and "
            "Index Ventures invested, as did Nvidia.",
            [("Investment", {"investee": ["Mistral AI"], "investor": ["General Catalyst", "Index Ventures",
              "Lightspeed Venture Partners", "Nvidia"]}, Decimal("600") * 10**6)],
        ),
        (   # but "invested in" another time is not a participant of this round
            "Mistral AI has raised EUR 600m in new funding. Nvidia invested in Mistral AI last year.",
            [("Investment", {"investee": ["Mistral AI"]}, Decimal("600") * 10**6)],
        ),
        (   # choosing a cloud provider is a cloud commitment, with or without a figure
            "Under last year's agreement, Anthropic chose Amazon Web Services as its main cloud provider "
            "for its most important workloads.",
            [("CloudCommitment", {"company": ["Anthropic"], "provider": ["Amazon Web Services"]}, None)],
        ),
        (   # one company choosing another, not a cloud or chip maker, is no cloud deal
            "Anthropic named Accenture its preferred training partner for corporate clients.",
            [],
        ),
        (   # the equity value a takeover puts on the target is the price
            "Shell has agreed to buy Nature Energy for $2bn in cash. The deal values the company's equity at "
            "about $1.9bn.",
            [("Acquisition", {"acquirer": ["Shell"], "target": ["Nature Energy"]}, Decimal("2") * B),
             ],
        ),
    ],
)
def test_sentence_yields(nlp, text: str, expected: list) -> None:
    assert facts(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "CoreWeave is a cloud company. Last August it raised $2.3bn from lenders led by Magnetar and Blackstone, using its GPUs as collateral.",
        "Nissan's market value has shrunk to about $10bn, a fraction of Honda's roughly $45bn.",
        "The foundation's own stake in OpenAI is valued at around $130bn.",
        "The deal lands a day after OpenAI, SoftBank and Oracle unveiled Stargate, a venture they said would invest up to US$500 billion in AI infrastructure in the US.",
        "Industry estimates put the cost of a gigawatt of AI capacity at around $50bn, which would put the full 10GW programme in the hundreds of billions.",
    ],
)
def test_not_a_fact(nlp, text: str) -> None:
    assert facts(nlp, text) == []
