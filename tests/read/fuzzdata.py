"""Inputs for the reader fuzz tests (``test_fuzz.py``): small valid documents and hostile variants.

Every valid base is written here (or generated with pypdf) so that a mutation
starts from something each reader accepts; the strategies then break it with
byte flips, truncation, insertions of NUL bytes, invalid UTF-8 and markup
fragments, and build the classic hostile inputs: deeply nested tags, entity
expansion ("billion laughs"), external entities, decompression bombs, cyclic
PDF page trees and PDF operators with extreme numbers.
"""

from __future__ import annotations

import io
from pathlib import Path

from hypothesis import strategies as hs
from pdfbytes import text_pdf
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

__all__ = [
    "ATOM",
    "HTML",
    "PDFS",
    "RSS",
    "TEXTS",
    "charsets",
    "feed_bombs",
    "html_bombs",
    "media_types",
    "mutated",
    "page_pdf",
    "pdf_bombs",
    "pdf_operators",
    "pdf_tounicode",
    "prologues",
    "readout_like",
    "source_names",
]

_FIXTURES = Path(__file__).parent.parent / "fixtures" / "read"

_READOUT = (
    "EU and Ruritania hold their fifth Human Rights Dialogue\n\n"
    "Brussels, 4 March 2021\n\n"
    "The European Union and Ruritania held the fifth round of their Human Rights Dialogue "
    "on 3 March 2021. The EU welcomed the new law on legal aid and expressed concern about "
    "the detention of journalists. It called on Ruritania to release Mr Ivan Petrov.\n\n"
    "Both sides agreed to hold the next Dialogue in 2022.\n"
)

TEXTS: list[bytes] = [
    _READOUT.encode(),
    _READOUT.encode("utf-16"),
    _READOUT.replace("\n", "\r\n").encode("utf-8-sig"),
    _READOUT.replace("Ruritania", "Ruritània").encode("cp1252"),
    _READOUT.encode("utf-32"),
    (_FIXTURES / "paraguay-2021.txt").read_bytes(),
]

HTML: list[bytes] = [
    (_FIXTURES / "paraguay-2021.html").read_bytes(),
    b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Readout</title></head><body><article>"
    + b"".join(f"<p>{p}</p>".encode() for p in _READOUT.split("\n\n"))
    + b"<ul><li>first</li><li>second</li></ul><table><tr><td>a</td><td>b</td></tr></table>"
    + b"</article></body></html>",
]

RSS = (_FIXTURES / "feed.rss").read_bytes()
ATOM = (_FIXTURES / "feed.atom").read_bytes()
_RDF = (
    b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
    b'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://example.org/"><title>T</title>'
    b'<link>https://example.org/</link></channel><item rdf:about="https://example.org/a">'
    b"<title>A readout</title><link>https://example.org/a</link></item></rdf:RDF>"
)
FEEDS: list[bytes] = [RSS, ATOM, _RDF]

# Fragments inserted into valid inputs: NUL, invalid or odd UTF-8, markup and entity pieces.
_INSERTS: list[bytes] = [
    b"\x00",
    b"\xff\xfe",
    b"\xfe\xff\x00\x00",
    b"\xc3",
    b"\xed\xa0\x80",  # an encoded surrogate: invalid UTF-8
    b"\xf4\x90\x80\x80",  # above U+10FFFF
    b"\xef\xbb\xbf",
    b"\r",
    "\u2028\u0085\u202e\u0301".encode(),
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"]]>",
    b"&#0;",
    b"&#xD800;",
    b"&#99999999;",
    b"&amp",
    b"<",
    b"/>",
    b'"',
    b"<br>",
    b"<script>",
    b"%PDF-",
    b"<html>",
    b"<rss>",
    b"<?xml",
    b"<!DOCTYPE x [",
    b"endobj",
    b"stream\n",
    b" 0 R ",
    b"9999999999",
    b"-1",
    b"\\ud800",  # a lone surrogate for the escape codecs a server may declare
]


