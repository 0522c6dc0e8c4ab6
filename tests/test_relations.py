"""Sentence-level relation rules: what one sentence yields through the whole pipeline.

Each case is a sentence written for this test; the expectation is the list of facts as
(type, roles, figure). The corpus tests measure the rules in bulk; these pin behaviours."""

from decimal import Decimal

import pytest

B = Decimal(10) ** 9
ROUND = "Zentra has raised $300 million in a funding round, the company said on Monday. "


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
        (   # a comma list the NER reads as one name ("Bpifrance, Eurazeo")
            "Bpifrance, Eurazeo and General Catalyst invested €385 million in Mistral AI.",
            [("Investment", {"investor": ["Bpifrance", "Eurazeo", "General Catalyst"], "investee": ["Mistral AI"]},
              Decimal("0.385") * B)],
        ),
        (   # but a comma before a legal form is part of the name
            "Sony Group, Inc. bought Bungie for $3.6bn.",
            [("Acquisition", {"acquirer": ["Sony"], "target": ["Bungie"]}, Decimal("3.6") * B)],
        ),
        (   # "valuing the company" after a round means whoever raised it, not its lead investor
            "Cohere raised $500m in a round led by PSP Investments, valuing the company at $5.5bn.",
            [("Investment", {"investor": ["PSP Investments"], "investee": ["Cohere"]}, Decimal("0.5") * B),
             ("Valuation", {"company": ["Cohere"]}, Decimal("5.5") * B)],
        ),
        (   # a "round" the tagger calls an adjective, the company it "valued", and who joined it
            "In 2015 Sequoia Capital led a $250m round that valued GitHub at $2bn; Andreessen Horowitz also took part.",
            [("Investment", {"investor": ["Andreessen Horowitz", "Sequoia Capital"], "investee": ["GitHub"]},
              Decimal("0.25") * B),
             ("Valuation", {"company": ["GitHub"]}, 2 * B)],
        ),
        (   # a stake is always in a company, even one the NER calls a place
            "Nvidia has taken a 7% stake in Nokia for $1bn.",
            [("Investment", {"investor": ["Nvidia"], "investee": ["Nokia"]}, 1 * B)],
        ),
        (   # buying a minority stake is investing ...
            "Nvidia bought a stake in Intel for $5bn.",
            [("Investment", {"investor": ["Nvidia"], "investee": ["Intel"]}, 5 * B)],
        ),
        (   # ... and buying a majority stake is buying the company
            "Nvidia bought a 70% stake in Intel for $5bn.",
            [("Acquisition", {"acquirer": ["Nvidia"], "target": ["Intel"]}, 5 * B)],
        ),
        (   # the total coordinated with a price per share
            "Chevron will pay $171 per share in stock, or about $53bn in total, for Hess.",
            [("Acquisition", {"acquirer": ["Chevron"], "target": ["Hess"]}, 53 * B)],
        ),
        (   # a contract to use or rent a provider's computing
            "Anthropic has signed a ten-year, $30bn agreement to use Microsoft Azure capacity.",
            [("CloudCommitment", {"company": ["Anthropic"], "provider": ["Microsoft"]}, 30 * B)],
        ),
        (
            "Meta signed a $14bn deal to rent GPUs from CoreWeave.",
            [("CloudCommitment", {"company": ["Meta Platforms"], "provider": ["CoreWeave"]}, 14 * B)],
        ),
        (   # a sentence that names no one still brings forward whom "the Santa Clara group" means
            "Intel walked away from its deal for Tower Semiconductor. Intel blamed China's regulator. Tower's chief "
            "executive said the company would keep growing. Israel has long been a hunting ground for the Santa "
            "Clara group. "
            "It bought Mobileye for $15.3bn in 2017.",
            [("Acquisition", {"acquirer": ["Intel"], "target": ["Mobileye"]}, Decimal("15.3") * B)],
        ),
        (   # the company the previous sentence was about, not the last buyer, "snapped up" the next
            "Takeda agreed to buy Shire for £46bn. Shire is itself the product of a string of acquisitions. "
            "The rare-disease specialist snapped up Baxalta for $32bn in 2016.",
            [("Acquisition", {"acquirer": ["Takeda"], "target": ["Shire"]}, 46 * B),
             ("Acquisition", {"acquirer": ["Shire"], "target": ["Baxalta"]}, 32 * B)],
        ),
        (   # after "X was acquired by Y", "it agreed to buy" is the buyer Y, not X
            "Takeda agreed to buy Shire for £46bn. Takeda, too, has been on the hunt. Ariad Pharmaceuticals was "
            "acquired by the Japanese group last year for $5.2bn. In January it agreed to buy TiGenix for €520m.",
            [("Acquisition", {"acquirer": ["Takeda"], "target": ["Shire"]}, 46 * B),
             ("Acquisition", {"acquirer": ["Takeda"], "target": ["Ariad Pharmaceuticals"]}, Decimal("5.2") * B),
             ("Acquisition", {"acquirer": ["Takeda"], "target": ["TiGenix"]}, Decimal("0.52") * B)],
        ),
        (   # a first word the tagger calls an adverb is a name when an apposition calls it a company
            "Poolside, a start-up building AI models that write software, has raised $500 million.",
            [("Investment", {"investee": ["Poolside"]}, Decimal("0.5") * B)],
        ),
        (   # taking a company private is buying it, and the deal's value is its price
            "EQT agreed to take Zeal private in a deal valuing it at $1.2bn.",
            [("Acquisition", {"acquirer": ["EQT"], "target": ["Zeal"]}, Decimal("1.2") * B)],
        ),
        (   # "the software company" is the software company named before, not the asset manager
            "Brookfield will build wind farms for Microsoft. Brookfield said the projects would cost $10bn, and "
            "Brookfield will own them. For Microsoft, the deal is part of an effort to keep its climate promises "
            "while its electricity use soars. The software company reported revenue of $60bn.",
            [("Revenue", {"company": ["Microsoft"]}, 60 * B)],
        ),
        (   # spending with no provider named is capital spending, not a cloud commitment
            "Microsoft spent $14bn on data centres in its latest quarter.",
            [],
        ),
        (   # "as did X" after "took part"; "also poured money in"; "added to their stakes"
            "Hugging Face has raised $235m in a round led by Salesforce Ventures. Google, Amazon and IBM all "
            "took part, as did Sound Ventures, the fund co-founded by the actor Ashton Kutcher.",
            [("Investment", {"investor": ["Amazon", "Google", "IBM", "Salesforce Ventures", "Sound Ventures"],
                             "investee": ["Hugging Face"]}, Decimal("0.235") * B)],
        ),
        (
            "Crusoe has raised $600m in a round led by Founders Fund. Fidelity, Mubadala and Ribbit Capital "
            "also poured money in, Crusoe said on Thursday.",
            [("Investment", {"investor": ["Fidelity Management & Research", "Founders Fund", "Mubadala", "Ribbit Capital"],
                             "investee": ["Crusoe"]}, Decimal("0.6") * B)],
        ),
        (
            "ElevenLabs has raised $180m in a round led by ICONIQ Growth. Sequoia Capital and Smash Capital, "
            "which had backed the company before, added to their stakes.",
            [("Investment", {"investor": ["ICONIQ", "Sequoia Capital", "Smash Capital"],
                             "investee": ["ElevenLabs"]}, Decimal("0.18") * B)],
        ),
        (   # a name the NER calls a place is a company once it takes part in a deal
            "Berkshire Hathaway has taken a stake in Nubank, putting $500 million into the São Paulo-based "
            "digital bank. It values the lender at $30 billion.",
            [("Investment", {"investor": ["Berkshire Hathaway"], "investee": ["Nubank"]}, Decimal("0.5") * B),
             ("Valuation", {"company": ["Nubank"]}, 30 * B)],
        ),
        (
            "Nubank raised $400m last year. Absoluto Partners invested $50m in Nubank.",
            [("Investment", {"investee": ["Nubank"]}, Decimal("0.4") * B),
             ("Investment", {"investor": ["Absoluto Partners"], "investee": ["Nubank"]}, Decimal("0.05") * B)],
        ),
        (   # "$400m." ends a sentence; money counted over a market is no one's round
            "Nubank raised $400m. Investors have poured money into Latin American start-ups over the past year: "
            "venture funding in the region topped $4bn in 2020.",
            [("Investment", {"investee": ["Nubank"]}, Decimal("0.4") * B)],
        ),
        (   # and whoever a figure is quoted from is no party to it
            "Nubank raised $400m. Venture funding in Latin America topped $4bn in 2020, according to the "
            "Association for Private Capital Investment in Latin America.",
            [("Investment", {"investee": ["Nubank"]}, Decimal("0.4") * B)],
        ),
        (   # a kind of revenue ("product revenue") is a part of the whole
            "Snowflake reported revenue of $829m for the quarter. Product revenue, the usage-based fees that "
            "make up the bulk of its sales, grew 34 per cent to $789.6m.",
            [("Revenue", {"company": ["Snowflake"]}, Decimal("0.829") * B)],
        ),
        (   # a loan facility is borrowing, not investment
            "Lambda raised $480m in a round led by Andra Capital. In April it also arranged a $500m financing "
            "facility with Macquarie Group, secured against the Nvidia chips it was buying.",
            [("Investment", {"investor": ["Andra Capital"], "investee": ["Lambda"]}, Decimal("0.48") * B)],
        ),
        (   # a name split by the NER keeps the words that are no name on their own
            "Cohere has raised $500m. Bain Capital Ventures led the round, and DST Global, Premji Invest and "
            "Felicis also put in money.",
            [("Investment", {"investor": ["Bain Capital Ventures", "DST Global", "Felicis", "Premji Invest"],
                             "investee": ["Cohere"]}, Decimal("0.5") * B)],
        ),
        (   # what earlier reports put a valuation at is a rumour
            "Cohere raised $500m. Earlier reports had put the valuation under discussion at about $2bn.",
            [("Investment", {"investee": ["Cohere"]}, Decimal("0.5") * B)],
        ),
        (   # a trillion is a listed company's market value, never a stake
            "For Nvidia, which is now worth close to $3tn, stakes in start-ups such as Cohere help to keep its "
            "chips at the centre of the industry.",
            [],
        ),
        (   # buying "for an enterprise value of" gives the price
            "Infineon Technologies has agreed to buy Cypress Semiconductor for an enterprise value of EUR 9.0 billion.",
            [("Acquisition", {"acquirer": ["Infineon Technologies"], "target": ["Cypress Semiconductor"]}, 9 * B)],
        ),
        (   # "it" after a copula whose deal noun names its owner: the owner
            "HashiCorp makes Terraform. The Terraform maker is IBM's largest software purchase since it bought "
            "Red Hat for $34 billion in 2019.",
            [("Acquisition", {"acquirer": ["IBM"], "target": ["Red Hat"]}, 34 * B)],
        ),
        (   # "took in" is revenue
            "PayPal said its revenue rose 15 per cent last year to $17.77bn. The San Jose payments group took in "
            "$4.96bn in the fourth quarter.",
            [("Revenue", {"company": ["PayPal"]}, Decimal("17.77") * B),
             ("Revenue", {"company": ["PayPal"]}, Decimal("4.96") * B)],
        ),
        (   # the value of transactions is no company's valuation
            "PayPal said its revenue rose to $17.77bn. Total payment volume, the value of the transactions it "
            "handled, climbed by almost a quarter to $199bn in the quarter.",
            [("Revenue", {"company": ["PayPal"]}, Decimal("17.77") * B)],
        ),
        (   # "X led that financing": the round named last, not the largest one nearby
            "Cohere has raised $500m in a round led by PSP Investments. Cisco, Fujitsu and AMD Ventures also put "
            "money in. The company's previous round, in June 2023, raised US$270-million. Inovia Capital, the "
            "Montreal venture firm, led that financing.",
            [("Investment", {"investor": ["AMD Ventures", "Cisco", "Fujitsu", "PSP Investments"],
                             "investee": ["Cohere"]}, Decimal("0.5") * B),
             ("Investment", {"investor": ["Inovia Capital"], "investee": ["Cohere"]}, Decimal("0.27") * B)],
        ),
        (   # a pin: "the Los Angeles start-up" beside a name is that name, not the buyer named before
            "The results are the last before PayPal folds in its largest acquisition to date. Honey Science, the "
            "Los Angeles start-up behind a browser extension that hunts for discount codes, was acquired by PayPal "
            "this month in a deal worth about 4 billion dollars.",
            [("Acquisition", {"acquirer": ["PayPal"], "target": ["Honey Science"]}, 4 * B)],
        ),
        (   # a provider's contract to supply a customer with computing is the customer's commitment
            "CoreWeave has agreed to supply Meta Platforms with $14.2bn of artificial intelligence computing power.",
            [("CloudCommitment", {"company": ["Meta Platforms"], "provider": ["CoreWeave"]}, Decimal("14.2") * B)],
        ),
        (
            "IREN, the Nasdaq-listed data-centre operator, has signed a five-year contract worth 9.7 billion "
            "dollars to provide Microsoft with artificial intelligence computing capacity.",
            [("CloudCommitment", {"company": ["Microsoft"], "provider": ["IREN"]}, Decimal("9.7") * B)],
        ),
        (   # a revenue backlog is no revenue earned
            "CoreWeave's revenue more than tripled to $1.21bn, and it ended the quarter with a revenue backlog of $30.1bn.",
            [("Revenue", {"company": ["CoreWeave"]}, Decimal("1.21") * B)],
        ),
        (   # a value "on the stock exchange" is a market value
            "Blackstone agreed to buy AirTrunk. The price is a yardstick for listed rivals such as NextDC, which "
            "is valued at roughly A$10bn on the Australian stock exchange.",
            [("Acquisition", {"acquirer": ["Blackstone"], "target": ["AirTrunk"]}, None)],
        ),
        (   # what "a single campus can draw" is generic, even with a place named
            "Blackstone agreed to buy AirTrunk in Sydney. A single hyperscale campus packed with AI servers can "
            "draw several hundred megawatts, and grid connections in Sydney have become harder to secure.",
            [("Acquisition", {"acquirer": ["Blackstone"], "target": ["AirTrunk"]}, None)],
        ),
        (   # in a subordinate clause, "the firm" is the name earlier in the sentence
            "Khuda kept a stake and stayed on as chief executive. For Blackstone the purchase extends a push into "
            "digital infrastructure that began three years ago, when the firm snapped up QTS Realty Trust for "
            "about US$10bn.",
            [("Acquisition", {"acquirer": ["Blackstone"], "target": ["QTS Realty Trust"]}, 10 * B)],
        ),
        (   # what buying part of a company values it at is its valuation
            "At the end of 2019, 88 per cent of AirTrunk was acquired by a consortium led by Macquarie's "
            "infrastructure arm, then called Macquarie Infrastructure and Real Assets, in a deal that valued the "
            "company at about A$3bn.",
            [("Valuation", {"company": ["AirTrunk"]}, 3 * B)],
        ),
        (   # capitals inside a word make a name of what the tagger took for a verb
            "AT&T already made a big move into television: DirecTV, the satellite broadcaster, was acquired by "
            "AT&T for $48.5bn in 2015.",
            [("Acquisition", {"acquirer": ["AT&T"], "target": ["DirecTV"]}, Decimal("48.5") * B)],
        ),
        (   # a clause of time reports a past deal ...
            "He arrived at Snowflake a year ago when it acquired Neeva, the search start-up he co-founded, for an "
            "amount that was never disclosed.",
            [("Acquisition", {"acquirer": ["Snowflake"], "target": ["Neeva"]}, None)],
        ),
        (   # ... but "once the takeover closes" does not say who buys (a pin)
            "Occidental agreed to buy Anadarko. Berkshire Hathaway agreed to invest $10bn in Occidental. Warren "
            "Buffett's conglomerate will only hand over the money once the Anadarko takeover closes.",
            [("Investment", {"investor": ["Berkshire Hathaway"], "investee": ["Occidental Petroleum"]}, 10 * B),
             ("Acquisition", {"acquirer": ["Occidental Petroleum"], "target": ["Anadarko"]}, None)],
        ),
        (   # a person inside the subject phrase is not the company raising
            "Tenstorrent, the AI chip designer run by veteran engineer Jim Keller, has raised $693m in a Series D round.",
            [("Investment", {"investee": ["Tenstorrent"]}, Decimal("0.693") * B)],
        ),
        (   # "the financing values the company": whoever raised it
            "Cohere has raised $693m in a round led by AFW Partners. Bezos Expeditions, the investment office of "
            "Amazon founder Jeff Bezos, also took part. The financing values the company at roughly $2.6bn.",
            [("Investment", {"investor": ["AFW Partners", "Bezos Expeditions"], "investee": ["Cohere"]},
              Decimal("0.693") * B),
             ("Valuation", {"company": ["Cohere"]}, Decimal("2.6") * B)],
        ),
        (   # "after raising" is done, and its subject is the valued company's
            "Character.AI, a chatbot start-up set up by two former Google researchers, has been valued at $1bn "
            "after raising $150m in a Series A round led by Andreessen Horowitz.",
            [("Valuation", {"company": ["Character.AI"]}, 1 * B),
             ("Investment", {"investor": ["Andreessen Horowitz"], "investee": ["Character.AI"]}, Decimal("0.15") * B)],
        ),
        (   # an investor raising its own funds is no investment
            "Andreessen Horowitz, which last year raised $9bn for a new set of venture funds, has become one of the "
            "most active backers of generative AI start-ups.",
            [],
        ),
        (   # not facts: a joint venture's size, assets under management, a sum of two deals, a
            # promise, and spending in a place
            "Crusoe raised $600m. In October Crusoe formed a $3.4bn joint venture with Blue Owl Capital and "
            "Primary Digital Infrastructure to pay for construction there.",
            [("Investment", {"investee": ["Crusoe"]}, Decimal("0.6") * B)],
        ),
        ("The Public Investment Fund, which manages more than $900bn, is Humain's sole owner.", []),
        (
            "Humain will buy chips from Nvidia and AMD. Taken together, the two chip deals add up to a gigawatt, "
            "or 1,000 megawatts, of computing power.",
            [],
        ),
        ("Saudi Arabia has promised to invest $600bn in the United States during Trump's term.", []),
        (
            "DataVolt, a Saudi data-centre developer, said on Tuesday that it would spend $20bn on AI and energy "
            "infrastructure in America.",
            [],
        ),
        (   # "$126m of seed funding, a round led by Redpoint", the apposition misparsed
            "Cohere was founded in 2019. It came out of stealth in 2021 with $126m of seed funding, a round led by "
            "Redpoint.",
            [("Investment", {"investor": ["Redpoint Ventures"], "investee": ["Cohere"]}, Decimal("0.126") * B)],
        ),
        (   # "it was valued at $2bn after a $100m round": the company's valuation, not the price of a deal
            "Hugging Face builds tools. The new price is more than double what the New York-based company was "
            "worth in May last year, when it was valued at $2bn after a $100m round led by Lux Capital.",
            [("Valuation", {"company": ["Hugging Face"]}, 2 * B),
             ("Investment", {"investor": ["Lux Capital"], "investee": ["Hugging Face"]}, Decimal("0.1") * B)],
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
            # (a stake of its own, stated without a figure)
            "Mistral AI has raised EUR 600m in new funding. Nvidia invested in Mistral AI last year.",
            [("Investment", {"investee": ["Mistral AI"]}, Decimal("600") * 10**6),
             ("Investment", {"investee": ["Mistral AI"], "investor": ["Nvidia"]}, None)],
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
        (   # a name the NER missed is a company when the text says so in apposition
            "Lumora, the company behind the popular planner and the Lumora Write note-taking tool, has raised "
            "$90m in new money in a round that values it at $1bn.",
            [("Investment", {"investee": ["Lumora"]}, Decimal("90") * 10**6),
             ("Valuation", {"company": ["Lumora"]}, Decimal("1") * B)],
        ),
        (   # "funding round for X": the roles hang from "round"; the company's description
            # names no co-investor
            "Sequoia Capital has led a $200m funding round for Vantor, the Austin company that resells Nvidia "
            "chips to hospitals.",
            [("Investment", {"investor": ["Sequoia Capital"], "investee": ["Vantor"]}, Decimal("200") * 10**6)],
        ),
        (   # "a round in the company that valued it": "it" is the company, not the lead investor
            "Vantor sells software to hospitals. In March, Accel led a $150m minority investment in the company "
            "that valued it at about $2bn.",
            [("Investment", {"investor": ["Accel"], "investee": ["Vantor"]}, Decimal("150") * 10**6),
             ("Valuation", {"company": ["Vantor"]}, Decimal("2") * B)],
        ),
        (   # the owner named in a backer's description is not a backer
            "Vantor has raised $300m in a round led by Accel. Kestrel Ventures, the growth arm of the Ontario "
            "Teachers' Pension Plan, came in as a new backer.",
            [("Investment", {"investor": ["Accel", "Kestrel Ventures"], "investee": ["Vantor"]},
              Decimal("300") * 10**6)],
        ),
        (   # the NER's "AMD" + "Ventures and Export Development Canada" is still a list of two
            "Vantor has raised $300m in a round led by Accel. Oracle, Nokia, AMD Ventures and Export "
            "Development Canada also put money in.",
            [("Investment", {"investor": ["AMD Ventures", "Accel", "Export Development Canada", "Nokia", "Oracle"],
                             "investee": ["Vantor"]}, Decimal("300") * 10**6)],
        ),
        (   # investors of the round, after "from"
            "Skyloom, the satellite maker founded by Jane Doe, has raised $400m in a financing round from two "
            "new investors, Google and Fidelity Investments.",
            [("Investment", {"investor": ["Fidelity Management & Research", "Google"], "investee": ["Skyloom"]},
              Decimal("400") * 10**6)],
        ),
        (   # a price per share near the deal's value does not make the value a share price; the
            # drugmaker in the deal's description is not a second target
            "Pfizer has agreed to buy Vantor Bio for $75 a share in cash, a deal worth about $9bn that gives "
            "the New York drugmaker a new cancer treatment.",
            [("Acquisition", {"acquirer": ["Pfizer"], "target": ["Vantor Bio"]}, Decimal("9") * B)],
        ),
        (   # what the deal does ("hands the bank …") does not make it an investment
            "Fifth Third has completed its acquisition of Comerica, closing a $10.9bn all-stock deal that "
            "creates a larger regional lender and hands the bank a Texas branch network.",
            [("Acquisition", {"acquirer": ["Fifth Third"], "target": ["Comerica"]}, Decimal("10.9") * B)],
        ),
        (   # what a takeover values its target at is the price, not a valuation of the buyer
            "Vantor Bio has agreed to be acquired by Novartis for $120 a share in cash, a deal that values the "
            "Boston biotech at about $6bn.",
            [("Acquisition", {"acquirer": ["Novartis"], "target": ["Vantor Bio"]}, Decimal("6") * B)],
        ),
        (   # the price in cash, beside the price per share
            "Cisco said on Tuesday that it had completed its purchase of Acacia Communications, bringing the "
            "optical chip maker in-house for about $4.5bn in cash, or $115 a share.",
            [("Acquisition", {"acquirer": ["Cisco"], "target": ["Acacia Communications"]}, Decimal("4.5") * B)],
        ),
        (   # a company whose name has one letter ("G42"); the stake the investment bought names it
            "Oracle has taken a minority stake in G42, the Abu Dhabi technology group, with a $900m investment "
            "that gives the database giant a foothold in the Gulf.",
            [("Investment", {"investor": ["Oracle"], "investee": ["G42"]}, Decimal("900") * 10**6)],
        ),
        (   # "the developer in which it has invested": "which" is the developer, "it" someone else
            "For Sony, the contract is a welcome sign that its studios can win work from publishers other than "
            "Bungie, the Destiny developer in which it has invested $1.2bn.",
            [("Investment", {"investor": ["Sony"], "investee": ["Bungie"]}, Decimal("1.2") * B)],
        ),
        (   # "the company" pouring money in is the investor, not the last company written about
            "Oracle has invested $900m in Vantor, the Ohio robotics group. Vantor runs its software on servers "
            "in Texas. The investment extends Oracle's run of bets on AI companies. The company has poured "
            "some $2bn into Cohere since 2023.",
            [("Investment", {"investor": ["Oracle"], "investee": ["Vantor"]}, Decimal("900") * 10**6),
             ("Investment", {"investor": ["Oracle"], "investee": ["Cohere"]}, Decimal("2") * B)],
        ),
        (   # a one-word name the NER calls a person is the company named in full before
            "Oracle has agreed to buy Tableau Software for $15bn. Tableau is profitable. It reported revenue of "
            "$1.2bn last year.",
            [("Acquisition", {"acquirer": ["Oracle"], "target": ["Tableau Software"]}, Decimal("15") * B),
             ("Revenue", {"company": ["Tableau Software"]}, Decimal("1.2") * B)],
        ),
        (   # "the buyer" is the organisation seen buying
            "Adobe has agreed to buy Figma Design for $20bn. Figma makes design software. The buyer is far "
            "larger, having booked $17.6bn of revenue last year.",
            [("Acquisition", {"acquirer": ["Adobe"], "target": ["Figma Design"]}, Decimal("20") * B),
             ("Revenue", {"company": ["Adobe"]}, Decimal("17.6") * B)],
        ),
        (   # "the company" paying for another is the buyer, not the company named most often
            "Adobe has agreed to buy Figma Design for $20bn. Figma Design makes design software, and Figma "
            "Design's tools are used by millions. The deal caps a buying spree by Shantanu Narayen, Adobe's "
            "chief executive. Two years ago the company paid $1.7bn for Frame.io, which makes video review "
            "software.",
            [("Acquisition", {"acquirer": ["Adobe"], "target": ["Figma Design"]}, Decimal("20") * B),
             ("Acquisition", {"acquirer": ["Adobe"], "target": ["Frame.io"]}, Decimal("1.7") * B)],
        ),
        (   # a coinage in quotation marks is not what "it" means
            "Shopify has been spending on security after a wave of \"Zoomjacking\" incidents last spring; it "
            "bought Vantor, a small encrypted messaging start-up, in May for an undisclosed sum.",
            [("Acquisition", {"acquirer": ["Shopify"], "target": ["Vantor"]}, None)],
        ),
        (   # figures in a sentence about the stock are market values: neither the price of the
            # deal before nor a valuation
            "Shopify has been spending heavily on security after a spate of \"Shopjacking\" scams last year; "
            "it bought Vantor, a small fraud-detection start-up, in June for an undisclosed sum. The stock "
            "remains far below its 2021 peak, when Shopify was worth more than $200bn, but the company is "
            "still valued at more than $90bn.",
            [("Acquisition", {"acquirer": ["Shopify"], "target": ["Vantor"]}, None)],
        ),
        (   # walking away only as a possibility ("whether he could walk away") undoes nothing
            "Jeff Bezos has completed his $9 billion takeover of Vantor, ending a long saga that included a "
            "lawsuit over whether he could walk away from the deal.",
            [("Acquisition", {"acquirer": ["Jeff Bezos"], "target": ["Vantor"]}, Decimal("9") * B)],
        ),
        (   # "Group" closes the buyer's name; a name the NER called a nationality is the company
            # its apposition describes
            "Qualcomm Technology Group has agreed to buy Inphi, a San Jose designer of fast optical chips, in a "
            "cash-and-stock deal valued at about $8bn.",
            [("Acquisition", {"acquirer": ["Qualcomm"], "target": ["Inphi"]}, Decimal("8") * B)],
        ),
        (   # "The company's previous record was …, and in 2012 it bought": "it" is the record's owner
            "SAP has agreed to buy Vantor for $5bn. It is the largest acquisition in SAP's history. The software "
            "company's previous record was its $8bn purchase of Qualtrics, completed in 2019, and in 2012 it "
            "bought Ariba, a maker of procurement software, for $4.3bn.",
            [("Acquisition", {"acquirer": ["SAP"], "target": ["Vantor"]}, Decimal("5") * B),
             ("Acquisition", {"acquirer": ["SAP"], "target": ["Qualtrics"]}, Decimal("8") * B),
             ("Acquisition", {"acquirer": ["SAP"], "target": ["Ariba"]}, Decimal("4.3") * B)],
        ),
        (   # "bought X for $3bn, and Y for $450m": each price goes with its own company
            "Nokia bought Vantor, a maker of radio gear, for about $3bn in 2019, and Quillon, which designs "
            "antenna chips, for $450m last year.",
            [("Acquisition", {"acquirer": ["Nokia"], "target": ["Vantor"]}, Decimal("3") * B),
             ("Acquisition", {"acquirer": ["Nokia"], "target": ["Quillon"]}, Decimal("450") * 10**6)],
        ),
        (   # what a takeover offer values the target at is the price, not a valuation
            "Oracle has agreed to buy Vantor. At $48 a share, the offer values Vantor at $12bn, including debt.",
            [("Acquisition", {"acquirer": ["Oracle"], "target": ["Vantor"]}, Decimal("12") * B)],
        ),
        (   # "X and Y led its largest round": "its" is the company the text is about, not X
            "Microsoft has bought Mistral AI. Before the sale, Mistral AI was backed by venture investors. "
            "Accel and Index Ventures led its largest round, a US$60 million Series B, in 2021.",
            [("Investment", {"investor": ["Accel", "Index Ventures"], "investee": ["Mistral AI"]},
              Decimal("60") * 10**6),
             ("Acquisition", {"acquirer": ["Microsoft"], "target": ["Mistral AI"]}, None)],
        ),
        (   # the size of a fund is no investment
            "Uber has raised $2bn from the Qatar Investment Authority. The Gulf fund is also a large investor "
            "in SoftBank's $100bn Vision Fund.",
            [("Investment", {"investor": ["Qatar Investment Authority"], "investee": ["Uber"]}, Decimal("2") * B)],
        ),
        (   # the value investors "put on" a company is a valuation
            "Vantor has been valued at $20bn after a share sale. The new price is well above the $12bn that "
            "investors put on the company in 2022.",
            [("Valuation", {"company": ["Vantor"]}, Decimal("20") * B),
             ("Valuation", {"company": ["Vantor"]}, Decimal("12") * B)],
        ),
        (   # money a company secured from named organisations is their investment
            "Cohere secured $40m from Nvidia and Salesforce Ventures.",
            [("Investment", {"investor": ["Nvidia", "Salesforce Ventures"], "investee": ["Cohere"]},
              Decimal("40") * 10**6)],
        ),
        (   # a round "led by" its investors belongs to whoever closed it
            "Cohere has closed a $50m Series B led by Accel.",
            [("Investment", {"investor": ["Accel"], "investee": ["Cohere"]}, Decimal("50") * 10**6)],
        ),
        (   # … or to its possessor, also where the tagger splits "co-led"
            "Cohere's $60m round was co-led by Accel and GV.",
            [("Investment", {"investor": ["Accel", "GV"], "investee": ["Cohere"]}, Decimal("60") * 10**6)],
        ),
        (   # "a deal that valued it at $2bn" after a round: the raiser's valuation
            "Cohere is growing fast. It is Cohere's second big round in a year. In May it pulled in $270m in a "
            "round led by Inovia Capital, a deal that valued it at about $2bn.",
            [("Investment", {"investor": ["Inovia Capital"], "investee": ["Cohere"]}, Decimal("270") * 10**6),
             ("Valuation", {"company": ["Cohere"]}, Decimal("2") * B)],
        ),
        (   # "a deal to buy computing capacity from X" is a cloud contract, signed by the subject
            "Meta has signed a $14bn deal to buy computing capacity from CoreWeave.",
            [("CloudCommitment", {"company": ["Meta Platforms"], "provider": ["CoreWeave"]}, Decimal("14") * B)],
        ),
        (   # paying a company for capacity is a cloud contract with it
            "OpenAI will pay Oracle $30bn a year for data centre capacity.",
            [("CloudCommitment", {"company": ["OpenAI"], "provider": ["Oracle"]}, Decimal("30") * B)],
        ),
        (   # what a price per share values the bought company at is the deal's price
            "Pfizer has agreed to buy Seagen. Pfizer will pay $229 a share in cash, valuing Seagen at $43bn.",
            [("Acquisition", {"acquirer": ["Pfizer"], "target": ["Seagen"]}, Decimal("43") * B)],
        ),
        (   # a second investor after the first one's long description, in a sentence of their own
            "Lumo has raised €90 million. The financing was co-led by Index Ventures, the London firm that has become one of the busiest backers of software companies, and Accel, the growth investor.",
            [("Investment", {"investor": ["Accel", "Index Ventures"], "investee": ["Lumo"]}, Decimal("0.09") * B)],
        ),
        (   # "co-led", which the tagger splits, in a sentence of its own; a lettered round
            "Lumo has raised €90 million. The Series B was co-led by Index Ventures and Accel.",
            [("Investment", {"investor": ["Accel", "Index Ventures"], "investee": ["Lumo"]}, Decimal("0.09") * B)],
        ),
        (   # verbs of raising beyond "raise": "pulled in", "collected"
            "Lumo pulled in $40m in a Series A led by Index Ventures.",
            [("Investment", {"investor": ["Index Ventures"], "investee": ["Lumo"]}, Decimal("0.04") * B)],
        ),
        (   # investors named in sentences of their own, in the ways articles name them
            "Lumo has raised €90 million in a round led by Index Ventures. Accel put in fresh money. "
            "Sequoia Capital and Atomico also returned. Balderton Capital also wrote cheques. So did Northzone.",
            [("Investment", {"investor": ["Accel", "Atomico", "Balderton Capital", "Index Ventures", "Northzone", "Sequoia Capital"],
                             "investee": ["Lumo"]}, Decimal("0.09") * B)],
        ),
        (   # investors listed after a colon
            "Lumo has raised €90 million in a round led by Index Ventures. Two investors are new to the company: Atomico, the London venture firm; and Balderton Capital.",
            [("Investment", {"investor": ["Atomico", "Balderton Capital", "Index Ventures"], "investee": ["Lumo"]}, Decimal("0.09") * B)],
        ),
        (   # what an investment values the company at, "put" on "the unit"
            "Magna agreed to put $500m into Waymo, the self-driving subsidiary, in a deal that puts a value of $30bn on the unit.",
            [("Investment", {"investor": ["Magna"], "investee": ["Waymo"]}, Decimal("0.5") * B),
             ("Valuation", {"company": ["Waymo"]}, Decimal("30") * B)],
        ),
        (   # buying a company's newly issued shares is investing in it
            "Mubadala paid $2bn for a block of newly issued Rivian shares.",
            [("Investment", {"investor": ["Mubadala"], "investee": ["Rivian"]}, Decimal("2") * B)],
        ),
        (   # "co-led", split by the tagger, after a lettered round
            "Lumo raised $40m in 2022. A year later the company raised $80m in a Series B co-led by Atomico and Kleiner Perkins at a valuation of $700m.",
            [("Investment", {"investee": ["Lumo"]}, Decimal("0.04") * B),
             ("Investment", {"investor": ["Atomico", "Kleiner Perkins"], "investee": ["Lumo"]}, Decimal("0.08") * B),
             ("Valuation", {"company": ["Lumo"]}, Decimal("0.7") * B)],
        ),
        (   # a company's investing arm is an organisation of its own
            "Lumo raised $50m in a round led by GV. The OpenAI Startup Fund also took part.",
            [("Investment", {"investor": ["GV", "OpenAI Startup Fund"], "investee": ["Lumo"]}, Decimal("0.05") * B)],
        ),
        (
            "Lumo raised $50m from Samsung Catalyst Fund and Accel.",
            [("Investment", {"investor": ["Accel", "Samsung Catalyst Fund"], "investee": ["Lumo"]}, Decimal("0.05") * B)],
        ),
        (   # a name after the list's last "and", which the parser hung elsewhere, "joined them"
            "Lumo raised $50m in a round led by GV. Kleiner Perkins and Sequoia Capital also put in more money, and Elad Gil, the Silicon Valley investor, joined them.",
            [("Investment", {"investor": ["Elad Gil", "GV", "Kleiner Perkins", "Sequoia Capital"], "investee": ["Lumo"]}, Decimal("0.05") * B)],
        ),
        (   # the winner of a contest for a company buys it; the first word of a name the NER left out
            "Clayton Dubilier & Rice has won the battle for Wm Morrison Supermarkets.",
            [("Acquisition", {"acquirer": ["Clayton Dubilier & Rice"], "target": ["Wm Morrison Supermarkets"]}, None)],
        ),
        (   # a trillion yen is a takeover's price, not a market value
            "Takeda agreed to buy Shire for ¥6.2tn.",
            [("Acquisition", {"acquirer": ["Takeda"], "target": ["Shire"]}, Decimal("6.2") * 10**12)],
        ),
        (   # investors named "among the investors", or as members of a group
            "Lumo raised $65m in a Series C round, with Thrive Capital, Atomico and General Catalyst among the investors.",
            [("Investment", {"investor": ["Atomico", "General Catalyst", "Thrive Capital"], "investee": ["Lumo"]}, Decimal("0.065") * B)],
        ),
        (
            "Lumo took in $60m from a group that included Axa and Fidelity.",
            [("Investment", {"investor": ["Axa", "Fidelity Management & Research"], "investee": ["Lumo"]}, Decimal("0.06") * B)],
        ),
        (   # a sovereign fund named by its country
            "Qatar's sovereign wealth fund invested €2bn in RWE.",
            [("Investment", {"investor": ["Qatar Investment Authority"], "investee": ["RWE"]}, Decimal("2") * B)],
        ),
        (   # who sells capacity to whom, by syntax: the indirect object is the customer
            "In September Nebius agreed to sell Microsoft $17.4bn of GPU capacity over five years.",
            [("CloudCommitment", {"company": ["Microsoft"], "provider": ["Nebius"]}, Decimal("17.4") * B)],
        ),
        (
            "In June Applied Digital signed CoreWeave to two 15-year leases covering 250MW of data centre capacity at its campus.",
            [("ComputeCommitment", {"company": ["CoreWeave"], "provider": ["Applied Digital"]}, Decimal(250) * 10**6)],
        ),
        (   # a name the NER called a date; "IT load" is no pronoun
            "TeraWulf, a bitcoin miner that rents space to AI developers, has signed two leases with Fluidstack. "
            "The miner will hand Fluidstack more than 200 megawatts of critical IT load.",
            [("ComputeCommitment", {"company": ["Fluidstack"], "provider": ["TeraWulf"]}, Decimal(200) * 10**6)],
        ),
        (   # selling a business named by its name is selling that business
            "Sprint sold its Boost Mobile brand to Dish Network for $1.4bn.",
            [("Acquisition", {"acquirer": ["Dish Network"], "target": ["Boost Mobile"]}, Decimal("1.4") * B)],
        ),
        (   # "For X, …": the sentence, and the next, are about X
            "Verizon owns Tracfone. For Verizon, which booked $131.9bn of revenue last year, Yahoo is a small unit. "
            "The group's record with acquisitions has been mixed. It paid $4.4bn for AOL in 2015.",
            [("Revenue", {"company": ["Verizon"]}, Decimal("131.9") * B),
             ("Acquisition", {"acquirer": ["Verizon"], "target": ["AOL"]}, Decimal("4.4") * B)],
        ),
        (   # what a valuation was lifted to, where the parser hung the figure on the next words
            "Snowflake has raised $1.6 billion in new funding, lifting the data-analytics and artificial intelligence "
            "software company's post-money valuation to $38 billion barely six months after its previous round.",
            [("Investment", {"investee": ["Snowflake"]}, Decimal("1.6") * B),
             ("Valuation", {"company": ["Snowflake"]}, Decimal("38") * B)],
        ),
        (   # what analysts pencil in is an estimate
            "Sanofi agreed to buy Ablynx. Analysts at several Brussels brokers have pencilled in peak sales of close to €1bn a year for the drug.",
            [("Acquisition", {"acquirer": ["Sanofi"], "target": ["Ablynx"]}, None)],
        ),
        (   # buying out a company's other shareholders is buying the company
            "SoftBank agreed to buy out the minority shareholders of Arm in a deal worth about $5bn.",
            [("Acquisition", {"acquirer": ["SoftBank Group"], "target": ["Arm"]}, Decimal("5") * B)],
        ),
        (   # "the value of the transaction" is the price of the deal stated before
            "Analog Devices has agreed to buy Linear Technology. All told, the Norwood, Massachusetts-based company "
            "put the value of the transaction at approximately US$14.8 billion.",
            [("Acquisition", {"acquirer": ["Analog Devices"], "target": ["Linear Technology"]}, Decimal("14.8") * B)],
        ),
        (   # more ways to name investors after the round; "from investors" names them later
            "OpenAI has pulled in $6.6bn from investors. Thrive Capital led the round. Microsoft came back for more. "
            "Nvidia made its first investment in the company. SoftBank Group and Fidelity also bought notes, as did MGX.",
            [("Investment", {"investee": ["OpenAI"],
                             "investor": ["Fidelity Management & Research", "MGX", "Microsoft", "Nvidia", "SoftBank Group", "Thrive Capital"]},
              Decimal("6.6") * B)],
        ),
        (   # an investor's running total between two lists does not end the round's list, and a
            # clause with no figure names an investor in a sentence that has one
            "Zentra has pulled in $800m from investors. Orbis Investments led the round. Accel came back for more; "
            "it had already put about $90m into Zentra since 2019. Nvidia made its first investment in the company.",
            [("Investment", {"investee": ["Zentra"], "investor": ["Accel", "Nvidia", "Orbis Investments"]},
              Decimal("0.8") * B),
             ("Investment", {"investee": ["Zentra"], "investor": ["Accel"]}, Decimal("0.09") * B)],
        ),
        (   # a co-investor named beside a round's figure is that round's, not the larger one's
            "Microsoft has put about $13bn into OpenAI. In December Zentra raised €385m in a round led by Accel, "
            "with Lightspeed Venture Partners also taking part.",
            [("Investment", {"investee": ["OpenAI"], "investor": ["Microsoft"]}, Decimal("13") * B),
             ("Investment", {"investee": ["Zentra"], "investor": ["Accel", "Lightspeed Venture Partners"]},
              Decimal("0.385") * B)],
        ),
        (   # what happened before a rebuff is not undone by it; what the rebuff is about is
            "The rebuff comes only days after the two companies set out contracts under which Core Scientific will "
            "host about 200 megawatts of CoreWeave's GPU infrastructure. "
            "Intel walked away from its $5.4bn deal for Tower Semiconductor after the two companies had agreed it in 2022.",
            [("ComputeCommitment", {"company": ["CoreWeave"], "provider": ["Core Scientific"]}, Decimal(200) * 10**6)],
        ),
        (   # a cloud company's capacity is computing, with no other word for it; solar capacity is not
            "Oracle agreed to develop up to 4.5 gigawatts of additional US capacity for OpenAI. "
            "Google signed a deal for 3GW of solar capacity from NextEra.",
            [("ComputeCommitment", {"company": ["OpenAI"], "provider": ["Oracle"]}, Decimal("4.5") * B)],
        ),
        (   # a price paid across an aside the parser takes for the main clause; buying a
            # company's stock is investing in it
            "In 2015 Smucker paid about $5.8bn, debt included, for Big Heart Pet Brands, the owner of Milk-Bone. "
            "Nvidia makes chips. On Thursday it agreed to buy $5bn of Intel's common stock at $23.28 a share.",
            [("Acquisition", {"acquirer": ["Smucker"], "target": ["Big Heart Pet Brands"]}, Decimal("5.8") * B),
             ("Investment", {"investor": ["Nvidia"], "investee": ["Intel"]}, Decimal(5) * B)],
        ),
        (   # what this period's revenue "compares with" is the same period's a year before
            "AMD reported revenue of $5.89bn for the quarter. That compares with $3.45bn in the same period of 2021, "
            "an increase of 71 per cent.",
            [("Revenue", {"company": ["AMD"]}, Decimal("5.89") * B), ("Revenue", {"company": ["AMD"]}, Decimal("3.45") * B)],
        ),
        (   # the owner a co-investor's description names is no co-investor
            "Tenstorrent raised $100m in a financing co-led by Hyundai Motor Group and Samsung Catalyst Fund, "
            "the venture arm of Samsung Electronics.",
            [("Investment", {"investor": ["Hyundai Motor", "Samsung Catalyst Fund"], "investee": ["Tenstorrent"]},
              Decimal("0.1") * B)],
        ),
        (   # what a start-up is worth is a valuation, with no round in the sentence; a listed
            # chipmaker's worth is its market value
            "Skild AI, a Pittsburgh start-up that wants to write software for any robot, is now worth $1.5bn, "
            "barely a year after two professors set it up. Nvidia, the chipmaker, is now worth $3tn.",
            [("Valuation", {"company": ["Skild AI"]}, Decimal("1.5") * B)],
        ),
        (   # "the London-based app" is the company the deal values
            "Revolut has become Britain's most valuable fintech after it raised $800m in a deal that values the "
            "London-based app at $33bn.",
            [("Investment", {"investee": ["Revolut"]}, Decimal("0.8") * B),
             ("Valuation", {"company": ["Revolut"]}, Decimal(33) * B)],
        ),
        (   # investing in a chipmaker, even in a sentence about GPUs, is no cloud contract
            "The GPU maker Nvidia said on Thursday that it would invest $5bn in Intel, paying $23.28 for each new share.",
            [("Investment", {"investor": ["Nvidia"], "investee": ["Intel"]}, Decimal(5) * B)],
        ),
        (   # a holding taken with the money: the NER's place is a company
            "Nvidia is putting $1 billion into Nokia, acquiring a 2.9 per cent holding in the Finnish telecoms-equipment maker.",
            [("Investment", {"investor": ["Nvidia"], "investee": ["Nokia"]}, B)],
        ),
        (   # "the Chicago-based company" is not who agreed to invest in it
            "CME Group has signed an agreement to move its infrastructure onto Google Cloud. As part of the arrangement, "
            "Google has agreed to make a $1 billion equity investment in the Chicago-based company.",
            [("Investment", {"investor": ["Google"], "investee": ["CME"]}, B),
             ("CloudCommitment", {"company": ["CME"], "provider": ["Google"]}, None)],
        ),
        (   # a takeover named in a participle clause is of what the main clause took
            "Broadcom took control of VMware in November, closing its $69bn takeover after an 18-month wait for regulators.",
            [("Acquisition", {"acquirer": ["Broadcom"], "target": ["VMware"]}, Decimal(69) * B)],
        ),
        (   # "with" the provider, hung off "worth"
            "In March OpenAI signed a five-year contract worth $11.9 billion with CoreWeave for access to its data centres.",
            [("CloudCommitment", {"company": ["OpenAI"], "provider": ["CoreWeave"]}, Decimal("11.9") * B)],
        ),
        (   # computing supplied "to" the customer
            "CoreWeave signed a $14.2bn agreement to supply computing power to Meta.",
            [("CloudCommitment", {"company": ["Meta Platforms"], "provider": ["CoreWeave"]}, Decimal("14.2") * B)],
        ),
        (   # the leads listed after "co-led the round:"; not the founders a post names after a colon
            "Shield AI has raised $240 million. Two defence manufacturers co-led the round: L3Harris Technologies "
            "and Hanwha Aerospace. Accel led the financing, the company said in a post that also named its "
            "co-founders: Brandon Tseng and Ryan Tseng.",
            [("Investment", {"investee": ["Shield AI"], "investor": ["Accel", "Hanwha Aerospace", "L3Harris Technologies"]},
              Decimal("0.24") * B)],
        ),
        (   # what the market valued a listed company at is its market value
            "Even after its late-summer rally on the sale reports, Hostess had been valued by the market at close to $4bn.",
            [],
        ),
        (   # who "joined Microsoft in backing" a raise: both
            "Last June Nvidia joined Microsoft in backing Inflection AI's $1.3bn raise.",
            [("Investment", {"investee": ["Inflection AI"], "investor": ["Microsoft", "Nvidia"]}, Decimal("1.3") * B)],
        ),
        (   # "Funds managed by X took part, along with Y and Z"
            "Waymo has added $750 million to its round. Funds managed by T. Rowe Price took part, along with "
            "Fidelity Management & Research Company and Perry Creek Capital.",
            [("Investment", {"investee": ["Waymo"], "investor": [
                "Fidelity Management & Research", "Perry Creek Capital", "T. Rowe Price"]}, Decimal("0.75") * B)],
        ),
        (   # the names after "joined by two other newcomers to the share register"; a place in a
            # description ("the Edinburgh fund manager") is no investor
            "Graphcore has raised $222 million in a round led by the Ontario Teachers' Pension Plan. The pension fund "
            "was joined by two other newcomers to the share register, Fidelity International and Schroders. Existing "
            "shareholders, among them the Edinburgh fund manager Baillie Gifford and the listed venture investor "
            "Draper Esprit, also added to their holdings.",
            [("Investment", {"investee": ["Graphcore"], "investor": [
                "Baillie Gifford", "Draper Esprit", "Fidelity International", "Ontario Teachers' Pension Plan", "Schroders"]},
              Decimal("0.222") * B)],
        ),
        (   # money "put up by" an investor; an investor named as one is not what a valuation is of
            "Mondo has completed a £6 million funding round. The bulk of the money is being put up by Passion "
            "Capital, the east London venture firm. Every investor, from Passion down to a customer putting in a few "
            "pounds, is buying shares on the same terms: a pre-money valuation of £24m.",
            [("Investment", {"investee": ["Mondo"], "investor": ["Passion Capital"]}, Decimal("0.006") * B),
             ("Valuation", {"company": ["Mondo"]}, Decimal("0.024") * B)],
        ),
        (   # "a group of new investors including …": every member of the list, those the
            # gazetteer does not know too, and not the company a member's description names
            "Magic said it had raised $320 million from a group of new investors including Jane Street and Sequoia. "
            "Zentra raised $50m from a group of investors including Eric Schmidt, the former chief executive of Google.",
            [("Investment", {"investee": ["Magic"], "investor": ["Jane Street", "Sequoia Capital"]},
              Decimal("0.32") * B),
             ("Investment", {"investee": ["Zentra"]}, Decimal("0.05") * B)],
        ),
        (   # in a roundup, investors named after a round join it, not a larger round of another
            # company before it
            "Magic said it had raised $320 million from Sequoia. Codeium closed a $150m Series C led by General "
            "Catalyst. Kleiner Perkins and Greenoaks, both earlier investors, put in more.",
            [("Investment", {"investee": ["Magic"], "investor": ["Sequoia Capital"]}, Decimal("0.32") * B),
             ("Investment", {"investee": ["Codeium"], "investor": ["General Catalyst", "Greenoaks", "Kleiner Perkins"]},
              Decimal("0.15") * B)],
        ),
        (   # "led it": the round named last, not the largest nearby
            "Runway said it had raised $141m from Accel and Salesforce Ventures. Earlier this month Mistral AI "
            "raised €105 million in a seed round. Lightspeed Venture Partners led it.",
            [("Investment", {"investee": ["Runway"], "investor": ["Accel", "Salesforce Ventures"]}, Decimal("0.141") * B),
             ("Investment", {"investee": ["Mistral AI"], "investor": ["Lightspeed Venture Partners"]},
              Decimal("0.105") * B)],
        ),
        (
            "Skild AI has raised $300m. Lightspeed Venture Partners and Coatue were joined at the top of the list by "
            "SoftBank Group and by Bezos Expeditions. Amazon also bought into the round, and so did Carnegie Mellon University.",
            [("Investment", {"investee": ["Skild AI"],
                             "investor": ["Amazon", "Bezos Expeditions", "Carnegie Mellon University", "Coatue",
                                          "Lightspeed Venture Partners", "SoftBank Group"]}, Decimal("0.3") * B)],
        ),
        (
            "Apptronik has raised $350m in a Series A round, and Google is among the investors.",
            [("Investment", {"investor": ["Google"], "investee": ["Apptronik"]}, Decimal("0.35") * B)],
        ),
        (   # what an investor has put in over the years is no round for others to join
            "OpenAI has raised $6.6bn. Microsoft had already put about $13bn into OpenAI since 2019. Nvidia also took part.",
            [("Investment", {"investee": ["OpenAI"], "investor": ["Nvidia"]}, Decimal("6.6") * B),
             ("Investment", {"investor": ["Microsoft"], "investee": ["OpenAI"]}, Decimal("13") * B)],
        ),
        (   # a name's last words: a legal form that is part of it, an investing arm
            "Merck KGaA agreed to buy Versum Materials for $6.5bn.",
            [("Acquisition", {"acquirer": ["Merck KGaA"], "target": ["Versum Materials"]}, Decimal("6.5") * B)],
        ),
        (
            "Blackstone Infrastructure agreed to buy TXNM Energy for $11.5bn.",
            [("Acquisition", {"acquirer": ["Blackstone Infrastructure"], "target": ["TXNM Energy"]}, Decimal("11.5") * B)],
        ),
        (   # money a company will have is not money put into it
            "Toyota said it would inject a further $500m into Pony.ai when the deal closes, so that the start-up will have more than $2bn of fresh capital to draw on.",
            [("Investment", {"investor": ["Toyota"], "investee": ["Pony.ai"]}, Decimal("0.5") * B)],
        ),
        (   # the firm former employees came from is not what "it" or "the lab" means; the lab
            # of the opening sentence is the company the text names next
            "The Paris lab founded by three DeepMind alumni is now valued at $6bn. "
            "Mistral AI, a start-up set up last year by three former Google DeepMind researchers, has raised $640m. In June it was valued at $260m.",
            [("Investment", {"investee": ["Mistral AI"]}, Decimal("0.64") * B),
             ("Valuation", {"company": ["Mistral AI"]}, Decimal("0.26") * B),
             ("Valuation", {"company": ["Mistral AI"]}, 6 * B)],
        ),
        (   # a list after "as did", read item by item: a person with a description, a
            # hyphenated name, a number that opens a name, and names after a colon
            "Corvid Robotics has raised $90m in a Series B. Nvidia took part, as did 4170 Capital, the engineer "
            "Ada Brennan, In-Q-Tel and two of its suppliers: Pegatron and Wistron.",
            [("Investment", {"investee": ["Corvid Robotics"],
                             "investor": ["4170 Capital", "Ada Brennan", "In-Q-Tel", "Nvidia", "Pegatron", "Wistron"]},
              Decimal("0.09") * B)],
        ),
        (   # a list that goes on past the window a round's investors are looked for in, and
            # a description or a clause in the list that names nobody
            "Halvard Labs has raised $300m in a round led by Accel. The money values the company at $2bn. "
            "It had been valued at $500m in March. The company makes chips. It has 90 staff. "
            "Sequoia and Index Ventures also wrote cheques. So did Citi, along with two individuals: "
            "Maria Ortega, the former chief executive of Google, and Tom Reyes, who founded Zoom.",
            [("Investment", {"investee": ["Halvard Labs"],
                             "investor": ["Accel", "Citigroup", "Index Ventures", "Maria Ortega", "Sequoia Capital", "Tom Reyes"]},
              Decimal("0.3") * B),
             ("Valuation", {"company": ["Halvard Labs"]}, Decimal("2") * B),
             ("Valuation", {"company": ["Halvard Labs"]}, Decimal("0.5") * B)],
        ),
        (   # a long subject list the parser cuts short
            "Nubank raised $750m. Sands Capital, the Canada Pension Plan Investment Board, MSA Capital, "
            "Verde Asset Management and Absoluto Partners all took part.",
            [("Investment", {"investee": ["Nubank"],
                             "investor": ["Absoluto Partners", "CPP Investments", "MSA Capital", "Sands Capital",
                                          "Verde Asset Management"]}, Decimal("0.75") * B)],
        ),
        (   # investors named "among the other investors" after "with", which the parse hangs elsewhere
            "Cohere raised $270m in 2023. Inovia Capital, the Montreal venture firm, led that financing, "
            "with Nvidia, Oracle and Salesforce Ventures among the other investors.",
            [("Investment", {"investee": ["Cohere"],
                             "investor": ["Inovia Capital", "Nvidia", "Oracle", "Salesforce Ventures"]}, Decimal("0.27") * B)],
        ),
        (   # investors who "were co-leads"
            "Anthropic raised $13bn. Fidelity and Lightspeed Venture Partners were co-leads.",
            [("Investment", {"investee": ["Anthropic"], "investor": ["Fidelity Management & Research", "Lightspeed Venture Partners"]},
              Decimal("13") * B)],
        ),
        (   # the company named in a relative clause inside the list of investors is no investor,
            # and stays what "it" means later
            "Wayve, the London start-up, has closed a $1.05bn round. It has tested its software with Asda. "
            "SoftBank Group led the round. Nvidia, whose chips Wayve uses, came in as a new shareholder. "
            "The raise dwarfs anything the company has done before. In 2022 it raised $200m in a round led by Eclipse Ventures.",
            [("Investment", {"investee": ["Wayve"], "investor": ["Nvidia", "SoftBank Group"]}, Decimal("1.05") * B),
             ("Investment", {"investor": ["Eclipse Ventures"], "investee": ["Wayve"]}, Decimal("0.2") * B)],
        ),
        (   # "Series B." ends the sentence, so the investors after it join the round
            "Poolside, a start-up building AI models, has raised $500m. Bain Capital Ventures led the Series B. eBay and Nvidia backed "
            "the round as strategic investors.",
            [("Investment", {"investee": ["Poolside"], "investor": ["Bain Capital Ventures", "Nvidia", "eBay"]},
              Decimal("0.5") * B)],
        ),
        (   # "for" hung on the sum rather than on "pay"
            "Salesforce agreed to pay $6.5bn for MuleSoft.",
            [("Acquisition", {"acquirer": ["Salesforce"], "target": ["MuleSoft"]}, Decimal("6.5") * B)],
        ),
        (   # "which" as the object, with its clause hung on the wrong noun
            "Marketo followed Magento, an e-commerce platform used by online shops, which Adobe snapped up in the spring for $1.68bn.",
            [("Acquisition", {"acquirer": ["Adobe"], "target": ["Magento"]}, Decimal("1.68") * B)],
        ),
        (   # a merger "with" a company, and the deal's value in the next sentence
            "Vantor Mobile has completed its merger with Keller Telecom. The all-stock transaction was valued at $26bn.",
            [("Acquisition", {"acquirer": ["Vantor Mobile"], "target": ["Keller Telecom"]}, Decimal("26") * B)],
        ),
        (   # the company that accepts an offer is bought by the bidder
            "Shire said it had accepted a £46bn offer from Takeda.",
            [("Acquisition", {"acquirer": ["Takeda"], "target": ["Shire"]}, Decimal("46") * B)],
        ),
        (   # a business named after "including"
            "Dish Network is buying Sprint's prepaid brands, including Boost Mobile, for $1.4bn.",
            [("Acquisition", {"acquirer": ["Dish Network"], "target": ["Boost Mobile"]}, Decimal("1.4") * B)],
        ),
        (   # "<person>'s group" is the company that person runs; paying for control is buying
            "For SoftBank, the merger closes a chapter. Masayoshi Son's group paid $21.6bn in 2013 for a "
            "78 per cent stake in Sprint.",
            [("Acquisition", {"acquirer": ["SoftBank Group"], "target": ["Sprint"]}, Decimal("21.6") * B)],
        ),
        (   # a unit sold under the name given beside it
            "Dell agreed to sell its IT services arm, Dell Services, to NTT Data for $3.05bn.",
            [("Acquisition", {"acquirer": ["NTT Data"], "target": ["Dell Services"]}, Decimal("3.05") * B)],
        ),
        (   # what a share sale among insiders values the company at is its valuation
            "SpaceX sold shares. In a similar sale over the summer, insiders sold at $112 a share, "
            "valuing the Hawthorne, California-based company at about $210bn.",
            [("Valuation", {"company": ["SpaceX"]}, Decimal("210") * B)],
        ),
        (   # "<person>'s rocket and satellite company": "and" inside the words that describe it
            "SpaceX agreed a price of $185 a share for stock its staff are selling, a level that values "
            "Elon Musk's rocket and satellite company at $350bn.",
            [("Valuation", {"company": ["SpaceX"]}, Decimal("350") * B)],
        ),
        (   # a relative clause states its own fact, whatever the main clause doubts
            "Analysts question whether Adobe can keep up with Salesforce, which agreed in the spring to pay $6.5bn for MuleSoft.",
            [("Acquisition", {"acquirer": ["Salesforce"], "target": ["MuleSoft"]}, Decimal("6.5") * B)],
        ),
        (   # a tenant signed to a lease is the provider's customer, the one "the company said"
            # is the subject it reports on, and "the cloud giant" is a cloud provider
            "Cipher Mining, a bitcoin miner that now rents space to AI developers, has signed Amazon Web Services "
            "to a 15-year lease worth $5.5bn, the company said on Monday. "
            "Under the agreement the New York-based company will supply the cloud giant with 300 megawatts of capacity "
            "for liquid-cooled racks.",
            [("CloudCommitment", {"company": ["Amazon Web Services"], "provider": ["Cipher Mining"]}, Decimal("5.5") * B),
             ("ComputeCommitment", {"company": ["Amazon Web Services"], "provider": ["Cipher Mining"]}, Decimal(300 * 10**6))],
        ),
        (   # a deal "with" the customer to host computing
            "In September Cipher Mining struck a ten-year deal with Fluidstack, a London-based AI cloud provider, "
            "to host 168MW of computing at its Texas site.",
            [("ComputeCommitment", {"company": ["Fluidstack"], "provider": ["Cipher Mining"]}, Decimal(168 * 10**6))],
        ),
        (   # what a lettered round values "the company" at is the raiser's valuation
            "Plaid, whose software links banks to apps such as Venmo and Robinhood, has raised $425m. "
            "The Series D values the San Francisco company at $13.4bn.",
            [("Investment", {"investee": ["Plaid"]}, Decimal("0.425") * B),
             ("Valuation", {"company": ["Plaid"]}, Decimal("13.4") * B)],
        ),
        (   # words that describe the name right after them are not "the company" of earlier
            "Vista Equity Partners agreed to buy Citrix for $16.5bn. Thoma Bravo paid $12.3bn for the email security group Proofpoint last year.",
            [("Acquisition", {"acquirer": ["Vista Equity Partners"], "target": ["Citrix"]}, Decimal("16.5") * B),
             ("Acquisition", {"acquirer": ["Thoma Bravo"], "target": ["Proofpoint"]}, Decimal("12.3") * B)],
        ),
        (   # a lone letter that ends a name
            "Stripe took in $600m from a group that included Allianz X, the venture arm of the German insurer, "
            "the French insurer Axa and Fidelity.",
            [("Investment", {"investee": ["Stripe"], "investor": ["Allianz X", "Axa", "Fidelity Management & Research"]}, Decimal("0.6") * B)],
        ),
        (   # a loss beside revenue is not revenue
            "Revolut's revenue rose by more than a third last year to £222m, but its pre-tax loss also widened, to £208m.",
            [("Revenue", {"company": ["Revolut"]}, Decimal("0.222") * B)],
        ),
        (   # a person's fortune is no price of the deal before it
            "SpaceX bought Swarm Technologies in 2021. His net worth has passed $400bn, according to the Bloomberg index.",
            [("Acquisition", {"acquirer": ["SpaceX"], "target": ["Swarm Technologies"]}, None)],
        ),
        (   # the value of a company a merger will form is no valuation of the buyer
            "ConocoPhillips agreed to buy Concho Resources for $9.7bn. The Houston-based company said the combination "
            "would create a business with an enterprise value of about $60bn.",
            [("Acquisition", {"acquirer": ["ConocoPhillips"], "target": ["Concho Resources"]}, Decimal("9.7") * B)],
        ),
        (   # lists of one round's investors a few sentences apart, with no other round between,
            # and investors who "join the shareholder register"
            "Plaid, whose software links banks to apps such as Venmo and Robinhood, has raised $425m. "
            "The Series D values the San Francisco company at $13.4bn. Altimeter Capital led the round. "
            "Two newcomers bought in. Silver Lake, the technology buyout group, and Ribbit Capital join the "
            "shareholder register for the first time. The rest of the money came from backers Plaid already had. "
            "Index Ventures and Kleiner Perkins all added to their holdings. Spark Capital and Greylock also put in more.",
            [("Investment", {"investee": ["Plaid"],
                             "investor": ["Altimeter Capital", "Greylock", "Index Ventures", "Kleiner Perkins",
                                          "Ribbit Capital", "Silver Lake", "Spark Capital"]}, Decimal("0.425") * B),
             ("Valuation", {"company": ["Plaid"]}, Decimal("13.4") * B)],
        ),
        (   # a "funding round" the tagger reads as the verb "fund": who led it is its subject
            "In 2021, Sequoia and Tiger Global led an $800m funding round in Revolut.",
            [("Investment", {"investor": ["Sequoia Capital", "Tiger Global"], "investee": ["Revolut"]},
              Decimal("0.8") * B)],
        ),
        (   # a deal's figure given as the price of "the transaction", or beside a ranking of it
            "Bayer has completed its takeover of Monsanto. The conglomerate paid $128 a share in cash, "
            "putting the price of the transaction at 63 billion dollars.",
            [("Acquisition", {"acquirer": ["Bayer"], "target": ["Monsanto"]}, 63 * B)],
        ),
        (
            "Merck KGaA has completed its takeover of Versum Materials. The transaction is worth about $6.5bn, "
            "making it Merck KGaA's largest purchase in four years.",
            [("Acquisition", {"acquirer": ["Merck KGaA"], "target": ["Versum Materials"]}, Decimal("6.5") * B)],
        ),
        (   # the price handed to the seller "for the business" is the purchase's price
            "Sony has completed its purchase of Crunchyroll. The Tokyo-based group is handing AT&T "
            "US$1.175 billion in cash for the business.",
            [("Acquisition", {"acquirer": ["Sony"], "target": ["Crunchyroll"]}, Decimal("1.175") * B)],
        ),
        (   # a contract for computing makes its other party a provider, known or not
            "Microsoft signed a five-year, $6.2bn agreement with Nscale for AI computing capacity in Norway.",
            [("CloudCommitment", {"company": ["Microsoft"], "provider": ["Nscale"]}, Decimal("6.2") * B)],
        ),
        (   # "a round … that valued it": "it" is who raised the round, not who led it
            "Helsing's closest American counterpart is Anduril, which raised $2.5bn earlier this month in a round "
            "led by Founders Fund that valued it at $30.5bn.",
            [("Investment", {"investor": ["Founders Fund"], "investee": ["Anduril"]}, Decimal("2.5") * B),
             ("Valuation", {"company": ["Anduril"]}, Decimal("30.5") * B)],
        ),
        (   # … and when the round is led, not raised, "it" is the company the round went into
            "Revolut raised $800m. Last month its Vision Fund 2 led a $639m investment in Klarna, the Swedish "
            "buy-now-pay-later group, that valued it at $45.6bn and made it the most valuable private technology "
            "company in Europe.",
            [("Investment", {"investee": ["Revolut"]}, Decimal("0.8") * B),
             ("Investment", {"investor": ["SoftBank Vision Fund 2"], "investee": ["Klarna"]}, Decimal("0.639") * B),
             ("Valuation", {"company": ["Klarna"]}, Decimal("45.6") * B)],
        ),
        (   # money put in "at a valuation" values the company it went into
            "Andreessen Horowitz put $100m into GitHub at a $750m valuation.",
            [("Investment", {"investor": ["Andreessen Horowitz"], "investee": ["GitHub"]}, Decimal("0.1") * B),
             ("Valuation", {"company": ["GitHub"]}, Decimal("0.75") * B)],
        ),
        (   # a main verb the parser hangs on the name before it, as if it described the name
            "UBS, which reports in dollars, brought in revenue of $34.6bn over the same year and made a profit of $7.6bn.",
            [("Revenue", {"company": ["UBS"]}, Decimal("34.6") * B)],
        ),
        (   # "the group" is the company the text called a group beside its name
            "Penguin Random House, which is owned by the German media group Bertelsmann, had agreed to pay "
            "$2.175 billion for Simon & Schuster. For Paramount, the sale was one of several disposals. "
            "The group, which reported revenue of €18.7 billion for 2021, has been looking to expand.",
            [("Acquisition", {"acquirer": ["Penguin Random House"], "target": ["Simon & Schuster"]},
              Decimal("2.175") * B),
             ("Revenue", {"company": ["Bertelsmann"]}, Decimal("18.7") * B)],
        ),
        (   # a cloud company that signs a cloud contract with another is its provider
            "Oracle signed a $30bn cloud contract with OpenAI.",
            [("CloudCommitment", {"company": ["OpenAI"], "provider": ["Oracle"]}, 30 * B)],
        ),
        (   # "with" on the verb, and a contract for computing by its modifiers
            "Meta has signed a $10bn cloud computing deal with Google.",
            [("CloudCommitment", {"company": ["Meta Platforms"], "provider": ["Google"]}, 10 * B)],
        ),
        (   # what is supplied two words beyond the verb
            "CoreWeave signed a $14.2bn deal to supply Meta with computing power.",
            [("CloudCommitment", {"company": ["Meta Platforms"], "provider": ["CoreWeave"]}, Decimal("14.2") * B)],
        ),
        (   # investors named as where the backing came from
            "Figure AI has closed a $675m Series B funding round at a $2.6bn valuation with investment from "
            "Microsoft, Nvidia and Jeff Bezos.",
            [("Investment", {"investor": ["Jeff Bezos", "Microsoft", "Nvidia"], "investee": ["Figure AI"]},
              Decimal("0.675") * B),
             ("Valuation", {"company": ["Figure AI"]}, Decimal("2.6") * B)],
        ),
        (
            "Anthropic raised $13bn with backing from Fidelity and Lightspeed.",
            [("Investment", {"investor": ["Fidelity Management & Research", "Lightspeed Venture Partners"], "investee": ["Anthropic"]},
              13 * B)],
        ),
        (   # a lone investor that "also participated" after the round
            "Anthropic raised $13bn in a round led by ICONIQ. Fidelity also participated.",
            [("Investment", {"investor": ["Fidelity Management & Research", "ICONIQ"], "investee": ["Anthropic"]}, 13 * B)],
        ),
        (   # an unknown name the tagger takes for a common noun, and a running total
            "Harvey raised $200m in a round led by Sequoia Capital, bringing its total funding to $1.5bn.",
            [("Investment", {"investor": ["Sequoia Capital"], "investee": ["Harvey"]}, Decimal("0.2") * B)],
        ),
        (
            "Amazon has invested a further $4bn in Anthropic, taking its total investment to $8bn.",
            [("Investment", {"investor": ["Amazon"], "investee": ["Anthropic"]}, 4 * B)],
        ),
        (   # a name the NER calls a place, as the one who acts
            "Mars has completed the $36bn acquisition of Kellanova.",
            [("Acquisition", {"acquirer": ["Mars"], "target": ["Kellanova"]}, 36 * B)],
        ),
        (   # "the sale to HPE" is a company sold, not takings
            "Shareholders of Juniper Networks approved the sale to HPE for $40 a share, or about $14bn.",
            [("Acquisition", {"acquirer": ["Hewlett Packard Enterprise"], "target": ["Juniper Networks"]}, 14 * B)],
        ),
        (   # a valuation given to a company by a deal, and a worth set by a round
            "The deal gives xAI a valuation of $200bn.",
            [("Valuation", {"company": ["xAI"]}, 200 * B)],
        ),
        (
            "Databricks said it is now worth $100bn after the round.",
            [("Valuation", {"company": ["Databricks"]}, 100 * B)],
        ),
        (   # the first stage of a capacity commitment is no second commitment
            "AMD will supply OpenAI with six gigawatts of GPUs, starting with a one-gigawatt deployment in 2026.",
            [("ComputeCommitment", {"company": ["OpenAI"], "provider": ["AMD"]}, 6 * B)],
        ),
        (   # a company selling a stake in itself takes the buyer's money
            "Intel, which sold a stake to SoftBank for $2bn in August, said demand was strong.",
            [("Investment", {"investor": ["SoftBank Group"], "investee": ["Intel"]}, 2 * B)],
        ),
        (   # "from investors including …", with "from" hung on the valuation
            "Stripe raised $6.5bn at a $50bn valuation from investors including Thrive Capital and General Catalyst.",
            [("Investment", {"investor": ["General Catalyst", "Thrive Capital"], "investee": ["Stripe"]},
              Decimal("6.5") * B),
             ("Valuation", {"company": ["Stripe"]}, 50 * B)],
        ),
        (   # the name right after "snapped up", which the tagger calls punctuation
            "Databricks snapped up MosaicML for $1.3bn in 2023.",
            [("Acquisition", {"acquirer": ["Databricks"], "target": ["MosaicML"]}, Decimal("1.3") * B)],
        ),
        (   # "&" joins one name, "and" the members of a list
            "Vinted raised €250m from Lightspeed and BDT & MSD Partners.",
            [("Investment", {"investor": ["BDT & MSD Partners", "Lightspeed Venture Partners"], "investee": ["Vinted"]},
              Decimal("0.25") * B)],
        ),
        # investors named in a sentence of their own, after the round
        (
            ROUND + "Bluepeak Capital again led.",
            [("Investment", {"investee": ["Zentra"], "investor": ["Bluepeak Capital"]}, Decimal("0.3") * B)],
        ),
        (
            ROUND + "Harbor Ventures co-led the deal with Bluepeak Capital.",
            [("Investment", {"investee": ["Zentra"], "investor": ["Bluepeak Capital", "Harbor Ventures"]}, Decimal("0.3") * B)],
        ),
        (
            ROUND + "Harbor Ventures joined the round, as did Bluepeak Capital.",
            [("Investment", {"investee": ["Zentra"], "investor": ["Bluepeak Capital", "Harbor Ventures"]}, Decimal("0.3") * B)],
        ),
        (
            ROUND + "Harbor Ventures came back, as did Bluepeak Capital.",
            [("Investment", {"investee": ["Zentra"], "investor": ["Bluepeak Capital", "Harbor Ventures"]}, Decimal("0.3") * B)],
        ),
        (
            ROUND + "Harbor Ventures and Bluepeak Capital returned.",
            [("Investment", {"investee": ["Zentra"], "investor": ["Bluepeak Capital", "Harbor Ventures"]}, Decimal("0.3") * B)],
        ),
        (
            ROUND + "Harbor Ventures put in more.",
            [("Investment", {"investee": ["Zentra"], "investor": ["Harbor Ventures"]}, Decimal("0.3") * B)],
        ),
        (
            ROUND + "Harbor Ventures also bought in, a bet on the sector.",
            [("Investment", {"investee": ["Zentra"], "investor": ["Harbor Ventures"]}, Decimal("0.3") * B)],
        ),
        (
            ROUND + "Harbor Ventures is back this time too.",
            [("Investment", {"investee": ["Zentra"], "investor": ["Harbor Ventures"]}, Decimal("0.3") * B)],
        ),
        (
            ROUND + "Harbor Ventures is an investor for the first time.",
            [("Investment", {"investee": ["Zentra"], "investor": ["Harbor Ventures"]}, Decimal("0.3") * B)],
        ),
        (   # but an investor in another company is not one of the round's
            ROUND + "Harbor Ventures is an investor in Kelvo.",
            [("Investment", {"investee": ["Zentra"]}, Decimal("0.3") * B)],
        ),
        (   # what a round "priced" the company at is its valuation
            "Zentra raised $50m in a round that priced the company at $1bn.",
            [("Investment", {"investee": ["Zentra"]}, Decimal("0.05") * B),
             ("Valuation", {"company": ["Zentra"]}, 1 * B)],
        ),
        (   # "worth" after a round named in a clause of its own
            "The last time Plaid priced a round, in April 2021, it was worth $13.4 billion.",
            [("Valuation", {"company": ["Plaid"]}, Decimal("13.4") * B)],
        ),
        (   # "whose" round, and the "it" that round valued
            "Helsing raised €450m. Its US counterpart Anduril, whose $1.48bn Series E in December 2022 valued it at $8.48bn, is larger.",
            [("Investment", {"investee": ["Helsing"]}, Decimal("0.45") * B),
             ("Investment", {"investee": ["Anduril"]}, Decimal("1.48") * B),
             ("Valuation", {"company": ["Anduril"]}, Decimal("8.48") * B)],
        ),
        (   # a firm's short name after its full one
            "Anysphere raised $900m in a round led by Thrive Capital in June. In December it raised $2.3bn in a "
            "Series D round. Thrive came back, as did Andreessen Horowitz.",
            [("Investment", {"investee": ["Anysphere"], "investor": ["Thrive Capital"]}, Decimal("0.9") * B),
             ("Investment", {"investee": ["Anysphere"], "investor": ["Andreessen Horowitz", "Thrive Capital"]},
              Decimal("2.3") * B)],
        ),
        (   # … and a company's initials, and a valuation hung on the clause naming the investors
            "Alphabet has invested in Safe Superintelligence, the lab set up by Ilya Sutskever. Last September SSI "
            "raised $1 billion from a group that included Andreessen Horowitz and DST Global, at a valuation of $5 billion.",
            [("Investment", {"investor": ["Andreessen Horowitz", "DST Global"], "investee": ["Safe Superintelligence"]}, 1 * B),
             ("Valuation", {"company": ["Safe Superintelligence"]}, 5 * B),
             ("Investment", {"investee": ["Safe Superintelligence"], "investor": ["Alphabet"]}, None)],
        ),
        (   # "taken over" is bought
            "Rovio Entertainment has agreed to be taken over by Sega Sammy Holdings in a deal that values the Finnish company at €706m.",
            [("Acquisition", {"acquirer": ["Sega Sammy"], "target": ["Rovio Entertainment"]}, Decimal("0.706") * B)],
        ),
        (   # a name the tagger takes for a noun, as the subject of a verb the cue depends on
            "Lyft has signed up to spend $300 million with Amazon Web Services over the next three years.",
            [("CloudCommitment", {"company": ["Lyft"], "provider": ["Amazon Web Services"]}, Decimal("0.3") * B)],
        ),
        (   # what a company "was priced at" is its valuation
            "Lyft has signed up to spend $300 million with Amazon Web Services. Lyft was last priced privately at $15.1 billion.",
            [("CloudCommitment", {"company": ["Lyft"], "provider": ["Amazon Web Services"]}, Decimal("0.3") * B),
             ("Valuation", {"company": ["Lyft"]}, Decimal("15.1") * B)],
        ),
        (   # buying into a company is investing in it
            "General Motors has agreed to buy into Lithium Americas in a $650 million equity deal.",
            [("Investment", {"investor": ["General Motors"], "investee": ["Lithium Americas"]}, Decimal("0.65") * B)],
        ),
        (   # the buyer in a "to" the parser hangs on the apposition of what is sold
            "Marathon Petroleum said it would sell Speedway, its chain of fuel stations and convenience stores, to 7-Eleven Inc. for $21 billion in cash.",
            [("Acquisition", {"acquirer": ["7-Eleven"], "target": ["Speedway"]}, 21 * B)],
        ),
        (   # a company's nickname
            "Big Blue bought Apptio for $4.6bn.",
            [("Acquisition", {"acquirer": ["IBM"], "target": ["Apptio"]}, Decimal("4.6") * B)],
        ),
        (   # "this time": the article's own round, not the one it recalled since
            "Helsing has raised €150m in a round led by General Catalyst. General Catalyst has now led two rounds "
            "in succession. It also led the €209m Series B that Helsing closed last September. Saab is back this time too.",
            [("Investment", {"investor": ["General Catalyst", "Saab"], "investee": ["Helsing"]}, Decimal("0.15") * B),
             ("Investment", {"investor": ["General Catalyst"], "investee": ["Helsing"]}, Decimal("0.209") * B)],
        ),
        (   # the same figure in another currency is no second fact
            "Canva employees will sell shares at a valuation of US$42 billion (about A$65 billion).",
            [("Valuation", {"company": ["Canva"]}, 42 * B)],
        ),
        (   # a figure the text gave before, explained, is no new fact
            "Zentra raised $50m at a $250m valuation. That $250 million is the post-money valuation.",
            [("Investment", {"investee": ["Zentra"]}, Decimal("0.05") * B),
             ("Valuation", {"company": ["Zentra"]}, Decimal("0.25") * B)],
        ),
        (   # what "the agreement" values a company the text has shown being bought at is its price
            "Union Pacific agreed to buy Norfolk Southern. The agreement values Norfolk Southern at $85 billion including debt.",
            [("Acquisition", {"acquirer": ["Union Pacific"], "target": ["Norfolk Southern"]}, 85 * B)],
        ),
        (   # "it" in the second of two joined clauses means what the first one's "It" means
            "Cisco sells networking gear. It paid $4.5bn for Acacia Communications in 2021, and it closed a $28bn purchase of Splunk in 2024.",
            [("Acquisition", {"acquirer": ["Cisco"], "target": ["Acacia Communications"]}, Decimal("4.5") * B),
             ("Acquisition", {"acquirer": ["Cisco"], "target": ["Splunk"]}, 28 * B)],
        ),
        (   # a "having bought" clause the parser hangs on an apposition is still the subject's
            "Oracle snapped up Cerner, the health records group, for $28.3bn in 2022, having bought NetSuite for $9.3bn in 2016.",
            [("Acquisition", {"acquirer": ["Oracle"], "target": ["Cerner"]}, Decimal("28.3") * B),
             ("Acquisition", {"acquirer": ["Oracle"], "target": ["NetSuite"]}, Decimal("9.3") * B)],
        ),
        (   # an investor is "the company" after a sentence that says the deal is its own
            "Alphabet is putting $2bn into Anthropic. The deal is Alphabet's biggest bet on a single lab. "
            "The company bought Wiz for $32bn this year.",
            [("Investment", {"investor": ["Alphabet"], "investee": ["Anthropic"]}, 2 * B),
             ("Acquisition", {"acquirer": ["Alphabet"], "target": ["Wiz"]}, 32 * B)],
        ),
        (   # a company paying with its own shares is no investor: "it" later is still the buyer
            "Verizon is buying Tracfone Wireless, the biggest prepaid operator in America, for $6.25bn. The New York carrier "
            "will hand over $3.125bn in cash and the same amount in its own stock. Tracfone sells plans through large retailers. "
            "For Verizon, which had $131.9bn of revenue in 2019, Tracfone is a small add-on. The group's record with purchases "
            "has been patchy. It paid $4.4bn for AOL in 2015.",
            [("Acquisition", {"acquirer": ["Verizon"], "target": ["Tracfone Wireless"]}, Decimal("6.25") * B),
             ("Revenue", {"company": ["Verizon"]}, Decimal("131.9") * B),
             ("Acquisition", {"acquirer": ["Verizon"], "target": ["AOL"]}, Decimal("4.4") * B)],
        ),
        (   # a unit named in apposition acts under its own name, not its owner's
            "News Corp owns newspapers. Its book arm, HarperCollins, paid $349m for HMH Books & Media.",
            [("Acquisition", {"acquirer": ["HarperCollins"], "target": ["HMH Books & Media"]}, Decimal("0.349") * B)],
        ),
        (   # and selling that unit is a sale of a business, not of cloud services
            "Dell agreed to sell its IT services arm, Dell Services, to NTT Data for $3.05bn.",
            [("Acquisition", {"acquirer": ["NTT Data"], "target": ["Dell Services"]}, Decimal("3.05") * B)],
        ),
        (   # a disease is no company, whatever the NER says; and "its" in the second of two
            # joined clauses means what the first one's "It" means
            "Gilead agreed to buy Immunomedics for $21bn. The deal is the latest as the Foster City company tries to cut its "
            "reliance on HIV medicines. It paid $11.9bn for Kite Pharma in 2017, and completed its $4.3bn takeover of "
            "CymaBay Therapeutics in April.",
            [("Acquisition", {"acquirer": ["Gilead"], "target": ["Immunomedics"]}, 21 * B),
             ("Acquisition", {"acquirer": ["Gilead"], "target": ["Kite Pharma"]}, Decimal("11.9") * B),
             ("Acquisition", {"acquirer": ["Gilead"], "target": ["CymaBay Therapeutics"]}, Decimal("4.3") * B)],
        ),
        (   # a purchase at an undisclosed price takes no figure from the sentences around it
            "Google bought Titan Aerospace, a drone maker, for an undisclosed amount. NASA awarded SpaceX a $2.6bn contract.",
            [("Acquisition", {"acquirer": ["Google"], "target": ["Titan Aerospace"]}, None)],
        ),
        (   # a smaller investment that the next sentence calls part of a round is in that round
            "Nvidia has put $300 million into Mistral AI. The money is part of a $665 million round. "
            "Baillie Gifford and Accel also took part.",
            [("Investment", {"investor": ["Nvidia"], "investee": ["Mistral AI"]}, Decimal("0.3") * B),
             ("Investment", {"investor": ["Accel", "Baillie Gifford", "Nvidia"], "investee": ["Mistral AI"]}, Decimal("0.665") * B)],
        ),
        (   # investors listed after a colon, behind a phrase that is about joining the round
            "Chime has raised $750 million. Franklin Templeton led the deal. Two large fund managers that had not "
            "owned Chime shares before came in alongside it: T. Rowe Price and BlackRock.",
            [("Investment", {"investor": ["BlackRock", "Franklin Templeton", "T. Rowe Price"], "investee": ["Chime"]},
              Decimal("0.75") * B)],
        ),
        (   # a colon list whose first name the parser takes for the head of the rest
            "Snowflake raised $450m in February. That round also brought in three strategic backers: "
            "Salesforce Ventures, Alphabet's growth fund CapitalG and Sequoia Capital.",
            [("Investment", {"investor": ["CapitalG", "Salesforce Ventures", "Sequoia Capital"], "investee": ["Snowflake"]},
              Decimal("0.45") * B)],
        ),
        (   # investors named as what the round's backers were
            "Mistral AI has raised €600m in a round led by General Catalyst. The other backers named by the company "
            "were Lightspeed Venture Partners, Andreessen Horowitz and Bpifrance.",
            [("Investment", {"investor": ["Andreessen Horowitz", "Bpifrance", "General Catalyst", "Lightspeed Venture Partners"],
                             "investee": ["Mistral AI"]}, Decimal("0.6") * B)],
        ),
        (   # "the chipmaker" that invests is the chip company, not the last investor named
            "Nscale raised $1.1bn from Aker and G Squared. Nvidia's chief executive said on Monday that the chipmaker "
            "had invested $100m in Nscale.",
            [("Investment", {"investor": ["Aker", "G Squared"], "investee": ["Nscale"]}, Decimal("1.1") * B),
             ("Investment", {"investor": ["Nvidia"], "investee": ["Nscale"]}, Decimal("0.1") * B)],
        ),
        (   # an investment "from" someone: the money came from them
            "Occidental bought Anadarko in 2019. The takeover was backed by a $10bn investment from Berkshire Hathaway, "
            "which bought preferred shares in Occidental.",
            [("Investment", {"investor": ["Berkshire Hathaway"], "investee": ["Occidental Petroleum"]}, 10 * B),
             ("Acquisition", {"acquirer": ["Occidental Petroleum"], "target": ["Anadarko"]}, None)],
        ),
        (   # buying control with no price stated is an acquisition; the price may come later
            "Nissan agreed to buy a stake of about 34% in Mitsubishi Motors. Hyundai agreed to buy a stake of "
            "about 80% in Boston Dynamics. Volkswagen agreed to buy a controlling stake in Navistar.",
            # (a third of a company is a stake: an investment stated without a figure)
            [("Acquisition", {"acquirer": ["Hyundai"], "target": ["Boston Dynamics"]}, None),
             ("Acquisition", {"acquirer": ["Volkswagen"], "target": ["Navistar"]}, None),
             ("Investment", {"investee": ["Mitsubishi Motors"], "investor": ["Nissan"]}, None)],
        ),
        (   # a name the parser read into a fronted date phrase is still the verb's subject
            "It does. In December Hyundai Motor Group agreed to buy Boston Dynamics from SoftBank Group.",
            [("Acquisition", {"acquirer": ["Hyundai Motor"], "target": ["Boston Dynamics"]}, None)],
        ),
        (   # a valuation in the sentence of a round is of the company that raised it
            "Poolside raised $500m. The ChatGPT maker said it had raised $6.6bn in a round led by Thrive Capital "
            "at a valuation of $157bn.",
            [("Investment", {"investee": ["Poolside"]}, Decimal("0.5") * B),
             ("Investment", {"investor": ["Thrive Capital"], "investee": ["OpenAI"]}, Decimal("6.6") * B),
             ("Valuation", {"company": ["OpenAI"]}, 157 * B)],
        ),
        (   # "which" after an apposition stands for the name the apposition describes
            "Revolut raised $800m. That puts it above Checkout.com, the payments processor, which was valued at $15bn in January.",
            [("Investment", {"investee": ["Revolut"]}, Decimal("0.8") * B),
             ("Valuation", {"company": ["Checkout.com"]}, 15 * B)],
        ),
        (   # investors a backer went in alongside
            "Skild AI has raised $300 million. The Amazon founder put money in alongside Lightspeed Venture Partners "
            "and Coatue, two venture firms.",
            [("Investment", {"investor": ["Coatue", "Lightspeed Venture Partners"], "investee": ["Skild AI"]},
              Decimal("0.3") * B)],
        ),
        (   # a lease with capacity and value: a compute and a cloud commitment (corpus gold rule)
            "Microsoft has agreed to lease 300MW of data-centre capacity from Iren under contracts that Iren "
            "expects to bring in about $9.7bn over five years.",
            [("ComputeCommitment", {"company": ["Microsoft"], "provider": ["IREN"]}, Decimal(300_000_000)),
             ("CloudCommitment", {"company": ["Microsoft"], "provider": ["IREN"]}, Decimal("9.7") * B)],
        ),
        (   # the lease's value in a later sentence that speaks of the leases
            "TeraWulf has agreed to lease 200MW of data-centre capacity to Fluidstack at its Lake Mariner campus. Over their ten-year terms "
            "the two leases should bring in roughly $3.7bn, TeraWulf said.",
            [("ComputeCommitment", {"company": ["Fluidstack"], "provider": ["TeraWulf"]}, Decimal(200_000_000)),
             ("CloudCommitment", {"company": ["Fluidstack"], "provider": ["TeraWulf"]}, Decimal("3.7") * B)],
        ),
        (   # whoever hosts is the provider; whose infrastructure it hosts, the customer; and the
            # terms of a signed contract are stated, "will" or not
            "Last month the two companies signed contracts under which Core Scientific will host 200 megawatts "
            "of CoreWeave's GPU infrastructure.",
            [("ComputeCommitment", {"company": ["CoreWeave"], "provider": ["Core Scientific"]}, Decimal(200_000_000))],
        ),
        (   # takings over a period with no word for revenue, and the earlier period's revenue
            # it is compared with (a fact too, as the seed's "about $9B at the end of 2025");
            # goods that "sold strongly" are no sale of a company
            "AMD brought in a record $9.2 billion in the three months to the end of September, as its server "
            "processors sold strongly. Revenue was 36% higher than the $6.8 billion it booked a year earlier.",
            [("Revenue", {"company": ["AMD"]}, Decimal("9.2") * B), ("Revenue", {"company": ["AMD"]}, Decimal("6.8") * B)],
        ),
        (   # guidance and a company's own forecast project revenue, however far the figure
            # sits from the word; "the same people" are the unnamed sources of a report
            "Microsoft's revenue rose 12% to $69.6bn. For the March quarter, Amy Hood guided to Azure growth of "
            "31% and Intelligent Cloud revenue of $25.55 billion to $25.85 billion. Zoom beat its own forecast, "
            "which had pointed to sales of between $806m and $811m. Anduril is raising money, people familiar with "
            "the talks said. The same people said Anduril's revenue roughly doubled last year to around $500 million.",
            [("Revenue", {"company": ["Microsoft"]}, Decimal("69.6") * B)],
        ),
        (   # takings "booked" in a fiscal year or "brought in" in a calendar year; but a product
            # that generated sales is no company, and money taken in a round is raised
            "Salesforce booked $37.9 billion in the fiscal year that ended on January 31. Colgate-Palmolive "
            "brought in $17.97bn in 2022, it said late last month. Mounjaro, the version of tirzepatide approved "
            "for diabetes, generated $3.53bn in the quarter.",
            [("Revenue", {"company": ["Salesforce"]}, Decimal("37.9") * B),
             ("Revenue", {"company": ["Colgate-Palmolive"]}, Decimal("17.97") * B)],
        ),
        (   # but a reported past perfect is the figure; and a forecast about earnings in the
            # same sentence does not make the revenue a projection
            "Anthropic said its run-rate revenue had passed $5 billion in August. GSK reported its results on "
            "Wednesday. Turnover for the three months to December came to £8.05bn, and adjusted earnings of 28.9p "
            "a share were ahead of the 28.6p the City had forecast.",
            [("Revenue", {"company": ["Anthropic"]}, 5 * B), ("Revenue", {"company": ["GSK"]}, Decimal("8.05") * B)],
        ),
        (   # the round that bought the stake is in the company of the stake
            "Amazon has taken a stake in Rivian, an electric-truck maker, by anchoring a $700m funding round, the companies said.",
            [("Investment", {"investor": ["Amazon"], "investee": ["Rivian"]}, Decimal("0.7") * B)],
        ),
        (   # a figure read without its company in the article's first sentence takes the
            # company that sentence is about
            "GSK raised its sales ambition on Wednesday after a new vaccine helped turnover reach £30.3bn in 2023.",
            [("Revenue", {"company": ["GSK"]}, Decimal("30.3") * B)],
        ),
        (   # a company that "now owns" another has bought it; the value a price put on the
            # company bought is the price
            "Microchip Technology now owns Microsemi. Microsemi's investors receive $68.78 in cash for each share. "
            "That price gave the company an equity value of about $8.35bn.",
            [("Acquisition", {"acquirer": ["Microchip Technology"], "target": ["Microsemi"]}, Decimal("8.35") * B)],
        ),
        (   # a round reported before the text names its company; investors who "came in",
            # "completed the list", and a person (a business angel) described by a company they
            # used to run, which is no investor
            "A Paris start-up that was registered only a month ago has raised €105 million. Mistral AI confirmed "
            "the financing on Tuesday. La Famiglia and Headline came in from Germany. Eric Schmidt, the former "
            "chief executive of Google, also put money in. The state-owned bank Bpifrance completes the list.",
            [("Investment", {"investee": ["Mistral AI"], "investor": ["Bpifrance", "Eric Schmidt", "Headline", "La Famiglia"]},
              Decimal("0.105") * B)],
        ),
        (   # results that "came in" below forecasts are no investor joining a round
            "Amazon invested $4bn in Anthropic. Alphabet's shares fell after results from Google Cloud came in below forecasts.",
            [("Investment", {"investor": ["Amazon"], "investee": ["Anthropic"]}, 4 * B)],
        ),
        (   # "values the business at" read whatever the parser made of "values"; "the business"
            # is the company that raised the round; a round that "brings in" an investor
            "Cruise, the self-driving company controlled by General Motors, has raised more than $2bn in new equity "
            "in a round that brings in Microsoft as a shareholder and values the business at $30bn after the money. "
            "GM and Honda put in fresh capital alongside the software giant.",
            [("Investment", {"investee": ["Cruise"], "investor": ["General Motors", "Honda", "Microsoft"]}, 2 * B),
             ("Valuation", {"company": ["Cruise"]}, 30 * B)],
        ),
        (   # whoever leases out capacity at its own campus is the provider; a smaller order
            # from another provider is no milestone of a larger one
            "Hut 8 said on Wednesday it had signed a 15-year lease with Fluidstack for 245 megawatts of data-centre capacity "
            "at its River Bend campus. In May, AMD agreed to provide a gigawatt of AI compute to Humain. Humain will "
            "deploy 200 megawatts of Qualcomm's rack-scale systems, with the first installations due in 2026.",
            [("ComputeCommitment", {"company": ["Fluidstack"], "provider": ["Hut 8"]}, Decimal(245_000_000)),
             ("ComputeCommitment", {"company": ["Humain"], "provider": ["AMD"]}, Decimal(10**9)),
             ("ComputeCommitment", {"company": ["Humain"], "provider": ["Qualcomm"]}, Decimal(200_000_000))],
        ),
        (   # a name the parser read into "At that price …" is the verb's subject; a takeover
            # panel is no party; the value at the winning price is the price
            "Comcast has won the fight for Sky. The owner of NBCUniversal came out on top in an auction supervised "
            "by Britain's Takeover Panel. The Philadelphia cable operator's last-round bid was £17.28 a share in "
            "cash, the panel said. At that price Sky, Europe's largest pay-television business with roughly 23 "
            "million customers in seven countries, is valued at £29.7bn.",
            [("Acquisition", {"acquirer": ["Comcast"], "target": ["Sky"]}, Decimal("29.7") * B)],
        ),
        (   # a sale with its buyer and no price is an acquisition, the price given later
            "Johnson Controls International has agreed to sell Power Solutions, the division that makes a third of "
            "the world's car batteries, to Brookfield Business Partners. The buyer will pay $13.2bn in cash for the unit.",
            [("Acquisition", {"acquirer": ["Brookfield Business Partners"], "target": ["Power Solutions"]}, Decimal("13.2") * B)],
        ),
        (   # capacity leased at a landlord's campus: the owner of the site provides it, and the
            # contracts' value "the miner valued at" is the tenant's cloud commitment
            "IREN mines bitcoin in Texas. In May Crusoe signed three 12-year agreements to lease 150MW at IREN's "
            "Childress campus, contracts the miner valued at roughly $2.4bn.",
            [("ComputeCommitment", {"company": ["Crusoe"], "provider": ["IREN"]}, Decimal(150_000_000)),
             ("CloudCommitment", {"company": ["Crusoe"], "provider": ["IREN"]}, Decimal("2.4") * B)],
        ),
        (   # "at" on the verb, the tenant named by "it", the value in "a deal X valued at"
            "Lambda runs a GPU cloud. Last spring it agreed to take 90MW at Applied Digital's Ellendale "
            "site for seven years, a deal Applied Digital valued at about $1.1bn.",
            [("ComputeCommitment", {"company": ["Lambda"], "provider": ["Applied Digital"]}, Decimal(90_000_000)),
             ("CloudCommitment", {"company": ["Lambda"], "provider": ["Applied Digital"]}, Decimal("1.1") * B)],
        ),
        (   # a tenant's second lease, from another landlord, has its own value; "valued that
            # contract at" puts a figure on the contract, not on the landlord
            "Crusoe agreed to lease 100MW at Hut 8's Louisiana campus, contracts that Hut 8 valued at about $2bn. "
            "In June it signed a ten-year deal to take 60MW at Core Scientific's Denton site. "
            "The host valued that contract at roughly $1.5 billion.",
            [("ComputeCommitment", {"company": ["Crusoe"], "provider": ["Hut 8"]}, Decimal(100_000_000)),
             ("ComputeCommitment", {"company": ["Crusoe"], "provider": ["Core Scientific"]}, Decimal(60_000_000)),
             ("CloudCommitment", {"company": ["Crusoe"], "provider": ["Hut 8"]}, 2 * B),
             ("CloudCommitment", {"company": ["Crusoe"], "provider": ["Core Scientific"]}, Decimal("1.5") * B)],
        ),
        (   # a past event in a "when" clause is stated, whatever the "would" of the clause it
            # hangs from; a project "it valued at" is no company
            "It would be the largest chip deal since 2020, when AMD agreed to buy Xilinx for $35bn. "
            "In March Mistral said it would build a campus near Paris, a project it valued at €8bn.",
            [("Acquisition", {"acquirer": ["AMD"], "target": ["Xilinx"]}, 35 * B)],
        ),
        (   # a purchase priced per share is an acquisition, its total given in the next sentence
            "Oracle has agreed to buy Cerner, the health-records company, for $95 a share in cash. "
            "The transaction is valued at about $28.3bn.",
            [("Acquisition", {"acquirer": ["Oracle"], "target": ["Cerner"]}, Decimal("28.3") * B)],
        ),
        (   # a percentage bought for a sum is a stake, of the company the text is about
            "Jio Platforms has been selling minority stakes. Mubadala paid ₹9,093 crore for 1.85 per cent. "
            "Later Silver Lake took 2.08 per cent of the company for ₹10,202 crore, and TPG was allotted "
            "0.93 per cent for ₹4,546 crore.",
            [("Investment", {"investor": ["Silver Lake"], "investee": ["Jio Platforms"]}, Decimal("102.02") * B),
             ("Investment", {"investor": ["Mubadala"], "investee": ["Jio Platforms"]}, Decimal("90.93") * B),
             ("Investment", {"investor": ["TPG"], "investee": ["Jio Platforms"]}, Decimal("45.46") * B)],
        ),
        (   # other investors' sums are no tranches of an investment, even when they add up to it
            "Silver Lake agreed to invest ₹7,500 crore in Reliance Retail. KKR paid ₹5,550 crore for 1.28 per "
            "cent, and General Atlantic put in ₹1,950 crore.",
            [("Investment", {"investor": ["Silver Lake"], "investee": ["Reliance Retail"]}, 75 * B),
             ("Investment", {"investor": ["KKR"], "investee": ["Reliance Retail"]}, Decimal("55.5") * B),
             ("Investment", {"investor": ["General Atlantic"], "investee": ["Reliance Retail"]}, Decimal("19.5") * B)],
        ),
        (   # "respectively": the n-th investor gave the n-th sum
            "Monzo sold new shares this week: Accel and Iconiq invested £50m and £30m in the bank respectively.",
            [("Investment", {"investor": ["Accel"], "investee": ["Monzo"]}, Decimal("0.05") * B),
             ("Investment", {"investor": ["ICONIQ"], "investee": ["Monzo"]}, Decimal("0.03") * B)],
        ),
        (   # a backer that "increased its holding", and one that did as it did, took part
            "Klarna has raised $639m in a new round. Sequoia Capital, which first backed the company in 2010, "
            "increased its holding, as did Heartland.",
            [("Investment", {"investor": ["Heartland", "Sequoia Capital"], "investee": ["Klarna"]}, Decimal("0.639") * B)],
        ),
        (   # money "from its existing shareholders" is not from itself; "a deal that values" the
            # raiser is its valuation; "funded by X, the …, and by Y" names both
            "Ovo Energy has raised $400m from two of its existing shareholders in a deal that values the "
            "Bristol-based supplier at $3.5bn. The round was funded by Mitsubishi Corporation, the Japanese "
            "trading house that first invested in 2019, and by Temasek.",
            [("Investment", {"investor": ["Mitsubishi", "Temasek"], "investee": ["Ovo Energy"]}, Decimal("0.4") * B),
             ("Valuation", {"company": ["Ovo Energy"]}, Decimal("3.5") * B)],
        ),
        (   # buying new shares "in" a company is investing in it (whatever the NER calls the
            # name); what an alliance is worth is no company's valuation
            "Gilead will buy €960m of new shares in Galapagos, lifting its stake in the Belgian drug developer to "
            "22 per cent, as part of a decade-long research alliance that the two companies value at $5.1bn.",
            [("Investment", {"investor": ["Gilead"], "investee": ["Galapagos"]}, Decimal("0.96") * B)],
        ),
        (   # a computing contract a customer awards a provider, or a provider wins from a
            # customer; a government department is a customer like any other
            "The Home Office has awarded Amazon Web Services a cloud-hosting contract, a deal worth £450m over "
            "three years. Last year Oracle won a $1bn cloud computing contract from the Department of Veterans Affairs.",
            [("CloudCommitment", {"company": ["Home Office"], "provider": ["Amazon Web Services"]}, Decimal("0.45") * B),
             ("CloudCommitment", {"company": ["Department of Veterans Affairs"], "provider": ["Oracle"]}, 1 * B)],
        ),
        (   # a landlord that "signed X as the first tenant" of its campus provides the capacity
            "Galaxy Digital has signed CoreWeave as the first tenant of its Helios campus under a 15-year lease "
            "covering 200 megawatts of critical IT load. The lease is expected to generate about $4.5bn over its term.",
            [("ComputeCommitment", {"company": ["CoreWeave"], "provider": ["Galaxy Digital"]}, Decimal(200_000_000)),
             ("CloudCommitment", {"company": ["CoreWeave"], "provider": ["Galaxy Digital"]}, Decimal("4.5") * B)],
        ),
        (   # who "joined existing backers X and Y in the round", and the backers joined (not the
            # owner of an investment arm)
            "Mistral has raised €600m. Samsung Catalyst Fund, the electronics maker's investment arm, joined "
            "existing backers General Catalyst and Lightspeed Venture Partners in the round.",
            [("Investment", {"investor": ["General Catalyst", "Lightspeed Venture Partners", "Samsung Catalyst Fund"],
                             "investee": ["Mistral AI"]}, Decimal("0.6") * B)],
        ),
        (   # one "taking part" beside the round's valuation is an investor, and the valuation
            # is the raiser's, not the participant's
            "In March 2023 Lambda raised $320 million in a Series C round led by US Innovative Technology Fund, "
            "with Magnetar taking part, at a valuation of $1.5 billion.",
            [("Investment", {"investor": ["Magnetar", "US Innovative Technology Fund"], "investee": ["Lambda"]}, Decimal("0.32") * B),
             ("Valuation", {"company": ["Lambda"]}, Decimal("1.5") * B)],
        ),
        (   # a GPU cloud's hosting contracts with a former miner: the miner hosts it; a
            # purchase it "tried" is no purchase
            "Lambda has signed ten-year hosting contracts with Applied Digital, the former bitcoin miner, covering "
            "200 megawatts of critical IT load at two of its sites. Applied Digital has said the contracts are worth "
            "about $5bn over their terms. Lambda tried to buy the miner outright last year.",
            [("ComputeCommitment", {"company": ["Lambda"], "provider": ["Applied Digital"]}, Decimal(200_000_000)),
             ("CloudCommitment", {"company": ["Lambda"], "provider": ["Applied Digital"]}, 5 * B)],
        ),
        (   # a sum the sentence compares its revenue with ("up 30 per cent from $1.6bn in the
            # same quarter a year earlier") is the same company's revenue, however it is parsed
            "Analog Devices has completed its $21bn all-stock purchase of Maxim Integrated. The deal closed after "
            "Chinese regulators cleared it. Last week ADI posted sales of $2.1bn for its fiscal second quarter, "
            "which ended on May 1, up 30 per cent from $1.6bn in the same quarter a year earlier.",
            [("Acquisition", {"acquirer": ["Analog Devices"], "target": ["Maxim Integrated"]}, 21 * B),
             ("Revenue", {"company": ["Analog Devices"]}, Decimal("2.1") * B),
             ("Revenue", {"company": ["Analog Devices"]}, Decimal("1.6") * B)],
        ),
        (   # a subject written with the first word of a name given in full before ("Generation"
            # after "Generation Investment Management"), which the tagger takes for a common noun
            "Bulb sells electricity. Its first round was funded by Generation Investment Management. It was later "
            "joined by Tokyo Gas, the Japanese utility. Tokyo Gas paid £100m for a 15 per cent stake in 2019. "
            "Generation followed in 2021, when it took an 8 per cent stake for $90m.",
            [("Investment", {"investor": ["Tokyo Gas"], "investee": ["Bulb"]}, Decimal("0.1") * B),
             ("Investment", {"investor": ["Generation Investment Management"], "investee": ["Bulb"]}, Decimal("0.09") * B)],
        ),
        (   # paying a provider for computing is a cloud commitment
            "Pinterest will pay Amazon Web Services $900 million over six years for the hosting and computing "
            "capacity behind its app.",
            [("CloudCommitment", {"company": ["Pinterest"], "provider": ["Amazon Web Services"]}, Decimal("0.9") * B)],
        ),
        (   # the company whose filing shows the pledge; a results line is no organisation
            "Lyft's prospectus showed a commitment to spend $80 million with Google Cloud over four years. "
            "Revenue reached $2.2 billion in the year to December.",
            [("CloudCommitment", {"company": ["Lyft"], "provider": ["Google"]}, Decimal("0.08") * B),
             ("Revenue", {"company": ["Lyft"]}, Decimal("2.2") * B)],
        ),
        (   # "took in" money in a round is raising it, not revenue; a reporter citing sources
            # is no one "it" can mean
            "Revolut is a London bank. The Times had reported, citing people close to the bank, that it was "
            "hiring. In 2021 it took in £130 million in a round led by the Qatar Investment Authority.",
            [("Investment", {"investee": ["Revolut"], "investor": ["Qatar Investment Authority"]}, Decimal("0.13") * B)],
        ),
        (   # a company "was sold to" its buyer
            "Arm was sold to SoftBank for £24.3 billion in 2016.",
            [("Acquisition", {"acquirer": ["SoftBank Group"], "target": ["Arm"]}, Decimal("24.3") * B)],
        ),
        (   # a takeover "by a consortium led by" its buyer, "by" hung on the verb
            "Citrix's listing ended on Friday, completing the $16.5bn takeover of the software group by a consortium "
            "led by Vista Equity Partners.",
            [("Acquisition", {"acquirer": ["Vista Equity Partners"], "target": ["Citrix"]}, Decimal("16.5") * B)],
        ),
        (   # the equity value a deal puts on "the target" is the price
            "Cisco has agreed to buy Splunk, the security software company, in an all-cash deal that puts the "
            "equity value of the target at roughly $28 billion.",
            [("Acquisition", {"acquirer": ["Cisco"], "target": ["Splunk"]}, Decimal(28) * B)],
        ),
        (   # "it" is not the subject of a clause after a semicolon; a GPU cloud's contract "for
            # Nvidia-based capacity" is a cloud commitment
            "Microsoft is a big buyer. In September it signed a five-year, $6bn contract with IREN for "
            "Nvidia-based capacity in Texas; IREN said the total could rise to $7bn.",
            [("CloudCommitment", {"company": ["Microsoft"], "provider": ["IREN"]}, Decimal(6) * B)],
        ),
        (   # "the company" in "X agreed to invest … in the company" is not X; an epithet named
            # before it is a candidate
            "Meta signed first. Anthropic followed in May. The Claude developer committed to buy $20bn of compute "
            "capacity on Azure, and in the same announcement Microsoft agreed to invest up to $2bn in the company.",
            [("CloudCommitment", {"company": ["Anthropic"], "provider": ["Microsoft"]}, Decimal(20) * B),
             ("Investment", {"investor": ["Microsoft"], "investee": ["Anthropic"]}, Decimal(2) * B)],
        ),
        (   # "backers including X and Y, <description of Y>": both, the description Y's (the
            # parser hangs it on X)
            "Revolut is a London bank. In May a second close brought in a further £100 million from backers "
            "including Tiger Global and Hedosophia, the London investment firm founded by Ian Osborne.",
            [("Investment", {"investee": ["Revolut"], "investor": ["Hedosophia", "Tiger Global"]}, Decimal("0.1") * B)],
        ),
        (   # "X was among the backers of the round that Y raised"
            "Nvidia was among the backers of the $640 million Series D that Cohere raised in July.",
            [("Investment", {"investor": ["Nvidia"], "investee": ["Cohere"]}, Decimal("0.64") * B)],
        ),
        (   # business angels: people who write cheques or put money in are investors; the
            # company in a person's title is not ("the Dropbox chief executive", "Former Apple
            # boss", "Stripe co-founder")
            "Mistral AI raised $40 million. Drew Houston, the Dropbox chief executive, wrote a personal cheque, "
            "as did Stripe co-founder John Collison. Former Apple boss John Sculley also put money in.",
            [("Investment", {"investee": ["Mistral AI"], "investor": ["Drew Houston", "John Collison", "John Sculley"]},
              Decimal("0.04") * B)],
        ),
        (   # a venture arm described by its owner is the investor, not the owner; "led the round
            # with X": X co-led
            "Cohere raised $270 million. Index Ventures led the round with Radical Ventures. "
            "Salesforce Ventures, the investment unit of Salesforce, joined them.",
            [("Investment", {"investee": ["Cohere"], "investor": ["Index Ventures", "Radical Ventures", "Salesforce Ventures"]},
              Decimal("0.27") * B)],
        ),
        (   # moving one's systems onto a provider's cloud, and choosing a provider to supply
            # computing, are cloud commitments without a figure
            "BP has signed a ten-year agreement to move its trading infrastructure onto Amazon Web Services. "
            "Last year HSBC agreed to shift much of its IT estate onto Google's cloud. "
            "Snowflake has chosen Oracle Cloud Infrastructure to supply it with extra computing capacity.",
            [("CloudCommitment", {"company": ["BP"], "provider": ["Amazon Web Services"]}, None),
             ("CloudCommitment", {"company": ["HSBC"], "provider": ["Google"]}, None),
             ("CloudCommitment", {"company": ["Snowflake"], "provider": ["Oracle"]}, None)],
        ),
        (   # a chief executive is not the buyer: the company they run is ("rebuilding Target's
            # online business … starting with the purchase of Shipt")
            "Target reported results on Tuesday. Chief executive Brian Cornell has spent much of the past two years "
            "rebuilding Target's online business, starting with the purchase of Shipt for $550 million in 2017.",
            [("Acquisition", {"acquirer": ["Target"], "target": ["Shipt"]}, Decimal("0.55") * B)],
        ),
        (   # the takeover in apposition to the subject of "was valued at" gives its price
            "Pioneer Natural Resources grew by buying rivals, and its biggest, the 2021 all-stock takeover of "
            "Parsley Energy, was valued at about $7.6 billion including debt.",
            [("Acquisition", {"acquirer": ["Pioneer Natural Resources"], "target": ["Parsley Energy"]}, Decimal("7.6") * B)],
        ),
        (   # "which it completed … for $X": the price of the purchase "which" stands for
            "Salesforce has bought its way into new markets; the largest step was the purchase of Tableau, a maker "
            "of data-visualisation software for analysts, which it completed in 2019 for $15.7 billion.",
            [("Acquisition", {"acquirer": ["Salesforce"], "target": ["Tableau"]}, Decimal("15.7") * B)],
        ),
        (   # a reported figure beside the estimate it beat: the estimate is no fact, the figure is
            "Oracle reported results on Monday. Revenue for the quarter rose 7% to $14.3 billion, slightly ahead "
            "of the $14.1 billion that analysts had expected.",
            [("Revenue", {"company": ["Oracle"]}, Decimal("14.3") * B)],
        ),
        (   # a round in apposition to "X's previous round" is X's, and led by whoever led that
            # round; the company it "valued" is the raiser, not the investor named just before
            "Mistral AI builds language models. Mistral AI's previous round, a €385 million Series A in 2023, was "
            "led by Andreessen Horowitz and valued the company at €2 billion.",
            [("Investment", {"investor": ["Andreessen Horowitz"], "investee": ["Mistral AI"]}, Decimal("0.385") * B),
             ("Valuation", {"company": ["Mistral AI"]}, Decimal(2) * B)],
        ),
        (   # investors counted, then named after a colon; "the one new name on the list"
            "Inflection AI has raised $1.3 billion. Microsoft led the financing. It was joined by three of the "
            "best-connected people in the industry: Reid Hoffman, the LinkedIn co-founder, who also co-founded "
            "Inflection; Bill Gates; and Eric Schmidt, the former chief executive of Google. The one new name on "
            "the list is Nvidia.",
            [("Investment", {"investor": ["Bill Gates", "Eric Schmidt", "Microsoft", "Nvidia", "Reid Hoffman"], "investee": ["Inflection AI"]}, Decimal("1.3") * B)],
        ),
        (   # a description the parser did not hang on the name that opens the sentence; "as did"
            # after "the company said"
            "Anduril has raised $1.5 billion in a Series F round. Founders Fund led it. 8VC, the firm run by "
            "Palantir co-founder Joe Lonsdale, increased its holding, the company said, as did Lux Capital, "
            "General Catalyst and Thrive Capital.",
            [("Investment", {"investor": ["8VC", "Founders Fund", "General Catalyst", "Lux Capital", "Thrive Capital"], "investee": ["Anduril"]}, Decimal("1.5") * B)],
        ),
        (   # a list after "including" read item by item, descriptions and people among them
            "Magic said it had raised $320 million from a group of new investors including Eric Schmidt, the former "
            "chief executive of Google, the trading firm Jane Street, Sequoia and the Australian software group Atlassian.",
            [("Investment", {"investor": ["Atlassian", "Eric Schmidt", "Jane Street", "Sequoia Capital"], "investee": ["Magic"]}, Decimal("0.32") * B)],
        ),
        (   # investing "alongside" investors listed after a colon; subjects the parser hung
            # as names the verb describes
            "Groq raised $640m in a Series D led by BlackRock. Neuberger Berman and Type One Ventures invested "
            "alongside corporate backers: Cisco Investments, a fund run for the Japanese telecom group KDDI, and Samsung Catalyst Fund.",
            [("Investment", {"investor": ["BlackRock", "Cisco Investments", "Neuberger Berman", "Samsung Catalyst Fund", "Type One Ventures"], "investee": ["Groq"]}, Decimal("0.64") * B)],
        ),
        (   # a contract named without a figure, then its capacity and its value; "the AI cloud
            # company"; capacity "at Core Scientific sites"
            "CoreWeave has taken up the last of the options in its hosting arrangement with Core Scientific. "
            "The new contract covers approximately 120 megawatts of critical IT load. "
            "The relationship dates back to June, when the AI cloud company signed 12-year contracts for roughly "
            "200MW of capacity at Core Scientific sites. The miner said at the time that those agreements would "
            "generate about $3.5 billion in cumulative revenue.",
            [("ComputeCommitment", {"company": ["CoreWeave"], "provider": ["Core Scientific"]}, Decimal(120) * 10**6),
             ("ComputeCommitment", {"company": ["CoreWeave"], "provider": ["Core Scientific"]}, Decimal(200) * 10**6),
             ("CloudCommitment", {"company": ["CoreWeave"], "provider": ["Core Scientific"]}, Decimal("3.5") * B)],
        ),
        (   # a lease named without a figure: the landlord (a former miner) is the provider; the
            # lease's capacity, whoever the sentence names; an option to grow is no commitment
            "TeraWulf operates the Lake Mariner campus. The company said Monday it had signed a data center lease "
            "with Core42, the cloud subsidiary of G42. The lease covers 60 megawatts of critical IT load, which "
            "TeraWulf will hand over in phases. The agreement gives Core42 the right to grow its footprint at the "
            "site to 108MW of critical IT load.",
            [("ComputeCommitment", {"company": ["Core42"], "provider": ["TeraWulf"]}, Decimal(60) * 10**6)],
        ),
        (   # a chip name is no company; taking part in a round another investor led, alongside others
            "Mistral AI is getting into the infrastructure business. The Paris-based developer said that Nvidia "
            "will supply it with 18,000 chips. Under the arrangement with the "
            "chipmaker, the Grace Blackwell systems will fill 40 megawatts of capacity at the site, the first block "
            "of a platform of bare-metal servers. But the relationship with Mistral runs deeper. The chipmaker "
            "took part in the €385 million Series A round that Andreessen Horowitz led in December 2023, alongside "
            "Lightspeed Venture Partners, General Catalyst and Salesforce.",
            [("ComputeCommitment", {"company": ["Mistral AI"], "provider": ["Nvidia"]}, Decimal(40) * 10**6),
             ("Investment", {"investee": ["Mistral AI"], "investor": ["Andreessen Horowitz", "General Catalyst",
                             "Lightspeed Venture Partners", "Nvidia", "Salesforce"]}, Decimal("0.385") * B)],
        ),
        (   # paying for computing capacity, the provider named in the next sentence
            "Microsoft has agreed to pay $6.2 billion over five years for artificial-intelligence computing capacity "
            "in northern Norway. The contract, disclosed late on Wednesday, is with Nscale, the London-based AI "
            "infrastructure start-up.",
            [("CloudCommitment", {"company": ["Microsoft"], "provider": ["Nscale"]}, Decimal("6.2") * B)],
        ),
        (   # "the sale of X to Y"; a deal "on course to complete" is agreed; the parts a price is made up of
            "The sale of Vodafone Spain to Zegona Communications, agreed in October for up to €5bn, made up of €4.1bn "
            "in cash and as much as €900m in redeemable preference shares, remains on course to complete in the "
            "first half of the year, the company said.",
            [("Acquisition", {"acquirer": ["Zegona Communications"], "target": ["Vodafone Spain"]}, Decimal(5) * B)],
        ),
        (   # "X joined, as did Y"; "took part, and so did Z, whose …"; a person who led a round
            # (not the company in the title of the one who led it); "drew money from" people
            "Anthropic has raised $450 million in a Series C round led by Spark Capital. Google joined, as did "
            "Salesforce Ventures, the investment arm of the business software group. Sound Ventures took part, and "
            "so did Zoom Ventures, whose parent company last week announced plans to build Claude into its products. "
            "The company raised $124 million in a Series A in 2021. Skype co-founder Jaan Tallinn led that round, "
            "which also drew money from Facebook co-founder Dustin Moskovitz and from former Google chief executive "
            "Eric Schmidt. Its Series B, a $580 million round completed in April 2022, was led by Sam Bankman-Fried, "
            "then the chief executive of the cryptocurrency exchange FTX.",
            [("Investment", {"investee": ["Anthropic"], "investor": ["Google", "Salesforce Ventures", "Sound Ventures",
                             "Spark Capital", "Zoom Ventures"]}, Decimal("0.45") * B),
             ("Investment", {"investee": ["Anthropic"], "investor": ["Dustin Moskovitz", "Eric Schmidt", "Jaan Tallinn"]}, Decimal("0.124") * B),
             ("Investment", {"investee": ["Anthropic"], "investor": ["Sam Bankman-Fried"]}, Decimal("0.58") * B)],
        ),
        (   # "came in as co-lead"; a list whose items carry participles ("best known for");
            # "chipped in again", a list the NER half took for a person; "it" after a colon is the
            # subject before it ("The Silicon Valley venture firm": the investor named last)
            "Cerebras has closed a $1.1 billion Series G funding round. Fidelity led the round. Atreides Management, "
            "the Boston investment firm founded by former Fidelity portfolio manager Gavin Baker, came in as co-lead. "
            "So did Valor Equity Partners, the Chicago firm best known for its long association with Elon Musk's "
            "companies, and 1789 Capital, a newer investment house. Altimeter Capital and Alpha Wave Global both "
            "chipped in again, and Benchmark wrote another cheque. The Silicon Valley venture firm has been with "
            "Cerebras from the start: it led the company's $27 million Series A in 2016.",
            [("Investment", {"investee": ["Cerebras"], "investor": ["1789 Capital", "Alpha Wave Global", "Altimeter Capital",
                             "Atreides Management", "Benchmark", "Fidelity Management & Research", "Valor Equity Partners"]}, Decimal("1.1") * B),
             ("Investment", {"investee": ["Cerebras"], "investor": ["Benchmark"]}, Decimal("0.027") * B)],
        ),
        (   # a total that sums the sentence's parts is the deal, the parts its tranches; "the
            # Japanese carmaker" is the carmaker named before; a deposit on an order is no investment
            "Delta Air Lines is making an upfront equity investment of $60 million in Joby Aviation and has agreed "
            "to add a further $140 million as the two companies reach agreed milestones, taking the airline's total "
            "investment in the air-taxi developer to as much as $200 million. For Joby, the deal adds an airline to a "
            "shareholder register already anchored by Toyota. The Japanese carmaker put $394 million into the Santa "
            "Cruz, California, company in 2020. In August United Airlines put down a $10 million deposit with Archer "
            "Aviation against future deliveries of 100 aircraft.",
            [("Investment", {"investee": ["Joby Aviation"], "investor": ["Delta Air Lines"]}, Decimal("0.2") * B),
             ("Investment", {"investee": ["Joby Aviation"], "investor": ["Toyota"]}, Decimal("0.394") * B)],
        ),
        (   # a public investor whose name says "Council"; the fund an investor invests through;
            # the company whose shareholders came back; a list item a participle describes
            "Pasqal has raised €100 million in a Series B round led by Temasek. Three other newcomers joined the "
            "round: the European Innovation Council Fund, the EU's own equity vehicle; Wa'ed Ventures, the venture "
            "capital arm of Saudi Aramco; and Bpifrance, through its Large Venture fund. Pasqal's existing "
            "shareholders also came back for more. Quantonation, the Paris fund dedicated to quantum start-ups, "
            "took part again, as did the Defense Innovation Fund run on behalf of France's armed forces ministry, "
            "the venture firm Daphni and Eni Next.",
            [("Investment", {"investee": ["Pasqal"], "investor": ["Bpifrance", "Daphni", "Eni Next", "European Innovation Council Fund",
                             "Fonds Innovation Défense", "Quantonation", "Temasek", "Wa'ed Ventures"]}, Decimal("0.1") * B)],
        ),
        (   # stakes stated without a figure, one per company; none that the text gives a figure
            # elsewhere; "its first investment in the company" is a round's new investor
            "Toyota makes cars. Toyota took a stake in Uber itself in May, though neither company would say how much "
            "it paid. Alibaba makes software. It also already has money riding on DeepSeek's domestic competitors: it "
            "has invested in Moonshot AI, the Beijing developer of the Kimi chatbot, and in MiniMax, the Shanghai "
            "company behind the Hailuo video generator. Google took a stake in Anthropic in February. Google paid "
            "$300m for a 10% stake in Anthropic.",
            [("Investment", {"investee": ["Anthropic"], "investor": ["Google"]}, Decimal("0.3") * B),
             ("Investment", {"investee": ["Uber"], "investor": ["Toyota"]}, None),
             ("Investment", {"investee": ["Moonshot AI"], "investor": ["Alibaba"]}, None),
             ("Investment", {"investee": ["MiniMax"], "investor": ["Alibaba"]}, None)],
        ),
        (
            "Anthropic raised $450m in a round led by Spark Capital. Nvidia, whose chips train its models, made its "
            "first investment in the company.",
            [("Investment", {"investee": ["Anthropic"], "investor": ["Nvidia", "Spark Capital"]}, Decimal("0.45") * B)],
        ),
        (   # a percentage of a company bought: most of it is the company; a consortium's leader buys
            "Last year Tencent led a consortium that bought 84.3 per cent of Supercell, the Finnish maker of the "
            "mobile game Clash of Clans, from SoftBank for $8.6 billion. In 2019 Sony bought 14 per cent of Bungie "
            "for $100m.",
            [("Acquisition", {"acquirer": ["Tencent"], "target": ["Supercell"]}, Decimal("8.6") * B),
             ("Investment", {"investee": ["Bungie"], "investor": ["Sony"]}, Decimal("0.1") * B)],
        ),
        (   # a company won in a sale, its price in the next sentence; a bid that lost
            "The government on Thursday handed Air India to the Tata group. "
            "Tata Sons, the group's holding company, won the airline in October through Talace, a wholly owned "
            "subsidiary set up for the bid. Talace offered an enterprise value of Rs 18,000 crore. A consortium led "
            "by SpiceJet's chairman Ajay Singh offered Rs 15,100 crore and lost.",
            [("Acquisition", {"acquirer": ["Tata Sons"], "target": ["Air India"]}, Decimal(180) * B)],
        ),
        (   # a studio named only in apposition is a company, not the place describing it; free
            # cash flow is no revenue
            "Netflix paid about €65m, or €2.10 a share, for Next Games, the Helsinki studio that made Stranger "
            "Things: Puzzle Tales. For 2023 as a whole Netflix booked revenue of $33.7bn and generated $6.9bn of "
            "free cash flow.",
            [("Acquisition", {"acquirer": ["Netflix"], "target": ["Next Games"]}, Decimal("0.065") * B),
             ("Revenue", {"company": ["Netflix"]}, Decimal("33.7") * B)],
        ),
        (   # a round "which put it at" a figure values whoever raised it
            "Ramp sells corporate cards. Last April it raised $150m in a round led by Khosla Ventures and Founders "
            "Fund, which put it at $7.65bn.",
            [("Investment", {"investee": ["Ramp"], "investor": ["Founders Fund", "Khosla Ventures"]}, Decimal("0.15") * B),
             ("Valuation", {"company": ["Ramp"]}, Decimal("7.65") * B)],
        ),
        (   # the size of each of equal tranches is no investment of its own
            "Toyota will invest $500 million in Joby Aviation. The investment will arrive in two equal tranches of "
            "$250 million each, Joby and Toyota said on Wednesday.",
            [("Investment", {"investee": ["Joby Aviation"], "investor": ["Toyota"]}, Decimal("0.5") * B)],
        ),
        (   # a landlord read as the one taking capacity from a GPU cloud is its provider
            "A 168-megawatt AI data centre in Abernathy, Texas, is to be developed by a joint venture between "
            "TeraWulf and Fluidstack, and all of its capacity will be taken by the London-based AI cloud provider "
            "under a 25-year lease, the two companies announced on 28 October.",
            [("ComputeCommitment", {"company": ["Fluidstack"], "provider": ["TeraWulf"]}, Decimal(168) * 10**6)],
        ),
        (   # a lease signed for a landlord's campus, its capacity in the next sentences (one read
            # with the same company on both sides)
            "CoreWeave has spoken for every megawatt of approved power at Galaxy Digital's Helios campus in West "
            "Texas, after signing a second-phase lease and taking up the last option it held on the site, Galaxy "
            "said on Friday. The new lease covers an additional 260 megawatts of critical IT load. Earlier this year "
            "the GPU cloud provider had already exercised its final option for a further 133MW.",
            [("ComputeCommitment", {"company": ["CoreWeave"], "provider": ["Galaxy Digital"]}, Decimal(260) * 10**6),
             ("ComputeCommitment", {"company": ["CoreWeave"], "provider": ["Galaxy Digital"]}, Decimal(133) * 10**6)],
        ),
        (   # "the first $900m of it": a part of the figure just given, not a deal of its own
            "Applied Digital builds data centres. In January Blue Owl agreed to invest up to $3bn in the "
            "company's computing business; the first $700m of it is earmarked for a campus in North Dakota.",
            [("Investment", {"investor": ["Blue Owl"], "investee": ["Applied Digital"]}, Decimal(3) * B)],
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
        # a product's, a unit's or a region's sales are part of a company's revenue, and revenue
        # a company said it would reach is a projection
        "Keytruda, Merck's cancer drug, generated sales of $25bn last year.",
        "Nvidia's data centre unit reported revenue of $26.3bn, up 154 per cent.",
        "Vantor's sales in China fell to $3bn.",
        "Oracle said its cloud infrastructure revenue would reach $18bn this fiscal year.",
        # unconfirmed reports, letters of intent, the size of a fund, money a company has
        "Reports in early 2024 said Klarna had cut its internal valuation to about $6.7bn.",
        "Nvidia signed a letter of intent to invest as much as $100bn in OpenAI.",
        # a clause of its own whose subject names no one; money put into things, not a company
        "Index Ventures and Accel return as the payroll start-up raises $60m.",
        # a report by someone else; a bid trumped by a rival; debt taken on; bonds and share sales
        "Nvidia is Lambda's biggest supplier. According to a report this month by The Information, it has agreed to spend about $1.5bn over four years to lease back 18,000 of its own chips from Lambda.",
        "Last year Chevron struck an agreement to buy Anadarko Petroleum for $33bn, only to be trumped by a rival offer.",
        "Chevron will spend no cash up front, although it will take on roughly $8bn of Noble Energy's borrowings.",
        "To help pay for it, Nebius raised $4.3bn in September through a mix of convertible bonds and a share sale.",
        # a stock's moves, framework agreements, a share of results, losses carried
        "Shares in Stryker were little changed in New York trading on Wednesday morning, valuing the company at about $85bn.",
        "Oklo said it had struck a framework agreement with data-centre operator Switch to deploy up to 12 gigawatts of its reactors for AI data centres.",
        "The memory unit contributed about $2.8bn to Intel's revenue in the first half of the year.",
        "Bern agreed to absorb up to CHF 9bn of losses on a portfolio of Credit Suisse assets.",
        # running totals of a company's rounds, and what a kind of company is worth
        "Including an earlier Series A, Anthropic has now raised a little over $200m in total.",
        "Anthropic had raised only about $32m in the three years before it.",
        "Mistral AI's financing makes it the country's 24th \"unicorn\", a private company valued at $1bn or more, leaving France one short of the target.",
        "TSMC pledged to put an extra $100bn into American factories as the Trump administration weighs tariffs.",
        "Honda invested in Cruise. The $100bn technology investment vehicle run by SoftBank Group also backs Cruise.",
        # a unit the text does not name is not the company that sells it
        "Unilever agreed to sell its spreads division to KKR for €6.825bn.",
        # a deal being close, a purchase given up
        "Revolut was close to a deal valuing it at $30bn.",
        # selling its stake (a holding in another company) is no investment in the seller
        "Toshiba sold its stake to Bain Capital for $2bn.",
        # a hope (which the lemmatizer takes for "hop")
        "OpenAI hopes to raise as much as $40bn at a $300bn valuation.",
        # a unit's revenue, and what a listed company is worth
        "Revenue at Nvidia's data centre business rose 112 per cent to $30.8bn.",
        "Zoom is worth $20bn on the stock market.",
        # a deal between two companies, neither of them a cloud provider, is no cloud contract
        "Pfizer signed a $2bn deal with BioNTech.",
        "Applied Materials has given up on its purchase of Kokusai Electric after China's regulator failed to approve the $3.5bn deal.",
        # talks about buying, and a figure from people who know the terms
        "OpenAI held talks earlier this year about buying Windsurf, but those discussions fell apart.",
        "The round values Helsing at about €4.95bn, according to two people with knowledge of the terms.",
        # examples set up, and a kind of company rather than one
        "Suppose a software company we will call Quillmark takes $50 million from investors who agree that the business is worth $200 million.",
        "Imagine, purely for illustration, that a lab such as Mistral AI raised €1 billion at a €10 billion pre-money price.",
        "Mistral AI is a French lab. A company valued at $1 billion that raises at $600 million has done a down round.",
        # a preliminary deal, a newspaper's report, a figure restated in another currency
        "Zentra agreed a preliminary $2bn purchase of Kelvo.",
        "Last week the Dong-A Ilbo newspaper said Apple would invest 4 trillion won, roughly $3.6 billion, in Kia.",
        # what a company has raised since it was founded is a running total, no round
        "Nuro builds delivery robots. Counting this round, Nuro has raised well over $2 billion since it was founded in 2016.",
        "Commonwealth Fusion Systems said it has raised more than $2 billion since its founding.",
        "Monzo is a London bank. Including those earlier rounds, Monzo has now raised about $1.7bn since 2015.",
        "Jio sold stakes. Counting the Saudi money, Jio Platforms has now raised ₹1.5 lakh crore from 13 investors.",
        # a backlog, guidance and a product's hoped-for peak are no revenue earned
        "Nvidia makes chips. Its commercial remaining performance obligation, revenue that has been contracted but "
        "not yet recognised, climbed to $298 billion.",
        "For the March quarter, Microsoft guided to Intelligent Cloud revenue of $25.55 billion.",
        "GSK has said it sees peak annual sales of more than £3bn for Arexvy.",
        # what a takeover brought is no takeover of its own
        "AT&T is based in Dallas. The Dallas telecoms group now owns HBO, CNN and the Warner Bros film studio.",
        # a guarantee of another's rent and a bank's project financing are no investment
        "Crusoe leases capacity from IREN. Microsoft has agreed to guarantee $900m of Crusoe's obligations under the lease.",
        "Barclays is arranging about $2bn of project financing for the campus, IREN said.",
        # nothing paid for computing
        "Microsoft paid OpenAI $10bn for a stake and cloud rights.",
        # a figure only sources cited by a reporter give; capacity that is only planned
        "Revolut is a London bank. Sky News reported, citing City sources, that GIC would put £60 million into the bank.",
        "Meta has picked three more sites, which brings its planned capacity to nearly four gigawatts of data centres.",
        # what "a single campus can draw", whoever else the sentence names
        "Microsoft buys power in the region. A single large AI campus can draw 100MW or more, as much as a small "
        "city, and PJM has warned that demand from data centres could outstrip new supply.",
        # a move that is only planned, on a condition
        "Zoom said it would move its data to Oracle if the trial works.",
        # power a company controls, and what a unit of capacity costs, are no commitments
        "IREN hosts Lambda. IREN says it controls about 2.9GW of contracted power across its sites and has set "
        "aside roughly 750 MW of that for AI workloads.",
        "Nscale will supply Microsoft with GPUs from a Texas campus. Industry executives often put the all-in "
        "cost of a gigawatt of AI computing, chips included, at $50bn or more.",
        # what analysts expect
        "Analysts expect Nvidia's revenue to reach $50 billion next quarter.",
        "Nvidia's quarterly revenue will be about $50bn, analysts estimate.",
        # an investment firm raising money raises a fund
        "Sequoia Capital said in April that it had raised $8 billion across a new set of funds.",
        # a report someone dismissed
        "Sam Altman has dismissed a report that his company OpenAI had just raised $40bn at a $300bn valuation.",
        # a power purchase agreement, a total across contracts, a landlord's own capacity
        "In September, Microsoft signed a 20-year power purchase agreement with Constellation Energy that will "
        "bring Three Mile Island's Unit 1 back into service and feed its 835 megawatts into the grid to match the "
        "software giant's data center consumption.",
        "Core Scientific, the largest of the converts, has now contracted around 500MW to CoreWeave across a series of hosting contracts.",
        "TeraWulf operates the Lake Mariner data center campus. In October TeraWulf replaced the ground lease on the "
        "site with a 35-year agreement that gives it access to up to 750MW of infrastructure capacity.",
        # money put "in which" a thing (a campus), and a place named only as a machine's site
        "For Essex the attraction is jobs. Nscale has said the campus, in which it had already pledged to invest "
        "about two billion pounds before Microsoft came on board, will support up to 250 permanent roles.",
        "Microsoft said it would spend thirty billion dollars in Britain between 2025 and 2028, roughly half of it on "
        "building out cloud and AI infrastructure, with the Loughton supercomputer among the projects drawing on that budget.",
        # money a listed company raised selling shares; what reports claimed a company was preparing
        "Tesla raised about $1.2 billion earlier this month through a sale of new shares and convertible notes.",
        "The denial followed reports. They claimed that Alibaba was preparing to put $1 billion into DeepSeek in "
        "return for a 10 per cent stake.",
        # the value a bidder's offer implies
        "In February Veolia filed a hostile offer for the remaining shares of Suez at €18 apiece, valuing the whole company at roughly €11.3bn.",
        # a thing a relative clause says is only planned
        "Luma AI is to be the main customer of Project Halo, a 2-gigawatt computing cluster that Humain plans to start deploying next year.",
    ],
)
def test_not_a_fact(nlp, text: str) -> None:
    assert facts(nlp, text) == []


