"""Durability check: kill -9 an ingest at a random moment, many times, and check what survived.

    .venv/bin/python benchmarks/durability.py                 # 20 trials of 2,000 documents
    .venv/bin/python benchmarks/durability.py --trials 3 --docs 200   # quick (the test suite runs this)

Each trial ingests the same varied readouts (see varied_corpus.py) into a fresh
SQLite database in a child process, which prints one line per document after
its transaction committed, and is killed with SIGKILL at a random moment (the
first trial runs to the end and times the batch). Then:

- ``PRAGMA integrity_check`` is ``ok`` and ``PRAGMA foreign_key_check`` finds nothing;
- every document the child reported as ingested is in the database;
- no document is partial: each stored document has exactly the meetings,
  statements, topics and legal references its record has.

Extraction is replaced by the base readouts' records (as in store_bench.py)
so that a trial takes seconds; what is killed is the store's write path.
Not part of ``make bench`` (not a ``*_bench.py``): it checks, it does not measure.
Exit status 1 if any check fails.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from store_bench import Lookup, base_records  # noqa: E402
from varied_corpus import base_texts, write_variants  # noqa: E402

from hrd.read.document import Document  # noqa: E402
from hrd.settings import Settings  # noqa: E402
from hrd.store.engine import make_engine, upgrade  # noqa: E402
from hrd.store.ingest import IngestOptions, Outcome, ingest  # noqa: E402


def child(db: str, listing: str) -> None:
    """Ingest the files listed in ``listing``, reporting each committed document on stdout."""
    bases = base_texts()
    records, _ = base_records(bases)
    files = Path(listing).read_text(encoding="utf-8").splitlines()
    engine = make_engine(f"sqlite:///{db}")

    def report(outcome: Outcome) -> None:
        print(f"{outcome.status} {outcome.source}", flush=True)

    print("ready", flush=True)
    options = IngestOptions(extractor=Lookup(records, len(bases)), on_outcome=report)
    ingest(files, engine=engine, settings=Settings(database_url=f"sqlite:///{db}"), options=options)


def expected_counts(files: list[str]) -> dict[str, tuple[int, int, int, int]]:
    """sha256 -> (meetings, statements, topics, legal references) of each file's record."""
    bases = base_texts()
    records, _ = base_records(bases)
    lookup = Lookup(records, len(bases))
    out = {}
    for f in files:
        document = Document(text=Path(f).read_text(encoding="utf-8"), source=f, media_type="text/plain")
        record = lookup(document)
        statements = [s for m in record.meetings for s in m.statements]
        out[document.sha256] = (
            len(record.meetings),
            len(statements),
            sum(len(s.topics) for s in statements),
            sum(len(s.legal_refs) for s in statements),
        )
    return out


COUNTS = """
SELECT d.sha256,
  (SELECT count(*) FROM meeting_reports r WHERE r.document_id = d.id),
  (SELECT count(*) FROM statements s JOIN meeting_reports r ON r.id = s.report_id WHERE r.document_id = d.id),
  (SELECT count(*) FROM statement_topics t JOIN statements s ON s.id = t.statement_id
     JOIN meeting_reports r ON r.id = s.report_id WHERE r.document_id = d.id),
  (SELECT count(*) FROM statement_legal_refs l JOIN statements s ON s.id = l.statement_id
     JOIN meeting_reports r ON r.id = s.report_id WHERE r.document_id = d.id)
FROM documents d
"""


def check(
    db: Path, reported: list[str], expected: dict[str, tuple[int, int, int, int]], sha_of: dict[str, str]
) -> list[str]:
    problems = []
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            problems.append(f"integrity_check: {integrity[:3]}")
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check found dangling rows")
        stored = {sha: tuple(counts) for sha, *counts in conn.execute(COUNTS)}
    finally:
        conn.close()
    for source in reported:
        if sha_of[source] not in stored:
            problems.append(f"reported as ingested but missing: {source}")
    for sha, counts in stored.items():
        if counts != expected[sha]:
            problems.append(f"partial document {sha[:12]}: stored {counts}, record has {expected[sha]}")
    return problems


def trial(
    n: int, folder: Path, listing: Path, kill_after: float | None
) -> tuple[Path, list[str], float, bool]:
    db = folder / f"trial-{n:02d}.sqlite"
    engine = make_engine(f"sqlite:///{db}")
    upgrade(engine)
    engine.dispose()
    log = folder / f"trial-{n:02d}.log"  # a file, not a pipe: a full pipe would stall the child
    with log.open("w", encoding="utf-8") as out:
        proc = subprocess.Popen([sys.executable, __file__, "--child", str(db), str(listing)], stdout=out)
        while not log.read_text(encoding="utf-8").startswith("ready") and proc.poll() is None:
            time.sleep(0.05)
        start = time.perf_counter()
        killed = False
        if kill_after is not None:
            time.sleep(kill_after)
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                killed = True
        proc.wait()
    elapsed = time.perf_counter() - start
    lines = log.read_text(encoding="utf-8").splitlines()
    log.unlink()
    reported = [line.split(" ", 1)[1] for line in lines if line.startswith("ingested ")]
    return db, reported, elapsed, killed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--child", nargs=2, metavar=("DB", "LISTING"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="hrd-durability-") as tmp:
        folder = Path(tmp)
        files = [str(p) for p in write_variants(folder / "corpus", args.docs)]
        listing = folder / "files.txt"
        listing.write_text("\n".join(files), encoding="utf-8")
        expected = expected_counts(files)
        sha_of = {
            f: Document(text=Path(f).read_text(encoding="utf-8"), source=f, media_type="").sha256
            for f in files
        }
        full: float | None = None
        for n in range(1, args.trials + 1):
            kill_after = None if full is None else rng.uniform(0.02, 0.98) * full
            db, reported, elapsed, killed = trial(n, folder, listing, kill_after)
            if full is None:
                full = elapsed
            problems = check(db, reported, expected, sha_of)
            failures += bool(problems)
            state = f"killed after {kill_after:.2f} s" if killed else f"ran to the end in {elapsed:.2f} s"
            print(
                f"trial {n:2d}: {state}; {len(reported):5d} reported ingested; "
                + ("OK" if not problems else "FAILED: " + "; ".join(problems[:3])),
                flush=True,
            )
            db.unlink()
            for suffix in ("-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
    print(
        f"{args.trials - failures} of {args.trials} trials passed every check"
        f" ({args.docs} documents, kill -9 at a random moment)"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
