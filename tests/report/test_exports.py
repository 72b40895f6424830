import csv
import datetime as dt
import io

from openpyxl import load_workbook

from hrd.record import DocumentInfo, LegalRef, Meeting, Record, Statement
from hrd.report.exports import CAMEO_COLUMNS, ExportOptions, cameo_csv, cameo_events, statements_xlsx
from hrd.store.exports import CSV_COLUMNS, safe_cell, statement_rows
from hrd.track.rounds import Round, Series
from track.conftest import st


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


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


def _record() -> Record:
    statements = [
        Statement(
            actor="EU",
            act="concern",
            topics=["torture", "detention"],
            text="concern about torture",
            legal_refs=[LegalRef(instrument="Criminal Code", article="146")],
            confidence=0.75,
        ),
        Statement(actor="KZ", act="inform", topics=["media"], text='=HYPERLINK("http://x")'),
    ]
    meeting = Meeting(
        kind="human-rights-dialogue", parties=["EU", "KZ"], start=dt.date(2020, 11, 27), statements=statements
    )
    return Record(document=DocumentInfo(id="kz-2020", issuer="EU"), meetings=[meeting])


def test_xlsx_has_the_csv_columns_row_for_row() -> None:
    record = _record()
    book = load_workbook(io.BytesIO(statements_xlsx([record, record])))
    sheet = book.active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == CSV_COLUMNS
    assert len(rows) == 1 + 2 * 2
    expected = list(statement_rows(record))
    for got, want in zip(rows[1:3], expected, strict=True):
        assert got == tuple(None if want[c] == "" else safe_cell(want[c]) for c in CSV_COLUMNS)
    assert rows[1][CSV_COLUMNS.index("legal_refs")] == "Criminal Code 146"
    assert rows[1][CSV_COLUMNS.index("confidence")] == 0.75


def test_xlsx_and_csv_never_run_a_formula() -> None:
    book = load_workbook(io.BytesIO(statements_xlsx([_record()])))
    sheet = book.active
    assert sheet is not None
    cell = sheet.cell(row=3, column=CSV_COLUMNS.index("text") + 1)
    assert (cell.value, cell.data_type) == ('\'=HYPERLINK("http://x")', "s")
    assert [safe_cell(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "plain", 3)] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@SUM(A1)",
        "'\tx",
        "plain",
        3,
    ]
    events = cameo_events(
        [
            Series(
                "KZ",
                "human-rights-dialogue",
                (
                    Round(
                        "m",
                        "KZ",
                        "human-rights-dialogue",
                        start=dt.date(2020, 1, 1),
                        statements=(st("EU", "concern", "=cmd"),),
                    ),
                ),
            )
        ]
    )
    assert "'=cmd" in cameo_csv(events)
