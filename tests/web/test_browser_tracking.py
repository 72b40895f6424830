"""The tracking pages in a real browser (Chromium, Playwright); screenshots under build/screenshots/."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from .test_browser import browser, page, server, shot, sync_api  # noqa: F401  (fixtures of the browser tests)

pytestmark = pytest.mark.browser


def test_partner_tracking_with_chart_downloads(server: str, page: object, tmp_path: Path) -> None:  # noqa: F811
    expect = sync_api.expect
    page.goto(server + "/partners/KZ/tracking")  # type: ignore[attr-defined]
    expect(page.locator("h1")).to_have_text("Kazakhstan: across the rounds")  # type: ignore[attr-defined]
    rows = page.locator("table.recurring tbody tr")  # type: ignore[attr-defined]
    expect(rows).to_have_count(8)
    expect(page.locator('figure.chart svg g.cell[data-stance="critical"]').first).to_be_visible()  # type: ignore[attr-defined]
    with page.expect_download() as caught:  # type: ignore[attr-defined]
        page.get_by_role("link", name="PNG").first.click()  # type: ignore[attr-defined]
    target = tmp_path / "matrix.png"
    caught.value.save_as(target)
    assert caught.value.suggested_filename == "KZ-human-rights-dialogue-matrix.png"
    assert target.read_bytes().startswith(b"\x89PNG")
    shot(page, "tracking")

    page.locator("ul.provisions a").first.click()  # type: ignore[attr-defined]
    expect(page.locator("h1")).to_contain_text("ICCPR-OP2")  # type: ignore[attr-defined]
    expect(page.locator("ol.citations li")).to_have_count(1)  # type: ignore[attr-defined]
    shot(page, "provision")


def test_follow_up_board_sets_a_status(server: str, page: object) -> None:  # noqa: F811
    expect = sync_api.expect
    page.goto(server + "/partners/KZ/follow-up?stale_after=1")  # type: ignore[attr-defined]
    items = page.locator("li.board-item")  # type: ignore[attr-defined]
    expect(items).to_have_count(4)
    expect(page.locator("li.board-item.is-stale")).to_have_count(2)  # type: ignore[attr-defined]
    first = items.first
    sid = first.get_attribute("data-item")
    first.get_by_label("Status").select_option("progressing")
    first.get_by_label("Note").fill("investigation opened")
    first.get_by_role("button", name="Save").click()
    expect(page.locator(".notice-ok")).to_have_text(f"Status of item {sid} saved.")  # type: ignore[attr-defined]
    saved = page.locator(f"#item-{sid}")  # type: ignore[attr-defined]
    expect(saved.locator(".badge").first).to_have_text("progressing")
    expect(saved).to_contain_text("investigation opened")
    shot(page, "follow-up")
    data = httpx.get(f"{server}/api/v1/partners/KZ/follow-up", params={"status": "progressing"}).json()
    assert [i["statement_id"] for i in data["items"]] == [int(sid)]


def test_benchmarks_define_and_assess(server: str, page: object) -> None:  # noqa: F811
    expect = sync_api.expect
    page.goto(server + "/partners/KZ/benchmarks")  # type: ignore[attr-defined]
    form = page.locator("form.benchmark-form")  # type: ignore[attr-defined]
    form.get_by_label("Topic").select_option("assembly")
    form.get_by_label("Expected change").fill("amend the law on assemblies")
    form.get_by_role("button", name="Add benchmark").click()
    expect(page.locator(".notice-ok")).to_have_text("Benchmark added.")  # type: ignore[attr-defined]
    section = page.locator("section.benchmark").first  # type: ignore[attr-defined]
    expect(section.locator("table.assessments tbody tr")).to_have_count(2)
    section.get_by_label("Result").select_option("partly-met")
    section.get_by_label("Note").fill("draft law tabled")
    section.get_by_role("button", name="Assess").click()
    expect(page.locator(".notice-ok")).to_have_text("Benchmark assessed.")  # type: ignore[attr-defined]
    expect(page.locator("section.benchmark").first).to_contain_text("(set by an analyst)")  # type: ignore[attr-defined]
    shot(page, "benchmarks")


def test_brief_page_with_pdf_download(server: str, page: object, tmp_path: Path) -> None:  # noqa: F811
    expect = sync_api.expect
    page.goto(server + "/partners/KZ/brief?today=2023-01-01")  # type: ignore[attr-defined]
    expect(page.locator("article.brief h1")).to_have_text("Briefing note: KZ")  # type: ignore[attr-defined]
    expect(page.locator("article.brief section#recurring table")).to_be_visible()  # type: ignore[attr-defined]
    with page.expect_download() as caught:  # type: ignore[attr-defined]
        page.get_by_role("link", name="Download PDF").click()  # type: ignore[attr-defined]
    target = tmp_path / "brief.pdf"
    caught.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF-")
    shot(page, "brief")
