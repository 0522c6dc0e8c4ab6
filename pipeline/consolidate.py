"""From sentence readings to an article's facts: merge, absorb, split tranches, fill, check.

An article states its main deal several times — in the lede, the body, a summary box — often
with one role missing each time ("The $25 billion breaks into two tranches"). Consolidation:

0. gives an organisation the gazetteer does not know one name when the article uses its
   formal name and a shorter one ("Slack Technologies", then "Slack");
1. merges readings that have every required role and agree on kind, figure (within 1%) and
   roles into one fact with several evidence sentences;
2. folds readings that lack a required role into a fact with the same figure: of the same kind
   when the roles agree, else of any kind (a "deal" or "commitment" restating a known figure);
3. gives what is still missing the organisation the text was about at that sentence;
4. turns smaller investments near an investment that sum to it into its tranches;
5. gives an acquisition read without its buyer ("completed its purchase of Slack, wrapping up
   a $27.7bn deal") the buyer another sentence names ("Slack was acquired by Salesforce");
6. drops facts still missing a required role, or whose roles name one organisation twice.
"""

from __future__ import annotations

import re

from pipeline.gazetteer import Gazetteer
from pipeline.model import Amount, Fact, Org, adding_up_to, same_figure
from pipeline.orgs import LEGAL_NAME_WORDS, initials_of, is_public_body
from pipeline.relations import UNDISCLOSED, Reading

REQUIRED = {
    "Investment": ("investee",),
    "Acquisition": ("target",),
    "Valuation": ("company",),
    "ComputeCommitment": ("company",),
    "CloudCommitment": ("company",),
    "Revenue": ("company",),
}
MULTI_ROLES = {"investor"}
TRANCHE_WINDOW = 3  # sentences around a mention of the total where its parts may be listed
PARTICIPANTS_WINDOW = 5  # sentences after a round where "X also backed the round" may follow
LIST_GAP = 4  # sentences between two lists of investors of one round


def _currency(fact: Fact) -> str | None:
    return fact.amount.currency if fact.amount else None


def _roles_agree(a: Fact, b: Fact) -> bool:
    for role in set(a.roles) & set(b.roles):
        names_a, names_b = set(a.role_names(role)), set(b.role_names(role))
        if role in MULTI_ROLES:
            if not names_a & names_b:
                return False
        elif names_a != names_b:
            return False
    return True


def _complete(fact: Fact) -> bool:
    return all(fact.roles.get(role) for role in REQUIRED.get(fact.kind, ()))


def _add_to_role(target: Fact, role: str, orgs: tuple[Org, ...]) -> None:
    """Add to a role the organisations it does not name yet, in order."""
    known = set(target.role_names(role))
    target.roles[role] = target.roles.get(role, ()) + tuple(o for o in orgs if o.name not in known)


def _merge_into(target: Fact, other: Fact) -> None:
    for role, orgs in other.roles.items():
        if role not in target.roles:
            target.roles[role] = orgs
        elif role in MULTI_ROLES:
            _add_to_role(target, role, orgs)
    if target.amount and other.amount and target.amount.qualifier is None and other.amount.qualifier:
        target.amount = other.amount
    if target.capacity and other.capacity and target.capacity.qualifier is None and other.capacity.qualifier:
        target.capacity = other.capacity
    target.duration = target.duration or other.duration
    target.metric = target.metric or other.metric
    _cite(target, other)


def _cite(target: Fact, other: Fact) -> None:
    """Add to ``target`` the evidence sentences of ``other`` it does not cite yet."""
    starts = {e.start for e in target.evidence}
    target.evidence += [e for e in other.evidence if e.start not in starts]


def _matches(fact: Fact, other: Fact) -> bool:
    return (
        fact.kind == other.kind
        and same_figure(fact.figure, other.figure)
        and _currency(fact) == _currency(other)
        and _roles_agree(fact, other)
    )


