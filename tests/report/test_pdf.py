from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageStat

from hrd.errors import InvalidInputError
from hrd.report.pdf import html_to_pdf, render_pdf
from hrd.track.rounds import Series

from .conftest import kz_brief

PDFTOPPM = shutil.which("pdftoppm") or "/usr/bin/pdftoppm"


def first_page(pdf: bytes, tmp_path: Path, dpi: int = 60) -> Image.Image:
    """The first page of ``pdf`` as an image, rendered by poppler's pdftoppm."""
    source = tmp_path / "note.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [
            PDFTOPPM,
            "-f",
            "1",
            "-l",
            "1",
            "-r",
            str(dpi),
            "-png",
            "-singlefile",
            str(source),
            str(tmp_path / "p1"),
        ],
        check=True,
        timeout=60,
    )
    return Image.open(tmp_path / "p1.png").convert("L")


def ink(image: Image.Image) -> float:
    """The share of pixels that are not (nearly) white."""
    histogram = image.histogram()
    return sum(histogram[:200]) / (image.width * image.height)


@pytest.mark.skipif(not Path(PDFTOPPM).exists(), reason="needs poppler's pdftoppm")
def test_the_pdf_first_page_is_an_a4_page_with_text(partner: list[Series], tmp_path: Path) -> None:
    pdf = render_pdf(kz_brief(partner))
    assert pdf.startswith(b"%PDF-")
    page = first_page(pdf, tmp_path)
    # A4 at 60 dpi: 496 x 702 pixels
    assert abs(page.width - 496) <= 2 and abs(page.height - 702) <= 2
    share = ink(page)
    assert 0.01 < share < 0.5, share
    assert ImageStat.Stat(page).stddev[0] > 20
    # the top of the page holds the title: dark pixels in the upper fifth
    top = page.crop((0, 0, page.width, page.height // 5))
    assert ink(top) > 0.005


@pytest.mark.skipif(not Path(PDFTOPPM).exists(), reason="needs poppler's pdftoppm")
def test_a_blank_page_is_told_apart(tmp_path: Path) -> None:
    blank = first_page(html_to_pdf("<!doctype html><title>x</title><p></p>"), tmp_path)
    assert ink(blank) < 0.002  # the page number only


def test_the_renderer_loads_nothing_from_outside() -> None:
    with pytest.raises(InvalidInputError, match="external resources"):
        html_to_pdf('<!doctype html><img src="file:///etc/passwd">')
