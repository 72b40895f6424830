"""hrd brief, hrd followup and hrd benchmark on a small hand-written database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from hrd.cli import app
from hrd.errors import HRDError, exit_code
from hrd.store.engine import make_engine, read, upgrade
from hrd.store.tables import MeetingRow, StatementRow
from store.tracking_samples import store_all


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'hrd.sqlite'}"
    engine = make_engine(url)
    upgrade(engine)
    store_all(engine)
    engine.dispose()
    monkeypatch.setenv("HRD_DATABASE_URL", url)
    return url


def hrd(*args: str) -> tuple[int, str]:
    """Run a command as ``hrd.cli.main`` does: library errors give their exit code."""
    result = CliRunner().invoke(app, list(args), standalone_mode=False)
    if isinstance(result.exception, HRDError):
        return exit_code(result.exception), result.output
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


def _ids(url: str) -> tuple[int, dict[int, int]]:
    engine = make_engine(url)
    call = read(
        engine,
        lambda s: s.scalars(
            select(StatementRow.id).where(
                StatementRow.text == "It called for a new law on peaceful assembly."
            )
        ).one(),
    )
    meetings = read(engine, lambda s: {m.ordinal: m.id for m in s.scalars(select(MeetingRow))})
    engine.dispose()
    return call, meetings


def test_followup_set_list_and_history(db: str) -> None:
    call, _ = _ids(db)
    code, listed = hrd("followup", "list", "KZ", "--json", "--stale-after", "1")
    assert code == 0
    items = json.loads(listed)
    assert len(items) == 5 and [i["statement_id"] for i in items if i["stale"]] == [call]
    code, output = hrd(
        "followup", "set", str(call), "progressing", "--note", "draft law", "--version", "0", "--who", "ana"
    )
    assert code == 0 and "progressing (version 1)" in output
    code, output = hrd("followup", "set", str(call), "fulfilled", "--version", "0", "--who", "ben")
    assert code == 75  # someone set it since version 0
    items = json.loads(hrd("followup", "list", "KZ", "--json", "--status", "progressing")[1])
    assert [(i["statement_id"], i["note"], i["version"]) for i in items] == [(call, "draft law", 1)]
    code, output = hrd("followup", "history", str(call))
    assert code == 0 and "ana" in output and "draft law" in output
    assert hrd("followup", "set", str(call), "finished")[0] == 65


def test_benchmark_add_assess_and_list(db: str) -> None:
    _, meetings = _ids(db)
    code, output = hrd(
        "benchmark", "add", "KZ", "--change", "repeal", "--provision", "Criminal Code:174", "--who", "ana"
    )
    assert code == 0 and "benchmark 1: KZ human-rights-dialogue: repeal — Criminal Code, art. 174" in output
    assert hrd("benchmark", "add", "KZ", "--change", "end")[0] == 65  # neither topic nor provision
    code, _ = hrd(
        "benchmark", "assess", "1", str(meetings[11]), "partly-met", "--note", "bill tabled", "--who", "ana"
    )
    assert code == 0
    data = json.loads(hrd("benchmark", "list", "KZ", "--json")[1])
    assert [(r["result"], r["computed"]) for r in data[0]["rounds"]] == [
        ("not-met", "not-met"),
        ("partly-met", "not-met"),
        ("met", "met"),
    ]
    assert hrd("benchmark", "assess", "1", str(meetings[11]), "clear", "--who", "ana")[0] == 0
    data = json.loads(hrd("benchmark", "list", "KZ", "--json")[1])
    assert data[0]["rounds"][1]["result"] == "not-met"
    assert hrd("benchmark", "assess", "1", str(meetings[1]), "met")[0] == 65  # a subcommittee round


def test_brief_formats_and_errors(db: str, tmp_path: Path) -> None:
    code, output = hrd("brief", "KZ", "--today", "2024-01-01")
    assert code == 0 and output.startswith("# Briefing note: KZ")
    code, output = hrd("brief", "kz", "--format", "html", "--today", "2024-01-01")
    assert code == 0 and "<h1>Briefing note: KZ</h1>" in output
    target = tmp_path / "kz.pdf"
    assert hrd("brief", "KZ", "-f", "pdf", "-o", str(target))[0] == 0
    assert target.read_bytes().startswith(b"%PDF-")
    assert hrd("brief", "ZZ")[0] == 66
    assert hrd("brief", "KZ", "--format", "docx")[0] == 65
    assert hrd("brief", "KZ", "--today", "soon")[0] == 65


def test_export_statements_as_xlsx_and_events_as_cameo(db: str, tmp_path: Path) -> None:
    import csv
    import io

    from openpyxl import load_workbook

    from hrd.report.exports import CAMEO_COLUMNS
    from hrd.store.exports import CSV_COLUMNS

    workbook = tmp_path / "kz.xlsx"
    assert hrd("export", "--format", "xlsx", "--partner", "KZ", "--out", str(workbook))[0] == 0
    sheet = load_workbook(workbook).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    code, text = hrd("export", "--format", "csv", "--partner", "KZ")
    assert code == 0
    as_csv = list(csv.reader(io.StringIO(text)))
    assert rows[0] == CSV_COLUMNS and len(rows) == len(as_csv) == 1 + 4 + 4 + 4 + 2 + 1
    assert [r[CSV_COLUMNS.index("text")] for r in rows[1:]] == [
        r[CSV_COLUMNS.index("text")] for r in as_csv[1:]
    ]
    code, text = hrd("export", "--format", "cameo", "--partner", "KZ", "--since", "2021")
    events = list(csv.DictReader(io.StringIO(text)))
    assert code == 0 and tuple(events[0]) == CAMEO_COLUMNS
    # 2021: 4 + 2 + 1 statements, the joint one gives two events
    assert len(events) == 8 and {e["date"][:4] for e in events} == {"2021"}
    assert {(e["act"], e["cameo"]) for e in events} >= {
        ("concern", "111"),
        ("call", "024"),
        ("welcome", "051"),
    }
