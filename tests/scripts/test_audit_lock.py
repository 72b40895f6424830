"""scripts/audit-lock: a known vulnerability fails, an unreachable service only warns, other errors fail."""

from __future__ import annotations

import importlib.machinery
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).parent.parent.parent / "scripts" / "audit-lock"


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    loader = importlib.machinery.SourceFileLoader("audit_lock", str(SCRIPT))
    spec = importlib.util.spec_from_loader("audit_lock", loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def _report(*deps: dict[str, Any]) -> dict[str, Any]:
    return {"dependencies": list(deps), "fixes": []}


CLEAN = {"name": "jinja2", "version": "3.1.6", "vulns": []}
VULNERABLE = {
    "name": "jinja2",
    "version": "3.1.2",
    "vulns": [{"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"], "aliases": ["CVE-2024-22195"]}],
}
NOT_FOUND = {
    "name": "lxml",
    "skip_reason": "Dependency not found on PyPI and could not be audited: lxml (6.1.3)",
}


def test_a_known_vulnerability_fails_and_names_the_fixed_version(audit: ModuleType) -> None:
    code, message = audit.verdict(1, _report(CLEAN, VULNERABLE), "Found 1 known vulnerability in 1 package")
    assert code == 1
    assert "jinja2 3.1.2: GHSA-h5c8-rqwp-cp95 (CVE-2024-22195); fixed in 3.1.3" in message


def test_a_vulnerability_fails_even_when_other_packages_were_skipped(audit: ModuleType) -> None:
    assert audit.verdict(1, _report(NOT_FOUND, VULNERABLE), "")[0] == 1


def test_a_clean_audit_passes(audit: ModuleType) -> None:
    code, message = audit.verdict(0, _report(CLEAN), "")
    assert (code, message) == (0, "pip-audit: no known vulnerabilities in 1 locked packages")


def test_packages_without_data_are_a_warning_not_a_clean_audit(audit: ModuleType) -> None:
    code, message = audit.verdict(0, _report(NOT_FOUND, NOT_FOUND), "No known vulnerabilities found")
    assert code == 0
    assert message.startswith("WARNING") and "none of them was audited" in message
    code, message = audit.verdict(0, _report(CLEAN, NOT_FOUND), "")
    assert code == 0 and "1 were NOT audited" in message


@pytest.mark.parametrize(
    "stderr",
    [
        "ERROR:pip_audit._cli:Could not connect to PyPI's vulnerability feed",
        "requests.exceptions.ConnectionError: Max retries exceeded with url: /pypi/x/1/json",
        "Temporary failure in name resolution",
    ],
)
def test_an_unreachable_service_is_a_warning(audit: ModuleType, stderr: str) -> None:
    code, message = audit.verdict(1, None, stderr)
    assert code == 0 and message.startswith("WARNING") and "NOT audited" in message


def test_any_other_failure_fails(audit: ModuleType) -> None:
    stderr = "ERROR:pip_audit._cli:requirement file x.lock contains invalid specifier at line 1"
    code, message = audit.verdict(1, None, stderr)
    assert code == 2 and "invalid specifier" in message
    assert audit.verdict(1, _report(CLEAN), "boom")[0] == 2
