"""One parser for the quantities deal news is written in: money, power and durations.

``find_quantities`` scans a text and returns every mention with its character offsets and its
normalised value: money in whole currency units, power in watts, durations as ISO 8601.

>>> [m.quantity for m in find_quantities("up to $25 billion")]
[Amount(value=Decimal('25000000000'), currency='USD', qualifier='up to', low=None)]
>>> find_quantities("a gigawatt")[0].quantity.watts
Decimal('1000000000')
>>> find_quantities("over the next decade")[0].quantity
Duration(iso='P10Y')
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from pipeline.model import Amount, Capacity, Duration, QuantityMention

WORD_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip

MONEY_SCALES = {
    "thousand": 10**3, "k": 10**3,
    "million": 10**6, "mln": 10**6, "mn": 10**6, "m": 10**6, "mil": 10**6,
    "billion": 10**9, "bn": 10**9, "b": 10**9, "bln": 10**9,
    "trillion": 10**12, "tn": 10**12, "trn": 10**12,
    # Indian numbering: ₹33,737 crore is 337.37 billion rupees
    "lakh": 10**5, "lakhs": 10**5, "crore": 10**7, "crores": 10**7, "cr": 10**7,
    "lakh crore": 10**12, "lakh crores": 10**12,  # ₹4.587 lakh crore is 4.587 trillion rupees
}  # fmt: skip

POWER_UNITS = {
    "kw": 10**3, "kilowatt": 10**3, "mw": 10**6, "megawatt": 10**6,
    "gw": 10**9, "gigawatt": 10**9, "tw": 10**12, "terawatt": 10**12,
}  # fmt: skip

CURRENCY_SYMBOLS = {
    "us$": "USD", "usd": "USD", "$": "USD", "c$": "CAD", "a$": "AUD", "hk$": "HKD",
    "s$": "SGD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP", "¥": "JPY",
    "jpy": "JPY", "₹": "INR", "inr": "INR", "rs": "INR", "rs.": "INR", "chf": "CHF", "cny": "CNY", "cad": "CAD",
    "aud": "AUD", "dollars": "USD", "dollar": "USD", "us dollars": "USD", "euros": "EUR",
    "euro": "EUR", "pounds": "GBP", "pounds sterling": "GBP", "yen": "JPY", "rupees": "INR",
    "nt$": "TWD", "twd": "TWD", "r$": "BRL", "brl": "BRL", "₩": "KRW", "krw": "KRW",
    "swiss francs": "CHF", "francs": "CHF",
    "dkk": "DKK", "sek": "SEK", "nok": "NOK", "hkd": "HKD", "sgd": "SGD", "zar": "ZAR", "sar": "SAR", "aed": "AED",
}  # fmt: skip

QUALIFIERS = {
    "up to": "up to", "as much as": "up to", "as high as": "up to",
    "more than": "more than", "over": "more than", "above": "more than",
    "in excess of": "more than", "upwards of": "more than", "north of": "more than",
    "at least": "more than", "about": "about", "around": "about", "roughly": "about",
    "approximately": "about", "nearly": "about", "almost": "about", "some": "about",
    "an estimated": "about", "~": "about", "close to": "about",
}  # fmt: skip

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Fractions of "a …" written out: "half a gigawatt", "a quarter of a billion dollars".
FRACTIONS = {"half": Decimal("0.5"), "a quarter of": Decimal("0.25"), "three quarters of": Decimal("0.75")}
_FRACTION = r"(?:(?P<frac>half|a\s+quarter\s+of|three\s+quarters\s+of)\s+(?=an?\b))?"
_WORD = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
_QUAL = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_SCALE = "|".join(s.replace(" ", r"\s") for s in sorted(MONEY_SCALES, key=len, reverse=True))
_PREFIX = (
    r"US\$|HK\$|C\$|A\$|S\$|(?<![A-Za-z])NT\$|(?<![A-Za-z])R\$|\$|€|£|¥|₹|₩|(?<![A-Za-z])Rs\.?(?=\s?\d)"
    r"|(?:USD|EUR|GBP|JPY|CHF|CNY|CAD|AUD|INR|TWD|BRL|KRW|DKK|SEK|NOK|HKD|SGD|ZAR|SAR|AED)(?=\s?\d)"
)
_SUFFIX = r"US dollars|dollars?|euros?|pounds(?: sterling)?|yen|rupees|Swiss francs|francs|USD|EUR|GBP|JPY|CHF"
_DASH = r"\s?(?:-|–|—|to)\s?"

MONEY_RE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:"
    rf"(?P<pre>{_PREFIX})\s?(?P<num>{_NUM})"
    rf"(?:{_DASH}(?:{_PREFIX})?\s?(?P<num2>{_NUM}))?"
    rf"(?:\s?-?(?P<scale>{_SCALE})\b)?(?P<plus>\+|-plus\b)?"
    rf"|"
    rf"{_FRACTION}(?P<wnum>{_NUM}|\b(?:{_WORD}))\s?-?(?P<wscale>{_SCALE})?\s(?P<suf>{_SUFFIX})\b"
    rf")",
    re.IGNORECASE,
)

POWER_RE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"{_FRACTION}(?P<num>{_NUM}|\b(?:{_WORD}))(?:{_DASH}(?P<num2>{_NUM}))?"
    rf"\s?-?(?P<unit>gigawatts?|megawatts?|kilowatts?|terawatts?|GW|MW|kW|TW)(?![a-z])",
    re.IGNORECASE,
)

DURATION_RE = re.compile(
    rf"\b(?:(?P<count>{_NUM}|{_WORD})[\s-](?P<unit>years?|months?)\b"
    rf"|(?:(?P<dcount>two|three|\d)\s)?(?P<decade>decades?)\b)",
    re.IGNORECASE,
)


def _number(text: str) -> Decimal:
    lowered = text.lower()
    if lowered in WORD_NUMBERS:
        return Decimal(WORD_NUMBERS[lowered])
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # the regexes only hand over digits or known words
        raise ValueError(f"not a number: {text!r}") from exc


def _whole(value: Decimal) -> Decimal:
    """Drop a fractional part that is zero, so 2.50 billion prints as 2500000000."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _fraction(match: re.Match[str]) -> Decimal:
    """The fraction written before "a": 0.5 for "half a gigawatt", else 1."""
    word = match.group("frac")
    return FRACTIONS[re.sub(r"\s+", " ", word.lower())] if word else Decimal(1)


