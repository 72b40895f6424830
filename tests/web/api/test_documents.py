from __future__ import annotations

import json

from fastapi.testclient import TestClient

from ..conftest import FIXTURES


def test_documents_list(client: TestClient) -> None:
    body = client.get("/api/v1/documents").json()
    assert body["count"] == 4
    assert body["data"][0]["key"] == "kz-2022-partner", "most recently published first"


def test_document_text_record_meetings(client: TestClient) -> None:
    body = client.get("/api/v1/documents/kz-2021").json()
    assert body["text"].split() == (FIXTURES / "kz-2021.txt").read_text().split()
    assert body["record"]["schema"] == "dialogue-record/1"
    assert body["record"]["meetings"][0]["ordinal"] == 11
    assert [m["ordinal"] for m in body["meetings"]] == [11]
    assert [v["version"] for v in body["versions"]] == [1]


def test_record_download(client: TestClient) -> None:
    response = client.get("/api/v1/documents/kz-2021/record")
    assert response.status_code == 200
    assert response.headers["content-disposition"] == 'attachment; filename="kz-2021.json"'
    record = json.loads(response.content)
    assert record["document"]["id"] == "kz-2021"
    assert len(record["meetings"][0]["statements"]) == 5


def test_plain_text(client: TestClient) -> None:
    response = client.get("/api/v1/documents/mn-2020/text")
    assert response.headers["content-type"].startswith("text/plain")
    assert "Ulaanbaatar" in response.text


def test_by_sha256_prefix_and_unknown(client: TestClient) -> None:
    sha = client.get("/api/v1/documents/mn-2020").json()["record"]["document"]["sha256"]
    assert client.get(f"/api/v1/documents/{sha[:12]}").json()["document"]["key"] == "mn-2020"
    assert client.get("/api/v1/documents/no-such-doc").status_code == 404
    assert client.get("/api/v1/documents/no-such-doc/record").status_code == 404
