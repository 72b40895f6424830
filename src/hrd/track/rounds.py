"""Dialogue series built directly from dialogue records, and the values every analysis runs on.

The analyses never see the database or the record format: the store (or
:func:`rounds_from_records`, which runs directly on dialogue records) builds
:class:`Series` values, and every analysis is a pure function over them. The
values themselves live in :mod:`hrd.series`, below the store and the tracker
(the store builds them too); they are exported here as well.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from ..identity import EU, MeetingKey, others_of, same_meeting
from ..record import Cases, Meeting, Record
from ..series import (
    JOINT,
    Provision,
    Round,
    RoundRef,
    Series,
    Source,
    Subject,
    TrackedStatement,
    mentions,
    subject_label,
)

__all__ = [
    "EU",
    "JOINT",
    "Provision",
    "Round",
    "RoundRef",
    "Series",
    "Source",
    "Subject",
    "TrackedStatement",
    "mentions",
    "rounds_from_records",
    "subject_label",
]


# --- building series from dialogue records -------------------------------------------------


@dataclass(slots=True)
class _Pending:
    meeting: Meeting
    partner: str
    documents: list[tuple[Record, int]]


def _same_meeting(a: Meeting, b: Meeting) -> bool:
    """The store's identity rule (:func:`hrd.identity.same_meeting`), on two reported meetings."""
    return same_meeting(MeetingKey.of(a), MeetingKey.of(b))


def _meeting_id(partner: str, m: Meeting, fallback: str) -> str:
    key = m.start.isoformat() if m.start else (f"n{m.ordinal}" if m.ordinal is not None else fallback)
    return f"{partner}:{m.kind}:{key}"


def _unique(items: Iterable[object]) -> Iterator[int]:
    seen: list[object] = []
    for i, item in enumerate(items):
        if item not in seen:
            seen.append(item)
            yield i


def _merge(p: _Pending) -> Round:
    meetings = [rec.meetings[i] for rec, i in p.documents]
    statements = tuple(
        TrackedStatement(
            id=f"{rec.document.id}#{i}.{j}",
            actor=s.actor,
            act=s.act,
            topics=tuple(s.topics),
            legal_refs=tuple(Provision(r.instrument.strip(), r.article) for r in s.legal_refs),
            text=s.text,
            document_id=rec.document.id,
            span=s.span,
        )
        for rec, i in p.documents
        for j, s in enumerate(rec.meetings[i].statements)
    )

    heads = [h for m in meetings for h in m.heads]
    programmes = [x for m in meetings for x in m.programmes]
    events = [e for m in meetings for e in m.events]
    fallback = p.documents[0][0].document.id
    m0 = p.meeting
    dated = next((m for m in meetings if m.start is not None), m0)
    cases = Cases(
        raised=any(m.cases.raised for m in meetings),
        list_handed_over=any(m.cases.list_handed_over for m in meetings),
        names=sorted({n for m in meetings for n in m.cases.names}),
    )
    return Round(
        meeting_id=_meeting_id(p.partner, dated, fallback),
        partner=p.partner,
        kind=m0.kind,
        ordinal=next((m.ordinal for m in meetings if m.ordinal is not None), None),
        start=dated.start,
        end=dated.end,
        name=next((m.name for m in meetings if m.name), None),
        city=next((m.city for m in meetings if m.city), None),
        country=next((m.country for m in meetings if m.country), None),
        statements=statements,
        sources=tuple(
            Source(rec.document.id, rec.document.issuer, rec.document.title, rec.document.published)
            for rec, _ in p.documents
        ),
        heads=tuple(heads[i] for i in _unique((h.party, h.name.casefold()) for h in heads)),
        programmes=tuple(
            programmes[i] for i in _unique((x.acronym or x.name).casefold() for x in programmes)
        ),
        events=tuple(events[i] for i in _unique((e.what.casefold(), e.date) for e in events)),
        next=next((m.next for m in meetings if m.next is not None), None),
        cases=cases,
    )


def rounds_from_records(records: Iterable[Record]) -> list[Series]:
    """Group the meetings of dialogue records into series, one per (partner, kind).

    A meeting reported by several documents becomes one round whose statements
    keep the document that reported them. Reports are the same meeting under
    the store's rule (:func:`hrd.identity.same_meeting`): same partner and
    kind, and the same ordinal, or, where either lacks one, dates that overlap
    or lie within a day. Meetings without a partner (no party besides the EU)
    are skipped. Series are sorted by partner and kind.
    """
    pending: dict[tuple[str, str], list[_Pending]] = {}
    for record in records:
        for i, meeting in enumerate(record.meetings):
            partner = others_of(meeting.parties)
            if partner is None:
                continue
            bucket = pending.setdefault((partner, meeting.kind), [])
            match = next(
                (
                    p
                    for p in bucket
                    if _same_meeting(p.meeting, meeting) and all(r is not record for r, _ in p.documents)
                ),
                None,
            )  # one record does not report one meeting twice
            if match is None:
                bucket.append(_Pending(meeting, partner, [(record, i)]))
            else:
                match.documents.append((record, i))
    series = []
    for (partner, _), bucket in sorted(pending.items()):
        merged = [_merge(p) for p in bucket]
        series.append(Series(partner, bucket[0].meeting.kind, tuple(_dedupe_ids(merged))))
    return series


def _dedupe_ids(rounds: Sequence[Round]) -> list[Round]:
    """Undated rounds without ordinals fall back to a document id; keep ids unique anyway."""
    seen: dict[str, int] = {}
    out = []
    for r in rounds:
        n = seen.get(r.meeting_id, 0)
        seen[r.meeting_id] = n + 1
        if n:
            r = replace(r, meeting_id=f"{r.meeting_id}~{n}")
        out.append(r)
    return out
