"""Reviews carried to a new version of a document: a person's corrections are not lost.

When a source publishes a changed text, the new version is extracted afresh
and its statements start ``proposed``. Each reviewed statement of the previous
version (confirmed, edited, rejected or added) is carried over when the new
version reports the same meeting and still has its evidence words:

- it takes the place of the new proposal over the same span, if there is one
  (the words were reviewed already), else it is added after the proposals;
- it keeps its state, actor, act, topics, legal references, who and when,
  and points at the span of its words in the new text (the occurrence
  nearest to where they were);
- the history gets a ``carry`` entry: from which statement of which
  version, and the statement as carried.

A review whose words are gone from the new text, or whose meeting the new
version does not report, stays with the previous version (which keeps its
statements and history) and is counted as left there: a reviewer looks at
the new proposals again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..record import Statement
from .mapping import add_statement, statements_of
from .report_topics import listed_topics, refresh_report_topics
from .tables import DocumentRow, HistoryRow, MeetingReport, StatementRow

__all__ = ["Carried", "carry_reviews", "locate"]

CARRIER = "hrd (new version)"


@dataclass(frozen=True, slots=True)
class Carried:
    carried: int = 0
    """Reviewed statements now also on the new version."""
    left: int = 0
    """Reviewed statements whose words or meeting the new version no longer has."""


def locate(words: str, text: str, near: int) -> tuple[int, int] | None:
    """The ``[start, end)`` of the occurrence of ``words`` in ``text`` nearest to offset ``near``."""
    if not words:
        return None
    best: int | None = None
    start = text.find(words)
    while start != -1:
        if best is None or abs(start - near) < abs(best - near):
            best = start
        start = text.find(words, start + 1)
    return None if best is None else (best, best + len(words))


def carry_reviews(*, previous: DocumentRow, document: DocumentRow, session: Session) -> Carried:
    """Carry the reviewed statements of ``previous`` to its new version ``document`` (already stored)."""
    old_reports = session.scalars(
        select(MeetingReport).where(MeetingReport.document_id == previous.id).order_by(MeetingReport.position)
    ).all()
    new_reports = {
        r.meeting_id: r
        for r in session.scalars(select(MeetingReport).where(MeetingReport.document_id == document.id))
    }
    listed = {r.id: listed_topics(report=r, session=session) for r in new_reports.values()}
    carried = left = 0
    for old_report in old_reports:
        reviewed = session.scalars(
            select(StatementRow)
            .where(StatementRow.report_id == old_report.id, StatementRow.state != "proposed")
            .order_by(StatementRow.position)
        ).all()
        target = new_reports.get(old_report.meeting_id)
        for row, statement in zip(reviewed, statements_of(reviewed, session=session), strict=True):
            moved = _moved(statement, row, document.text)
            if target is None or moved is None:
                left += 1
                continue
            _carry(row, moved, target, previous, session)
            carried += 1
    if carried:
        for report in new_reports.values():  # a carried rejection leaves no topic behind
            refresh_report_topics(report=report, listed=listed[report.id], session=session)
    return Carried(carried, left)


def _moved(statement: Statement, row: StatementRow, text: str | None) -> Statement | None:
    """``statement`` with its span in the new ``text``; None when its words are not there."""
    if statement.span is None:
        return statement  # nothing in the text to look for (an added statement without evidence)
    if text is None or not statement.text:
        return None
    span = locate(statement.text, text, statement.span[0])
    return None if span is None else statement.model_copy(update={"span": span})


def _carry(
    row: StatementRow, statement: Statement, target: MeetingReport, previous: DocumentRow, session: Session
) -> None:
    position: int | None = None
    if statement.span is not None:
        same = session.scalars(
            select(StatementRow).where(
                StatementRow.report_id == target.id,
                StatementRow.state == "proposed",
                StatementRow.span_start == statement.span[0],
                StatementRow.span_end == statement.span[1],
            )
        ).all()
        for proposal in same:
            position = proposal.position if position is None else min(position, proposal.position)
            session.delete(proposal)
        session.flush()
    if position is None:
        last = session.scalar(
            select(func.max(StatementRow.position)).where(StatementRow.report_id == target.id)
        )
        position = (last if last is not None else -1) + 1
    new = add_statement(
        report=target,
        statement=statement,
        position=position,
        state=row.state,
        session=session,
        who=row.updated_by,
    )
    new.updated_at, new.updated_by = row.updated_at, row.updated_by
    after = statement.model_dump(mode="json") | {"state": row.state}
    session.add(
        HistoryRow(
            statement_id=new.id,
            document_id=target.document_id,
            who=CARRIER,
            action="carry",
            before={"statement": row.id, "document": previous.id, "version": previous.version},
            after=after,
        )
    )
