"""Ingest from files, folders, URLs and feeds; bad input gives one-line reasons and stores nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from hrd.settings import Settings
from hrd.store.engine import read, write
from hrd.store.ingest import IngestOptions, Outcome, expand_sources, ingest
from hrd.store.repo import store_document
from hrd.store.tables import Base, DocumentRow, MeetingReport, StatementRow

from .samples import TEXT_KZ, document, kz_record

PAGE = (
    "<html><head><title>EU and Uzbekistan: Human Rights Dialogue</title></head><body><article>"
    "<h1>EU and Uzbekistan hold Human Rights Dialogue</h1><p>Tashkent, 3 March 2016</p>"
    "<p>The EU and Uzbekistan held their 12th Human Rights Dialogue in Tashkent on 3 March 2016. "
    "The EU expressed concern about forced labour and called for the release of journalists. "
    "Uzbekistan informed about judicial reforms.</p></article></body></html>"
)
ROUTES: dict[str, tuple[str, str]] = {"/readout.html": ("text/html; charset=utf-8", PAGE)}
RELEASE = threading.Event()


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/never":
            RELEASE.wait(30)  # accepts the connection and never answers
            return
        content_type, body = ROUTES.get(self.path, ("text/plain", ""))
        data = body.encode()
        self.send_response(200 if self.path in ROUTES else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    RELEASE.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        RELEASE.set()
        server.shutdown()
        server.server_close()


SETTINGS = Settings(fetch_timeout=1.0, max_input_bytes=64 * 1024, allow_private_urls=True)
"""Private addresses allowed: the test server is on the loopback interface."""


def _ingest(engine: Engine, *sources: str, settings: Settings = SETTINGS, jobs: int = 1) -> list[Outcome]:
    return ingest(list(sources), engine=engine, settings=settings, options=IngestOptions(jobs=jobs)).outcomes


def _rows(engine: Engine) -> dict[str, int]:
    def count(session: object) -> dict[str, int]:
        return {
            t.name: session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables
        }  # type: ignore[attr-defined]

    return read(engine, count)


def _readout(folder: Path, name: str, text: str = TEXT_KZ) -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_text_file_is_read_extracted_and_stored(engine: Engine, tmp_path: Path) -> None:
    [outcome] = _ingest(engine, _readout(tmp_path, "kz-2020.txt"))
    assert (outcome.status, outcome.document, outcome.version) == ("ingested", "kz-2020", 1)
    assert outcome.statements >= 1  # whatever the current extractor finds, it is stored
    rows = _rows(engine)
    assert rows["documents"] == 1 and rows["statements"] == outcome.statements


def test_the_same_content_again_changes_nothing_and_a_change_is_a_new_version(
    engine: Engine, tmp_path: Path
) -> None:
    path = _readout(tmp_path, "kz.txt")
    _ingest(engine, path)
    before = _rows(engine)
    [again] = _ingest(engine, path)
    assert again.status == "unchanged"
    assert _rows(engine) == before
    _readout(tmp_path, "kz.txt", TEXT_KZ + "\nUpdated on 28 November 2020.")
    [changed] = _ingest(engine, path)
    assert (changed.status, changed.version) == ("ingested", 2)
    assert read(engine, lambda s: s.scalar(select(func.count()).where(DocumentRow.latest.is_(True)))) == 1


def test_folders_are_read_recursively_and_unknown_types_skipped(engine: Engine, tmp_path: Path) -> None:
    _readout(tmp_path, "a/one.txt")
    _readout(tmp_path, "a/b/two.txt", TEXT_KZ.replace("12th", "13th").replace("2020", "2021"))
    _readout(tmp_path, "a/notes.docx", "not a readout")
    assert [Path(p).name for p in expand_sources([str(tmp_path / "a")])] == ["two.txt", "one.txt"]
    outcomes = _ingest(engine, str(tmp_path / "a"), jobs=2)
    assert [o.status for o in outcomes] == ["ingested", "ingested"]


def test_a_url_is_fetched_and_a_feed_gives_its_entries(engine: Engine, base_url: str) -> None:
    ROUTES["/feed.rss"] = (
        "application/rss+xml",
        f"""<?xml version="1.0"?><rss version="2.0"><channel>
        <title>News</title><link>{base_url}/</link><description>d</description>
        <item><title>HRD</title><link>{base_url}/readout.html</link></item>
        <item><title>Gone</title><link>{base_url}/gone.html</link></item></channel></rss>""",
    )
    outcomes = _ingest(engine, f"{base_url}/feed.rss")
    assert [(o.source.rsplit("/", 1)[1], o.status) for o in outcomes] == [
        ("readout.html", "ingested"),
        ("gone.html", "failed"),
    ]
    assert "404" in (outcomes[1].reason or "")
    assert _ingest(engine, f"{base_url}/readout.html")[0].status == "unchanged"


NESTED = "<html><body>" + "<div>" * 100_000 + "deep" + "</div>" * 100_000 + "</body></html>"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("zero.txt", b""),
        (
            "corrupt.pdf",
            b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\nxref\n0 4\ntrailer garbage",
        ),
        ("nested.html", NESTED.encode()),
        ("menu.html", b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>"),
        ("binary.txt", bytes(range(256)) * 4),
        ("huge.txt", b"The EU and Kazakhstan met. " * 5000),
    ],
)
def test_bad_files_fail_with_a_one_line_reason_and_store_nothing(
    engine: Engine, tmp_path: Path, name: str, content: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    good = _readout(tmp_path, "good.txt")
    outcomes = _ingest(engine, str(path), good)
    bad = outcomes[0]
    assert bad.status == "failed", bad
    assert bad.reason and "\n" not in bad.reason and len(bad.reason) < 200
    assert outcomes[1].status == "ingested"  # the batch went on
    assert _rows(engine)["documents"] == 1


def test_a_url_that_times_out_fails_with_a_reason(engine: Engine, base_url: str) -> None:
    [outcome] = _ingest(
        engine, f"{base_url}/never", settings=Settings(fetch_timeout=0.5, allow_private_urls=True)
    )
    assert outcome.status == "failed"
    assert "timeout" in (outcome.reason or "")
    assert _rows(engine)["documents"] == 0


def test_a_url_on_a_private_address_fails_with_a_reason_by_default(engine: Engine, base_url: str) -> None:
    [outcome] = _ingest(
        engine, f"{base_url}/readout.html", settings=Settings(fetch_timeout=1.0, allow_private_urls=False)
    )
    assert (outcome.status, outcome.reason) == (
        "failed",
        "refused: 127.0.0.1 is a loopback address; set HRD_ALLOW_PRIVATE_URLS=1 to allow private hosts",
    )
    assert _rows(engine)["documents"] == 0


def test_refused_urls_read_by_workers_fail_with_the_same_reasons(engine: Engine, base_url: str) -> None:
    outcomes = _ingest(
        engine,
        f"{base_url}/readout.html",
        "http://[::1]:9/x",
        settings=Settings(allow_private_urls=False),
        jobs=2,
    )
    assert [o.status for o in outcomes] == ["failed", "failed"]
    assert [(o.reason or "").split(";")[0] for o in outcomes] == [
        "refused: 127.0.0.1 is a loopback address",
        "refused: ::1 is a loopback address",
    ]


def test_a_missing_file_fails_with_a_reason(engine: Engine, tmp_path: Path) -> None:
    [outcome] = _ingest(engine, str(tmp_path / "nowhere.txt"))
    assert (outcome.status, outcome.reason) == ("failed", "no such file")


def test_a_failure_inside_the_transaction_leaves_nothing_behind(engine: Engine) -> None:
    def store_then_fail(session: object) -> None:
        store_document(document=document(), record=kz_record(), extractor="t", session=session)  # type: ignore[arg-type]
        assert read(engine, lambda s: s.scalar(select(func.count()).select_from(StatementRow))) == 0
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        write(engine, store_then_fail)
    rows = _rows(engine)
    assert rows["documents"] == rows["meeting_reports"] == rows["statements"] == rows["meetings"] == 0
    assert MeetingReport.__tablename__ in rows
