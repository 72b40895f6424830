from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def first_proposed(client: TestClient) -> dict[str, Any]:
    item: dict[str, Any] = client.get("/api/v1/review", params={"limit": 1}).json()["data"][0]
    return item


def test_queue_is_least_confident_first(client: TestClient) -> None:
    body = client.get("/api/v1/review").json()
    assert body["count"] == 14
    confidences = [s["confidence"] for s in body["data"]]
    assert confidences == sorted(confidences)
    assert {s["state"] for s in body["data"]} == {"proposed"}
    kz = client.get("/api/v1/review", params={"partner": "MN"}).json()
    assert kz["count"] == 3


def test_confirm_then_stale_version_conflicts(client: TestClient) -> None:
    item = first_proposed(client)
    done = client.post(
        f"/api/v1/review/{item['id']}/confirm", json={"version": item["version"], "who": "ana"}
    )
    assert done.status_code == 200
    assert done.json()["state"] == "confirmed" and done.json()["version"] == item["version"] + 1
    stale = client.post(f"/api/v1/review/{item['id']}/reject", json={"version": item["version"]})
    assert stale.status_code == 409
    assert stale.headers["content-type"] == "application/problem+json"
    assert stale.json()["title"] == "conflict"
    confirmed = client.get("/api/v1/review", params={"state": "confirmed"}).json()
    assert [s["id"] for s in confirmed["data"]] == [item["id"]]


def test_edit_changes_act_and_topics(client: TestClient) -> None:
    item = first_proposed(client)
    body = {"version": item["version"], "act": "concern", "topics": ["torture", "media"]}
    response = client.post(f"/api/v1/review/{item['id']}/edit", json=body)
    assert response.status_code == 200, response.text
    edited = response.json()
    assert (edited["state"], edited["act"], edited["topics"]) == ("edited", "concern", ["torture", "media"])
    assert edited["actor"] == item["actor"], "fields left out stay"


def test_edit_with_unknown_code_is_422(client: TestClient) -> None:
    item = first_proposed(client)
    response = client.post(f"/api/v1/review/{item['id']}/edit", json={"version": 1, "topics": ["nonsense"]})
    assert response.status_code == 422
    assert "nonsense" in response.json()["detail"]
    assert client.get(f"/api/v1/statements/{item['id']}").json()["state"] == "proposed"


def test_reject_removes_from_the_meeting(client: TestClient) -> None:
    item = first_proposed(client)
    response = client.post(f"/api/v1/review/{item['id']}/reject", json={"version": item["version"]})
    assert response.json()["state"] == "rejected"
    meeting = client.get(f"/api/v1/meetings/{item['meeting_id']}").json()
    ids = [s["id"] for r in meeting["reports"] for s in r["statements"]]
    assert item["id"] not in ids


def test_add_a_statement(client: TestClient) -> None:
    body = {"document": "mn-2020", "actor": "EU", "act": "stress", "topics": ["general"], "text": "Added."}
    response = client.post("/api/v1/review/add", json=body)
    assert response.status_code == 201, response.text
    added = response.json()
    assert (added["state"], added["document"], added["text"]) == ("added", "mn-2020", "Added.")
    meeting = client.get(f"/api/v1/meetings/{added['meeting_id']}").json()
    assert added["id"] in [s["id"] for r in meeting["reports"] for s in r["statements"]]


def test_add_to_unknown_document_or_meeting_is_404(client: TestClient) -> None:
    body = {"document": "nope", "actor": "EU", "act": "stress", "topics": ["general"]}
    assert client.post("/api/v1/review/add", json=body).status_code == 404
    body = {"document": "mn-2020", "meeting": 3, "actor": "EU", "act": "stress", "topics": ["general"]}
    assert client.post("/api/v1/review/add", json=body).status_code == 404


def test_unknown_statement_is_404(client: TestClient) -> None:
    assert client.post("/api/v1/review/99999/confirm", json={"version": 1}).status_code == 404
