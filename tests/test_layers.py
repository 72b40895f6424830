"""The layers of ARCHITECTURE.md, checked on the source: lower layers never import higher ones.

Every module under src/hrd is parsed (not imported) and every import in it
counts: absolute and relative, at the top, inside functions and under
``TYPE_CHECKING``, and ``importlib.import_module`` / ``__import__`` calls
with a literal name.

The order, bottom up: the shared values and rules (``BASE``), read/,
extract/, store/, track/, report/, then the faces web/ and cli. auth/ and
cases/ sit beside the store (both build on it) and below the faces; the
store never sees them. FastAPI and Starlette belong to web/ alone, Typer,
Click and Rich to cli/ alone (report/ renders with Jinja2 and WeasyPrint).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
ROOT = SRC / "hrd"

#: The shared modules at the bottom: plain values and rules every layer may use.
BASE = ("analyst", "codes", "errors", "identity", "record", "series", "settings")
_FACES = {"web", "cli"}

#: layer -> the packages of hrd it must never import.
FORBIDDEN: dict[str, set[str]] = {
    **{base: {"read", "extract", "store", "track", "report", "cases", "auth"} | _FACES for base in BASE},
    "read": {"extract", "store", "track", "report", "cases", "auth"} | _FACES,
    "extract": {"store", "track", "report", "cases", "auth"} | _FACES,
    "store": {"track", "report", "cases", "auth"} | _FACES,
    "track": {"report", "cases", "auth"} | _FACES,
    "report": {"cases", "auth"} | _FACES,
    "auth": {"track", "report"} | _FACES,
    "cases": {"track", "report"} | _FACES,
    "web": {"cli"},
}

#: third-party packages -> the only layer that may import them.
ONLY_IN: dict[str, str] = {
    "fastapi": "web",
    "starlette": "web",
    "typer": "cli",
    "click": "cli",
    "rich": "cli",
}


@dataclass(frozen=True, slots=True)
class Import:
    module: str
    """The importing module, e.g. 'hrd.store.tracking'."""
    target: str
    """The imported module, absolute, e.g. 'hrd.track.rounds' or 'fastapi.responses'."""
    line: int

    def __str__(self) -> str:
        return f"{self.module} (line {self.line}) imports {self.target}"


def _known_modules() -> set[str]:
    out = set()
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(SRC).with_suffix("").parts
        out.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return out


def imports_of(source: str, module: str, is_package: bool, known: set[str]) -> Iterator[Import]:
    """Every import of ``source`` (the text of ``module``), resolved to absolute module names."""
    package = module.split(".") if is_package else module.split(".")[:-1]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(module, alias.name, node.lineno)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                origin = ".".join([*base, node.module] if node.module else base)
            else:
                origin = node.module or ""
            yield Import(module, origin, node.lineno)
            for alias in node.names:
                if f"{origin}.{alias.name}" in known:
                    yield Import(module, f"{origin}.{alias.name}", node.lineno)
        elif (
            isinstance(node, ast.Call)
            and (
                (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                or (isinstance(node.func, ast.Name) and node.func.id in ("import_module", "__import__"))
            )
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield Import(module, node.args[0].value, node.lineno)


def _layer(name: str) -> str:
    """'hrd.store.tracking' -> 'store'; 'hrd.record' -> 'record'; 'hrd' -> 'hrd'."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def violations(found: Iterator[Import]) -> list[str]:
    out = []
    for imp in found:
        layer = _layer(imp.module)
        top = imp.target.split(".")[0]
        if top == "hrd":
            if _layer(imp.target) in FORBIDDEN.get(layer, set()):
                out.append(str(imp))
        elif top in ONLY_IN and layer != ONLY_IN[top]:
            out.append(f"{imp} (only {ONLY_IN[top]}/ may)")
    return out


def all_imports() -> Iterator[Import]:
    known = _known_modules()
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        name = ".".join(parts[:-1] if is_package else parts)
        yield from imports_of(path.read_text(encoding="utf-8"), name, is_package, known)


def test_the_scan_sees_the_whole_package() -> None:
    known = _known_modules()
    for module in ("hrd.read.fetch", "hrd.extract.pipeline", "hrd.store.tables", "hrd.track.rounds"):
        assert module in known
    for module in ("hrd.report.brief", "hrd.web.app", "hrd.cli", "hrd.record"):
        assert module in known
    targets = {(i.module, i.target) for i in all_imports()}
    assert ("hrd.store.tables", "sqlalchemy") in targets
    assert ("hrd.web.app", "fastapi") in targets


def test_every_form_of_import_counts() -> None:
    source = (
        "from __future__ import annotations\n"
        "import typing\n"
        "import hrd.web.app\n"
        "from hrd import report\n"
        "from .. import track\n"
        "from ..cli.track import app\n"
        "if typing.TYPE_CHECKING:\n"
        "    from ..report.brief import Brief\n"
        "def f() -> None:\n"
        "    from .tables import Base\n"
        "    from fastapi import FastAPI\n"
        "    importlib.import_module('hrd.web.deps')\n"
    )
    known = {"hrd.report", "hrd.track", "hrd.store.tables"}
    found = list(imports_of(source, "hrd.store.example", False, known))
    assert {i.target for i in found} >= {
        "hrd.web.app",
        "hrd.report",
        "hrd.track",
        "hrd.cli.track",
        "hrd.report.brief",
        "hrd.store.tables",
        "fastapi",
        "hrd.web.deps",
    }
    bad = violations(iter(found))
    assert len(bad) == 7
    assert not any("hrd.store.tables" in b for b in bad)
    # a package's own relative imports start from the package itself
    inside = list(imports_of("from .tables import Base\n", "hrd.store", True, known))
    assert [i.target for i in inside] == ["hrd.store.tables"]


@pytest.mark.parametrize("layer", sorted({_layer(m) for m in _known_modules()}))
def test_lower_layers_never_import_higher_ones(layer: str) -> None:
    bad = [v for v in violations(all_imports()) if _layer(v.split(" ")[0]) == layer]
    assert not bad, "\n".join(bad)
