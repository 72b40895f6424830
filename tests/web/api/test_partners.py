from __future__ import annotations

from fastapi.testclient import TestClient


def test_partners_with_counts_and_last_round(client: TestClient) -> None:
    body = client.get("/api/v1/partners").json()
    assert body["count"] == 2
    kz, mn = body["data"]
    assert (kz["partner"], mn["partner"]) == ("KZ", "MN")
    assert (kz["meetings"], kz["documents"]) == (2, 3)
    assert kz["last"]["ordinal"] == 12 and kz["last"]["start"] == "2022-11-15"
    assert kz["last"]["city"] == "Brussels"
    assert kz["kinds"] == ["human-rights-dialogue"]
    assert kz["statements"] == 11
    assert mn["last"]["ordinal"] == 4 and mn["next"] is None


def test_partners_paginated(client: TestClient) -> None:
    body = client.get("/api/v1/partners", params={"limit": 1, "offset": 1}).json()
    assert body["count"] == 2
    assert [p["partner"] for p in body["data"]] == ["MN"]


def test_partner_timeline_matrix_provisions(client: TestClient) -> None:
    view = client.get("/api/v1/partners/kz").json()
    assert view["partner"] == "KZ"
    assert [r["round"]["ordinal"] for r in view["rounds"]] == [11, 12]
    first, second = view["rounds"]
    assert {h["name"] for h in first["heads"]} == {"Anna Keller", "Aidar Bekov"}
    assert len(second["documents"]) == 2, "the 12th round is reported by two documents"
    columns = [r["ordinal"] for r in view["matrix_rounds"]]
    assert columns == [11, 12]
    rows = {row["topic"]: [c["stance"] for c in row["cells"]] for row in view["matrix"]}
    assert rows["torture"] == ["critical", None]
    assert rows["death-penalty"] == ["mixed", None], "welcomed abolition and called for ratification"
    assert rows["expression"] == ["discussed", None]
    assert rows["assembly"] == [None, "critical"]
    assert rows["general"][1] == "positive"
    provisions = [(p["instrument"], [r["ordinal"] for r in p["rounds"]]) for p in view["provisions"]]
    assert ("ICCPR-OP2", [11]) in provisions


def test_partner_matrix_size(client: TestClient) -> None:
    view = client.get("/api/v1/partners/KZ", params={"rounds": 1}).json()
    assert [r["ordinal"] for r in view["matrix_rounds"]] == [12]
    assert all(len(row["cells"]) == 1 for row in view["matrix"])
    assert client.get("/api/v1/partners/KZ", params={"rounds": 0}).json()["matrix"] == []


def test_unknown_partner_is_404(client: TestClient) -> None:
    response = client.get("/api/v1/partners/XX")
    assert response.status_code == 404
    assert response.json()["title"] == "not found"
