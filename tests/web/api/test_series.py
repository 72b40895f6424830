from __future__ import annotations

from fastapi.testclient import TestClient


def test_series_list_and_filter(client: TestClient) -> None:
    body = client.get("/api/v1/series").json()
    assert body["count"] == 2
    kz = client.get("/api/v1/series", params={"partner": "KZ"}).json()["data"]
    assert [(s["partner"], s["kind"], s["meetings"]) for s in kz] == [("KZ", "human-rights-dialogue", 2)]
    assert (kz[0]["first"], kz[0]["last"]) == ("2021-10-12", "2022-11-15")


def test_one_series_and_its_meetings(client: TestClient) -> None:
    series_id = client.get("/api/v1/series", params={"partner": "KZ"}).json()["data"][0]["id"]
    assert client.get(f"/api/v1/series/{series_id}").json()["partner"] == "KZ"
    meetings = client.get(f"/api/v1/series/{series_id}/meetings").json()
    assert [m["ordinal"] for m in meetings["data"]] == [12, 11], "newest first"


def test_unknown_series_is_404(client: TestClient) -> None:
    assert client.get("/api/v1/series/9999").status_code == 404
    assert client.get("/api/v1/series/9999/meetings").status_code == 404
