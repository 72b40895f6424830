"""covering indexes for search's document filters: documents by date, reports by meeting

Search filters documents by publication date and by the series of the meetings
they report. Without these indexes SQLite reads each candidate row, and a
document row carries its whole text: a filtered query read tens of megabytes.
With them the filters read only the indexes.

Revision ID: 0004
Revises: track0001
"""

from __future__ import annotations

from alembic import op

revision: str = "0004"
down_revision: str | None = "track0001"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_index("ix_documents_latest_published", "documents", ["latest", "published"])
    op.create_index("ix_meeting_reports_meeting_document", "meeting_reports", ["meeting_id", "document_id"])


def downgrade() -> None:
    op.drop_index("ix_meeting_reports_meeting_document", "meeting_reports")
    op.drop_index("ix_documents_latest_published", "documents")
