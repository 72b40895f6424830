"""Confidential cases for the web security tests: every confidential field holds a unique canary.

:func:`open_cases` fills the register through the API (as a case officer) of a test database
holding the hand-written readouts of tests/fixtures/web: one case with Kazakhstan, linked to its
12th dialogue, on a list handed over, with a status, a reply and charges; one with Mongolia.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi.testclient import TestClient

__all__ = ["CANARY", "Cases", "canaries_in", "open_cases"]

CANARY = "Qz7canary"
"""The prefix of every canary: a string no page, record or code list holds otherwise."""


def _c(field: str, n: int) -> str:
    return f"{CANARY}{field}{n}x"


@dataclass(frozen=True)
class Cases:
    kz: int
    """A Kazakhstan case linked to the 12th dialogue (meeting ``kz_meeting``)."""
    mn: int
    kz_meeting: int
    mn_meeting: int


def _case(client: TestClient, headers: dict[str, str], partner: str, n: int, meeting: int) -> int:
    body = {
        "partner": partner,
        "name": _c("name", n),
        "category": "journalist",
        "aliases": [_c("alias", n)],
        "notes": _c("notes", n),
        "charges": [{"instrument": _c("law", n), "article": _c("article", n), "note": _c("chargenote", n)}],
        "status": {
            "status": "detained",
            "on": "2021-03-01",
            "source": _c("source", n),
            "note": _c("snote", n),
        },
    }
    made = client.post("/api/v1/cases", json=body, headers=headers)
    assert made.status_code == 201, made.text
    case_id, version = made.json()["id"], made.json()["version"]
    steps = [
        ("meetings", {"meeting_id": meeting, "note": _c("mnote", n)}),
        ("replies", {"meeting_id": meeting, "text": _c("reply", n), "source": _c("rsource", n)}),
        ("status", {"status": "sentenced", "on": "2022-05-01", "source": _c("source2", n)}),
    ]
    for path, step in steps:
        answer = client.post(
            f"/api/v1/cases/{case_id}/{path}", json={**step, "version": version}, headers=headers
        )
        assert answer.status_code == 200, answer.text
        version = answer.json()["version"]
    listed = client.post(
        f"/api/v1/cases/partners/{partner}/lists",
        json={
            "case_ids": [case_id],
            "handed_over_on": "2022-01-01",
            "meeting_id": meeting,
            "note": _c("lnote", n),
        },
        headers=headers,
    )
    assert listed.status_code == 201, listed.text
    return int(case_id)


def open_cases(client: TestClient, officer_token: str) -> Cases:
    headers = {"Authorization": f"Bearer {officer_token}"}
    meetings = {
        p: client.get("/api/v1/meetings", params={"partner": p}, headers=headers).json()["data"]
        for p in ("KZ", "MN")
    }
    kz_meeting = next(m["meeting_id"] for m in meetings["KZ"] if m["ordinal"] == 12)
    mn_meeting = meetings["MN"][0]["meeting_id"]
    return Cases(
        kz=_case(client, headers, "KZ", 1, kz_meeting),
        mn=_case(client, headers, "MN", 2, mn_meeting),
        kz_meeting=kz_meeting,
        mn_meeting=mn_meeting,
    )


def canaries_in(data: str | bytes) -> bool:
    text = data if isinstance(data, str) else data.decode("utf-8", "replace")
    return CANARY.lower() in text.lower()
