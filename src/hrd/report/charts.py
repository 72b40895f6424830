"""Charts as hand-written SVG: the topic × round matrix and the stance timeline.

Both are accessible: a ``<title>`` and ``<desc>`` named by ``aria-labelledby``,
a tooltip title on every cell and bar, text labels, a legend, and colours of
the Okabe–Ito palette (safe for colour-blind readers) backed by a glyph in
every cell, so no meaning rests on colour alone. PNG goes through cairosvg
(:func:`svg_to_png`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from ..codes import topics as topic_list
from ..track.rounds import Round, Series, Subject, mentions, subject_label
from ..track.stance import Stance, StanceOptions, is_critical, is_positive, stance_matrix
from .labels import subject_name

__all__ = ["STYLE", "ChartOptions", "matrix_subjects", "matrix_svg", "svg_to_png", "timeline_svg"]


@dataclass(frozen=True, slots=True)
class _Look:
    fill: str
    ink: str
    glyph: str
    label: str


#: Okabe–Ito colours; the glyph repeats the meaning for readers who cannot tell the colours apart.
STYLE: Final[dict[Stance, _Look]] = {
    "critical": _Look("#D55E00", "#000000", "!", "concern or call"),
    "positive": _Look("#0072B2", "#FFFFFF", "+", "welcome or acknowledgement"),
    "mixed": _Look("#CC79A7", "#000000", "±", "mixed"),
    "discussed": _Look("#E8E8E8", "#000000", "·", "discussed only"),
}
_EMPTY = "#FFFFFF"
_GRID = "#9A9A9A"
LEGEND_STEP = 240  # room for "welcome or acknowledgement" beside its swatch


@dataclass(frozen=True, slots=True)
class ChartOptions:
    """``subjects``: the matrix rows (default: every topic of the series, in topics.json order).

    ``id_prefix`` keeps element ids unique when several charts share one page.
    """

    subjects: tuple[Subject, ...] | None = None
    cell: int = 26
    label_width: int = 290
    id_prefix: str = "hrd-chart"
    title: str | None = None
    stance: StanceOptions = field(default_factory=StanceOptions)


def _a(value: object) -> str:
    return quoteattr(str(value))


def _round_label(r: Round) -> str:
    if r.ordinal is not None:
        return f"#{r.ordinal}" + (f" {r.start.year}" if r.start else "")
    return str(r.start.year) if r.start else (r.name or r.meeting_id)[:10]


def matrix_subjects(series: Series, options: ChartOptions = ChartOptions()) -> tuple[Subject, ...]:
    """The matrix rows: ``options.subjects``, else every topic mentioned in the series."""
    if options.subjects is not None:
        return options.subjects
    found = {t for r in series.rounds for t in r.topics()}
    ordered: list[Subject] = [t.code for t in topic_list() if t.code in found]
    return (*ordered, *sorted(found - set(ordered)))


def _legend(x: int, y: int, include_empty: bool = True) -> list[str]:
    out = [f'<g class="legend" transform="translate({x},{y})">']
    items: list[tuple[str, str, str, str]] = [(s.fill, s.ink, s.glyph, s.label) for s in STYLE.values()]
    if include_empty:
        items.append((_EMPTY, "#000000", "", "not mentioned"))
    for i, (fill, ink, glyph, label) in enumerate(items):
        ox = (i % 3) * LEGEND_STEP
        oy = (i // 3) * 20
        out.append(f'<rect x="{ox}" y="{oy}" width="14" height="14" fill="{fill}" stroke="{_GRID}"/>')
        if glyph:
            out.append(
                f'<text x="{ox + 7}" y="{oy + 11}" text-anchor="middle" fill="{ink}">{escape(glyph)}</text>'
            )
        out.append(f'<text x="{ox + 20}" y="{oy + 11}">{escape(label)}</text>')
    out.append("</g>")
    return out


def _svg_open(width: int, height: int, prefix: str, title: str, desc: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-labelledby={_a(prefix + "-title")} '
        f'aria-describedby={_a(prefix + "-desc")} font-family="DejaVu Sans, Arial, sans-serif" '
        'font-size="11">',
        f"<title id={_a(prefix + '-title')}>{escape(title)}</title>",
        f"<desc id={_a(prefix + '-desc')}>{escape(desc)}</desc>",
        f'<rect width="{width}" height="{height}" fill="#FFFFFF"/>',
    ]


def matrix_svg(series: Series, options: ChartOptions = ChartOptions()) -> str:
    """The topic × round matrix: one cell per subject and round, coloured by the EU's stance."""
    subjects = matrix_subjects(series, options)
    rounds = series.rounds
    c, lw = options.cell, options.label_width
    top, left = 64, lw + 10
    width = max(left + c * len(rounds) + 50, left + 3 * LEGEND_STEP)
    legend_y = top + c * len(subjects) + 16
    height = legend_y + 50
    title = options.title or f"Topics by round: {series.partner} {series.kind.replace('-', ' ')}"
    desc = (
        f"{len(subjects)} topics (rows) by {len(rounds)} rounds (columns); each cell shows the EU's stance "
        "on the topic in that round: concern or call, welcome or acknowledgement, mixed, discussed only, "
        "or not mentioned."
    )
    out = _svg_open(width, height, options.id_prefix, title, desc)
    out.append(f'<text x="{left}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>')
    out.append('<g class="columns">')
    for j, r in enumerate(rounds):
        x = left + j * c + c // 2
        out.append(
            f'<text x="{x}" y="{top - 6}" transform="rotate(-45 {x} {top - 6})">'
            f"{escape(_round_label(r))}</text>"
        )
    out.append("</g>")
    out.append('<g class="rows">')
    for i, subject in enumerate(subjects):
        y = top + i * c + c // 2 + 4
        out.append(f'<text x="{lw}" y="{y}" text-anchor="end">{escape(subject_name(subject))}</text>')
    out.append("</g>")
    out.append('<g class="cells">')
    for i, row in enumerate(stance_matrix(series, subjects, options.stance)):
        for j, cell in enumerate(row):
            x, y = left + j * c, top + i * c
            look = STYLE[cell.stance] if cell.stance else None
            what = look.label if look else "not mentioned"
            tip = f"{subject_name(cell.subject)}, {cell.round.ref.label}: {what}"
            if cell.statements:
                tip += f" ({len(cell.statements)} statement{'s' if len(cell.statements) != 1 else ''})"
            out.append(
                f'<g class="cell" data-subject={_a(subject_label(cell.subject))} '
                f"data-round={_a(cell.round.meeting_id)} data-stance={_a(cell.stance or 'none')}>"
                f"<title>{escape(tip)}</title>"
                f'<rect x="{x}" y="{y}" width="{c}" height="{c}" fill="{look.fill if look else _EMPTY}" '
                f'stroke="{_GRID}" stroke-width="0.5"/>'
            )
            if look:
                out.append(
                    f'<text x="{x + c // 2}" y="{y + c // 2 + 4}" text-anchor="middle" fill="{look.ink}" '
                    f'aria-hidden="true">{escape(look.glyph)}</text>'
                )
            out.append("</g>")
    out.append("</g>")
    out += _legend(left, legend_y)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _counts(r: Round, subject: Subject | None, so: StanceOptions) -> tuple[int, int]:
    statements = [s for s in r.statements if subject is None or mentions(s, subject)]
    return sum(is_critical(s, so) for s in statements), sum(is_positive(s, so) for s in statements)


