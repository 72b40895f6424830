"""A quick run of benchmarks/durability.py: kill -9 during ingest, then check integrity and completeness.

The full check (20 trials of 2,000 documents) is `.venv/bin/python benchmarks/durability.py`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "durability.py"
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"the dev corpus ({CORPUS}) is needed to vary readouts")
def test_an_ingest_killed_at_random_moments_leaves_whole_documents_only() -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--trials", "3", "--docs", "60"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 of 3 trials passed every check" in run.stdout
