from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient


def first(client: TestClient) -> dict[str, Any]:
    item: dict[str, Any] = client.get("/api/v1/review", params={"limit": 1}).json()["data"][0]
    return item


def test_queue_page(client: TestClient) -> None:
    html = client.get("/review").text
    assert html.count('class="review-item"') == 14
    assert 'data-key="c"' in html and "<kbd>j</kbd>" in html
    item = first(client)
    assert (
        html.index(f'data-review-item="{item["id"]}"')
        < html.index('data-review-item="', html.index("review-list") + 20) + 50
    )


def test_confirm_by_form_redirects(client: TestClient) -> None:
    item = first(client)
    response = client.post(
        f"/review/{item['id']}",
        data={"action": "confirm", "version": str(item["version"])},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert response.headers["location"] == f"/review?state=proposed&done=confirm&id={item['id']}"
    assert client.get(f"/api/v1/statements/{item['id']}").json()["state"] == "confirmed"
    page = client.get(response.headers["location"]).text
    assert f"Statement {item['id']} confirmed." in page


def test_edit_by_form(client: TestClient) -> None:
    item = first(client)
    form = {
        "action": "edit",
        "version": str(item["version"]),
        "act": "call",
        "topics": ["media", "expression"],
    }
    response = client.post(f"/review/{item['id']}", data=form, follow_redirects=False)
    assert response.status_code == 303
    statement = client.get(f"/api/v1/statements/{item['id']}").json()
    assert (statement["state"], statement["act"], statement["topics"]) == (
        "edited",
        "call",
        ["media", "expression"],
    )


def test_stale_form_is_a_conflict_on_the_page(client: TestClient) -> None:
    item = first(client)
    client.post(f"/review/{item['id']}", data={"action": "confirm", "version": str(item["version"])})
    response = client.post(
        f"/review/{item['id']}", data={"action": "reject", "version": str(item["version"])}
    )
    assert response.status_code == 409
    assert "Not saved: conflict" in response.text


def test_reject_and_states(client: TestClient) -> None:
    item = first(client)
    client.post(f"/review/{item['id']}", data={"action": "reject", "version": str(item["version"])})
    html = client.get("/review", params={"state": "rejected"}).text
    assert html.count('class="review-item"') == 1 and f'data-review-item="{item["id"]}"' in html


def test_bad_action(client: TestClient) -> None:
    item = first(client)
    response = client.post(f"/review/{item['id']}", data={"action": "explode", "version": "1"})
    assert response.status_code == 422


def test_cross_site_form_post_is_refused(client: TestClient) -> None:
    item = first(client)
    response = client.post(
        f"/review/{item['id']}",
        data={"action": "reject", "version": str(item["version"])},
        headers={"origin": "http://elsewhere.example"},
    )
    assert response.status_code == 403
    assert "another site" in response.text
    assert client.get(f"/api/v1/statements/{item['id']}").json()["state"] == "proposed"


def test_a_version_in_non_ascii_digits_is_refused_not_a_server_error(client: TestClient) -> None:
    item = first(client)
    for version in ("³", "١"):  # str.isdigit() accepts both, int() does not
        response = client.post(f"/review/{item['id']}", data={"action": "confirm", "version": version})
        assert response.status_code == 422
    assert client.get(f"/api/v1/statements/{item['id']}").json()["state"] == "proposed"
