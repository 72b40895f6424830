"""tracking: follow-up status and its history, benchmarks and per-round assessment overrides

Revision ID: track0001
Revises: auth0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "track0001"
down_revision: str | None = "auth0001"
branch_labels: str | None = None
depends_on: str | None = None


def _who_when() -> list[sa.Column[object]]:
    return [
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "followup_status",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=False),
        *_who_when(),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statements.id"],
            name=op.f("fk_followup_status_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_status")),
    )
    op.create_index(op.f("ix_followup_status_statement_id"), "followup_status", ["statement_id"], unique=True)
    op.create_table(
        "followup_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("evidence", sa.JSON(), nullable=False),
        *_who_when(),
        sa.ForeignKeyConstraint(
            ["statement_id"],
            ["statements.id"],
            name=op.f("fk_followup_history_statement_id_statements"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_followup_history")),
    )
    op.create_index(op.f("ix_followup_history_statement_id"), "followup_history", ["statement_id"])
    op.create_table(
        "benchmarks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("partner", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("topic", sa.String(length=60), nullable=True),
        sa.Column("instrument", sa.String(length=500), nullable=True),
        sa.Column("article", sa.String(length=100), nullable=True),
        sa.Column("change", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        *_who_when(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benchmarks")),
    )
    op.create_index(op.f("ix_benchmarks_partner"), "benchmarks", ["partner"])
    op.create_table(
        "benchmark_assessments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("benchmark_id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        *_who_when(),
        sa.ForeignKeyConstraint(
            ["benchmark_id"],
            ["benchmarks.id"],
            name=op.f("fk_benchmark_assessments_benchmark_id_benchmarks"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meetings.id"],
            name=op.f("fk_benchmark_assessments_meeting_id_meetings"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_benchmark_assessments")),
    )
    op.create_index(
        "ix_benchmark_assessments_pair", "benchmark_assessments", ["benchmark_id", "meeting_id", "id"]
    )
    op.create_index(op.f("ix_benchmark_assessments_meeting_id"), "benchmark_assessments", ["meeting_id"])


def downgrade() -> None:
    op.drop_table("benchmark_assessments")
    op.drop_table("benchmarks")
    op.drop_table("followup_history")
    op.drop_table("followup_status")
