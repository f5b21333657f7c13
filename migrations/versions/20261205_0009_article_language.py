"""article language index

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 08:00:00.000000

An article's `language` is now declared or detected (ISO 639-1, or `und`) instead of always
`en`, and `GET /v1/articles?language=` filters on it: this revision indexes it. The column itself
is as old as the schema, so stored articles keep the `en` they were given; loading one again
detects its language. A plain CREATE INDEX on both backends: no table rebuild.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_article_language", "article", ["language"])


def downgrade() -> None:
    op.drop_index("ix_article_language", table_name="article")
