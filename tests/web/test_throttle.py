"""The brake on password guessing, alone and behind the login page."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from hrd.web.throttle import LoginThrottle, TooManyAttemptsError

from .test_auth import PASSWORD, app_with_user  # noqa: F401  (the fixture)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_failures_per_address_and_per_name_within_the_window() -> None:
    clock = Clock()
    throttle = LoginThrottle(limit=3, window=60, clock=clock)
    for _ in range(3):
        throttle.check("10.0.0.1", "ana")
        throttle.failed("10.0.0.1", "ana")
    with pytest.raises(TooManyAttemptsError):
        throttle.check("10.0.0.1", "bob")  # the address
    with pytest.raises(TooManyAttemptsError):
        throttle.check("10.0.0.2", "ANA")  # the name, whatever its case
    throttle.check("10.0.0.2", "bob")
    clock.now += 61
    throttle.check("10.0.0.1", "ana")


def test_success_clears_the_failures() -> None:
    throttle = LoginThrottle(limit=2, window=60, clock=Clock())
    throttle.failed("a", "ana")
    throttle.succeeded("a", "ana")
    throttle.failed("a", "ana")
    throttle.check("a", "ana")


def test_the_login_page_answers_429_after_too_many_failures(app_with_user: object) -> None:  # noqa: F811
    clock = Clock()
    app_with_user.state.login_throttle = LoginThrottle(limit=3, window=60, clock=clock)  # type: ignore[attr-defined]
    client = TestClient(app_with_user, base_url="https://hrd.example", follow_redirects=False)  # type: ignore[arg-type]
    for _ in range(3):
        assert client.post("/login", data={"name": "ana", "password": "guess"}).status_code == 401
    refused = client.post("/login", data={"name": "ana", "password": PASSWORD})
    assert refused.status_code == 429 and "set-cookie" not in refused.headers
    api = client.post("/api/v1/auth/login", json={"name": "ana", "password": PASSWORD})
    assert api.status_code == 429
    clock.now += 61
    assert client.post("/login", data={"name": "ana", "password": PASSWORD}).status_code == 303
