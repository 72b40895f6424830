"""covering indexes for search filters: documents by date, reports by meeting, statements' facets

Search filters documents by publication date and by the series of the meetings
they report, and counts facets over the matching statements. Without these
indexes SQLite reads each candidate row, and a document row carries its whole
text: a filtered query read tens of megabytes. With them the filters and the
facet counts read only the indexes.

Revision ID: 0004
Revises: track0001
"""

from __future__ import annotations

from alembic import op

revision: str = "0004"
down_revision: str | None = "track0001"
branch_labels: str | None = None
depends_on: str | None = None

STATEMENT_FACETS = ("id", "current", "state", "partner", "kind", "actor", "act", "year", "topic_list")


def upgrade() -> None:
    op.create_index("ix_documents_latest_published", "documents", ["latest", "published"])
    op.create_index("ix_meeting_reports_meeting_document", "meeting_reports", ["meeting_id", "document_id"])
    op.create_index("ix_statements_search", "statements", list(STATEMENT_FACETS))


def downgrade() -> None:
    op.drop_index("ix_statements_search", "statements")
    op.drop_index("ix_meeting_reports_meeting_document", "meeting_reports")
    op.drop_index("ix_documents_latest_published", "documents")