class _Facts:
    """The growing fact list of one article, with the sentences each fact was read in."""

    def __init__(self) -> None:
        self.facts: list[Fact] = []
        self.sentences: list[set[int]] = []
        self.mentions: list[set[int]] = []

    def add(self, reading: Reading) -> None:
        for n, fact in enumerate(self.facts):
            if _matches(fact, reading.fact):
                _merge_into(fact, reading.fact)
                self.sentences[n].add(reading.sentence)
                self.mentions[n].add(reading.mention_start)
                return
        self.facts.append(reading.fact)
        self.sentences.append({reading.sentence})
        self.mentions.append({reading.mention_start})

    def absorb(self, reading: Reading) -> bool:
        """Fold an incomplete or kind-less reading into the one fact with its figure."""
        same = [
            n
            for n, fact in enumerate(self.facts)
            if same_figure(fact.figure, reading.fact.figure)
            and _currency(fact) == _currency(reading.fact)
            and (not reading.fact.kind or fact.kind == reading.fact.kind or _complete(fact))
        ]
        kinds = {self.facts[n].kind for n in same}
        if not same or (len(same) > 1 and len(kinds) > 1):
            return False
        n = same[0]
        if reading.fact.kind == self.facts[n].kind and _roles_agree(self.facts[n], reading.fact):
            _merge_into(self.facts[n], reading.fact)
        else:
            _cite(self.facts[n], reading.fact)
        self.sentences[n].add(reading.sentence)
        self.mentions[n].add(reading.mention_start)
        return True


def _fill_from_round(reading: Reading, readings: list[Reading], gazetteer: Gazetteer | None = None) -> None:
    """A valuation read without its company, or with a company only a phrase pointed to ("the
    business"), is of the company that raised the round read in the same sentence: "the
    ChatGPT maker said it had raised $6.6bn in a round led by Thrive at a valuation of $157bn",
    "has raised $2bn in a round that brings in Microsoft and values the business at $30bn"."""
    if reading.fact.kind != "Valuation":
        return
    # "a round led by Founders Fund that valued the company at $14bn": an investor named as the
    # company valued is a misreading when the sentence reports a round raised by someone else
    investor_named = gazetteer is not None and any(
        gazetteer.sector(o.name) == "investor" for o in reading.fact.roles.get("company", ())
    )
    # "… led by Coatue, with Magnetar taking part, at a valuation of $19bn": one named taking part
    participants = {
        o.name for r in readings
        if r.sentence == reading.sentence and r.fact.kind in ("Investment", "Participants")
        for o in r.fact.roles.get("investor", ())
    }  # fmt: skip
    investor_named = investor_named or any(o.name in participants for o in reading.fact.roles.get("company", ()))
    if not investor_named and any(not o.surface.startswith(("the ", "The ")) for o in reading.fact.roles.get("company", ())):
        return
    raisers = {
        o.name: o for r in readings
        if r.sentence == reading.sentence and r.fact.kind == "Investment"
        for o in r.fact.roles.get("investee", ())
    }  # fmt: skip
    if len(raisers) == 1:
        reading.fact.roles["company"] = tuple(raisers.values())


def _fill_from_context(reading: Reading, gazetteer: Gazetteer) -> None:
    fact, org = reading.fact, reading.context
    if org is None:
        return
    taken = {o.name for orgs in fact.roles.values() for o in orgs}
    if any(gazetteer.related(org.name, name) for name in taken):
        return
    for role in REQUIRED.get(fact.kind, ()):
        if not fact.roles.get(role):
            fact.roles[role] = (Org(org.name, org.surface),)
            return


