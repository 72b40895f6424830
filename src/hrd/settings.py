"""The one settings class. Every option is read from ``HRD_*`` variables or passed in."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]


def _default_database_url() -> str:
    return f"sqlite:///{user_data_path('hrd-tracker') / 'hrd.sqlite'}"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="HRD_", frozen=True, extra="ignore")

    database_url: str = Field(default_factory=_default_database_url)
    max_input_bytes: int = 10 * 1024 * 1024
    fetch_timeout: float = 20.0
    user_agent: str = "hrd-tracker/0.1 (+https://github.com/hrd-tracker)"
    key_file: Path | None = None
    secret_key: SecretStr | None = None
    anonymous_read: bool = False
    allow_private_urls: bool = False
    """Fetch from private, loopback and link-local addresses too (an intranet); off: public hosts only."""
