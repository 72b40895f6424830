"""The UI in a real browser: Debian's Chromium driven by Playwright against a uvicorn server.

Every page visited is saved as a screenshot under build/screenshots/.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn

from hrd.settings import Settings
from hrd.web import create_app

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
READOUT = (
    "EU and Mongolia hold 5th Human Rights Dialogue\n\nUlaanbaatar, 20 May 2023\n\n"
    "The European Union and Mongolia held the fifth round of their Human Rights Dialogue in Ulaanbaatar "
    "on 20 May 2023.\n\nThe EU expressed concern about the death penalty and urged Mongolia to protect "
    "journalists.\n"
)

if not CHROMIUM.exists():  # pragma: no cover - CI installs chromium with apt-get
    pytest.skip("needs /usr/bin/chromium (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, web_template: Path) -> Iterator[str]:
    path = tmp_path_factory.mktemp("browser") / "hrd.sqlite"
    shutil.copy(web_template, path)
    # Anonymous reading lets the tests check answers with plain httpx; pages speak as the admin.
    app = create_app(Settings(database_url=f"sqlite:///{path}", anonymous_read=True))
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)
    app.state.engine.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object, role_tokens: dict[str, str]) -> Iterator[object]:
    admin = {"Authorization": f"Bearer {role_tokens['admin']}"}
    context = browser.new_context(viewport={"width": 1366, "height": 900}, extra_http_headers=admin)  # type: ignore[attr-defined]
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # Error statuses are asserted where expected; anything else (a CSP violation, a script error) fails.
    pg.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource: the server responded")
            else None
        ),
    )
    yield pg
    context.close()
    assert errors == [], "the page logged errors (CSP violations show here)"


def shot(page: object, name: str, full: bool = True) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)  # type: ignore[attr-defined]


def test_home_partner_meeting_and_evidence(server: str, page: object) -> None:
    expect = sync_api.expect
    page.goto(server + "/")
    expect(page.locator("h1")).to_have_text("Human-rights dialogues at a glance")
    expect(page.locator("table.partners tbody tr")).to_have_count(2)
    shot(page, "home")
    page.keyboard.press("Tab")  # keyboard use: the first stop is the skip link, and it shows
    expect(page.locator("a.skip")).to_be_focused()
    expect(page.locator("a.skip")).to_be_in_viewport()

    page.get_by_role("link", name="Kazakhstan", exact=True).click()
    expect(page).to_have_url(server + "/partners/KZ")
    expect(page.locator("table.matrix td.stance-critical").first).to_be_visible()
    shot(page, "partner")

    page.locator(".timeline").get_by_role("link", name="12th human rights dialogue", exact=True).click()
    expect(page.locator(".document-pane")).to_have_count(2)
    link = page.locator("a.statement-link").nth(3)
    sid = link.get_attribute("data-statement")
    link.click()
    mark = page.locator(f'mark.evidence[data-statements~="{sid}"]').first
    expect(mark).to_have_class("evidence is-selected")
    expect(page.locator(f"#st-{sid}")).to_have_class("statement is-selected")
    in_view = (
        "sel => { const el = document.querySelector(sel); const r = el.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }"
    )
    # Smooth scrolling takes a moment: wait (up to 10 s) until the evidence is in view.
    page.wait_for_function(in_view, arg=f'mark.evidence[data-statements~="{sid}"]', timeout=10_000)
    assert page.evaluate("location.hash") == f"#ev-{sid}"
    shot(page, "meeting", full=False)

    page.goto(server + f"/meetings/{page.url.split('/meetings/')[1].split('#')[0]}#ev-{sid}")
    expect(page.locator(f'mark.evidence[data-statements~="{sid}"]').first).to_have_class(
        "evidence is-selected"
    )


def test_search_with_a_facet(server: str, page: object) -> None:
    expect = sync_api.expect
    page.goto(server + "/search?q=EU")
    expect(page.locator("li.hit mark").first).to_be_visible()
    page.locator('.facets a[data-facet="partner"][data-value="MN"]').click()
    expect(page).to_have_url(server + "/search?q=EU&partner=MN")
    hits = page.locator("li.hit")
    expect(page.locator(".active-filters")).to_contain_text("Mongolia")
    for i in range(hits.count()):
        expect(hits.nth(i)).to_contain_text("Mongolia")
    shot(page, "search")


def test_upload_a_readout_and_see_its_meeting(server: str, page: object, tmp_path: Path) -> None:
    expect = sync_api.expect
    file = tmp_path / "mn-2023.txt"
    file.write_text(READOUT)
    page.goto(server + "/ingest")
    page.get_by_label("Readout file").set_input_files(str(file))
    page.get_by_role("button", name="Upload and extract").click()
    expect(page.locator("#ingest-result")).to_contain_text("ingested")
    shot(page, "ingest")
    page.locator(".meetings-found a").first.click()
    expect(page.locator("h1")).to_contain_text("5th human rights dialogue")
    expect(page.locator(".doc-text")).to_contain_text("protect journalists")

    page.goto(server + "/ingest")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page.get_by_label("Readout file").set_input_files(str(empty))
    page.get_by_role("button", name="Upload and extract").click()
    expect(page.locator("#ingest-error")).to_contain_text("the file is empty")
    shot(page, "ingest-error")


def test_confirm_and_edit_proposed_statements(server: str, page: object) -> None:
    expect = sync_api.expect
    page.goto(server + "/review")
    first = page.locator("[data-review-item]").first
    first_id = first.get_attribute("data-review-item")
    shot(page, "review", full=False)
    page.keyboard.press("c")  # keyboard shortcut: confirm the current item
    expect(page.locator(".notice-ok")).to_have_text(f"Statement {first_id} confirmed.")
    state = httpx.get(f"{server}/api/v1/statements/{first_id}").json()["state"]
    assert state == "confirmed"

    second = page.locator("[data-review-item]").first
    second_id = second.get_attribute("data-review-item")
    assert second_id != first_id
    page.keyboard.press("e")
    expect(second.locator("details.edit")).to_have_attribute("open", "")
    second.get_by_label("Act", exact=True).select_option("concern")
    second.get_by_label("Topics").select_option(["torture", "detention"])
    shot(page, "review-edit", full=False)
    second.get_by_role("button", name="Save").click()
    expect(page.locator(".notice-ok")).to_have_text(f"Statement {second_id} saved.")
    edited = httpx.get(f"{server}/api/v1/statements/{second_id}").json()
    assert (edited["state"], edited["act"], edited["topics"]) == (
        "edited",
        "concern",
        ["torture", "detention"],
    )


def test_other_pages_render(server: str, page: object, browser: object) -> None:
    expect = sync_api.expect
    page.goto(server + "/documents/kz-2021")
    expect(page.get_by_role("link", name="Download record (JSON)")).to_be_visible()
    shot(page, "document")
    page.goto(server + "/api/docs")
    expect(page.locator("h1")).to_have_text("JSON API")
    shot(page, "api-docs", full=False)
    response = page.goto(server + "/partners/ZZ")
    assert response is not None and response.status == 404
    shot(page, "error")
    mobile = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    small = mobile.new_page()
    small.goto(server + "/partners/KZ")
    assert small.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
        "no sideways scroll"
    )
    shot(small, "partner-mobile")
    small.emulate_media(media="print")
    shot(small, "partner-print")
    mobile.close()


def test_reading_works_without_javascript(server: str, browser: object) -> None:
    expect = sync_api.expect
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/partners/KZ")
    page.locator(".timeline").get_by_role("link", name="11th human rights dialogue", exact=True).click()
    link = page.locator("a.statement-link").first
    sid = link.get_attribute("data-statement")
    link.click()  # a plain link to the evidence anchor: the browser scrolls, CSS :target highlights
    assert page.url.endswith(f"#ev-{sid}")
    mark = page.locator(f"#ev-{sid} + mark.evidence")
    expect(mark).to_be_visible()
    colour = mark.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour == "rgb(255, 213, 74)", "the selected evidence is highlighted without script"
    shot(page, "meeting-no-js", full=False)
    context.close()


def test_add_a_missed_statement_from_the_document_page(server: str, page: object) -> None:
    expect = sync_api.expect
    page.goto(server + "/documents/mn-2020")
    form = page.locator("form.add-form")
    form.get_by_label("Actor").select_option("EU")
    form.get_by_label("Act", exact=True).select_option("call")
    form.get_by_label("Topics").select_option(["nhri"])
    form.get_by_label("Evidence").fill("strengthen the National Human Rights Commission")
    form.get_by_label("Instrument 1").fill("constitution")
    shot(page, "document-add", full=False)
    form.get_by_role("button", name="Add statement").click()
    notice = page.locator("#added")
    expect(notice).to_contain_text("added: EU")
    expect(notice).to_contain_text("strengthen the National Human Rights Commission")
    expect(notice.locator(".chip.legal")).to_have_text("Constitution")
    sid = page.url.split("added=")[1].split("#")[0]
    item = httpx.get(f"{server}/api/v1/statements/{sid}").json()
    text = httpx.get(f"{server}/api/v1/documents/mn-2020/text").text
    assert item["state"] == "added" and text[item["span"][0] : item["span"][1]] == item["text"]
    shot(page, "document-added", full=False)
    notice.get_by_role("link", name="in context").click()
    expect(page.locator(f"#st-{sid}")).to_contain_text("strengthen the National Human Rights Commission")
    expect(page.locator(f'mark.evidence[data-statements~="{sid}"]').first).to_have_class(
        "evidence is-selected"
    )
