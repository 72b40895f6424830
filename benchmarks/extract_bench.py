"""Extraction throughput on one core, next to spaCy's sentence splitter on the same documents.

The dev corpus (or the directory given with --corpus, or $HRD_BENCH_CORPUS) is
read once, repeated to at least --docs documents (default 2,000), and then

1. every document is extracted with :func:`hrd.extract` (documents/s, words/s);
2. the same documents are split into sentences by spaCy's blank English
   pipeline with the rule-based "sentencizer" (nothing else);
3. the ratio extraction time / spaCy split time is printed.

The process is pinned to one CPU where the OS allows it. Figures, not
pass/fail: the script fails only if it cannot run.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity here); single process"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}; single process"


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=False,
        )
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def load_corpus(directory: Path) -> list[tuple[str, str]]:
    """(name, text) of every readable document in ``directory``, read as ``hrd extract`` reads it."""
    from hrd.errors import HRDError
    from hrd.read import read_path
    from hrd.settings import Settings

    settings = Settings()
    docs = []
    for path in sorted(directory.iterdir()):
        if path.suffix.lower() not in (".txt", ".html", ".htm", ".pdf"):
            continue
        try:
            docs.append((path.name, read_path(path, settings=settings).text))
        except HRDError:
            continue
    return docs


def timed(func: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``func()``; they differ when the machine is busy."""
    wall, cpu = time.perf_counter(), time.process_time()
    func()
    return time.perf_counter() - wall, time.process_time() - cpu


def stage_shares(texts: list[str]) -> dict[str, float] | None:
    """Seconds per pipeline stage over ``texts``; None if the pipeline's internals changed."""
    try:
        from hrd.extract.pipeline import STAGES
        from hrd.extract.state import Analysis
    except ImportError:
        return None
    spent: dict[str, float] = defaultdict(float)
    try:
        for text in texts:
            analysis = Analysis(text=text)
            for st in STAGES:
                t = time.perf_counter()
                analysis = st.func(analysis)
                spent[st.name] += time.perf_counter() - t
    except Exception as exc:  # a figure we can do without
        print(f"  (stage breakdown unavailable: {type(exc).__name__}: {exc})")
        return None
    return dict(spent)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--corpus", type=Path, default=Path(os.environ.get("HRD_BENCH_CORPUS", DEFAULT_CORPUS))
    )
    parser.add_argument("--docs", type=int, default=2000, help="at least this many documents (default 2000)")
    args = parser.parse_args()

    import hrd
    from hrd import extract

    pinned = pin_to_one_core()
    print(f"machine: {cpu_model()}; {os.cpu_count()} logical cores; {pinned}")
    print(f"python {platform.python_version()}, hrd {hrd.__version__} at commit {git_commit()}")
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus} (give --corpus DIR or set HRD_BENCH_CORPUS)")
        return 1
    corpus = load_corpus(args.corpus)
    if not corpus:
        print(f"no readable documents in {args.corpus}")
        return 1
    repeat = math.ceil(args.docs / len(corpus))
    docs = corpus * repeat
    texts = [text for _, text in docs]
    words = sum(len(t.split()) for t in texts)
    chars = sum(len(t) for t in texts)
    print(
        f"documents: {len(docs):,} ({len(corpus)} distinct from {args.corpus}, x{repeat}); "
        f"{words:,} words, {chars:,} characters"
    )

    extract(corpus[0][1], source=corpus[0][0])  # warm-up: lexicons, regexes

    def run_extract() -> None:
        for name, text in docs:
            extract(text, source=name)

    t_extract, cpu_extract = timed(run_extract)
    print(
        f"hrd.extract: {t_extract:.2f} s wall ({cpu_extract:.2f} s CPU): "
        f"{len(docs) / t_extract:,.1f} documents/s, {words / t_extract:,.0f} words/s"
    )

    try:
        import spacy
    except ImportError:
        print("spaCy: not installed (make bench installs requirements-bench.lock); no ratio")
        return 0
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp(texts[0])  # warm-up
    sentences = 0

    def run_spacy() -> None:
        nonlocal sentences
        for doc in nlp.pipe(texts, batch_size=64):
            sentences += sum(1 for _ in doc.sents)

    t_spacy, cpu_spacy = timed(run_spacy)
    print(
        f"spaCy {spacy.__version__} blank('en') + sentencizer: {t_spacy:.2f} s wall ({cpu_spacy:.2f} s CPU): "
        f"{len(docs) / t_spacy:,.1f} documents/s, {words / t_spacy:,.0f} words/s, {sentences:,} sentences"
    )
    print(
        f"ratio extraction time / spaCy split time: {t_extract / t_spacy:.1f} (wall), "
        f"{cpu_extract / max(cpu_spacy, 1e-9):.1f} (CPU)"
    )

    shares = stage_shares([text for _, text in corpus])
    if shares:
        total = sum(shares.values()) or 1.0
        parts = ", ".join(f"{name} {100 * s / total:.0f}%" for name, s in shares.items())
        print(f"time per stage (one pass over the distinct documents): {parts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