def timeline_svg(
    series: Series, subject: Subject | None = None, options: ChartOptions = ChartOptions()
) -> str:
    """The stance timeline: per round, recognition above the axis and pressure below it.

    Bars count statements (all of them, or those about ``subject``).
    """
    so = options.stance
    counts = [_counts(r, subject, so) for r in series.rounds]
    peak = max([1, *(max(cr, po) for cr, po in counts)])
    bar, gap, half = 28, 18, 90
    left, top = 60, 40
    width = max(left + (bar + gap) * len(counts) + 20, left + 500)
    axis = top + half
    height = axis + half + 70
    about = f" on {subject_name(subject)}" if subject is not None else ""
    title = options.title or f"Stance timeline{about}: {series.partner} {series.kind.replace('-', ' ')}"
    desc = (
        f"For each of {len(counts)} rounds, the number of welcome or acknowledgement statements{about} "
        "(bars above the axis) and of concern or call statements (bars below)."
    )
    out = _svg_open(width, height, options.id_prefix, title, desc)
    out.append(f'<text x="{left}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>')
    out.append(f'<line x1="{left - 6}" y1="{axis}" x2="{width - 10}" y2="{axis}" stroke="#000000"/>')
    out.append(f'<text x="{left - 10}" y="{top + 10}" text-anchor="end">{peak}</text>')
    out.append(f'<text x="{left - 10}" y="{axis + half}" text-anchor="end">{peak}</text>')
    pos, crit = STYLE["positive"], STYLE["critical"]
    for j, (r, (critical, positive)) in enumerate(zip(series.rounds, counts, strict=True)):
        x = left + j * (bar + gap)
        up, down = round(half * positive / peak), round(half * critical / peak)
        label = r.ref.label
        out.append(f'<g class="round" data-round={_a(r.meeting_id)}>')
        out.append(
            f'<rect class="bar positive" x="{x}" y="{axis - up}" width="{bar}" height="{up}" '
            f'fill="{pos.fill}">'
            f"<title>{escape(f'{label}: {positive} welcome or acknowledgement')}</title></rect>"
        )
        out.append(
            f'<rect class="bar critical" x="{x}" y="{axis}" width="{bar}" height="{down}" fill="{crit.fill}" '
            f'stroke="#000000" stroke-width="0.5" stroke-dasharray="3 2">'
            f"<title>{escape(f'{label}: {critical} concern or call')}</title></rect>"
        )
        out.append(f'<text x="{x + bar // 2}" y="{axis - up - 4}" text-anchor="middle">{positive}</text>')
        out.append(f'<text x="{x + bar // 2}" y="{axis + down + 12}" text-anchor="middle">{critical}</text>')
        out.append(
            f'<text x="{x + bar // 2}" y="{axis + half + 28}" text-anchor="middle">'
            f"{escape(_round_label(r))}</text>"
        )
        out.append("</g>")
    legend = [(pos, "welcome or acknowledgement (above)"), (crit, "concern or call (below, dashed)")]
    out.append(f'<g class="legend" transform="translate({left},{height - 20})">')
    for i, (look, text) in enumerate(legend):
        out.append(f'<rect x="{i * 240}" y="0" width="14" height="14" fill="{look.fill}" stroke="#000000"/>')
        out.append(f'<text x="{i * 240 + 20}" y="11">{escape(text)}</text>')
    out.append("</g></svg>")
    return "\n".join(out) + "\n"


def svg_to_png(svg: str, scale: float = 2.0) -> bytes:
    """Render an SVG chart as PNG with CairoSVG (``scale`` 2: sharp on high-density screens and in print)."""
    import cairosvg  # type: ignore[import-untyped]

    png = cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale)
    if not isinstance(png, bytes):
        raise TypeError("cairosvg returned no bytes")
    return png
