"""Fuzzing every reader, and the extractor on what the readers return, with hypothesis.

The one property: a reader given any bytes either returns a well-formed
:class:`Document` (``str`` text that encodes as UTF-8, no ``\\r``) or raises one of
the project's clean errors (:class:`hrd.errors.HRDError`, one line). Any other
exception, or an example that burns more than ``DEADLINE_CPU_SECONDS`` of CPU
(a hang: the per-example deadline) fails. Whatever text a reader returns is
extracted; the record must validate against ``record.schema.json`` and every
statement's span must point at its text.

The default run is small (a few seconds per reader). ``HRD_FUZZ_SECONDS=N``
runs each reader for about N seconds instead (its cases share the time), in
fresh batches of random examples: ``make fuzz`` runs all six readers
(text, html, pdf, feed, dispatch, extract) for 10 minutes in total. A failing
input of a fuzz run is also written to ``.hypothesis/fuzz-failure-<reader>.txt``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import fuzzdata as fd
import jsonschema
import pytest
import trafilatura  # noqa: F401 - imported once here, so that no example pays for the import
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from hrd.errors import HRDError
from hrd.extract import extract
from hrd.read import Document, decode_text, feed_links, is_feed, read_bytes, read_html, read_pdf
from hrd.record import Record
from hrd.settings import Settings

FUZZ_SECONDS = float(os.environ.get("HRD_FUZZ_SECONDS") or 0)
DEADLINE_CPU_SECONDS = 10
"""Per example, in CPU time (a busy machine does not fail it); the inputs are at most a few hundred kB."""
SCHEMA = json.loads((Path(__file__).parent.parent / "fixtures" / "record.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
SETTINGS = Settings(max_input_bytes=2 * 1024 * 1024)
EXAMPLES: Counter[str] = Counter()

extract("warm-up: the lexicons load once, before any deadline counts")
logging.getLogger("pypdf").addHandler(logging.NullHandler())  # damaged PDFs make pypdf log a lot


class Hang(BaseException):
    """Raised in the middle of an example that burned too much CPU (a BaseException: no reader catches it)."""


def _on_cpu_alarm(signum: int, frame: FrameType | None) -> None:
    raise Hang


# -- the properties ------------------------------------------------------------------------------


def check_record(text: str, record: Record) -> None:
    data = record.to_json()
    VALIDATOR.validate(data)
    for meeting in data["meetings"]:
        for st in meeting["statements"]:
            if st["span"] is not None:
                start, end = st["span"]
                assert 0 <= start <= end <= len(text), st
                if st["text"] is not None:
                    assert text[start:end] == st["text"], st


def check_text(text: str, *, source: str | None = None, published: dt.date | None = None) -> None:
    check_record(text, extract(text, published=published, source=source))


def check_document(doc: Document) -> None:
    assert isinstance(doc, Document)
    assert isinstance(doc.text, str) and doc.text.strip()
    assert "\r" not in doc.text
    doc.text.encode("utf-8")  # no lone surrogates: the store and the web answer in UTF-8
    assert doc.title is None or isinstance(doc.title, str)
    if doc.title:
        doc.title.encode("utf-8")
    assert doc.published is None or isinstance(doc.published, dt.date)
    assert len(doc.sha256) == 64
    check_text(doc.text, source=doc.source, published=doc.published)


def clean(call: Callable[[], Any]) -> Any:
    """``call()``, or None if it raised a clean, one-line project error; anything else propagates."""
    try:
        return call()
    except HRDError as exc:
        message = str(exc)
        assert message and "\n" not in message, repr(message)
        return None


def read_text(data: bytes) -> None:
    doc = clean(lambda: decode_text(data, source="fuzz.txt"))
    if doc is not None:
        check_document(doc)


def read_page(data: bytes) -> None:
    doc = clean(lambda: read_html(data, source="https://example.org/a", url="https://example.org/a"))
    if doc is not None:
        check_document(doc)


def read_pdf_file(data: bytes) -> None:
    doc = clean(lambda: read_pdf(data, source="fuzz.pdf"))
    if doc is not None:
        check_document(doc)


def read_feed(data: bytes) -> None:
    for media_type in (None, "application/xml", "application/rss+xml"):
        assert isinstance(is_feed(data, media_type), bool)
    entries = clean(lambda: feed_links(data))
    for entry in entries or []:
        assert entry.url.startswith(("http://", "https://"))
        assert "root:" not in entry.url + (entry.title or "")  # no external entity was read
        assert entry.title is None or isinstance(entry.title, str)
        assert entry.published is None or isinstance(entry.published, dt.date)


def dispatch(args: tuple[bytes, str | None, str, str | None]) -> None:
    data, media_type, source, charset = args
    doc = clean(
        lambda: read_bytes(data, source=source, media_type=media_type, charset=charset, settings=SETTINGS)
    )
    if doc is not None:
        check_document(doc)


def text_with(args: tuple[str, str | None]) -> None:
    text, charset = args
    read_text(text.encode(charset or "utf-8", errors="surrogatepass"))


# -- the cases: (reader, name, strategy, property) -------------------------------------------------

_ANY_BASE = fd.TEXTS + fd.HTML + fd.PDFS + fd.FEEDS
CASES: list[tuple[str, str, hs.SearchStrategy[Any], Callable[[Any], None]]] = [
    ("text", "random-bytes", hs.binary(max_size=4096), read_text),
    ("text", "mutated", fd.mutated(fd.TEXTS), read_text),
    (
        "text",
        "unicode-encoded",
        hs.tuples(hs.text(max_size=2000), hs.sampled_from([None, "utf-16", "utf-32", "utf-8-sig"])),
        text_with,
    ),
    ("html", "random-bytes", hs.binary(max_size=4096).map(lambda b: b"<html><body><p>" + b), read_page),
    ("html", "mutated", fd.mutated(fd.HTML), read_page),
    ("html", "bombs", fd.html_bombs(), read_page),
    ("pdf", "random-bytes", hs.binary(max_size=4096).map(lambda b: b"%PDF-1.4\n" + b), read_pdf_file),
    ("pdf", "mutated", fd.mutated(fd.PDFS), read_pdf_file),
    ("pdf", "operators", fd.pdf_operators(), read_pdf_file),
    ("pdf", "bombs", fd.pdf_bombs(), read_pdf_file),
    ("pdf", "to-unicode", fd.pdf_tounicode(), read_pdf_file),
    ("feed", "random-bytes", hs.binary(max_size=4096), read_feed),
    ("feed", "mutated", fd.mutated(fd.FEEDS), read_feed),
    ("feed", "bombs", fd.feed_bombs(), read_feed),
    (
        "dispatch",
        "any",
        hs.tuples(
            hs.one_of(hs.binary(max_size=4096), fd.mutated(_ANY_BASE), fd.prologues()),
            fd.media_types(),
            fd.source_names(),
            fd.charsets(),
        ),
        dispatch,
    ),
    ("extract", "unicode", hs.text(max_size=3000), check_text),
    ("extract", "readout-like", fd.readout_like(), check_text),
]
_PER_READER = Counter(reader for reader, *_ in CASES)


def _budget(reader: str) -> float:
    return FUZZ_SECONDS / _PER_READER[reader]


def _settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,  # wall clock: see DEADLINE_CPU_SECONDS
        derandomize=not FUZZ_SECONDS,  # the default run is the same every time; a fuzz run is not
        suppress_health_check=list(HealthCheck),
        database=None if not FUZZ_SECONDS else settings.default.database,
        print_blob=bool(FUZZ_SECONDS),
    )


def _keep(reader: str, value: Any) -> None:
    """Write a failing input to ``.hypothesis/fuzz-failure-<reader>.txt`` (the last one is the shrunk one)."""
    if FUZZ_SECONDS:
        path = Path(".hypothesis") / f"fuzz-failure-{reader}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(repr(value) + "\n")


def _guarded(reader: str, prop: Callable[[Any], None]) -> Callable[[Any], None]:
    def run(value: Any) -> None:
        EXAMPLES[reader] += 1
        previous = signal.signal(signal.SIGPROF, _on_cpu_alarm)
        signal.setitimer(signal.ITIMER_PROF, DEADLINE_CPU_SECONDS)
        try:
            prop(value)
        except Hang:
            _keep(reader, value)
            raise AssertionError(f"hang: over {DEADLINE_CPU_SECONDS} s of CPU on one example") from None
        except Exception:
            _keep(reader, value)
            raise
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)

    run.__name__ = run.__qualname__ = f"fuzz_{reader}_{prop.__name__}"
    return run


@pytest.fixture(scope="module", autouse=True)
def _report() -> Iterator[None]:
    yield
    if FUZZ_SECONDS:
        print("\nfuzz examples per reader: " + ", ".join(f"{r} {n:,}" for r, n in sorted(EXAMPLES.items())))


@pytest.mark.parametrize(
    ("reader", "strategy", "prop"),
    [
        pytest.param(r, s, p, id=f"{r}-{name}", marks=pytest.mark.timeout(int(_budget(r)) + 600))
        for r, name, s, p in CASES
    ],
)
def test_reader_fails_only_cleanly(
    reader: str, strategy: hs.SearchStrategy[Any], prop: Callable[[Any], None]
) -> None:
    body = _guarded(reader, prop)
    if not FUZZ_SECONDS:
        _settings(12)(given(strategy)(body))()
        return
    end = time.monotonic() + _budget(reader)
    while time.monotonic() < end:
        _settings(100)(given(strategy)(body))()