def _split_tranches(facts: _Facts, readings: list[Reading], gazetteer: Gazetteer) -> set[int]:
    """Give an investment the smaller amounts near it that add up to it as tranches.

    Returns the positions of the figures used as tranches.
    """
    money = [
        (r.sentence, r.mention_start, r.fact.amount, r.fact.role_names("investor"))
        for r in readings
        if r.fact.amount is not None and r.fact.kind in ("", "Investment")
    ]
    used: set[int] = set()
    for n, fact in enumerate(facts.facts):
        if fact.kind != "Investment" or fact.amount is None:
            continue
        # Amounts that belong to another deal are not parts of this one; investments between
        # the same parties may be ("Amazon is committing $5 billion immediately").
        elsewhere = {
            start
            for m, other in enumerate(facts.facts)
            if m != n and not (other.kind == "Investment" and _roles_agree(fact, other))
            for start in facts.mentions[m]
        }
        window = {s + k for s in facts.sentences[n] for k in range(-TRANCHE_WINDOW, TRANCHE_WINDOW + 1)}
        investors = fact.role_names("investor")
        parts = {
            start: amount
            for sentence, start, amount, paid_by in money
            if sentence in window
            and start not in facts.mentions[n] | elsewhere | used
            # "KKR paid ₹5,550 crore": another investor's money is no tranche of this one's
            and not (paid_by and investors and not any(gazetteer.related(a, b) for a in paid_by for b in investors))
            and amount.currency == fact.amount.currency
            and amount.value < fact.amount.value
        }
        chosen = adding_up_to(sorted(parts.items()), fact.amount.value, lambda part: part[1].value, sizes=(2, 3, 4))
        if chosen:
            fact.tranches = [Amount(a.value, a.currency) for _, a in chosen]
            used |= {start for start, _ in chosen}
    return used


def _drop_tranche_parts(facts: list[Fact]) -> list[Fact]:
    """An investment that is a tranche of a larger one between the same parties is not a
    deal of its own."""
    return [
        fact
        for fact in facts
        if not (
            fact.kind == "Investment"
            and any(
                other is not fact
                and other.kind == "Investment"
                and any(same_figure(fact.figure, t.value) for t in other.tranches)
                and _roles_agree(fact, other)
                for other in facts
            )
        )
    ]


# A deal whose sentence says its price is not known takes no figure from a sentence nearby.
def _price_events(facts: _Facts, events: list[Reading], orphans: list[Reading]) -> None:
    """Acquisitions stated without a price ("Broadcom agreed to buy VMware") take the
    nearest deal figure no fact has claimed ("the company put a value of $61 billion on the
    software maker"); those that find none are kept without an amount."""
    for event in events:
        known = next(
            (n for n, f in enumerate(facts.facts) if f.kind == "Acquisition" and _same_parties(f, event.fact)),
            None,
        )
        unbought = next(  # "completed its purchase of Slack, wrapping up a $27.7bn deal"
            (
                n
                for n, f in enumerate(facts.facts)
                if f.kind == "Acquisition"
                and not f.roles.get("acquirer")
                and f.role_names("target") == event.fact.role_names("target")
            ),
            None,
        )
        if known is None and unbought is not None:
            facts.facts[unbought].roles["acquirer"] = event.fact.roles["acquirer"]
            known = unbought
        if known is not None:
            facts.sentences[known].add(event.sentence)
            _cite(facts.facts[known], event.fact)
            continue
        near = [o for o in orphans if abs(o.sentence - event.sentence) <= TRANCHE_WINDOW + 1]
        if near and not _says(event.fact, UNDISCLOSED):  # "bought Titan for an undisclosed amount"
            orphan = min(near, key=lambda o: abs(o.sentence - event.sentence))
            orphans.remove(orphan)
            event.fact.amount = orphan.fact.amount
            event.fact.evidence += orphan.fact.evidence
            event.mention_start = orphan.mention_start
        facts.add(event)


def _keep_stake_events(facts: _Facts, events: list[Reading]) -> None:
    """Investments stated without a figure ("Toyota took a stake in Uber itself in May") are
    facts of their own, unless the article gives that investment a figure elsewhere."""
    for event in events:
        known = next(
            (
                n for n, f in enumerate(facts.facts)
                if f.kind == "Investment" and f.role_names("investee") == event.fact.role_names("investee")
                and set(f.role_names("investor")) & set(event.fact.role_names("investor"))
            ),
            None,
        )  # fmt: skip
        if known is not None:
            facts.sentences[known].add(event.sentence)
            _cite(facts.facts[known], event.fact)
            continue
        facts.add(event)


# What makes a company's value in a takeover story the price paid for it.
# (not the investor T. Rowe Price)
_PRICE_WORDS = re.compile(r"\b(?:[Pp]rice|offer|terms|premium|per share|a share|each share|bid)\b(?<!Rowe Price)")


