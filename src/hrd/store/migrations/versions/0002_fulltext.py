"""full-text indexes: SQLite FTS5 tables kept in sync by triggers; PostgreSQL tsvector + GIN

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"

SQLITE_UP = [
    f"""CREATE VIRTUAL TABLE statements_fts USING fts5(
        text, content='statements', content_rowid='id', tokenize='{FTS_TOKENIZER}')""",
    """CREATE TRIGGER statements_fts_ai AFTER INSERT ON statements BEGIN
        INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text); END""",
    """CREATE TRIGGER statements_fts_au AFTER UPDATE OF text ON statements BEGIN
        INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text); END""",
    f"""CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='id', tokenize='{FTS_TOKENIZER}')""",
    """CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
    """CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text); END""",
    """CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
]
SQLITE_DOWN = [
    "DROP TRIGGER documents_fts_au",
    "DROP TRIGGER documents_fts_ad",
    "DROP TRIGGER documents_fts_ai",
    "DROP TABLE documents_fts",
    "DROP TRIGGER statements_fts_au",
    "DROP TRIGGER statements_fts_ad",
    "DROP TRIGGER statements_fts_ai",
    "DROP TABLE statements_fts",
]

POSTGRES_UP = [
    """ALTER TABLE statements ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (to_tsvector('english', coalesce(text, ''))) STORED""",
    "CREATE INDEX ix_statements_search_vector ON statements USING gin (search_vector)",
    """ALTER TABLE documents ADD COLUMN search_vector tsvector
        GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A')
                             || setweight(to_tsvector('english', coalesce(text, '')), 'B')) STORED""",
    "CREATE INDEX ix_documents_search_vector ON documents USING gin (search_vector)",
]
POSTGRES_DOWN = [
    "DROP INDEX ix_documents_search_vector",
    "ALTER TABLE documents DROP COLUMN search_vector",
    "DROP INDEX ix_statements_search_vector",
    "ALTER TABLE statements DROP COLUMN search_vector",
]


def _run(statements: list[str]) -> None:
    for sql in statements:
        op.execute(sql)


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _run(SQLITE_UP)
    elif dialect == "postgresql":
        _run(POSTGRES_UP)
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise NotImplementedError(f"full-text search is not implemented for {dialect}")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    _run(SQLITE_DOWN if dialect == "sqlite" else POSTGRES_DOWN)
