"""A reported meeting's topics and ``cases.raised`` follow the review of its statements.

In dialogue-record/1 a meeting's topics are the union of its statements'
topics and the topics listed as discussed, and ``cases.raised`` is true exactly
when a statement carries ``individual-cases``. Both are stored with the
report as extracted; when a reviewer rejects, edits or adds a statement they
are derived again, so that a rejected claim leaves no topic behind (unless
the readout lists it as discussed) and an edit that adds or removes
``individual-cases`` sets or clears ``cases.raised``. The order of the stored
topics is kept; new ones come last.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..record import meeting_topics
from .mapping import statements_of, visible_statements
from .tables import MeetingReport, StatementRow, StatementTopic

__all__ = ["CASES", "listed_topics", "refresh_report_topics"]

CASES = "individual-cases"


def listed_topics(*, report: MeetingReport, session: Session) -> list[str]:
    """The report's topics that none of its statements (in any review state) carries: listed as discussed."""
    carried = set(
        session.scalars(
            select(StatementTopic.topic)
            .join(StatementRow, StatementRow.id == StatementTopic.statement_id)
            .where(StatementRow.report_id == report.id)
        )
    )
    return [t for t in report.topics if t not in carried]


def refresh_report_topics(*, report: MeetingReport, listed: list[str], session: Session) -> None:
    """Derive the report's topics and ``cases_raised`` from its visible statements and the ``listed`` topics.

    ``listed`` comes from :func:`listed_topics`, taken before the change.
    """
    session.flush()
    rows = visible_statements([report.id], session=session)[report.id]
    stated = meeting_topics(statements_of(rows, session=session))
    wanted = set(stated) | set(listed)
    kept = [t for t in report.topics if t in wanted]
    topics = kept + [t for t in stated if t not in kept]
    if topics != list(report.topics):
        report.topics = topics
    report.cases_raised = CASES in stated
