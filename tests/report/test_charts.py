import io
import xml.etree.ElementTree as ET

from PIL import Image

from hrd.report.charts import STYLE, ChartOptions, matrix_subjects, matrix_svg, svg_to_png, timeline_svg
from hrd.track.rounds import Series
from track.conftest import rnd, series, st

NS = {"svg": "http://www.w3.org/2000/svg"}


def _cells(svg: str) -> dict[tuple[str, str], str]:
    root = ET.fromstring(svg)
    cells = root.findall(".//svg:g[@class='cell']", NS)
    out = {(c.attrib["data-subject"], c.attrib["data-round"]): c.attrib["data-stance"] for c in cells}
    assert len(out) == len(cells)  # no cell twice
    return out


def test_matrix_has_one_cell_per_topic_and_round(kz: Series) -> None:
    svg = matrix_svg(kz)
    topics = matrix_subjects(kz)
    assert topics == ("death-penalty", "torture", "expression", "assembly", "labour", "individual-cases")
    cells = _cells(svg)
    assert set(cells) == {(t, r.meeting_id) for t in topics for r in kz.rounds}
    assert cells[("torture", "KZ-10")] == "critical"
    assert cells[("death-penalty", "KZ-12")] == "positive"
    assert cells[("labour", "KZ-10")] == "discussed"
    assert cells[("labour", "KZ-11")] == "none"
    assert cells[("assembly", "KZ-13")] == "discussed"


def test_mixed_cell_and_glyphs() -> None:
    s = series(rnd(1, 2020, st("EU", "welcome", "media"), st("EU", "call", "media")))
    svg = matrix_svg(s)
    assert _cells(svg) == {("media", "KZ-1"): "mixed"}
    root = ET.fromstring(svg)
    cell = root.find(".//svg:g[@class='cell']", NS)
    assert cell is not None
    glyph = cell.find("svg:text", NS)
    assert glyph is not None and glyph.text == STYLE["mixed"].glyph


def test_matrix_is_accessible(kz: Series) -> None:
    root = ET.fromstring(matrix_svg(kz, ChartOptions(id_prefix="m1", title="KZ & EU <topics>")))
    assert root.attrib["role"] == "img" and root.attrib["aria-labelledby"] == "m1-title"
    title = root.find("svg:title", NS)
    assert title is not None and title.text == "KZ & EU <topics>"
    assert root.find("svg:desc", NS) is not None
    tips = [t.text or "" for t in root.findall(".//svg:g[@class='cell']/svg:title", NS)]
    assert "Torture and ill-treatment, round 10 · 2019-06-01: concern or call (2 statements)" in tips
    legend = [t.text for t in root.findall(".//svg:g[@class='legend']/svg:text", NS)]
    assert "concern or call" in legend and "not mentioned" in legend
    labels = [t.text for t in root.findall(".//svg:g[@class='rows']/svg:text", NS)]
    assert labels[1] == "Torture and ill-treatment"


def test_colours_are_the_colour_blind_safe_palette() -> None:
    assert {s.fill for s in STYLE.values()} == {"#D55E00", "#0072B2", "#CC79A7", "#E8E8E8"}
    assert len({s.glyph for s in STYLE.values()}) == len(STYLE)


def test_timeline_counts_per_round(kz: Series) -> None:
    root = ET.fromstring(timeline_svg(kz))
    rounds = root.findall(".//svg:g[@class='round']", NS)
    assert [g.attrib["data-round"] for g in rounds] == ["KZ-10", "KZ-11", "KZ-12", "KZ-13"]
    tips = [t.text or "" for t in root.findall(".//svg:rect/svg:title", NS)]
    assert "round 12 · 2021-06-01: 2 welcome or acknowledgement" in tips
    assert "round 12 · 2021-06-01: 2 concern or call" in tips
    assert "round 10 · 2019-06-01: 4 concern or call" in tips
    one = ET.fromstring(timeline_svg(kz, "death-penalty"))
    tips = [t.text or "" for t in one.findall(".//svg:rect/svg:title", NS)]
    assert "round 13 · 2022-06-01: 1 concern or call" in tips
    assert "round 13 · 2022-06-01: 0 welcome or acknowledgement" in tips


def test_png_renders_the_chart(kz: Series) -> None:
    svg = matrix_svg(kz)
    png = svg_to_png(svg, scale=1.0)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    root = ET.fromstring(svg)
    assert image.size == (int(root.get("width", 0)), int(root.get("height", 0)))
    colours = dict((c, n) for n, c in image.getcolors(maxcolors=1 << 20) or [])
    # the concern cells are drawn in the palette's orange, the welcome cells in its blue
    assert colours.get((0xD5, 0x5E, 0x00), 0) > 26 * 26
    assert colours.get((0x00, 0x72, 0xB2), 0) > 26 * 26
    assert len(svg_to_png(svg)) > len(png)  # scale 2 by default