def _qualifier(match: re.Match[str]) -> str | None:
    word = match.group("qual")
    return QUALIFIERS[word.lower()] if word else None


def _money(match: re.Match[str]) -> Amount | None:
    if match.group("pre"):
        currency = CURRENCY_SYMBOLS[match.group("pre").lower()]
        scale = MONEY_SCALES[" ".join(match.group("scale").lower().split())] if match.group("scale") else 1
        high = _number(match.group("num2") or match.group("num"))
        low = _number(match.group("num")) if match.group("num2") else None
    else:
        currency = CURRENCY_SYMBOLS[match.group("suf").lower()]
        scale = MONEY_SCALES[" ".join(match.group("wscale").lower().split())] if match.group("wscale") else 1
        word = match.group("wnum").lower()
        if word in ("a", "an") and scale == 1:
            return None  # "a dollar" is not a deal figure
        high, low = _number(word) * _fraction(match), None
    qualifier = _qualifier(match)
    if match.group("pre") and match.group("plus"):
        qualifier = "more than"
    return Amount(
        value=_whole(high * scale),
        currency=currency,
        qualifier=qualifier,
        low=_whole(low * scale) if low is not None else None,
    )


def _power(match: re.Match[str]) -> Capacity:
    unit = match.group("unit").lower().rstrip("s")
    scale = POWER_UNITS[unit]
    high = _number(match.group("num2") or match.group("num")) * _fraction(match)
    low = _number(match.group("num")) if match.group("num2") else None
    return Capacity(
        watts=_whole(high * scale),
        qualifier=_qualifier(match),
        low=_whole(low * scale) if low is not None else None,
    )


def _duration(match: re.Match[str]) -> Duration:
    if match.group("decade"):
        count = _number(match.group("dcount") or "1") * 10
        return Duration(f"P{count}Y")
    count = _number(match.group("count"))
    letter = "Y" if match.group("unit").lower().startswith("year") else "M"
    return Duration(f"P{count}{letter}")


def find_quantities(text: str) -> list[QuantityMention]:
    """Every money, power and duration mention in ``text``, in order of position.

    Overlaps are resolved in favour of money, then power: "$5 billion over five years"
    yields one amount and one duration.

    >>> [m.text for m in find_quantities("Acme paid €1.3bn for 1,000 megawatts over 5 years")]
    ['€1.3bn', '1,000 megawatts', '5 years']
    >>> find_quantities("$100B+")[0].quantity.qualifier
    'more than'
    """
    found: list[QuantityMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    for regex, convert in ((MONEY_RE, _money), (POWER_RE, _power), (DURATION_RE, _duration)):
        for match in regex.finditer(text):
            start, end = match.span()
            if not free(start, end):
                continue
            quantity = convert(match)
            if quantity is None:
                continue
            taken.append((start, end))
            found.append(QuantityMention(start, end, match.group(0), quantity))
    return sorted(found, key=lambda m: m.start)
