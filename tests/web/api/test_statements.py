from __future__ import annotations

from fastapi.testclient import TestClient


def test_statements_filtered_like_search(client: TestClient) -> None:
    body = client.get("/api/v1/statements", params={"partner": "KZ", "act": "call"}).json()
    assert body["count"] == 4
    assert {s["act"] for s in body["data"]} == {"call"}
    assert {s["partner"] for s in body["data"]} == {"KZ"}
    topic = client.get("/api/v1/statements", params={"topic": "torture"}).json()
    assert topic["count"] == 1 and topic["data"][0]["topics"] == ["torture", "detention"]
    years = client.get("/api/v1/statements", params={"since": 2021, "until": 2021}).json()
    assert years["count"] == 5 and {s["date"][:4] for s in years["data"]} == {"2021"}


def test_statements_words_and_snippets(client: TestClient) -> None:
    body = client.get("/api/v1/statements", params={"q": "judiciary"}).json()
    assert body["count"] == 1
    snippet = body["data"][0]["snippet"]
    start, end = snippet["highlights"][0]
    assert snippet["text"][start:end].lower() == "judiciary"


def test_statements_pagination(client: TestClient) -> None:
    whole = client.get("/api/v1/statements", params={"limit": 50}).json()
    assert whole["count"] == 14 == len(whole["data"])
    page = client.get("/api/v1/statements", params={"offset": 10, "limit": 3}).json()
    assert page["count"] == 14
    assert [s["id"] for s in page["data"]] == [s["id"] for s in whole["data"][10:13]]


def test_one_statement(client: TestClient) -> None:
    first = client.get("/api/v1/statements", params={"topic": "torture"}).json()["data"][0]
    body = client.get(f"/api/v1/statements/{first['id']}").json()
    assert body["act"] == "concern" and body["actor"] == "EU"
    assert body["text"].startswith("The EU expressed concern about reports of torture")
    assert body["span"][1] > body["span"][0]
    assert client.get("/api/v1/statements/999999").status_code == 404


def test_bad_filters_are_422(client: TestClient) -> None:
    assert client.get("/api/v1/statements", params={"since": 1200}).status_code == 422
    assert client.get("/api/v1/statements", params={"limit": 10_000}).status_code == 422
