"""hrd.read.source: choosing the reader, size limits, files that cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hangs import returns_within
from pdfbytes import text_pdf

from hrd.errors import (
    EmptyInputError,
    InputTooLargeError,
    NotFoundError,
    ReadError,
    UnsupportedInputError,
)
from hrd.read import read_bytes, read_path, sniff
from hrd.read.source import format_size
from hrd.settings import Settings

FIXTURES = Path(__file__).parents[1] / "fixtures" / "read"
SETTINGS = Settings()


def test_text_file() -> None:
    doc = read_path(FIXTURES / "paraguay-2021.txt", settings=SETTINGS)
    assert doc.media_type == "text/plain"
    assert doc.text == (FIXTURES / "paraguay-2021.txt").read_text(encoding="utf-8")
    assert doc.source == str(FIXTURES / "paraguay-2021.txt")


def test_html_file() -> None:
    doc = read_path(FIXTURES / "paraguay-2021.html", settings=SETTINGS)
    assert doc.media_type == "text/html"
    assert doc.title == "EU and Paraguay hold their fifth Human Rights Dialogue"


def test_pdf_file(tmp_path: Path) -> None:
    path = tmp_path / "readout.pdf"
    path.write_bytes(text_pdf([["The EU and Paraguay held their dialogue in Brussels."]]))
    doc = read_path(path, settings=SETTINGS)
    assert doc.media_type == "application/pdf"
    assert doc.text == "The EU and Paraguay held their dialogue in Brussels."


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("readout", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("readout.dat", b"  <html><p>x</p></html>", "html"),
        ("readout", b"%PDF-1.4\n...", "pdf"),
        ("misnamed.txt", b"%PDF-1.4\n...", "pdf"),
        ("readout", b"The EU and Paraguay met.", "text"),
        ("page.htm", b"The EU and Paraguay met.", "html"),
        ("notes.md", b"<html>", "text"),
    ],
)
def test_sniff(name: str, data: bytes, kind: str) -> None:
    assert sniff(data, name=name) == kind


def test_media_type_wins_over_extension() -> None:
    assert sniff(b"<p>hello</p>", name="https://x.org/a.txt", media_type="text/html") == "html"


@pytest.mark.parametrize(
    ("data", "what"),
    [(b"PK\x03\x04rest-of-a-docx", "ZIP archive or Office"), (b"\x89PNG\r\n\x1a\n", "PNG image")],
)
def test_known_binary_formats_are_named(data: bytes, what: str) -> None:
    with pytest.raises(UnsupportedInputError, match=what):
        sniff(data, name="x.txt")


def test_feed_is_not_a_document() -> None:
    with pytest.raises(UnsupportedInputError, match="feed, not a document"):
        read_bytes((FIXTURES / "feed.rss").read_bytes(), source="feed.xml", settings=SETTINGS)


def test_upload_with_media_type() -> None:
    html = (FIXTURES / "paraguay-2021.html").read_bytes()
    doc = read_bytes(html, source="upload", media_type="text/html", settings=SETTINGS)
    assert doc.published is not None and doc.media_type == "text/html"


def test_upload_over_the_limit() -> None:
    with pytest.raises(InputTooLargeError, match=r"input is 1\.5 MB, over the 1 MB limit"):
        read_bytes(b"a" * (3 * 512 * 1024), source="upload", settings=Settings(max_input_bytes=1024 * 1024))


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:  # a sparse 11 MB file: only its size is real
        fh.truncate(11 * 1024 * 1024)
    with pytest.raises(InputTooLargeError, match="file is 11 MB, over the 10 MB limit"):
        read_path(path, settings=SETTINGS)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_device_stops_at_the_limit() -> None:
    with pytest.raises(InputTooLargeError, match=r"over the 0\.1 MB limit"):
        read_path("/dev/zero", settings=Settings(max_input_bytes=100_000))


def test_missing_file() -> None:
    with pytest.raises(NotFoundError, match="no such file"):
        read_path(FIXTURES / "does-not-exist.txt", settings=SETTINGS)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="is a directory"):
        read_path(tmp_path, settings=SETTINGS)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text")
    path.chmod(0)
    with pytest.raises(ReadError, match="permission denied"):
        read_path(path, settings=SETTINGS)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(EmptyInputError):
        read_path(path, settings=SETTINGS)


def test_binary_file_with_text_extension(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 16)
    with pytest.raises(UnsupportedInputError, match="binary data, not text"):
        read_path(path, settings=SETTINGS)


@pytest.mark.parametrize(("n", "shown"), [(10 * 1024 * 1024, "10 MB"), (12_900_000, "12.3 MB"), (0, "0 MB")])
def test_format_size(n: int, shown: str) -> None:
    assert format_size(n) == shown


def test_comments_before_the_root_element_are_sniffed_in_linear_time() -> None:
    # Found by fuzzing: the sniffer's regular expression backtracked exponentially in the number of
    # comments (40 took days). It runs in a child process that is killed if it does not return.
    code = "from hrd.read import sniff; assert sniff(b'<!---->' * 60 + b'x') == 'text'"
    assert returns_within(code, 60)
    assert sniff(b"<!-- a -->\n<!-- b --> <html><body>") == "html"
