import pytest

from hrd.errors import exit_code, http_status
from hrd.report.optional import RendererUnavailableError, optional_module


def test_missing_module_is_one_clean_error() -> None:
    with pytest.raises(
        RendererUnavailableError, match="PDF notes unavailable: the Python package 'weasy-x' is not installed"
    ) as caught:
        optional_module("hrd_no_such_module_xyz", "PDF notes", package="weasy-x")
    assert (http_status(caught.value), exit_code(caught.value)) == (501, 69)


def test_installed_module_is_returned() -> None:
    assert optional_module("json", "JSON").dumps([1]) == "[1]"
