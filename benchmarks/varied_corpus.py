"""Many distinct readouts made from a few: the dev corpus varied (used by store_bench.py and durability.py).

Variant ``i`` of a base readout moves its years and round ordinals by an amount
that depends on ``i`` (so the variants report different meetings of the same
series) and ends with a reference line (so every text, and its sha256, is
distinct). Only the corpus's *design* documents are used when eval/split.json
lists them: the held-out documents are never read by developers' tools.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"

_YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_ORDINAL_RE = re.compile(r"\b(\d{1,2})(st|nd|rd|th)\b")


def corpus_dir() -> Path:
    return Path(os.environ.get("HRD_BENCH_CORPUS", DEFAULT_CORPUS))


def base_texts(folder: Path | None = None) -> dict[str, str]:
    """The base readouts, by file stem (design documents only when the split is known)."""
    folder = folder or corpus_dir()
    split = ROOT / "eval" / "split.json"
    names = None
    if split.exists():
        names = set(json.loads(split.read_text(encoding="utf-8"))["design"])
    texts = {
        p.stem: p.read_text(encoding="utf-8")
        for p in sorted(folder.glob("*.txt"))
        if names is None or p.stem in names
    }
    if not texts:
        raise SystemExit(f"no readouts found in {folder} (set HRD_BENCH_CORPUS)")
    return texts


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def vary(text: str, variant: int, ref: int) -> str:
    """Variant number ``variant`` of a readout, ending with the reference ``ref``."""
    shift = variant % 9
    text = _YEAR_RE.sub(lambda m: str(int(m.group(1)) - shift), text)
    rounds = variant % 40

    def ordinal(m: re.Match[str]) -> str:
        n = int(m.group(1)) + rounds
        return f"{n}{_suffix(n)}"

    text = _ORDINAL_RE.sub(ordinal, text)
    return f"{text.rstrip()}\n\nReference: HRD-BENCH-{ref:06d}\n"


def write_variants(folder: Path, count: int, bases: dict[str, str] | None = None) -> list[Path]:
    """Write ``count`` variants round-robin over the base readouts; returns their paths."""
    bases = bases or base_texts()
    names = sorted(bases)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        name = names[i % len(names)]
        path = folder / f"{name}-v{i:06d}.txt"
        path.write_text(vary(bases[name], i // len(names), i), encoding="utf-8")
        paths.append(path)
    return paths
