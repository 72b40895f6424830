"""XSS: hostile text stored in every text field is shown as text in a real browser; no script runs.

The payloads of tests/fixtures/xss_payloads.txt (script tags, event handlers, javascript: URLs,
SVG, style, entity tricks, broken markup, polyglots) go into statement texts and reviewer names,
document titles and texts (plain text readouts and an HTML page uploaded through ingest), case
fields (name, aliases, notes, charges, status sources and notes, replies, meeting notes, list
notes), follow-up notes, benchmarks and API token labels. User names cannot hold them (the
library allows letters, digits and ``._@+-`` only, checked below). Then the pages are opened
in Chromium, signed in through the login form as an administrator: any dialog, console error
(a CSP refusal included: it means markup got through), page error or ``window.__xss`` fails.

The default run stores every payload in statements, the HTML page and token labels, a sample
in the other fields, and opens a sample of pages; the full sweep stores every payload in every
field and opens every page (a few minutes):

    HRD_XSS_FULL=1 .venv/bin/pytest tests/web/test_xss.py
"""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient
from pydantic import SecretStr

from hrd.auth import Role, operator
from hrd.auth.users import add_user
from hrd.errors import InvalidInputError
from hrd.settings import Settings
from hrd.store.engine import write
from hrd.web import create_app

from .conftest import CASE_KEY
from .test_browser import _free_port, browser, sync_api  # noqa: F401  (the browser fixture)

pytestmark = pytest.mark.browser

FULL = os.environ.get("HRD_XSS_FULL") == "1"
PAYLOADS = [
    line
    for line in (Path(__file__).parents[1] / "fixtures" / "xss_payloads.txt").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("# XSS payloads")
]
SAMPLE = PAYLOADS if FULL else PAYLOADS[::9]
PASSWORD = "xss sweep password"


def _post(client: TestClient, url: str, headers: dict[str, str], **kw: object) -> dict[str, object]:
    response = client.post(url, headers=headers, **kw)  # type: ignore[arg-type]
    assert response.status_code in (200, 201), (url, response.text[:300])
    body: dict[str, object] = response.json()
    return body


def _readout(title: str) -> bytes:
    return (
        f"{title}\n\nAstana, 10 June 2023\n\nThe European Union and Kazakhstan held the 13th round of "
        f"their Human Rights Dialogue in Astana on 10 June 2023. {title}\n\nThe EU urged Kazakhstan "
        "to protect journalists.\n"
    ).encode()


def _html_page() -> bytes:
    body = "".join(f"<p>{p}</p>\n" for p in PAYLOADS)
    return (
        f"<!doctype html><html><head><title>{PAYLOADS[0]}</title></head><body><h1>EU and Mongolia "
        "hold 6th Human Rights Dialogue</h1><p>Ulaanbaatar, 2 June 2024</p><p>The European Union and "
        "Mongolia held the sixth round of their Human Rights Dialogue on 2 June 2024.</p>"
        f"{body}</body></html>"
    ).encode()


def _store(client: TestClient, admin: dict[str, str]) -> dict[str, list[str]]:
    """Every payload into the fields (see the module); the URLs of the pages to open."""
    urls: dict[str, list[str]] = {"documents": [], "cases": []}
    for p in PAYLOADS:
        body = {
            "document": "kz-2021",
            "actor": "EU",
            "act": "stress",
            "topics": ["general"],
            "text": p,
            "who": p,
        }
        added = _post(client, "/api/v1/review/add", admin, json=body)
        _post(client, "/api/v1/auth/tokens", admin, json={"scopes": ["public:read"], "label": p[:100]})
    html = _post(
        client, "/api/v1/ingest/file", admin, files={"file": ("page.html", _html_page(), "text/html")}
    )
    urls["documents"] += [f"/documents/{o['document_id']}" for o in html["outcomes"]]  # type: ignore[attr-defined]
    for i, p in enumerate(SAMPLE[:40] if not FULL else SAMPLE):
        made = _post(
            client, "/api/v1/ingest/file", admin, files={"file": (f"r{i}.txt", _readout(p), "text/plain")}
        )
        urls["documents"] += [f"/documents/{o['document_id']}" for o in made["outcomes"] if o["document_id"]]  # type: ignore[attr-defined]
    meetings = client.get("/api/v1/meetings", params={"partner": "KZ"}, headers=admin).json()["data"]
    meeting = meetings[0]["meeting_id"]
    statements = client.get("/api/v1/statements", params={"partner": "KZ", "limit": 20}, headers=admin).json()
    for n, st in enumerate(statements["data"][:10]):
        note = SAMPLE[n % len(SAMPLE)]
        _post(
            client,
            f"/api/v1/follow-up/{st['id']}",
            admin,
            json={"status": "open", "note": note, "version": 0, "who": note},
        )
    n = len(SAMPLE)
    ids = []
    for i, p in enumerate(SAMPLE):
        f = [SAMPLE[(i + k) % n] for k in range(12)]
        _post(
            client,
            "/api/v1/partners/KZ/benchmarks",
            admin,
            json={"topic": "torture", "change": p[:500], "note": f[1]},
        )
        case = {
            "partner": "KZ",
            "name": f[0],
            "category": "defender",
            "aliases": [f[1], f[2]],
            "notes": f[3],
            "charges": [{"instrument": f[4], "article": f[5][:100], "note": f[6]}],
            "status": {"status": "detained", "source": f[7], "note": f[8]},
        }
        ref = _post(client, "/api/v1/cases", admin, json=case)
        version = ref["version"]
        for path, step in (
            ("replies", {"text": f[9], "source": f[10], "meeting_id": meeting}),
            ("meetings", {"meeting_id": meeting, "note": f[11]}),
        ):
            version = _post(
                client, f"/api/v1/cases/{ref['id']}/{path}", admin, json={**step, "version": version}
            )["version"]
        ids.append(int(str(ref["id"])))
        urls["cases"].append(f"/cases/{ref['id']}")
    _post(
        client,
        "/api/v1/cases/partners/KZ/lists",
        admin,
        json={"case_ids": ids, "handed_over_on": "2023-01-01", "note": SAMPLE[0]},
    )
    urls["meeting"] = [f"/meetings/{added['meeting_id']}"]
    return urls