def _prices_from_valuations(facts: _Facts) -> None:
    """An acquisition stated without a price takes a value put on its target nearby in words
    of a price: "Renesas now owns Dialog. … that price gave the company a total equity value
    of about €4.9bn". The valuation, being the price, is no valuation of its own."""
    used: set[int] = set()
    for n, bought in enumerate(facts.facts):
        if bought.kind != "Acquisition" or bought.amount is not None or not bought.roles.get("acquirer"):
            continue
        first = min(facts.sentences[n])
        for m, valued in enumerate(facts.facts):
            if (
                m not in used and valued.kind == "Valuation" and valued.amount is not None
                and valued.role_names("company") == bought.role_names("target")
                and any(0 <= s - first <= TRANCHE_WINDOW for s in facts.sentences[m]) and _says(valued, _PRICE_WORDS)
            ):  # fmt: skip
                bought.amount = valued.amount
                bought.evidence += valued.evidence
                facts.sentences[n] |= facts.sentences[m]
                facts.mentions[n] |= facts.mentions[m]
                used.add(m)
                break
    for m in sorted(used, reverse=True):  # removed after the loop, so no position shifts under it
        del facts.facts[m], facts.sentences[m], facts.mentions[m]


def _provider_choices(facts: _Facts, choices: list[Reading]) -> None:
    """Cloud commitments stated without a figure ("named AWS its primary cloud provider"):
    one fact per company and provider, folded into a priced commitment between the two."""
    for choice in choices:
        parties = {r: choice.fact.role_names(r) for r in ("company", "provider")}
        known = next(
            (
                n
                for n, f in enumerate(facts.facts)
                if f.kind == "CloudCommitment" and all(f.role_names(r) == names for r, names in parties.items())
            ),
            None,
        )
        if known is None:
            facts.add(choice)
            continue
        facts.sentences[known].add(choice.sentence)
        _cite(facts.facts[known], choice.fact)


# A contract for capacity, and what the contract is worth: "two leases that the landlord
# expects to bring in roughly $7bn over about 15 years".
_CAPACITY_CONTRACT = re.compile(r"\b(?:leases?|leasing|host(?:s|ing)?|colocation|contracts?|agreements?|deals?)\b", re.I)
_CONTRACT_VALUE = re.compile(
    r"\b(?:bring in|brings in|worth|valued? (?:(?:the|that|this|these|those|its) \w+ )?at|value of|generate"
    r"|total(?:ling)? about|revenue of)\b",
    re.I,
)  # "valued that contract at about $3bn"
LEASE_VALUE_WINDOW = 3  # sentences after a capacity contract where its value may be given


def _lease_values(facts: _Facts, readings: list[Reading]) -> None:
    """Give a capacity contract its value: a lease or hosting contract with both is a
    compute commitment and a cloud commitment between the same two companies (the corpus
    gold rule), the value being a figure with no cue of its own in the contract's sentence or
    in a sentence after it that speaks of the contract's worth."""
    claimed = set().union(*facts.mentions) if facts.mentions else set()
    for n, fact in enumerate(list(facts.facts)):
        if fact.kind != "ComputeCommitment" or not fact.roles.get("provider") or not _says(fact, _CAPACITY_CONTRACT):
            continue
        if any(f.kind == "CloudCommitment" and _same_contract_parties(f, fact) for f in facts.facts):
            continue
        first = min(facts.sentences[n])
        values = [
            r for r in readings
            if r.fact.kind == "" and r.fact.amount is not None and r.mention_start not in claimed
            and 0 <= r.sentence - first <= LEASE_VALUE_WINDOW and _says(r.fact, _CONTRACT_VALUE)
            and (r.sentence == first or _says(r.fact, _CAPACITY_CONTRACT))
        ]  # fmt: skip
        if not values:
            continue
        value = values[0]
        cloud = Fact(
            "CloudCommitment",
            {"company": fact.roles["company"], "provider": fact.roles["provider"]},
            amount=value.fact.amount,
            duration=value.fact.duration,
            evidence=list(value.fact.evidence),
        )
        claimed.add(value.mention_start)
        facts.add(Reading(cloud, value.sentence, mention_start=value.mention_start))


