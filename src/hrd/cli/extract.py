"""``hrd extract``: readout files to dialogue records."""

from __future__ import annotations

import typer

from . import app


@app.command("extract")
def extract_files(
    files: list[str] = typer.Argument(..., help="Readouts: .txt, .html/.htm, .pdf; other files are sniffed."),
    out: str | None = typer.Option(None, "--out", "-o", metavar="DIR", help="Write DIR/<stem>.json."),
) -> None:
    """Extract a dialogue record (dialogue-record/1 JSON) from each readout file.

    Without --out: one file's record is printed as JSON, several as JSON Lines.
    A bad file does not stop the batch; failures are listed at the end on stderr.
    Warnings (not English, no meeting reported) still give a valid record.

    Exit status: 0 if every file gave a record; if files failed, the code they
    share (65: empty, binary, unreadable or over 10 MB; 66: missing), else 1.
    """
    from ..extract.batch import run_batch
    from ..settings import Settings

    def note(message: str) -> None:
        typer.echo(message, err=True)

    # SystemExit, not typer.Exit: main() runs the app with standalone_mode=False, which drops Exit codes.
    raise SystemExit(run_batch(files, out=out, settings=Settings(), emit=typer.echo, note=note))
