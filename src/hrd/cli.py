"""The ``hrd`` command line: a thin face over the library.

Each command parses its arguments, calls one library function and renders
the result. Errors of the library (:class:`hrd.errors.HRDError`) end the
command with a one-line message on stderr and the exit code that
:func:`hrd.errors.exit_code` gives; nothing else is caught here.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console

from . import __version__
from .errors import HRDError, exit_code

__all__ = ["app", "main"]

app = typer.Typer(
    name="hrd",
    help="HRD Tracker: a structured, searchable memory of human-rights dialogues.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False)


@app.callback()
def _root() -> None:
    """HRD Tracker: readouts in, dialogue records out, tracked across rounds."""


@app.command()
def version() -> None:
    """Print the version."""
    typer.echo(__version__)


# Commands are added below by concern; keep each one thin.


def main() -> None:
    """Entry point of the ``hrd`` console script."""
    try:
        app(standalone_mode=False)
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
        raise
