"""Tests of the amounts reader on hand-written phrases."""

from __future__ import annotations

import pytest

from hrd.extract.amounts import parse_money


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("€8 million", 8_000_000, "EUR"),
        ("€8m", 8_000_000, "EUR"),
        ("EUR 13m", 13_000_000, "EUR"),
        ("5.5 million euros", 5_500_000, "EUR"),
        ("USD 2 million", 2_000_000, "USD"),
        ("$3 million", 3_000_000, "USD"),
        ("US$ 3 million", 3_000_000, "USD"),
        ("£1.2bn", 1_200_000_000, "GBP"),
        ("€500,000", 500_000, "EUR"),
        ("8 million EUR", 8_000_000, "EUR"),
        ("0.3 million euros", 300_000, "EUR"),
        ("€3,5 million", 3_500_000, "EUR"),
        ("€5-million", 5_000_000, "EUR"),
        ("five million euros", 5_000_000, "EUR"),
        ("A$1.5 million", 1_500_000, "AUD"),
        ("C$ 2 million", 2_000_000, "CAD"),
        ("NZ$3m", 3_000_000, "NZD"),
        ("3 million Australian dollars", 3_000_000, "AUD"),
        ("20 million Norwegian kroner", 20_000_000, "NOK"),
    ],
)
def test_parse_money(text: str, amount: int, currency: str) -> None:
    got = parse_money(f"a budget of {text} in all")
    assert [(m.amount, m.currency) for m in got] == [(amount, currency)]
    assert got[0].end - got[0].start == len(text)


def test_parse_money_ignores_plain_numbers_and_years() -> None:
    assert parse_money("In 2021, 138 people and 12 million residents were counted.") == []


def test_an_amount_written_as_a_hyphenated_adjective() -> None:
    text = "its 40-million-euro justice programme and a 5-million-dollar project"
    assert [(m.amount, m.currency) for m in parse_money(text, 0, len(text))] == [
        (40_000_000, "EUR"),
        (5_000_000, "USD"),
    ]


def test_an_abbreviated_million() -> None:
    text = "with a budget of NOK 15 mill. for 2018-2020"
    assert [(m.amount, m.currency) for m in parse_money(text, 0, len(text))] == [(15_000_000, "NOK")]
