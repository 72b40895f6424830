from __future__ import annotations

from fastapi.testclient import TestClient


def test_meetings_list_filters(client: TestClient) -> None:
    assert client.get("/api/v1/meetings").json()["count"] == 3
    kz = client.get("/api/v1/meetings", params={"partner": "KZ", "kind": "human-rights-dialogue"}).json()
    assert [m["ordinal"] for m in kz["data"]] == [12, 11]
    assert client.get("/api/v1/meetings", params={"kind": "subcommittee"}).json() == {"data": [], "count": 0}


def test_meeting_with_two_reports(client: TestClient, kz_meetings: dict[int, int]) -> None:
    body = client.get(f"/api/v1/meetings/{kz_meetings[12]}").json()
    assert body["meeting"]["ordinal"] == 12
    assert body["previous"]["ordinal"] == 11 and body["following"] is None
    keys = [r["document"]["key"] for r in body["reports"]]
    assert sorted(keys) == ["kz-2022", "kz-2022-partner"]
    statements = [s for r in body["reports"] for s in r["statements"]]
    assert len(statements) == 6
    assert all(s["version"] == 1 and s["state"] == "proposed" for s in statements)
    assert all("text" not in r for r in body["reports"]), "the JSON leaves the document texts out"
    [start] = body["facts"]["start"]
    assert start["value"] == "2022-11-15"
    assert sorted(start["documents"]) == ["kz-2022", "kz-2022-partner"]


def test_unknown_meeting_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/meetings/99999")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert client.get("/api/v1/meetings/0").status_code == 422
