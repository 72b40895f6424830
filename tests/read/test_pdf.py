"""hrd.read.pdf: text layer, reflowed paragraphs, encrypted, corrupt and scanned files."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from fuzzdata import page_pdf
from hangs import returns_within
from pdfbytes import image_only_pdf, text_pdf
from pypdf import PdfReader, PdfWriter

from hrd.errors import EmptyInputError, ReadError
from hrd.read.pdf import read_pdf, reflow

PAGE_1 = [
    "EU and Paraguay hold their fifth Human Rights Dialogue",
    "",
    "Brussels, 4 March 2021",
    "",
    "The European Union and the Republic of Paraguay held the fifth round of their Human",
    "Rights Dialogue on 3 March 2021 in Brussels. The EU raised concerns about free-",
    "dom of expression and about the situation of human rights defenders in the coun-",
    "try, and it welcomed the adoption of a national action plan on human rights.",
    "",
    "Paraguay presented its reforms of the judiciary and the steps taken to prevent",
    "torture in places of detention, including a new mechanism for independent",
    "monitoring of prisons.",
    "1",
]
PAGE_2 = [
    "Both sides agreed to hold the next Dialogue in Asunción in 2022, where they will",
    "also discuss the rights of the child and the situation of refugees and migrants.",
    "2",
]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return text_pdf([PAGE_1, PAGE_2], title="Paraguay HRD 5", created="D:20210304120000+01'00'")


def _encrypted(data: bytes, *, user: str, owner: str) -> bytes:
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(data)))
    writer.encrypt(user, owner_password=owner, algorithm="AES-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_paragraphs_of_all_pages(pdf: bytes) -> None:
    doc = read_pdf(pdf, source="r.pdf")
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == PAGE_1[0]
    assert paragraphs[1] == "Brussels, 4 March 2021"
    assert paragraphs[2].startswith("The European Union and the Republic of Paraguay held the fifth round")
    assert paragraphs[2].endswith("adoption of a national action plan on human rights.")
    assert paragraphs[3].endswith("independent monitoring of prisons.")
    assert paragraphs[4] == " ".join(PAGE_2[:2])
    assert len(paragraphs) == 5
    assert (doc.media_type, doc.source) == ("application/pdf", "r.pdf")


def test_hyphenation_at_line_ends_is_mended(pdf: bytes) -> None:
    text = read_pdf(pdf, source="r.pdf").text
    assert "about freedom of expression" in text
    assert "in the country, and it welcomed" in text
    assert "free-" not in text


def test_page_numbers_are_dropped(pdf: bytes) -> None:
    text = read_pdf(pdf, source="r.pdf").text
    assert "\n1\n" not in text and not text.endswith("2")


def test_metadata_title_and_creation_date(pdf: bytes) -> None:
    doc = read_pdf(pdf, source="r.pdf")
    assert doc.title == "Paraguay HRD 5"
    assert doc.published == dt.date(2021, 3, 4)


def test_compound_hyphen_kept_when_written_elsewhere() -> None:
    lines = [
        "The parties discussed the well-being of detainees in the prisons of the country and the",
        "need to protect the well-",
        "being of prisoners.",
    ]
    assert "protect the well-being of prisoners." in reflow(["\n".join(lines)])


def test_encrypted_pdf_is_refused(pdf: bytes) -> None:
    with pytest.raises(ReadError, match="encrypted PDF"):
        read_pdf(_encrypted(pdf, user="secret", owner="owner"), source="locked.pdf")


def test_pdf_with_only_an_owner_password_is_read(pdf: bytes) -> None:
    doc = read_pdf(_encrypted(pdf, user="", owner="owner"), source="open.pdf")
    assert "Asunción in 2022" in doc.text


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\nthis is not a PDF body at all", b"%PDF-1.7\n" + bytes(range(256)) * 8],
    ids=["garbage", "noise"],
)
def test_corrupt_pdf_is_refused(data: bytes) -> None:
    with pytest.raises(ReadError, match="corrupt or damaged PDF"):
        read_pdf(data, source="bad.pdf")


def test_truncated_pdf_is_refused(pdf: bytes) -> None:
    with pytest.raises(ReadError):
        read_pdf(pdf[: len(pdf) // 3], source="cut.pdf")


def test_scanned_pdf_without_text_layer() -> None:
    with pytest.raises(ReadError, match=r"no text layer \(scanned PDF\?\)"):
        read_pdf(image_only_pdf(), source="scan.pdf")


def test_empty_pdf_file() -> None:
    with pytest.raises(EmptyInputError):
        read_pdf(b"", source="empty.pdf")


@pytest.mark.timeout(20)
def test_reflow_of_one_endless_paragraph_is_linear() -> None:
    # 30,000 full-width lines without a paragraph break: joining them must not be quadratic.
    line = "the parties discussed the rights of persons belonging to minorities and the free-"
    text = reflow(["\n".join([line] * 30_000)])
    assert "\n" not in text
    assert text.count("freethe parties") == 29_999


def test_running_header_and_footer_are_dropped() -> None:
    body = ["The EU raised the death penalty.", "Paraguay presented its reforms.", "Both sides met again."]
    pages = [
        ["Example Service - Press release", line, f"Ref. EX/{n}/2021"] for n, line in enumerate(body, start=1)
    ]
    text = read_pdf(text_pdf(pages), source="r.pdf").text
    assert "Example Service" not in text and "Ref. EX" not in text
    assert text.split("\n\n") == body


def test_repeated_lines_of_a_two_page_pdf_are_kept() -> None:
    pages = [["Example Service - Press release", "The EU and Paraguay met in Asunción."]] * 2
    assert read_pdf(text_pdf(pages), source="r.pdf").text.count("Example Service") == 2


def test_a_pdf_whose_only_text_is_page_numbers_has_no_text_layer() -> None:
    # Found by fuzzing: the reader returned a document with empty text.
    with pytest.raises(ReadError, match="no text layer"):
        read_pdf(text_pdf([["1"], ["2"]]), source="r.pdf")


def test_a_very_long_word_is_reflowed_in_linear_time() -> None:
    # Found by fuzzing: finding hyphenated compounds was quadratic in a word's length (a million
    # letters, a few kB of compressed PDF, took 20 minutes). Killed if it does not return.
    code = "from hrd.read.pdf import reflow; assert reflow(['ab-cd ' + 'a' * 1_000_000]).startswith('ab-cd')"
    assert returns_within(code, 60)
    page = "The free-\ndom and the well-\nbeing of all, and their well-being."
    assert reflow([page]) == "The freedom and the well-being of all, and their well-being."


def test_a_cmap_to_a_lone_surrogate_gives_the_replacement_character() -> None:
    # Found by fuzzing: pypdf decodes ToUnicode maps with 'surrogatepass'; such text cannot be stored.
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapType 2 def\n"
        b"1 begincodespacerange <00> <FF> endcodespacerange\n1 beginbfchar <41> <D800> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = b"BT /F1 12 Tf 72 700 Td (The EU and A met in Brussels on 3 March 2021.) Tj ET"
    doc = read_pdf(page_pdf(content, to_unicode=cmap), source="r.pdf")
    assert doc.text == "The EU and \ufffd met in Brussels on 3 March 2021."
    assert len(doc.sha256) == 64
