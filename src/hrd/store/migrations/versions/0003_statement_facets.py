"""statements carry their facets: partner, kind, year, current (latest document), topic list

Search filters and counts facets over the statements table alone (no joins per
matching statement). The values are copies kept by the store: set when a
statement is stored, ``current`` cleared when a newer version of its document
arrives, ``topic_list`` rewritten with its topics.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_REPORT = (
    "FROM meeting_reports r JOIN meetings m ON m.id = r.meeting_id JOIN series ON series.id = m.series_id"
)
_DOC = "FROM meeting_reports r JOIN documents d ON d.id = r.document_id WHERE r.id = statements.report_id"


def _fill(dialect: str) -> list[str]:
    if dialect == "sqlite":
        year = f"(SELECT CAST(strftime('%Y', coalesce(r.start, d.published)) AS INTEGER) {_DOC})"
        topics = (
            "(SELECT group_concat(topic, ';') FROM (SELECT topic FROM statement_topics t "
            "WHERE t.statement_id = statements.id ORDER BY position))"
        )
    else:
        year = f"(SELECT CAST(extract(year FROM coalesce(r.start, d.published)) AS INTEGER) {_DOC})"
        topics = (
            "(SELECT string_agg(topic, ';' ORDER BY position) FROM statement_topics t "
            "WHERE t.statement_id = statements.id)"
        )
    return [
        "UPDATE statements SET "
        f"partner = (SELECT series.partner {_REPORT} WHERE r.id = statements.report_id), "
        f"kind = (SELECT r.kind FROM meeting_reports r WHERE r.id = statements.report_id), "
        f"year = {year}, current = (SELECT d.latest {_DOC}), topic_list = coalesce({topics}, '')",
    ]


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of the table): SQLite keeps the full-text triggers of 0002.
    op.add_column("statements", sa.Column("partner", sa.String(40), nullable=True))
    op.add_column("statements", sa.Column("kind", sa.String(40), nullable=True))
    op.add_column("statements", sa.Column("year", sa.Integer(), nullable=True))
    op.add_column("statements", sa.Column("current", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.add_column("statements", sa.Column("topic_list", sa.Text(), nullable=False, server_default=""))
    for sql in _fill(op.get_bind().dialect.name):
        op.execute(sql)
    op.create_index("ix_statements_facets", "statements", ["current", "partner", "kind", "year"])


def downgrade() -> None:
    op.drop_index("ix_statements_facets", "statements")
    for column in ("topic_list", "current", "year", "kind", "partner"):
        op.drop_column("statements", column)  # SQLite >= 3.35 drops columns in place
