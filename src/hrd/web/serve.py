"""Run the web application with uvicorn (``hrd serve`` and ``hrd demo``)."""

from __future__ import annotations

import uvicorn

from ..settings import Settings
from .app import create_app

__all__ = ["serve"]


def serve(settings: Settings, *, host: str, port: int) -> None:
    """Serve the UI and the API on ``host``:``port`` until interrupted."""
    app = create_app(settings)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False, server_header=False)