def test_a_price_per_share_values_no_company(nlp) -> None:
    """What a price per share values the bought company at is the deal's price: never a
    valuation of the company, whether or not the deal itself is read."""
    found = facts(nlp, "Microsoft will pay $95 a share for Activision, valuing the company at $68.7bn.")
    assert [f for f in found if f[0] == "Valuation"] == []


def test_a_name_given_a_job_is_no_company(nlp) -> None:
    """ "Vlad Tenev, the Swiss-born founder and chief executive, said …": a person, whatever
    the NER called the name, so "the business" in a later sentence is not him."""
    found = facts(
        nlp,
        "Wise has raised $300m in a Series D round that values the London-based payments company at $5bn. "
        "Accel and Tiger Global, two US growth funds, joined its shareholder register. Vlad Tenev, the "
        "Swiss-born founder and chief executive, said the money would pay for expansion in the US, where the "
        "company is opening offices. It plans to keep hiring. The previous round, a $200m Series C in 2019, "
        "valued the business at $3.5bn. Index Ventures and Accel were among the investors in that deal.",
    )
    assert not [f for f in found if any("Vlad" in name for names in f[1].values() for name in names)]
    assert ("Valuation", {"company": ["Wise"]}, Decimal("3.5") * B) in found


def test_paying_to_buy_a_business_is_no_cloud_contract(nlp) -> None:
    """ "paid $1.175bn to buy the anime streaming service from AT&T": a purchase, whatever
    "service" suggests; buying computing capacity from a provider still is a cloud contract."""
    found = facts(
        nlp,
        "Crunchyroll came into the group through an acquisition. Sony Pictures Entertainment paid $1.175bn to "
        "buy the anime streaming service from AT&T, completing the deal in August 2021.",
    )
    assert [f for f in found if f[0] == "CloudCommitment"] == []
    found = facts(nlp, "Microsoft signed a $9.7bn deal to buy computing capacity from Iren over five years.")
    assert ("CloudCommitment", {"company": ["Microsoft"], "provider": ["IREN"]}, Decimal("9.7") * B) in found


