"""Reports over tracked facts: briefing notes, charts and exports.

Every function returns a value or text; the faces (CLI, web) write files and
responses. ``brief`` builds the typed note, ``render`` turns it into Markdown
or HTML, ``charts`` draws SVG, ``exports`` writes CSV, CAMEO events and JSON.
"""

from __future__ import annotations

from .brief import Brief, BriefInputs, BriefOptions, build_brief
from .charts import ChartOptions, matrix_svg, svg_to_png, timeline_svg
from .exports import ExportOptions, cameo_csv, cameo_events, records_json, statements_csv
from .optional import RendererUnavailableError
from .render import render_html, render_markdown

__all__ = [
    "Brief",
    "BriefInputs",
    "BriefOptions",
    "ChartOptions",
    "ExportOptions",
    "RendererUnavailableError",
    "build_brief",
    "cameo_csv",
    "cameo_events",
    "matrix_svg",
    "records_json",
    "render_html",
    "render_markdown",
    "statements_csv",
    "svg_to_png",
    "timeline_svg",
]
