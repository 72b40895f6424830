"""The one place where records and rows are translated into each other.

:func:`add_meetings` stores what a :class:`~hrd.record.Record` says about its
meetings under a stored document (one :class:`MeetingReport` per reported
meeting, attached to the real meeting by :mod:`.identity`);
:func:`load_record` reads a document's record back, with the review state
applied (rejected statements left out, edits and additions in).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..record import (
    Cases,
    DocumentInfo,
    Event,
    Head,
    LegalRef,
    Meeting,
    NextRound,
    Programme,
    Record,
    Statement,
)
from .identity import partner_of, resolve_meeting
from .tables import (
    CaseMention,
    Delegation,
    DocumentRow,
    EventRow,
    HeadRow,
    MeetingReport,
    ProgrammeRow,
    Provision,
    StatementLegalRef,
    StatementRow,
    StatementTopic,
)
from .upsert import get_or_create_id

__all__ = [
    "add_facts",
    "add_meetings",
    "add_report",
    "add_statement",
    "clear_facts",
    "load_record",
    "set_report_values",
    "set_topics_and_refs",
    "statement_of",
    "statements_of",
    "visible_statements",
]


def add_meetings(*, document: DocumentRow, record: Record, session: Session) -> list[MeetingReport]:
    """Store every meeting ``record`` reports, as reports of ``document``."""
    reports = []
    for position, meeting in enumerate(record.meetings):
        report = add_report(document=document, meeting=meeting, position=position, session=session)
        for i, statement in enumerate(meeting.statements):
            add_statement(report=report, statement=statement, position=i, state="proposed", session=session)
        reports.append(report)
    return reports


def add_report(*, document: DocumentRow, meeting: Meeting, position: int, session: Session) -> MeetingReport:
    """Store what ``document`` says about one meeting (without its statements)."""
    row = resolve_meeting(meeting=meeting, session=session)
    report = MeetingReport(document_id=document.id, meeting_id=row.id, position=position)
    set_report_values(report=report, meeting=meeting)
    session.add(report)
    session.flush()
    add_facts(report=report, meeting=meeting, session=session)
    return report


def set_report_values(*, report: MeetingReport, meeting: Meeting) -> None:
    """Copy the per-source values of a reported meeting onto its report row."""
    report.kind = meeting.kind
    report.name = meeting.name
    report.parties = list(meeting.parties)
    report.ordinal = meeting.ordinal
    report.start, report.end = meeting.start, meeting.end
    report.format = meeting.format
    report.city, report.country = meeting.city, meeting.country
    report.topics = list(meeting.topics)
    report.cases_raised = meeting.cases.raised
    report.list_handed_over = meeting.cases.list_handed_over
    report.next = meeting.next.model_dump(mode="json") if meeting.next else None
    report.confidence = meeting.confidence


def clear_facts(*, report: MeetingReport, session: Session) -> None:
    """Remove the heads, programmes, events and case mentions of a report (before re-adding them)."""
    for model in (HeadRow, ProgrammeRow, EventRow, CaseMention):
        for row in session.scalars(select(model).where(model.report_id == report.id)):
            session.delete(row)
    session.flush()


def add_facts(*, report: MeetingReport, meeting: Meeting, session: Session) -> None:
    """Store the heads, programmes, events and case mentions of one reported meeting."""
    for i, head in enumerate(meeting.heads):
        delegation_id = get_or_create_id(
            Delegation, keys={"meeting_id": report.meeting_id, "party": head.party}, session=session
        )
        session.add(
            HeadRow(
                delegation_id=delegation_id, report_id=report.id, position=i, name=head.name, title=head.title
            )
        )
    for i, p in enumerate(meeting.programmes):
        session.add(
            ProgrammeRow(
                report_id=report.id,
                position=i,
                name=p.name,
                acronym=p.acronym,
                amount=p.amount,
                currency=p.currency,
            )
        )
    for i, e in enumerate(meeting.events):
        session.add(EventRow(report_id=report.id, position=i, what=e.what, date=e.date))
    for i, name in enumerate(meeting.cases.names):
        session.add(CaseMention(report_id=report.id, position=i, name=name))


def add_statement(
    *,
    report: MeetingReport,
    statement: Statement,
    position: int,
    state: str,
    session: Session,
    who: str | None = None,
) -> StatementRow:
    """Store one statement of ``report`` with its topics and legal references."""
    row = StatementRow(
        report_id=report.id,
        position=position,
        actor=statement.actor,
        act=statement.act,
        text=statement.text,
        span_start=statement.span[0] if statement.span else None,
        span_end=statement.span[1] if statement.span else None,
        confidence=statement.confidence,
        state=state,
        updated_by=who,
    )
    session.add(row)
    session.flush()
    set_topics_and_refs(row=row, statement=statement, parties=report.parties, session=session)
    return row


def set_topics_and_refs(
    *, row: StatementRow, statement: Statement, parties: Sequence[str], session: Session
) -> None:
    """(Re)write the topics and legal references of a stored statement."""
    for model in (StatementTopic, StatementLegalRef):
        for old in session.scalars(select(model).where(model.statement_id == row.id)):
            session.delete(old)
    session.flush()
    for i, topic in enumerate(statement.topics):
        session.add(StatementTopic(statement_id=row.id, position=i, topic=topic))
    partner = partner_of(list(parties))
    for i, ref in enumerate(statement.legal_refs):
        provision_id = get_or_create_id(
            Provision,
            keys={"partner": partner, "instrument": ref.instrument, "article": ref.article or ""},
            session=session,
        )
        session.add(StatementLegalRef(statement_id=row.id, position=i, provision_id=provision_id))


def statement_of(row: StatementRow, *, session: Session) -> Statement:
    """A stored statement as a record statement (its current, reviewed values)."""
    return statements_of([row], session=session)[0]


def statements_of(rows: Sequence[StatementRow], *, session: Session) -> list[Statement]:
    ids = [r.id for r in rows]
    topics: dict[int, list[str]] = defaultdict(list)
    refs: dict[int, list[LegalRef]] = defaultdict(list)
    if ids:
        for t in session.scalars(
            select(StatementTopic)
            .where(StatementTopic.statement_id.in_(ids))
            .order_by(StatementTopic.position)
        ):
            topics[t.statement_id].append(t.topic)
        query = (
            select(StatementLegalRef.statement_id, Provision.instrument, Provision.article)
            .join(Provision, Provision.id == StatementLegalRef.provision_id)
            .where(StatementLegalRef.statement_id.in_(ids))
            .order_by(StatementLegalRef.statement_id, StatementLegalRef.position)
        )
        for sid, instrument, article in session.execute(query):
            refs[sid].append(LegalRef(instrument=instrument, article=article or None))
    return [
        Statement(
            actor=r.actor,
            act=r.act,
            topics=topics[r.id],
            text=r.text,
            span=(r.span_start, r.span_end) if r.span_start is not None and r.span_end is not None else None,
            legal_refs=refs[r.id],
            confidence=r.confidence,
        )
        for r in rows
    ]


def visible_statements(report_ids: Iterable[int], *, session: Session) -> dict[int, list[StatementRow]]:
    """The statements of each report that a record shows: all but the rejected, in order."""
    out: dict[int, list[StatementRow]] = defaultdict(list)
    query = (
        select(StatementRow)
        .where(StatementRow.report_id.in_(list(report_ids)), StatementRow.state != "rejected")
        .order_by(StatementRow.report_id, StatementRow.position, StatementRow.id)
    )
    for row in session.scalars(query):
        out[row.report_id].append(row)
    return out


R = TypeVar("R", HeadRow, ProgrammeRow, EventRow, CaseMention)


def _by_report(model: type[R], ids: list[int], session: Session) -> dict[int, list[R]]:
    out: dict[int, list[R]] = defaultdict(list)
    for row in session.scalars(select(model).where(model.report_id.in_(ids)).order_by(model.position)):
        out[row.report_id].append(row)
    return out


def load_record(*, document: DocumentRow, session: Session) -> Record:
    """The record of a stored document, with the review state applied."""
    reports = session.scalars(
        select(MeetingReport).where(MeetingReport.document_id == document.id).order_by(MeetingReport.position)
    ).all()
    ids = [r.id for r in reports]
    statements = visible_statements(ids, session=session)
    heads, programmes = _by_report(HeadRow, ids, session), _by_report(ProgrammeRow, ids, session)
    events, cases = _by_report(EventRow, ids, session), _by_report(CaseMention, ids, session)
    delegation_ids = {h.delegation_id for hs in heads.values() for h in hs}
    query = select(Delegation.id, Delegation.party).where(Delegation.id.in_(delegation_ids))
    parties: dict[int, str] = {i: p for i, p in session.execute(query)}
    meetings = []
    for r in reports:
        stated = statements_of(statements[r.id], session=session)
        topics = list(r.topics)
        for st in stated:
            topics.extend(t for t in st.topics if t not in topics)
        meetings.append(
            Meeting(
                kind=r.kind,
                name=r.name,
                parties=list(r.parties),
                ordinal=r.ordinal,
                start=r.start,
                end=r.end,
                format=r.format,
                city=r.city,
                country=r.country,
                heads=[Head(party=parties[h.delegation_id], name=h.name, title=h.title) for h in heads[r.id]],
                topics=topics,
                statements=stated,
                cases=Cases(
                    raised=r.cases_raised,
                    list_handed_over=r.list_handed_over,
                    names=[c.name for c in cases[r.id]],
                ),
                programmes=[
                    Programme(name=p.name, acronym=p.acronym, amount=p.amount, currency=p.currency)
                    for p in programmes[r.id]
                ],
                events=[Event(what=e.what, date=e.date) for e in events[r.id]],
                next=NextRound.model_validate(r.next) if r.next else None,
                confidence=r.confidence,
            )
        )
    info = DocumentInfo(
        id=document.key,
        title=document.title,
        published=document.published,
        source=document.source,
        language=document.language,
        sha256=document.sha256,
        issuer=document.issuer,
    )
    return Record(document=info, meetings=meetings)
