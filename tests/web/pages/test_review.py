from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from hrd.store.engine import read
from hrd.store.review import history


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


def refs_form(item: dict[str, Any], instruments: list[str], articles: list[str]) -> dict[str, Any]:
    return {
        "action": "edit",
        "version": str(item["version"]),
        "actor": item["actor"],
        "act": item["act"],
        "topics": item["topics"],
        "legal_refs": "rows",
        "ref_instrument": instruments,
        "ref_article": articles,
    }


def test_the_edit_form_shows_the_references_with_room_for_more(client: TestClient) -> None:
    item = first(client)
    client.post(f"/review/{item['id']}", data=refs_form(item, ["Penal Code"], ["12"]))
    html = client.get("/review", params={"state": "edited"}).text
    assert 'name="ref_instrument" value="Penal Code"' in html and 'name="ref_article" value="12"' in html
    assert html.count('name="ref_instrument"') == 3  # the one cited and two empty rows
    assert '<span class="chip legal">Penal Code, art. 12</span>' in html


def test_edit_legal_references_by_form(client: TestClient) -> None:
    item = first(client)
    form = refs_form(item, ["criminal code", "", "ICCPR", ""], ["Art. 174", "", "", ""])
    response = client.post(f"/review/{item['id']}", data=form, follow_redirects=False)
    assert response.status_code == 303
    statement = client.get(f"/api/v1/statements/{item['id']}").json()
    assert statement["state"] == "edited" and statement["version"] == item["version"] + 1
    assert statement["legal_refs"] == [
        {"instrument": "Criminal Code", "article": "174"},
        {"instrument": "ICCPR", "article": None},
    ]
    assert (statement["act"], statement["topics"]) == (item["act"], item["topics"])
    engine = client.app.state.engine  # type: ignore[attr-defined]
    [entry] = read(engine, lambda s: history(statement_id=item["id"], session=s))
    assert (entry.action, entry.who) == ("edit", "admin")
    assert entry.before is not None and entry.after is not None
    assert entry.before["legal_refs"] == item["legal_refs"]
    assert entry.after["legal_refs"] == statement["legal_refs"]

    # empty rows only: the references are removed
    again = refs_form(statement, ["", ""], ["", ""])
    assert client.post(f"/review/{item['id']}", data=again, follow_redirects=False).status_code == 303
    assert client.get(f"/api/v1/statements/{item['id']}").json()["legal_refs"] == []


def test_an_edit_without_reference_rows_keeps_the_references(client: TestClient) -> None:
    item = first(client)
    client.post(f"/review/{item['id']}", data=refs_form(item, ["Penal Code"], ["12"]))
    edited = client.get(f"/api/v1/statements/{item['id']}").json()
    form = {"action": "edit", "version": str(edited["version"]), "act": "call", "topics": edited["topics"]}
    assert client.post(f"/review/{item['id']}", data=form, follow_redirects=False).status_code == 303
    assert client.get(f"/api/v1/statements/{item['id']}").json()["legal_refs"] == edited["legal_refs"]


def test_stale_reference_edit_is_a_conflict_and_changes_nothing(client: TestClient) -> None:
    item = first(client)
    client.post(f"/review/{item['id']}", data={"action": "confirm", "version": str(item["version"])})
    response = client.post(f"/review/{item['id']}", data=refs_form(item, ["Penal Code"], ["12"]))
    assert response.status_code == 409
    assert "Not saved: conflict" in response.text and "reload and review again" in response.text
    assert client.get(f"/api/v1/statements/{item['id']}").json()["legal_refs"] == item["legal_refs"]


def test_an_article_without_instrument_is_a_message(client: TestClient) -> None:
    item = first(client)
    response = client.post(f"/review/{item['id']}", data=refs_form(item, ["", "Penal Code"], ["5", ""]))
    assert response.status_code == 422
    assert "legal reference 1: article &#39;5&#39; needs its instrument" in response.text
    assert client.get(f"/api/v1/statements/{item['id']}").json()["version"] == item["version"]


def test_a_viewer_may_not_edit(client: TestClient, role_tokens: dict[str, str]) -> None:
    item = first(client)
    viewer = {"Authorization": f"Bearer {role_tokens['viewer']}"}
    form = refs_form(item, ["Penal Code"], ["12"])
    assert client.post(f"/review/{item['id']}", data=form, headers=viewer).status_code == 403
    assert client.get(f"/api/v1/statements/{item['id']}").json()["version"] == item["version"]
