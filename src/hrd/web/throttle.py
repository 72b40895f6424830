"""A brake on password guessing: failed logins per client address and per user name.

After ``limit`` failures within ``window`` from one address, or for one user name, further
attempts are refused with 429 until the oldest failure leaves the window; a successful login
clears the address's and the name's failures. In memory, per process: it slows an online guesser
down without touching the database (which audits every failed login anyway).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

from ..errors import PermissionDeniedError

__all__ = ["LoginThrottle", "TooManyAttemptsError"]


class TooManyAttemptsError(PermissionDeniedError):
    status, title = 429, "too many attempts"


class LoginThrottle:
    def __init__(
        self, *, limit: int = 10, window: float = 900.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def check(self, address: str, name: str) -> None:
        """Raise :class:`TooManyAttemptsError` if the address or the name has too many recent failures."""
        now = self.clock()
        with self._lock:
            for key in (f"addr:{address}", f"name:{name.casefold()}"):
                if len(self._recent(key, now)) >= self.limit:
                    raise TooManyAttemptsError("too many failed sign-ins: wait a few minutes and try again")

    def failed(self, address: str, name: str) -> None:
        now = self.clock()
        with self._lock:
            if len(self._failures) > 100_000:  # bounded memory under a flood of names
                self._failures.clear()
            for key in (f"addr:{address}", f"name:{name.casefold()}"):
                self._recent(key, now).append(now)

    def succeeded(self, address: str, name: str) -> None:
        with self._lock:
            self._failures.pop(f"addr:{address}", None)
            self._failures.pop(f"name:{name.casefold()}", None)
