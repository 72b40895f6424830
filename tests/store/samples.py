"""Small hand-written records for the store tests (no corpus documents)."""

from __future__ import annotations

import datetime as dt

from hrd.read.document import Document
from hrd.record import (
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

TEXT_KZ = (
    "EU and Kazakhstan hold 12th Human Rights Dialogue\n"
    "Astana, 27 November 2020\n\n"
    "The EU expressed concern about torture in detention and called for investigations. "
    "Kazakhstan welcomed cooperation on the rights of the child. "
    "Both sides discussed freedom of expression and the death penalty."
)


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return (start, start + len(part))


def kz_statements(text: str = TEXT_KZ) -> list[Statement]:
    a = "The EU expressed concern about torture in detention"
    b = "Kazakhstan welcomed cooperation on the rights of the child"
    c = "Both sides discussed freedom of expression and the death penalty"
    return [
        Statement(
            actor="EU",
            act="concern",
            topics=["torture"],
            text=a,
            span=span(text, a),
            legal_refs=[LegalRef(instrument="Criminal Code", article="146")],
            confidence=0.9,
        ),
        Statement(actor="KZ", act="welcome", topics=["children"], text=b, span=span(text, b), confidence=0.8),
        Statement(
            actor="both",
            act="discuss",
            topics=["expression", "death-penalty"],
            text=c,
            span=span(text, c),
            confidence=0.7,
        ),
    ]


def kz_meeting(**changes: object) -> Meeting:
    meeting = Meeting(
        kind="human-rights-dialogue",
        name="Human Rights Dialogue",
        parties=["EU", "KZ"],
        ordinal=12,
        start=dt.date(2020, 11, 27),
        end=dt.date(2020, 11, 27),
        format="in-person",
        city="Astana",
        country="KZ",
        heads=[
            Head(party="EU", name="Anna Rossi", title="Head of Division"),
            Head(party="KZ", name="Timur Sadykov", title="Deputy Minister"),
        ],
        topics=["torture", "children", "expression", "death-penalty", "elections"],
        statements=kz_statements(),
        cases=Cases(raised=True, list_handed_over=True, names=["A. Example"]),
        programmes=[Programme(name="Rule of Law Programme", acronym="RLP", amount=5e6, currency="EUR")],
        events=[Event(what="parliamentary elections", date=dt.date(2021, 1, 10))],
        next=NextRound(city="Brussels", country="BE", year=2021),
        confidence=0.8,
    )
    return meeting.model_copy(update=changes)


def kz_record(
    doc_id: str = "kz-eu-2020",
    source: str | None = "kz-eu-2020.txt",
    text: str = TEXT_KZ,
    **meeting_changes: object,
) -> Record:
    return Record(
        document=DocumentInfo(
            id=doc_id,
            title="EU and Kazakhstan hold 12th Human Rights Dialogue",
            published=dt.date(2020, 11, 27),
            source=source,
            language="en",
            sha256=Document(text=text, source="", media_type="").sha256,
            issuer="EU",
        ),
        meetings=[kz_meeting(**meeting_changes)],
    )


def document(text: str = TEXT_KZ, source: str = "kz-eu-2020.txt") -> Document:
    return Document(text=text, source=source, media_type="text/plain")