@hs.composite
def mutated(draw: hs.DrawFn, bases: list[bytes]) -> bytes:
    """One of ``bases`` with 1-8 random edits: bit flips, cuts, insertions, deletions, repeats."""
    data = bytearray(draw(hs.sampled_from(bases)))
    for _ in range(draw(hs.integers(1, 8))):
        op = draw(hs.sampled_from(["flip", "truncate", "insert", "delete", "repeat", "overwrite"]))
        pos = draw(hs.integers(0, len(data)))
        if op == "flip" and data:
            data[min(pos, len(data) - 1)] ^= 1 << draw(hs.integers(0, 7))
        elif op == "truncate":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = draw(hs.one_of(hs.sampled_from(_INSERTS), hs.binary(min_size=1, max_size=16)))
        elif op == "delete":
            del data[pos : pos + draw(hs.integers(1, 64))]
        elif op == "repeat":
            chunk = data[pos : pos + draw(hs.integers(1, 32))]
            data[pos:pos] = chunk * draw(hs.integers(1, 300))
        elif op == "overwrite":
            piece = draw(hs.binary(min_size=1, max_size=8))
            data[pos : pos + len(piece)] = piece
    return bytes(data)


def _nested(open_tag: bytes, close_tag: bytes, depth: int, inner: bytes = b"text") -> bytes:
    return open_tag * depth + inner + close_tag * depth


_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'.encode()
        for i in range(1, 10)
    )
    + b']>\n<rss version="2.0"><channel><title>&lol9;</title><item><link>https://example.org/&lol9;</link>'
    b"</item></channel></rss>"
)
_XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<rss version="2.0"><channel><title>&xxe;</title><item><title>&xxe;</title>'
    b"<link>https://example.org/a</link></item></channel></rss>"
)
_PARAMETER = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>\n'
    b'<rss version="2.0"><channel><title>t</title></channel></rss>'
)


@hs.composite
def html_bombs(draw: hs.DrawFn) -> bytes:
    """Deeply nested or very repetitive pages, entity declarations, odd declared charsets."""
    depth = draw(hs.sampled_from([300, 1_000, 5_000, 30_000]))
    tag = draw(hs.sampled_from([b"div", b"p", b"table", b"ul", b"b", b"article", b"li", b"td"]))
    body = draw(
        hs.sampled_from(
            [
                _nested(b"<" + tag + b">", b"</" + tag + b">", depth),
                _nested(b"<" + tag + b">", b"", depth),  # never closed
                b"<p>" + b"&amp;" * depth * 10 + b"</p>",
                b"<table>" + b"<tr>" + b"<td>cell</td>" * 50 + b"</tr>" * depth + b"</table>",
                b"<p>" + b"word " * depth * 20 + b"</p>",
                b"<p>" + b"<br>" * depth + b"</p>",
                b"<!--" * depth,
            ]
        )
    )
    charset = draw(hs.sampled_from([b"utf-8", b"utf-16", b"utf-7", b"x-unknown", b"undefined", b"", b"\x00"]))
    doctype = draw(
        hs.sampled_from([b"<!DOCTYPE html>", b'<!DOCTYPE html [<!ENTITY a "&a;&a;">]>', _LAUGHS[:200]])
    )
    return (
        doctype
        + b"<html><head><meta charset='"
        + charset
        + b"'><title>Readout</title></head><body><article><p>The EU and Ruritania met.</p>"
        + body
        + b"</article></body></html>"
    )


@hs.composite
def feed_bombs(draw: hs.DrawFn) -> bytes:
    """Entity expansion, external entities, deep nesting and very long feeds."""
    depth = draw(hs.sampled_from([100, 1_000, 10_000]))
    return draw(
        hs.sampled_from(
            [
                _LAUGHS,
                _XXE,
                _PARAMETER,
                b'<rss version="2.0"><channel><title>t</title><item><description>'
                + _nested(b"<a>", b"</a>", depth)
                + b"</description><link>https://example.org/a</link></item></channel></rss>",
                b'<rss version="2.0"><channel>'
                + b"<item><link>https://example.org/x</link></item>" * depth
                + b"</channel></rss>",
                b'<feed xmlns="http://www.w3.org/2005/Atom">'
                + _nested(b"<entry>", b"</entry>", depth, b'<link href="https://example.org/e"/>')
                + b"</feed>",
                b'<?xml version="1.0" encoding="'
                + draw(hs.sampled_from([b"utf-16", b"bogus", b"utf-7", b"ebcdic-cp-us", b""]))
                + b'"?>'
                + RSS.split(b"?>", 1)[1],
            ]
        )
    )


