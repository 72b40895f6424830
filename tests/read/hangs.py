"""Running one expression in a child process that is killed if it does not return in time.

For regression tests of inputs that once made a reader take exponential or
quadratic time inside a regular expression: C code that holds the GIL cannot
be interrupted by a signal handler or a thread, but a child process can be
killed. The limits are orders of magnitude above the fixed code's time.
"""

from __future__ import annotations

import subprocess
import sys

__all__ = ["returns_within"]


def returns_within(code: str, seconds: float) -> bool:
    """True if the Python statements ``code`` run to completion within ``seconds`` (wall clock)."""
    try:
        subprocess.run([sys.executable, "-c", code], check=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        return False
    return True
