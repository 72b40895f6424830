"""Optional renderers (PNG, XLSX, PDF): imported on demand, with one clean error when missing."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import HRDError

__all__ = ["RendererUnavailableError", "optional_module"]


class RendererUnavailableError(HRDError):
    """An output format needs a library that is not installed.

    A member of the one error tree (mapped through :func:`hrd.errors.http_status`
    and :func:`hrd.errors.exit_code` like any other); it belongs in
    ``hrd/errors.py`` once that shared file may be edited.
    """

    status, code, title = 501, 69, "format unavailable"  # EX_UNAVAILABLE


def optional_module(name: str, purpose: str, package: str | None = None) -> ModuleType:
    """Import ``name`` or raise :class:`RendererUnavailableError` naming the package to install."""
    try:
        return importlib.import_module(name)
    except (ImportError, OSError):  # OSError: the package is there, its C library is not
        raise RendererUnavailableError(
            f"{purpose} unavailable: the Python package {package or name!r} is not installed"
        ) from None
