"""Load the extractor's lexicons: JSON data files in ``lexicons/`` beside the code."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["load_lexicon"]


@cache
def load_lexicon(name: str) -> Any:
    """The parsed contents of ``lexicons/<name>.json``."""
    path = resources.files(__package__).joinpath("lexicons", f"{name}.json")
    return json.loads(path.read_text("utf-8"))
