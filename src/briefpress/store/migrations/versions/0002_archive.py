"""The archive: the newsroom's published articles, and a full-text index of their passages.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "archive_articles",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("url", sa.Text(), nullable=True, unique=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("date", sa.String(40), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_archive_articles_added_at", "archive_articles", ["added_at"])
    if op.get_bind().dialect.name == "sqlite":
        # BM25-ranked full-text search over passages; the Porter stemmer matches "approved" to "approves".
        op.execute("CREATE VIRTUAL TABLE archive_passages USING fts5("
                   "text, title, article_id UNINDEXED, position UNINDEXED, tokenize = 'porter unicode61')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE archive_passages")
    op.drop_table("archive_articles")