def _same_contract_parties(a: Fact, b: Fact) -> bool:
    """Whether two contracts are between the same customer and provider (Fluidstack's leases
    from TeraWulf and from Cipher Mining are two contracts, each with its value)."""
    return all(a.role_names(r) == b.role_names(r) for r in ("company", "provider"))


def _same_parties(a: Fact, b: Fact) -> bool:
    return all(a.role_names(r) == b.role_names(r) for r in ("acquirer", "target"))


def _says(fact: Fact, words: re.Pattern[str]) -> bool:
    """Whether a sentence the fact was read from has these words."""
    return any(words.search(e.sentence) for e in fact.evidence)


# A participants sentence that names the round it means: "X led that financing".
# ("Lightspeed Venture Partners led it": the round named last)
_THAT_ROUND = re.compile(
    r"\b(?:that|the earlier|the previous|the prior|the first) (?:round|financing|funding|raise)\b"
    r"|\b(?:led|co-led|headed|anchored) it\b",
    re.I,
)
# One that means the article's own round, not one it recalled since: "Saab is back this time
# too", after "the €209m Series B that Helsing closed last September".
_THIS_ROUND = re.compile(r"\bthis (?:time|round)\b|\b(?:the|this) (?:new|latest|current) (?:round|financing|funding|raise)\b", re.I)
# An investment that is what an investor has put in over the years, not one round.
_RUNNING_TOTAL = re.compile(
    r"\b(?:already (?:put|invested|poured|committed|handed)|to date|since (?:19|20)\d\d)\b", re.I
)  # not "its largest round so far"


def _add_participants(facts: _Facts, readings: list[Reading]) -> None:
    """Add investors named in their own sentence ("ICONIQ led the round") to the investment
    reported just before."""
    last: tuple[int, int] | None = None  # the sentence and the fact of the last list joined
    for reading in readings:
        named = reading.fact.roles.get("investor", ())
        # a list that goes on in a later sentence joins the same round, however far back the
        # round was named, when no other round was reported in between ("Lightspeed, Sequoia
        # and CRV also wrote cheques. So did Citi."; "The rest of the money came from backers
        # Plaid already had. X, Y and Z all added to their holdings.")
        # ("it had already put $13bn into OpenAI since 2019" between them is no round)
        going_on = last is not None and 0 < reading.sentence - last[0] <= LIST_GAP and not any(
            fact.kind == "Investment" and n != last[1] and any(last[0] < s < reading.sentence for s in sentences)
            and not _says(fact, _RUNNING_TOTAL)
            for n, (fact, sentences) in enumerate(zip(facts.facts, facts.sentences))
        )
        candidates = [
            (reading.sentence - max(s for s in sentences if s <= reading.sentence), n)
            for n, (fact, sentences) in enumerate(zip(facts.facts, facts.sentences))
            if fact.kind == "Investment" and fact.figure is not None  # (not a stake stated without one)
            and (
                any(0 <= reading.sentence - s <= PARTICIPANTS_WINDOW for s in sentences)
                or (going_on and n == last[1])
            )
            # "Nvidia, whose processors Wayve uses, came in": the company itself is no investor
            and {o.name for o in named} - set(fact.role_names("investee"))
        ]
        if _says(reading.fact, _THIS_ROUND):
            # the article's own round: its first investment, wherever it was named
            first = min(
                (
                    (min(sentences), n)
                    for n, (fact, sentences) in enumerate(zip(facts.facts, facts.sentences))
                    if fact.kind == "Investment" and min(sentences) <= reading.sentence
                    and {o.name for o in named} - set(fact.role_names("investee"))
                ),
                default=None,
            )  # fmt: skip
            candidates = [(0, first[1])] if first is not None else candidates
        # "it had already put about $13bn into OpenAI since 2019": no round to join
        candidates = [c for c in candidates if not _says(facts.facts[c[1]], _RUNNING_TOTAL)]
        if not candidates:
            continue
        same_sentence = [n for distance, n in candidates if distance == 0]
        if same_sentence:
            # "it raised €385m in a round led by X, with Y also taking part": the round of
            # the sentence, which may not be the largest nearby
            chosen = max(same_sentence, key=lambda n: facts.facts[n].figure or 0)
        elif _says(reading.fact, _THAT_ROUND):
            chosen = min(candidates)[1]  # "X led that financing": the round named last
        else:
            # the round itself is the largest investment nearby in the company named last; one
            # investor's part is smaller. (A roundup's rounds of other companies are not it:
            # "Codeium closed a $150m Series C. Kleiner Perkins and Greenoaks put in more.")
            investee = set(facts.facts[min(candidates)[1]].role_names("investee"))
            same = [n for _, n in candidates if not investee or set(facts.facts[n].role_names("investee")) == investee]
            chosen = max(same, key=lambda n: facts.facts[n].figure or 0)
        fact = facts.facts[chosen]
        known = set(fact.role_names("investor")) | set(fact.role_names("investee"))
        # "SSI" for Safe Superintelligence: the company itself, by its initials
        named = tuple(o for o in named if not any(initials_of(o.name, n) for n in fact.role_names("investee")))
        fact.roles["investor"] = fact.roles.get("investor", ()) + tuple(o for o in named if o.name not in known)
        last = (reading.sentence, chosen)


