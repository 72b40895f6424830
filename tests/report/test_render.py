import dataclasses
import re

from hrd.report.brief import BriefInputs, BriefOptions, build_brief
from hrd.report.render import md_escape, render_html, render_markdown
from hrd.track.followup import items_from_series
from hrd.track.rounds import Series

from .conftest import TODAY, kz_brief


def _section(text: str, number: int) -> str:
    start = text.index(f"## {number}. ")
    end = text.find(f"## {number + 1}. ", start)
    return text[start : end if end > 0 else None]


def test_markdown_figures_match_the_brief(partner: list[Series]) -> None:
    b = kz_brief(partner)
    md = render_markdown(b)
    last = _section(md, 1)
    assert f"Statements: {b.last_round.statements} " in last
    assert "Human Rights Dialogue, round 13 (1 June 2022)" in last
    assert "Anna Example (EU, Head of Division)" in last
    heads = next(line for line in last.splitlines() if line.startswith("- Heads of delegation: "))
    assert heads.endswith(")")  # the list item ends its line: the next item is not run into it
    concerns = _section(md, 2)
    for s in b.series:
        for t in s.concerns:
            streak = "the last round only" if t.streak == 1 else f"{t.streak} consecutive rounds"
            assert re.search(rf"raised in {streak} \| {t.count} \|", concerns), t.topic
    assert "| Torture and ill-treatment | raised in 4 consecutive rounds | 4 |" in concerns
    items = _section(md, 3)
    assert f"{b.open_item_count} open items; {b.stale_item_count} flagged STALE" in items
    assert items.count("\n| STALE |") == b.stale_item_count == 1
    assert items.count("\n| ") - 1 == b.open_item_count  # rows besides the header
    provisions = _section(md, 4)
    assert (
        "**Law on Countering Extremism**: of concern since round 1 (2 June 2021); cited 2 times" in provisions
    )
    changes = _section(md, 5)
    assert changes.count("- Progress on") == 3 and changes.count("- Regression on") == 1
    assert "Programmes" in _section(md, 6) and "8,000,000 EUR" in _section(md, 6)
    events = _section(md, 7)
    assert "10 September 2022: presidential elections" in events and "local elections" not in events
    benchmarks = _section(md, 8)
    assert "| abolish: Death penalty | not-met |" in benchmarks
    assert "round 11 (1 June 2020): partly-met" in benchmarks  # the analyst's override
    assert "- Human Rights Dialogue: Astana (KZ), 2023" in _section(md, 9)
    assert "- Subcommittee: not announced" in _section(md, 9)


def test_markdown_escapes_readout_text() -> None:
    assert md_escape("a *b* [c](d) <e> | f") == r"a \*b\* \[c\](d) \<e\> \| f"


def test_html_escapes_and_embeds_the_charts(partner: list[Series]) -> None:
    b = kz_brief(partner)
    html = render_html(b)
    assert html.startswith("<!doctype html>")
    # per series (the dialogue, the subcommittee): the topic x round matrix and the stance timeline
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 4
    assert html.count('aria-labelledby="timeline-') == 2 and html.count('aria-labelledby="matrix-') == 2
    assert f'<span data-figure="statements">{b.last_round.statements}</span>' in html
    assert html.count('<tr class="stale">') == b.stale_item_count
    assert "raised in 4 consecutive rounds" in html
    no_charts = render_html(kz_brief(partner, charts=False))
    assert "<svg" not in no_charts


def test_item_text_with_markup_is_escaped_everywhere(partner: list[Series]) -> None:
    item = items_from_series(partner[0])[0]
    bad = dataclasses.replace(item, text="<script>x()</script> *now*")
    brief = build_brief("KZ", partner, BriefInputs(items=(bad,)), BriefOptions(today=TODAY))
    assert "<script>" not in render_html(brief) and "&lt;script&gt;" in render_html(brief)
    assert r"\<script\>x()\</script\> \*now\*" in render_markdown(brief)
