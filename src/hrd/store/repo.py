"""Reading and writing documents, records and meetings.

Every function is keyword-only and takes the SQLAlchemy session as
``session=``; transactions are the caller's (see :func:`hrd.store.engine.write`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import select, update
from sqlalchemy.orm import Session, defer

from ..errors import NotFoundError
from ..read.document import Document
from ..record import Record
from .carryover import Carried, carry_reviews
from .mapping import add_meetings, load_record
from .tables import Delegation, DocumentRow, HeadRow, MeetingReport, MeetingRow, Series, StatementRow

__all__ = [
    "MeetingView",
    "Stored",
    "find_document",
    "get_document",
    "get_meeting",
    "get_record",
    "known",
    "latest_documents",
    "store_document",
    "store_record",
]


@dataclass(frozen=True, slots=True)
class Stored:
    status: Literal["ingested", "unchanged"]
    document_id: int
    key: str
    version: int
    meetings: int = 0
    statements: int = 0
    carried: int = 0
    """Reviewed statements of the previous version carried to this one (:mod:`.carryover`)."""
    left: int = 0
    """Reviewed statements of the previous version whose words or meeting this one no longer has."""


def find_document(*, sha256: str, session: Session) -> DocumentRow | None:
    """The stored document with this text hash (its text is loaded only when used)."""
    query = select(DocumentRow).where(DocumentRow.sha256 == sha256).options(defer(DocumentRow.text))
    return session.scalars(query).first()


def get_document(*, ref: str | int, session: Session) -> DocumentRow:
    """A document by id, by key (its latest version) or by sha256 (a prefix of 8+ characters will do)."""
    row: DocumentRow | None = None
    # Only plain ASCII digits within a 64-bit id ("³".isdigit() is true, and huge numbers overflow).
    numeric = isinstance(ref, int) or (ref.isascii() and ref.isdigit() and len(ref) <= 18)
    if numeric and 0 < int(ref) < 2**63:
        row = session.get(DocumentRow, int(ref))
    if row is None and isinstance(ref, str):
        row = session.scalars(
            select(DocumentRow)
            .where(DocumentRow.key == ref)
            .order_by(DocumentRow.latest.desc(), DocumentRow.id.desc())
        ).first()
        if row is None and len(ref) >= 8:
            row = session.scalars(select(DocumentRow).where(DocumentRow.sha256.startswith(ref))).first()
    if row is None:
        raise NotFoundError(f"no document {ref!r}")
    return row


def known(*, sha256: str, session: Session) -> Stored | None:
    """``unchanged`` if a document with this text hash is stored (a light query: no row object)."""
    query = select(DocumentRow.id, DocumentRow.key, DocumentRow.version).where(DocumentRow.sha256 == sha256)
    row = session.execute(query).first()
    return Stored("unchanged", row.id, row.key, row.version) if row else None


def _latest_from(source: str | None, session: Session) -> DocumentRow | None:
    """The latest stored version from ``source`` (locked: the caller is about to supersede it)."""
    if not source:
        return None
    # By (source, version): the unique index answers it (a filter on `latest` could make SQLite scan).
    query = (
        select(DocumentRow).where(DocumentRow.source == source).order_by(DocumentRow.version.desc()).limit(1)
    )
    row = session.scalars(query.options(defer(DocumentRow.text)).with_for_update()).first()
    return row if row is not None and row.latest else None


def supersede(previous: DocumentRow, session: Session) -> None:
    """Mark a document version (and its statements) as no longer the latest."""
    previous.latest = False
    reports = select(MeetingReport.id).where(MeetingReport.document_id == previous.id)
    session.execute(update(StatementRow).where(StatementRow.report_id.in_(reports)).values(current=False))


def store_document(*, document: Document, record: Record, extractor: str | None, session: Session) -> Stored:
    """Store a read document and its extracted record; a text already stored changes nothing.

    A different text from a source already stored becomes the next version of
    that source's document, and the reviews of the previous version are carried
    to it where its words still stand (:func:`.carryover.carry_reviews`).
    """
    sha = document.sha256
    existing = known(sha256=sha, session=session)
    if existing is not None:
        return existing
    previous = _latest_from(document.source, session)
    info = record.document
    row = DocumentRow(
        key=info.id,
        sha256=sha,
        source=document.source,
        media_type=document.media_type,
        title=info.title or document.title,
        published=info.published or document.published,
        language=info.language,
        issuer=info.issuer,
        text=document.text,
        version=previous.version + 1 if previous else 1,
        previous_id=previous.id if previous else None,
        latest=True,
        extractor=extractor,
    )
    if previous is not None:
        supersede(previous, session)
    session.add(row)
    session.flush()
    reports = add_meetings(document=row, record=record, session=session)
    n = sum(len(m.statements) for m in record.meetings)
    reviews = carry_reviews(previous=previous, document=row, session=session) if previous else Carried()
    return Stored("ingested", row.id, row.key, row.version, len(reports), n, reviews.carried, reviews.left)


def store_record(*, record: Record, session: Session, text: str | None = None) -> Stored:
    """Store a record without its document's text (an import); its sha256 is its identity."""
    info = record.document
    sha = info.sha256 or Document(text=record.model_dump_json(), source="", media_type="").sha256
    existing = known(sha256=sha, session=session)
    if existing is not None:
        return existing
    row = DocumentRow(
        key=info.id,
        sha256=sha,
        source=info.source,
        title=info.title,
        published=info.published,
        language=info.language,
        issuer=info.issuer,
        text=text,
        version=1,
        latest=True,
    )
    previous = _latest_from(info.source, session)
    if previous is not None:
        row.version, row.previous_id = previous.version + 1, previous.id
        supersede(previous, session)
    session.add(row)
    session.flush()
    reports = add_meetings(document=row, record=record, session=session)
    n = sum(len(m.statements) for m in record.meetings)
    reviews = carry_reviews(previous=previous, document=row, session=session) if previous else Carried()
    return Stored("ingested", row.id, row.key, row.version, len(reports), n, reviews.carried, reviews.left)


