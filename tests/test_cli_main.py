"""The `hrd` entry point: every failure is one line on stderr with a defined exit code."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from hrd.store.engine import head_revision


def _hrd(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from hrd.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "200"},
    )


def test_unknown_command_is_a_usage_error() -> None:
    run = _hrd("no-such-command")
    assert run.returncode == 2
    assert "Traceback" not in run.stderr


def test_an_unexpected_failure_is_one_line_with_exit_70(tmp_path: Path) -> None:
    # A database that claims the current revision but has no tables: the query fails below the CLI.
    db = tmp_path / "broken.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    for rev in head_revision().split("+"):
        con.execute("INSERT INTO alembic_version VALUES (?)", (rev,))
    con.commit()
    con.close()
    run = _hrd("--db", f"sqlite:///{db}", "search", "torture")
    assert run.returncode == 70, run.stderr
    assert "internal error" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_typer_exit_code_reaches_the_shell(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    run = _hrd("extract", str(empty))
    assert run.returncode == 65
    assert "empty" in run.stderr
