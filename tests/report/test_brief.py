import dataclasses
import datetime as dt
import re

import pytest

from hrd.errors import NotFoundError
from hrd.report.brief import Brief, BriefInputs, BriefOptions, build_brief
from hrd.report.render import md_escape, render_html, render_markdown
from hrd.track.benchmarks import Benchmark, Override
from hrd.track.followup import items_from_series, set_status
from hrd.track.rounds import Provision, Series

from .conftest import EXTREMISM

TODAY = dt.date(2022, 7, 1)
ABOLISH = Benchmark("b1", "KZ", "human-rights-dialogue", "death-penalty", "abolish")
REPEAL = Benchmark("b2", "KZ", "human-rights-dialogue", Provision("Criminal Code", "174"), "repeal")


def _brief(partner: list[Series], **options: object) -> Brief:
    items = [i for s in partner for i in items_from_series(s)]
    # analysts: the death-penalty call is fulfilled, the assembly call progressing
    items = [
        set_status(i, "fulfilled")
        if "death-penalty" in i.topics
        else set_status(i, "progressing", "draft law on assemblies")
        if "assembly" in i.topics
        else i
        for i in items
    ]
    inputs = BriefInputs(
        items=tuple(items),
        benchmarks=(ABOLISH, REPEAL, Benchmark("b3", "UZ", "human-rights-dialogue", "forced-labour", "end")),
        overrides=(Override("b2", "KZ-11", "partly-met", "draft amendment tabled"),),
    )
    return build_brief("KZ", partner, inputs, BriefOptions(today=TODAY, **options))  # type: ignore[arg-type]


def test_brief_collects_the_partner_facts(partner: list[Series]) -> None:
    b = _brief(partner)
    assert [s.kind for s in b.series] == ["human-rights-dialogue", "subcommittee"]
    # the note is about the dialogue: its round 13 opens it, though the subcommittee met a day later
    assert (b.last_round.kind, b.last_round.ref.ordinal, b.last_round.statements) == (
        "human-rights-dialogue",
        13,
        4,
    )
    assert b.last_round.raised == ("death-penalty", "individual-cases", "torture")
    assert b.last_round.documents == ("eu-2022",) and b.last_round.heads[0].name == "Anna Example"
    sub_first = _brief(partner, kind="subcommittee")
    assert [s.kind for s in sub_first.series] == ["subcommittee", "human-rights-dialogue"]
    assert (sub_first.last_round.kind, sub_first.last_round.raised) == ("subcommittee", ("religion",))
    hrd, sub = b.series
    assert [(t.topic, t.streak) for t in hrd.concerns] == [
        ("torture", 4),
        ("death-penalty", 1),
        ("individual-cases", 1),
    ]
    assert [(t.topic, t.streak) for t in sub.concerns] == [("religion", 2)]
    assert [(o.item.topics[0], o.item.status, o.rounds_open, o.stale) for o in hrd.open_items] == [
        ("torture", "open", 3, True),
        ("expression", "open", 2, False),
        ("assembly", "progressing", 2, False),
        ("torture", "open", 1, False),
    ]
    assert (b.open_item_count, b.stale_item_count) == (5, 1)
    assert [(h.provision, h.since.ordinal, len(h.citations)) for h in b.provisions_at_issue] == [
        (EXTREMISM, 1, 2)
    ]
    assert [c.direction for c in hrd.changes] == ["progress", "progress", "progress", "regression"]
    assert [p.programme.acronym or p.programme.name for p in b.programmes] == [
        "Rule of Law Programme",
        "BOMCA",
    ]
    assert [e.what for e in b.upcoming] == ["presidential elections"]
    assert [(s.benchmark.id, s.current.result if s.current else None) for s in b.benchmarks] == [
        ("b1", "not-met"),
        ("b2", "met"),
    ]
    assert hrd.next_round is not None and hrd.next_round.city == "Astana"
    assert sub.next_round is None


def test_unknown_partner_is_not_found(partner: list[Series]) -> None:
    with pytest.raises(NotFoundError):
        build_brief("CN", partner, BriefInputs(), BriefOptions(today=TODAY))


def _section(text: str, number: int) -> str:
    start = text.index(f"## {number}. ")
    end = text.find(f"## {number + 1}. ", start)
    return text[start : end if end > 0 else None]


def test_markdown_figures_match_the_brief(partner: list[Series]) -> None:
    b = _brief(partner)
    md = render_markdown(b)
    last = _section(md, 1)
    assert f"Statements: {b.last_round.statements} " in last
    assert "Human Rights Dialogue, round 13 (1 June 2022)" in last
    assert "Anna Example (EU, Head of Division)" in last
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


def test_html_escapes_and_embeds_the_matrix(partner: list[Series]) -> None:
    b = _brief(partner)
    html = render_html(b)
    assert html.startswith("<!doctype html>")
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg"') == 2
    assert f'<span data-figure="statements">{b.last_round.statements}</span>' in html
    assert html.count('<tr class="stale">') == b.stale_item_count
    assert "raised in 4 consecutive rounds" in html
    no_charts = render_html(_brief(partner, charts=False))
    assert "<svg" not in no_charts


def test_item_text_with_markup_is_escaped_everywhere(partner: list[Series]) -> None:
    item = items_from_series(partner[0])[0]
    bad = dataclasses.replace(item, text="<script>x()</script> *now*")
    brief = build_brief("KZ", partner, BriefInputs(items=(bad,)), BriefOptions(today=TODAY))
    assert "<script>" not in render_html(brief) and "&lt;script&gt;" in render_html(brief)
    assert r"\<script\>x()\</script\> \*now\*" in render_markdown(brief)
