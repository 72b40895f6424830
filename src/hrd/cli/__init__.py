"""The ``hrd`` command line: a thin face over the library.

Each command parses its arguments, calls one library function and renders
the result. Errors of the library (:class:`hrd.errors.HRDError`) end the
command with a one-line message on stderr and the exit code that
:func:`hrd.errors.exit_code` gives; nothing else is caught here.
"""

from __future__ import annotations

import os
import sys

import typer
from rich.console import Console

from .. import __version__
from ..errors import HRDError, exit_code

__all__ = ["app", "err", "main", "out"]

app = typer.Typer(
    name="hrd",
    help="HRD Tracker: a structured, searchable memory of human-rights dialogues.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)
out = Console(highlight=False)


@app.callback()
def _root(
    db: str | None = typer.Option(
        None, "--db", metavar="URL", help="Database URL (default: $HRD_DATABASE_URL, else a SQLite file)."
    ),
) -> None:
    """HRD Tracker: readouts in, dialogue records out, tracked across rounds."""
    if db:
        os.environ["HRD_DATABASE_URL"] = db  # read by Settings() in every command


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


# The commands, by concern; each module registers its commands on `app` when imported.
from . import access, extract, store, track, web  # noqa: E402, F401


def main() -> None:
    """Entry point of the ``hrd`` console script."""
    try:
        # Without standalone mode, click returns (not raises) the code of `typer.Exit(code)`.
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except HRDError as exc:
        err.print(f"hrd: {exc.title}: {exc}", markup=False)
        sys.exit(exit_code(exc))
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("hrd: aborted")
        sys.exit(130)
    except KeyboardInterrupt:
        err.print("hrd: interrupted")
        sys.exit(130)
    except Exception as exc:
        # Usage errors of the command-line parser (Typer ships its own copy of click).
        show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()
            sys.exit(code)
        # A bug or an unexpected failure below us: one line, not a traceback (HRD_DEBUG=1 shows it).
        if os.environ.get("HRD_DEBUG"):
            raise
        first = (str(exc).strip().splitlines() or [""])[0][:300]
        hint = "(HRD_DEBUG=1 shows the traceback)"
        err.print(f"hrd: internal error: {type(exc).__name__}: {first} {hint}", markup=False)
        sys.exit(70)  # EX_SOFTWARE
