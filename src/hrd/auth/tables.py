"""Tables of accounts, sessions, API tokens and the audit log (on the store's declarative base).

Secrets are never stored: sessions and API tokens keep the SHA-256 of the
random token (the token itself has 256 bits of entropy, so a fast hash is
enough and allows lookup by hash), passwords keep an argon2id hash.
The audit log is append-only (database triggers refuse UPDATE and DELETE,
created by the migration) and hash-chained (see :mod:`hrd.auth.audit`).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..store.tables import Base

__all__ = ["ApiTokenRow", "AuditRow", "SessionRow", "UserRow"]


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    """The role's label (``case-officer``)."""
    password_hash: Mapped[str | None] = mapped_column(String(200))
    """``None``: the user cannot log in with a password (API tokens only)."""
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class SessionRow(Base):
    """A login session; the client holds the token, the database its SHA-256."""

    __tablename__ = "user_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class ApiTokenRow(Base):
    """A scoped, revocable API token; shown once at creation, kept as its SHA-256."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    scopes: Mapped[list[Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class AuditRow(Base):
    """One audited event. ``detail`` names fields and versions, never confidential values."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    """UTC time, ISO 8601 with microseconds (a string, so that it hashes the same on every backend)."""
    actor: Mapped[str] = mapped_column(String(200))
    actor_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(40), index=True)
    target: Mapped[str | None] = mapped_column(String(40))
    target_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text)
    """Canonical JSON (sorted keys, no spaces)."""
    prev_hash: Mapped[str] = mapped_column(String(64), unique=True)
    """The hash of the row before (64 zeros for the first); unique, so the chain cannot fork."""
    hash: Mapped[str] = mapped_column(String(64), unique=True)
