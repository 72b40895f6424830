"""hrd.read.feeds: RSS and Atom entries, feed sniffing, entity-expansion refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hrd.errors import EmptyInputError, ReadError
from hrd.read.feeds import FeedEntry, feed_links, is_feed

FIXTURES = Path(__file__).parents[1] / "fixtures" / "read"

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title>
<item><title>x</title><link>https://example.org/a</link></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>&secret;</title></channel></rss>"""


def test_rss_entries_with_links_in_order() -> None:
    entries = feed_links((FIXTURES / "feed.rss").read_bytes())
    assert entries == [
        FeedEntry(
            url="https://example.org/news/paraguay-hrd-5",
            title="EU and Paraguay hold their fifth Human Rights Dialogue",
            published=dt.date(2021, 3, 4),
        ),
        FeedEntry(
            url="https://example.org/news/uruguay-sc-6",
            title="EU and Uruguay: sixth Subcommittee on Justice",
            published=dt.date(2021, 2, 1),
        ),
    ]


def test_atom_entries() -> None:
    entries = feed_links((FIXTURES / "feed.atom").read_bytes())
    assert [(e.url, e.published) for e in entries] == [
        ("https://example.org/news/paraguay-hrd-5", dt.date(2021, 3, 4))
    ]


@pytest.mark.timeout(10)
@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external"])
def test_entity_declarations_are_refused(data: bytes) -> None:
    with pytest.raises(ReadError, match="entity declarations are not allowed"):
        feed_links(data)


def test_malformed_xml_is_refused() -> None:
    with pytest.raises(ReadError, match="not a well-formed XML feed"):
        feed_links(b"<rss><channel><item></rss>")


def test_xml_that_is_not_a_feed() -> None:
    with pytest.raises(ReadError, match="not an RSS or Atom feed"):
        feed_links(b"<?xml version='1.0'?><catalogue><book>x</book></catalogue>")


def test_empty_feed_data() -> None:
    with pytest.raises(EmptyInputError):
        feed_links(b"")


@pytest.mark.parametrize(
    ("data", "media_type", "expected"),
    [
        (b"<?xml version='1.0'?>\n<rss version='2.0'>", None, True),
        (b"\xef\xbb\xbf<?xml version='1.0'?><!-- c --><feed xmlns='urn:x'>", None, True),
        (b"<?xml version='1.0'?><?xml-stylesheet href='s.xsl'?><rss>", "text/xml", True),
        (b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>", "application/xml", True),
        (b"anything", "application/rss+xml", True),
        (b"<rss version='2.0'>", "text/html", False),
        (b"<!DOCTYPE html><html><body>feed</body></html>", None, False),
        (b"The feed of the EU", None, False),
    ],
)
def test_is_feed(data: bytes, media_type: str | None, expected: bool) -> None:
    assert is_feed(data, media_type) is expected


def test_an_unknown_declared_encoding_is_a_read_error() -> None:
    # Found by fuzzing: expat's LookupError escaped.
    data = b'<?xml version="1.0" encoding="bogus"?><rss version="2.0"><channel></channel></rss>'
    with pytest.raises(ReadError, match="unknown encoding"):
        feed_links(data)
