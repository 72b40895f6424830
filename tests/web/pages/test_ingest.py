from __future__ import annotations

from fastapi.testclient import TestClient

from hrd.settings import Settings

READOUT = (
    "EU and Kazakhstan hold 13th Human Rights Dialogue\n\nAstana, 10 October 2023\n\n"
    "The European Union and Kazakhstan held the 13th round of their Human Rights Dialogue in Astana "
    "on 10 October 2023. The EU called on Kazakhstan to abolish criminal liability for defamation.\n"
)


def test_upload_form_shows_the_meeting(client: TestClient) -> None:
    response = client.post("/ingest", files={"file": ("kz-2023.txt", READOUT.encode(), "text/plain")})
    assert response.status_code == 200
    assert 'id="ingest-result"' in response.text
    assert "13th human rights dialogue" in response.text
    assert "/partners/KZ" in response.text


def test_empty_upload_message(client: TestClient) -> None:
    response = client.post("/ingest", files={"file": ("empty.txt", b"", "text/plain")})
    assert response.status_code == 422
    assert "Not added: empty input" in response.text and "the file is empty" in response.text


def test_binary_upload_message(client: TestClient) -> None:
    response = client.post(
        "/ingest",
        files={"file": ("x.pdf", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "application/octet-stream")},
    )
    assert response.status_code == 415
    assert "Not added: unsupported input" in response.text


def test_oversize_upload_message(client: TestClient, settings: Settings) -> None:
    data = b"a " * (settings.max_input_bytes // 2 + 50_000)
    response = client.post("/ingest", files={"file": ("big.txt", data, "text/plain")})
    assert response.status_code == 413
    assert "Not added: input too large" in response.text
    assert 'role="alert"' in response.text


def test_nothing_given(client: TestClient) -> None:
    response = client.post("/ingest", data={"url": ""})
    assert response.status_code == 422
    assert "choose a file to upload or give a URL" in response.text


def test_form_is_labelled(client: TestClient) -> None:
    html = client.get("/ingest").text
    assert '<label for="file">' in html and 'id="file"' in html
    assert '<label for="url">' in html and 'id="url"' in html


def test_url_on_a_loopback_address_is_refused_with_a_message(client: TestClient) -> None:
    response = client.post("/ingest", data={"url": "http://127.0.0.1:9/readout.txt"})
    assert response.status_code == 200
    assert (
        "refused: 127.0.0.1 is a loopback address; set HRD_ALLOW_PRIVATE_URLS=1 to allow private hosts"
        in response.text
    )
    assert "Traceback" not in response.text
