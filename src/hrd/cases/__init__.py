"""The confidential register of individual cases: sealed at rest, reachable only through :mod:`.access`."""

from __future__ import annotations

from .access import add_reply, add_status, create_case, edit_case, get_case, link_meeting, list_cases
from .crypto import DecryptionError, Key, Keyring, KeyUnavailableError, load_keyring
from .lists import NextList, next_round_list, record_list, render_markdown
from .models import (
    CaseEdit,
    CaseInput,
    CaseRef,
    CaseSummary,
    CaseView,
    Category,
    Charge,
    MeetingLink,
    Reply,
    Status,
    StatusEntry,
    VersionConflictError,
)
from .rotation import Rotation, rotate_key
from .suggest import NameSuggestion, suggestions

__all__ = [
    "CaseEdit",
    "CaseInput",
    "CaseRef",
    "CaseSummary",
    "CaseView",
    "Category",
    "Charge",
    "DecryptionError",
    "Key",
    "KeyUnavailableError",
    "Keyring",
    "MeetingLink",
    "NameSuggestion",
    "NextList",
    "Reply",
    "Rotation",
    "Status",
    "StatusEntry",
    "VersionConflictError",
    "add_reply",
    "add_status",
    "create_case",
    "edit_case",
    "get_case",
    "link_meeting",
    "list_cases",
    "load_keyring",
    "next_round_list",
    "record_list",
    "render_markdown",
    "rotate_key",
    "suggestions",
]
