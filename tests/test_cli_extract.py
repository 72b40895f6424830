"""``hrd extract``: the real command on hand-written files, and on the whole dev corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from hrd.cli import app
from hrd.read import read_path
from hrd.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
READOUT = FIXTURES / "read" / "paraguay-2021.txt"
SCHEMA = json.loads((FIXTURES / "record.schema.json").read_text(encoding="utf-8"))
CORPUS = (Path(__file__).parents[1] / "../shared/corpus/dev").resolve()
NOT_ENGLISH = "not English: extraction rules are for English readouts"

runner = CliRunner()


def validate(record: dict[str, Any]) -> None:
    jsonschema.validate(record, SCHEMA, format_checker=jsonschema.FormatChecker())


def span_mismatches(record: dict[str, Any], text: str) -> list[tuple[int, int]]:
    """Spans of statements whose text is not ``text[start:end]`` (no document text is shown)."""
    bad = []
    for meeting in record["meetings"]:
        for st in meeting["statements"]:
            if st.get("span") is not None:
                start, end = st["span"]
                if text[start:end] != st.get("text"):
                    bad.append((start, end))
    return bad


def hrd(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the installed entry point in a fresh interpreter, as a user would."""
    code = "from hrd.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120, check=False
    )


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:  # sparse: 11 MB on paper, nothing on disk
        fh.truncate(11 * 1024 * 1024)
    return {"empty": empty, "binary": binary, "huge": huge, "missing": tmp_path / "missing.txt"}


def test_one_file_prints_one_valid_json_record() -> None:
    result = runner.invoke(app, ["extract", str(READOUT)])
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout)
    validate(record)
    assert record["document"]["id"] == "paraguay-2021"
    assert record["document"]["source"] == str(READOUT)
    assert span_mismatches(record, READOUT.read_text(encoding="utf-8")) == []


