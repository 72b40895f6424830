"""``hrd brief``: every figure of the note matches the database (independent SQL, see figures.py)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from hrd.cli import app
from hrd.errors import NotFoundError
from hrd.report.brief import BriefOptions
from hrd.report.render import render_markdown
from hrd.report.stored import stored_brief
from hrd.settings import Settings
from hrd.store import review
from hrd.store.benchmarks import add_benchmark, set_assessment
from hrd.store.engine import make_engine, read, upgrade, write
from hrd.store.followup import set_followup
from hrd.store.ingest import ingest
from hrd.store.tables import MeetingRow, StatementRow
from hrd.store.tracking import partners_with_rounds
from store.tracking_samples import store_all

from .figures import check_note

EXAMPLES = Path(__file__).parents[2] / "examples" / "readouts"
TODAY = dt.date(2024, 1, 1)


def _note(engine: Engine, partner: str) -> str:
    brief = read(
        engine, lambda s: stored_brief(partner=partner, session=s, options=BriefOptions(today=TODAY))
    )
    return render_markdown(brief)


def _id(engine: Engine, text: str) -> int:
    return read(engine, lambda s: s.scalars(select(StatementRow.id).where(StatementRow.text == text)).one())


def test_the_note_matches_the_database(engine: Engine) -> None:
    store_all(engine)
    with engine.connect() as conn:
        assert check_note(_note(engine, "KZ"), conn, "KZ") >= 20
        assert check_note(_note(engine, "MN"), conn, "MN") >= 5


def test_the_note_follows_review_status_and_benchmarks(engine: Engine) -> None:
    store_all(engine)
    # a reviewer rejects a concern, an analyst closes a call: the figures follow the database
    concern = _id(engine, "The EU expressed concern about detentions at protests.")
    write(engine, lambda s: review.reject(statement_id=concern, who="ana", session=s))
    call = _id(engine, "It called for the abolition of the death penalty.")
    write(engine, lambda s: set_followup(statement_id=call, status="fulfilled", who="ana", session=s))
    meetings = read(engine, lambda s: {m.ordinal: m.id for m in s.scalars(select(MeetingRow))})
    dp = write(
        engine,
        lambda s: add_benchmark(
            partner="KZ",
            kind="human-rights-dialogue",
            subject="death-penalty",
            change="abolish",
            who="a",
            session=s,
        ),
    )
    write(
        engine,
        lambda s: set_assessment(
            benchmark_id=int(dp.id), meeting_id=meetings[11], result="met", note="in law", who="a", session=s
        ),
    )
    note = _note(engine, "KZ")
    with engine.connect() as conn:
        check_note(note, conn, "KZ")
    assert "Peaceful assembly" not in note.split("## 3.")[0].split("## 2.")[0]  # no longer raised in round 12
    assert "4 open items" in note  # 5 calls and commitments, one fulfilled
    benchmark_row = next(line for line in note.splitlines() if line.startswith("| abolish: "))
    assert "round 10 (1 June 2019): not-met; round 11 (1 June 2020): met; round 12 (1 June 2021): met" in (
        benchmark_row
    )


def test_no_round_is_not_found(engine: Engine) -> None:
    store_all(engine)
    with pytest.raises(NotFoundError):
        _note(engine, "ZZ")


# -- the bundled examples, through the command line ---------------------------------------------------


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not EXAMPLES.is_dir():
        pytest.skip("no bundled examples")
    path = tmp_path_factory.mktemp("examples") / "hrd.sqlite"
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    upgrade(engine)
    report = ingest([str(EXAMPLES)], engine=engine, settings=Settings(database_url=url))
    assert report.ok
    engine.dispose()
    yield url
    shutil.rmtree(path.parent, ignore_errors=True)


def _cli_note(url: str, partner: str, *args: str) -> str:
    result = CliRunner().invoke(
        app, ["--db", url, "brief", partner, "--today", TODAY.isoformat(), *args], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output[-300:]
    return result.stdout


def test_hrd_brief_on_the_examples_matches_the_database(examples_db: str) -> None:
    engine = make_engine(examples_db)
    partners = read(engine, lambda s: partners_with_rounds(session=s))
    assert len(partners) >= 10
    checked = 0
    try:
        with engine.connect() as conn:
            for partner in partners:
                checked += check_note(_cli_note(examples_db, partner), conn, partner)
    finally:
        engine.dispose()
        os.environ.pop("HRD_DATABASE_URL", None)
    assert checked > 10 * len(partners)
