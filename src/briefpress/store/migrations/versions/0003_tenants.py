"""Tenants: each job and article belongs to the key, or the named tenant, that made it; admin keys see all.

Rows written before this migration have no tenant: only admin keys see them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # batch mode: SQLite cannot add a column with a constraint in place.
    with op.batch_alter_table("api_keys") as batch:
        batch.add_column(sa.Column("tenant", sa.String(200), nullable=True))
        batch.add_column(sa.Column("admin", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("jobs") as batch:
        batch.add_column(sa.Column("tenant", sa.String(200), nullable=True))
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("tenant", sa.String(200), nullable=True))
    op.create_index("ix_jobs_tenant", "jobs", ["tenant"])
    op.create_index("ix_articles_tenant", "articles", ["tenant"])


def downgrade() -> None:
    op.drop_index("ix_articles_tenant", "articles")
    op.drop_index("ix_jobs_tenant", "jobs")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("tenant")
    with op.batch_alter_table("jobs") as batch:
        batch.drop_column("tenant")
    with op.batch_alter_table("api_keys") as batch:
        batch.drop_column("admin")
        batch.drop_column("tenant")
