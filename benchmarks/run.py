"""Run every benchmark script in this directory (``*_bench.py``) and print their figures.

Benchmarks report figures, not pass/fail. This runner exits non-zero only if
a script could not run to its end (it crashed or reported that it could not
find its data), so that a broken benchmark does not go unnoticed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    scripts = sorted(HERE.glob("*_bench.py"))
    if not scripts:
        print(f"no *_bench.py scripts in {HERE}")
        return 1
    failed = []
    for script in scripts:
        print(f"== {script.name}", flush=True)
        start = time.perf_counter()
        # Each benchmark in a fresh interpreter: no warm caches or pinning carried over.
        code = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False).returncode
        print(f"== {script.name}: {'done' if code == 0 else f'FAILED (exit {code})'} in "
              f"{time.perf_counter() - start:.1f} s\n", flush=True)  # fmt: skip
        if code != 0:
            failed.append(script.name)
    if failed:
        print(f"benchmarks that could not run: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
