import csv
import io
import json

from hrd.record import DocumentInfo, Record
from hrd.report.exports import (
    CAMEO_COLUMNS,
    STATEMENT_COLUMNS,
    ExportOptions,
    cameo_csv,
    cameo_events,
    records_json,
    statements_csv,
)
from hrd.track.rounds import Round, Series
from track.conftest import CC174, rnd, series, st


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_statements_csv_has_one_row_per_statement(kz: Series) -> None:
    rows = _rows(statements_csv([kz]))
    assert len(rows) == sum(len(r.statements) for r in kz.rounds) == 19
    assert tuple(rows[0]) == STATEMENT_COLUMNS
    cited = [r for r in rows if r["legal_refs"]]
    assert {r["legal_refs"] for r in cited} == {CC174.label}
    first = rows[0]
    assert (
        first["partner"],
        first["ordinal"],
        first["date"],
        first["actor"],
        first["act"],
        first["topics"],
    ) == (
        "KZ",
        "10",
        "2019-06-01",
        "EU",
        "concern",
        "torture",
    )


def test_csv_neutralises_formulas() -> None:
    s = series(rnd(1, 2020, st("EU", "concern", "media", text='=HYPERLINK("http://x")')))
    (row,) = _rows(statements_csv([s]))
    assert row["text"] == '\'=HYPERLINK("http://x")'


def test_cameo_events_from_acts_json(kz: Series) -> None:
    events = cameo_events([kz])
    concern = next(e for e in events if e.act == "concern")
    assert (concern.date, concern.source, concern.target, concern.cameo) == ("2019-06-01", "EU", "KZ", "111")
    commit = next(e for e in events if e.act == "commit")
    assert (commit.source, commit.target, commit.cameo) == ("KZ", "EU", "030")
    joint = [e for e in events if e.act == "discuss" and e.meeting_id == "KZ-10"]
    assert [(e.source, e.target) for e in joint] == [("EU", "KZ"), ("KZ", "EU")]
    # one event per statement, two for each joint statement
    joint_count = sum(1 for r in kz.rounds for s in r.statements if s.actor == "both")
    assert len(events) == 19 + joint_count
    assert len(cameo_events([kz], ExportOptions(split_joint=False))) == 19


def test_undated_rounds_give_no_events() -> None:
    undated = Round("x", "KZ", "human-rights-dialogue", statements=(st("EU", "concern", "media"),))
    assert cameo_events([Series("KZ", "human-rights-dialogue", (undated,))]) == ()


def test_cameo_csv_keeps_leading_zeros(kz: Series) -> None:
    rows = _rows(cameo_csv(cameo_events([kz]), ExportOptions(delimiter=",")))
    assert tuple(rows[0]) == CAMEO_COLUMNS
    assert {r["cameo"] for r in rows} >= {"111", "024", "051", "040", "030"}
    tsv = cameo_csv(cameo_events([kz]), ExportOptions(delimiter="\t"))
    assert tsv.splitlines()[0] == "\t".join(CAMEO_COLUMNS)


def test_records_json_round_trips() -> None:
    record = Record(document=DocumentInfo(id="d1", issuer="EU"))
    data = json.loads(records_json([record]))
    assert data == [record.to_json()]
    assert Record.model_validate(data[0]) == record
