"""Where a page inserts HTML without escaping: only the known, generated sinks.

Templates autoescape everything; ``|safe`` is allowed only for HTML that our own autoescaping
renderers made (the SVG charts and the briefing note). Ingested HTML is never rendered as HTML:
readers keep its text only. A new ``|safe`` or ``Markup`` fails here until it is reviewed.
"""

from __future__ import annotations

import re
from pathlib import Path

import hrd.web

WEB = Path(hrd.web.__file__).parent
KNOWN = {("tracking.html", "charts[s.kind]"), ("brief_page.html", "body")}


def test_only_known_unescaped_sinks() -> None:
    found = set()
    for template in (WEB / "templates").rglob("*.html"):
        for expr in re.findall(r"\{\{\s*([^}|]+?)\s*\|\s*safe\s*\}\}", template.read_text("utf-8")):
            found.add((template.name, expr))
        assert "autoescape false" not in template.read_text("utf-8"), template
    assert found == KNOWN
    for module in WEB.rglob("*.py"):
        assert "Markup(" not in module.read_text("utf-8"), module