# A round that a smaller investment named just before belongs to: "Berkshire put $500m into
# Nubank. The money is part of a $750m extension of its Series G round."
_PART_OF = re.compile(r"\b(?:money|investment|cash|cheque|sum|stake|it|that|this)\b (?:is|was|forms|formed|came as) (?:a )?part of\b", re.I)


def _add_parts_investors(facts: _Facts) -> None:
    """Give a round the investors of a part of it reported in the sentence before."""
    for n, whole in enumerate(facts.facts):
        if whole.kind != "Investment" or whole.figure is None or not _says(whole, _PART_OF):
            continue
        first = min(facts.sentences[n])
        for m, part in enumerate(facts.facts):
            if (
                part.kind == "Investment" and m != n
                and any(0 < first - s <= 2 for s in facts.sentences[m])
                and part.role_names("investee") == whole.role_names("investee")
                and part.figure is not None and part.figure < whole.figure
            ):  # fmt: skip
                _add_to_role(whole, "investor", part.roles.get("investor", ()))


def _valid(fact: Fact, gazetteer: Gazetteer) -> bool:
    if not _complete(fact):
        return False
    if fact.kind == "CloudCommitment" and not fact.roles.get("provider"):
        return False  # "spent $14bn on data centres": spending with no one is capital spending
    if fact.figure is None and not (
        (fact.kind == "Acquisition" and fact.roles.get("acquirer"))
        or (fact.kind == "CloudCommitment" and fact.roles.get("provider"))
        or (fact.kind == "Investment" and fact.roles.get("investor"))
    ):
        return False
    if any(
        is_public_body(o.name) for role, orgs in fact.roles.items() for o in orgs
        if not (fact.kind == "CloudCommitment" and role == "company")
    ):
        # regulators and courts review deals; they are not parties to them (but a government
        # department buys cloud services: "awarded Microsoft the JEDI contract")
        return False
    return not one_party(fact, gazetteer)


def one_party(fact: Fact, gazetteer: Gazetteer) -> bool:
    """Whether a fact names one organisation (or two of one group) twice: on both sides of
    a deal ("The carrier will hand over $3bn in cash and the same amount in its own shares")."""
    names = [o.name for orgs in fact.roles.values() for o in orgs]
    return any(gazetteer.related(a, b) for i, a in enumerate(names) for b in names[i + 1 :])


# Words a company's formal name adds to the name the article goes on to use ("Slack
# Technologies" is then "Slack").
CORPORATE_WORDS = LEGAL_NAME_WORDS | {
    "inc.", "corp.", "co.", "ltd.", "nv", "ab", "pharmaceuticals", "therapeutics", "biosciences",
}  # fmt: skip


def short_names(names: set[str], gazetteer: Gazetteer) -> dict[str, str]:
    """For organisations the gazetteer does not know: the formal name of each that the
    article also calls by a shorter name ("Slack Technologies" → "Slack")."""
    unknown = [n for n in names if gazetteer.entry(n) is None]
    found: dict[str, str] = {}
    for long in unknown:
        words = long.split()
        for short in names:
            short_words = short.split()
            if (
                0 < len(short_words) < len(words)
                and words[: len(short_words)] == short_words
                and all(w.lower() in CORPORATE_WORDS for w in words[len(short_words) :])
                and (long not in found or len(short) < len(found[long]))
            ):
                found[long] = short
    return found


