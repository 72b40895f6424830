"""The last step: turn the pipeline's :class:`Analysis` into a :class:`Record`.

The record is built as plain data and validated once (one call into
pydantic's validator for the whole tree, instead of one per nested model):
the same checks, the same values.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath
from typing import Any

from ..record import Record
from .state import Analysis

__all__ = ["document_id", "to_record"]


def document_id(text: str, source: str | None) -> str:
    """A stable id: the source's file stem when there is one, else a hash prefix."""
    if source:
        stem = PurePath(source.split("?", 1)[0].rstrip("/")).stem
        if stem:
            return stem
    return "sha256-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _topics(statements: list[dict[str, Any]]) -> list[str]:
    """As :func:`hrd.record.meeting_topics`: each statement's topics, first seen first, once."""
    return list(dict.fromkeys([t for st in statements for t in st["topics"]]))


def to_record(doc: Analysis) -> Record:
    meetings: list[dict[str, Any]] = []
    text = doc.text
    for i, m in enumerate(doc.meetings):
        if len(set(m.parties)) < 2:
            # dialogue-record/1 needs both sides; a meeting whose partner was not
            # recognised cannot be recorded faithfully, so it is left out.
            continue
        statements = [
            {
                "actor": s.actor,
                "act": s.act,
                "topics": list(s.topics),
                "text": text[s.start : s.end],
                "span": (s.start, s.end),
                "legal_refs": [{"instrument": r.instrument, "article": r.article} for r in s.legal_refs],
                "confidence": round(s.confidence, 3),
            }
            for s in doc.statements
            if s.meeting == i
        ]
        topics = _topics(statements)
        case = next((c for c in doc.cases if c.meeting == i), None)
        meetings.append(
            {
                "kind": m.kind,
                "name": m.name,
                "parties": list(m.parties),
                "ordinal": m.ordinal,
                "start": m.start,
                "end": m.end,
                "format": m.format,
                "city": m.city,
                "country": m.country,
                "heads": [{"party": h.party, "name": h.name, "title": h.title} for h in m.heads],
                "topics": topics,
                "statements": statements,
                "cases": {
                    "raised": "individual-cases" in topics,
                    "list_handed_over": bool(case and case.list_handed_over),
                    "names": list(case.names) if case else [],
                },
                "programmes": [
                    {"name": p.name, "acronym": p.acronym, "amount": p.amount, "currency": p.currency}
                    for p in doc.programmes
                    if p.meeting == i
                ],
                "events": [{"what": e.what, "date": e.date} for e in doc.events if e.meeting == i],
                "next": (
                    {"city": m.next.city, "country": m.next.country, "year": m.next.year, "date": m.next.date}
                    if m.next
                    else None
                ),
                "confidence": round(m.confidence, 3),
            }
        )
    return Record.model_validate(
        {
            "document": {
                "id": document_id(text, doc.source),
                "title": doc.title,
                "published": doc.published,
                "source": doc.source,
                "language": doc.language,
                "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                "issuer": doc.issuer,
            },
            "meetings": meetings,
        }
    )
