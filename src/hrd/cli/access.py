"""Users, API tokens, the audit log and the case register's key, as the local operator."""

from __future__ import annotations

import sys

import typer

from . import app, err, out

# -- users, API tokens, the audit log and the case register (as the local operator) ---------------

user_app = typer.Typer(
    help="Users and their roles (viewer, analyst, case-officer, admin).", no_args_is_help=True
)
token_app = typer.Typer(help="API tokens: scoped, revocable, shown once.", no_args_is_help=True)
audit_app = typer.Typer(help="The hash-chained audit log.", no_args_is_help=True)
cases_app = typer.Typer(help="The confidential case register: its encryption key.", no_args_is_help=True)
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")
app.add_typer(audit_app, name="audit")
app.add_typer(cases_app, name="cases")


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="Letters, digits and . _ @ + -"),
    role: str = typer.Option("viewer", "--role", help="viewer, analyst, case-officer or admin."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin."),
    no_password: bool = typer.Option(False, "--no-password", help="An account for API tokens only."),
) -> None:
    """Add a user; the password is prompted for (never echoed) unless read from stdin."""
    from ..auth.console import as_operator, password_from
    from ..auth.roles import parse_role
    from ..auth.users import add_user
    from ..settings import Settings

    level = parse_role(role)
    password = None
    if not no_password:
        password = (
            password_from(sys.stdin)
            if password_stdin
            else typer.prompt("Password", hide_input=True, confirmation_prompt=True)
        )
    user = as_operator(Settings(), lambda s, who: add_user(s, who, name=name, role=level, password=password))
    out.print(f"user {user.name} added as {user.role.label}", markup=False)


@user_app.command("list")
def user_list() -> None:
    """List users with their role and state."""
    from ..auth.console import as_operator
    from ..auth.users import list_users
    from ..settings import Settings

    for u in as_operator(Settings(), list_users):
        state = "disabled" if u.disabled else ("active" if u.has_password else "tokens only")
        typer.echo(f"{u.name}\t{u.role.label}\t{state}")


@user_app.command("disable")
def user_disable(name: str = typer.Argument(...)) -> None:
    """Disable a user: their sessions end and their API tokens are revoked."""
    from ..auth.console import as_operator
    from ..auth.users import disable_user
    from ..settings import Settings

    as_operator(Settings(), lambda s, who: disable_user(s, who, name=name))
    out.print(f"user {name} disabled", markup=False)


@user_app.command("role")
def user_role(name: str = typer.Argument(...), role: str = typer.Argument(..., help="The new role.")) -> None:
    """Change a user's role (their sessions end)."""
    from ..auth.console import as_operator
    from ..auth.roles import parse_role
    from ..auth.users import set_role
    from ..settings import Settings

    level = parse_role(role)
    user = as_operator(Settings(), lambda s, who: set_role(s, who, name=name, role=level))
    out.print(f"user {user.name} is now {user.role.label}", markup=False)


@token_app.command("create")
def token_create(
    user: str = typer.Option(..., "--user", help="The owner."),
    scope: list[str] = typer.Option(
        ..., "--scope", help="public:read, cases:write, public:* ... (repeatable)"
    ),
    label: str = typer.Option("", "--label", help="What the token is for."),
    days: int | None = typer.Option(None, "--expires-days", min=1, help="Lifetime in days (default: none)."),
) -> None:
    """Create an API token and print it once on stdout (store it now: it cannot be shown again)."""
    import datetime as dt

    from ..auth.console import as_operator
    from ..auth.tokens import create_token
    from ..settings import Settings

    life = dt.timedelta(days=days) if days else None
    new = as_operator(
        Settings(), lambda s, who: create_token(s, who, user=user, scopes=scope, label=label, expires_in=life)
    )
    scopes = ", ".join(new.info.scopes)
    typer.echo(f"token {new.info.id} for {new.info.user} ({scopes}), shown once:", err=True)
    typer.echo(new.token)


@token_app.command("revoke")
def token_revoke(token_id: int = typer.Argument(..., help="The token's number.")) -> None:
    """Revoke an API token."""
    from ..auth.console import as_operator
    from ..auth.tokens import revoke_token
    from ..settings import Settings

    info = as_operator(Settings(), lambda s, who: revoke_token(s, who, token_id=token_id))
    out.print(f"token {info.id} of {info.user} revoked", markup=False)


@token_app.command("list")
def token_list(user: str | None = typer.Option(None, "--user", help="Only this user's tokens.")) -> None:
    """List API tokens (never their secrets)."""
    from ..auth.console import as_operator
    from ..auth.tokens import list_tokens
    from ..settings import Settings

    for t in as_operator(Settings(), lambda s, who: list_tokens(s, who, user=user)):
        state = "revoked" if t.revoked else f"expires {t.expires_at:%Y-%m-%d}" if t.expires_at else "active"
        typer.echo(f"{t.id}\t{t.user}\t{','.join(t.scopes)}\t{state}\t{t.label}")


@audit_app.command("verify")
def audit_verify(
    head: str | None = typer.Option(None, "--head", help="The head hash noted earlier (detects a cut tail)."),
) -> None:
    """Recompute the audit chain; exit 1 and name the first broken row if it does not verify."""
    from ..auth.audit import verify
    from ..auth.console import as_operator
    from ..settings import Settings

    result = as_operator(Settings(), lambda s, who: verify(s, expected_head=head))
    if not result.ok:
        err.print(f"hrd: audit log broken: {result.reason} (after {result.rows} good rows)", markup=False)
        raise SystemExit(1)
    out.print(f"audit log intact: {result.rows} rows, head {result.head}", markup=False)


@cases_app.command("new-key")
def cases_new_key(path: str = typer.Argument(..., help="The key file to create (mode 0600).")) -> None:
    """Write a new random case-data key to a new file."""
    from pathlib import Path

    from ..cases.crypto import write_key_file

    key = write_key_file(Path(path))
    out.print(f"key {key.label} written to {path}", markup=False)


@cases_app.command("rotate-key")
def cases_rotate_key(
    new_key_file: str = typer.Option(..., "--new-key-file", help="A key file made by `hrd cases new-key`."),
) -> None:
    """Re-encrypt every case field under the new key (one transaction), then switch HRD_KEY_FILE to it."""
    from pathlib import Path

    from ..auth.console import as_operator
    from ..cases.crypto import load_keyring, read_key_file
    from ..cases.rotation import rotate_key
    from ..settings import Settings

    settings = Settings()
    keys, new = load_keyring(settings), read_key_file(Path(new_key_file)).current
    done = as_operator(settings, lambda s, who: rotate_key(new=new, principal=who, keys=keys, session=s))
    out.print(f"{done.fields} fields re-encrypted under key {done.key_id}", markup=False)
    out.print(f"now use {new_key_file} as HRD_KEY_FILE (the old key no longer opens anything)", markup=False)
