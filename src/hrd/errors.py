"""The one exception tree of HRD Tracker.

Every error the library raises on purpose is an :class:`HRDError`. Each class
carries the HTTP status the web layer answers with and the exit code the CLI
ends with; both faces map errors through :func:`http_status` and
:func:`exit_code` and nowhere else.
"""

from __future__ import annotations

__all__ = [
    "AddressRefusedError",
    "ConflictError",
    "DatabaseNotReadyError",
    "EmptyInputError",
    "FetchError",
    "HRDError",
    "InputTooLargeError",
    "InvalidInputError",
    "NotFoundError",
    "PermissionDeniedError",
    "ReadError",
    "UnsupportedInputError",
    "exit_code",
    "http_status",
]


class HRDError(Exception):
    """Base class: a clean, one-line, user-facing error."""

    status: int = 500
    code: int = 1
    title: str = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InvalidInputError(HRDError):
    """The input was understood but is not acceptable."""

    status, code, title = 422, 65, "invalid input"  # EX_DATAERR


class ReadError(InvalidInputError):
    """A source could not be read as a document."""

    title = "unreadable input"


class EmptyInputError(ReadError):
    title = "empty input"


class UnsupportedInputError(ReadError):
    """Binary data, an unknown format or a language the extractor does not read."""

    status, title = 415, "unsupported input"


class InputTooLargeError(ReadError):
    status, title = 413, "input too large"


class FetchError(HRDError):
    """A URL or feed could not be fetched."""

    status, code, title = 502, 69, "fetch failed"  # EX_UNAVAILABLE


class AddressRefusedError(FetchError):
    """A URL's host is (or resolves to) a private, loopback or other non-public address."""

    status, code, title = 403, 77, "address refused"  # EX_NOPERM


class NotFoundError(HRDError):
    status, code, title = 404, 66, "not found"  # EX_NOINPUT


class ConflictError(HRDError):
    """An edit was made against a stale version."""

    status, code, title = 409, 75, "conflict"  # EX_TEMPFAIL


class PermissionDeniedError(HRDError):
    status, code, title = 403, 77, "permission denied"  # EX_NOPERM


class DatabaseNotReadyError(HRDError):
    """The database is missing or not migrated to the current revision."""

    status, code, title = 503, 78, "database not ready"  # EX_CONFIG


def http_status(error: BaseException) -> int:
    """The HTTP status the web layer answers ``error`` with."""
    return error.status if isinstance(error, HRDError) else 500


def exit_code(error: BaseException) -> int:
    """The process exit code the CLI ends with for ``error``."""
    return error.code if isinstance(error, HRDError) else 1