def test_several_files_print_json_lines() -> None:
    files = [READOUT, FIXTURES / "read" / "paraguay-2021.html", FIXTURES / "read" / "no-meeting.txt"]
    result = runner.invoke(app, ["extract", *map(str, files)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    records = [json.loads(line) for line in lines]
    for record in records:
        validate(record)
    assert [r["document"]["id"] for r in records] == ["paraguay-2021", "paraguay-2021", "no-meeting"]
    html_text = read_path(files[1], settings=Settings()).text
    assert span_mismatches(records[1], html_text) == []


def test_out_dir_gets_one_file_per_input(tmp_path: Path) -> None:
    pdf_dir = tmp_path / "in"
    pdf_dir.mkdir()
    html_copy = pdf_dir / "paraguay-2021.htm"
    html_copy.write_bytes((FIXTURES / "read" / "paraguay-2021.html").read_bytes())
    out = tmp_path / "out" / "records"
    result = runner.invoke(app, ["extract", str(READOUT), str(html_copy), "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == ["paraguay-2021-2.json", "paraguay-2021.json"]
    for path in out.iterdir():
        validate(json.loads(path.read_text(encoding="utf-8")))
    assert "wrote 2 records to" in result.stderr


@pytest.mark.parametrize(
    ("name", "code", "message"),
    [
        ("empty", 65, "empty input: only whitespace"),
        ("binary", 65, "unsupported input: binary data, not text"),
        ("huge", 65, "input too large: file is 11 MB, over the 10 MB limit"),
        ("missing", 66, "not found: no such file"),
    ],
)
def test_bad_file_one_line_message_and_exit_code(
    bad_files: dict[str, Path], name: str, code: int, message: str
) -> None:
    path = bad_files[name]
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == code
    assert isinstance(result.exception, SystemExit)  # not an uncaught error
    assert result.stdout == ""
    assert result.stderr.strip() == f"hrd: {path}: {message}"


def test_non_english_text_warns_and_still_writes_a_record() -> None:
    path = FIXTURES / "read" / "non-english.txt"
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    validate(record)
    assert record["document"]["language"] != "en"
    assert f"hrd: warning: {path}: {NOT_ENGLISH}" in result.stderr.splitlines()


def test_text_without_a_meeting_gives_an_empty_record() -> None:
    path = FIXTURES / "read" / "no-meeting.txt"
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    validate(record)
    assert record["meetings"] == []
    assert "no meeting reported" in result.stderr
    assert NOT_ENGLISH not in result.stderr


def test_batch_goes_on_past_bad_files_and_lists_them_at_the_end(
    tmp_path: Path, bad_files: dict[str, Path]
) -> None:
    out = tmp_path / "out"
    files = [bad_files["empty"], READOUT, bad_files["missing"], FIXTURES / "read" / "no-meeting.txt"]
    result = runner.invoke(app, ["extract", *map(str, files), "--out", str(out)])
    assert result.exit_code == 1  # 65 and 66: different codes
    assert sorted(p.name for p in out.iterdir()) == ["no-meeting.json", "paraguay-2021.json"]
    lines = result.stderr.splitlines()
    start = lines.index("hrd: 2 of 4 files failed:")
    assert lines[start + 1 :] == [
        f"  {bad_files['empty']}: empty input: only whitespace",
        f"  {bad_files['missing']}: not found: no such file",
    ]


def test_batch_failures_with_one_code_exit_with_that_code(bad_files: dict[str, Path]) -> None:
    files = [bad_files["binary"], READOUT, bad_files["huge"]]
    result = runner.invoke(app, ["extract", *map(str, files)])
    assert result.exit_code == 65
    assert len(result.stdout.splitlines()) == 1
    assert "hrd: 2 of 3 files failed:" in result.stderr


def test_no_file_is_a_usage_error() -> None:
    result = hrd("extract")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_real_entry_point_one_bad_file_one_line(bad_files: dict[str, Path]) -> None:
    result = hrd("extract", str(bad_files["binary"]))
    assert result.returncode == 65
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"hrd: {bad_files['binary']}: unsupported input: binary data, not text"
    ]


def test_real_entry_point_batch_never_shows_a_traceback(tmp_path: Path, bad_files: dict[str, Path]) -> None:
    files = [*map(str, bad_files.values()), str(READOUT)]
    result = hrd("extract", *files, "--out", str(tmp_path / "o"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert (tmp_path / "o" / "paraguay-2021.json").is_file()
    assert result.stderr.splitlines()[-5:] == [
        "hrd: 4 of 5 files failed:",
        f"  {bad_files['empty']}: empty input: only whitespace",
        f"  {bad_files['binary']}: unsupported input: binary data, not text",
        f"  {bad_files['huge']}: input too large: file is 11 MB, over the 10 MB limit",
        f"  {bad_files['missing']}: not found: no such file",
    ]


def test_unwritable_out_dir(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = runner.invoke(app, ["extract", str(READOUT), "--out", str(blocker / "sub")])
    assert result.exit_code == 1
    assert result.stderr.startswith("hrd: cannot create the output directory")


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"dev corpus not found at {CORPUS}")
def test_every_dev_corpus_record_is_valid_and_spans_match(tmp_path: Path) -> None:
    _every_record_is_valid_and_spans_match(CORPUS, tmp_path)


@pytest.mark.parametrize(
    "name",
    [
        "styles",
        "blind",
        "blind2",
        "blind3",
        "blind4",
        "blind5",
        "blind6",
        "blind7",
        "blind8",
        "blind9",
        "blind10",
        "blind11",
        "blind12",
        "blind13",
        "blind14",
        "blind15",
        "blind16",
        "blind17",
        "blind18",
        "blind19",
        "blind20",
        "blind21",
        "blind22",
        "blind23",
        "blind24",
        "blind25",
        "blind26",
        "blind27",
        "blind28",
        "blind29",
        "blind30",
        "blind31",
    ],
)
def test_every_hand_written_readout_gives_a_valid_record_whose_spans_match(name: str, tmp_path: Path) -> None:
    _every_record_is_valid_and_spans_match(FIXTURES / name, tmp_path)


def _every_record_is_valid_and_spans_match(corpus: Path, tmp_path: Path) -> None:
    docs = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".html"))
    assert docs, f"no .txt or .html documents in {corpus}"
    out = tmp_path / "records"
    result = runner.invoke(app, ["extract", *map(str, docs), "--out", str(out)])
    # Only ids and offsets are reported on failure: held-out texts must not be shown.
    failed = [line.split(":", 1)[0] for line in result.stderr.splitlines() if line.startswith("  ")]
    assert result.exit_code == 0, f"files failed: {failed}"
    invalid, mismatched = [], []
    for doc in docs:
        record = json.loads((out / f"{doc.stem}.json").read_text(encoding="utf-8"))
        errors = list(
            jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).iter_errors(
                record
            )
        )
        if errors:
            invalid.append((doc.stem, [list(e.absolute_path) for e in errors]))
        text = read_path(doc, settings=Settings()).text
        bad = span_mismatches(record, text)
        if bad:
            mismatched.append((doc.stem, bad))
    assert invalid == []
    assert mismatched == []