@pytest.fixture(scope="module")
def stocked(
    tmp_path_factory: pytest.TempPathFactory, web_template: Path, role_tokens: dict[str, str]
) -> Iterator[tuple[str, dict[str, list[str]]]]:
    path = tmp_path_factory.mktemp("xss") / "hrd.sqlite"
    shutil.copy(web_template, path)
    settings = Settings(
        database_url=f"sqlite:///{path}", secret_key=SecretStr(CASE_KEY), max_input_bytes=2_000_000
    )
    app = create_app(settings)
    write(
        app.state.engine,
        lambda s: add_user(s, operator(), name="sweeper", role=Role.ADMIN, password=PASSWORD),
    )
    with TestClient(app) as client:
        urls = _store(client, {"Authorization": f"Bearer {role_tokens['admin']}"})
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
    yield f"http://127.0.0.1:{port}", urls
    server.should_exit = True
    thread.join(timeout=10)
    app.state.engine.dispose()


def pages(urls: dict[str, list[str]]) -> list[str]:
    fixed = [
        "/",
        "/partners/KZ",
        "/partners/MN",
        "/search?q=script",
        "/search?q=alert",
        "/review?state=added",
        "/cases",
        "/cases/partners/KZ",
        "/account",
        "/admin/users",
        "/partners/KZ/tracking",
        "/partners/KZ/follow-up",
        "/partners/KZ/benchmarks",
        "/partners/KZ/brief",
        "/api/docs",
    ]
    reviews = [f"/review?state=added&offset={o}" for o in range(20, len(PAYLOADS), 20)]
    docs, cases = urls["documents"], urls["cases"]
    if not FULL:
        reviews, docs, cases = reviews[:2], docs[:4], cases[:4]
    return fixed + urls["meeting"] + reviews + docs + cases


@pytest.mark.timeout(3600 if FULL else 300)
def test_no_payload_runs_on_any_page(stocked: tuple[str, dict[str, list[str]]], browser: object) -> None:  # noqa: F811
    base, urls = stocked
    context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    evidence: list[str] = []
    page.on("dialog", lambda d: (evidence.append(f"dialog {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: evidence.append(f"page error {e}"))
    page.on(
        "console",
        lambda m: evidence.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None,
    )
    page.goto(base + "/login")
    page.get_by_label("User name").fill("sweeper")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    sync_api.expect(page.locator("a.account-link")).to_have_text("sweeper")
    visited = 0
    for url in pages(urls):
        response = page.goto(base + url)
        assert response is not None and response.status == 200, (url, response and response.status)
        page.mouse.move(200, 300)
        page.wait_for_timeout(150)
        marks = page.evaluate("[typeof window.__xss, typeof window.__x + ''].join()")
        assert marks == "undefined,undefined", url
        assert evidence == [], (url, evidence[:5])
        visited += 1
    shown = page.goto(base + urls["meeting"][0])
    assert shown is not None
    text = page.evaluate("document.body.innerText")
    assert sum(p in text for p in PAYLOADS) >= len(PAYLOADS) * 0.9, "the payloads are on the page, as text"
    context.close()
    assert visited == len(pages(urls))


def test_user_names_cannot_hold_markup(web_template: Path) -> None:
    from hrd.store.engine import make_engine

    engine = make_engine(f"sqlite:///{web_template}")
    for p in PAYLOADS[:20]:
        with pytest.raises(InvalidInputError):
            write(
                engine, lambda s, name=p: add_user(s, operator(), name=name, role=Role.VIEWER, password=None)
            )
    engine.dispose()
