from __future__ import annotations

from fastapi.testclient import TestClient

from hrd.web.pages.docs import operations


def test_api_docs_page_lists_operations(client: TestClient) -> None:
    html = client.get("/api/docs").text
    assert "<code>/api/v1/partners/{partner}</code>" in html
    assert 'class="method method-post">POST</span> <code>/api/v1/review/{statement_id}/confirm</code>' in html
    assert '<form class="try" action="/api/v1/partners" method="get">' in html


def test_operations_of_a_spec() -> None:
    spec = {
        "paths": {
            "/a": {"get": {"summary": "A", "tags": ["x"]}, "parameters": []},
            "/b": {"post": {"requestBody": {"content": {"application/json": {}}}}},
        }
    }
    ops = operations(spec)
    assert [(o["method"], o["path"], o["tag"], o["body"]) for o in ops] == [
        ("GET", "/a", "x", None),
        ("POST", "/b", "other", "application/json"),
    ]
