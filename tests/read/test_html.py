"""hrd.read.html: article text through trafilatura, title and date, hostile pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hrd.errors import EmptyInputError, ReadError
from hrd.read.html import MAX_ELEMENTS, read_html

FIXTURES = Path(__file__).parents[1] / "fixtures" / "read"


@pytest.fixture(scope="module")
def page() -> bytes:
    return (FIXTURES / "paraguay-2021.html").read_bytes()


def test_article_text_without_boilerplate(page: bytes) -> None:
    doc = read_html(page, source="paraguay.html")
    assert "freedom of expression and assembly" in doc.text
    assert "Both sides agreed to hold the next Dialogue in Asunción in 2022." in doc.text
    for boilerplate in ("About us", "All rights reserved", "Cookies"):
        assert boilerplate not in doc.text
    assert doc.media_type == "text/html" and doc.source == "paraguay.html"


def test_title_is_the_first_line_and_date_comes_from_metadata(page: bytes) -> None:
    doc = read_html(page, source="paraguay.html")
    assert doc.title == "EU and Paraguay hold their fifth Human Rights Dialogue"
    assert doc.text.split("\n", 1)[0] == doc.title
    assert doc.published == dt.date(2021, 3, 4)


def test_paragraphs_are_separated_by_blank_lines(page: bytes) -> None:
    paragraphs = read_html(page, source="p.html").text.split("\n\n")
    assert paragraphs[1] == "Brussels, 4 March 2021"
    assert paragraphs[2].startswith("The European Union and the Republic of Paraguay")
    assert paragraphs[2].endswith("Deputy Minister of Foreign Affairs of Paraguay.")
    assert paragraphs[-1] == "Both sides agreed to hold the next Dialogue in Asunción in 2022."
    # &nbsp; and inline markup do not leave odd spaces behind
    assert "on 3 March 2021 in Brussels" in paragraphs[2]
    assert "restrictions on freedom of expression and assembly" in paragraphs[3]


def test_title_is_prepended_when_the_body_lacks_it() -> None:
    html = (
        b"<html><head><title>Joint press release on the dialogue</title></head><body>"
        b"<p>The two sides met in Geneva on 2 June 2020 and discussed the rights of the child.</p>"
        b"</body></html>"
    )
    doc = read_html(html, source="x.html")
    assert doc.text.startswith("Joint press release on the dialogue\n\nThe two sides met in Geneva")


def test_line_breaks_and_list_items() -> None:
    html = (
        b"<html><body><article><p>Contact: Ana Lima<br>Press officer</p>"
        b"<ul><li>The EU raised the death penalty.</li><li>Paraguay raised migration.</li></ul>"
        b"</article></body></html>"
    )
    text = read_html(html, source="x.html").text
    assert "Contact: Ana Lima\nPress officer" in text
    assert "\n\nThe EU raised the death penalty.\n\nParaguay raised migration." in text


def test_page_without_article_text() -> None:
    html = b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(ReadError, match="no article text found"):
        read_html(html, source="nav.html")


def test_empty_page() -> None:
    with pytest.raises(EmptyInputError):
        read_html(b"  \n ", source="e.html")


@pytest.mark.timeout(60)
@pytest.mark.parametrize("tag", ["div", "span", "p", "table"])
def test_survives_100000_nested_tags(tag: str) -> None:
    n = 100_000
    html = (
        "<html><body><article><p>The dialogue took place in Brussels and covered the rights of "
        "minorities, the freedom of religion and the independence of the judiciary.</p>"
        + f"<{tag}>" * n
        + "deep"
        + f"</{tag}>" * n
        + "</article></body></html>"
    ).encode()
    doc = read_html(html, source="deep.html")
    assert "independence of the judiciary" in doc.text


@pytest.mark.timeout(60)
def test_survives_100000_unclosed_tags() -> None:
    html = ("<html><body>" + "<div><b>" * 50_000).encode()
    with pytest.raises(ReadError):
        read_html(html, source="deep.html")


@pytest.mark.timeout(30)
def test_page_with_too_many_elements_is_refused_before_parsing() -> None:
    html = b"<html><body><p>A short readout.</p>" + b"<div>" * (MAX_ELEMENTS + 1) + b"</body></html>"
    with pytest.raises(ReadError, match="too many HTML elements"):
        read_html(html, source="bomb.html")


def test_legacy_charset_declared_in_the_page() -> None:
    html = (
        '<html><head><meta charset="windows-1252"><title>Réunion à Genève</title></head><body><article>'
        "<p>La délégation de l’Union européenne a rencontré les autorités à Genève le 2 juin 2020.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    doc = read_html(html, source="fr.html")
    assert "La délégation de l’Union européenne a rencontré les autorités à Genève" in doc.text


@pytest.mark.parametrize("root", [b"<math>", b"<svg>", b"<video>"])
def test_a_page_rooted_in_an_element_trafilatura_drops_is_a_read_error(root: bytes) -> None:
    # Found by fuzzing: htmldate drops such a root element and lxml's assertion escaped.
    data = root + b"<!DOCTYPE html><html><body><p>The EU and Ruritania met in Brussels.</p></body></html>"
    with pytest.raises(ReadError, match="could not parse the HTML page"):
        read_html(data, source="page.html")


_SIDEBAR_PAGE = """<!DOCTYPE html><html><head><title>EU and Ruritania hold dialogue</title></head><body>
<nav><a href="/">Home</a> &gt; <a href="/news">News</a></nav>
<main><article>
<h1>EU and Ruritania hold their fifth Human Rights Dialogue</h1>
<div class="meta">Brussels, 28/06/2019 - 11:42, UNIQUE ID: 190628_4</div>
<p>The European Union and the Republic of Ruritania held their fifth Human Rights Dialogue in Brussels on
27 June 2019. The EU raised freedom of expression and called for the release of detained journalists.</p>
<p>Both sides agreed to hold the next round in 2020. The EU welcomed the new law on torture prevention.</p>
</article></main>
<aside><h2>Related news</h2><ul>
<li><span class="date">14/06/2019</span> <a href="/a">EU announces support for civil society</a></li>
<li><span class="date">30/05/2019</span> <a href="/b">Ambassador meets the Ombudsman</a></li>
</ul></aside></body></html>"""


def test_the_dateline_under_the_headline_is_the_date_not_a_sidebars() -> None:
    doc = read_html(_SIDEBAR_PAGE.encode(), source="page.html")
    assert doc.published == dt.date(2019, 6, 28)
    dated = _SIDEBAR_PAGE.replace("Brussels, 28/06/2019 - 11:42, UNIQUE ID: 190628_4", "June 28, 2019")
    assert read_html(dated.encode(), source="page.html").published == dt.date(2019, 6, 28)
