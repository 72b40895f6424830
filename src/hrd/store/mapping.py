"""The one place where records and rows are translated into each other.

:func:`add_meetings` stores what a :class:`~hrd.record.Record` says about its
meetings under a stored document (one :class:`MeetingReport` per reported
meeting, attached to the real meeting by :mod:`.identity`);
:func:`load_record` reads a document's record back, with the review state
applied (rejected statements left out, edits and additions in).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy import delete, insert, select, update
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
    meeting_topics,
)
from .identity import partner_of, resolve_meeting
from .tables import (
    Base,
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
    "add_statements",
    "clear_facts",
    "load_record",
    "refresh_facets",
    "set_report_values",
    "set_topics_and_refs",
    "statement_of",
    "statements_of",
    "visible_statements",
]


def add_meetings(*, document: DocumentRow, record: Record, session: Session) -> list[MeetingReport]:
    """Store every meeting ``record`` reports, as reports of ``document``."""
    reports: list[MeetingReport] = []
    for position, meeting in enumerate(record.meetings):
        taken = {r.meeting_id for r in reports}
        report = add_report(
            document=document, meeting=meeting, position=position, session=session, taken=taken
        )
        add_statements(report=report, statements=meeting.statements, state="proposed", session=session)
        reports.append(report)
    return reports


def add_report(
    *, document: DocumentRow, meeting: Meeting, position: int, session: Session, taken: Collection[int] = ()
) -> MeetingReport:
    """Store what ``document`` says about one meeting (without its statements); ``taken``: the
    meetings its other reports already are."""
    row = resolve_meeting(meeting=meeting, session=session, taken=taken)
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
        session.execute(delete(model).where(model.report_id == report.id))


def refresh_facets(*, report: MeetingReport, session: Session) -> None:
    """Copy a report's (changed) kind, partner and year onto its statements."""
    document = session.get_one(DocumentRow, report.document_id)
    date = report.start or document.published
    session.execute(
        update(StatementRow)
        .where(StatementRow.report_id == report.id)
        .values(partner=partner_of(list(report.parties)), kind=report.kind, year=date.year if date else None)
    )


def _bulk(model: type[Base], rows: list[dict[str, Any]], session: Session) -> None:
    if rows:
        session.execute(insert(model), rows)


def add_facts(*, report: MeetingReport, meeting: Meeting, session: Session) -> None:
    """Store the heads, programmes, events and case mentions of one reported meeting."""
    delegations = {
        party: get_or_create_id(
            Delegation, keys={"meeting_id": report.meeting_id, "party": party}, session=session
        )
        for party in dict.fromkeys(h.party for h in meeting.heads)
    }
    rid = report.id
    _bulk(
        HeadRow,
        [
            {
                "delegation_id": delegations[h.party],
                "report_id": rid,
                "position": i,
                "name": h.name,
                "title": h.title,
            }
            for i, h in enumerate(meeting.heads)
        ],
        session,
    )
    _bulk(
        ProgrammeRow,
        [
            {
                "report_id": rid,
                "position": i,
                "name": p.name,
                "acronym": p.acronym,
                "amount": p.amount,
                "currency": p.currency,
            }
            for i, p in enumerate(meeting.programmes)
        ],
        session,
    )
    _bulk(
        EventRow,
        [
            {"report_id": rid, "position": i, "what": e.what, "date": e.date}
            for i, e in enumerate(meeting.events)
        ],
        session,
    )
    _bulk(
        CaseMention,
        [{"report_id": rid, "position": i, "name": name} for i, name in enumerate(meeting.cases.names)],
        session,
    )


def add_statements(
    *,
    report: MeetingReport,
    statements: Sequence[Statement],
    state: str,
    session: Session,
    positions: Sequence[int] | None = None,
    who: str | None = None,
) -> list[int]:
    """Store statements of ``report`` with their topics and legal references (bulk inserts); their ids."""
    if not statements:
        return []
    positions = positions if positions is not None else range(len(statements))
    document = session.get_one(DocumentRow, report.document_id)
    date = report.start or document.published
    facets = {
        "partner": partner_of(list(report.parties)),
        "kind": report.kind,
        "year": date.year if date else None,
        "current": document.latest,
    }
    rows = [
        {
            "report_id": report.id,
            "position": pos,
            "actor": st.actor,
            "act": st.act,
            "text": st.text,
            "span_start": st.span[0] if st.span else None,
            "span_end": st.span[1] if st.span else None,
            "confidence": st.confidence,
            "state": state,
            "version": 1,
            "updated_by": who,
            "topic_list": ";".join(st.topics),
            **facets,
        }
        for pos, st in zip(positions, statements, strict=True)
    ]
    query = insert(StatementRow).returning(StatementRow.id, sort_by_parameter_order=True)
    ids = list(session.scalars(query, rows))
    _add_topics_and_refs(list(zip(ids, statements, strict=True)), report.parties, session)
    return ids


def add_statement(
    *,
    report: MeetingReport,
    statement: Statement,
    position: int,
    state: str,
    session: Session,
    who: str | None = None,
) -> StatementRow:
    """Store one statement of ``report``; the stored row."""
    [sid] = add_statements(
        report=report, statements=[statement], state=state, session=session, positions=[position], who=who
    )
    return session.get_one(StatementRow, sid)


def _add_topics_and_refs(
    items: list[tuple[int, Statement]], parties: Sequence[str], session: Session
) -> None:
    _bulk(
        StatementTopic,
        [
            {"statement_id": sid, "position": i, "topic": t}
            for sid, st in items
            for i, t in enumerate(st.topics)
        ],
        session,
    )
    partner = partner_of(list(parties))
    keys = {(r.instrument, r.article or "") for _, st in items for r in st.legal_refs}
    provisions = {
        key: get_or_create_id(
            Provision, keys={"partner": partner, "instrument": key[0], "article": key[1]}, session=session
        )
        for key in sorted(keys)
    }
    _bulk(
        StatementLegalRef,
        [
            {"statement_id": sid, "position": i, "provision_id": provisions[(r.instrument, r.article or "")]}
            for sid, st in items
            for i, r in enumerate(st.legal_refs)
        ],
        session,
    )


def set_topics_and_refs(
    *, row: StatementRow, statement: Statement, parties: Sequence[str], session: Session
) -> None:
    """Rewrite the topics and legal references of a stored statement (after an edit)."""
    for model in (StatementTopic, StatementLegalRef):
        session.execute(delete(model).where(model.statement_id == row.id))
    row.topic_list = ";".join(statement.topics)
    _add_topics_and_refs([(row.id, statement)], parties, session)


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
        topics = meeting_topics(stated, listed=r.topics)
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
