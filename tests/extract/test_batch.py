"""hrd.extract.batch: output names, the batch's exit status, per-file results."""

from __future__ import annotations

from pathlib import Path

import pytest

from hrd.extract.batch import (
    NO_MEETING,
    NOT_ENGLISH,
    FileResult,
    batch_exit_code,
    extract_document,
    extract_path,
    output_names,
    run_batch,
)
from hrd.read import Document
from hrd.settings import Settings


def test_output_names_are_stems_made_unique() -> None:
    paths = ["a/x.txt", "b/x.html", "y.pdf", "c/x", "x-2.txt"]
    assert output_names(paths) == ["x.json", "x-2.json", "y.json", "x-3.json", "x-2-2.json"]


@pytest.mark.parametrize(
    ("codes", "expected"),
    [([], 0), ([0, 0], 0), ([65], 65), ([0, 65, 65], 65), ([66, 0], 66), ([65, 66], 1)],
)
def test_batch_exit_code(codes: list[int], expected: int) -> None:
    results = [
        FileResult(path=f"f{i}", error=None if code == 0 else "reason", code=code)
        for i, code in enumerate(codes)
    ]
    assert batch_exit_code(results) == expected


def test_non_english_document_gets_both_warnings() -> None:
    doc = Document(
        text="Der Menschenrechtsdialog zwischen der Europäischen Union und dem Land fand in Berlin statt.",
        source="de.txt",
        media_type="text/plain",
    )
    record, warnings = extract_document(doc)
    assert record.document.id == "de"
    assert warnings == (NOT_ENGLISH, NO_MEETING)


def test_extract_path_reports_instead_of_raising(tmp_path: Path) -> None:
    result = extract_path(tmp_path / "absent.txt", settings=Settings())
    assert (result.record, result.error, result.code) == (None, "not found: no such file", 66)


def test_run_batch_emits_json_lines_and_notes(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("The weather in Brussels was fine and nothing else happened that day.", encoding="utf-8")
    emitted: list[str] = []
    notes: list[str] = []
    code = run_batch(
        [a, tmp_path / "b.txt"], out=None, settings=Settings(), emit=emitted.append, note=notes.append
    )
    assert code == 66
    assert len(emitted) == 1 and emitted[0].startswith('{"schema":"dialogue-record/1"')
    assert notes[-2:] == ["hrd: 1 of 2 files failed:", f"  {tmp_path / 'b.txt'}: not found: no such file"]
