"""Helpers of pipeline.consolidate and pipeline.orgs that whole-pipeline cases reach only by chance."""

import pytest

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
