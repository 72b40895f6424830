from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_home_lists_partners_counts_and_documents(client: TestClient) -> None:
    html = client.get("/").text
    assert '<a href="/partners/KZ">Kazakhstan</a>' in html
    assert '<a href="/partners/MN">Mongolia</a>' in html
    assert "12th human rights dialogue" in html
    assert '<form class="big-search" role="search" action="/search"' in html
    assert html.count('<li><a href="/documents/') == 4
    assert re.search(r"<dt>Meetings</dt><dd>3</dd>", html)


def test_partner_page_timeline_and_matrix(client: TestClient) -> None:
    html = client.get("/partners/KZ").text
    assert "<h1>Kazakhstan" in html
    assert 'class="cell stance-critical"' in html and 'class="cell stance-mixed"' in html
    assert "Torture and ill-treatment" in html
    assert "Anna Keller" in html
    assert "ICCPR-OP2" in html
    timeline = html[html.index('id="timeline-h"') :]
    assert timeline.index(">12th human rights dialogue<") < timeline.index(">11th human rights dialogue<")


def test_meeting_page_two_documents_side_by_side(client: TestClient, kz_meetings: dict[int, int]) -> None:
    html = client.get(f"/meetings/{kz_meetings[12]}").text
    assert 'class="meeting-layout docs-2"' in html
    assert html.count('class="document-pane"') == 2
    statement_ids = re.findall(r'data-statement="(\d+)"', html)
    assert len(statement_ids) == 6
    for sid in statement_ids:
        assert f'id="ev-{sid}"' in html, "every statement's evidence has an anchor"
        assert re.search(rf'data-statements="[^"]*\b{sid}\b', html)


def test_meeting_evidence_is_the_statement_text(client: TestClient, kz_meetings: dict[int, int]) -> None:
    html = client.get(f"/meetings/{kz_meetings[11]}").text
    mark = re.search(r'<span class="anchor" id="ev-(\d+)"></span><mark[^>]*>([^<]*)</mark>', html)
    assert mark is not None
    statement = client.get(f"/api/v1/statements/{mark.group(1)}").json()
    assert statement["text"].startswith(mark.group(2))


def test_document_page_text_record_download(client: TestClient) -> None:
    html = client.get("/documents/kz-2021").text
    assert "Download record (JSON)" in html and "/record" in html
    assert "Anna Keller" in html
    assert "&#34;schema&#34;: &#34;dialogue-record/1&#34;" in html or "&quot;schema&quot;" in html


def test_ingested_text_is_escaped(client: TestClient) -> None:
    text = (
        "EU and Mongolia hold 6th Human Rights Dialogue <script>alert('x')</script>\n\n"
        "Ulaanbaatar, 2 May 2024\n\nThe European Union and Mongolia held the sixth round of their Human "
        "Rights Dialogue in Ulaanbaatar on 2 May 2024. The EU expressed concern about <b>torture</b> "
        "and <img src=x onerror=alert(1)> prisons.\n"
    )
    response = client.post("/api/v1/ingest/file", files={"file": ("x.txt", text.encode(), "text/plain")})
    body = response.json()
    meeting = body["meetings"][0]["meeting_id"]
    document = body["outcomes"][0]["document_id"]
    for url in (f"/meetings/{meeting}", f"/documents/{document}", "/", "/search?q=torture", "/review"):
        html = client.get(url).text
        assert "<script>alert" not in html, url
        assert "<img src=x" not in html and "<b>torture</b>" not in html, url
    assert "&lt;script&gt;" in client.get(f"/documents/{document}").text


def test_print_styles_exist(client: TestClient) -> None:
    css = client.get("/static/style.css").text
    assert "@media print" in css
    assert ".no-print" in css