def _pypdf_variant(data: bytes, how: str) -> bytes:
    """``data`` written again by pypdf: content streams compressed, encrypted or with metadata."""
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(data)))
    if how == "compressed":
        for page in writer.pages:
            page.compress_content_streams()
        writer.compress_identical_objects()
    elif how.startswith("encrypted-"):
        writer.encrypt("", owner_password="owner", algorithm=how.removeprefix("encrypted-"))
    elif how == "metadata":
        writer.add_metadata({"/Title": "Readout \u2013 \ufeff\x00", "/CreationDate": "D:99999999"})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


_LINES = [ln for ln in _READOUT.replace("\u2013", "-").splitlines()]
_PLAIN_PDF = text_pdf([_LINES, ["2"]], title="Readout", created="D:20210304120000Z")
PDFS: list[bytes] = [_PLAIN_PDF] + [
    _pypdf_variant(_PLAIN_PDF, how)
    for how in ("compressed", "encrypted-RC4-40", "encrypted-AES-128", "encrypted-AES-256", "metadata")
]


def page_pdf(
    content: bytes, *, compress: bool = False, cyclic: bool = False, to_unicode: bytes | None = None
) -> bytes:
    """A one-page PDF made with pypdf whose page draws ``content`` with Helvetica as /F1."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    if to_unicode is not None:
        cmap = DecodedStreamObject()
        cmap.set_data(to_unicode)
        font[NameObject("/ToUnicode")] = writer._add_object(cmap)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    stream = DecodedStreamObject()
    stream.set_data(content)
    page.replace_contents(stream)
    if compress:
        page.compress_content_streams()
    if cyclic:  # the page tree lists itself among its kids
        pages = writer.root_object["/Pages"]
        kids = pages["/Kids"]
        assert isinstance(kids, ArrayObject)
        kids.append(writer.root_object.raw_get("/Pages"))
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


_EXTREME = ["0", "-1", "-0", "0.000001", "1e9", "-1e9", "99999999999", "3.4e38", "1" + "0" * 40]


@hs.composite
def pdf_operators(draw: hs.DrawFn) -> bytes:
    """A page whose text operators carry extreme sizes, positions, spacings and matrices."""
    n = hs.sampled_from([*_EXTREME, "12", "72", "700"])
    ops: list[str] = ["BT", f"/F1 {draw(n)} Tf"]
    for _ in range(draw(hs.integers(1, 12))):
        op = draw(hs.sampled_from(["Td", "TD", "Tm", "Tc", "Tw", "Tz", "TL", "Ts", "T*", "Tj", "TJ", "'"]))
        if op in ("Td", "TD"):
            ops.append(f"{draw(n)} {draw(n)} {op}")
        elif op == "Tm":
            ops.append(" ".join(draw(n) for _ in range(6)) + " Tm")
        elif op in ("Tc", "Tw", "Tz", "TL", "Ts"):
            ops.append(f"{draw(n)} {op}")
        elif op == "T*":
            ops.append("T*")
        elif op == "TJ":
            ops.append(f"[(The EU) {draw(n)} (welcomed) {draw(n)} (it)] TJ")
        else:
            ops.append(f"(The EU and Ruritania met in Brussels.) {op}")
    ops.append("ET")
    return page_pdf("\n".join(ops).encode(), compress=draw(hs.booleans()))


@hs.composite
def pdf_bombs(draw: hs.DrawFn) -> bytes:
    """Deeply nested objects, a cyclic page tree, a Flate bomb, a huge stream length."""
    depth = draw(hs.sampled_from([100, 1_000, 10_000, 100_000]))
    text = b"BT /F1 12 Tf 72 700 Td (The EU met Ruritania.) Tj ET\n"
    kind = draw(hs.sampled_from(["array", "dict", "cyclic", "flate", "length", "many-ops", "long-word"]))
    if kind == "array":
        return page_pdf(text + b"[" * depth + b"]" * depth + b" TJ")
    if kind == "dict":
        return page_pdf(text + b"<<" * depth + b">>" * depth + b" BDC")
    if kind == "cyclic":
        return page_pdf(text, cyclic=True)
    if kind == "flate":
        return page_pdf(text + b" " * (depth * 1000), compress=True)  # up to 100 MB inflated
    if kind == "length":
        return _PLAIN_PDF.replace(b"<< /Length ", b"<< /Length 9999999999", 1)
    if kind == "long-word":
        return page_pdf(b"BT /F1 1 Tf 72 700 Td (" + b"a" * depth + b") Tj ET", compress=True)
    return page_pdf(text + b"(x) Tj T*\n" * depth)


def media_types() -> hs.SearchStrategy[str | None]:
    known = [
        "text/plain",
        "text/html",
        "application/xhtml+xml",
        "application/pdf",
        "application/xml",
        "application/rss+xml",
        "application/octet-stream",
        "image/png",
        "",
    ]
    return hs.one_of(hs.none(), hs.sampled_from(known), hs.text(max_size=20))


def charsets() -> hs.SearchStrategy[str | None]:
    known = ["utf-8", "latin-1", "utf-16", "utf-32", "utf-7", "cp1252", "shift_jis", "undefined"]
    odd = ["rot13", "base64", "hex", "zlib", "idna", "punycode", "unicode_escape", "raw_unicode_escape"]
    bad = ["", "bogus", "utf-8\x00"]
    return hs.one_of(hs.none(), hs.sampled_from(known + odd + bad), hs.text(max_size=12))


def source_names() -> hs.SearchStrategy[str]:
    known = ["upload", "x.txt", "x.html", "x.htm", "x.pdf", "x.md", "https://example.org/a?b.pdf", "feed.xml"]
    return hs.one_of(hs.sampled_from(known), hs.text(max_size=30))


_WORDS = [
    "The", "EU", "European Union", "Ruritania", "Ruritanian", "and", "held", "the", "fifth", "12th",
    "round", "of", "their", "Human Rights Dialogue", "Subcommittee", "on", "in", "Brussels", "3 March 2021",
    "2022", "welcomed", "expressed concern", "called on", "urged", "raised", "the case of", "Mr", "Ms",
    "Ivan Petrov", "Minister", "delegation", "led by", "Head of Division", "law", "Article 19",
    "of the Criminal Code", "torture", "journalists", "death penalty", "both sides", "agreed", "next",
    "said", "it", ",", ".", ";", ":", "(", ")", "\u201c", "\u201d", "\u2014", "-", "\n", "\n\n", "\t", " ",
    "\u00a0", "\u200b", "\ufeff", "\u0301", "ﬁ", "İ", "ß", "\U0001f600", "1.", "a)", "•",
]  # fmt: skip


def readout_like() -> hs.SearchStrategy[str]:
    """Text made of readout vocabulary and odd Unicode, to reach the extractor's deeper rules."""
    token = hs.one_of(hs.sampled_from(_WORDS), hs.text(max_size=6))
    return hs.lists(token, max_size=300).map(" ".join)


