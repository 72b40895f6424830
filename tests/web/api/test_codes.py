from __future__ import annotations

from fastapi.testclient import TestClient

from hrd.codes import act_codes, topic_codes


def test_topic_codes(client: TestClient) -> None:
    body = client.get("/api/v1/codes/topics").json()
    assert body["count"] == len(body["data"]) == len(topic_codes())
    torture = next(t for t in body["data"] if t["code"] == "torture")
    assert torture["label"] and torture["group"] == "civil"


def test_act_codes(client: TestClient) -> None:
    body = client.get("/api/v1/codes/acts").json()
    assert {a["code"] for a in body["data"]} == act_codes()
    assert next(a for a in body["data"] if a["code"] == "concern")["cameo"] == "111"
