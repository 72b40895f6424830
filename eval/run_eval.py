#!/usr/bin/env python3
"""The extraction eval gate.

    python eval/run_eval.py [--corpus DIR] [--check] [--verbose]
                            [--part all|design|heldout|styles|blind|blind78|blind9|...|blind31]
    python eval/run_eval.py --dir tests/fixtures/blindN   # score one directory alone

Reads and extracts every readout of the dev corpus (``../shared/corpus/dev`` by
default) as ``hrd extract`` does (a readout is ``<id>.txt``, or a web page or PDF
of that id beside its gold record ``<id>.json``), scores the records with
``../shared/eval/score.py`` and prints its table for the whole corpus and for each
part of ``eval/split.json``, then for
``styles``: the hand-written readouts of ``tests/fixtures/styles`` (other
styles and wordings, with their gold records); ``blind``: the readouts of
``tests/fixtures/blind`` to ``blind6``, written by annotators who did not read
the extractor, in partners, styles and structures the dev corpus lacks (web
pages with menus, news reports, partner ministries, lists, other donors'
dialogues); ``blind78``: ``blind7`` and ``blind8``, read after the ``blind``
floors were set; and ``blind9`` to ``blind31``, each on its own, read later still
(``blind30`` and ``blind31`` are web pages).
With ``--check`` it exits 1 when the headline or any field of the whole corpus
or of one of these parts falls below the floors in ``eval/floors.json`` (each
part under its own key).
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
BLIND = tuple(
    ROOT / "tests" / "fixtures" / name for name in ("blind", "blind2", "blind3", "blind4", "blind5", "blind6")
)


# Blind sets read after the gate's blind floors were set: a part with floors of its own, so that no
# floor of the first sets goes down when harder sets join.
BLIND_LATER = tuple(ROOT / "tests" / "fixtures" / name for name in ("blind7", "blind8"))
# Blind sets read later still: one part each, with floors of their own.
BLIND_EACH = tuple(f"blind{n}" for n in range(9, 32))  # blind9 ... blind31


def documents(*directories: Path) -> dict[str, Path]:
    """Key -> gold record, for every gold record in ``directories``. The key is the document id, or
    ``<directory>-<id>`` when an earlier directory holds the same id."""
    out: dict[str, Path] = {}
    for d in directories:
        for p in sorted(d.glob("*.json")):
            out[p.stem if p.stem not in out else f"{d.name}-{p.stem}"] = p
    return out


SOURCE_SUFFIXES = (".txt", ".html", ".htm", ".pdf")


def source_of(gold: Path) -> Path:
    """The readout a gold record is about: ``<id>.txt``, or a web page or PDF of that id."""
    for suffix in SOURCE_SUFFIXES:
        if gold.with_suffix(suffix).exists():
            return gold.with_suffix(suffix)
    raise FileNotFoundError(f"no readout for {gold} ({', '.join(SOURCE_SUFFIXES)})")


def extract_dir(where: dict[str, Path], out: Path) -> None:
    """Extract every readout as ``hrd extract`` does: read (text, web page or PDF), then extract."""
    from hrd.extract import extract
    from hrd.read import read_path
    from hrd.settings import Settings

    settings = Settings()
    for key, gold in where.items():
        path = source_of(gold)
        doc = read_path(path, settings=settings)
        record = extract(doc.text, published=doc.published, source=path.name)
        (out / f"{key}.json").write_text(json.dumps(record.to_json(), ensure_ascii=False, indent=1))


def score(where: dict[str, Path], verbose: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        gold, pred = Path(tmp, "gold"), Path(tmp, "pred")
        gold.mkdir()
        pred.mkdir()
        for key, record in where.items():
            shutil.copy(record, gold / f"{key}.json")
            source = source_of(record)
            shutil.copy(source, gold / f"{key}{source.suffix}")
        extract_dir(where, pred)
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
    ap.add_argument(
        "--part",
        choices=["all", "design", "heldout", "styles", "blind", "blind78", *BLIND_EACH],
        default=None,
    )
    ap.add_argument("--check", action="store_true", help="fail when a score falls below eval/floors.json")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument(
        "--dir",
        type=Path,
        action="append",
        default=[],
        help="score only the gold records of this directory (a new blind set, before it is read)",
    )
    args = ap.parse_args()
    if args.dir:
        print(f"== {', '.join(str(d) for d in args.dir)}")
        score(documents(*args.dir), args.verbose)
        return 0
    split = json.loads((HERE / "split.json").read_text())
    every = documents(args.corpus)
    parts = {
        "all": every,
        "design": {i: args.corpus / f"{i}.json" for i in split["design"]},
        "heldout": {i: args.corpus / f"{i}.json" for i in split["heldout"]},
        "styles": documents(STYLES),
        "blind": documents(*BLIND),
        "blind78": documents(*BLIND_LATER),
        **{name: documents(ROOT / "tests" / "fixtures" / name) for name in BLIND_EACH},
    }
    chosen = (
        [args.part] if args.part else ["design", "heldout", "all", "styles", "blind", "blind78", *BLIND_EACH]
    )
    results = {}
    for name in chosen:
        print(f"== {name} ({len(parts[name])} documents)")
        results[name] = score(parts[name], args.verbose)
    if not args.check:
        return 0
    floors = json.loads((HERE / "floors.json").read_text())
    failures = below(results.get("all") or score(every, False), floors, "")
    for name in ("styles", "blind", "blind78", *BLIND_EACH):
        got = results.get(name) or score(parts[name], False)
        failures += below(got, floors[name], f"{name} ")
    for line in failures:
        print(f"EVAL GATE FAILED: {line}")
    if not failures:
        print("eval gate passed: every field at or above its floor")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
