#!/usr/bin/env python3
"""The extraction eval gate.

    python eval/run_eval.py [--corpus DIR] [--part all|design|heldout|styles] [--check] [--verbose]

Extracts every readout of the dev corpus (``../shared/corpus/dev`` by
default), scores the records with ``../shared/eval/score.py`` and prints its
table for the whole corpus and for each part of ``eval/split.json``, then for
``styles``: the hand-written readouts of ``tests/fixtures/styles`` (other
styles and wordings, with their gold records). With ``--check`` it exits 1
when the headline or any field of the whole corpus, or of ``styles``, falls
below the floors in ``eval/floors.json`` (``styles`` under its own key).
Floors only go up: raise them when the scores rise, never lower them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
STYLES = ROOT / "tests" / "fixtures" / "styles"


def extract_dir(corpus: Path, ids: list[str], out: Path) -> None:
    from hrd.extract import extract

    for doc_id in ids:
        text = (corpus / f"{doc_id}.txt").read_text("utf-8")
        record = extract(text, source=f"{doc_id}.txt")
        (out / f"{doc_id}.json").write_text(json.dumps(record.to_json(), ensure_ascii=False, indent=1))


def score(corpus: Path, ids: list[str], verbose: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = Path(tmp, "gold"), Path(tmp, "pred")
        gold.mkdir()
        pred.mkdir()
        for doc_id in ids:
            shutil.copy(corpus / f"{doc_id}.json", gold)
            shutil.copy(corpus / f"{doc_id}.txt", gold)
        extract_dir(corpus, ids, pred)
        args = [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            str(gold),
            str(pred),
            "--json",
            str(Path(tmp, "s.json")),
        ]
        if verbose:
            args.append("--verbose")
        out = subprocess.run(args, capture_output=True, text=True, check=True)
        print(out.stdout, end="")
        result: dict[str, object] = json.loads(Path(tmp, "s.json").read_text())
        return result


def below(result: dict[str, object], floors: dict[str, object], label: str) -> list[str]:
    """The headline and fields of ``result`` that fall below ``floors``."""
    failures = []
    fields = result["fields"]
    assert isinstance(fields, dict)
    if float(result["headline"]) < floors["headline"]:  # type: ignore[arg-type,operator]
        failures.append(f"{label}headline {result['headline']} < floor {floors['headline']}")
    field_floors = floors["fields"]
    assert isinstance(field_floors, dict)
    for name, floor in field_floors.items():
        value = fields.get(name, {})
        got = value.get("f1", value.get("accuracy", 0.0))
        if got < floor:
            failures.append(f"{label}{name} {got} < floor {floor}")
    return failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "dev")
    ap.add_argument("--part", choices=["all", "design", "heldout", "styles"], default=None)
    ap.add_argument("--check", action="store_true", help="fail when a score falls below eval/floors.json")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    split = json.loads((HERE / "split.json").read_text())
    every = sorted(p.stem for p in args.corpus.glob("*.json"))
    styles = sorted(p.stem for p in STYLES.glob("*.json"))
    parts = {"all": every, "design": split["design"], "heldout": split["heldout"], "styles": styles}
    corpora = {name: args.corpus for name in parts} | {"styles": STYLES}
    chosen = [args.part] if args.part else ["design", "heldout", "all", "styles"]
    results = {}
    for name in chosen:
        print(f"== {name} ({len(parts[name])} documents)")
        results[name] = score(corpora[name], parts[name], args.verbose)
    if not args.check:
        return 0
    floors = json.loads((HERE / "floors.json").read_text())
    whole = results.get("all") or score(args.corpus, every, False)
    failures = below(whole, floors, "")
    style_scores = results.get("styles") or score(STYLES, styles, False)
    failures += below(style_scores, floors["styles"], "styles ")
    for line in failures:
        print(f"EVAL GATE FAILED: {line}")
    if not failures:
        print("eval gate passed: every field at or above its floor")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
