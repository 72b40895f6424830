"""Render a :class:`~hrd.report.brief.Brief` to Markdown or HTML with Jinja2.

Both environments escape every expression: HTML through Jinja2's autoescape,
Markdown through a ``finalize`` hook that backslash-escapes Markdown syntax
and HTML brackets, so text from readouts can neither inject markup into a
note nor into the HTML that a Markdown viewer makes of it. The only value
marked safe is the chart SVG, which :mod:`hrd.report.charts` escapes itself.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..track.rounds import RoundRef, Subject
from .brief import Brief
from .labels import act_label, subject_name, topic_label

__all__ = ["KIND_NAMES", "md_escape", "render_html", "render_markdown"]

KIND_NAMES = {
    "human-rights-dialogue": "Human Rights Dialogue",
    "subcommittee": "Subcommittee",
    "cooperation-committee": "Cooperation Committee",
    "cooperation-council": "Cooperation Council",
    "consultations": "Human Rights Consultations",
    "other": "Other meetings",
}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def md_escape(value: object) -> str:
    """Backslash-escape Markdown syntax (and ``<``, ``>``) in a value printed into a Markdown note."""
    if value is None:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", str(value)).replace("\n", " ")


def _date(value: dt.date | None) -> str:
    return value.strftime("%-d %B %Y") if value else "date not reported"


def _round(ref: RoundRef) -> str:
    name = f"round {ref.ordinal}" if ref.ordinal is not None else (ref.name or "round")
    return f"{name} ({_date(ref.start)})" if ref.start else name


def _subject(subject: Subject) -> str:
    return subject_name(subject)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _environment(html: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("hrd.report", "templates"),
        # By the template's kind: *.html.j2 (and anything unknown) autoescaped as HTML; *.md.j2 is
        # escaped for Markdown by ``finalize`` instead.
        autoescape=select_autoescape(
            enabled_extensions=("html.j2",), disabled_extensions=("md.j2",), default=True
        ),
        finalize=None if html else md_escape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    filters: dict[str, Any] = {
        "topic": topic_label,
        "act": act_label,
        "subject": _subject,
        "date": _date,
        "round": _round,
        "kind": lambda k: KIND_NAMES.get(k, k),
        "plural": _plural,
    }
    env.filters.update(filters)
    return env


@cache
def _env(html: bool) -> Environment:
    return _environment(html)


def render_markdown(brief: Brief) -> str:
    return _env(False).get_template("brief.md.j2").render(b=brief)


def render_html(brief: Brief) -> str:
    return _env(True).get_template("brief.html.j2").render(b=brief)
