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
from typing import Any, cast

from sqlalchemy import CTE, ColumnElement, Select, and_, exists, func, literal_column, select, text
from sqlalchemy.orm import Session

from .querytext import HIGHLIGHT_END, HIGHLIGHT_START, Snippet, fts5_query, snippet_of
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
class DocumentHit:
    id: int
    key: str
    title: str | None
    published: dt.date | None
    source: str | None
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


def _statement_base(q: SearchQuery) -> Select[*tuple[Any, ...]]:
    """The statements matching the filters, with what ranking and facets need (one table, no joins)."""
    query = select(
        StatementRow.id.label("sid"),
        StatementRow.partner,
        StatementRow.kind,
        StatementRow.actor,
        StatementRow.act,
        StatementRow.year,
        StatementRow.topic_list,
    ).where(StatementRow.current.is_(True), StatementRow.state != "rejected")
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


def _wanted_documents(q: SearchQuery) -> Select[*tuple[Any, ...]]:
    """The ids of the latest documents that pass the filters (read from indexes only).

    Documents pass the meeting filters through any meeting they report: the
    dated documents and the reporting ones are intersected as two sets of ids,
    each evaluated once (not once per matching document).
    """
    dated = select(DocumentRow.id).where(DocumentRow.latest.is_(True))
    if q.since is not None:
        dated = dated.where(DocumentRow.published >= dt.date(q.since, 1, 1))
    if q.until is not None:
        dated = dated.where(DocumentRow.published <= dt.date(q.until, 12, 31))
    meeting_conditions: list[ColumnElement[bool]] = []
    if q.partner:
        meeting_conditions.append(Series.partner == q.partner.upper())
    if q.kind:
        meeting_conditions.append(Series.kind == q.kind)
    if not meeting_conditions:
        return dated
    reporting = (
        select(MeetingReport.document_id)
        .join(MeetingRow, MeetingRow.id == MeetingReport.meeting_id)
        .join(Series, Series.id == MeetingRow.series_id)
        .where(and_(*meeting_conditions))
    )
    return cast(Select[*tuple[Any, ...]], dated.intersect(reporting))


def _fts_ranked(table: str, rank: str) -> CTE:
    """``(rid, rank)`` of the rows of an FTS5 table that match the bound parameter ``:m``.

    A MATERIALIZED common table expression: the match runs once, and SQLite cannot push
    row-id constraints from the rest of the query into the FTS5 table (which would
    evaluate the match once per candidate row).
    """
    rid: ColumnElement[Any] = literal_column("rowid")
    score: ColumnElement[Any] = literal_column(rank)
    query = (
        select(rid.label("rid"), score.label("rank"))
        .select_from(text(table))
        .where(text(f"{table} MATCH :m"))
    )
    return query.cte(f"{table}_matched").prefix_with("MATERIALIZED")


def _matching(q: SearchQuery, terms: str, postgres: bool, *, ranked: bool) -> Select[*tuple[Any, ...]]:
    """The statements matching the words and filters (with a ``score`` column when ``ranked``)."""
    base = _statement_base(q)
    if not terms:
        return base.add_columns(literal_column("0.0").label("score")) if ranked else base
    if postgres:
        tsq = func.websearch_to_tsquery("english", terms)
        vector: ColumnElement[Any] = literal_column("statements.search_vector")
        base = base.where(vector.op("@@")(tsq))
        return base.add_columns(func.ts_rank(vector, tsq).label("score")) if ranked else base
    fts = _fts_ranked("statements_fts", "-bm25(statements_fts)" if ranked else "0")
    base = base.join(fts, fts.c.rid == StatementRow.id)
    return base.add_columns(fts.c.rank.label("score")) if ranked else base


def search(query: SearchQuery, *, session: Session) -> SearchResult:
    """Statements and documents matching ``query``, best first, with facet counts over all matches."""
    postgres = session.get_bind().dialect.name == "postgresql"
    terms = query.text.strip()
    match = fts5_query(terms) if terms else None
    if terms and match is None:
        return SearchResult(query)  # nothing but exclusions or punctuation: no match on either backend
    if postgres:
        match = None  # PostgreSQL reads the web-search syntax itself
    params = {"m": match} if match else {}
    # 1. the best statements, ranked by the database
    ranked = _matching(query, terms, postgres, ranked=True)
    if terms:
        ranked = ranked.order_by(text("score DESC"), StatementRow.id)
    else:
        ranked = ranked.order_by(StatementRow.year.desc().nulls_last(), StatementRow.id)
    top = session.execute(ranked.limit(query.limit), params).all()
    hits = _statement_hits(top, terms, postgres, match, session)
    # 2. every match counted by the database in one pass: one row per combination of facet values
    facet_columns = [
        StatementRow.partner,
        StatementRow.kind,
        StatementRow.actor,
        StatementRow.act,
        StatementRow.year,
        StatementRow.topic_list,
    ]
    grouped = _matching(query, terms, postgres, ranked=False).with_only_columns(*facet_columns, func.count())
    groups = session.execute(grouped.group_by(*facet_columns), params).all()
    facets = _facets(groups, query.facet_limit)
    total = sum(cast(int, row[-1]) for row in groups)
    documents, total_documents = _documents(query, terms, postgres, match, session)
    return SearchResult(query, hits, documents, total, total_documents, facets)


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
    marked = _highlighted("statements", ids, terms, postgres, match, session, whole=True)
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


def _highlighted(
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


def _documents(
    q: SearchQuery, terms: str, postgres: bool, match: str | None, session: Session
) -> tuple[list[DocumentHit], int]:
    """The best documents and the number of all that match, in one pass over the matches."""
    if not terms:
        return [], 0
    wanted = _wanted_documents(q)
    if postgres:
        tsq = func.websearch_to_tsquery("english", terms)
        vector: ColumnElement[Any] = literal_column("documents.search_vector")
        ranked = select(DocumentRow.id.label("id"), func.ts_rank(vector, tsq).label("score")).where(
            vector.op("@@")(tsq), DocumentRow.id.in_(wanted)
        )
        params: dict[str, Any] = {}
    else:
        fts = _fts_ranked("documents_fts", "-bm25(documents_fts, 5.0, 1.0)")
        ranked = select(fts.c.rid.label("id"), fts.c.rank.label("score")).where(fts.c.rid.in_(wanted))
        params = {"m": match}
    counted = ranked.add_columns(func.count().over().label("total"))  # counted before the limit
    rows = session.execute(counted.order_by(text("score DESC"), text("id")).limit(q.limit), params).all()
    if not rows:
        return [], 0
    ids = [r.id for r in rows]
    marked = _highlighted("documents", ids, terms, postgres, match, session, whole=False)
    columns = (DocumentRow.id, DocumentRow.key, DocumentRow.title, DocumentRow.published, DocumentRow.source)
    docs = {d.id: d for d in session.execute(select(*columns).where(DocumentRow.id.in_(ids)))}
    hits = [
        DocumentHit(
            d.id, d.key, d.title, d.published, d.source, float(r.score), snippet_of(marked.get(d.id, ""))
        )
        for r in rows
        for d in [docs[r.id]]
    ]
    return hits, int(rows[0].total)


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
