"""``hrd serve`` and ``hrd demo``: the web UI and JSON API."""

from __future__ import annotations

import typer

from . import app

# -- web: the UI and JSON API ----------------------------------------------------------------------


@app.command("serve")
def serve_web(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the web UI and the JSON API (/api/v1, docs at /api/docs) on a migrated database."""
    from ..settings import Settings
    from ..web.serve import serve

    serve(Settings(), host=host, port=port)


@app.command("demo")
def serve_demo(
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    examples: str | None = typer.Option(None, "--examples", metavar="DIR", help="Readouts to load."),
) -> None:
    """Migrate the database, load the example readouts on first run, and serve the UI."""
    from pathlib import Path

    from ..settings import Settings
    from ..store.demo import default_examples, prepare_demo
    from ..web.serve import serve

    settings = Settings()
    folder = Path(examples) if examples else default_examples()
    report = prepare_demo(settings, examples=folder)
    if report is not None:
        typer.echo(f"loaded {report.count('ingested')} example readouts from {folder}", err=True)
    from ..web.demo_access import DEMO_USER, prepare_access

    access = prepare_access(settings)  # the demo admin gets a new password at each start
    typer.echo(f"HRD Tracker demo on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    typer.echo(f"sign in as {DEMO_USER!r} with the password {access.password}", err=True)
    serve(access.settings, host=host, port=port)
