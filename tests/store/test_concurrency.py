"""Concurrent ingests over overlapping inputs: no lock error reaches the user, no duplicates.

Two `hrd ingest` processes on one SQLite database, four on PostgreSQL.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from hrd.extract import extract
from hrd.store.engine import read
from hrd.store.identity import partner_of
from hrd.store.tables import DocumentRow, MeetingRow

HRD = str(Path(sys.executable).parent / "hrd")
COUNTRIES = [("Kazakhstan", "Astana"), ("Armenia", "Yerevan"), ("Mongolia", "Ulaanbaatar")]
WORDING = [
    "The EU expressed concern about torture in detention.",
    "The EU raised concerns about the death penalty.",
    "Both sides discussed freedom of expression.",
]


def _readout(country: str, city: str, n: int, wording: str) -> str:
    day = 10 + n
    return (
        f"EU and {country} hold {n}th Human Rights Dialogue\n{city}, {day} May 2022\n\n"
        f"The {n}th Human Rights Dialogue between the European Union and {country} took place in {city} "
        f"on {day} May 2022. {wording} {country} informed about judicial reforms.\n"
    )


def test_concurrent_ingests_store_each_document_and_meeting_once(
    db_url: str, engine: Engine, tmp_path: Path
) -> None:
    files = []
    for country, city in COUNTRIES:
        for n in (4, 5):
            for i, wording in enumerate(WORDING):  # three readouts of each meeting
                path = tmp_path / f"{country}-{n}-{i}.txt"
                path.write_text(_readout(country, city, n, wording), encoding="utf-8")
                files.append(str(path))
    processes = 2 if engine.dialect.name == "sqlite" else 4
    # Overlapping inputs: each process takes two thirds of the files, starting at a different place.
    batches = [[files[(start * 5 + k) % len(files)] for k in range(12)] for start in range(processes)]
    runs = [
        subprocess.Popen(
            [HRD, "--db", db_url, "ingest", *batch], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for batch in batches
    ]
    results = [(p.wait(timeout=240), *p.communicate()) for p in runs]
    for code, out, err in results:
        assert code == 0, out + err
        assert "locked" not in (out + err).lower()
        assert "failed" not in err.lower()

    taken = {f for batch in batches for f in batch}
    assert read(engine, lambda s: s.scalar(select(func.count()).select_from(DocumentRow))) == len(taken)
    meetings = read(engine, lambda s: s.execute(select(MeetingRow.series_id, MeetingRow.ordinal)).all())
    assert len(meetings) == len(set(meetings)), "a meeting was stored twice"
    expected = set()
    for f in taken:
        for m in extract(Path(f).read_text(encoding="utf-8")).meetings:
            expected.add((partner_of(m.parties), m.kind, m.ordinal))
    if all(ordinal is not None for _, _, ordinal in expected):
        assert len(meetings) == len(expected)
