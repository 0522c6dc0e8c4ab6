"""Helpers of pipeline.consolidate and pipeline.orgs that whole-pipeline cases reach only by chance."""

import pytest

from pipeline.consolidate import shouted_names
from pipeline.orgs import initials_of


@pytest.mark.parametrize(
    "short, name, expected",
    [
        ("SSI", "Safe Superintelligence", True),  # with the letter of "Inc."
        ("TSMC", "Taiwan Semiconductor Manufacturing Company", True),
        ("SAP", "Scale AI", False),  # "P" is no legal form's letter
        ("Sequoia", "Safe Superintelligence", False),
        ("S", "Safe", False),  # one initial says nothing
    ],
)
def test_initials_of(short: str, name: str, expected: bool) -> None:
    assert initials_of(short, name) is expected


def test_shouted_names_become_the_names_the_text_writes() -> None:
    names = {"SPEEDWAY", "Speedway", "7-Eleven", "AMD", "NVIDIA", "Nvidia", "MARATHON PETROLEUM"}
    # acronyms stay; a capitalised name the text never writes otherwise stays too
    assert shouted_names(names) == {"SPEEDWAY": "Speedway", "NVIDIA": "Nvidia"}
