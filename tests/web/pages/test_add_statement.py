"""Adding a statement the extraction missed, from the document page."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi.testclient import TestClient

from hrd.read.document import Document
from hrd.record import DocumentInfo, Meeting, Record
from hrd.store.engine import write
from hrd.store.repo import store_document

from ..conftest import document_id

EVIDENCE = "called on Kazakhstan to investigate all allegations promptly"


def form(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "meeting": "0",
        "actor": "EU",
        "act": "call",
        "topics": ["torture", "accountability"],
        "text": EVIDENCE,
        "ref_instrument": ["criminal code", "", ""],
        "ref_article": ["Art. 146", "", ""],
    }
    return {**data, **changes}


def added(client: TestClient) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = client.get("/api/v1/review", params={"state": "added"}).json()["data"]
    return data


def test_the_document_page_offers_the_form(client: TestClient) -> None:
    doc = document_id(client, "kz-2021")
    html = client.get(f"/documents/{doc}").text
    assert f'action="/documents/{doc}/statements"' in html
    assert '<option value="KZ" >KZ (Kazakhstan)</option>' in html and '<option value="both" >' in html
    assert 'name="meeting" value="0"' in html  # one meeting: no choice to make
    assert html.count('name="ref_instrument"') == 3


def test_add_a_statement(client: TestClient) -> None:
    doc = document_id(client, "kz-2021")
    response = client.post("/documents/kz-2021/statements", data=form(), follow_redirects=False)
    assert response.status_code == 303
    [item] = added(client)
    assert response.headers["location"] == f"/documents/{doc}?added={item['id']}#added"
    text = client.get("/api/v1/documents/kz-2021/text").text
    start, end = item["span"]
    assert text[start:end] == item["text"] == EVIDENCE
    assert (item["state"], item["actor"], item["act"], item["topics"]) == (
        "added",
        "EU",
        "call",
        ["torture", "accountability"],
    )
    assert item["legal_refs"] == [{"instrument": "Criminal Code", "article": "146"}]
    page = client.get(response.headers["location"]).text
    assert f"Statement {item['id']} added" in page and f"characters {start}–{end}" in page
    record = client.get("/api/v1/documents/kz-2021/record").json()
    assert EVIDENCE in [s["text"] for s in record["meetings"][0]["statements"]]


def test_text_copied_across_a_line_break_is_found_and_stored_as_in_the_document(client: TestClient) -> None:
    response = client.post("/documents/mn-2020/statements", data=form(actor="MN", text="Mongolia\nheld"))
    assert response.status_code == 200  # followed the redirect
    [item] = added(client)
    text = client.get("/api/v1/documents/mn-2020/text").text
    assert text[item["span"][0] : item["span"][1]] == item["text"] == "Mongolia held"


def test_text_not_in_the_document_keeps_the_form_and_stores_nothing(client: TestClient) -> None:
    typed = "The EU <b>praised</b> the weather"
    response = client.post("/documents/kz-2021/statements", data=form(text=typed))
    assert response.status_code == 422
    html = response.text
    assert "Not added: invalid input" in html and "does not occur in the document" in html
    assert "The EU &lt;b&gt;praised&lt;/b&gt; the weather</textarea>" in html and "<b>praised" not in html
    assert '<option value="call" selected>' in html
    assert '<option value="torture" selected>' in html and '<option value="accountability" selected>' in html
    assert '<option value="EU" selected>' in html
    assert 'value="criminal code"' in html and 'value="Art. 146"' in html
    assert added(client) == []


def test_unknown_act_and_empty_text(client: TestClient) -> None:
    response = client.post("/documents/kz-2021/statements", data=form(act="shout"))
    assert response.status_code == 422 and "unknown act &#39;shout&#39;" in response.text
    assert f"{EVIDENCE}</textarea>" in response.text
    response = client.post("/documents/kz-2021/statements", data=form(text="  "))
    assert response.status_code == 422 and "give the evidence" in response.text
    response = client.post("/documents/kz-2021/statements", data=form(topics=["weather"]))
    assert response.status_code == 422 and "unknown topic &#39;weather&#39;" in response.text
    response = client.post("/documents/kz-2021/statements", data=form(actor="MN"))
    assert response.status_code == 422 and "not a party of that meeting (EU, KZ, both)" in response.text
    response = client.post(
        "/documents/kz-2021/statements", data=form(ref_instrument=["", ""], ref_article=["5", ""])
    )
    assert response.status_code == 422 and "needs its instrument" in response.text
    assert added(client) == []


def test_words_standing_twice_are_placed_by_the_analyst(client: TestClient) -> None:
    data = form(actor="both", act="discuss", topics=["general"], text="Human Rights Dialogue")
    response = client.post("/documents/mn-2020/statements", data=data)
    assert response.status_code == 200 and "stand 2 times in the text" in response.text
    assert added(client) == []
    text = client.get("/api/v1/documents/mn-2020/text").text
    second = text.index("Human Rights Dialogue", text.index("Human Rights Dialogue") + 1)
    assert f'name="occurrence" value="{second}" >' in response.text  # offered, the first one checked
    response = client.post(
        "/documents/mn-2020/statements", data={**data, "occurrence": str(second)}, follow_redirects=False
    )
    assert response.status_code == 303
    [item] = added(client)
    assert item["span"] == [second, second + len("Human Rights Dialogue")]


def test_a_document_of_two_meetings_asks_which(client: TestClient) -> None:
    text = "EU-Chile dialogues. The dialogue was held. The subcommittee met. The EU raised migration."
    meetings = [
        Meeting(kind="human-rights-dialogue", parties=["EU", "CL"], start=dt.date(2024, 5, 2)),
        Meeting(kind="subcommittee", parties=["EU", "CL"], start=dt.date(2024, 5, 3)),
    ]
    record = Record(document=DocumentInfo(id="cl-2024"), meetings=meetings)
    document = Document(text=text, source="cl-2024.txt", media_type="text/plain")
    engine = client.app.state.engine  # type: ignore[attr-defined]
    write(engine, lambda s: store_document(document=document, record=record, extractor="test", session=s))
    html = client.get("/documents/cl-2024").text
    assert '<select id="add-meeting" name="meeting">' in html and "Subcommittee, 3 May 2024" in html
    data = form(
        meeting="1",
        topics=["migration"],
        act="raise",
        text="The EU raised migration.",
        ref_instrument=[],
        ref_article=[],
    )
    response = client.post("/documents/cl-2024/statements", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text[response.text.find("Not added") :][:300]
    [item] = added(client)
    meeting = client.get(f"/api/v1/meetings/{item['meeting_id']}").json()
    assert meeting["meeting"]["kind"] == "subcommittee"
    bad = client.post("/documents/cl-2024/statements", data={**data, "meeting": "7"})
    assert bad.status_code == 422 and "choose one of the meetings" in bad.text


def test_a_viewer_is_refused_and_sees_no_form(client: TestClient, role_tokens: dict[str, str]) -> None:
    viewer = {"Authorization": f"Bearer {role_tokens['viewer']}"}
    response = client.post("/documents/kz-2021/statements", data=form(), headers=viewer)
    assert response.status_code == 403
    assert added(client) == []
    assert "/statements" not in client.get("/documents/kz-2021", headers=viewer).text


def test_an_unknown_document_is_a_404_page(client: TestClient) -> None:
    response = client.post("/documents/no-such-doc/statements", data=form())
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")


def test_a_cross_site_post_is_refused(client: TestClient) -> None:
    response = client.post(
        "/documents/kz-2021/statements", data=form(), headers={"origin": "http://elsewhere.example"}
    )
    assert response.status_code == 403
    assert added(client) == []
