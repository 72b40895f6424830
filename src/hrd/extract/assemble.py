"""The last step: turn the pipeline's :class:`Analysis` into a :class:`Record`."""

from __future__ import annotations

import hashlib
from pathlib import PurePath

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
from .state import Analysis

__all__ = ["document_id", "to_record"]


def document_id(text: str, source: str | None) -> str:
    """A stable id: the source's file stem when there is one, else a hash prefix."""
    if source:
        stem = PurePath(source.split("?", 1)[0].rstrip("/")).stem
        if stem:
            return stem
    return "sha256-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def to_record(doc: Analysis) -> Record:
    meetings = []
    for i, m in enumerate(doc.meetings):
        if len(set(m.parties)) < 2:
            # dialogue-record/1 needs both sides; a meeting whose partner was not
            # recognised cannot be recorded faithfully, so it is left out.
            continue
        statements = [
            Statement(
                actor=s.actor,
                act=s.act,
                topics=list(s.topics),
                text=doc.text[s.start : s.end],
                span=(s.start, s.end),
                legal_refs=[LegalRef(instrument=r.instrument, article=r.article) for r in s.legal_refs],
                confidence=round(s.confidence, 3),
            )
            for s in doc.statements
            if s.meeting == i
        ]
        topics = meeting_topics(statements)
        case = next((c for c in doc.cases if c.meeting == i), None)
        raised = "individual-cases" in topics
        cases = Cases(
            raised=raised,
            list_handed_over=bool(case and case.list_handed_over),
            names=list(case.names) if case else [],
        )
        meetings.append(
            Meeting(
                kind=m.kind,
                name=m.name,
                parties=list(m.parties),
                ordinal=m.ordinal,
                start=m.start,
                end=m.end,
                format=m.format,
                city=m.city,
                country=m.country,
                heads=[Head(party=h.party, name=h.name, title=h.title) for h in m.heads],
                topics=topics,
                statements=statements,
                cases=cases,
                programmes=[
                    Programme(name=p.name, acronym=p.acronym, amount=p.amount, currency=p.currency)
                    for p in doc.programmes
                    if p.meeting == i
                ],
                events=[Event(what=e.what, date=e.date) for e in doc.events if e.meeting == i],
                next=(
                    NextRound(city=m.next.city, country=m.next.country, year=m.next.year, date=m.next.date)
                    if m.next
                    else None
                ),
                confidence=round(m.confidence, 3),
            )
        )
    return Record(
        document=DocumentInfo(
            id=document_id(doc.text, doc.source),
            title=doc.title,
            published=doc.published,
            source=doc.source,
            language=doc.language,
            sha256=hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
            issuer=doc.issuer,
        ),
        meetings=meetings,
    )
