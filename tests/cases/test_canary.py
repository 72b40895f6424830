"""Canary sweep: a unique string in every confidential field never shows outside the case officer's view.

Not in the database (the SQLite file and its WAL, every column of every
table as text), not in the search index, not in exports, not in any log
record (SQLAlchemy's statement log included), not in any error message.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import uuid
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text, update
from sqlalchemy.engine import Engine, make_url

from hrd.auth.principal import Principal
from hrd.auth.roles import Role
from hrd.cases import access, lists
from hrd.cases.crypto import Keyring, generate_key, parse_key
from hrd.cases.models import CaseEdit, CaseInput, Category, Charge, MeetingLink, Reply, Status, StatusEntry
from hrd.cases.rotation import rotate_key
from hrd.cases.tables import SEALED, CaseRow
from hrd.errors import HRDError
from hrd.report.exports import cameo_csv, cameo_events
from hrd.store.engine import read, write
from hrd.store.exports import ExportFilters, export
from hrd.store.repo import get_record, latest_documents, store_document
from hrd.store.search import SearchQuery, search
from hrd.track.rounds import rounds_from_records
from store.samples import document, kz_record

from .conftest import ADMIN, OFFICER

VIEWER = Principal("vic", Role.VIEWER, 1)

CANARY = f"zq{uuid.uuid4().hex}qz"
NOT_TEXT = {
    ("cases", "category"),
    ("case_status", "status"),
    ("case_status", "on_date"),
    ("case_replies", "received_on"),
}
"""Sealed columns that hold codes or dates (no free text to put a canary in)."""


def canary(field: str) -> str:
    return f"{CANARY} {field}"


def _fill(engine: Engine, keys: Keyring) -> set[str]:
    """Store a public record and a case with a canary in every text field; returns the fields filled."""
    write(
        engine, lambda s: store_document(document=document(), record=kz_record(), extractor="test", session=s)
    )
    meeting = read(engine, lambda s: s.scalar(text("SELECT id FROM meetings")))
    data = CaseInput(
        "KZ",
        canary("cases.name"),
        Category.DEFENDER,
        aliases=(canary("case_aliases.alias"),),
        notes=canary("cases.notes"),
        charges=(
            Charge(
                canary("case_charges.instrument"), canary("case_charges.article"), canary("case_charges.note")
            ),
        ),
        status=StatusEntry(
            Status.DETAINED, dt.date(2020, 5, 5), canary("case_status.source"), canary("case_status.note")
        ),
    )
    ref = write(engine, lambda s: access.create_case(data=data, principal=OFFICER, keys=keys, session=s))
    link = MeetingLink(meeting, canary("case_meetings.note"))
    ref = write(
        engine,
        lambda s: access.link_meeting(
            case_id=ref.id, version=1, link=link, principal=OFFICER, keys=keys, session=s
        ),
    )
    reply = Reply(meeting, canary("case_replies.text"), dt.date(2020, 12, 1), canary("case_replies.source"))
    write(
        engine,
        lambda s: access.add_reply(
            case_id=ref.id, version=2, reply=reply, principal=OFFICER, keys=keys, session=s
        ),
    )
    write(
        engine,
        lambda s: lists.record_list(
            partner="KZ",
            case_ids=[ref.id],
            handed_over_on=dt.date(2020, 11, 27),
            meeting_id=meeting,
            note=canary("case_lists.note"),
            principal=OFFICER,
            keys=keys,
            session=s,
        ),
    )
    return {
        "cases.name", "cases.notes", "case_aliases.alias", "case_charges.instrument", "case_charges.article",
        "case_charges.note", "case_status.source", "case_status.note", "case_meetings.note",
        "case_replies.text", "case_replies.source", "case_lists.note",
    }  # fmt: skip


def _errors(engine: Engine, keys: Keyring) -> list[str]:
    """Provoke every kind of error around the case and collect the messages."""
    case_id = read(engine, lambda s: s.scalar(select(CaseRow.id)))
    messages = []
    attempts = [
        lambda s: access.edit_case(
            case_id=case_id,
            version=1,
            edit=CaseEdit(notes=canary("x")),
            principal=OFFICER,
            keys=keys,
            session=s,
        ),
        lambda s: access.edit_case(
            case_id=case_id,
            version=3,
            edit=CaseEdit(name=canary("y") * 1000),
            principal=OFFICER,
            keys=keys,
            session=s,
        ),
        lambda s: access.get_case(
            case_id=case_id, principal=OFFICER, keys=Keyring(parse_key(generate_key())), session=s
        ),
        lambda s: access.get_case(case_id=case_id, principal=VIEWER, keys=keys, session=s),
    ]
    for attempt in attempts:
        with pytest.raises(HRDError) as info:
            write(engine, attempt)
        messages += [str(info.value), repr(info.value)]
    with engine.begin() as conn:  # a sealed name moved to the notes column
        conn.execute(update(CaseRow).values(notes=CaseRow.name))
    with pytest.raises(HRDError) as info:
        write(engine, lambda s: access.get_case(case_id=case_id, principal=OFFICER, keys=keys, session=s))
    return [*messages, str(info.value), repr(info.value)]


def _database_text(engine: Engine) -> str:
    """Every value of every table, as text (bytes as latin-1 and as hex)."""
    parts = []
    with engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        raw = bytes(value)
                        parts += [raw.decode("latin-1"), raw.hex()]
                    else:
                        parts.append(str(value))
    return "\n".join(parts)


def test_the_canary_never_leaves_the_case_officers_view(
    engine: Engine, keys: Keyring, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.INFO, logger="sqlalchemy.engine")
    filled = _fill(engine, keys)
    text_columns = {
        f"{t.__tablename__}.{c}"
        for t, cols in SEALED.items()
        for c in cols
        if (t.__tablename__, c) not in NOT_TEXT
    }
    assert filled == text_columns, "every sealed text column gets a canary"

    # The case officer does see it all (so the sweep looks for something that is there).
    case_id = read(engine, lambda s: s.scalar(select(CaseRow.id)))
    view = write(engine, lambda s: access.get_case(case_id=case_id, principal=OFFICER, keys=keys, session=s))
    assert view.name == canary("cases.name") and view.replies[0].text == canary("case_replies.text")
    assert CANARY not in repr(view)
    markdown = lists.render_markdown(
        write(engine, lambda s: lists.next_round_list(partner="KZ", principal=OFFICER, keys=keys, session=s))
    )
    assert CANARY in markdown

    new = parse_key(generate_key())
    write(engine, lambda s: rotate_key(new=new, principal=ADMIN, keys=keys, session=s))
    messages = _errors(engine, Keyring(new))

    hexed = CANARY.encode().hex()
    stored = _database_text(engine)
    assert CANARY not in stored and hexed not in stored
    url = make_url(str(engine.url))
    if url.get_backend_name() == "sqlite":
        path = Path(str(url.database))
        for file in [path, *path.parent.glob(path.name + "-*")]:
            assert CANARY.encode() not in file.read_bytes(), file.name

    assert any("UPDATE cases" in r.getMessage() for r in caplog.records), "the statement log was captured"
    assert CANARY not in caplog.text
    assert all(CANARY not in str(r.args) for r in caplog.records)

    # Searching for the canary puts it in the statement log itself: logs are checked above.
    def searched(session: object) -> list[object]:
        result = search(SearchQuery(text=CANARY), session=session)  # type: ignore[arg-type]
        return [*result.statements, *result.documents]

    assert read(engine, searched) == []

    records = read(engine, lambda s: [get_record(ref=d.id, session=s) for d in latest_documents(session=s)])
    exported = [cameo_csv(cameo_events(rounds_from_records(records)))]
    for format in ("jsonl", "json", "csv"):
        buffer = io.StringIO()
        read(engine, lambda s, f=format, b=buffer: export(b, format=f, filters=ExportFilters(), session=s))
        exported.append(buffer.getvalue())
    assert records and all("KZ" in e for e in exported) and not any(CANARY in e for e in exported)

    assert messages and all(CANARY not in m for m in messages)
