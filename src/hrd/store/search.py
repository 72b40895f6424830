"""Full-text search over statements and documents, with filters, ranking, snippets and facets.

One function, :func:`search`, answers for every face (CLI, web page, API):
it returns typed results, and each face renders them. SQLite uses the FTS5
tables of the migrations (bm25 ranking, porter stemming); PostgreSQL the
generated ``tsvector`` columns with ``websearch_to_tsquery`` and ``ts_rank``.
The query language is the same on both: words (all must match), "quoted
phrases", ``or`` between alternatives and ``-word`` to exclude. An empty
query lists what the filters select, newest first.

Only the latest version of each document is searched, and rejected
statements are left out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, cast

from sqlalchemy import (
    ColumnElement,
    Select,
    exists,
    func,
    literal,
    literal_column,
    null,
    select,
    text,
    union_all,
)
from sqlalchemy.orm import Session

from .engine import ReadPool
from .fulltext import fts_ranked, highlighted
from .querytext import Snippet, fts5_query, snippet_of
from .search_documents import DocumentHit, search_documents
from .tables import DocumentRow, MeetingReport, MeetingRow, Series, StatementRow, StatementTopic

__all__ = [
    "FACETS",
    "DocumentHit",
    "SearchQuery",
    "SearchResult",
    "Snippet",
    "StatementHit",
    "as_json",
    "search",
]

FACETS = ("partner", "kind", "actor", "act", "topic", "year")


@dataclass(frozen=True, slots=True)
class SearchQuery:
    text: str = ""
    partner: str | None = None
    topic: str | None = None
    act: str | None = None
    actor: str | None = None
    kind: str | None = None
    since: int | None = None
    """First year (inclusive) of the meeting's date (or the document's publication date)."""
    until: int | None = None
    """Last year (inclusive)."""
    limit: int = 20
    facet_limit: int = 12


@dataclass(frozen=True, slots=True)
class StatementHit:
    id: int
    version: int
    state: str
    actor: str
    act: str
    topics: list[str]
    document: str
    document_id: int
    meeting_id: int
    partner: str
    kind: str
    date: dt.date | None
    score: float
    snippet: Snippet


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: SearchQuery
    statements: list[StatementHit] = field(default_factory=list)
    documents: list[DocumentHit] = field(default_factory=list)
    total_statements: int = 0
    total_documents: int = 0
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    """facet -> (value, number of matching statements), most frequent first."""


def _date_column() -> ColumnElement[Any]:
    return func.coalesce(MeetingReport.start, DocumentRow.published)


FACET_COLUMNS = (
    StatementRow.partner,
    StatementRow.kind,
    StatementRow.actor,
    StatementRow.act,
    StatementRow.year,
    StatementRow.topic_list,
)


def _statement_base(q: SearchQuery) -> Select[*tuple[Any, ...]]:
    """The statements matching the filters, with what ranking and facets need (one table, no joins)."""
    query = select(StatementRow.id.label("sid"), *FACET_COLUMNS).where(
        StatementRow.current.is_(True), StatementRow.state != "rejected"
    )
    if q.partner:
        query = query.where(StatementRow.partner == q.partner.upper())
    if q.kind:
        query = query.where(StatementRow.kind == q.kind)
    if q.act:
        query = query.where(StatementRow.act == q.act)
    if q.actor:
        query = query.where(StatementRow.actor == (q.actor if q.actor == "both" else q.actor.upper()))
    if q.topic:
        query = query.where(
            exists().where(StatementTopic.statement_id == StatementRow.id, StatementTopic.topic == q.topic)
        )
    if q.since is not None:
        query = query.where(StatementRow.year >= q.since)
    if q.until is not None:
        query = query.where(StatementRow.year <= q.until)
    return query


def _matching(
    q: SearchQuery, terms: str, postgres: bool, *, ranked: bool, top: int | None = None
) -> Select[*tuple[Any, ...]]:
    """The statements matching the words and filters (with a ``score`` column when ``ranked``).

    ``top`` (SQLite) keeps only the best ``top`` full-text matches before the filters.
    """
    base = _statement_base(q)
    if not terms:
        return base.add_columns(literal_column("0.0").label("score")) if ranked else base
    if postgres:
        tsq = func.websearch_to_tsquery("english", terms)
        vector: ColumnElement[Any] = literal_column("statements.search_vector")
        base = base.where(vector.op("@@")(tsq))
        return base.add_columns(func.ts_rank(vector, tsq).label("score")) if ranked else base
    fts = fts_ranked("statements_fts", "-bm25(statements_fts)" if ranked else "0", top=top)
    base = base.join(fts, fts.c.rid == StatementRow.id)
    return base.add_columns(fts.c.rank.label("score")) if ranked else base


def search(query: SearchQuery, *, session: Session, pool: ReadPool | None = None) -> SearchResult:
    """Statements and documents matching ``query``, best first, with facet counts over all matches.

    Three independent reads: (1) the best statements, ranked by the database,
    on ``session``; (2) every matching statement counted per combination of
    facet values; (3) the best documents and their number. With a ``pool``,
    (2) and (3) run in parallel on connections of their own, which read the
    committed data only: give a pool for read-only requests (the CLI, web
    pages and API do); without one, all three run on ``session``.
    """
    postgres = session.get_bind().dialect.name == "postgresql"
    terms = query.text.strip()
    match = fts5_query(terms) if terms else None
    if terms and match is None:
        return SearchResult(query)  # nothing but exclusions or punctuation: no match on either backend
    if postgres:
        match = None  # PostgreSQL reads the web-search syntax itself
    params = {"m": match} if match else {}

    def count(s: Session) -> Sequence[Any]:
        grouped = _matching(query, terms, postgres, ranked=False)
        grouped = grouped.with_only_columns(*FACET_COLUMNS, func.count()).group_by(*FACET_COLUMNS)
        return s.execute(grouped, params).all()

    def find(s: Session) -> tuple[list[DocumentHit], int]:
        return search_documents(query, terms, postgres, match, session=s)

    found = pool.submit(find) if pool is not None else None
    top: Sequence[Any]
    groups: Sequence[Any]
    if terms and not postgres and _filters_statements(query):
        # Every match is found, joined and filtered once for both the ranking and the counts.
        top, groups = _ranked_and_counted(query, terms, params, session)
    else:
        counted = pool.submit(count) if pool is not None else None
        top = _best(query, terms, postgres, params, session)
        groups = counted.result() if counted is not None else count(session)
    hits = _statement_hits(top, terms, postgres, match, session)
    documents, total_documents = found.result() if found is not None else find(session)
    total = sum(cast(int, row[-1]) for row in groups)
    return SearchResult(query, hits, documents, total, total_documents, _facets(groups, query.facet_limit))


def _best(
    query: SearchQuery, terms: str, postgres: bool, params: dict[str, Any], session: Session
) -> Sequence[Any]:
    """The best ``query.limit`` statements: by score for words, else the newest first.

    With words and no filter on statements, SQLite ranks the full-text matches
    alone and looks up only the best of them (the current, not rejected ones
    among them are the answer when there are enough); the whole join is the
    fallback.
    """
    if terms and not postgres and not _filters_statements(query):
        candidates = 3 * query.limit + 20
        quick = _matching(query, terms, postgres, ranked=True, top=candidates)
        rows = session.execute(quick.order_by(text("score DESC"), StatementRow.id).limit(query.limit), params)
        best = rows.all()
        if len(best) == query.limit:
            return best
    ranked = _matching(query, terms, postgres, ranked=True)
    if terms:
        ranked = ranked.order_by(text("score DESC"), StatementRow.id)
    else:
        ranked = ranked.order_by(StatementRow.year.desc().nulls_last(), StatementRow.id)
    return session.execute(ranked.limit(query.limit), params).all()


class _Top(NamedTuple):
    sid: int
    score: float


def _ranked_and_counted(
    query: SearchQuery, terms: str, params: dict[str, Any], session: Session
) -> tuple[list[_Top], list[Sequence[Any]]]:
    """SQLite: the best statements and the facet groups of all matches, from one materialized match."""
    matched = _matching(query, terms, False, ranked=True).cte("matched").prefix_with("MATERIALIZED")
    facets = [matched.c.partner, matched.c.kind, matched.c.actor, matched.c.act, matched.c.year]
    facets.append(matched.c.topic_list)
    best = (
        select(matched.c.sid, matched.c.score)
        .order_by(matched.c.score.desc(), matched.c.sid)
        .limit(query.limit)
        .subquery()
    )
    hits = select(literal(0), best.c.sid, best.c.score, *[null()] * len(facets), literal(0))
    groups = select(literal(1), null(), null(), *facets, func.count()).group_by(*facets)
    rows = session.execute(union_all(hits, groups), params).all()
    top = sorted((_Top(r[1], r[2]) for r in rows if r[0] == 0), key=lambda t: (-t.score, t.sid))
    return top, [tuple(r[3:]) for r in rows if r[0] == 1]


def _filters_statements(q: SearchQuery) -> bool:
    return any(v not in (None, "") for v in (q.partner, q.kind, q.act, q.actor, q.topic, q.since, q.until))


def _statement_hits(
    rows: Sequence[Any], terms: str, postgres: bool, match: str | None, session: Session
) -> list[StatementHit]:
    ids = [r.sid for r in rows]
    if not ids:
        return []
    detail = session.execute(
        select(
            StatementRow,
            MeetingReport.meeting_id,
            DocumentRow.id,
            DocumentRow.key,
            Series.partner,
            Series.kind,
            _date_column().label("date"),
        )
        .join(MeetingReport, MeetingReport.id == StatementRow.report_id)
        .join(MeetingRow, MeetingRow.id == MeetingReport.meeting_id)
        .join(Series, Series.id == MeetingRow.series_id)
        .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
        .where(StatementRow.id.in_(ids))
    ).all()
    by_id = {d[0].id: d for d in detail}
    topics: dict[int, list[str]] = {i: [] for i in ids}
    for t in session.scalars(
        select(StatementTopic).where(StatementTopic.statement_id.in_(ids)).order_by(StatementTopic.position)
    ):
        topics[t.statement_id].append(t.topic)
    marked = highlighted("statements", ids, terms, postgres, match, session, whole=True)
    hits = []
    for r in rows:
        st, meeting_id, doc_id, key, partner, kind, date = by_id[r.sid]
        snip = marked.get(r.sid) or (st.text or "")
        hits.append(
            StatementHit(
                st.id,
                st.version,
                st.state,
                st.actor,
                st.act,
                topics[st.id],
                key,
                doc_id,
                meeting_id,
                partner,
                kind,
                date,
                float(r.score),
                snippet_of(snip),
            )
        )
    return hits


def _facets(groups: Sequence[Any], limit: int) -> dict[str, list[tuple[str, int]]]:
    """Facet counts from (partner, kind, actor, act, year, topic_list, count) groups."""
    counters: dict[str, Counter[str]] = {name: Counter() for name in FACETS}
    for partner, kind, actor, act, year, topic_list, n in groups:
        for name, value in (("partner", partner), ("kind", kind), ("actor", actor), ("act", act)):
            if value is not None:
                counters[name][value] += n
        if year is not None:
            counters["year"][str(year)] += n
        for topic in topic_list.split(";") if topic_list else ():
            counters["topic"][topic] += n
    return {
        name: sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:limit]
        for name, counter in counters.items()
    }


def as_json(result: SearchResult) -> dict[str, Any]:
    """The result as JSON-ready data (the ``--json`` output and the API answer)."""

    def snip(s: Snippet) -> dict[str, Any]:
        return {"text": s.text, "highlights": [list(h) for h in s.highlights]}

    return {
        "query": {k: getattr(result.query, k) for k in SearchQuery.__dataclass_fields__},
        "total_statements": result.total_statements,
        "total_documents": result.total_documents,
        "statements": [
            {
                "id": h.id,
                "version": h.version,
                "state": h.state,
                "actor": h.actor,
                "act": h.act,
                "topics": h.topics,
                "document": h.document,
                "meeting": h.meeting_id,
                "partner": h.partner,
                "kind": h.kind,
                "date": h.date.isoformat() if h.date else None,
                "score": round(h.score, 6),
                "snippet": snip(h.snippet),
            }
            for h in result.statements
        ],
        "documents": [
            {
                "id": d.id,
                "document": d.key,
                "title": d.title,
                "published": d.published.isoformat() if d.published else None,
                "source": d.source,
                "score": round(d.score, 6),
                "snippet": snip(d.snippet),
            }
            for d in result.documents
        ],
        "facets": {
            name: [{"value": v, "count": n} for v, n in values] for name, values in result.facets.items()
        },
    }
