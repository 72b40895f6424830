"""Extracting files in a batch: the library side of ``hrd extract``.

Each file is read (:func:`hrd.read.read_path`), extracted and written; a file
that cannot be read does not stop the batch. Per file the outcome is a
:class:`FileResult`: a record with warnings, or a one-line reason and the
exit code of its error.

Exit status of a batch (:func:`batch_exit_code`): 0 when every file gave a
record (warnings do not count); the code of the error when every failed file
failed with the same code (65 unreadable, empty, binary or oversize input; 66
missing file); 1 when the failures have different codes or a record could not
be written.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import HRDError, exit_code
from ..read import Document, read_path
from ..record import Record
from ..settings import Settings
from . import extract

__all__ = [
    "NOT_ENGLISH",
    "NO_MEETING",
    "FileResult",
    "batch_exit_code",
    "extract_document",
    "extract_path",
    "extract_paths",
    "output_names",
    "run_batch",
    "write_json",
]

NOT_ENGLISH = "not English: extraction rules are for English readouts"
NO_MEETING = 'no meeting reported: the record has "meetings": []'


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    record: Record | None = None
    warnings: tuple[str, ...] = ()
    error: str | None = None
    """One line: '<kind of error>: <reason>'."""
    code: int = 0
    """The exit code of the error (:func:`hrd.errors.exit_code`); 0 for a record."""


def extract_document(doc: Document, *, source: str | None = None) -> tuple[Record, tuple[str, ...]]:
    """The record of one read document, and the warnings about it."""
    record = extract(doc.text, published=doc.published, source=source or doc.source)
    warnings: list[str] = []
    if record.document.language != "en":
        warnings.append(NOT_ENGLISH)
    if not record.meetings:
        warnings.append(NO_MEETING)
    return record, tuple(warnings)


def _failure(path: str, exc: BaseException) -> FileResult:
    if isinstance(exc, HRDError):
        reason = f"{exc.title}: {exc}"
    else:  # a bug in a stage must not stop the batch nor print a traceback
        reason = f"internal error: {type(exc).__name__}: {exc}".splitlines()[0]
    return FileResult(path=path, error=reason, code=exit_code(exc))


def extract_path(path: str | Path, *, settings: Settings) -> FileResult:
    """Read and extract one file; never raises for a bad file."""
    try:
        record, warnings = extract_document(read_path(path, settings=settings), source=str(path))
    except Exception as exc:
        return _failure(str(path), exc)
    return FileResult(path=str(path), record=record, warnings=warnings)


def extract_paths(paths: Iterable[str | Path], *, settings: Settings) -> Iterator[FileResult]:
    """:func:`extract_path` over ``paths``, one result at a time."""
    for path in paths:
        yield extract_path(path, settings=settings)


def output_names(paths: Iterable[str | Path]) -> list[str]:
    """``<stem>.json`` per path; a stem used twice gets ``-2``, ``-3``..."""
    names: list[str] = []
    used: set[str] = set()
    for path in paths:
        stem = Path(path).stem or "document"
        name, n = f"{stem}.json", 1
        while name in used:
            n += 1
            name = f"{stem}-{n}.json"
        used.add(name)
        names.append(name)
    return names


def write_json(record: Record, path: Path) -> None:
    """Write ``record`` to ``path`` atomically (a temporary file renamed into place)."""
    data = json.dumps(record.to_json(), ensure_ascii=False, indent=2) + "\n"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def batch_exit_code(results: Iterable[FileResult]) -> int:
    """0 if no file failed; the common code of the failures; else 1."""
    codes = {r.code for r in results if r.error is not None}
    if not codes:
        return 0
    return codes.pop() if len(codes) == 1 else 1


def run_batch(
    files: Sequence[str | Path],
    *,
    out: str | Path | None,
    settings: Settings,
    emit: Callable[[str], None],
    note: Callable[[str], None],
) -> int:
    """Extract ``paths``, write the records, report; return the exit status.

    With ``out`` each record goes to ``out/<stem>.json``; without it a single
    file's record is printed as JSON through ``emit`` and several records as
    JSON Lines. ``note`` receives the one-line messages for stderr: warnings
    as they happen, then the list of failures.
    """
    paths = [Path(f) for f in files]
    out = Path(out) if out is not None else None
    names = output_names(paths)
    results: list[FileResult] = []
    written = 0
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            note(f"hrd: cannot create the output directory {out}: {exc.strerror or exc}")
            return 1
    for name, result in zip(names, extract_paths(paths, settings=settings), strict=True):
        for warning in result.warnings:
            note(f"hrd: warning: {result.path}: {warning}")
        if result.record is not None:
            try:
                if out is not None:
                    write_json(result.record, out / name)
                elif len(paths) == 1:
                    emit(json.dumps(result.record.to_json(), ensure_ascii=False, indent=2))
                else:
                    emit(json.dumps(result.record.to_json(), ensure_ascii=False, separators=(",", ":")))
                written += 1
            except OSError as exc:
                result = FileResult(
                    result.path, error=f"cannot write the record: {exc.strerror or exc}", code=1
                )
        results.append(result)
    failures = [r for r in results if r.error is not None]
    if out is not None:
        note(f"hrd: wrote {written} record{'s' if written != 1 else ''} to {out}")
    if len(paths) == 1 and failures:
        note(f"hrd: {failures[0].path}: {failures[0].error}")
    elif failures:
        note(f"hrd: {len(failures)} of {len(paths)} files failed:")
        for r in failures:
            note(f"  {r.path}: {r.error}")
    return batch_exit_code(results)
