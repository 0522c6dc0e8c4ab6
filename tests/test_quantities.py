from decimal import Decimal

import pytest

from pipeline.model import Amount, Capacity, Duration
from pipeline.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "value", "currency", "qualifier"),
    [
        ("$25 billion", "25000000000", "USD", None),
        ("up to $25 billion", "25000000000", "USD", "up to"),
        ("₹33,737 crore", "337370000000", "INR", None),
        ("Rs 1,894.50 crore", "18945000000", "INR", None),
        ("₹5 lakh", "500000", "INR", None),
        ("₹4.587 lakh crore", "4587000000000", "INR", None),
        ("Rs 2 lakh crores", "2000000000000", "INR", None),
        ("$25B", "25000000000", "USD", None),
        ("$100B+", "100000000000", "USD", "more than"),
        ("more than $100 billion", "100000000000", "USD", "more than"),
        ("$4bn", "4000000000", "USD", None),
        ("US$2 billion", "2000000000", "USD", None),
        ("4 billion dollars", "4000000000", "USD", None),
        ("€15 million", "15000000", "EUR", None),
        ("15 million euros", "15000000", "EUR", None),
        ("£24.3bn", "24300000000", "GBP", None),
        ("€1.3bn", "1300000000", "EUR", None),
        ("$500m", "500000000", "USD", None),
        ("$1.25bn", "1250000000", "USD", None),
        ("USD 5 billion", "5000000000", "USD", None),
        ("about $9 billion", "9000000000", "USD", "about"),
        ("roughly $350bn", "350000000000", "USD", "about"),
        ("$68.7 billion", "68700000000", "USD", None),
        ("a billion dollars", "1000000000", "USD", None),
        ("$2.3 trillion", "2300000000000", "USD", None),
        ("NT$933.79 billion", "933790000000", "TWD", None),
        ("about ₩74tn", "74000000000000", "KRW", "about"),
        ("R$2.5bn", "2500000000", "BRL", None),
        ("3 billion Swiss francs", "3000000000", "CHF", None),
        ("half a billion dollars", "500000000", "USD", None),
        ("DKK 21.3bn", "21300000000", "DKK", None),
        ("SEK 5 billion", "5000000000", "SEK", None),
        ("three quarters of a billion euros", "750000000", "EUR", None),
    ],
)
def test_money(text: str, value: str, currency: str, qualifier: str | None) -> None:
    (mention,) = find_quantities(f"They agreed {text} on Monday.")
    assert mention.quantity == Amount(Decimal(value), currency, qualifier)
    assert mention.text == text


def test_money_range_keeps_both_ends() -> None:
    (mention,) = find_quantities("a $3-5 billion deal")
    assert mention.quantity == Amount(Decimal(5 * 10**9), "USD", None, low=Decimal(3 * 10**9))


@pytest.mark.parametrize(
    ("text", "watts", "qualifier"),
    [
        ("5GW", 5 * 10**9, None),
        ("5 gigawatts", 5 * 10**9, None),
        ("up to 5 gigawatts", 5 * 10**9, "up to"),
        ("10GW", 10**10, None),
        ("1,000 megawatts", 10**9, None),
        ("a gigawatt", 10**9, None),
        ("six gigawatts", 6 * 10**9, None),
        ("835 MW", 835 * 10**6, None),
        ("120 kilowatts", 120 * 10**3, None),
        ("nearly 1GW", 10**9, "about"),
        ("a 5-gigawatt campus", 5 * 10**9, None),
        ("half a gigawatt", 5 * 10**8, None),
        ("a quarter of a gigawatt", 25 * 10**7, None),
    ],
)
def test_power(text: str, watts: int, qualifier: str | None) -> None:
    mentions = find_quantities(text)
    assert [m.quantity for m in mentions] == [Capacity(Decimal(watts), qualifier)]


def test_energy_is_not_power() -> None:
    assert find_quantities("data centres used 415 TWh and 1GWh") == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("over ten years", "P10Y"),
        ("over 10 years", "P10Y"),
        ("a ten-year deal", "P10Y"),
        ("over the next decade", "P10Y"),
        ("a decade-long partnership", "P10Y"),
        ("two decades", "P20Y"),
        ("over five years", "P5Y"),
        ("within 18 months", "P18M"),
    ],
)
def test_duration(text: str, iso: str) -> None:
    assert [m.quantity for m in find_quantities(text)] == [Duration(iso)]


def test_plain_numbers_and_percentages_are_not_quantities() -> None:
    assert find_quantities("In 2025, 300 people held 49% of the 160 million shares.") == []


def test_offsets_point_into_the_text() -> None:
    text = "Amazon commits up to $25 billion and 5GW over 10 years."
    for mention in find_quantities(text):
        assert text[mention.start : mention.end] == mention.text
