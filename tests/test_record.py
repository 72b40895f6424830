import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from hrd.record import Head, Meeting, Record, Statement

SCHEMA = json.loads((Path(__file__).parent / "fixtures" / "record.schema.json").read_text())


def test_minimal_record_validates() -> None:
    record = Record.model_validate({"document": {"id": "x"}})
    data = record.to_json()
    assert data["schema"] == "dialogue-record/1"
    assert data["meetings"] == []
    jsonschema.validate(data, SCHEMA)


def test_full_record_round_trips_and_validates() -> None:
    record = Record.model_validate(
        {
            "document": {"id": "d", "published": "2020-11-27", "issuer": "EU"},
            "meetings": [
                Meeting(
                    kind="subcommittee",
                    parties=["EU", "KZ"],
                    start=dt.date(2020, 11, 27),
                    end=dt.date(2020, 11, 27),
                    heads=[Head(party="EU", name="A B", title="Head")],
                    statements=[Statement(actor="both", act="discuss", topics=["drugs"], span=(0, 4))],
                ).model_dump()
            ],
        }
    )
    data = record.to_json()
    jsonschema.validate(data, SCHEMA)
    assert data["meetings"][0]["start"] == "2020-11-27"
    assert data["meetings"][0]["statements"][0]["span"] == [0, 4]
    assert Record.model_validate(data) == record


def test_unknown_field_is_refused() -> None:
    with pytest.raises(ValueError):
        Record.model_validate({"document": {"id": "x"}, "meetings": [], "extra": 1})
