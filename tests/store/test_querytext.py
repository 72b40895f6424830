from __future__ import annotations

import pytest

from hrd.store.querytext import HIGHLIGHT_END as E
from hrd.store.querytext import HIGHLIGHT_START as S
from hrd.store.querytext import Snippet, fts5_query, snippet_of


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("torture", '("torture")'),
        ("death penalty", '("death" AND "penalty")'),
        ('"freedom of expression"', '("freedom of expression")'),
        ("torture or detention", '("torture") OR ("detention")'),
        ("torture -china", '(("torture")) NOT ("china")'),
        ("human-rights", '("human rights")'),
        ('NEAR(a) "b AND c', '("NEAR a" AND "b AND c")'),
    ],
)
def test_queries_become_quoted_fts5_expressions(query: str, expression: str) -> None:
    assert fts5_query(query) == expression


@pytest.mark.parametrize("query", ["", "   ", "-torture", "!!!", "or"])
def test_queries_with_nothing_positive_match_nothing(query: str) -> None:
    assert fts5_query(query) is None


def test_snippets_keep_the_highlights_as_offsets() -> None:
    snippet = snippet_of(f"the {S}torture{E} of {S}detainees{E}")
    assert snippet == Snippet("the torture of detainees", ((4, 11), (15, 24)))
    assert snippet.parts() == [("the ", False), ("torture", True), (" of ", False), ("detainees", True)]


def test_an_unmarked_text_has_no_highlights() -> None:
    assert snippet_of("plain text").parts() == [("plain text", False)]
