"""The full-text SQL of each backend: SQLite FTS5 matches and highlights, PostgreSQL's ts_headline.

The query language (words, "phrases", ``or``, ``-word``) is the same on both
backends; :mod:`.querytext` turns it into an FTS5 expression for SQLite, and
PostgreSQL reads it with ``websearch_to_tsquery``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import CTE, ColumnElement, literal_column, select, text
from sqlalchemy.orm import Session

from .querytext import HIGHLIGHT_END, HIGHLIGHT_START

__all__ = ["fts_ranked", "highlighted"]


def fts_ranked(table: str, rank: str, *, top: int | None = None) -> CTE:
    """``(rid, rank)`` of the rows of an FTS5 table that match the bound parameter ``:m``.

    A MATERIALIZED common table expression: the match runs once, and SQLite cannot push
    row-id constraints from the rest of the query into the FTS5 table (which would
    evaluate the match once per candidate row). With ``top``, only the first ``top``
    rows in the order (rank descending, then row id) are kept: a prefix of the order
    of the whole result, so filtering it keeps that order.
    """
    rid: ColumnElement[Any] = literal_column("rowid")
    score: ColumnElement[Any] = literal_column(rank)
    query = (
        select(rid.label("rid"), score.label("rank"))
        .select_from(text(table))
        .where(text(f"{table} MATCH :m"))
    )
    if top is not None:
        query = query.order_by(text("rank DESC"), text("rid")).limit(top)
    return query.cte(f"{table}_matched").prefix_with("MATERIALIZED")


def highlighted(
    table: str,
    ids: list[int],
    terms: str,
    postgres: bool,
    match: str | None,
    session: Session,
    *,
    whole: bool,
) -> dict[int, str]:
    """Texts (statements: whole; documents: a fragment) with the matches between the highlight marks."""
    if not terms or not ids:
        return {}
    marks = (HIGHLIGHT_START, HIGHLIGHT_END)
    id_list = ",".join(str(int(i)) for i in ids)
    if postgres:
        column = "text" if table == "statements" else "coalesce(text, title, '')"
        options = f"StartSel={marks[0]}, StopSel={marks[1]}, " + (
            "HighlightAll=true"
            if whole
            else "MaxFragments=2, MaxWords=25, MinWords=10, FragmentDelimiter=' … '"
        )
        sql = text(
            f"SELECT id, ts_headline('english', {column}, websearch_to_tsquery('english', :q), :o) "
            f"FROM {table} WHERE id IN ({id_list})"
        )
        return {i: s for i, s in session.execute(sql, {"q": terms, "o": options})}
    fts = f"{table}_fts"
    call = f"highlight({fts}, 0, :a, :b)" if whole else f"snippet({fts}, -1, :a, :b, ' … ', 24)"
    sql = text(f"SELECT rowid, {call} FROM {fts} WHERE {fts} MATCH :m AND rowid IN ({id_list})")
    return {i: s for i, s in session.execute(sql, {"a": marks[0], "b": marks[1], "m": match})}
