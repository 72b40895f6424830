from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient


def test_search_highlights_and_facets(client: TestClient) -> None:
    html = client.get("/search", params={"q": "torture"}).text
    assert "<mark>torture</mark>" in html.lower()
    facets = dict(re.findall(r'data-facet="(\w+)" data-value="([^"]+)"', html))
    assert facets["partner"] == "KZ"
    assert 'href="/search?q=torture&amp;partner=KZ"' in html


def test_facet_filters_and_can_be_removed(client: TestClient) -> None:
    html = client.get("/search", params={"q": "", "partner": "MN"}).text
    assert "Filtered by:" in html
    assert 'class="chip removable" href="/search"' in html, "the chip removes the filter"
    hits = re.findall(r'<li class="hit">', html)
    assert len(hits) == 3


def test_year_facet_sets_since_and_until(client: TestClient) -> None:
    html = client.get("/search", params={"partner": "KZ"}).text
    links = [unescape(h) for h in re.findall(r'href="(/search\?[^"]*since=[^"]*)"', html)]
    assert "/search?partner=KZ&since=2021&until=2021" in links


def test_query_is_escaped(client: TestClient) -> None:
    html = client.get("/search", params={"q": '"><script>alert(1)</script>'}).text
    assert "<script>alert(1)" not in html
