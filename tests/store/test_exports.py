from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from hrd.errors import InvalidInputError
from hrd.record import Statement
from hrd.store import review
from hrd.store.engine import read, write
from hrd.store.exports import CSV_COLUMNS, ExportFilters, ExportFormat, export, import_records, parse_export
from hrd.store.repo import store_document
from hrd.store.tables import Base

from .samples import TEXT_KZ, document, kz_record
from .test_search import TEXT_UZ, _uz_record


@pytest.fixture
def stored(engine: Engine) -> Engine:
    write(engine, lambda s: store_document(document=document(), record=kz_record(), extractor="t", session=s))
    write(
        engine,
        lambda s: store_document(
            document=document(TEXT_UZ, "uz-2016"),
            record=_uz_record(),  # type: ignore[arg-type]
            extractor="t",
            session=s,
        ),
    )
    return engine


def _export(engine: Engine, format: ExportFormat, **filters: object) -> str:
    buffer = io.StringIO()
    read(engine, lambda s: export(buffer, format=format, filters=ExportFilters(**filters), session=s))  # type: ignore[arg-type]
    return buffer.getvalue()


def _empty(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in reversed(Base.metadata.sorted_tables):
            conn.execute(text(f"DELETE FROM {table.name}"))


def test_records_export_schema_valid_with_the_review_applied(
    stored: Engine, schema: dict[str, object]
) -> None:
    ids = [h.id for h in read(stored, lambda s: review.review_items(session=s))]
    write(stored, lambda s: review.reject(statement_id=ids[0], who="ana", session=s))
    lines = _export(stored, "jsonl").splitlines()
    assert len(lines) == 2
    for line in lines:
        jsonschema.validate(json.loads(line), schema)
    kz = json.loads(lines[0])
    assert kz["document"]["id"] == "kz-eu-2020"
    assert [s["act"] for s in kz["meetings"][0]["statements"]] == ["welcome", "discuss"]
    assert json.loads(_export(stored, "json")) == [json.loads(line) for line in lines]


def test_export_then_import_into_an_empty_database_gives_the_same_records(stored: Engine) -> None:
    missed = Statement(actor="EU", act="call", topics=["elections"], text="free elections")
    write(stored, lambda s: review.add(document="uz-2016", meeting=0, statement=missed, who="ana", session=s))
    before = _export(stored, "jsonl")
    _empty(stored)
    assert _export(stored, "jsonl") == ""
    report = import_records(parse_export(before), engine=stored)
    assert report.imported == ["kz-eu-2020", "uz-2016"]
    assert _export(stored, "jsonl") == before
    assert import_records(parse_export(before), engine=stored).unchanged == ["kz-eu-2020", "uz-2016"]


def test_filters_select_documents(stored: Engine) -> None:
    assert [json.loads(x)["document"]["id"] for x in _export(stored, "jsonl", partner="UZ").splitlines()] == [
        "uz-2016"
    ]
    assert _export(stored, "jsonl", kind="subcommittee", since=2017) == ""
    assert len(_export(stored, "jsonl", until=2020).splitlines()) == 2


def test_statements_as_csv(stored: Engine) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(stored, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 5
    first = rows[0]
    assert (first["document"], first["partner"], first["actor"], first["act"], first["topics"]) == (
        "kz-eu-2020",
        "KZ",
        "EU",
        "concern",
        "torture",
    )
    assert first["legal_refs"] == "Criminal Code 146"
    assert TEXT_KZ.count(first["text"]) == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("document,meeting\nx,0\n", "CSV exports cannot be imported"),
        ("[1, 2", "not valid JSON"),
        ('{"schema": "dialogue-record/1"}\n', "line 1: not a dialogue record"),
        ('[{"document": {"id": 3}}]', "not a dialogue record"),
        ('{"a": 1}', "not a dialogue record"),
    ],
)
def test_bad_imports_are_refused_with_a_reason(data: str, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        parse_export(data)
