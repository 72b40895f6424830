"""Tracking pages: the same queries as the JSON API, forms that post back, chart and PDF downloads."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_tracking_page_shows_the_api_figures(client: TestClient) -> None:
    page = client.get("/partners/KZ/tracking")
    assert page.status_code == 200
    data = client.get("/api/v1/partners/KZ/tracking").json()
    rows = re.findall(r'<tr(?: class="long-streak")?>\s*<th scope="row">', page.text)
    assert len(rows) == len(data["series"][0]["recurring"]) == 8
    assert page.text.count("raised in the last round only<") == 3
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in page.text
    assert 'href="/partners/KZ/charts/human-rights-dialogue/matrix.png" download' in page.text
    provision = data["provisions"][0]["id"]
    assert f'href="/provisions/{provision}"' in page.text


def test_chart_downloads(client: TestClient) -> None:
    png = client.get("/partners/KZ/charts/human-rights-dialogue/timeline.png")
    assert png.headers["content-type"] == "image/png" and png.content.startswith(b"\x89PNG")
    assert 'filename="KZ-human-rights-dialogue-timeline.png"' in png.headers["content-disposition"]
    svg = client.get("/partners/KZ/charts/human-rights-dialogue/matrix.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml") and "<svg" in svg.text
    topic = client.get("/partners/KZ/charts/human-rights-dialogue/timeline.svg", params={"topic": "assembly"})
    assert "Stance timeline on Freedom of peaceful assembly" in topic.text
    assert client.get("/partners/KZ/charts/subcommittee/matrix.svg").status_code == 404
    assert client.get("/partners/KZ/charts/human-rights-dialogue/matrix.gif").status_code == 422


def test_provision_page(client: TestClient) -> None:
    provision = client.get("/api/v1/partners/KZ/tracking").json()["provisions"][0]["id"]
    page = client.get(f"/provisions/{provision}")
    assert page.status_code == 200
    assert "<h1>ICCPR-OP2 <span" in page.text and "ratify the Second Optional Protocol" in page.text


def test_follow_up_board_form(client: TestClient) -> None:
    items = client.get("/api/v1/partners/KZ/follow-up").json()["items"]
    target = items[1]["statement_id"]
    page = client.get("/partners/KZ/follow-up")
    assert page.text.count('class="board-item') == len(items) == 4
    posted = client.post(
        f"/partners/KZ/follow-up/{target}",
        data={"version": "0", "status": "fulfilled", "note": "ratified in 2023", "evidence": ""},
        follow_redirects=False,
    )
    assert posted.status_code == 303
    after = client.get(posted.headers["location"])
    assert f"Status of item {target} saved." in after.text and "ratified in 2023" in after.text
    assert (
        client.get("/api/v1/partners/KZ/follow-up", params={"status": "fulfilled"}).json()["items"][0][
            "statement_id"
        ]
        == target
    )
    again = client.post(f"/partners/KZ/follow-up/{target}", data={"version": "0", "status": "open"})
    assert again.status_code == 409 and "changed by someone else" in again.text


def test_benchmarks_page_forms(client: TestClient, kz_meetings: dict[int, int]) -> None:
    assert "No benchmark defined yet." in client.get("/partners/KZ/benchmarks").text
    added = client.post(
        "/partners/KZ/benchmarks",
        data={"kind": "human-rights-dialogue", "topic": "assembly", "change": "amend the law"},
        follow_redirects=False,
    )
    assert added.status_code == 303
    benchmark = client.get("/api/v1/partners/KZ/benchmarks").json()[0]
    assessed = client.post(
        f"/partners/KZ/benchmarks/{benchmark['id']}",
        data={"meeting_id": str(kz_meetings[12]), "result": "partly-met", "note": "draft law"},
        follow_redirects=False,
    )
    assert assessed.status_code == 303
    page = client.get("/partners/KZ/benchmarks")
    assert "(set by an analyst)" in page.text and "draft law" in page.text
    bad = client.post("/partners/KZ/benchmarks", data={"topic": "assembly", "instrument": "X", "change": "y"})
    assert bad.status_code == 422 and "either a topic or a provision" in bad.text


def test_brief_page_and_pdf(client: TestClient) -> None:
    page = client.get("/partners/KZ/brief", params={"today": "2023-01-01"})
    assert page.status_code == 200
    assert "<h1>Briefing note: KZ</h1>" in page.text and "<style>" not in page.text
    assert 'href="/partners/KZ/brief.pdf?today=2023-01-01&amp;stale_after=2"' in page.text
    pdf = client.get("/partners/KZ/brief.pdf", params={"today": "2023-01-01"})
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF-")
    assert 'filename="briefing-KZ-2023-01-01.pdf"' in pdf.headers["content-disposition"]
    assert client.get("/partners/ZZ/brief").status_code == 404
