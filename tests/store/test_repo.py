from __future__ import annotations

import datetime as dt

import jsonschema
import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from hrd.errors import NotFoundError
from hrd.store.engine import read, write
from hrd.store.repo import get_document, get_meeting, get_record, store_document, store_record
from hrd.store.tables import DocumentRow, MeetingRow, Provision

from .samples import TEXT_KZ, document, kz_record


def test_a_stored_record_reads_back_equal_and_schema_valid(engine: Engine, schema: dict[str, object]) -> None:
    record = kz_record()
    stored = write(
        engine, lambda s: store_document(document=document(), record=record, extractor="t", session=s)
    )
    assert (stored.status, stored.version, stored.meetings, stored.statements) == ("ingested", 1, 1, 3)
    back = read(engine, lambda s: get_record(ref=stored.document_id, session=s))
    assert back == record
    jsonschema.validate(back.to_json(), schema)


def test_the_same_text_again_changes_nothing(engine: Engine) -> None:
    record = kz_record()
    first = write(
        engine, lambda s: store_document(document=document(), record=record, extractor="t", session=s)
    )
    again = write(
        engine, lambda s: store_document(document=document(), record=record, extractor="t", session=s)
    )
    assert again.status == "unchanged" and again.document_id == first.document_id
    assert read(engine, lambda s: s.scalar(select(func.count()).select_from(DocumentRow))) == 1


def test_a_changed_text_at_the_same_source_is_the_next_version(engine: Engine) -> None:
    changed = TEXT_KZ + "\nA later correction."
    first = write(
        engine, lambda s: store_document(document=document(), record=kz_record(), extractor="t", session=s)
    )
    second = write(
        engine,
        lambda s: store_document(
            document=document(changed), record=kz_record(text=changed), extractor="t", session=s
        ),
    )
    assert (second.status, second.version) == ("ingested", 2)
    rows = read(engine, lambda s: s.scalars(select(DocumentRow).order_by(DocumentRow.id)).all())
    assert [(r.version, r.latest, r.previous_id) for r in rows] == [
        (1, False, None),
        (2, True, first.document_id),
    ]
    # Both versions report the same meeting: still one meeting.
    assert read(engine, lambda s: s.scalar(select(func.count()).select_from(MeetingRow))) == 1


def test_legal_provisions_are_shared_entities(engine: Engine) -> None:
    write(engine, lambda s: store_record(record=kz_record("a", source="a"), session=s))
    other = kz_record("b", source="b", text=TEXT_KZ + " ")
    write(engine, lambda s: store_record(record=other, session=s))
    provisions = read(engine, lambda s: s.scalars(select(Provision)).all())
    assert [(p.partner, p.instrument, p.article) for p in provisions] == [("KZ", "Criminal Code", "146")]


def test_documents_are_found_by_id_key_or_hash_prefix(engine: Engine) -> None:
    stored = write(
        engine, lambda s: store_document(document=document(), record=kz_record(), extractor="t", session=s)
    )
    sha = document().sha256
    for ref in (str(stored.document_id), "kz-eu-2020", sha[:10]):
        assert read(engine, lambda s, r=ref: get_document(ref=r, session=s).id) == stored.document_id
    with pytest.raises(NotFoundError):
        read(engine, lambda s: get_document(ref="nothing-like-it", session=s))
    for odd in ("³", "١٢", "9" * 40, "0", 2**70):  # digits that are not ids: not found, never a crash
        with pytest.raises(NotFoundError):
            read(engine, lambda s, r=odd: get_document(ref=r, session=s))


def test_a_meeting_keeps_each_sources_values_where_they_disagree(engine: Engine) -> None:
    eu = kz_record("eu-readout", source="eu")
    kz = kz_record(
        "kz-readout", source="kz", text=TEXT_KZ + " (KZ MFA)", city="Nur-Sultan", start=dt.date(2020, 11, 26)
    )
    write(engine, lambda s: store_record(record=eu, session=s))
    write(engine, lambda s: store_record(record=kz, session=s))
    meeting_id = read(engine, lambda s: s.scalar(select(MeetingRow.id)))
    view = read(engine, lambda s: get_meeting(meeting_id=meeting_id, session=s))
    assert view.documents == ["eu-readout", "kz-readout"]
    assert view.values["city"] == {"Astana": ["eu-readout"], "Nur-Sultan": ["kz-readout"]}
    assert set(view.disputed()) == {"city", "start"}
    assert view.values["head:EU"] == {"Anna Rossi": ["eu-readout", "kz-readout"]}