def shouted_names(names: set[str]) -> dict[str, str]:
    """Names a heading writes in capitals, as the text writes them: "SPEEDWAY" → "Speedway".
    Acronyms ("AMD", "SSI") stay: a name of four letters or fewer is left alone."""
    written = {name.casefold(): name for name in names if not name.isupper()}
    return {
        name: written[name.casefold()]
        for name in names
        if name.isupper() and len(name.replace(" ", "")) > 4 and name.casefold() in written
    }


def _unify_names(readings: list[Reading], gazetteer: Gazetteer) -> None:
    names = {o.name for r in readings for orgs in r.fact.roles.values() for o in orgs}
    renamed = short_names(names, gazetteer) | shouted_names(names)
    if not renamed:
        return
    for reading in readings:
        roles = reading.fact.roles
        for role, orgs in roles.items():
            roles[role] = tuple(Org(renamed.get(o.name, o.name), o.surface) for o in orgs)


def consolidate(readings: list[Reading], gazetteer: Gazetteer) -> list[Fact]:
    """The article's facts from its sentence readings, in order of first mention."""
    _unify_names(readings, gazetteer)
    for reading in readings:
        _fill_from_round(reading, readings, gazetteer)
    facts = _Facts()
    strong = [r for r in readings if r.fact.kind in REQUIRED and not r.weak and not r.figureless]
    sure = [r for r in strong if _complete(r.fact) and not r.guessed]
    for reading in sure:
        facts.add(reading)
    pending = []
    for reading in strong:
        if reading in sure:
            continue
        if any(_matches(f, reading.fact) for f in facts.facts):
            facts.add(reading)
        elif not facts.absorb(reading):
            pending.append(reading)
    orphans = [r for r in readings if r.weak and not facts.absorb(r)]
    used = _split_tranches(facts, readings, gazetteer)
    for reading in pending:
        if reading.mention_start in used:
            continue
        if not _complete(reading.fact):
            _fill_from_context(reading, gazetteer)
        facts.add(reading)
    _price_events(facts, [r for r in readings if r.figureless and r.fact.kind == "Acquisition"], orphans)
    _keep_stake_events(facts, [r for r in readings if r.figureless and r.fact.kind == "Investment"])
    _prices_from_valuations(facts)
    _provider_choices(facts, [r for r in readings if r.figureless and r.fact.kind == "CloudCommitment"])
    _lease_values(facts, readings)
    _add_participants(facts, [r for r in readings if r.fact.kind == "Participants"])
    _add_parts_investors(facts)
    valid = [fact for fact in _drop_tranche_parts(facts.facts) if _valid(fact, gazetteer)]
    return [fact for fact in valid if not _is_milestone(fact, valid, gazetteer)]


MILESTONE_WORDS = ("milestone", "first", "initial", "phase", "by year-end", "by the end of")


def _is_milestone(fact: Fact, facts: list[Fact], gazetteer: Gazetteer) -> bool:
    """A smaller capacity on the way to a larger commitment ("nearly 1GW by year-end" of a 5 GW
    deal) is a step of that commitment, not a second one."""
    if fact.kind != "ComputeCommitment" or fact.figure is None:
        return False
    words = " ".join(e.sentence.lower() for e in fact.evidence)
    return any(w in words for w in MILESTONE_WORDS) and any(
        other.kind == "ComputeCommitment"
        and other.figure is not None
        and other.figure > fact.figure
        and other.role_names("company") == fact.role_names("company")
        # (a smaller order from another provider is a deal of its own; AWS is Amazon's)
        and not (
            fact.roles.get("provider") and other.roles.get("provider") and not _roles_agree(fact, other)
            and not any(
                gazetteer.related(a, b) or gazetteer.related(b, a)
                for a in fact.role_names("provider") for b in other.role_names("provider")
            )
        )
        for other in facts
    )
