"""Search over documents: the latest version of each, ranked, with a snippet of the matching text.

Documents pass the meeting filters (partner, kind) through any meeting they
report, and the year filters through their publication date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, select, text
from sqlalchemy.orm import Session

from .fulltext import fts_ranked, highlighted
from .querytext import Snippet, snippet_of
from .tables import DocumentRow, MeetingReport, MeetingRow, Series

if TYPE_CHECKING:
    from .search import SearchQuery

__all__ = ["DocumentHit", "search_documents", "wanted_documents"]


@dataclass(frozen=True, slots=True)
class DocumentHit:
    id: int
    key: str
    title: str | None
    published: dt.date | None
    source: str | None
    score: float
    snippet: Snippet


def wanted_documents(q: SearchQuery) -> Select[*tuple[Any, ...]]:
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


def search_documents(
    q: SearchQuery, terms: str, postgres: bool, match: str | None, *, session: Session
) -> tuple[list[DocumentHit], int]:
    """The best ``q.limit`` documents matching ``terms`` and the filters, and the number of all that match.

    ``match`` is the FTS5 form of ``terms`` (SQLite); one pass over the matches
    ranks them and counts them.
    """
    if not terms:
        return [], 0
    wanted = wanted_documents(q)
    if postgres:
        tsq = func.websearch_to_tsquery("english", terms)
        vector: ColumnElement[Any] = literal_column("documents.search_vector")
        ranked = select(DocumentRow.id.label("id"), func.ts_rank(vector, tsq).label("score")).where(
            vector.op("@@")(tsq), DocumentRow.id.in_(wanted)
        )
        params: dict[str, Any] = {}
    else:
        fts = fts_ranked("documents_fts", "-bm25(documents_fts, 5.0, 1.0)")
        ranked = select(fts.c.rid.label("id"), fts.c.rank.label("score")).where(fts.c.rid.in_(wanted))
        params = {"m": match}
    counted = ranked.add_columns(func.count().over().label("total"))  # counted before the limit
    rows = session.execute(counted.order_by(text("score DESC"), text("id")).limit(q.limit), params).all()
    if not rows:
        return [], 0
    ids = [r.id for r in rows]
    marked = highlighted("documents", ids, terms, postgres, match, session, whole=False)
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