def test_it_as_an_object_is_not_the_clause_subject(nlp) -> None:
    """ "… and a year later T. Rowe Price poured $500m into it": "it" is the company the text is
    about, never the subject of its own clause (that would be "itself")."""
    found = facts(
        nlp,
        "Nuro has leaned on big backers before. In 2019 SoftBank Group led a $940m round in the start-up, and "
        "a year later T. Rowe Price poured $500m into it.",
    )
    assert ("Investment", {"investor": ["T. Rowe Price"], "investee": ["Nuro"]}, Decimal("0.5") * B) in found


def test_money_a_listing_raised_is_no_investment(nlp) -> None:
    """ "ahead of its listing, which raised about $12bn": money from the public market."""
    found = facts(nlp, "Amazon and Ford became large shareholders in Rivian ahead of its listing, which raised about $12bn.")
    assert [f for f in found if f[0] == "Investment"] == []


def test_a_tender_offer_and_a_price_set_earlier_are_no_investments(nlp) -> None:
    """A tender offer buys staff's shares (no money in); "the $12bn set in May, when the company
    raised $425m in a Series E round co-led by …": the raise's own figure is $425m, its
    investors named through a split "co-led"."""
    found = facts(
        nlp,
        "Deel has been valued at $17bn in a sale of shares by its staff. The tender offer, worth up to $300m, "
        "is being led by General Catalyst, the company said. The new price is well above the $12bn set in May, "
        "when the company raised $425m in a Series E round co-led by Andreessen Horowitz and Spark Capital.",
    )
    investments = [f for f in found if f[0] == "Investment"]
    assert investments == [
        ("Investment", {"investor": ["Andreessen Horowitz", "Spark Capital"], "investee": ["Deel"]}, Decimal("0.425") * B)
    ]
    assert ("Valuation", {"company": ["Deel"]}, 17 * B) in found


def test_a_total_that_sums_the_parts_has_them_as_tranches(nlp) -> None:
    doc = nlp(
        "Delta Air Lines is making an upfront equity investment of $60 million in Joby Aviation and has agreed "
        "to add a further $140 million as the two companies reach agreed milestones, taking the airline's total "
        "investment in the air-taxi developer to as much as $200 million."
    )
    (fact,) = doc._.relations
    assert fact.figure == Decimal("0.2") * B
    assert [t.value for t in fact.tranches] == [Decimal("0.06") * B, Decimal("0.14") * B]
