"""The store commands of `hrd`, run as the user runs them (a real process, a real SQLite file)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from .samples import TEXT_KZ

HRD = str(Path(sys.executable).parent / "hrd")


def hrd(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env_db = f"sqlite:///{db}"
    return subprocess.run(
        [HRD, "--db", env_db, *args], capture_output=True, text=True, timeout=300, check=False
    )


def test_a_command_on_an_unmigrated_database_says_what_to_do(tmp_path: Path) -> None:
    run = hrd(tmp_path / "hrd.sqlite", "search", "torture")
    assert run.returncode == 78
    assert run.stderr.strip() == "hrd: database not ready: database is not migrated: run `hrd db upgrade`"


def test_ingest_search_review_export_import(tmp_path: Path) -> None:
    db = tmp_path / "hrd.sqlite"
    assert hrd(db, "db", "upgrade").returncode == 0
    (tmp_path / "kz.txt").write_text(TEXT_KZ, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")

    run = hrd(db, "ingest", str(tmp_path / "kz.txt"), str(tmp_path / "empty.txt"))
    assert run.returncode == 1  # one source failed
    assert "empty.txt" in run.stdout and "no text" in run.stdout

    found = json.loads(hrd(db, "search", "torture", "--partner", "KZ", "--json").stdout)
    assert found["total_statements"] >= 1
    statement = found["statements"][0]

    ok = hrd(
        db, "review", "confirm", str(statement["id"]), "--version", str(statement["version"]), "--who", "ana"
    )
    assert ok.returncode == 0, ok.stderr
    stale = hrd(db, "review", "reject", str(statement["id"]), "--version", str(statement["version"]))
    assert stale.returncode == 75 and "conflict" in stale.stderr
    assert "ana" in hrd(db, "review", "history", str(statement["id"])).stdout

    export = tmp_path / "out.jsonl"
    assert hrd(db, "export", "--format", "jsonl", "--out", str(export)).returncode == 0
    other = tmp_path / "other.sqlite"
    assert hrd(other, "db", "upgrade").returncode == 0
    imported = hrd(other, "import", str(export))
    assert imported.returncode == 0 and "1 imported" in imported.stdout
    assert hrd(other, "export", "--format", "jsonl").stdout == export.read_text(encoding="utf-8")

    csv_out = hrd(db, "export", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("document,meeting,partner")
    bad = hrd(db, "export", "--format", "xml")
    assert bad.returncode == 65 and "unknown format" in bad.stderr


def test_ingest_refuses_a_loopback_url_unless_the_environment_allows_it(tmp_path: Path) -> None:
    db = tmp_path / "hrd.sqlite"
    assert hrd(db, "db", "upgrade").returncode == 0
    url = "http://127.0.0.1:9/readout.txt"  # port 9 (discard): nothing listens there

    def ingest(allow: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "HRD_ALLOW_PRIVATE_URLS": allow}
        command = [HRD, "--db", f"sqlite:///{db}", "ingest", url]
        return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False, env=env)

    refused = ingest("0")
    assert refused.returncode == 1 and "Traceback" not in refused.stdout + refused.stderr
    assert (
        f"failed: {url}: refused: 127.0.0.1 is a loopback address; "
        "set HRD_ALLOW_PRIVATE_URLS=1 to allow private hosts"
    ) in refused.stdout.splitlines()
    allowed = ingest("1")  # the address is no longer refused: the connection is tried, and fails
    assert allowed.returncode == 1 and f"failed: {url}: connection failed" in allowed.stdout


def test_a_changed_file_is_a_new_version_that_keeps_the_reviews(tmp_path: Path) -> None:
    db = tmp_path / "hrd.sqlite"
    assert hrd(db, "db", "upgrade").returncode == 0
    readout = tmp_path / "kz.txt"
    readout.write_text(TEXT_KZ, encoding="utf-8")
    assert hrd(db, "ingest", str(readout)).returncode == 0
    statement = json.loads(hrd(db, "search", "torture", "--json").stdout)["statements"][0]
    confirm = hrd(db, "review", "confirm", str(statement["id"]), "--who", "ana")
    assert confirm.returncode == 0, confirm.stderr

    readout.write_text(TEXT_KZ + "\nThe next round will take place in Brussels.", encoding="utf-8")
    run = hrd(db, "ingest", str(readout))
    assert run.returncode == 0, run.stdout + run.stderr
    assert "new version 2 of kz: 1 reviewed statement(s) carried over, 0 left with version 1" in run.stdout
    [hit] = json.loads(hrd(db, "search", "torture", "--json").stdout)["statements"]
    assert hit["state"] == "confirmed" and hit["id"] != statement["id"]  # the new version's statement
