"""The tracking API on the web fixtures: KZ rounds 11 (2021) and 12 (2022, two readouts), MN round 4."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

ROUND_12_RAISED = ["assembly", "judiciary", "reforms"]
ROUND_11_RAISED = ["accountability", "death-penalty", "detention", "torture", "treaties"]


def _items(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = client.get("/api/v1/partners/KZ/follow-up", params=params).json()["items"]
    return items


def test_tracking_streaks_new_and_dropped_topics(client: TestClient, kz_meetings: dict[int, int]) -> None:
    body = client.get("/api/v1/partners/kz/tracking").json()
    assert body["partner"] == "KZ"
    (hrd,) = body["series"]
    assert [r["meeting_id"] for r in hrd["rounds"]] == [kz_meetings[11], kz_meetings[12]]
    streaks = {x["topic"]: x["streak"] for x in hrd["recurring"]}
    assert streaks == {**dict.fromkeys(ROUND_12_RAISED, 1), **dict.fromkeys(ROUND_11_RAISED, 0)}
    last = hrd["per_round"][-1]
    assert (last["raised"], last["new"], last["dropped"]) == (
        ROUND_12_RAISED,
        ROUND_12_RAISED,
        ROUND_11_RAISED,
    )
    assert hrd["changes"] == []  # death penalty: welcomed and called for in the same round (mixed)
    (provision,) = body["provisions"]
    assert (provision["instrument"], provision["state"]) == ("ICCPR-OP2", "cited")
    one = client.get(f"/api/v1/provisions/{provision['id']}").json()
    assert one["partner"] == "KZ" and len(one["citations"]) == 1
    assert one["citations"][0]["statement"]["act"] == "call"
    assert client.get("/api/v1/partners/ZZ/tracking").status_code == 404
    assert client.get("/api/v1/provisions/999").status_code == 404


def test_follow_up_items_status_and_conflict(client: TestClient) -> None:
    items = _items(client)
    assert [(i["kind"], i["round"]["ordinal"]) for i in items] == [("call", 11)] * 2 + [("call", 12)] * 2
    assert [i["stale"] for i in _items(client, stale_after=1)] == [True, True, False, False]
    target = items[0]["statement_id"]
    evidence = items[2]["statement_id"]
    body = {
        "status": "progressing",
        "note": "bill drafted",
        "evidence": [evidence],
        "version": 0,
        "who": "ana",
    }
    done = client.post(f"/api/v1/follow-up/{target}", json=body)
    assert done.status_code == 200 and done.json() == {
        "statement_id": target,
        "status": "progressing",
        "version": 1,
    }
    stale = client.post(f"/api/v1/follow-up/{target}", json={**body, "status": "dropped"})
    assert stale.status_code == 409
    (item,) = _items(client, status="progressing")
    assert (item["statement_id"], item["note"], item["evidence"], item["set_by"]) == (
        target,
        "bill drafted",
        [evidence],
        "ana",
    )
    # a progressing item is no longer stale
    assert [i["stale"] for i in _items(client, stale_after=1)] == [False, True, False, False]
    welcome = client.get("/api/v1/statements", params={"partner": "KZ", "act": "welcome"}).json()["data"][0][
        "id"
    ]
    refused = client.post(f"/api/v1/follow-up/{welcome}", json={"status": "open", "version": 0})
    assert refused.status_code == 422 and "only calls and commitments" in refused.json()["detail"]


def test_benchmarks_define_assess_and_history(client: TestClient, kz_meetings: dict[int, int]) -> None:
    made = client.post(
        "/api/v1/partners/KZ/benchmarks",
        json={"instrument": "ICCPR-OP2", "change": "ratify", "note": "since 2015", "who": "ana"},
    )
    assert made.status_code == 201
    benchmark = made.json()
    assert [r["result"] for r in benchmark["rounds"]] == ["not-met", "no-information"]
    assert benchmark["current"] == "not-met"
    assessed = client.post(
        f"/api/v1/benchmarks/{benchmark['id']}/assessments",
        json={"meeting_id": kz_meetings[12], "result": "met", "note": "ratified", "who": "ben"},
    )
    assert assessed.status_code == 201
    (listed,) = client.get("/api/v1/partners/KZ/benchmarks").json()
    assert [(r["result"], r["set_by_analyst"]) for r in listed["rounds"]] == [
        ("not-met", False),
        ("met", True),
    ]
    assert [(h["result"], h["who"]) for h in listed["history"]] == [("met", "ben")]
    wrong = client.post(
        f"/api/v1/benchmarks/{benchmark['id']}/assessments", json={"meeting_id": 999_999, "result": "met"}
    )
    assert wrong.status_code == 404
    both = client.post(
        "/api/v1/partners/KZ/benchmarks", json={"topic": "torture", "instrument": "X", "change": "y"}
    )
    assert both.status_code == 422
