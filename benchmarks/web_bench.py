"""Web page latency with 10,000 documents: server time of the partner and meeting pages (and their JSON).

The database is built by varying the bundled examples (examples/readouts, design documents only):
each base readout is extracted once, then every variant stores the base text (plus a reference
line, so each text is distinct) with the base record moved to another partner (one of
``--partners``) and to a round and date of its own. Each partner thus gets a long history of
rounds, like a real dialogue partner over decades. The database is kept in build/bench/ and reused
while it holds the requested number of documents.

Requests go through the ASGI app in process (routing, query, rendering, middleware: the server's
time without the network). Figures, not pass/fail; ``--check`` exits 1 if a p95 is over 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select

from hrd.extract import extract
from hrd.extract.gazetteer import gazetteer
from hrd.read.document import Document
from hrd.record import Meeting, Record
from hrd.settings import Settings
from hrd.store.engine import make_engine, read, upgrade, write
from hrd.store.repo import store_document
from hrd.store.tables import DocumentRow, MeetingRow
from hrd.web import create_app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "readouts"
TARGET_MS = 100.0


def bases() -> dict[str, tuple[str, Record]]:
    """The design examples (never the held-out ones), each with its extracted record."""
    split = json.loads((ROOT / "eval" / "split.json").read_text(encoding="utf-8"))
    design = set(split["design"])
    out = {}
    for path in sorted(EXAMPLES.glob("*.txt")):
        if path.stem not in design:
            continue
        text = path.read_text(encoding="utf-8")
        record = extract(text, source=path.stem)
        if record.meetings:
            out[path.stem] = (text, record)
    if not out:
        raise SystemExit(f"no design examples with meetings in {EXAMPLES}")
    return out


def _moved(meeting: Meeting, partner: str, old: set[str], n: int) -> Meeting:
    start = dt.date(1980 + n // 3, 1 + (n % 3) * 4, 10)
    days = (meeting.end - meeting.start).days if meeting.start and meeting.end else 0
    return meeting.model_copy(
        update={
            "parties": ["EU", partner],
            "ordinal": n + 1,
            "start": start,
            "end": start + dt.timedelta(days=max(0, min(days, 3))),
            "country": partner if meeting.country in old else meeting.country,
            "heads": [
                h.model_copy(update={"party": partner if h.party in old else h.party}) for h in meeting.heads
            ],
            "statements": [
                s.model_copy(update={"actor": partner if s.actor in old else s.actor})
                for s in meeting.statements
            ],
        }
    )


def variant(base: tuple[str, Record], i: int, partner: str, n: int) -> tuple[Document, Record]:
    text, record = base
    old = {p for m in record.meetings for p in m.parties if p != "EU"}
    meetings = [_moved(m, partner, old, n * 3 + k) for k, m in enumerate(record.meetings)]
    info = record.document.model_copy(update={"id": f"{record.document.id}-v{i:05d}", "sha256": None})
    body = f"{text.rstrip()}\n\nReference: HRD-WEB-BENCH-{i:06d}\n"
    document = Document(text=body, source=f"bench:{i}", media_type="text/plain", title=info.title)
    return document, Record(document=info, meetings=meetings)


def build(path: Path, count: int, partners: int) -> None:
    """Fill a fresh database at ``path`` with ``count`` varied documents."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    base = bases()
    names = sorted(base)
    codes = sorted(c for c in gazetteer().country_names if len(c) == 2)[:partners]
    start = time.perf_counter()
    batch = 100
    for first in range(0, count, batch):

        def work(session: object, first: int = first) -> None:
            for i in range(first, min(first + batch, count)):
                name = names[i % len(names)]
                partner = codes[(i // len(names)) % len(codes)]
                n = i // (len(names) * len(codes)) * len(names) + i % len(names)
                document, record = variant(base[name], i, partner, n)
                store_document(document=document, record=record, extractor="bench", session=session)  # type: ignore[arg-type]

        write(engine, work)  # type: ignore[arg-type]
        done = min(first + batch, count)
        if done % 1000 == 0:
            print(f"  {done} documents stored ({done / (time.perf_counter() - start):.0f}/s)", flush=True)
    engine.dispose()


def documents_in(path: Path) -> int:
    if not path.exists():
        return 0
    engine = make_engine(f"sqlite:///{path}")
    try:
        return int(read(engine, lambda s: s.scalar(select(func.count()).select_from(DocumentRow))) or 0)
    finally:
        engine.dispose()


def timings(client: TestClient, urls: list[str]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds of each request (CPU: the whole process, client included)."""
    wall, cpu = [], []
    for url in urls:
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: {response.status_code} {response.text[:200]}")
    return wall, cpu


def _p95(ms: list[float]) -> float:
    ms = sorted(ms)
    return ms[max(0, round(0.95 * len(ms)) - 1)]


def summary(name: str, measured: tuple[list[float], list[float]]) -> float:
    wall, cpu = measured
    print(
        f"{name:<22} n={len(wall):<4} wall p50 {statistics.median(wall):6.1f}  p95 {_p95(wall):6.1f}  "
        f"max {max(wall):6.1f} ms | cpu p50 {statistics.median(cpu):5.1f}  p95 {_p95(cpu):5.1f} ms"
    )
    return _p95(wall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--partners", type=int, default=120)
    parser.add_argument("--samples", type=int, default=200, help="Requests per page kind.")
    parser.add_argument("--db", type=Path, default=ROOT / "build" / "bench" / "web.sqlite")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--check", action="store_true", help=f"Exit 1 if a p95 is over {TARGET_MS:.0f} ms.")
    args = parser.parse_args()

    if args.rebuild or documents_in(args.db) != args.documents:
        print(f"building {args.db} with {args.documents} documents over {args.partners} partners", flush=True)
        start = time.perf_counter()
        build(args.db, args.documents, args.partners)
        print(f"  built in {time.perf_counter() - start:.0f} s", flush=True)
    # Public pages as an anonymous reader (HRD_ANONYMOUS_READ): the figures are the pages' own cost.
    settings = Settings(database_url=f"sqlite:///{args.db}", anonymous_read=True)
    engine = make_engine(settings.database_url)
    try:
        upgrade(engine)  # a kept database may be behind the migrations of the checkout
    except Exception as exc:  # the pages read the core tables only; measure anyway
        print(f"note: could not migrate the kept database ({str(exc).splitlines()[0]}); measuring as it is")
    app = create_app(settings, engine=engine)
    engine = app.state.engine
    meeting_ids = read(engine, lambda s: list(s.scalars(select(MeetingRow.id))))
    with TestClient(app) as client:
        partners = [
            p["partner"] for p in client.get("/api/v1/partners", params={"limit": 500}).json()["data"]
        ]
        heaviest = max(
            partners, key=lambda p: client.get(f"/api/v1/meetings?partner={p}&limit=1").json()["count"]
        )
        rounds = client.get(f"/api/v1/meetings?partner={heaviest}&limit=1").json()["count"]
        print(
            f"database: {documents_in(args.db)} documents, {len(meeting_ids)} meetings, "
            f"{len(partners)} partners (up to {rounds} rounds each)"
        )
        rng = random.Random(7)
        partner_urls = [f"/partners/{rng.choice(partners)}" for _ in range(args.samples)]
        meeting_urls = [f"/meetings/{rng.choice(meeting_ids)}" for _ in range(args.samples)]
        timings(client, partner_urls[:10] + meeting_urls[:10])  # warm up caches and the code lists
        p95s = [
            summary("partner page (HTML)", timings(client, partner_urls)),
            summary("meeting page (HTML)", timings(client, meeting_urls)),
        ]
        summary("partner (JSON API)", timings(client, [f"/api/v1{u}" for u in partner_urls[:50]]))
        summary("meeting (JSON API)", timings(client, [f"/api/v1{u}" for u in meeting_urls[:50]]))
        summary("home page", timings(client, ["/"] * 20))
        summary(
            "search page", timings(client, ["/search?q=torture", "/search?q=death+penalty&partner=KZ"] * 10)
        )
    app.state.engine.dispose()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} (wall times include waiting for a CPU)")
    ok = all(p <= TARGET_MS for p in p95s)
    print(f"target: p95 <= {TARGET_MS:.0f} ms for partner and meeting pages: {'met' if ok else 'MISSED'}")
    return 0 if ok or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
