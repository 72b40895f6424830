"""Hard-wrapped text (a PDF's or an e-mail's lines of about N characters) gives the record of the
same text with whole lines: line breaks inside a paragraph are spaces, not headings."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from hrd.extract import extract
from hrd.extract.segment import run as segment
from hrd.extract.state import Analysis

STYLES = Path(__file__).resolve().parents[1] / "fixtures" / "styles"


def _wrap(text: str, width: int) -> str:
    return "\n".join(
        "\n".join(textwrap.wrap(line, width, break_on_hyphens=False)) if len(line) > width else line
        for line in text.split("\n")
    )


def _facts(text: str) -> dict[str, object]:
    record = extract(text).to_json()
    meetings = record["meetings"]
    return {
        "meetings": [
            {
                k: m[k]
                for k in ("kind", "name", "parties", "ordinal", "start", "end", "format", "city", "next")
            }
            for m in meetings
        ],
        "heads": sorted((h["party"], h["name"]) for m in meetings for h in m["heads"]),
        "statements": sorted(
            (s["actor"], s["act"], t) for m in meetings for s in m["statements"] for t in s["topics"]
        ),
        "legal": sorted(
            (r["instrument"], str(r["article"]))
            for m in meetings
            for s in m["statements"]
            for r in s["legal_refs"]
        ),
        "cases": [m["cases"] for m in meetings],
        "programmes": [m["programmes"] for m in meetings],
    }


@pytest.mark.parametrize("width", [60, 78])
@pytest.mark.parametrize("path", sorted(STYLES.glob("*.txt")), ids=lambda p: p.stem)
def test_a_hard_wrapped_readout_gives_the_same_record(path: Path, width: int) -> None:
    text = path.read_text("utf-8")
    wrapped = _wrap(text, width)
    assert wrapped != text
    assert _facts(wrapped) == _facts(text)


def test_a_short_line_in_a_wrapped_paragraph_is_still_a_heading() -> None:
    body = (
        "The European Union and Ruritania held the fifth round of their Human Rights Dialogue in\n"
        "Strelsau on 3 May 2021, in a constructive atmosphere, and agreed to meet again in the\n"
        "spring of next year in Brussels.\n\n"
        "Death penalty\n"
        "The EU welcomed the moratorium on executions and called on Ruritania to abolish the\n"
        "death penalty for all crimes without delay, in line with its international obligations.\n"
    )
    texts = [s.text for s in segment(Analysis(text="Title\n\n" + body)).sentences]
    assert "Death penalty" in texts
    assert any(
        t.startswith("The EU welcomed the moratorium on executions and called on Ruritania to abolish the\n")
        for t in texts
    )
