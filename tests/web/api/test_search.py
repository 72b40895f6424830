from __future__ import annotations

from fastapi.testclient import TestClient


def test_search_statements_documents_facets(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "freedom"}).json()
    statements = body["statements"]
    assert statements["count"] >= 2
    for hit in statements["data"]:
        assert hit["snippet"]["highlights"], hit
    assert body["documents"]["count"] >= 2
    partners = dict(map(tuple, body["facets"]["partner"]))
    assert partners["KZ"] >= 2
    assert set(body["facets"]) == {"partner", "kind", "actor", "act", "topic", "year"}


def test_search_filter_narrows(client: TestClient) -> None:
    everything = client.get("/api/v1/search", params={"q": "EU"}).json()["statements"]["count"]
    mongolia = client.get("/api/v1/search", params={"q": "EU", "partner": "MN"}).json()
    assert 0 < mongolia["statements"]["count"] < everything
    assert {h["partner"] for h in mongolia["statements"]["data"]} == {"MN"}


def test_search_nothing(client: TestClient) -> None:
    body = client.get("/api/v1/search", params={"q": "zanzibar"}).json()
    assert body["statements"] == {"data": [], "count": 0}
    assert body["documents"] == {"data": [], "count": 0}
