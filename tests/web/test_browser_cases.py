"""The case register in a real browser: sign in with the form (cookie and CSRF tokens), open a case,
edit it, lose a race with another tab (409 and the current version), download the next round's list.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from pydantic import SecretStr

from hrd.auth import Role, operator
from hrd.auth.users import add_user
from hrd.settings import Settings
from hrd.store.engine import write
from hrd.web import create_app

from .conftest import CASE_KEY
from .test_browser import _free_port, browser, shot, sync_api  # noqa: F401  (the browser fixture)

pytestmark = pytest.mark.browser
PASSWORD = "case officer password"


@pytest.fixture(scope="module")
def officer_server(tmp_path_factory: pytest.TempPathFactory, web_template: Path) -> Iterator[str]:
    path = tmp_path_factory.mktemp("cases-browser") / "hrd.sqlite"
    shutil.copy(web_template, path)
    app = create_app(Settings(database_url=f"sqlite:///{path}", secret_key=SecretStr(CASE_KEY)))
    write(
        app.state.engine,
        lambda s: add_user(s, operator(), name="olga", role=Role.CASE_OFFICER, password=PASSWORD),
    )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    app.state.engine.dispose()


def test_open_edit_conflict_and_download(officer_server: str, browser: object, tmp_path: Path) -> None:  # noqa: F811
    expect = sync_api.expect
    base = officer_server
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)  # type: ignore[attr-defined]
    errors: list[str] = []
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base + "/cases")
    expect(page).to_have_url(base + "/login?next=/cases")
    page.get_by_label("User name").fill("olga")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("h1")).to_contain_text("Individual cases")
    cookie = next(c for c in context.cookies() if c["name"] == "hrd_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    form = page.locator("form.case-form")
    form.get_by_label("Partner code").fill("KZ")
    form.get_by_label("Name").fill("Ayan Example")
    form.get_by_label("Category").select_option("journalist")
    form.get_by_label("Status").select_option("detained")
    form.get_by_role("button", name="Open case").click()
    expect(page.locator(".notice-ok")).to_have_text("Case opened.")
    expect(page.locator("h1")).to_contain_text("Ayan Example")
    case_url = page.url.split("?")[0]

    other = context.new_page()  # a second tab, at the same version
    other.goto(case_url)
    page.get_by_label("Notes").fill("first edit")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".notice-ok")).to_have_text("Case saved.")
    other.get_by_label("Notes").fill("second edit from a stale page")
    other.get_by_role("button", name="Save").click()
    expect(other.locator("#case-conflict")).to_contain_text("it is at version 2")
    expect(other.locator(".case-notes")).to_have_text("first edit")
    expect(other.locator("details.attempt")).to_contain_text("second edit from a stale page")
    shot(other, "case-conflict")

    page.goto(base + "/cases/partners/KZ")
    expect(page.locator("table.cases tbody tr")).to_have_count(1)
    with page.expect_download() as caught:
        page.get_by_role("link", name="Download as Markdown").click()
    target = tmp_path / "list.md"
    caught.value.save_as(target)
    assert "Ayan Example" in target.read_text() and caught.value.suggested_filename.startswith("cases-KZ-")
    page.get_by_role("button", name="Record list").click()
    expect(page.locator(".notice-ok")).to_have_text("List recorded.")
    shot(page, "case-round")

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(base + "/login")
    page.goto(base + "/cases")
    expect(page).to_have_url(base + "/login?next=/cases")
    context.close()
    assert errors == []
