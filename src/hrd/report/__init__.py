"""Reports over tracked facts: briefing notes, charts and exports.

Every function returns a value or text; the faces (CLI, web) write files and
responses. ``brief`` builds the typed note, ``render`` turns it into Markdown
or HTML, ``pdf`` lays it out as PDF, ``charts`` draws SVG and PNG, ``exports`` writes
CAMEO events and statements as XLSX.
"""

from __future__ import annotations

from .brief import Brief, BriefInputs, BriefOptions, build_brief
from .charts import ChartOptions, matrix_svg, svg_to_png, timeline_svg
from .exports import ExportOptions, cameo_csv, cameo_events, statements_xlsx
from .pdf import render_pdf
from .render import render_html, render_markdown

__all__ = [
    "Brief",
    "BriefInputs",
    "BriefOptions",
    "ChartOptions",
    "ExportOptions",
    "build_brief",
    "cameo_csv",
    "cameo_events",
    "matrix_svg",
    "render_html",
    "render_markdown",
    "render_pdf",
    "statements_xlsx",
    "svg_to_png",
    "timeline_svg",
]
