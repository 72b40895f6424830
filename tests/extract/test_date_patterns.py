"""The date patterns and their pre-checks."""

from __future__ import annotations

import pytest

from hrd.extract.date_patterns import NEEDS, PATTERNS


def test_every_pattern_has_a_pre_check_that_its_matches_pass() -> None:
    samples = {
        "iso": "2019-05-03",
        "numr": "29.10.2018-30.10.2018",
        "num": "03.05.2019",
        "dm2": "30 November - 1 December 2020",
        "dmr": "26-27 November",
        "dm": "26 November 2020",
        "md2": "June 30 to July 2",
        "mdr": "June 13 to 17",
        "md": "June 11, 2021",
        "my": "March 2015",
        "wd": "Monday",
        "rel": "yesterday",
        "y": "in 2021",
    }
    for kind, pattern in PATTERNS:
        assert kind in NEEDS
        text = samples[kind]
        if pattern.search(text):
            assert all(need.search(text) for need in NEEDS[kind]), kind


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        ("29.10.2018-30.10.2018", {"d1": "29", "m1": "10", "y1": "2018", "d2": "30", "m": "10", "y": "2018"}),
        ("14-15.03.2022", {"d1": "14", "d2": "15", "m": "03", "y": "2022"}),
    ],
)
def test_numeric_ranges(text: str, groups: dict[str, str]) -> None:
    match = next(m for kind, p in PATTERNS if kind == "numr" and (m := p.fullmatch(text)))
    assert {k: v for k, v in match.groupdict().items() if v is not None and k != "sep"} == groups