def get_record(*, ref: str | int, session: Session) -> Record:
    """The record of a document (by id, key or sha256), with the review state applied."""
    return load_record(document=get_document(ref=ref, session=session), session=session)


def latest_documents(*, session: Session) -> list[DocumentRow]:
    """The latest version of every stored document, oldest first."""
    return list(
        session.scalars(select(DocumentRow).where(DocumentRow.latest.is_(True)).order_by(DocumentRow.id))
    )


@dataclass(frozen=True, slots=True)
class MeetingView:
    """One real meeting with every value its sources give, and which sources give it."""

    id: int
    partner: str
    kind: str
    ordinal: int | None
    documents: list[str]
    values: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """field -> value (as text) -> keys of the documents that give it; two values: the sources disagree."""

    def disputed(self) -> list[str]:
        return [name for name, values in self.values.items() if len(values) > 1]


def get_meeting(*, meeting_id: int, session: Session) -> MeetingView:
    meeting = session.get(MeetingRow, meeting_id)
    if meeting is None:
        raise NotFoundError(f"no meeting {meeting_id}")
    series = session.get_one(Series, meeting.series_id)
    rows = session.execute(
        select(MeetingReport, DocumentRow.key)
        .join(DocumentRow, DocumentRow.id == MeetingReport.document_id)
        .where(MeetingReport.meeting_id == meeting_id, DocumentRow.latest.is_(True))
        .order_by(MeetingReport.id)
    ).all()
    values: dict[str, dict[str, list[str]]] = {}

    def note(name: str, value: object, key: str) -> None:
        if value is not None and value != "":
            values.setdefault(name, {}).setdefault(str(value), []).append(key)

    for report, key in rows:
        for name in ("name", "ordinal", "start", "end", "format", "city", "country"):
            note(name, getattr(report, name), key)
        heads = session.execute(
            select(Delegation.party, HeadRow.name)
            .join(Delegation, Delegation.id == HeadRow.delegation_id)
            .where(HeadRow.report_id == report.id)
            .order_by(HeadRow.position)
        ).all()
        for party, name in heads:
            note(f"head:{party}", name, key)
    return MeetingView(
        id=meeting.id,
        partner=series.partner,
        kind=series.kind,
        ordinal=meeting.ordinal,
        documents=list(dict.fromkeys(key for _, key in rows)),
        values=values,
    )