_PROLOGUE = [b"<!--", b"-->", b"<!---->", b"<!-- x -->", b" ", b"\n", b"\xef\xbb\xbf", b"<?xml ?>", b"<!X"]


def prologues() -> hs.SearchStrategy[bytes]:
    """Comments, declarations and spaces in front of a document: what the format sniffers skip."""
    tail = hs.sampled_from([b"", b"x", b"<html>", b"<rss>", b"<p>text</p>", b"%PDF-"])
    return hs.tuples(hs.lists(hs.sampled_from(_PROLOGUE), max_size=120), tail).map(
        lambda parts: b"".join(parts[0]) + parts[1]
    )


_UTF16 = ["D800", "DBFF", "DC00", "DFFF", "D83DDE00", "0000", "000D", "0085", "2028", "FEFF", "FFFE", "FFFF"]


@hs.composite
def pdf_tounicode(draw: hs.DrawFn) -> bytes:
    """A font whose ToUnicode map sends some codes to odd UTF-16: lone surrogates, controls, BOMs."""
    units = hs.one_of(hs.sampled_from(_UTF16), hs.integers(0, 0xFFFF).map(lambda u: f"{u:04X}"))
    pairs = draw(hs.lists(hs.tuples(hs.integers(0x20, 0x7E), units), min_size=1, max_size=8))
    chars = "".join(f"<{code:02X}> <{target}>\n" for code, target in pairs)
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapType 2 def\n"
        f"1 begincodespacerange <00> <FF> endcodespacerange\n{len(pairs)} beginbfchar\n{chars}endbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = b"BT /F1 12 Tf 72 700 Td (The EU and Ruritania met in Brussels on 3 March 2021.) Tj ET"
    return page_pdf(content, to_unicode=cmap.encode())
