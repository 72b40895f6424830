from __future__ import annotations

import re

from fastapi.testclient import TestClient

READOUT = (
    "EU and Georgia hold 13th Human Rights Dialogue\n\nTbilisi, 4 June 2021\n\n"
    "The European Union and Georgia held the 13th round of their Human Rights Dialogue in Tbilisi on "
    "4 June 2021. The EU called on Georgia to protect the freedom of assembly.\n"
)


def to_review(client: TestClient) -> int:
    match = re.search(r'<dt><a href="/review">To review</a></dt><dd>(\d+)</dd>', client.get("/").text)
    assert match is not None
    return int(match.group(1))


def test_cached_views_follow_new_documents(client: TestClient) -> None:
    assert client.get("/api/v1/partners").json()["count"] == 2
    assert client.get("/api/v1/partners").json()["count"] == 2  # from the cache
    client.post("/api/v1/ingest/file", files={"file": ("ge.txt", READOUT.encode(), "text/plain")})
    assert [p["partner"] for p in client.get("/api/v1/partners").json()["data"]] == ["GE", "KZ", "MN"]
    assert "Georgia" in client.get("/").text


def test_cached_totals_follow_review(client: TestClient) -> None:
    before = to_review(client)
    item = client.get("/api/v1/review", params={"limit": 1}).json()["data"][0]
    client.post(f"/api/v1/review/{item['id']}/confirm", json={"version": item["version"]})
    assert to_review(client) == before - 1
