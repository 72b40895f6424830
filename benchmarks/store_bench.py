"""Store throughput: ingest of 10,000 readouts (the dev corpus varied) and search latency at that size.

1. **Store path**: 10,000 varied readouts are ingested through
   :func:`hrd.store.ingest.ingest` -- read from files, stored one transaction
   each -- with extraction replaced by the extracted record of each base
   readout (moved to the variant's round and year). This is the store's own
   throughput; the acceptance target is >= 100 documents/s on SQLite.
2. **End to end**: a further sample (default 1,000) is ingested with the real
   extractor in ``--jobs`` worker processes (default: every core). This is what
   a user sees; it is bound by the extractor's speed, printed beside it.
3. **Search**: 50 queries (words, phrases, or/-, filters, facets) over the
   resulting database; p50/p95/max latency, first on one connection, then as
   the CLI and the web run it (facet counts and documents on connections of
   their own, in parallel with the ranking). Target: p95 <= 50 ms.

Figures, not pass/fail (``--check`` makes missed targets exit 1). Any database
URL can be given with --db (it must be empty); the default is a fresh SQLite
file in a temp directory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import Engine
from varied_corpus import base_texts, write_variants

from hrd.extract import extract
from hrd.read.document import Document
from hrd.record import Meeting, Record
from hrd.settings import Settings
from hrd.store.engine import ReadPool, make_engine, read, read_pool, upgrade
from hrd.store.ingest import IngestOptions, ingest
from hrd.store.search import SearchQuery, search

WORDS = [
    "torture",
    "death penalty",
    "freedom of expression",
    "civil society",
    "human rights defenders",
    "elections",
    "detention",
    "minorities",
    "women",
    "children",
    "judiciary",
    "media",
    "religion",
    "migration",
    "corruption",
    "labour",
    '"rule of law"',
    "journalists",
    "reforms",
    "cooperation",
    "prison conditions",
    "gender equality",
    "torture or detention",
    "expression -media",
    "disability",
]


def cores() -> str:
    n = os.cpu_count() or 1
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else n
    return f"{usable} usable of {n} logical CPUs"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _moved(date: dt.date | None, years: int) -> dt.date | None:
    if date is None:
        return None
    try:
        return date.replace(year=date.year - years)
    except ValueError:  # 29 February
        return date.replace(year=date.year - years, day=28)


def base_records(bases: dict[str, str]) -> tuple[dict[str, Record], float]:
    start = time.perf_counter()
    records = {name: extract(text, source=f"{name}.txt") for name, text in bases.items()}
    return records, (time.perf_counter() - start) / len(bases)


class Lookup:
    """Extraction replaced by the base readout's record, moved to the variant's round and year."""

    def __init__(self, records: dict[str, Record], count: int) -> None:
        self.records, self.count = records, count

    def __call__(self, document: Document) -> Record:
        stem = Path(document.source).stem
        base, _, number = stem.rpartition("-v")
        variant = int(number) // self.count
        rec = self.records[base]
        meetings = [
            Meeting.model_validate(
                {
                    **m.model_dump(),
                    "ordinal": m.ordinal + variant % 40 if m.ordinal else None,
                    "start": _moved(m.start, variant % 9),
                    "end": _moved(m.end, variant % 9),
                }
            )
            for m in rec.meetings
        ]
        info = rec.document.model_copy(
            update={"id": stem, "source": document.source, "sha256": document.sha256}
        )
        return rec.model_copy(update={"document": info, "meetings": meetings})


def queries(partners: list[str]) -> list[SearchQuery]:
    out = [SearchQuery(w) for w in WORDS]
    acts, topics = ["concern", "welcome", "call", "discuss", "stress"], ["torture", "expression", "elections"]
    for i, w in enumerate(WORDS):
        p = partners[i % len(partners)] if partners else None
        choice = i % 5
        if choice == 0:
            out.append(SearchQuery(w, partner=p))
        elif choice == 1:
            out.append(SearchQuery(w, act=acts[i % len(acts)], since=2012))
        elif choice == 2:
            out.append(SearchQuery("", topic=topics[i % len(topics)], partner=p))
        elif choice == 3:
            out.append(SearchQuery(w, kind="human-rights-dialogue", until=2020))
        else:
            out.append(SearchQuery(w, actor="EU", topic=topics[i % len(topics)]))
    return out


def timed_queries(engine: Engine, qs: list[SearchQuery], pool: ReadPool | None) -> tuple[list[float], int]:
    """Milliseconds of each query (sorted), after one warm-up query; and how many had statement hits."""
    read(engine, lambda s: search(qs[0], session=s, pool=pool))
    times, hits = [], 0
    for q in qs:
        t = time.perf_counter()
        result = read(engine, lambda s, q=q: search(q, session=s, pool=pool))  # type: ignore[misc]
        times.append((time.perf_counter() - t) * 1000)
        hits += result.total_statements > 0
    return sorted(times), hits


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--e2e-docs", type=int, default=1_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--db", default=None, help="an empty database (default: a temp SQLite file)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hrd-store-bench-") as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.sqlite'}"
        engine = make_engine(url)
        upgrade(engine)
        bases = base_texts()
        print(
            f"machine: {cores()}; {cpu_model()}; Python {platform.python_version()}; "
            f"{engine.dialect.name}"
            + (f" (SQLite {sqlite3.sqlite_version})" if engine.dialect.name == "sqlite" else "")
        )
        print(f"corpus: {len(bases)} design readouts varied to {args.docs} + {args.e2e_docs} documents")
        records, per_doc = base_records(bases)
        print(f"extractor on the base readouts: {per_doc * 1000:.1f} ms/document on one core")

        files = write_variants(Path(tmp) / "corpus", args.docs + args.e2e_docs, bases)
        store_files, e2e_files = files[: args.docs], files[args.docs :]
        settings = Settings(database_url=url)

        start = time.perf_counter()
        report = ingest(
            [str(p) for p in store_files],
            engine=engine,
            settings=settings,
            options=IngestOptions(extractor=Lookup(records, len(bases))),
        )
        elapsed = time.perf_counter() - start
        store_rate = len(store_files) / elapsed
        print(
            f"store path: {len(store_files)} documents in {elapsed:.1f} s = {store_rate:.0f} documents/s "
            f"(ingested {report.count('ingested')}, unchanged {report.count('unchanged')}, "
            f"failed {report.count('failed')}); target >= 100/s"
        )

        if e2e_files:
            start = time.perf_counter()
            report = ingest(
                [str(p) for p in e2e_files],
                engine=engine,
                settings=settings,
                options=IngestOptions(jobs=args.jobs),
            )
            elapsed = time.perf_counter() - start
            print(
                f"end to end (real extractor, {args.jobs} worker processes): {len(e2e_files)} documents in "
                f"{elapsed:.1f} s = {len(e2e_files) / elapsed:.1f} documents/s "
                f"(failed {report.count('failed')})"
            )

        partners = [
            v for v, _ in read(engine, lambda s: search(SearchQuery(""), session=s)).facets["partner"]
        ]
        qs = queries(partners)
        statements = read(engine, lambda s: search(SearchQuery(""), session=s)).total_statements
        pool = read_pool(engine)
        p95 = 0.0
        for label, parts in (("one connection", None), ("parallel parts, as the CLI and web run it", pool)):
            times, hits = timed_queries(engine, qs, parts)
            p95 = times[max(0, round(0.95 * len(times)) - 1)]
            print(
                f"search ({label}): {len(qs)} queries over {len(files)} documents, {statements} statements: "
                f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms "
                f"({hits} with statement hits); target p95 <= 50 ms"
            )
        if pool is not None:
            pool.close()
        if hasattr(os, "getloadavg"):
            print("load average (1, 5, 15 min) at the end: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
        engine.dispose()
        if args.check and (store_rate < 100 or p95 > 50):
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
