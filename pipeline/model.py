"""The typed records passed between stages: articles, quantities, organisations, facts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import combinations
from typing import TypeVar

FACT_TYPES = (
    "Investment",
    "Acquisition",
    "Valuation",
    "ComputeCommitment",
    "CloudCommitment",
    "Revenue",
)

# The roles each fact type carries, in the order they are shown.
ROLES = {
    "Investment": ("investor", "investee"),
    "Acquisition": ("acquirer", "target"),
    "Valuation": ("company",),
    "ComputeCommitment": ("company", "provider"),
    "CloudCommitment": ("company", "provider"),
    "Revenue": ("company",),
}
# Roles that reports of one deal may name partly: one article names a round's lead, another
# its five investors. Each of these parties is stored with the articles that name it
# (graph.py), and reports whose lists share a name may be one deal (resolve.py).
LISTED_ROLES = ("investor",)


@dataclass(frozen=True)
class Article:
    """One news article: its body text and what the page says about it."""

    text: str
    url: str
    source: str
    headline: str | None = None
    published: date | None = None
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = None


@dataclass(frozen=True)
class Amount:
    """A sum of money in whole units of an ISO 4217 currency."""

    value: Decimal
    currency: str
    qualifier: str | None = None  # "up to", "more than", "about"
    low: Decimal | None = None  # lower end when the text gives a range ("$3-5 billion")


@dataclass(frozen=True)
class Capacity:
    """Electrical power in watts, as compute capacity is counted."""

    watts: Decimal
    qualifier: str | None = None
    low: Decimal | None = None  # lower end of a range ("30-50 MW")


@dataclass(frozen=True)
class Duration:
    """A span of time as an ISO 8601 duration such as ``P10Y``."""

    iso: str


Quantity = Amount | Capacity | Duration


@dataclass(frozen=True)
class QuantityMention:
    """Where a quantity was written in a text, and what it means."""

    start: int
    end: int
    text: str
    quantity: Quantity


@dataclass(frozen=True)
class Org:
    """An organisation as a fact names it: canonical name plus the words the text used."""

    name: str
    surface: str


@dataclass(frozen=True)
class Evidence:
    """The sentence a fact was read from, with its character offsets in the article text."""

    sentence: str
    start: int
    end: int


STATUSES = ("announced", "completed", "terminated")
"""Where a deal stood when the article reported it, from least to most settled."""


@dataclass(frozen=True)
class DealDetails:
    """What an article says about a deal beyond its parties and figure (pipeline/deal_details.py).

    Every field is optional: None (or empty) when the evidence sentences do not say.
    """

    status: str | None = None  # one of STATUSES
    announced: str | None = None  # "2024-03-03", or "2023-01" when only month and year are given
    round_series: str | None = None  # "Seed", "Pre-seed", "Series B", "Series C-1", "Series A extension"
    leads: tuple[str, ...] = ()  # canonical names of the lead investors, each one of the fact's investors
    stake_percent: Decimal | None = None  # 49 for "a 49% stake"; above 0, at most 100
    valuation_basis: str | None = None  # "pre-money" or "post-money", for a Valuation
    # The Investment (the round) a Valuation was set in, a fact of the same article. Left out of
    # comparisons and repr: it is another fact, not a value of this one.
    round: Fact | None = field(default=None, compare=False, repr=False)

    def __bool__(self) -> bool:
        return any((self.status, self.announced, self.round_series, self.leads,
                    self.stake_percent is not None, self.valuation_basis, self.round is not None))  # fmt: skip


@dataclass
class Fact:
    """One deal fact of a ``FACT_TYPES`` type, with the evidence it was read from."""

    kind: str
    roles: dict[str, tuple[Org, ...]]
    amount: Amount | None = None
    capacity: Capacity | None = None
    duration: Duration | None = None
    metric: str | None = None
    tranches: list[Amount] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    details: DealDetails | None = None  # set after consolidation (pipeline/deal_details.py)

    def role_names(self, role: str) -> tuple[str, ...]:
        """Canonical names filling ``role``, sorted, empty when the role is unknown."""
        return tuple(sorted({org.name for org in self.roles.get(role, ())}))

    @property
    def figure(self) -> Decimal | None:
        """The fact's headline number: money value or watts."""
        if self.amount is not None:
            return self.amount.value
        if self.capacity is not None:
            return self.capacity.watts
        return None


def same_figure(a: Decimal | None, b: Decimal | None) -> bool:
    """Whether two figures agree within 1%.

    >>> same_figure(Decimal(100), Decimal("100.5")), same_figure(Decimal(100), Decimal(102))
    (True, False)
    """
    if a is None or b is None:
        return False
    return abs(a - b) <= Decimal("0.01") * max(abs(a), abs(b))


T = TypeVar("T")


def adding_up_to(
    items: Sequence[T], total: Decimal, value: Callable[[T], Decimal], sizes: Sequence[int] = (2, 3)
) -> tuple[T, ...] | None:
    """The first few items (fewest first, in order) whose values add up to ``total`` within 1%:
    the parts of a sum ("$60m now and $140m later" of "up to $200m").

    >>> adding_up_to([Decimal(60), Decimal(50), Decimal(140)], Decimal(200), lambda v: v)
    (Decimal('60'), Decimal('140'))
    """
    for size in sizes:
        for combo in combinations(items, size):
            if same_figure(sum((value(item) for item in combo), Decimal(0)), total):
                return combo
    return None
