"""hrd serve and hrd demo: the failures a user meets before the server starts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HRD = Path(sys.executable).parent / "hrd"


def run(*args: str, database: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HRD_DATABASE_URL": f"sqlite:///{database}"}
    return subprocess.run(
        [str(HRD), *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_serve_refuses_an_unmigrated_database(tmp_path: Path) -> None:
    done = run("serve", "--port", "1", database=tmp_path / "new.sqlite")
    assert done.returncode == 78
    assert done.stderr.strip().splitlines()[-1].startswith("hrd: database not ready:")


def test_demo_with_a_missing_examples_folder(tmp_path: Path) -> None:
    done = run("demo", "--examples", str(tmp_path / "nowhere"), database=tmp_path / "demo.sqlite")
    assert done.returncode == 66
    assert "no folder" in done.stderr


def test_port_is_checked(tmp_path: Path) -> None:
    done = run("serve", "--port", "70000", database=tmp_path / "x.sqlite")
    assert done.returncode == 2
